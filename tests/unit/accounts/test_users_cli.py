"""``users`` and the demo accounts, through the real command line."""

from __future__ import annotations

import pytest

from tests.helpers import run_cli


def test_users_add_list_passwd_unlock(tmp_path):
    ws = tmp_path / "ws"
    first = run_cli("--json", "users", "add", "lan", "--role", "clerk", "--password-stdin", workspace=ws,
                    stdin="lan-secret-9\n")
    assert first.code == 1 and "quản trị viên" in first.stderr
    admin = run_cli("--json", "users", "add", "quantri", "--role", "administrator", "--password-stdin",
                    workspace=ws, stdin="quantri-123\n")
    assert admin.code == 0, admin.stderr
    assert admin.json["role"] == "administrator"
    assert run_cli("users", "add", "lan", "--role", "clerk", "--password-stdin", workspace=ws,
                   stdin="lan-secret-9\n").code == 0
    # the password never goes on the command line
    assert run_cli("users", "add", "minh", "--role", "signer", "--password", "x", workspace=ws).code == 2
    short = run_cli("users", "add", "minh", "--role", "signer", "--password-stdin", workspace=ws, stdin="abc\n")
    assert short.code == 1 and "8" in short.stderr
    listed = run_cli("--json", "users", "list", workspace=ws)
    assert [(u["username"], u["role"], u["locked"]) for u in listed.json] == [
        ("lan", "clerk", False), ("quantri", "administrator", False)]
    assert all("password" not in key for u in listed.json for key in u)

    from desktop import accounts
    from desktop.errors import UserError
    from desktop.workspace import Workspace

    workspace = Workspace.open(ws)
    try:
        for _ in range(5):
            with pytest.raises(UserError):
                accounts.authenticate(workspace, "lan", "bad-password")
        locked = run_cli("--json", "users", "list", workspace=ws).json
        assert locked[0]["locked"] is True
        assert run_cli("--json", "users", "unlock", "lan", workspace=ws).json["locked"] is False
        assert run_cli("users", "passwd", "lan", "--password-stdin", workspace=ws, stdin="new-secret-22\n").code == 0
        assert accounts.authenticate(workspace, "lan", "new-secret-22").username == "lan"
        missing = run_cli("users", "unlock", "ghost", workspace=ws)
        assert missing.code == 1 and "ghost" in missing.stderr
    finally:
        workspace.close()


def test_demo_accounts_have_the_documented_passwords(workspace):
    from desktop import accounts
    from desktop.demo.accounts import create_demo_accounts

    result = create_demo_accounts(workspace)
    roles = {a["role"] for a in result["accounts"]}
    assert roles == {"administrator", "clerk", "signer"}
    for a in result["accounts"]:
        assert accounts.authenticate(workspace, a["username"], a["password"]).role == a["role"]
    # running it again resets, never duplicates
    accounts.change_password(workspace, "lan", "changed-password", actor="quantri")
    create_demo_accounts(workspace)
    assert len(accounts.list_users(workspace)) == 3
    assert accounts.authenticate(workspace, "lan", "lan-demo-2026").role == "clerk"
    import desktop.demo.accounts as demo_module

    assert all(a["password"] in demo_module.__doc__ for a in result["accounts"])  # documented
