"""The records table's list order is read from an index: no sort of every record on each call."""

from __future__ import annotations

from sqlalchemy import select

from desktop.importer import import_file
from desktop.importer.queries import R, RecordFilter, record_ids
from tests.unit.importer.listfiles import LONG_HEADER, write_csv


def _plan(session, query) -> str:
    sql = str(query.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
    return " | ".join(str(r[-1]) for r in session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql))


def test_list_order_needs_no_sort(workspace):
    with workspace.db.session() as s:
        for flt in (RecordFilter(), RecordFilter(list_id=3)):
            query = flt.apply(select(R.id)).order_by(R.list_id.desc(), R.source_row, R.id).limit(200)
            plan = _plan(s, query)
            assert "ix_record_list_order" in plan and "TEMP B-TREE" not in plan, plan


def test_lists_come_newest_first_then_by_row(workspace, tmp_path):
    rows = [[f"VN-{i}", "Nguyễn Văn An", "12/05/1990", "Nam", f"0010900123{i:02d}", "AstraZeneca", "ABV1", "1",
             "01/09/2021"] for i in range(5)]
    first = import_file(workspace, write_csv(tmp_path / "a.csv", [LONG_HEADER, *rows[:3]]), "lan")
    second = import_file(workspace, write_csv(tmp_path / "b.csv", [LONG_HEADER, *rows[3:]]), "lan")
    with workspace.db.session() as s:
        ids = record_ids(s, RecordFilter())
        order = [(r.list_id, r.source_row) for r in (s.get(R, i) for i in ids)]
    assert order == [(second.list_id, 2), (second.list_id, 3), (first.list_id, 2), (first.list_id, 3),
                     (first.list_id, 4)]
