"""The fast load on PostgreSQL (``COPY``, ids from the sequence) stores what it stores on SQLite."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.audit import AuditChain, record_events, verify_chain
from desktop.importer import import_file
from desktop.models import AuditEvent, ImportIssue, VaccinationRecord
from desktop.workspace import Workspace
from tests.pg import POSTGRES, postgres_database  # noqa: F401 - pg_url fixture
from tests.unit.importer.listfiles import write_csv
from tests.unit.importer.test_import_fast_path import TODAY
from tests.unit.importer.test_import_rejections import long_rows

pytestmark = [pytest.mark.integration, *POSTGRES]


def _stored(ws: Workspace, list_id: int) -> tuple[list, list, list]:
    skip = ("id", "list_id", "created_at", "updated_at")
    with ws.db.session() as s:
        records = [tuple(r) for r in s.execute(
            select(*[c for c in VaccinationRecord.__table__.c if c.name not in skip])
            .where(VaccinationRecord.list_id == list_id).order_by(VaccinationRecord.source_row))]
        issues = [(i.row, i.kind, i.code, i.column, i.value, i.message_vi, i.message_en, i.raw) for i in s.scalars(
            select(ImportIssue).where(ImportIssue.list_id == list_id).order_by(ImportIssue.id))]
        events = [(e.action, e.entity, e.reason, {k: v for k, v in e.after.items() if k != "list_id"})
                  for e in s.scalars(select(AuditEvent).where(AuditEvent.action == "import").order_by(AuditEvent.id))]
        assert verify_chain(s).ok
    return records, issues, events


def _load_twice(ws: Workspace, tmp_path) -> list:
    rows = long_rows()
    first = import_file(ws, write_csv(tmp_path / "list.csv", rows), "lan", today=TODAY)
    again = import_file(ws, write_csv(tmp_path / "again.csv", [rows[0], *rows[1:4], rows[20]]), "lan", today=TODAY)
    summary = [(r.rows, r.accepted, r.rejected, r.duplicates, r.records, r.ignored_rows, r.errors, r.warnings)
               for r in (first, again)]
    return [summary, _stored(ws, first.list_id), _stored(ws, again.list_id)]


def test_a_list_loads_the_same_on_postgres_as_on_sqlite(pg_url, tmp_path):
    outcomes = []
    for name, url in (("sqlite", None), ("pg", pg_url)):
        ws = Workspace.open(tmp_path / name)
        if url:
            ws.settings.set("database_url", url)
        ws.settings.set("facility_code", "01009")
        try:
            outcomes.append(_load_twice(ws, tmp_path))
        finally:
            ws.close()
    sqlite, pg = outcomes
    assert pg == sqlite
    assert sqlite[0][0][1] > 10 and sqlite[0][1][3] == 3  # records accepted; the second list repeats three of them


def test_bulk_events_with_personal_values_verify_on_postgres(pg_url, tmp_path):
    ws = Workspace.open(tmp_path / "ws")
    ws.settings.set("database_url", pg_url)
    try:
        with ws.db.session() as s:
            record_events(s, "lan", "edit", "record", [
                (n, {"full_name": "Nguyễn Văn An", "stage": "loaded"}, {"full_name": "Nguyễn Văn Ân", "n": n})
                for n in range(1, 2001)])
            AuditChain(s).writer("lan", "note", "list", "a reason").append([("7", None, {"x": [1, "é"]})])
        with ws.db.session() as s:
            assert verify_chain(s).ok
            last = s.scalars(select(AuditEvent).where(AuditEvent.action == "edit").order_by(AuditEvent.id.desc())).first()
            assert last.after["full_name"].startswith("hmac:") and last.before["stage"] == "loaded"
            assert AuditChain(s).head()["event_id"] == 2001
    finally:
        ws.close()
