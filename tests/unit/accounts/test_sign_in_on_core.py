"""The sign-in runs on a Core connection: failures counted, the lock, the rehash and every event as the
ORM session wrote them, on the same hash chain."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event, select

from desktop import accounts
from desktop.accounts import gate
from desktop.audit import verify_chain
from desktop.errors import UserError
from desktop.models import AuditEvent, User, utcnow


def _events(workspace, username):
    with workspace.db.session() as s:
        rows = s.scalars(select(AuditEvent).where(AuditEvent.entity_id == username).order_by(AuditEvent.id)).all()
        return [(e.actor, e.action, e.after, e.reason) for e in rows]


def _account_row(workspace, username):
    with workspace.db.session() as s:
        user = s.execute(select(User).where(User.username == username)).scalar_one()
        return user.failed_attempts, user.locked_until, user.password_hash


@pytest.fixture
def statements(workspace):
    """The SQL statements the workspace's engine runs from now on."""
    seen: list[str] = []

    def note(_conn, _cursor, statement, _parameters, _context, _executemany):
        seen.append(" ".join(statement.split()))

    event.listen(workspace.db.engine, "before_cursor_execute", note)
    yield seen
    event.remove(workspace.db.engine, "before_cursor_execute", note)


def test_failures_lock_and_unlock_write_the_same_events_and_columns(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "lan", "clerk", "lan-secret-9", actor="quantri")
    now = utcnow()
    for n in range(1, accounts.MAX_FAILED_ATTEMPTS):
        with pytest.raises(UserError):
            accounts.authenticate(workspace, "lan", "wrong-password", now=now)
        assert _account_row(workspace, "lan")[:2] == (n, None)
    with pytest.raises(UserError) as err:
        accounts.authenticate(workspace, "lan", "wrong-password", now=now)
    until = now + timedelta(minutes=accounts.LOCKOUT_MINUTES)
    assert err.value.details == {"locked_until": until.isoformat()}
    assert _account_row(workspace, "lan")[:2] == (0, until)
    events = _events(workspace, "lan")
    assert events[1:] == [("lan", "sign_in_failed", {"failed_attempts": n}, "") for n in range(1, 6)] + [
        ("system", "account_locked", {"locked_until": until.isoformat()}, "5 wrong passwords")]
    account = accounts.authenticate(workspace, "lan", "lan-secret-9", now=until + timedelta(seconds=1))
    assert (account.failed_attempts, account.locked_until) == (0, None)
    assert _account_row(workspace, "lan")[:2] == (0, None)
    assert _events(workspace, "lan")[-1] == ("lan", "sign_in", None, "")
    with workspace.db.session() as s:
        assert verify_chain(s).ok


def test_a_sign_in_that_changes_nothing_writes_only_its_event(workspace, statements):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    statements.clear()
    accounts.authenticate(workspace, "quantri", "quantri-123")
    assert not [s for s in statements if s.startswith("UPDATE user_account")]
    assert [s for s in statements if s.startswith("INSERT INTO audit_event")]
    with pytest.raises(UserError):
        accounts.authenticate(workspace, "quantri", "wrong-password")
    statements.clear()
    accounts.authenticate(workspace, "quantri", "quantri-123")  # the counter goes back to zero: one column written
    assert [s for s in statements if s.startswith("UPDATE user_account")] == [
        "UPDATE user_account SET failed_attempts=? WHERE user_account.id = ?"]


def test_a_refused_action_is_audited_on_the_chain(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "tudong", "automation", "tudong-secret-1", actor="quantri")
    with pytest.raises(UserError) as err:
        gate.authorize(workspace, "tudong", "tudong-secret-1", "settings")
    assert err.value.code == "not_permitted"
    assert _events(workspace, "tudong")[-2:] == [
        ("tudong", "sign_in", None, ""), ("tudong", "not_permitted", {"action": "settings", "role": "automation"}, "")]
    with workspace.db.session() as s:
        assert verify_chain(s).ok


def test_a_disabled_account_is_refused_without_counting(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "lan", "clerk", "lan-secret-9", actor="quantri")
    accounts.set_active(workspace, "lan", False, actor="quantri")
    with pytest.raises(UserError) as err:
        accounts.authenticate(workspace, "lan", "lan-secret-9")
    assert err.value.code == "account_disabled"
    assert _account_row(workspace, "lan")[0] == 0
    assert [a for _, a, _, _ in _events(workspace, "lan")] == ["user_added", "user_disabled"]
    with pytest.raises(UserError) as err:
        gate.require(workspace, "lan", "view_personal")
    assert err.value.code == "not_signed_in"
