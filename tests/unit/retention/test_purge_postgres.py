"""The purge on a PostgreSQL workspace."""

from __future__ import annotations

import pytest
from retention_factory import add_records
from sqlalchemy import select

from desktop.audit import verify_chain
from desktop.models import Certificate, VaccinationRecord
from desktop.retention import purge
from desktop.workspace import Workspace
from tests.pg import POSTGRES, postgres_database  # noqa: F401 - pg_url fixture

pytestmark = [pytest.mark.integration, *POSTGRES]


def test_purge_on_postgres(pg_url, tmp_path):
    ws = Workspace.open(tmp_path / "ws")
    ws.settings.set("database_url", pg_url)
    ws.settings.set("retention_days", 180)
    try:
        due = add_records(ws, [400, 200])
        kept = add_records(ws, [30])
        assert purge(ws, dry_run=True).records == 2
        report = purge(ws, actor="admin")
        assert (report.records, report.certificates) == (2, 2)
        with ws.db.session() as s:
            names = dict(s.execute(select(VaccinationRecord.id, VaccinationRecord.full_name)).all())
            assert [names[i] for i in due] == ["", ""] and names[kept[0]]
            assert set(s.execute(select(Certificate.hc1).where(Certificate.record_id.in_(due))).scalars()) == {""}
            assert verify_chain(s).ok
        assert purge(ws).records == 0
    finally:
        ws.close()
