"""Bulk database helpers: the write lock really locks, chunks stay under SQLite's parameter limit."""

from __future__ import annotations

import gc
import sqlite3

import pytest
from sqlalchemy import select

from desktop.db_bulk import IN_LIMIT, chunks, gc_paused, insert_rows, next_id, write_lock
from desktop.models import DailyList
from tests.pg import POSTGRES, postgres_database  # noqa: F401 - pg_url fixture


def test_chunks_cover_every_value_within_the_limit():
    values = list(range(2 * IN_LIMIT + 5))
    parts = list(chunks(values))
    assert [len(p) for p in parts] == [IN_LIMIT, IN_LIMIT, 5]
    assert [v for p in parts for v in p] == values
    assert list(chunks([])) == []


def test_write_lock_keeps_other_writers_out_until_commit(workspace):
    path = workspace.db.engine.url.database
    other = sqlite3.connect(path, timeout=0.2)
    try:
        with workspace.db.session() as session:
            write_lock(session)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once the transaction ended
        other.rollback()
    finally:
        other.close()


def test_gc_paused_nests_and_restores():
    assert gc.isenabled()
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a collector disabled before stays disabled
    finally:
        gc.enable()


def test_insert_rows_writes_json_and_datetimes(workspace):
    from datetime import UTC, datetime

    table = DailyList.__table__
    with workspace.db.session() as session:
        first = next_id(session, table)
        insert_rows(session, table, [{
            "id": first, "file_name": "a.csv", "file_sha256": "0" * 64, "layout": "long",
            "imported_at": datetime(2024, 5, 1, 8, 30, tzinfo=UTC), "imported_by": "an", "facility_code": "01001",
            "rows_total": 3, "accepted": 2, "rejected": 1, "duplicates": 0, "column_map": {"full_name": 0},
        }])
    with workspace.db.session() as session:
        stored = session.execute(select(DailyList)).scalar_one()
        assert (stored.id, stored.file_name, stored.column_map) == (first, "a.csv", {"full_name": 0})
        assert stored.imported_at == datetime(2024, 5, 1, 8, 30, tzinfo=UTC)


def _record_indexes(session) -> set[tuple[str, str]]:
    return set(session.connection().exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'vaccination_record'"
        " AND sql IS NOT NULL").fetchall())


def test_indexes_set_aside_for_a_large_load_come_back_the_same(workspace):
    from desktop.db_bulk import indexes_set_aside
    from desktop.models import VaccinationRecord

    table = VaccinationRecord.__table__
    with workspace.db.session() as session:
        before = _record_indexes(session)
        assert len(before) >= 5
        with indexes_set_aside(session, table, incoming=100, existing=5000, least=10) as did:
            assert not did and _record_indexes(session) == before  # a small load into a large table keeps them
        with indexes_set_aside(session, table, incoming=100_000, existing=0) as did:
            assert did and _record_indexes(session) == set()
        assert _record_indexes(session) == before
    with pytest.raises(RuntimeError), workspace.db.session() as session:
        with indexes_set_aside(session, table, incoming=100_000, existing=0):
            raise RuntimeError("cancelled")
    with workspace.db.session() as session:
        assert _record_indexes(session) == before  # the rollback brought them back


