"""``audit verify --against-central`` with the real central service on 127.0.0.1: the anchors it stored
from the signed manifests find a rewritten audit log."""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

import pytest
from sqlalchemy import select, text, update
from sync_factory import make_records, sign_batch

from desktop import audit
from desktop.audit import AuditChain, record_event
from desktop.cli import audit as audit_command
from desktop.errors import UserError
from desktop.models import AuditEvent
from desktop.signing import manifest as mf
from desktop.sync import sync

pytestmark = [pytest.mark.integration]
T = AuditEvent.__table__


def signed_with_head(ws, ids, facility, monkeypatch):
    """A batch signed as the signing code signs it: the manifest carries the audit head."""
    with ws.db.session() as session:
        head = AuditChain(session).head()
    original = mf.manifest
    monkeypatch.setattr(mf, "manifest", lambda *args: original(*args, audit_head=head))
    try:
        return sign_batch(ws.db, ids, facility), head
    finally:
        monkeypatch.setattr(mf, "manifest", original)


def test_against_the_real_central_service(ws, central, file_facility, monkeypatch):
    facility, _ = file_facility
    with ws.db.session() as session:
        for i in range(4):
            record_event(session, "lan", "note", "vaccination_record", i)
    batch_id, head = signed_with_head(ws, make_records(ws.db, 3), facility, monkeypatch)
    with ws.db.session() as session:
        record_event(session, "lan", "sign_batch", "signing_batch", batch_id)  # as signing writes it
        record_event(session, "lan", "note", "vaccination_record", 9)
    report = sync(ws)
    assert report.error is None, report.error
    fetched = audit_command.fetch_central_anchors(ws)
    assert {(a["batch_id"], a["event_id"], a["hash"]) for a in fetched} == {(batch_id, head["event_id"], head["hash"])}
    args, ctx = SimpleNamespace(against_central=True), SimpleNamespace(workspace=ws, json=True)
    assert audit_command.run(args, ctx)["central_anchors"] == 1
    # an insider rewrites event 2 and recomputes every later hash
    with ws.db.session() as session:
        session.execute(text("DROP TRIGGER audit_event_no_update"))
        rows = [dict(r) for r in session.execute(select(T).where(T.c.id >= 2).order_by(T.c.id)).mappings()]
        prev = rows[0]["prev_hash"]
        rows[0]["reason"] = "nothing happened"
        for row in rows:
            row["prev_hash"] = prev
            row["hash"] = prev = hashlib.sha256(audit._canonical(row)).hexdigest()
            session.execute(update(T).where(T.c.id == row["id"]).values(reason=row["reason"], prev_hash=row["prev_hash"],
                                                                       hash=row["hash"]))
    with pytest.raises(UserError) as info:
        audit_command.run(args, ctx)
    details = info.value.details
    assert details["problem"] == "rewritten" and details["first_bad_id"] == head["event_id"]
    assert details["anchor"]["source"] == "central" or details["anchor"]["batch_id"] == batch_id
