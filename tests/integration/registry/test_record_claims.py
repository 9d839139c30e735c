"""Claims of records to check, on SQLite and on PostgreSQL: a live claim of another run is left alone, an
expired one is taken over, a claimer does not wait for another's uncommitted claims, and a run ends
only its own claims."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import insert, select, text

from desktop.models import RecordClaim, utcnow
from desktop.models.record_difference import RecordDifference
from desktop.registry.check import claim_records, release_claims, write_differences
from desktop.workspace import Workspace
from tests.integration.workstations.shared import add_records
from tests.pg import POSTGRES, postgres_database  # noqa: F401 - provides the pg_url fixture

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=POSTGRES)])
def workspace(request, tmp_path):
    ws = Workspace.open(tmp_path / "ws")
    if request.param == "postgresql":
        ws.settings.set("database_url", request.getfixturevalue("pg_url"))
    add_records(ws, 12)
    try:
        yield ws
    finally:
        ws.close()


def claims(ws) -> dict[int, str]:
    with ws.db.session() as session:
        return dict(session.execute(select(RecordClaim.record_id, RecordClaim.claimed_by)).all())


def test_live_claims_are_skipped_and_expired_ones_taken_over(workspace):
    now = utcnow()
    with workspace.db.session() as session:
        session.execute(insert(RecordClaim), [
            {"record_id": 3, "claimed_by": "pc2:1:live", "claimed_until": now + timedelta(minutes=5)},
            {"record_id": 5, "claimed_by": "pc3:1:dead", "claimed_until": now - timedelta(seconds=1)},
        ])
    with workspace.db.session() as session:
        rows = claim_records(session, "pc1:1:me", 4, lease_seconds=60)
    assert [row.id for row in rows] == [1, 2, 4, 5]
    assert rows[0].full_name == "Nguyễn Văn Số 1" and rows[0].check_status == "unchecked"
    assert claims(workspace) == {1: "pc1:1:me", 2: "pc1:1:me", 3: "pc2:1:live", 4: "pc1:1:me", 5: "pc1:1:me"}
    with workspace.db.session() as session:
        later = claim_records(session, "pc1:1:me", 100, after=5, record_ids=[3, 6, 7, 11])
    assert [row.id for row in later] == [6, 7, 11]
    with workspace.db.session() as session:
        release_claims(session, "pc1:1:me", [1, 2, 3, 6])
    assert claims(workspace) == {3: "pc2:1:live", 4: "pc1:1:me", 5: "pc1:1:me", 7: "pc1:1:me", 11: "pc1:1:me"}
    with workspace.db.session() as session:
        until = dict(session.execute(select(RecordClaim.record_id, RecordClaim.claimed_until)).all())
    assert now + timedelta(seconds=59) < until[5] < now + timedelta(seconds=120)


@pytest.mark.parametrize("engine", [pytest.param("postgresql", marks=POSTGRES)])
def test_a_claimer_skips_the_rows_another_is_claiming(tmp_path, pg_url, engine):
    ws = Workspace.open(tmp_path / "ws")
    try:
        ws.settings.set("database_url", pg_url)
        add_records(ws, 10)
        with ws.db.session() as first:
            mine = claim_records(first, "pc1:1:a", 4)
            with ws.db.session() as second:  # the first's claims are not committed yet
                second.execute(text("SET LOCAL lock_timeout = '5s'"))  # waiting for the first would fail
                theirs = claim_records(second, "pc2:1:b", 4)
        assert [row.id for row in mine] == [1, 2, 3, 4]
        assert [row.id for row in theirs] == [5, 6, 7, 8]
        assert set(claims(ws).values()) == {"pc1:1:a", "pc2:1:b"}
    finally:
        ws.close()


def test_differences_mirrored(workspace):
    with workspace.db.session() as session:
        write_differences(session, [(1, [{"field": "name", "kind": "accents"}]), (2, [])])
    with workspace.db.session() as session:
        write_differences(session, [(1, [{"field": "dob", "kind": "swapped"}, {"field": "sex", "kind": "other"}]),
                                    (2, [{"field": "name", "kind": "format"}])])
    with workspace.db.session() as session:
        rows = sorted(session.execute(select(RecordDifference.record_id, RecordDifference.field,
                                             RecordDifference.kind)).all())
    assert rows == [(1, "dob", "swapped"), (1, "sex", "other"), (2, "name", "format")]
