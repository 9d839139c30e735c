"""``backup verify``: prove a backup can be restored, without restoring it."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.audit import verify_chain
from desktop.backup import snapshot
from desktop.backup.create import count_sqlite
from desktop.backup.opening import open_backup, sqlite_session
from desktop.errors import UserError
from desktop.i18n import tr


@dataclass(frozen=True)
class BackupCheck:
    """What a backup holds, read back without restoring it."""

    file: str
    header: dict[str, Any]  # what the file says of itself without the passphrase (facility, time, version)
    counts: dict[str, int]
    files: int
    audit_chain: dict[str, Any]  # {"checked": False} for a PostgreSQL dump, else ok, events, first bad event

    @property
    def facility_code(self) -> str:
        return str(self.header.get("facility_code", ""))

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, **self.header, "counts": dict(self.counts), "files": self.files,
                "audit_chain": dict(self.audit_chain)}


def verify_backup(path: Path | str, passphrase: str) -> BackupCheck:
    """Decrypt into a temporary folder, open the database and check the audit chain and the counts.

    Raises a ``UserError`` (wrong passphrase, damaged file, broken audit chain); returns what it saw.
    """
    with tempfile.TemporaryDirectory(prefix="vaxdesk-verify-") as tmp:
        opened = open_backup(Path(path), passphrase, Path(tmp))
        seen: dict[str, Any] = {"file": str(path), "header": opened.header.public(),
                                "counts": dict(opened.manifest["counts"]),
                                "files": len(opened.manifest.get("entries", []))}
        if opened.manifest["database"] != "sqlite":
            snapshot.list_postgres_dump(opened.database_file)
            return BackupCheck(**seen, audit_chain={"checked": False})
        engine, session = sqlite_session(opened.database_file)
        try:
            report = verify_chain(session)
        finally:
            session.close()
            engine.dispose()
        counts = count_sqlite(opened.database_file)
    result = BackupCheck(**seen, audit_chain={"checked": True, "ok": report.ok, "events": report.events,
                                              "first_bad_id": report.first_bad_id, "problem": report.problem})
    if counts != opened.manifest["counts"]:
        raise UserError(tr("Số bản ghi trong bản sao lưu không khớp với danh mục của nó.",
                           "The backup's contents do not match its own list of contents."),
                        code="backup_corrupted", details={"expected": opened.manifest["counts"], "found": counts})
    if not report.ok:
        raise UserError(
            tr("Nhật ký kiểm tra trong bản sao lưu bị thay đổi từ sự kiện {id} ({problem}).",
               "The audit log inside the backup was altered at event {id} ({problem}).",
               id=report.first_bad_id, problem=report.problem),
            code="audit_broken", details=result.as_dict())
    return result
