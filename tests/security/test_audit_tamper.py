"""The audit log cannot be cut or rewritten undetected.

Attacks tried: UPDATE / DELETE on audit events (refused by the database), and an insider who goes
around the triggers to cut the newest events or to edit one event and recompute every later hash.
``audit verify`` finds each against the anchors signed in the batch manifests (on the real SoftHSM
token) or held by the central service, and names the first event that disagrees.
"""

from __future__ import annotations

import hashlib
import sqlite3
from types import SimpleNamespace

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import DBAPIError

from desktop import audit
from desktop.audit import AuditChain, record_event, verify_chain
from desktop.cli import audit as audit_command
from desktop.errors import UserError
from desktop.models import AuditEvent, SigningBatch
from desktop.signing.batch import sign_ready
from desktop.signing.handler import ScriptedHandler
from tests.pg import POSTGRES, postgres_database  # noqa: F401 - the pg_url fixture
from tests.unit.signing.support import PIN, add_list, add_records, copy_signing_workspace, template_workspace

T = AuditEvent.__table__


# ------------------------------------------------------------------------------------------
# helpers: a workspace with signed batches, and an insider who goes around the triggers


@pytest.fixture
def ws(tmp_path_factory, tmp_path):
    workspace = copy_signing_workspace(template_workspace(tmp_path_factory), tmp_path / "ws")
    yield workspace
    workspace.close()


def events(ws, n, action="note"):
    with ws.db.session() as session:
        for i in range(n):
            record_event(session, "lan", action, "vaccination_record", i, {"stage": "a"}, {"stage": "b"}, "test")


def sign(ws, n=3):
    list_id = add_list(ws, file_name=f"list-{n}.xlsx")
    add_records(ws, n, list_id=list_id, start=n * 100)
    [result] = sign_ready(ws, ScriptedHandler.with_pin(PIN), actor="lan")
    return result.batch_id


def anchored(ws):
    """Five events, batch A, three events, batch B, two events: anchors at two points of the log."""
    events(ws, 5)
    batch_a = sign(ws, 3)
    events(ws, 3)
    batch_b = sign(ws, 4)
    events(ws, 2)
    with ws.db.session() as session:
        anchors, unsigned = AuditChain(session).workspace_anchors()
        last = session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1))
    assert not unsigned and [a.batch_id for a in anchors] == [batch_a, batch_b]
    return anchors, last


