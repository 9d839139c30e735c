"""Making a backup of a workspace, and keeping the N newest in the backup folder."""

from __future__ import annotations

import json
import os
import re
import tarfile
import tempfile
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from desktop import __version__
from desktop.backup import container, snapshot
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.models import AuditEvent, Certificate, OutboxItem, SigningBatch, VaccinationRecord
from desktop.workspace import Workspace

SUFFIX = ".vxbak"
ACTION = "backup_created"
_NAME = re.compile(r"^vaxdesk-(?P<facility>[A-Za-z0-9._-]+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.vxbak$")


@dataclass
class BackupResult:
    file: str
    size: int
    created_at: str
    facility_code: str
    database: str
    counts: dict[str, int]
    files: int
    removed: list[str]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _folder(folder: Path | str | None, workspace: Any) -> Path:
    chosen = str(folder or workspace.settings.get("backup_folder") or "")
    if not chosen:
        raise UserError(tr("Chưa chọn thư mục sao lưu (cài đặt backup_folder hoặc --to).",
                           "No backup folder is chosen (setting backup_folder or --to)."), code="no_backup_folder")
    target = Path(chosen)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(tr("Không ghi được vào thư mục sao lưu {folder}: {err}",
                           "Cannot write to the backup folder {folder}: {err}", folder=str(target),
                           err=exc.strerror or str(exc)), code="backup_folder_unwritable") from exc
    if target.resolve() == workspace.path or workspace.path in target.resolve().parents:
        raise UserError(tr("Thư mục sao lưu phải nằm ngoài thư mục làm việc.",
                           "The backup folder must be outside the workspace."), code="backup_folder_inside")
    return target


def passphrase_for(workspace: Any, given: str | None) -> str:
    passphrase = given or workspace.settings.get("backup_passphrase")
    if not passphrase:
        raise UserError(tr("Chưa đặt mật khẩu sao lưu (quản trị viên đặt trong Cài đặt → Sao lưu).",
                           "No backup passphrase is set (an administrator sets it in Settings → Backup)."),
                        code="no_passphrase")
    if len(passphrase) < 10:
        raise UserError(tr("Mật khẩu sao lưu cần ít nhất 10 ký tự.", "A backup passphrase needs at least 10 characters."),
                        code="weak_passphrase")
    return passphrase


def count_rows(session: Any) -> dict[str, int]:
    """The numbers a restore must bring back exactly."""
    models = {"records": VaccinationRecord.id, "certificates": Certificate.id, "audit_events": AuditEvent.id,
              "batches": SigningBatch.id, "outbox_items": OutboxItem.batch_id}
    return {key: session.scalar(select(func.count(column))) or 0 for key, column in models.items()}


def count_sqlite(path: Path) -> dict[str, int]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with Session(engine) as session:
            return count_rows(session)
    finally:
        engine.dispose()


def count_database(db: Any) -> dict[str, int]:
    with db.session() as session:
        return count_rows(session)


def _file_name(folder: Path, facility: str, now: datetime) -> Path:
    base = f"vaxdesk-{re.sub(r'[^A-Za-z0-9._-]', '_', facility or 'workspace')}-{now:%Y%m%d-%H%M%S}"
    # Within one second, a number after every existing one (never a freed lower one: rotation keeps by name)
    taken = [int(m["n"] or 1) for p in folder.glob(f"{base}*{SUFFIX}") if (m := _NAME.match(p.name))
             and p.name.startswith(base)]
    n = max(taken, default=0) + 1
    return folder / (f"{base}{SUFFIX}" if n == 1 else f"{base}-{n}{SUFFIX}")


