"""Signing on a PostgreSQL workspace database: same batches, same immutability."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import func, select, text

from desktop.models import SignedRecord, SigningBatch
from desktop.signing.batch import sign_ready
from desktop.signing.handler import ScriptedHandler
from tests.unit.signing.support import PIN, add_records, copy_signing_workspace, template_workspace

PG_ENV = "VAXDESK_TEST_POSTGRES_URL"
pytestmark = [pytest.mark.integration, pytest.mark.postgres,
              pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} is not set")]


@pytest.fixture
def pg_url():
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(os.environ[PG_ENV])
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    name = "signing_" + uuid.uuid4().hex[:12]
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield base.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
