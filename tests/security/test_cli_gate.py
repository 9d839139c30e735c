"""The command line's door: every change and every look at personal data needs a signed-in account
with the right role; the audit log names that account; passwords never travel on the command line."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.models import AuditEvent, Decision, User
from tests.helpers import run_cli

ACCOUNTS = {
    "quantri": ("administrator", "quantri-demo"),
    "lan": ("clerk", "lan-demo-2026"),
    "minh": ("signer", "minh-demo-2026"),
    "tudong": ("automation", "tudong-demo-2026"),
}


def credentials(username: str) -> dict[str, str]:
    return {"VAXDESK_USER": username, "VAXDESK_PASSWORD": ACCOUNTS[username][1]}


@pytest.fixture
def gated(workspace):
    from desktop import accounts
    from tests.unit.signing.support import add_list, add_records

    accounts.create_administrator(workspace, "quantri", ACCOUNTS["quantri"][1])
    for name, (role, password) in ACCOUNTS.items():
        if name != "quantri":
            accounts.add_user(workspace, name, role, password, actor="quantri")
    list_id = add_list(workspace)
    workspace.record_ids = add_records(workspace, 3, list_id=list_id, check_status="mismatch")
    return workspace


NO_ONE = {"VAXDESK_USER": "", "VAXDESK_PASSWORD": ""}


def cli(ws, *args, who=None, stdin=None):
    env = credentials(who) if who else NO_ONE
    return run_cli("--json", *args, workspace=ws.path, env=env, stdin=stdin, process=False)


def role_of(ws, name):
    with ws.db.session() as s:
        return s.execute(select(User.role).where(User.username == name)).scalar_one()


def decisions(ws):
    with ws.db.session() as s:
        return s.execute(select(Decision)).scalars().all()


def test_making_oneself_administrator_needs_an_administrator(gated):
    refused = cli(gated, "users", "role", "lan", "administrator")
    assert refused.code == 1 and refused.json["error"]["code"] == "sign_in_required"
    assert "VAXDESK_USER" in refused.stderr and "--password-stdin" in refused.stderr
    by_clerk = cli(gated, "users", "role", "lan", "administrator", who="lan")
    assert by_clerk.code == 1 and by_clerk.json["error"]["code"] == "not_permitted"
    by_signer = cli(gated, "users", "add", "eve", "--role", "administrator", "--password-stdin", who="minh",
                    stdin="eve-secret-99\n")
    assert by_signer.code == 1
    assert role_of(gated, "lan") == "clerk"
    # the first-administrator door is closed once accounts exist
    first = cli(gated, "users", "add", "eve", "--role", "administrator", "--password-stdin", stdin="eve-secret-99\n")
    assert first.code == 1
    with gated.db.session() as s:
        assert s.execute(select(User).where(User.username == "eve")).scalar_one_or_none() is None
    done = cli(gated, "users", "role", "lan", "signer", who="quantri")
    assert done.code == 0, done.stderr
    assert role_of(gated, "lan") == "signer"


@pytest.mark.parametrize("args", [
    ("resolve", "{id}", "--action", "reject", "--reason", "x"),
    ("revoke", "URN:UVCI:01:VN:ABC", "--reason", "x"),
    ("correct", "{id}", "--set", "dob=1990-01-01", "--reason", "x"),
    ("review", "--bulk", "reject", "--status", "mismatch", "--reason", "x"),
    ("records",),
    ("review",),
    ("certificates",),
    ("users", "list"),
    ("settings", "set", "central_url", "http://127.0.0.1:9"),
    ("sync", "retry"),
    ("audit", "verify"),
    ("import", "nothing.csv"),
    ("sign",),
])
def test_every_change_and_every_look_needs_a_sign_in(gated, args):
    record_id = str(gated.record_ids[0])
    result = cli(gated, *(a.replace("{id}", record_id) for a in args))
    assert result.code == 1, result.stderr
    assert result.json["error"]["code"] == "sign_in_required"
    assert "Nguyễn" not in result.stdout  # no personal data on a refusal
    assert decisions(gated) == []
    assert gated.settings.get("central_url") == ""


def test_a_wrong_password_is_refused_and_five_lock_the_account(gated):
    wrong = {"VAXDESK_USER": "lan", "VAXDESK_PASSWORD": "not-her-password"}
    for remaining in (4, 3, 2, 1):
        result = run_cli("--json", "records", workspace=gated.path, env=wrong, process=False)
        assert result.code == 1 and result.json["error"]["details"]["remaining_attempts"] == remaining
    locked = run_cli("--json", "records", workspace=gated.path, env=wrong, process=False)
    assert locked.json["error"]["code"] == "account_locked"
    right_too_late = cli(gated, "records", who="lan")
    assert right_too_late.code == 1 and right_too_late.json["error"]["code"] == "account_locked"


def test_a_password_on_the_command_line_is_never_taken(gated):
    for args in (("--password", "lan-demo-2026", "--user", "lan", "records"),
                 ("--user", "lan", "records", "--password=lan-demo-2026")):
        result = run_cli(*args, workspace=gated.path, sign_in=False, process=True)
        assert result.code == 2
        assert "--password-stdin" in result.stderr and "VAXDESK_PASSWORD" in result.stderr
        assert "Nguyễn" not in result.stdout


def test_password_from_stdin_signs_in_as_that_account(gated):
    result = run_cli("--user", "lan", "--password-stdin", "--json", "records", workspace=gated.path,
                     stdin="lan-demo-2026\n", sign_in=False, process=True)
    assert result.code == 0, result.stderr
    assert result.json["total"] == 3
    with gated.db.session() as s:
        last = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
    assert (last.actor, last.action) == ("lan", "sign_in")


def test_automation_may_only_check_and_sync(gated):
    for args in (("resolve", str(gated.record_ids[0]), "--action", "reject", "--reason", "x"),
                 ("sign", "--pin-stdin"), ("records",), ("certificates",), ("users", "list"),
                 ("review", "--bulk", "defer", "--status", "mismatch"), ("audit", "verify")):
        result = cli(gated, *args, who="tudong", stdin="123456\n")
        assert result.code == 1
        assert result.json["error"]["code"] == "not_permitted", (args, result.stderr)
        assert "Nguyễn" not in result.stdout
    assert decisions(gated) == []
    # check and sync pass the door (and then stop for want of a registry / central address)
    for args in (("check",), ("sync",)):
        result = cli(gated, *args, who="tudong")
        assert result.json.get("error", {}).get("code") not in ("not_permitted", "sign_in_required"), result.stderr
    with gated.db.session() as s:
        refused = s.execute(select(AuditEvent).where(AuditEvent.action == "not_permitted")).scalars().all()
    assert {e.actor for e in refused} == {"tudong"} and len(refused) == 7
    assert {e.after["action"] for e in refused} >= {"resolve", "sign", "view_personal", "accounts"}


def test_automation_cannot_open_the_window(gated):
    from desktop.accounts.gate import sign_in
    from desktop.errors import UserError

    with pytest.raises(UserError) as err:
        sign_in(gated, "tudong", "tudong-demo-2026", window=True)
    assert err.value.code == "not_permitted"
    assert sign_in(gated, "lan", "lan-demo-2026", window=True).role == "clerk"


def test_signer_may_not_manage_accounts_and_clerk_may_not_sign(gated):
    assert cli(gated, "users", "disable", "lan", who="minh").json["error"]["code"] == "not_permitted"
    assert cli(gated, "sign", "--pin-stdin", who="lan", stdin="1\n").json["error"]["code"] == "not_permitted"
    assert cli(gated, "settings", "set", "batch_size", "10", who="minh").json["error"]["code"] == "not_permitted"


def test_the_audit_log_names_the_account_on_every_path(gated):
    first, second, third = gated.record_ids
    assert cli(gated, "resolve", str(first), "--action", "reject", "--reason", "trùng", who="lan").code == 0
    assert cli(gated, "review", "--bulk", "defer", "--status", "mismatch", who="minh").code == 0
    assert cli(gated, "users", "disable", "tudong", who="quantri").code == 0
    with gated.db.session() as s:
        events = s.execute(select(AuditEvent)).scalars().all()
    actors = {(e.action, e.actor) for e in events}
    assert ("decision.reject", "lan") in actors
    assert ("user_disabled", "quantri") in actors
    assert any(action.startswith("decision.defer") and actor == "minh" for action, actor in actors) or \
        any(e.actor == "minh" and "defer" in e.action for e in events)
    assert not {e.actor for e in events} & {"cli", "", "clerk"}
    assert {d.actor for d in decisions(gated)} <= {"lan", "minh"}


def test_a_disabled_account_is_refused(gated):
    assert cli(gated, "users", "disable", "lan", who="quantri").code == 0
    result = cli(gated, "records", who="lan")
    assert result.code == 1 and result.json["error"]["code"] == "account_disabled"


def test_public_commands_need_no_account(tmp_path):
    assert run_cli("--version", sign_in=False, process=True).code == 0
    assert run_cli("--help", sign_in=False).code == 0
    usage = run_cli("verify", workspace=tmp_path / "none", sign_in=False)
    assert usage.code == 2  # reached the command (no certificate given), not the door
    assert not (tmp_path / "none").exists()


def test_demo_cannot_give_an_existing_workspace_the_documented_passwords(gated):
    from desktop import accounts
    from desktop.errors import UserError

    accounts.change_password(gated, "quantri", "only-she-knows-1", actor="quantri")
    result = run_cli("--json", "demo", "--people", "5", workspace=gated.path, sign_in=False)
    assert result.code == 1 and result.json["error"]["code"] == "workspace_exists"
    with pytest.raises(UserError):
        accounts.authenticate(gated, "quantri", "quantri-demo")
    assert accounts.authenticate(gated, "quantri", "only-she-knows-1").role == "administrator"
    assert gated.settings.get("central_url") == ""
    assert not (gated.path / "demo").exists()


def test_the_password_variable_is_not_handed_on_to_programs_the_command_starts(gated, monkeypatch, capsys):
    import os

    import desktop.cli

    monkeypatch.setenv("VAXDESK_USER", "lan")
    monkeypatch.setenv("VAXDESK_PASSWORD", "lan-demo-2026")
    assert desktop.cli.main(["--workspace", str(gated.path), "--json", "records"]) == 0
    assert "VAXDESK_PASSWORD" not in os.environ
    assert '"total": 3' in capsys.readouterr().out