def build_payload(workspace: Any, staging: Path) -> dict[str, Any]:
    """Fill ``staging`` with the database copy, the state files and ``manifest.json``."""
    url = workspace.database_url
    kind = snapshot.database_kind(url)
    (staging / "database").mkdir()
    if kind == "sqlite":
        copy = staging / "database" / snapshot.SQLITE_NAME
        snapshot.copy_sqlite(url, copy)
        counts = count_sqlite(copy)
    else:
        counts = _dump_postgres(workspace, staging / "database" / snapshot.PG_DUMP_NAME)
    snapshot.copy_state(workspace.path, staging / "files")
    manifest = {"database": kind, "counts": counts, "app_version": __version__,
                "entries": snapshot.file_list(staging)}
    (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def _dump_postgres(workspace: Any, target: Path) -> dict[str, int]:
    """Count and dump from one snapshot, so the counts describe exactly what was dumped."""
    with workspace.db.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            exported = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            counts = count_rows(Session(bind=conn))
            snapshot.dump_postgres(workspace.database_url, target, exported)
    return counts


def create_backup(workspace: Any, passphrase: str | None = None, folder: Path | str | None = None,
                  keep: int | None = None, actor: str = "") -> BackupResult:
    """Write one encrypted backup into the folder; with ``keep``, remove all but the newest ``keep``.

    The file appears under its final name only when complete (written as ``.part``, then renamed).
    """
    from desktop.audit import record_event

    passphrase = passphrase_for(workspace, passphrase)
    target_folder = _folder(folder, workspace)
    workspace.db  # noqa: B018 - the schema is brought up to date before it is copied
    facility = workspace.settings.get("facility_code") or ""
    now = datetime.now(UTC)
    target = _file_name(target_folder, facility, now)
    part = target.with_name(target.name + ".part")
    with tempfile.TemporaryDirectory(prefix="vaxdesk-backup-") as tmp:
        staging = Path(tmp) / "payload"
        staging.mkdir()
        manifest = build_payload(workspace, staging)
        archive = Path(tmp) / "payload.tar.gz"
        with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
            for entry in sorted(staging.iterdir()):
                tar.add(entry, arcname=entry.name)
        fields = {"facility_code": facility, "facility_name": workspace.settings.get("facility_name") or "",
                  "created_at": now.isoformat(timespec="seconds"), "app_version": __version__,
                  "database": manifest["database"]}
        try:
            with open(archive, "rb") as source, open(part, "wb") as out:
                container.write(out, source, passphrase, fields)
                out.flush()
                os.fsync(out.fileno())
            os.replace(part, target)
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise UserError(tr("Không ghi được tệp sao lưu {file}: {err}", "Cannot write the backup {file}: {err}",
                               file=str(target), err=exc.strerror or str(exc)), code="backup_write_failed") from exc
    removed = rotate(target_folder, facility, keep) if keep else []
    size = target.stat().st_size
    with workspace.db.session() as session:
        record_event(session, actor, ACTION, "backup", target.name,
                     after={"file": target.name, "size": size, "counts": manifest["counts"], "removed": len(removed)})
    return BackupResult(str(target), size, fields["created_at"], facility, manifest["database"], manifest["counts"],
                        len(manifest["entries"]), removed)


def backups_in(folder: Path, facility: str | None = None) -> list[Path]:
    """Backup files in a folder, oldest first (their names carry the time)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and path.is_file() and (facility is None or match["facility"] == (facility or "workspace")):
            found.append((match["stamp"], int(match["n"] or 1), path))
    return [p for _, _, p in sorted(found)]


def rotate(folder: Path, facility: str, keep: int) -> list[str]:
    """Remove this facility's backups beyond the ``keep`` newest; other files are never touched."""
    if keep < 1:
        raise UserError(tr("Số bản sao lưu giữ lại phải từ 1 trở lên.", "Backups to keep must be 1 or more."),
                        code="bad_setting")
    old = backups_in(folder, facility)[:-keep]
    for path in old:
        path.unlink()
    return [p.name for p in old]


@dataclass(frozen=True)
class LastBackup:
    """When the workspace last made a backup, into which file, by whom."""

    at: str  # ISO 8601, UTC, to the second
    file: str
    actor: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def last_backup(workspace: Workspace) -> LastBackup | None:
    """When this workspace last made a backup (from the audit log), or None."""
    with workspace.db.session() as session:
        row = session.execute(select(AuditEvent.at, AuditEvent.entity_id, AuditEvent.actor)
                              .where(AuditEvent.action == ACTION).order_by(AuditEvent.id.desc()).limit(1)).first()
    if row is None:
        return None
    return LastBackup(at=row[0].isoformat(timespec="seconds"), file=str(row[1]), actor=str(row[2]))
