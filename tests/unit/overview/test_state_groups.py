"""The Overview names each group's state in Python: the same split as the SQL condition of each state."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime

from sqlalchemy import func, select

from desktop.models import DailyList, SigningBatch, VaccinationRecord
from desktop.overview import todays_picture
from desktop.overview.picture import STATES, state_clause, state_of

STAGES = ("loaded", "signed", "sent", "certified", "rejected_central", "superseded", "other")
CHECKS = ("unchecked", "matched", "mismatch", "not_found", "invalid_id", "error")
DECISIONS = (None, "", "accept_registry", "keep_list", "edit", "reject", "defer", "other")


def test_every_combination_gets_the_state_the_sql_gives(workspace):
    now = datetime.now(UTC)
    combos = list(itertools.product(STAGES, CHECKS, DECISIONS, (False, True)))
    with workspace.db.session() as s:
        dl = DailyList(file_name="a.csv", file_sha256=uuid.uuid4().hex * 2, layout="long", imported_at=now)
        batch = SigningBatch(id=str(uuid.uuid4()), facility_code="01001", record_count=0, merkle_root="0" * 64,
                             algorithm="ES256", manifest=b"x")
        s.add_all([dl, batch])
        s.flush()
        for row, (stage, check, decision, in_batch) in enumerate(combos, start=1):
            s.add(VaccinationRecord(list_id=dl.id, source_row=row, full_name="A B", date_of_birth="1990-01-01",
                                    sex="M", id_number=f"0010900{row:05d}", vaccine_name="Pfizer", lot="L",
                                    vaccine_mp="EU/1/20/1528", vaccine_ma="ORG-100030215", vaccine_vp="1119349007",
                                    dn=1, sd=2,
                                    dose_number=1, vaccination_date=f"2021-09-{row % 28 + 1:02d}",
                                    check_status=check, decision=decision, stage=stage,
                                    batch_id=batch.id if in_batch else None))
    expected: dict[int, str] = {}
    with workspace.db.session() as s:
        for state in STATES:
            for (rid,) in s.execute(select(VaccinationRecord.source_row).where(state_clause(state))):
                assert rid not in expected, "a record in two states"
                expected[rid] = state
        assert s.scalar(select(func.count(VaccinationRecord.id))) == len(combos)
    for row, (stage, check, decision, in_batch) in enumerate(combos, start=1):
        assert state_of(stage, check, decision, in_batch) == expected.get(row, "other"), (stage, check, decision)
    picture = todays_picture(workspace)
    for state in STATES:
        assert picture.totals[state] == sum(1 for v in expected.values() if v == state)
    assert picture.by_list[0].counts == picture.totals
    assert sum(day.total for day in picture.by_day[:7]) <= picture.total


def test_counts_come_from_the_overview_index(workspace):
    with workspace.db.session() as s:
        columns = (VaccinationRecord.list_id, VaccinationRecord.vaccination_date, VaccinationRecord.stage,
                   VaccinationRecord.check_status, VaccinationRecord.decision, VaccinationRecord.batch_id)
        query = select(*columns, func.count()).group_by(*columns)
        sql = str(query.compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(r[-1]) for r in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "COVERING INDEX ix_record_overview" in plan and "TEMP B-TREE" not in plan
