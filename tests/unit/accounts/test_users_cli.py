"""``users`` and the demo accounts, through the real command line."""

from __future__ import annotations

import pytest

from tests.helpers import run_cli

ADMIN = {"VAXDESK_USER": "quantri", "VAXDESK_PASSWORD": "quantri-123"}


def test_users_add_list_passwd_unlock(tmp_path):
    ws = tmp_path / "ws"
    first = run_cli("--json", "users", "add", "lan", "--role", "clerk", "--password-stdin", workspace=ws,
                    stdin="lan-secret-9\n", sign_in=False)
    assert first.code == 1 and "quản trị viên" in first.stderr
    admin = run_cli("--json", "users", "add", "quantri", "--role", "administrator", "--password-stdin",
                    workspace=ws, stdin="quantri-123\n", sign_in=False)
    assert admin.code == 0, admin.stderr
    assert admin.json["role"] == "administrator"
    # once, only: the next account needs a signed-in administrator
    again = run_cli("users", "add", "boss", "--role", "administrator", "--password-stdin", workspace=ws,
                    stdin="boss-secret-9\n", sign_in=False)
    assert again.code == 1 and "đăng nhập" in again.stderr

    def as_admin(*args: str, stdin: str | None = None):
        return run_cli(*args, workspace=ws, stdin=stdin, env=ADMIN, process=False)

    assert as_admin("users", "add", "lan", "--role", "clerk", "--password-stdin", stdin="lan-secret-9\n").code == 0
    # the password never goes on the command line
    assert as_admin("users", "add", "minh", "--role", "signer", "--password", "x").code == 2
    short = as_admin("users", "add", "minh", "--role", "signer", "--password-stdin", stdin="abc\n")
    assert short.code == 1 and "8" in short.stderr
    listed = as_admin("--json", "users", "list")
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
        locked = as_admin("--json", "users", "list").json
        assert locked[0]["locked"] is True
        assert as_admin("--json", "users", "unlock", "lan").json["locked"] is False
        assert as_admin("users", "passwd", "lan", "--password-stdin", stdin="new-secret-22\n").code == 0
        assert accounts.authenticate(workspace, "lan", "new-secret-22").username == "lan"
        missing = as_admin("users", "unlock", "ghost")
        assert missing.code == 1 and "ghost" in missing.stderr
        # a clerk changes their own password (old one signs in, on the first line), never another's
        lan = {"VAXDESK_USER": "lan"}
        own = run_cli("--password-stdin", "users", "passwd", "lan", "--password-stdin", workspace=ws,
                      stdin="new-secret-22\nnewer-secret-33\n", env=lan, process=False)
        assert own.code == 0, own.stderr
        assert accounts.authenticate(workspace, "lan", "newer-secret-33").username == "lan"
        other = run_cli("--password-stdin", "users", "passwd", "quantri", "--password-stdin", workspace=ws,
                        stdin="newer-secret-33\nstolen-secret-1\n", env=lan, process=False)
        assert other.code == 1
        assert accounts.authenticate(workspace, "quantri", "quantri-123").username == "quantri"
    finally:
        workspace.close()


def test_demo_accounts_have_the_documented_passwords(workspace):
    from desktop import accounts
    from desktop.demo.accounts import create_demo_accounts

    result = create_demo_accounts(workspace)
    roles = {a["role"] for a in result["accounts"]}
    assert roles == {"administrator", "clerk", "signer", "automation"}
    for a in result["accounts"]:
        assert accounts.authenticate(workspace, a["username"], a["password"]).role == a["role"]
    # running it again resets, never duplicates
    accounts.change_password(workspace, "lan", "changed-password", actor="quantri")
    create_demo_accounts(workspace)
    assert len(accounts.list_users(workspace)) == 4
    assert accounts.authenticate(workspace, "lan", "lan-demo-2026").role == "clerk"
    import desktop.demo.accounts as demo_module

    assert all(a["password"] in demo_module.__doc__ for a in result["accounts"])  # documented
