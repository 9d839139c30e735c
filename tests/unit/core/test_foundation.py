"""The foundation: settings, workspace database, audit chain, messages, command line."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.audit import record_event, verify_chain
from desktop.errors import UserError
from desktop.i18n import format_date, format_number, set_language, tr
from tests.helpers import ROOT, run_cli


def test_messages_render_in_both_languages():
    msg = tr("Dòng {row}: thiếu {field}", "Row {row}: {field} is missing", row=7, field="Ngày sinh")
    assert msg.vi == "Dòng 7: thiếu Ngày sinh"
    assert msg.en == "Row 7: Ngày sinh is missing"
    set_language("en")
    assert str(msg) == msg.en
    assert format_number(1234567) == "1,234,567"
    set_language("vi")
    assert format_number(1234567) == "1.234.567"
    assert format_date("1990-05-12") == "12/05/1990"
    assert format_date("1990") == "1990"


@pytest.mark.fresh_migration
def test_database_is_wal_and_migrated(workspace):
    with workspace.db.session() as session:
        tables = {r[0] for r in session.execute(text("select name from sqlite_master where type='table'"))}
    assert {"vaccination_record", "audit_event", "signing_batch", "certificate"} <= tables
    conn = sqlite3.connect(workspace.path / "workspace.sqlite3")
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_database_newer_than_the_app_is_refused(tmp_path):
    from desktop.workspace import Workspace

    ws = Workspace.open(tmp_path / "w")
    ws.db  # noqa: B018 - creates and migrates
    ws.close()
    conn = sqlite3.connect(tmp_path / "w" / "workspace.sqlite3")
    conn.execute("update alembic_version set version_num='9999'")
    conn.commit()
    conn.close()
    with pytest.raises(UserError) as info:
        Workspace.open(tmp_path / "w").db  # noqa: B018
    assert info.value.code == "database_too_new"


def test_audit_chain_detects_tampering(workspace):
    with workspace.db.session() as session:
        for i in range(5):
            record_event(session, "lan", "decision", "record", i, {"name": "A"}, {"name": "B"}, "typo")
    with workspace.db.session() as session:
        assert verify_chain(session).ok
    with pytest.raises(IntegrityError, match="append-only"), workspace.db.session() as session:
        session.execute(text("update audit_event set reason='changed' where id=3"))
    with workspace.db.session() as session:  # someone who edits the file itself is not stopped by a trigger
        session.execute(text("drop trigger audit_event_no_update"))
        session.execute(text("update audit_event set reason='changed' where id=3"))
    with workspace.db.session() as session:
        report = verify_chain(session)
    assert not report.ok and report.first_bad_id == 3 and report.problem == "altered"
    result = run_cli("--json", "audit", "verify", workspace=workspace.path)
    assert result.code == 1
    assert result.json["error"]["code"] == "audit_broken"


def test_audit_verify_on_a_clean_log(workspace):
    with workspace.db.session() as session:
        record_event(session, "lan", "import", "list", 1, None, {"rows": 3})
    result = run_cli("--json", "audit", "verify", workspace=workspace.path)
    assert result.code == 0, result.stderr
    # the test administrator's creation and the command's sign-in are audited too
    assert result.json["ok"] is True and result.json["events"] == 3 and result.json["anchors"] == 0
    assert result.json["first_bad_id"] is None and result.json["problem"] == ""


def test_cli_usage_errors_exit_2_without_traceback(tmp_path):
    result = run_cli("no-such-command", workspace=tmp_path / "w")
    assert result.code == 2
    assert "Traceback" not in result.stderr


def test_settings_secrets_are_kept_apart(workspace):
    workspace.settings.set("registry_token", "s3cret")
    workspace.settings.set("registry_url", "http://127.0.0.1:1")
    workspace.settings.save()
    assert "s3cret" not in (workspace.path / "settings.json").read_text()
    assert (workspace.path / "secrets.json").stat().st_mode & 0o077 == 0


def test_core_never_imports_qt():
    """The import-linter contract of pyproject.toml holds."""
    lint = ROOT / ".venv" / "bin" / "lint-imports"
    cmd = [str(lint)] if lint.exists() else [sys.executable, "-m", "importlinter.cli"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
