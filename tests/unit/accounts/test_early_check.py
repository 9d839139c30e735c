"""The command line's early password check gives the sign-in exactly the answer of a check made on the spot."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop import accounts
from desktop.accounts import passwords
from desktop.accounts.early import start_password_check
from desktop.errors import UserError
from desktop.models import AuditEvent, User


def _events(workspace, action):
    with workspace.db.session() as s:
        return list(s.scalars(select(AuditEvent.actor).where(AuditEvent.action == action)))


def test_right_password_signs_in_with_the_early_result(workspace, monkeypatch):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    assert start_password_check(workspace, " QuanTri ", "quantri-123")
    assert passwords._early is not None
    passwords._early._thread.join()  # done: a check from now on would be a second one
    checks = []
    monkeypatch.setattr(passwords, "_verify_now", lambda *a: checks.append(a) or False)  # a second check would refuse
    assert accounts.authenticate(workspace, "quantri", "quantri-123").username == "quantri"
    assert checks == [] and passwords._early is None  # taken once
    assert _events(workspace, "sign_in") == ["quantri"]


def test_wrong_password_is_counted_and_audited_as_ever(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    start_password_check(workspace, "quantri", "not-the-password")
    with pytest.raises(UserError) as err:
        accounts.authenticate(workspace, "quantri", "not-the-password")
    assert err.value.code == "bad_credentials" and err.value.details == {"remaining_attempts": 4}
    assert _events(workspace, "sign_in_failed") == ["quantri"]


def test_an_early_result_for_another_password_or_hash_is_not_used(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    start_password_check(workspace, "quantri", "quantri-123")
    with pytest.raises(UserError):  # another password than the one checked early: checked on the spot
        accounts.authenticate(workspace, "quantri", "quantri-124")
    start_password_check(workspace, "quantri", "quantri-123")
    with workspace.db.session() as s:  # the password changes after the early check began
        s.execute(select(User).where(User.username == "quantri")).scalar_one().password_hash = \
            accounts.hash_password("new-password-1")
    with pytest.raises(UserError):
        accounts.authenticate(workspace, "quantri", "quantri-123")
    assert accounts.authenticate(workspace, "quantri", "new-password-1").username == "quantri"


def test_unknown_names_and_other_databases_start_nothing_wrong(workspace, tmp_path):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    assert start_password_check(workspace, "nobody", "quantri-123")
    assert passwords._early is not None and passwords._early.password_hash is None
    with pytest.raises(UserError) as err:
        accounts.authenticate(workspace, "nobody", "quantri-123")
    assert err.value.code == "bad_credentials"
    workspace.settings.set("database_url", f"sqlite:///{tmp_path / 'elsewhere.sqlite3'}")
    assert not start_password_check(workspace, "quantri", "quantri-123")


@pytest.mark.production_password_hash
def test_an_unknown_name_costs_one_check_with_the_production_parameters():
    passwords._dummy_hash.cache_clear()
    assert passwords._dummy_hash() == passwords._STAND_IN  # nothing to hash first
    assert not passwords.verify_password(None, "anything")
