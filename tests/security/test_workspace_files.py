"""Owner-only workspace: the folder 0700; database, logs, settings and secrets 0600, on creation and
again on every open; refused with a clear message when they cannot be made private."""

from __future__ import annotations

import logging
import os
import stat

import pytest

from tests.helpers import run_cli

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes")


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def private_files(ws):
    names = ["workspace.sqlite3", "workspace.sqlite3-wal", "workspace.sqlite3-shm", "settings.json", "secrets.json"]
    files = [ws / n for n in names if (ws / n).exists()]
    files += [p for p in (ws / "logs").glob("*") if p.is_file()]
    return files


def test_a_new_workspace_is_its_owners_alone(tmp_path):
    ws = tmp_path / "ws"
    old = os.umask(0o022)  # a usual umask: VaxDesk must not depend on it
    try:
        first = run_cli("users", "add", "quantri", "--role", "administrator", "--password-stdin", workspace=ws,
                        stdin="quantri-demo\n", sign_in=False, process=True)
        assert first.code == 0, first.stderr
        secret = run_cli("settings", "set", "registry_token", "--value-stdin", workspace=ws, stdin="tok-123\n",
                         process=True, env={})
        assert secret.code == 0, secret.stderr
        assert run_cli("settings", "set", "facility_code", "01001", workspace=ws).code == 0
    finally:
        os.umask(old)
    assert mode(ws) == 0o700
    assert (ws / "logs" / "vaxdesk.log").exists() and mode(ws / "logs") == 0o700
    files = private_files(ws)
    assert {p.name for p in files} >= {"workspace.sqlite3", "settings.json", "secrets.json", "vaxdesk.log"}
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_loosened_modes_are_narrowed_again_on_open(tmp_path):
    from desktop.workspace import Workspace

    path = tmp_path / "ws"
    ws = Workspace.open(path)
    ws.settings.set("registry_token", "tok-123")
    ws.settings.save()
    ws.db  # noqa: B018 - create the database
    (path / "logs").mkdir()
    (path / "logs" / "vaxdesk.log").write_text("x")
    ws.close()
    os.chmod(path, 0o755)
    os.chmod(path / "logs", 0o755)
    for p in private_files(path):
        os.chmod(p, 0o644)
    assert run_cli("--json", "records", workspace=path).code == 0
    assert mode(path) == 0o700 and mode(path / "logs") == 0o700
    files = private_files(path)
    assert len(files) >= 4
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_a_workspace_of_another_account_is_refused(tmp_path, monkeypatch):
    from desktop.errors import UserError
    from desktop.workspace import Workspace

    path = tmp_path / "ws"
    Workspace.open(path).close()
    os.chmod(path, 0o755)
    owner = path.stat().st_uid
    monkeypatch.setattr(os, "geteuid", lambda: owner + 4242)
    with pytest.raises(UserError) as err:
        Workspace.open(path)
    assert err.value.code == "workspace_not_private"
    assert "chown" in err.value.message.en and str(path) in err.value.message.vi


def test_log_files_are_created_private_whatever_the_umask(tmp_path):
    from desktop.logs import setup_logging

    old = os.umask(0o022)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        log_file = setup_logging(tmp_path / "logs")
        handler = next(h for h in root.handlers if h not in before)
        logging.getLogger("vaxdesk.test").info("one line")
        handler.doRollover()
        logging.getLogger("vaxdesk.test").info("after rotation")
    finally:
        os.umask(old)
        for h in [h for h in root.handlers if h not in before]:
            root.removeHandler(h)
            h.close()
    assert mode(tmp_path / "logs") == 0o700
    assert mode(log_file) == 0o600 and mode(log_file.with_name("vaxdesk.log.1")) == 0o600


def test_settings_and_secrets_are_written_private(tmp_path):
    from desktop.settings import Settings

    old = os.umask(0o000)
    try:
        settings = Settings(tmp_path)
        settings.set("registry_token", "tok-123")
        settings.set("facility_code", "01001")
        settings.save()
    finally:
        os.umask(old)
    assert mode(tmp_path / "settings.json") == 0o600 and mode(tmp_path / "secrets.json") == 0o600