def test_fast_insert_and_db_value_on_sqlite(workspace):
    from datetime import UTC, datetime

    from desktop.db_bulk import db_value, fast_insert

    table = DailyList.__table__
    when = datetime(2024, 5, 1, 8, 30, tzinfo=UTC)
    with workspace.db.session() as session:
        first = next_id(session, table)
        columns = ["id", "file_name", "imported_at", "column_map"]
        fast_insert(session, table, columns, [(first, "a.csv", db_value(session, when), db_value(session, {"a": 1}))],
                    {"file_sha256": "0" * 64, "layout": "long", "imported_by": "an", "facility_code": "01001",
                     "rows_total": 1, "accepted": 1, "rejected": 0, "duplicates": 0})
    with workspace.db.session() as session:
        stored = session.execute(select(DailyList)).scalar_one()
        assert (stored.file_name, stored.imported_at, stored.column_map, stored.layout) == (
            "a.csv", when, {"a": 1}, "long")


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgres", marks=POSTGRES)])
def test_insert_rows_leaves_ids_to_the_database_when_none_is_given(engine, tmp_path, request):
    """Rows with ``"id": None`` (certificates stored by sync) get ids from the database on either engine."""
    from datetime import UTC, datetime

    from desktop.workspace import Workspace

    ws = Workspace.open(tmp_path / "ws")
    if engine == "postgres":
        ws.settings.set("database_url", request.getfixturevalue("pg_url"))
    try:
        rows = [{"id": None, "file_name": f"{n}.csv", "file_sha256": f"{n}" * 64, "layout": "long",
                 "imported_at": datetime(2024, 5, 1, 8, 30, tzinfo=UTC), "imported_by": "an",
                 "facility_code": "01001", "rows_total": 1, "accepted": 1, "rejected": 0, "duplicates": 0,
                 "column_map": {}} for n in range(1, 4)]
        with ws.db.session() as session:
            insert_rows(session, DailyList.__table__, rows)
        with ws.db.session() as session:
            stored = session.execute(select(DailyList.id, DailyList.file_name).order_by(DailyList.id)).all()
        assert [name for _id, name in stored] == ["1.csv", "2.csv", "3.csv"]
        assert len({i for i, _name in stored}) == 3 and all(i is not None for i, _name in stored)
    finally:
        ws.close()


@pytest.mark.parametrize("engine", ["sqlite", pytest.param("postgres", marks=POSTGRES)])
def test_update_rows_sets_each_row_its_own_values(engine, tmp_path, request):
    """Many rows updated at once (the registry check's answers): each gets its own values, JSON and
    times included; rows not named keep theirs; a name that is not a column is refused."""
    from datetime import UTC, datetime

    from desktop.db_bulk import update_rows
    from desktop.workspace import Workspace

    ws = Workspace.open(tmp_path / "ws")
    if engine == "postgres":
        ws.settings.set("database_url", request.getfixturevalue("pg_url"))
    table = DailyList.__table__
    try:
        with ws.db.session() as session:
            insert_rows(session, table, [{
                "id": None, "file_name": f"{n}.csv", "file_sha256": f"{n}" * 64, "layout": "long",
                "imported_at": datetime(2024, 5, 1, 8, 30, tzinfo=UTC), "imported_by": "an",
                "facility_code": "01001", "rows_total": 1, "accepted": 1, "rejected": 0, "duplicates": 0,
                "column_map": {}} for n in range(1, 5)])
        with ws.db.session() as session:
            ids = [i for (i,) in session.execute(select(DailyList.id).order_by(DailyList.id))]
            update_rows(session, table, ("accepted", "column_map", "imported_at"), [
                {"id": rid, "accepted": 10 + n, "column_map": {"full_name": n},
                 "imported_at": datetime(2025, 1, n, 9, 0, tzinfo=UTC)} for n, rid in enumerate(ids[:3], 1)])
            with pytest.raises(ValueError):
                update_rows(session, table, ("accepted; DROP TABLE daily_list",), [{"id": ids[0], "x": 1}])
        with ws.db.session() as session:
            stored = session.execute(select(DailyList.accepted, DailyList.column_map, DailyList.imported_at)
                                     .order_by(DailyList.id)).all()
        assert [s[0] for s in stored] == [11, 12, 13, 1]
        assert [s[1] for s in stored] == [{"full_name": 1}, {"full_name": 2}, {"full_name": 3}, {}]
        assert stored[1][2] == datetime(2025, 1, 2, 9, 0, tzinfo=UTC)
        assert stored[3][2] == datetime(2024, 5, 1, 8, 30, tzinfo=UTC)
    finally:
        ws.close()
