"""Signing on a PostgreSQL workspace database: same batches, same immutability."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from desktop.models import SignedRecord, SigningBatch
from desktop.signing.batch import sign_ready
from desktop.signing.handler import ScriptedHandler
from tests.pg import POSTGRES, postgres_database  # noqa: F401 - provides the pg_url fixture
from tests.unit.signing.support import PIN, add_records, copy_signing_workspace, template_workspace

pytestmark = [pytest.mark.integration, *POSTGRES]


def test_sign_on_postgresql(tmp_path_factory, tmp_path, pg_url):
    ws = copy_signing_workspace(template_workspace(tmp_path_factory), tmp_path / "ws")
    try:
        ws.settings.set("database_url", pg_url)
        ws.settings.set("batch_size", 300)
        add_records(ws, 700)
        results = sign_ready(ws, ScriptedHandler.with_pin(PIN))
        assert [r.records for r in results] == [300, 300, 100]
        with ws.db.session() as s:
            assert s.scalar(select(func.count()).select_from(SignedRecord)) == 700
            assert s.scalar(select(func.count()).select_from(SigningBatch)) == 3
        with pytest.raises(Exception, match="immutable"):
            with ws.db.session() as s:
                s.execute(text("UPDATE signing_batch SET merkle_root = 'x'"))
        with pytest.raises(Exception, match="immutable"):
            with ws.db.session() as s:
                s.execute(text("UPDATE signed_record SET proof = '[]'"))
        with ws.db.session() as s:
            s.execute(text("UPDATE signing_batch SET state = 'sent'"))
    finally:
        ws.close()
