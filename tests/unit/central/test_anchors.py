"""The audit heads facilities' manifests carry, stored per batch and served back in event order;
and an older database gaining the newer columns when opened."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, inspect, text

from services.central.errors import CentralError
from services.central.models import Batch, Credential
from services.central.storage import CentralDatabase
from tests.unit.central.central_factory import attestation, build_batch


def test_anchors_are_stored_per_batch_and_served_in_event_order(central_sqlite):
    env = central_sqlite
    ids = []
    for head in ({"event_id": 40, "hash": "cd" * 32}, None, {"event_id": 7, "hash": bytes.fromhex("ab" * 32)}):
        body = build_batch(env.facility, [attestation()], audit_head=head)
        ids.append(json.loads(env.service.submit_batch(json.dumps(body).encode(), env.caller()))["batch_id"])
    anchors = env.service.anchors(env.caller())["anchors"]
    assert [(a["batch_id"], a["event_id"], a["hash"]) for a in anchors] == [
        (ids[2], 7, "ab" * 32), (ids[0], 40, "cd" * 32)]
    assert all(a["signed_at"].endswith("Z") for a in anchors)
    other = env.signer("02002")
    assert env.service.anchors(env.caller(other)) == {"anchors": []}


@pytest.mark.parametrize("head", [{"event_id": "7", "hash": "ab"}, {"event_id": -1, "hash": "ab"},
                                  {"event_id": 3, "hash": "not hex"}, {"event_id": True, "hash": "ab"}, [3, "ab"]])
def test_a_malformed_audit_head_is_refused_and_stores_nothing(central_sqlite, head):
    body = build_batch(central_sqlite.facility, [attestation()], audit_head=head)
    with pytest.raises(CentralError) as err:
        central_sqlite.service.submit_batch(json.dumps(body).encode())
    assert (err.value.status, err.value.code) == (400, "bad_request") and "audit_head" in err.value.message.en
    with central_sqlite.service.db.session() as s:
        assert s.query(Batch).count() == 0


def test_a_credential_is_kept_only_as_its_hash(central_sqlite):
    with central_sqlite.service.db.session() as s:
        rows = s.query(Credential).all()
    assert [r.code for r in rows] == ["01001"]
    assert central_sqlite.facility.credential not in rows[0].token_sha256
    with pytest.raises(CentralError) as err:
        central_sqlite.service.authenticate(rows[0].token_sha256)  # the stored hash is no credential
    assert (err.value.status, err.value.code) == (401, "unauthenticated")


def test_an_older_database_gains_the_new_columns_and_tables(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    CentralDatabase(url).dispose()
    engine = create_engine(url)
    with engine.begin() as connection:
        for column in ("content_sha256", "audit_event_id", "audit_hash", "signed_at"):
            connection.execute(text(f"ALTER TABLE batch DROP COLUMN {column}"))
        connection.execute(text("DROP TABLE credential"))
    assert "audit_hash" not in {c["name"] for c in inspect(engine).get_columns("batch")}
    engine.dispose()
    db = CentralDatabase(url)
    try:
        columns = {c["name"] for c in inspect(db.engine).get_columns("batch")}
        assert {"content_sha256", "audit_event_id", "audit_hash", "signed_at"} <= columns
        assert inspect(db.engine).has_table("credential")
    finally:
        db.dispose()
