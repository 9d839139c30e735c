"""One permission check for the window and the command line, and the gate that signs in and re-checks."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop import accounts
from desktop.accounts import gate
from desktop.accounts.roles import ACTIONS, PERMISSIONS
from desktop.errors import UserError
from desktop.models import AuditEvent


def test_each_role_includes_the_one_before_and_automation_only_checks_syncs_and_backs_up():
    assert PERMISSIONS["clerk"] < PERMISSIONS["signer"] < PERMISSIONS["administrator"]
    assert PERMISSIONS["automation"] == {"check", "sync", "backup"}
    for action in ("sign", "correct", "revoke"):
        assert not accounts.can("clerk", action) and accounts.can("signer", action)
    for action in ("settings", "accounts", "audit"):
        assert not accounts.can("signer", action) and accounts.can("administrator", action)
    for action in ACTIONS:
        assert accounts.can("automation", action) == (action in ("check", "sync", "backup"))
    assert not accounts.can("clerk", "backup") and not accounts.can("signer", "backup")
    assert not accounts.can("", "view") and not accounts.can("boss", "view") and not accounts.can("clerk", "fly")
    assert ACTIONS["sign"] == ("signer", "administrator")


def test_a_refusal_names_the_roles_that_may(workspace):
    with pytest.raises(UserError) as err:
        accounts.require_role("automation", "resolve")
    assert err.value.code == "not_permitted"
    assert "Automation" in err.value.message.en and "Clerk, Signer, Administrator" in err.value.message.en
    assert "Tác vụ tự động" in err.value.message.vi


def test_the_gate_re_reads_role_state_and_lock_at_the_moment_of_acting(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "minh", "signer", "minh-secret-9", actor="quantri")
    signed = gate.authorize(workspace, "minh", "minh-secret-9", "sign")
    assert signed.role == "signer"
    accounts.set_role(workspace, "minh", "clerk", actor="quantri")
    with pytest.raises(UserError) as err:
        gate.require(workspace, "minh", "sign")  # the role changed since the sign-in
    assert err.value.code == "not_permitted"
    accounts.set_active(workspace, "minh", False, actor="quantri")
    with pytest.raises(UserError) as err:
        gate.require(workspace, "minh", "view")
    assert err.value.code == "not_signed_in"
    with pytest.raises(UserError):
        gate.require(workspace, "ghost", "view")
    with workspace.db.session() as s:
        refused = s.execute(select(AuditEvent).where(AuditEvent.action == "not_permitted")).scalars().all()
    assert [(e.actor, e.after["action"]) for e in refused] == [("minh", "sign")]


def test_no_accounts_means_create_the_first_administrator(workspace):
    with pytest.raises(UserError) as err:
        gate.sign_in(workspace, "quantri", "whatever-1")
    assert err.value.code == "no_accounts" and "users add" in err.value.message.en


def test_the_dummy_hash_is_made_on_first_use_not_at_import():
    import subprocess
    import sys

    from tests.helpers import ROOT

    code = ("import time; t = time.perf_counter(); import desktop.accounts.passwords as p; "
            "print(p._dummy_hash.cache_info().currsize, round(time.perf_counter() - t, 3))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.split()[0] == "0"
