"""The commands IT staff and the scheduled task use: backup, backup verify/list/passphrase, restore."""

from __future__ import annotations

from backup_factory import PASSPHRASE
from sync_factory import make_records

from tests.helpers import run_cli


def test_scheduled_backups_verify_and_restore(workspace, tmp_path):
    make_records(workspace.db, 4)
    workspace.close()
    ws, folder = workspace.path, tmp_path / "usb"
    assert run_cli("backup", "passphrase", "--passphrase-stdin", workspace=ws, stdin="short\n").code == 1
    assert run_cli("backup", "passphrase", "--passphrase-stdin", workspace=ws, stdin=PASSPHRASE + "\n").code == 0
    assert run_cli("settings", "set", "backup_folder", str(folder), workspace=ws).code == 0
    assert run_cli("settings", "set", "backup_keep", "1", workspace=ws).code == 0
    for _ in range(2):
        made = run_cli("--json", "backup", "--scheduled", workspace=ws)
        assert made.code == 0, made.stderr
    assert made.json["counts"]["records"] == 4
    listed = run_cli("--json", "backup", "list", workspace=ws).json
    assert [b["file"] for b in listed] == [made.json["file"]] and listed[0]["facility_code"] == "01001"
    assert "key_check" not in listed[0]

    verified = run_cli("--json", "backup", "verify", made.json["file"], workspace=ws)
    assert verified.code == 0, verified.stderr
    assert verified.json["audit_chain"]["ok"] is True

    wrong = run_cli("restore", made.json["file"], "--to", str(tmp_path / "new"), "--passphrase-stdin",
                    workspace=ws, stdin="not the passphrase\n")
    assert wrong.code == 1 and "Sai mật khẩu sao lưu" in wrong.stderr and not (tmp_path / "new").exists()
    wrong_en = run_cli("--lang", "en", "restore", made.json["file"], "--to", str(tmp_path / "new"),
                       "--passphrase-stdin", workspace=ws, stdin="not the passphrase\n")
    assert "Wrong backup passphrase; nothing was changed." in wrong_en.stderr

    restored = run_cli("--json", "restore", made.json["file"], "--to", str(tmp_path / "new"), "--passphrase-stdin",
                       workspace=ws, stdin=PASSPHRASE + "\n")
    assert restored.code == 0, restored.stderr
    assert restored.json["counts"]["records"] == 4 and restored.json["facility_code"] == "01001"
    assert run_cli("--json", "audit", "verify", workspace=tmp_path / "new").json["ok"] is True


def test_restore_refuses_another_facility_from_the_command_line(workspace, tmp_path):
    workspace.close()
    made = run_cli("--json", "backup", "--to", str(tmp_path / "b"), "--passphrase-stdin", workspace=workspace.path,
                   stdin=PASSPHRASE + "\n")
    assert made.code == 0, made.stderr
    refused = run_cli("--json", "restore", made.json["file"], "--to", str(tmp_path / "new"), "--facility", "79002",
                      "--passphrase-stdin", workspace=workspace.path, stdin=PASSPHRASE + "\n")
    assert refused.code == 1 and refused.json["error"]["code"] == "backup_other_facility"
    assert not (tmp_path / "new").exists()
    allowed = run_cli("--json", "restore", made.json["file"], "--to", str(tmp_path / "new"), "--facility", "79002",
                      "--other-facility", "--passphrase-stdin", workspace=workspace.path, stdin=PASSPHRASE + "\n")
    assert allowed.code == 0, allowed.stderr
