"""The records table's list order is read from an index: no sort of every record on each call."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import select

from desktop.importer import import_file
from desktop.importer.queries import R, RecordFilter, record_ids
from desktop.models import VaccinationRecord
from tests.pg import PG_ENV, scratch_database
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
        order = [(r.list_id, r.source_row) for r in (s.get(VaccinationRecord, i) for i in ids)]
    assert order == [(second.list_id, 2), (second.list_id, 3), (first.list_id, 2), (first.list_id, 3),
                     (first.list_id, 4)]


def _record_indexes(database) -> set[str]:
    from sqlalchemy import inspect

    with database.engine.connect() as connection:
        return {i["name"] for i in inspect(connection).get_indexes("vaccination_record")}


def _migrate_to(database, revision: str, down: bool = False) -> None:
    from alembic import command
    from alembic.config import Config

    from desktop.db import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = database.engine
    (command.downgrade if down else command.upgrade)(config, revision)


def _platform_id_index_comes_and_goes(database) -> None:
    assert "ix_vaccination_record_source_ref" not in _record_indexes(database)
    assert {"ix_record_overview", "ix_record_list_order", "ix_record_person_dose"} <= _record_indexes(database)
    _migrate_to(database, "0012", down=True)
    assert "ix_vaccination_record_source_ref" in _record_indexes(database)
    _migrate_to(database, "heads")
    assert "ix_vaccination_record_source_ref" not in _record_indexes(database)


@pytest.mark.fresh_migration
def test_migration_0013_drops_the_platform_id_index_and_gives_it_back(workspace):
    _platform_id_index_comes_and_goes(workspace.db)


@pytest.mark.integration
@pytest.mark.postgres
@pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} is not set")
def test_migration_0013_on_postgresql():
    from desktop.db import Database

    with scratch_database("vaxdesk_m0013") as url:
        database = Database(url)
        try:
            database.migrate()
            _platform_id_index_comes_and_goes(database)
        finally:
            database.dispose()


def test_sorting_by_platform_id_still_orders_the_records(workspace, tmp_path):
    rows = [[f"VN-{i}", "Nguyễn Văn An", "12/05/1990", "Nam", f"0010900123{i:02d}", "AstraZeneca", "ABV1", "1",
             "01/09/2021"] for i in (3, 1, 2)]
    import_file(workspace, write_csv(tmp_path / "a.csv", [LONG_HEADER, *rows]), "lan")
    with workspace.db.session() as s:
        ids = record_ids(s, RecordFilter(sort="source_ref"))
        assert [s.get(VaccinationRecord, i).source_ref for i in ids] == ["VN-1", "VN-2", "VN-3"]
        found = record_ids(s, RecordFilter(search="VN-2"))
        assert [s.get(VaccinationRecord, i).source_ref for i in found] == ["VN-2"]
