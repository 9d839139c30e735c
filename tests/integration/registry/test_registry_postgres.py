"""The check, the queue and the decisions on a PostgreSQL workspace database."""

from __future__ import annotations

import os
import uuid

import pytest

from desktop.registry import check_records
from desktop.review import bulk_resolve, queue_counts, queue_ids, resolve, undo_last
from desktop.workspace import Workspace
from services.registry.population import Population
from services.registry.server import BackgroundServer
from tests.unit.registry.factory import add_records, population

PG_ENV = "VAXDESK_TEST_POSTGRES_URL"
pytestmark = [pytest.mark.integration, pytest.mark.postgres,
              pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} is not set")]


@pytest.fixture
def pg_url():
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(os.environ[PG_ENV])
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    name = "registry_" + uuid.uuid4().hex[:12]
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield base.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_check_and_review_on_postgresql(tmp_path, pg_url):
    ws = Workspace.open(tmp_path / "ws")
    try:
        ws.settings.set("database_url", pg_url)
        ws.settings.set("registry_token", "secret-token")
        ids = add_records(ws, [
            ("Nguyen Van An", "1990-05-12", "M", "012345678"),
            ("Tran Thi Thuy", "1985-03-04", "F", "001185012346"),
            ("Ai Đó", "1990", "M", "001090099999"),
            ("Ai Đó", "1990", "M", "12345"),
        ])
        with BackgroundServer(Population.from_dict(population())) as server:
            result = check_records(ws, "lan", registry_url=server.url)
        assert result.summary == {"invalid_id": 1, "mismatch": 2, "not_found": 1}
        assert queue_counts(ws)["kinds"] == {"name:accents": 2, "id:linked": 1}
        assert queue_ids(ws, kind="id:linked") == [ids[0]]
        assert resolve(ws, ids[2], "keep_list", "passport seen", "lan")["ready_to_sign"]
        assert undo_last(ws, "lan")["decision"] is None
        assert bulk_resolve(ws, "accept_registry", "", "lan", kind="accents") == 2
        assert queue_ids(ws) == [ids[2], ids[3]]
    finally:
        ws.close()
