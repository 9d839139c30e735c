"""AuditChain: appending, the head, anchors, personal values as keyed hashes, the viewer's queries."""

from __future__ import annotations

import csv
import hashlib
import stat
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desktop import audit
from desktop.audit import (
    GENESIS,
    Anchor,
    AuditChain,
    EventFilter,
    export_events_csv,
    find_events,
    matches,
    protect,
    record_event,
    record_events,
)
from desktop.models import AuditEvent
from desktop.signing import manifest as mf


def _append(workspace, n, actor="lan", action="note"):
    with workspace.db.session() as session:
        record_events(session, actor, action, "vaccination_record", [(i, None, {"i": i}) for i in range(n)])


def _head(workspace):
    with workspace.db.session() as session:
        return AuditChain(session).head()


def test_head_of_an_empty_log_and_after_appends(workspace):
    assert _head(workspace) == {"event_id": 0, "hash": GENESIS}
    _append(workspace, 3)
    head = _head(workspace)
    with workspace.db.session() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert head == {"event_id": 3, "hash": last.hash}
        assert last.hash == hashlib.sha256(audit._canonical(last)).hexdigest()


def test_one_chain_across_single_bulk_and_wrapper_appends(workspace):
    with workspace.db.session() as session:
        chain = AuditChain(session)
        [event] = chain.append("lan", "a", "x", [(1, None, None)])
        assert event.id == 1 and event.prev_hash == GENESIS
        assert chain.append("lan", "b", "x", [(2, None, None), (3, None, None)]) == []
        record_event(session, "", "c", "x", 4)
    with workspace.db.session() as session:
        report = AuditChain(session).verify()
        actors = session.scalars(select(AuditEvent.actor).order_by(AuditEvent.id)).all()
    assert report.ok and report.events == 4 and actors == ["lan", "lan", "lan", "system"]


def test_anchors_agree_disagree_and_beyond_the_log(workspace):
    _append(workspace, 5)
    with workspace.db.session() as session:
        hashes = dict(session.execute(select(AuditEvent.id, AuditEvent.hash)).all())
        chain = AuditChain(session)
        good = [Anchor(2, hashes[2], "workspace"), Anchor(4, hashes[4], "central")]
        report = chain.verify(good)
        assert report.ok and report.anchors == 2 and report.last_anchor_id == 4
        assert chain.verify([Anchor(0, GENESIS, "central")]).ok
        bad = chain.verify([*good, Anchor(5, "ab" * 32, "central", "b-9")])
        assert (bad.ok, bad.problem, bad.first_bad_id, bad.since_id) == (False, "rewritten", 5, 5)
        assert bad.anchor["batch_id"] == "b-9"
        cut = chain.verify([Anchor(7, "cd" * 32, "central")])
        assert (cut.problem, cut.first_bad_id) == ("truncated", 6)
        first = chain.verify([Anchor(3, "ef" * 32, "workspace"), Anchor(4, "ef" * 32, "workspace")])
        assert (first.problem, first.first_bad_id, first.since_id) == ("rewritten", 3, 1)


def test_an_empty_log_with_an_anchor_is_truncated(workspace):
    with workspace.db.session() as session:
        report = AuditChain(session).verify([Anchor(3, "ab" * 32, "central")])
    assert (report.ok, report.problem, report.first_bad_id) == (False, "truncated", 1)


def test_anchors_from_central_follow_the_contract():
    [anchor] = audit.anchors_from_central([{"batch_id": "b1", "event_id": 7, "hash": "ab" * 32,
                                            "signed_at": "2026-11-26T10:00:00Z"}])
    assert anchor == Anchor(7, "ab" * 32, "central", "b1", "2026-11-26T10:00:00Z")


def test_manifest_carries_the_audit_head_only_when_given():
    from datetime import UTC, datetime

    args = ("b1", "issue", "01001", ["01001"], datetime(2026, 11, 26, tzinfo=UTC), 1, b"\0" * 32)
    assert "audit_head" not in mf.manifest(*args)
    body = mf.manifest(*args, audit_head={"event_id": 7, "hash": "ab" * 32})
    assert body["audit_head"] == {"event_id": 7, "hash": "ab" * 32}
    assert mf.canonical(body) == mf.canonical(dict(reversed(list(body.items()))))  # deterministic


def test_personal_values_are_kept_as_keyed_hashes(workspace):
    before = {"full_name": "Nguyễn Văn An", "id_number": "001090012345", "date_of_birth": "1990-05-12",
              "phone": "", "stage": "loaded", "differences": [{"field": "name", "kind": "accents",
                                                                "list_value": "Nguyen Van An"}]}
    with workspace.db.session() as session:
        record_event(session, "lan", "edit", "vaccination_record", 1, before, {"full_name": "Nguyễn Văn Ân"})
    with workspace.db.session() as session:
        event = session.get(AuditEvent, 1)
        text = repr((event.before, event.after))
        for secret in ("Nguyễn", "Nguyen", "001090012345", "1990-05-12"):
            assert secret not in text
        assert event.before["stage"] == "loaded" and event.before["phone"] == ""
        assert event.before["differences"] == ["name:accents"]
        assert event.before["full_name"].startswith("hmac:") and len(event.before["full_name"]) == 5 + 32
        assert matches(session, event.before["id_number"], "001090012345")
        assert not matches(session, event.before["id_number"], "001090012346")
        assert AuditChain(session).verify().ok
    key_file = workspace.path / "audit.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert protect({"full_name": "An"}, None) == {"full_name": "***"}  # no key: masked, never clear


