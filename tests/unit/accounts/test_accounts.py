"""Accounts: Argon2id hashes, roles, lockout after five wrong passwords, audited changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from desktop import accounts
from desktop.audit import verify_chain
from desktop.errors import UserError
from desktop.models import AuditEvent, User, utcnow


@pytest.mark.production_password_hash
def test_password_hash_is_argon2id_and_verifies():
    h = accounts.hash_password("mật khẩu dài")
    assert h.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert accounts.verify_password(h, "mật khẩu dài")
    assert not accounts.verify_password(h, "mật khẩu dai")
    assert not accounts.verify_password(None, "anything")
    assert not accounts.verify_password("not a hash", "anything")


@pytest.mark.production_password_hash
def test_a_hash_of_lower_cost_is_upgraded_at_the_next_sign_in(workspace):
    from argon2 import PasswordHasher, Type

    accounts.create_administrator(workspace, "quantri", "quantri-123")
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID).hash("quantri-123")
    with workspace.db.session() as s:
        s.execute(select(User).where(User.username == "quantri")).scalar_one().password_hash = cheap
    assert accounts.needs_rehash(cheap)
    accounts.authenticate(workspace, "quantri", "quantri-123")
    with workspace.db.session() as s:
        upgraded = s.execute(select(User).where(User.username == "quantri")).scalar_one().password_hash
    assert upgraded.startswith("$argon2id$v=19$m=65536,t=3,p=4$") and not accounts.needs_rehash(upgraded)
    assert accounts.verify_password(upgraded, "quantri-123")


def test_first_account_is_the_administrator_and_only_once(workspace):
    assert not accounts.has_accounts(workspace)
    admin = accounts.create_administrator(workspace, " QuanTri ", "quantri-123", "Quản trị")
    assert (admin.username, admin.role) == ("quantri", "administrator")
    assert accounts.has_accounts(workspace)
    with pytest.raises(UserError) as err:
        accounts.create_administrator(workspace, "other", "password-1")
    assert err.value.code == "accounts_exist"


def test_hash_is_stored_never_the_password_and_audit_has_no_secret(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "lan", "clerk", "lan-secret-9", actor="quantri")
    with workspace.db.session() as s:
        user = s.execute(select(User).where(User.username == "lan")).scalar_one()
        assert user.password_hash.startswith("$argon2id$") and "lan-secret-9" not in user.password_hash
        events = s.execute(select(AuditEvent).where(AuditEvent.entity_id == "lan")).scalars().all()
        assert [(e.actor, e.action) for e in events] == [("quantri", "user_added")]
        text = repr([(e.before, e.after, e.reason) for e in events])
        assert "lan-secret-9" not in text and "argon2" not in text
        assert verify_chain(s).ok


@pytest.mark.parametrize("username", ["", "a", "lan nguyen", "lân", "-lan", "x" * 51])
def test_bad_usernames_are_refused_with_a_reason(workspace, username):
    with pytest.raises(UserError) as err:
        accounts.create_administrator(workspace, username, "password-1")
    assert err.value.code == "bad_username"
    assert "2–50" in err.value.message.vi and "2–50" in err.value.message.en


def test_short_password_and_unknown_role_are_refused(workspace):
    with pytest.raises(UserError) as err:
        accounts.create_administrator(workspace, "quantri", "short")
    assert err.value.code == "weak_password"
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    with pytest.raises(UserError) as err:
        accounts.add_user(workspace, "lan", "boss", "password-1")
    assert err.value.code == "bad_role"
    with pytest.raises(UserError) as err:
        accounts.add_user(workspace, "QUANTRI", "clerk", "password-1")
    assert err.value.code == "user_exists"


def test_sign_in_counts_failures_and_locks_for_fifteen_minutes(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "lan", "clerk", "lan-secret-9", actor="quantri")
    now = utcnow()
    remaining = []
    for _ in range(accounts.MAX_FAILED_ATTEMPTS - 1):
        with pytest.raises(UserError) as err:
            accounts.authenticate(workspace, "lan", "wrong-password", now=now)
        assert err.value.code == "bad_credentials"
        remaining.append(err.value.details["remaining_attempts"])
    assert remaining == [4, 3, 2, 1]
    with pytest.raises(UserError) as err:
        accounts.authenticate(workspace, "lan", "wrong-password", now=now)
    assert err.value.code == "account_locked"
    # the right password does not help while locked
    with pytest.raises(UserError) as err:
        accounts.authenticate(workspace, "lan", "lan-secret-9", now=now + timedelta(minutes=14))
    assert err.value.code == "account_locked"
    assert "1" in err.value.message.en
    assert accounts.get_user(workspace, "lan").locked(now + timedelta(minutes=14))
    # after fifteen minutes it opens again, and the counter starts from zero
    account = accounts.authenticate(workspace, "lan", "lan-secret-9", now=now + timedelta(minutes=15, seconds=1))
    assert account.role == "clerk" and account.failed_attempts == 0 and account.locked_until is None
    with workspace.db.session() as s:
        actions = [a for (a,) in s.execute(select(AuditEvent.action).where(AuditEvent.entity_id == "lan")
                                           .order_by(AuditEvent.id))]
    assert actions == ["user_added"] + ["sign_in_failed"] * 5 + ["account_locked", "sign_in"]


def test_success_resets_the_failure_counter(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    for _ in range(4):
        with pytest.raises(UserError):
            accounts.authenticate(workspace, "quantri", "nope-nope")
    accounts.authenticate(workspace, "quantri", "quantri-123")
    for _ in range(4):
        with pytest.raises(UserError) as err:
            accounts.authenticate(workspace, "quantri", "nope-nope")
    assert err.value.code == "bad_credentials"  # four more misses still do not lock


def test_unknown_user_gets_the_same_answer_as_a_wrong_password(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    with pytest.raises(UserError) as unknown:
        accounts.authenticate(workspace, "ghost", "whatever-1")
    with pytest.raises(UserError) as bad_name:
        accounts.authenticate(workspace, "not a name!", "whatever-1")
    assert unknown.value.code == bad_name.value.code == "bad_credentials"


def test_administrator_unlocks_and_resets_passwords(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "minh", "signer", "minh-secret-1", actor="quantri")
    for _ in range(5):
        with pytest.raises(UserError):
            accounts.authenticate(workspace, "minh", "bad-password")
    assert accounts.get_user(workspace, "minh").locked()
    accounts.unlock(workspace, "minh", actor="quantri")
    assert accounts.authenticate(workspace, "minh", "minh-secret-1").username == "minh"
    accounts.change_password(workspace, "minh", "new-secret-22", actor="quantri")
    with pytest.raises(UserError):
        accounts.authenticate(workspace, "minh", "minh-secret-1")
    assert accounts.authenticate(workspace, "minh", "new-secret-22").role == "signer"
    with pytest.raises(UserError) as err:
        accounts.change_password(workspace, "minh", "another-secret", actor="minh", old_password="wrong-old")
    assert err.value.code == "bad_credentials"


def test_disabled_accounts_cannot_sign_in_and_the_last_administrator_stays(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "lan", "clerk", "lan-secret-9", actor="quantri")
    accounts.set_active(workspace, "lan", False, actor="quantri")
    with pytest.raises(UserError) as err:
        accounts.authenticate(workspace, "lan", "lan-secret-9")
    assert err.value.code == "account_disabled"
    with pytest.raises(UserError) as err:
        accounts.set_role(workspace, "quantri", "clerk", actor="quantri")
    assert err.value.code == "last_administrator"
    with pytest.raises(UserError) as err:
        accounts.set_active(workspace, "quantri", False, actor="quantri")
    assert err.value.code == "last_administrator"
    accounts.set_role(workspace, "lan", "administrator", actor="quantri")
    accounts.set_active(workspace, "lan", True, actor="quantri")
    accounts.set_role(workspace, "quantri", "signer", actor="lan")
    assert accounts.get_user(workspace, "quantri").role == "signer"


@pytest.mark.parametrize(("role", "allowed", "refused"), [
    ("clerk", ["import", "review", "print", "verify", "sync", "check"], ["sign", "settings", "accounts"]),
    ("signer", ["import", "review", "print", "sign"], ["settings", "accounts"]),
    ("administrator", ["import", "sign", "settings", "accounts"], []),
    ("", [], ["view", "import"]),
])
def test_roles(role, allowed, refused):
    for action in allowed:
        assert accounts.can(role, action), (role, action)
        accounts.require_role(role, action)
    for action in refused:
        assert not accounts.can(role, action), (role, action)
        with pytest.raises(UserError) as err:
            accounts.require_role(role, action)
        assert err.value.code == "not_permitted"
    assert not accounts.can("administrator", "no-such-action")


def test_require_role_names_the_role_and_the_action_in_both_languages(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    lan = accounts.add_user(workspace, "lan", "clerk", "lan-secret-9", actor="quantri")
    with pytest.raises(UserError) as err:
        accounts.require_role(lan, "sign")
    assert "Nhân viên nhập liệu" in err.value.message.vi and "ký số" in err.value.message.vi
    assert "Clerk" in err.value.message.en and "Signer" in err.value.message.en
