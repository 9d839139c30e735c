"""Put records in each state straight into a workspace database (for overview tests)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from desktop.models import DailyList, SigningBatch, VaccinationRecord

# state -> the record fields that put a record in it
STATE_FIELDS = {
    "loaded": {"check_status": "unchecked"},
    "needs_review": {"check_status": "mismatch"},
    "deferred": {"check_status": "not_found", "decision": "defer"},
    "ready_to_sign": {"check_status": "matched"},
    "accepted": {"check_status": "mismatch", "decision": "accept_registry"},
    "rejected_by_clerk": {"check_status": "mismatch", "decision": "reject"},
    "signed": {"check_status": "matched", "stage": "signed", "batch": True},
    "sent": {"check_status": "matched", "stage": "sent", "batch": True},
    "certified": {"check_status": "matched", "stage": "certified", "batch": True},
    "rejected_central": {"check_status": "matched", "stage": "rejected_central", "batch": True},
    "superseded": {"check_status": "matched", "stage": "superseded", "batch": True},
}


def seed(workspace, file_name: str, vaccination_date: str, counts: dict[str, int],
         imported_at: datetime | None = None) -> int:
    """One daily list with ``counts`` records per kind in ``STATE_FIELDS``; returns the list id."""
    with workspace.db.session() as s:
        dl = DailyList(file_name=file_name, file_sha256=uuid.uuid4().hex * 2, layout="pl1",
                       imported_at=imported_at or datetime.now(UTC), facility_code="01001",
                       rows_total=sum(counts.values()))
        s.add(dl)
        s.flush()
        batch = SigningBatch(id=str(uuid.uuid4()), facility_code="01001", record_count=0, merkle_root="0" * 64,
                             algorithm="ES256", manifest=b"x")
        s.add(batch)
        s.flush()
        row = 1
        for kind, n in counts.items():
            fields = dict(STATE_FIELDS[kind])
            uses_batch = fields.pop("batch", False)
            for _ in range(n):
                row += 1
                s.add(VaccinationRecord(
                    list_id=dl.id, source_row=row, facility_code="01001", full_name=f"Nguyễn Văn {row}",
                    date_of_birth="1990-01-02", sex="M", id_number=f"0010900{row:05d}", vaccine_name="Pfizer",
                    vaccine_mp="EU/1/20/1528", vaccine_ma="ORG-100030215", vaccine_vp="1119349007", lot="L1",
                    dose_number=1, dn=1, sd=2, vaccination_date=vaccination_date,
                    batch_id=batch.id if uses_batch else None, **fields,
                ))
        return dl.id