def test_the_key_is_the_workspace_own(workspace, tmp_path):
    from desktop.workspace import Workspace

    other = Workspace.open(tmp_path / "other")
    try:
        for ws in (workspace, other):
            with ws.db.session() as session:
                record_event(session, "lan", "edit", "vaccination_record", 1, None, {"id_number": "001090012345"})
        values = []
        for ws in (workspace, other):
            with ws.db.session() as session:
                values.append(session.get(AuditEvent, 1).after["id_number"])
        assert values[0] != values[1]  # a hash from one workspace tells nothing in another
    finally:
        other.close()


def test_viewer_queries_and_csv_export(workspace, tmp_path):
    _append(workspace, 3, actor="lan", action="decision.edit")
    _append(workspace, 2, actor="minh", action="sign")
    with workspace.db.session() as session:
        record_event(session, "minh", "note", "vaccination_record", 99, None, None, "-1+1")
    page = find_events(workspace, EventFilter(actor="minh"))
    assert page.total == 3 and [r.id for r in page.rows] == [6, 5, 4]
    assert find_events(workspace, EventFilter(action="decision.")).total == 3
    assert find_events(workspace, EventFilter(action="decision")).total == 0
    assert [r.id for r in find_events(workspace, EventFilter(record="99")).rows] == [6]
    limited = find_events(workspace, EventFilter(), limit=2)
    assert limited.total == 6 and [r.id for r in limited.rows] == [6, 5]
    today = date.today()
    assert find_events(workspace, EventFilter(since=today, until=today)).total == 6
    assert find_events(workspace, EventFilter(until=today - timedelta(days=1))).total == 0
    assert find_events(workspace, EventFilter(since=today + timedelta(days=1))).total == 0
    out = tmp_path / "audit.csv"
    assert export_events_csv(workspace, EventFilter(actor="minh", since=today), out, actor="quantri") == 3
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == ["4", "5", "6"] and rows[2]["reason"] == "'-1+1"
    [exported] = find_events(workspace, EventFilter(action="audit.exported")).rows
    assert exported.actor == "quantri" and '"events": 3' in exported.after and today.isoformat() in exported.after


@pytest.mark.parametrize("statement", ["UPDATE audit_event SET actor = 'x'", "DELETE FROM audit_event WHERE id = 1"])
def test_the_write_lock_statement_still_passes_the_triggers(workspace, statement):
    """Appends take SQLite's write lock with an UPDATE that touches no row; any real change is refused."""
    _append(workspace, 2)
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    with workspace.db.session() as session:
        session.execute(text("UPDATE audit_event SET id = id WHERE 0"))
    with pytest.raises(IntegrityError), workspace.db.session() as session:
        session.execute(text(statement))
    _append(workspace, 1)
    assert _head(workspace)["event_id"] == 3


def test_a_log_restarted_after_a_cut_at_its_start_is_missing_event_1(workspace):
    """Deleting the oldest events and re-chaining the rest from the genesis hash still leaves a gap at 1."""
    _append(workspace, 4)
    with workspace.db.session() as session:
        rows = [dict(r) for r in session.execute(select(AuditEvent.__table__).order_by(AuditEvent.id)).mappings()]
    from sqlalchemy import text

    with workspace.db.session() as session:
        session.execute(text("DROP TRIGGER audit_event_no_update"))
        session.execute(text("DROP TRIGGER audit_event_no_delete"))
        session.execute(text("DELETE FROM audit_event WHERE id <= 2"))
        prev = GENESIS
        for row in rows[2:]:
            row["prev_hash"] = prev
            row["hash"] = prev = hashlib.sha256(audit._canonical(row)).hexdigest()
            session.execute(text("UPDATE audit_event SET prev_hash = :p, hash = :h WHERE id = :i"),
                            {"p": row["prev_hash"], "h": row["hash"], "i": row["id"]})
    with workspace.db.session() as session:
        report = AuditChain(session).verify()
    assert (report.ok, report.problem, report.first_bad_id) == (False, "missing", 1)


@pytest.mark.parametrize("fast", [True, False])
def test_bulk_appends_chain_like_single_events(workspace, monkeypatch, fast):
    if not fast:  # a canonical form the assembled text would not match: every piece takes the general path
        monkeypatch.setattr(audit.EventWriter, "_probe", lambda self: False)
    items = [(n, {"stage": "loaded", "full_name": "Lê Văn Cường"} if n % 2 else None,
              {"full_name": "Lê Văn Cường", "n": n, "note": "é\"\\", "f": 1.5}) for n in range(1, 8)]
    with workspace.db.session() as session:
        audit.record_event(session, "lan", "note", "list", 1, after={"x": 1})
        audit.record_events(session, "lan", "edit", "record", items, reason="bulk")
        writer = AuditChain(session).writer("lan", "import", "record", "list.csv")
        assert writer.fast is fast
        writer.append_texts([("9", audit.canonical_json({"list_id": 1, "lot": "A"}))])
    with workspace.db.session() as session:
        assert audit.verify_chain(session).ok
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        assert [e.action for e in events] == ["note", *["edit"] * 7, "import"]
        assert events[1].after["full_name"].startswith("hmac:") and events[1].before["stage"] == "loaded"
        assert events[2].before is None and events[-1].after == {"list_id": 1, "lot": "A"}
    with pytest.raises(ValueError, match="personal"):
        audit.after_encoder({"list_id": 1}, ("id_number",), {"id_number": "1"})
