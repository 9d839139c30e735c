"""The check, the queue and the decisions on a PostgreSQL workspace database."""

from __future__ import annotations

import pytest

from desktop.registry import check_records
from desktop.review import bulk_resolve, queue_counts, queue_ids, resolve, undo_last
from desktop.workspace import Workspace
from services.registry.population import Population
from services.registry.server import BackgroundServer
from tests.pg import POSTGRES, postgres_database  # noqa: F401 - provides the pg_url fixture
from tests.unit.registry.factory import add_records, population

pytestmark = [pytest.mark.integration, *POSTGRES]


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
