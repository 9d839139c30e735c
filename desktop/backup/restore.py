"""``restore``: bring a facility back from a backup, onto a new PC or over a broken workspace.

Everything is prepared in a hidden folder beside the target and checked (database opens, schema is
brought up to date, audit chain verifies, counts match) before one rename puts it in place; a wrong
passphrase, a damaged file or a backup of another facility changes nothing. The outbox comes back
as it was, so a sync afterwards sends only what the central service had not answered, and the
central answers a batch it already has with the same certificates.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text

from desktop.audit import record_event, verify_chain
from desktop.backup import container, snapshot
from desktop.backup.create import count_database
from desktop.backup.opening import open_backup
from desktop.errors import UserError
from desktop.i18n import tr

ACTION = "backup_restored"


def facility_of(folder: Path) -> str:
    """The facility code a workspace folder is set up for ('' when none), without opening it."""
    try:
        data = json.loads((folder / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return str(data.get("facility_code") or "")


def _is_empty(folder: Path) -> bool:
    return not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))


def check_facility(header: container.Header, expected: list[str], other_facility: bool) -> None:
    mismatched = sorted({code for code in expected if code and code != header.facility_code})
    if mismatched and not other_facility:
        raise UserError(
            tr("Bản sao lưu của cơ sở {backup}, không phải cơ sở {here}; không có gì bị thay đổi. "
               "Nếu thật sự muốn khôi phục, dùng --other-facility.",
               "The backup belongs to facility {backup}, not {here}; nothing was changed. "
               "To restore it anyway, use --other-facility.",
               backup=header.facility_code or "?", here=", ".join(mismatched)),
            code="backup_other_facility", details={"backup": header.facility_code, "expected": mismatched})


def _empty_postgres(url: str) -> None:
    from sqlalchemy import create_engine, inspect

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
    finally:
        engine.dispose()
    if tables:
        raise UserError(tr("Cơ sở dữ liệu đích không trống; hãy khôi phục vào một cơ sở dữ liệu PostgreSQL mới.",
                           "The target database is not empty; restore into a new PostgreSQL database."),
                        code="restore_database_not_empty")


def restore_backup(path: Path | str, passphrase: str, to: Path | str, *, expected_facilities: list[str] | None = None,
                   other_facility: bool = False, replace: bool = False, database_url: str = "",
                   actor: str = "") -> dict[str, Any]:
    path, target = Path(path), Path(to).absolute()
    header = container.open_header(path)
    expected = list(expected_facilities or []) + [facility_of(target)]
    check_facility(header, expected, other_facility)
    if not _is_empty(target) and not replace:
        raise UserError(tr("Thư mục {folder} đã có dữ liệu; chọn thư mục trống hoặc dùng --replace "
                           "(thư mục cũ được giữ lại bên cạnh).",
                           "The folder {folder} is not empty; choose an empty folder or use --replace "
                           "(the old folder is kept beside it).", folder=str(target)), code="restore_target_not_empty")
    postgres = header.fields.get("database") == "postgresql"
    if postgres and not database_url:
        raise UserError(tr("Bản sao lưu này là PostgreSQL: hãy cho --database-url của một cơ sở dữ liệu mới.",
                           "This backup is a PostgreSQL one: give --database-url of a new, empty database."),
                        code="restore_needs_database_url")
    if database_url and not postgres:
        database_url = ""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.restoring-", dir=target.parent))
    try:
        (staging / "open").mkdir()
        opened = open_backup(path, passphrase, staging / "open")
        check_facility(opened.header, expected, other_facility)  # now authenticated
        if postgres:
            _empty_postgres(database_url)
        new = staging / "workspace"
        new.mkdir()
        for entry in sorted(opened.files.iterdir()) if opened.files.is_dir() else []:
            os.replace(entry, new / entry.name)
        if postgres:
            snapshot.restore_postgres(opened.database_file, database_url)
        else:
            os.replace(opened.database_file, new / snapshot.SQLITE_NAME)
        result = _settle(new, opened, path, database_url, actor)
        shutil.rmtree(staging / "open")
        moved = _swap(new, target)
        result["workspace"] = str(target)
        result["previous_folder"] = str(moved) if moved else None
        return result
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _settle(folder: Path, opened: Any, path: Path, database_url: str, actor: str) -> dict[str, Any]:
    """Open the restored workspace: migrate, drop the old PC's sync claims, check, and log the restore."""
    from desktop.workspace import Workspace

    ws = Workspace(folder)
    try:
        if (ws.settings.get("database_url") or "") != database_url:  # the database now lives here
            ws.settings.set("database_url", database_url)
            ws.settings.save()
        counts = count_database(ws.db)
        if counts != opened.manifest["counts"]:
            raise container.corrupted(path)
        with ws.db.session() as session:
            session.execute(text("DELETE FROM outbox_lease"))  # claims of processes on the old PC
            report = verify_chain(session)
            record_event(session, actor, ACTION, "backup", path.name, after={
                "file": path.name, "created_at": opened.header.created_at,
                "facility_code": opened.header.facility_code, "counts": counts})
        return {"file": str(path), "facility_code": opened.header.facility_code,
                "created_at": opened.header.created_at, "database": opened.manifest["database"], "counts": counts,
                "audit_chain": {"ok": report.ok, "events": report.events, "first_bad_id": report.first_bad_id}}
    finally:
        ws.close()


def _swap(new: Path, target: Path) -> Path | None:
    """Put the prepared folder in place with one rename; an existing one is moved aside, never deleted."""
    moved = None
    try:
        if target.exists():
            if _is_empty(target):
                target.rmdir()
            else:
                moved = target.with_name(f"{target.name}.before-restore-{datetime.now(UTC):%Y%m%d-%H%M%S}")
                os.rename(target, moved)
        try:
            os.rename(new, target)
        except OSError:
            if moved is not None:
                os.rename(moved, target)
            raise
    except OSError as exc:
        raise UserError(
            tr("Không thay được thư mục {folder} ({err}); hãy đóng VaxDesk trên máy này rồi thử lại. "
               "Không có gì bị thay đổi.",
               "Cannot put the restored folder in place of {folder} ({err}); close VaxDesk on this PC and try "
               "again. Nothing was changed.", folder=str(target), err=exc.strerror or str(exc)),
            code="restore_target_busy") from exc
    return moved
