"""Certified records of known ages, built directly in the workspace database."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from desktop.audit import record_event
from desktop.models import Certificate, Decision, SigningBatch, VaccinationRecord


def person(n: int) -> dict:
    return dict(full_name=f"Nguyễn Văn Số {n}", name_folded=f"nguyen van so {n}", date_of_birth="1985-04-1" + str(n % 10),
                sex="M", id_number=f"0010850{n:05d}", id_kind="cccd", phone=f"09120{n:05d}",
                insurance_number=f"HN40101{n:08d}", province_code="01", district_code="001", ward_code="00001")


def add_records(ws, ages: list[int | None], stage: str = "certified") -> list[int]:
    """One record per age: days since its certificate was issued (None: not certified)."""
    now = datetime.now(UTC)
    ids = []
    with ws.db.session() as s:
        batch = SigningBatch(id=str(uuid.uuid4()), facility_code="01001", record_count=len(ages), merkle_root="0" * 64,
                             algorithm="ES256", manifest=b"manifest")
        s.add(batch)
        s.flush()
        for n, age in enumerate(ages):
            record = VaccinationRecord(
                facility_code="01001", **person(n + len(ids) * 100), vaccine_name="Pfizer", vaccine_mp="EU/1/20/1528",
                vaccine_ma="ORG-100030215", vaccine_vp="1119349007", lot="FK1", dose_number=1, dn=1, sd=2,
                vaccination_date="2021-09-15", check_status="mismatch", decision="edit",
                decision_reason="Sửa tên theo CCCD của Nguyễn Văn", registry_values={"name": "Nguyễn Văn"},
                differences=[{"field": "name", "kind": "spelling", "list": "Nguyen Van", "registry": "Nguyễn Văn"}],
                stage=stage if age is not None else "loaded", batch_id=batch.id if age is not None else None)
            s.add(record)
            s.flush()
            s.add(Decision(record_id=record.id, action="edit", reason="theo CCCD", actor="clerk",
                           before={"full_name": "Nguyen Van"}, after={"full_name": record.full_name}))
            if age is not None:
                issued = now - timedelta(days=age)
                s.add(Certificate(record_id=record.id, batch_id=batch.id, uvci=f"URN:UVCI:01:VN:TEST{uuid.uuid4().hex[:12]}",
                                  hc1="HC1:NCFOXN...", issued_at=issued, expires_at=issued + timedelta(days=365),
                                  status="valid" if stage == "certified" else stage, full_name=record.full_name,
                                  name_folded=record.name_folded, id_number=record.id_number, vaccination_date="2021-09-15"))
            record_event(s, "clerk", "decision", "record", record.id, before={"decision": None}, after={"decision": "edit"})
            ids.append(record.id)
    return ids
