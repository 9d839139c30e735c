"""Signing on a PostgreSQL workspace database: same batches, same immutability."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select, text

from desktop.errors import UserError
from desktop.models import SignedRecord, SigningBatch, VaccinationRecord
from desktop.signing.batch import sign_ready
from desktop.signing.handler import ScriptedHandler
from tests.pg import POSTGRES, postgres_database  # noqa: F401 - provides the pg_url fixture
from tests.unit.signing.faulty_token import FaultyToken
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


def _counts(ws):
    with ws.db.session() as s:
        return {"batches": s.scalar(select(func.count()).select_from(SigningBatch)),
                "signed_rows": s.scalar(select(func.count()).select_from(SignedRecord)),
                "signed": s.scalar(select(func.count()).where(VaccinationRecord.stage == "signed")),
                "versions": sorted(s.scalars(select(VaccinationRecord.version)).all())}


def test_a_record_changed_on_postgresql_while_the_token_signs_is_not_signed(tmp_path_factory, tmp_path, pg_url):
    ws = copy_signing_workspace(template_workspace(tmp_path_factory), tmp_path / "ws")
    try:
        ws.settings.set("database_url", pg_url)
        ids = add_records(ws, 6)

        def clerk_defers_one(_n):
            with ws.db.session() as s:
                s.execute(text("UPDATE vaccination_record SET decision = 'defer' WHERE id = :i"), {"i": ids[3]})

        factory = FaultyToken.factory(side_effects={"sign": clerk_defers_one})
        with pytest.raises(UserError) as err:
            sign_ready(ws, ScriptedHandler.with_pin(PIN), backend_factory=factory)
        assert err.value.code == "records_changed"
        assert _counts(ws) == {"batches": 0, "signed_rows": 0, "signed": 0, "versions": [1, 1, 1, 1, 1, 2]}
        [result] = sign_ready(ws, ScriptedHandler.with_pin(PIN))
        assert result.records == 5
        assert _counts(ws) == {"batches": 1, "signed_rows": 5, "signed": 5, "versions": [2, 2, 2, 2, 2, 2]}
    finally:
        ws.close()


def test_a_signer_waiting_for_another_transaction_sees_its_change(tmp_path_factory, tmp_path, pg_url):
    """Another workstation's transaction holds a record (signs it, uncommitted) when this batch is
    stored: the batch's update waits for it, then finds the record changed and stores nothing."""
    import psycopg
    from sqlalchemy.engine import make_url

    ws = copy_signing_workspace(template_workspace(tmp_path_factory), tmp_path / "ws")
    other = psycopg.connect(make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False))
    try:
        ws.settings.set("database_url", pg_url)
        ids = add_records(ws, 4)

        def another_workstation_holds_one(_n):
            other.execute("UPDATE vaccination_record SET stage = 'signed' WHERE id = %s", (ids[0],))

        def commit_later():
            time.sleep(1.0)
            other.commit()

        factory = FaultyToken.factory(side_effects={"sign": another_workstation_holds_one})
        committer = threading.Thread(target=commit_later)
        committer.start()
        started = time.monotonic()
        with pytest.raises(UserError) as err:
            sign_ready(ws, ScriptedHandler.with_pin(PIN), backend_factory=factory)
        committer.join()
        assert err.value.code == "records_changed"
        assert time.monotonic() - started >= 0.5  # it waited for the other transaction
        assert _counts(ws) == {"batches": 0, "signed_rows": 0, "signed": 1, "versions": [1, 1, 1, 2]}
    finally:
        other.close()
        ws.close()