def insider(ws):
    """The database file opened directly, the audit triggers dropped: what the database cannot stop."""
    conn = sqlite3.connect(ws.path / "workspace.sqlite3", isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    return conn


def restore_guard(ws):
    """The careful insider puts the triggers back afterwards."""
    conn = sqlite3.connect(ws.path / "workspace.sqlite3", isolation_level=None)
    for kind in ("update", "delete"):
        conn.execute(f"CREATE TRIGGER IF NOT EXISTS audit_event_no_{kind} BEFORE {kind.upper()} ON audit_event "
                     "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END")
    conn.close()


def cut_after(ws, event_id):
    with insider(ws) as conn:
        conn.execute("DELETE FROM audit_event WHERE id > ?", (event_id,))
    conn.close()


def rewrite_from(ws, event_id, reason="nothing happened"):
    """Edit one event and recompute every later hash, so the chain alone still holds."""
    insider(ws).close()
    with ws.db.session() as session:
        rows = [dict(r) for r in session.execute(select(T).where(T.c.id >= event_id).order_by(T.c.id)).mappings()]
        prev = rows[0]["prev_hash"]
        rows[0]["reason"] = reason
        for row in rows:
            row["prev_hash"] = prev
            row["hash"] = prev = hashlib.sha256(audit._canonical(row)).hexdigest()
            session.execute(update(T).where(T.c.id == row["id"])
                            .values(reason=row["reason"], prev_hash=row["prev_hash"], hash=row["hash"]))
    with ws.db.session() as session:
        assert verify_chain(session).ok  # the chain alone is fooled


def verify(ws, central=None):
    """``audit verify`` as the command line runs it (``--against-central`` when ``central`` is given)."""
    args = SimpleNamespace(against_central=central is not None)
    ctx = SimpleNamespace(workspace=ws, json=True)
    if central is None:
        return audit_command.run(args, ctx)
    original = audit_command.fetch_central_anchors
    audit_command.fetch_central_anchors = lambda _workspace: central
    try:
        return audit_command.run(args, ctx)
    finally:
        audit_command.fetch_central_anchors = original


def refused(ws, central=None) -> dict:
    with pytest.raises(UserError) as info:
        verify(ws, central)
    assert info.value.code == "audit_broken"
    return info.value.details


def as_central(anchors):
    """What ``GET /v1/anchors`` returns for these batches."""
    return [{"batch_id": a.batch_id, "event_id": a.event_id, "hash": a.hash, "signed_at": a.signed_at}
            for a in anchors]


# ------------------------------------------------------------------------------------------
# the database refuses


def test_sqlite_refuses_update_and_delete_of_audit_events(workspace):
    events(workspace, 3)
    for statement in ("UPDATE audit_event SET reason = 'x' WHERE id = 2", "DELETE FROM audit_event WHERE id = 3",
                      "DELETE FROM audit_event", "UPDATE audit_event SET hash = hash"):
        conn = sqlite3.connect(workspace.path / "workspace.sqlite3")  # not through VaxDesk at all
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(statement)
        conn.close()
    with workspace.db.session() as session:
        assert session.scalar(select(AuditEvent.reason).where(AuditEvent.id == 2)) == "test"
        assert verify_chain(session).ok and verify_chain(session).events == 3
    assert verify(workspace)["ok"]


@pytest.mark.integration
@POSTGRES[0]
@POSTGRES[1]
@pytest.mark.parametrize("statement", ["UPDATE audit_event SET reason = 'x' WHERE id = 1",
                                       "DELETE FROM audit_event WHERE id = 2", "TRUNCATE audit_event"])
def test_postgresql_refuses_update_delete_and_truncate(pg_url, statement):
    from desktop.db import Database

    db = Database(pg_url)
    try:
        db.migrate()
        with db.session() as session:
            for i in range(3):
                record_event(session, "lan", "note", "vaccination_record", i)
        with pytest.raises(DBAPIError, match="append-only"), db.session() as session:
            session.execute(text(statement))
        with db.session() as session:
            assert verify_chain(session).ok and verify_chain(session).events == 3
            head = AuditChain(session).head()
            assert AuditChain(session).guarded()
        assert head["event_id"] == 3
        with db.session() as session:  # a trigger switched off is reported
            session.execute(text("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_delete"))
        with db.session() as session:
            assert not AuditChain(session).guarded() and AuditChain(session).check().problem == "guard_removed"
    finally:
        db.dispose()


# ------------------------------------------------------------------------------------------
# the anchors: signed in every manifest


def test_every_signed_manifest_carries_the_audit_head(ws):
    events(ws, 4)
    with ws.db.session() as session:
        head = AuditChain(session).head()
    batch_id = sign(ws)
    with ws.db.session() as session:
        [anchor], _ = AuditChain(session).workspace_anchors()
        assert (anchor.event_id, anchor.hash, anchor.batch_id) == (4, head["hash"], batch_id)
        # the batch's own events follow its anchor
        sign_event = session.scalars(select(AuditEvent).where(AuditEvent.action == "sign_batch")).one()
        assert sign_event.id == 5 and sign_event.entity_id == batch_id
    result = verify(ws)
    assert result["ok"] and result["anchors"] == 1 and result["last_anchor_id"] == 4


def test_truncation_before_the_last_anchor_is_detected(ws):
    anchors, _last = anchored(ws)
    first, second = anchors
    cut_after(ws, second.event_id - 2)  # the newest events gone, back to before the last anchor
    with ws.db.session() as session:
        assert verify_chain(session).ok  # what a chain alone cannot see
    details = refused(ws)
    assert details["problem"] == "truncated" and details["first_bad_id"] == second.event_id - 1
    assert details["anchor"]["batch_id"] == second.batch_id


def test_rewrite_with_rehash_before_the_last_anchor_is_detected_and_located(ws):
    anchors, _last = anchored(ws)
    first, second = anchors
    target = first.event_id + 2  # an event between the two anchors
    rewrite_from(ws, target)
    details = refused(ws)
    # the first event known to disagree is the last anchor's; the change lies after the first anchor
    assert details["problem"] == "rewritten" and details["first_bad_id"] == second.event_id
    assert details["since_id"] == first.event_id + 1 <= target
    assert details["anchor"]["source"] == "workspace"


def test_rewrite_before_the_first_anchor_names_it(ws):
    anchors, _last = anchored(ws)
    rewrite_from(ws, 2)
    details = refused(ws)
    assert details["problem"] == "rewritten" and details["first_bad_id"] == anchors[0].event_id
    assert details["since_id"] == 1


def test_edit_without_rehash_names_the_event(ws):
    anchored(ws)
    with insider(ws) as conn:
        conn.execute("UPDATE audit_event SET actor = 'someone else' WHERE id = 7")
    conn.close()
    details = refused(ws)
    assert details["problem"] == "altered" and details["first_bad_id"] == 7


def test_cutting_a_signed_batchs_own_events_after_the_last_anchor_is_detected(ws):
    anchors, _last = anchored(ws)
    cut_after(ws, anchors[-1].event_id)  # every event after the last anchor, including batch B's signing
    details = refused(ws)
    assert details["problem"] == "batch_event_missing" and details["batch_id"] == anchors[-1].batch_id
    assert details["first_bad_id"] == anchors[-1].event_id + 1


def test_cutting_after_the_last_batch_events_is_not_detectable(ws):
    """The documented limit: events after the last anchor and after the last batch's own events."""
    anchors, last = anchored(ws)
    cut_after(ws, last - 2)
    assert refused(ws)["problem"] == "guard_removed"  # unless the triggers are put back
    restore_guard(ws)
    assert verify(ws)["ok"]


def test_dropped_triggers_are_reported(ws):
    anchored(ws)
    insider(ws).close()
    details = refused(ws)
    assert details["problem"] == "guard_removed" and details["first_bad_id"] is None
    restore_guard(ws)
    assert verify(ws)["ok"]


def test_a_forged_anchor_in_a_stored_manifest_is_refused(ws):
    anchors, _last = anchored(ws)
    import cbor2

    from desktop.dcc import cose

    conn = sqlite3.connect(ws.path / "workspace.sqlite3", isolation_level=None)
    conn.execute("DROP TRIGGER signing_batch_no_update")
    manifest = conn.execute("SELECT manifest FROM signing_batch WHERE id = ?", (anchors[0].batch_id,)).fetchone()[0]
    msg = cose.decode_sign1(manifest)
    payload = cbor2.loads(msg.payload)
    payload["audit_head"]["hash"] = "f" * 64
    forged = cbor2.dumps(cbor2.CBORTag(18, [msg.protected_bytes, {}, cbor2.dumps(payload, canonical=True),
                                            msg.signature]))
    conn.execute("UPDATE signing_batch SET manifest = ? WHERE id = ?", (forged, anchors[0].batch_id))
    conn.close()
    details = refused(ws)
    assert details["problem"] == "anchor_unsigned" and details["batch_id"] == anchors[0].batch_id


# ------------------------------------------------------------------------------------------
# against the central service's anchors


def test_against_central_catches_a_cut_that_also_removed_the_local_batches(ws):
    anchors, _last = anchored(ws)
    central = as_central(anchors)
    assert verify(ws, central)["central_anchors"] == 2
    with insider(ws) as conn:  # the insider removes the signed batches too: no local anchor is left
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DROP TRIGGER signing_batch_no_delete")
        conn.execute("DELETE FROM signing_batch")
        conn.execute("DELETE FROM audit_event WHERE id > ?", (anchors[0].event_id - 1,))
    conn.close()
    restore_guard(ws)
    assert verify(ws)["ok"]  # the workspace alone no longer knows
    details = refused(ws, central)
    assert details["problem"] == "truncated" and details["first_bad_id"] == anchors[0].event_id
    assert details["anchor"]["source"] == "central" and details["anchor"]["batch_id"] == anchors[0].batch_id


def test_against_central_catches_a_rewrite(ws):
    anchors, _last = anchored(ws)
    central = as_central(anchors)
    rewrite_from(ws, 3)
    details = refused(ws, central)
    assert details["problem"] == "rewritten" and details["first_bad_id"] == anchors[0].event_id
    assert details["since_id"] == 1


def test_against_central_a_different_history_at_an_anchor(ws):
    anchors, _last = anchored(ws)
    central = as_central(anchors)
    central[1]["hash"] = "0" * 63 + "1"  # the central holds another history than this workspace
    details = refused(ws, central)
    assert details["problem"] == "rewritten" and details["first_bad_id"] == anchors[1].event_id
    assert details["since_id"] == anchors[0].event_id + 1


def test_signing_batches_are_untouched_by_verification(ws):
    anchors, _last = anchored(ws)
    with ws.db.session() as session:
        before = session.execute(select(SigningBatch.id, SigningBatch.manifest)).all()
    verify(ws)
    with ws.db.session() as session:
        assert session.execute(select(SigningBatch.id, SigningBatch.manifest)).all() == before
