"""A scripted day at a facility, straight into a workspace database: three lists over two days,
records in every state, certificates of which some are printed, and rows refused at loading."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from desktop.models import Certificate, DailyList, VaccinationRecord
from tests.unit.overview.seed_records import seed

DAY = "2026-11-20"
DAY_BEFORE = "2026-11-19"

MORNING = {"loaded": 3, "needs_review": 2, "deferred": 1, "ready_to_sign": 4, "accepted": 2, "rejected_by_clerk": 1,
           "signed": 2, "sent": 1, "certified": 5, "rejected_central": 1}
AFTERNOON = {"loaded": 1, "ready_to_sign": 2, "certified": 3, "superseded": 2}
YESTERDAY = {"certified": 6, "needs_review": 1}


def build_demo_day(workspace) -> dict[str, int]:
    """The lists' ids by name; 4 of the morning's certificates and 1 of yesterday's are printed."""
    day = datetime(2026, 11, 20, 2, 30, tzinfo=UTC)
    ids = {
        "yesterday": seed(workspace, "ds-19-11.xlsx", DAY_BEFORE, YESTERDAY, imported_at=day - timedelta(days=1)),
        "morning": seed(workspace, "Danh sách sáng.xlsx", DAY, MORNING, imported_at=day),
        "afternoon": seed(workspace, "ds-chieu.csv", DAY, AFTERNOON, imported_at=day + timedelta(hours=5)),
    }
    with workspace.db.session() as s:
        s.execute(update(DailyList).where(DailyList.id == ids["morning"]).values(rejected=3))
        s.execute(update(DailyList).where(DailyList.id == ids["afternoon"]).values(rejected=1))
        # the afternoon list was all Moderna, second doses
        s.execute(update(VaccinationRecord).where(VaccinationRecord.list_id == ids["afternoon"])
                  .values(vaccine_name="Moderna", vaccine_mp="EU/1/20/1507", vaccine_ma="ORG-100031184",
                          dose_number=2, dn=2, sd=2))
        printed = {ids["morning"]: 4, ids["yesterday"]: 1}
        for list_id in ids.values():
            records = s.execute(select(VaccinationRecord).where(VaccinationRecord.list_id == list_id,
                                                                VaccinationRecord.stage == "certified")
                                .order_by(VaccinationRecord.id)).scalars().all()
            for index, record in enumerate(records):
                s.add(Certificate(record_id=record.id, batch_id=record.batch_id, uvci=f"URN:UVCI:01:VN:{uuid.uuid4().hex[:20].upper()}",
                                  hc1="HC1:TEST", issued_at=day, expires_at=day + timedelta(days=365),
                                  full_name=record.full_name, name_folded="", id_number=record.id_number,
                                  vaccination_date=record.vaccination_date,
                                  printed_count=1 if index < printed.get(list_id, 0) else 0))
    return ids
