"""Back up a workspace that has lived, destroy it, restore it, and find everything as it was."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from backup_factory import PASSPHRASE, table_rows
from sqlalchemy import func, select

from desktop.audit import verify_chain
from desktop.backup import backups_in, create_backup, last_backup, restore_backup, verify_backup
from desktop.backup.opening import open_backup
from desktop.errors import UserError
from desktop.models import Certificate, OutboxItem
from desktop.sync import sync
from desktop.workspace import Workspace


def db_file(ws):
    return ws.path / "workspace.sqlite3"


def test_backup_destroy_restore_is_the_same_row_by_row(lived_in, server, tmp_path):
    ws = lived_in
    before = table_rows(db_file(ws))
    settings_before = (ws.path / "settings.json").read_text()
    trust_before = (ws.pki_dir / "trustlist.json").read_bytes()
    assert len(before["outbox_item"]) == 2 and len(before["certificate"]) == 6

    result = create_backup(ws, PASSPHRASE, tmp_path / "backups", actor="admin")
    assert result.counts == {"records": 9, "certificates": 6, "audit_events": len(before["audit_event"]),
                             "batches": 2, "outbox_items": 2}
    assert last_backup(ws).file == Path(result.file).name
    ws.close()
    shutil.rmtree(ws.path)

    restored = restore_backup(result.file, PASSPHRASE, tmp_path / "new-pc" / "ws", actor="admin")
    folder = tmp_path / "new-pc" / "ws"
    assert restored["workspace"] == str(folder) and restored["audit_chain"]["ok"]
    after = table_rows(folder / "workspace.sqlite3")
    for table, rows in before.items():
        if table == "audit_event":
            assert after[table][:len(rows)] == rows
            assert [r[3] for r in after[table][len(rows):]] == ["backup_restored"]
        else:
            assert after[table] == rows, table
    assert (folder / "settings.json").read_text() == settings_before
    assert (folder / "pki" / "trustlist.json").read_bytes() == trust_before
    assert (folder / "pki" / "facility.pem").exists()
    for never in ("secrets.json", "softhsm2.conf", "softhsm", "pki/ministry-ca.key", "pki/ministry-ca.pass"):
        assert not (folder / never).exists(), never
    assert not [p for p in (tmp_path / "new-pc").iterdir() if p.name != "ws"]  # no staging left behind

    # the restored facility syncs on: only the batch the central had not answered is sent
    new = Workspace.open(folder)
    try:
        server.requests.clear()
        report = sync(new)
        assert report.error is None and report.sent == 1 and report.certificates_received == 3
        assert [m for m, _ in server.requests].count("POST") == 1
        with new.db.session() as s:
            assert s.scalar(select(func.count(Certificate.id))) == 9
            assert set(s.execute(select(OutboxItem.state)).scalars()) == {"done"}
            assert verify_chain(s).ok
    finally:
        new.close()


def test_secrets_and_keys_are_not_inside_the_backup(lived_in, tmp_path):
    result = create_backup(lived_in, PASSPHRASE, tmp_path / "backups")
    result_path = Path(result.file)
    (tmp_path / "x").mkdir()
    opened = open_backup(result_path, PASSPHRASE, tmp_path / "x")
    names = {e["path"] for e in opened.manifest["entries"]}
    assert "files/settings.json" in names and "database/workspace.sqlite3" in names
    assert not [n for n in names if "softhsm" in n or n.endswith((".key", ".pass")) or "secrets" in n]
    for file in opened.root.rglob("*"):
        if file.is_file():
            assert b"registry-secret-token" not in file.read_bytes()
    assert b"registry-secret-token" not in result_path.read_bytes()


def test_verify_reports_counts_and_the_audit_chain(lived_in, tmp_path):
    result = create_backup(lived_in, PASSPHRASE, tmp_path / "backups")
    report = verify_backup(result.file, PASSPHRASE)
    assert report.facility_code == "01001" and report.counts["certificates"] == 6
    assert report.audit_chain["ok"] and report.audit_chain["events"] == result.counts["audit_events"]
    assert report.as_dict()["facility_code"] == "01001"  # the command line's JSON keeps its keys


def test_verify_finds_an_altered_audit_log(lived_in, tmp_path):
    copy = tmp_path / "altered"
    lived_in.close()
    shutil.copytree(lived_in.path, copy)
    conn = sqlite3.connect(copy / "workspace.sqlite3")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_event'"):
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("UPDATE audit_event SET actor = 'someone else' WHERE id = 2")
    conn.commit()
    conn.close()
    altered = Workspace.open(copy)
    try:
        result = create_backup(altered, PASSPHRASE, tmp_path / "backups")
    finally:
        altered.close()
    with pytest.raises(UserError) as err:
        verify_backup(result.file, PASSPHRASE)
    assert err.value.code == "audit_broken" and err.value.details["audit_chain"]["first_bad_id"] == 2


def test_wrong_passphrase_changes_nothing(lived_in, tmp_path):
    result = create_backup(lived_in, PASSPHRASE, tmp_path / "backups")
    with pytest.raises(UserError) as err:
        restore_backup(result.file, "not the passphrase", tmp_path / "ws2")
    assert err.value.code == "backup_wrong_passphrase"
    assert "không có gì bị thay đổi" in err.value.message.render("vi")
    assert "nothing was changed" in err.value.message.render("en")
    _nothing_changed_but_workspace(tmp_path)


def _nothing_changed_but_workspace(tmp_path):
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "ws"]


@pytest.mark.parametrize("where", ["middle", "end"])
def test_corrupted_backup_changes_nothing(lived_in, tmp_path, where):
    result = create_backup(lived_in, PASSPHRASE, tmp_path / "backups")
    data = bytearray(open(result.file, "rb").read())
    data[len(data) // 2 if where == "middle" else -3] ^= 0x40
    open(result.file, "wb").write(bytes(data))
    with pytest.raises(UserError) as err:
        restore_backup(result.file, PASSPHRASE, tmp_path / "ws2")
    assert err.value.code == "backup_corrupted"
    _nothing_changed_but_workspace(tmp_path)


def test_backup_of_another_facility_is_refused_unless_told(lived_in, tmp_path):
    result = create_backup(lived_in, PASSPHRASE, tmp_path / "backups")
    other = Workspace.open(tmp_path / "other")
    other.settings.set("facility_code", "79002")
    other.settings.save()
    with pytest.raises(UserError) as err:
        restore_backup(result.file, PASSPHRASE, other.path, replace=True)
    assert err.value.code == "backup_other_facility"
    assert "79002" in str(err.value.message) and "01001" in str(err.value.message)
    with pytest.raises(UserError) as err:
        restore_backup(result.file, PASSPHRASE, tmp_path / "fresh", expected_facilities=["79002"])
    assert err.value.code == "backup_other_facility" and not (tmp_path / "fresh").exists()
    done = restore_backup(result.file, PASSPHRASE, other.path, replace=True, other_facility=True)
    assert done["facility_code"] == "01001"
    assert Workspace(other.path).settings.get("facility_code") == "01001"
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("other.before-restore-")]
    assert len(kept) == 1 and (kept[0] / "settings.json").exists()


def test_a_non_empty_folder_needs_replace(lived_in, tmp_path):
    result = create_backup(lived_in, PASSPHRASE, tmp_path / "backups")
    with pytest.raises(UserError) as err:
        restore_backup(result.file, PASSPHRASE, lived_in.path)
    assert err.value.code == "restore_target_not_empty"


def test_rotation_keeps_the_newest(lived_in, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a backup")
    (folder / "vaxdesk-79002-20200101-000000.vxbak").write_bytes(b"another facility's")
    made = [create_backup(lived_in, PASSPHRASE, folder, keep=2) for _ in range(4)]
    kept = backups_in(folder, "01001")
    assert [str(p) for p in kept] == [made[2].file, made[3].file]
    assert made[3].removed and (folder / "notes.txt").exists()
    assert (folder / "vaxdesk-79002-20200101-000000.vxbak").exists()


def test_a_backup_needs_a_folder_and_a_real_passphrase(lived_in, tmp_path):
    with pytest.raises(UserError) as err:
        create_backup(lived_in, PASSPHRASE)
    assert err.value.code == "no_backup_folder"
    with pytest.raises(UserError) as err:
        create_backup(lived_in, "short", tmp_path / "b")
    assert err.value.code == "weak_passphrase"
    with pytest.raises(UserError) as err:
        create_backup(lived_in, PASSPHRASE, lived_in.path / "backups")
    assert err.value.code == "backup_folder_inside"


def test_backup_while_another_process_keeps_writing(lived_in, tmp_path):
    """The copy is one consistent moment: its counts match its own list and its audit chain verifies."""
    import threading

    from desktop.audit import record_event
    from desktop.db import Database

    writer_db, stop, written = Database(lived_in.database_url), threading.Event(), []

    def write():
        from sync_factory import make_records

        while not stop.is_set():
            [rid] = make_records(writer_db, 1, seed=len(written))
            with writer_db.session() as s:
                record_event(s, "clerk", "note", "record", rid, after={"n": len(written)})
            written.append(rid)

    thread = threading.Thread(target=write, name="writer")
    thread.start()
    try:
        results = [create_backup(lived_in, PASSPHRASE, tmp_path / "backups") for _ in range(2)]
    finally:
        stop.set()
        thread.join()
        writer_db.dispose()
    assert written
    for result in results:
        report = verify_backup(result.file, PASSPHRASE)
        assert report.audit_chain["ok"] and report.counts == result.counts


def test_a_backup_from_a_newer_vaxdesk_is_refused(lived_in, tmp_path):
    import io
    import json
    import tarfile

    from desktop.backup import container
    from desktop.backup.snapshot import copy_sqlite, file_list

    payload = tmp_path / "payload"
    (payload / "database").mkdir(parents=True)
    copy_sqlite(lived_in.database_url, payload / "database" / "workspace.sqlite3")
    conn = sqlite3.connect(payload / "database" / "workspace.sqlite3")
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    from desktop.backup.create import count_sqlite

    manifest = {"database": "sqlite", "counts": count_sqlite(payload / "database" / "workspace.sqlite3"),
                "entries": file_list(payload)}
    (payload / "manifest.json").write_text(json.dumps(manifest))
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w:gz") as tar:
        for entry in sorted(payload.iterdir()):
            tar.add(entry, arcname=entry.name)
    archive.seek(0)
    file = tmp_path / "newer.vxbak"
    with open(file, "wb") as out:
        container.write(out, archive, PASSPHRASE, {"facility_code": "01001", "created_at": "2030-01-01T00:00:00+00:00",
                                                   "database": "sqlite"})
    with pytest.raises(UserError) as err:
        restore_backup(file, PASSPHRASE, tmp_path / "new")
    assert err.value.code == "database_too_new"
    assert not (tmp_path / "new").exists() and not [p for p in tmp_path.iterdir() if "restoring" in p.name]
