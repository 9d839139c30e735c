"""The audit chain on a Core connection (``Database.connect``): one chain with the session's appends, the same
hashes, personal values keyed with the workspace's key, rolled back with the unit of work."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from desktop import audit
from desktop.audit import AuditChain, matches, record_event, record_events, verify_chain
from desktop.models import AuditEvent


def test_connection_and_session_appends_make_one_chain(workspace):
    with workspace.db.connect() as connection:
        first = record_event(connection, "lan", "a", "x", 1, None, {"stage": "loaded"})
    with workspace.db.session() as session:
        record_event(session, "lan", "b", "x", 2)
    with workspace.db.connect() as connection:
        assert record_events(connection, "minh", "c", "x", [(3, None, None), (4, None, None)]) == []
        [last] = AuditChain(connection).append("", "d", "x", [(5, {"n": 1}, None)])
        assert AuditChain(connection).head() == {"event_id": 5, "hash": last.hash}
        assert verify_chain(connection).ok
    assert (first.id, first.prev_hash) == (1, audit.GENESIS)
    with workspace.db.session() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
        assert [e.actor for e in events] == ["lan", "lan", "minh", "minh", "system"]
        assert events[0].hash == first.hash == hashlib.sha256(audit._canonical(events[0])).hexdigest()
        assert events[-1].hash == last.hash and events[-1].before == {"n": 1}
        assert verify_chain(session).ok


def test_personal_values_are_keyed_with_the_workspace_key_on_a_connection(workspace):
    before = {"full_name": "Nguyễn Văn An", "id_number": "001090012345", "stage": "loaded"}
    with workspace.db.connect() as connection:
        event = record_event(connection, "lan", "edit", "vaccination_record", 1, before)
        assert event.before["full_name"].startswith("hmac:")  # not "***": the key path reached the connection
        assert matches(connection, event.before["id_number"], "001090012345")
    with workspace.db.session() as session:
        assert matches(session, event.before["id_number"], "001090012345")
        assert session.get(AuditEvent, 1).before == event.before


def test_events_on_a_connection_roll_back_with_its_unit_of_work(workspace):
    with pytest.raises(RuntimeError), workspace.db.connect() as connection:
        record_event(connection, "lan", "a", "x", 1)
        raise RuntimeError("the change failed")
    with workspace.db.connect() as connection:
        assert AuditChain(connection).head() == {"event_id": 0, "hash": audit.GENESIS}
