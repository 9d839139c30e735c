"""Opening a backup: decrypt it completely (every chunk authenticated), then unpack and check it."""

from __future__ import annotations

import json
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from desktop.backup import container, snapshot
from desktop.errors import UserError
from desktop.i18n import tr


@dataclass
class OpenedBackup:
    header: container.Header
    manifest: dict[str, Any]
    root: Path  # the unpacked payload: manifest.json, database/, files/

    @property
    def database_file(self) -> Path:
        name = snapshot.SQLITE_NAME if self.manifest["database"] == "sqlite" else snapshot.PG_DUMP_NAME
        return self.root / "database" / name

    @property
    def files(self) -> Path:
        return self.root / "files"


def open_backup(path: Path, passphrase: str, into: Path) -> OpenedBackup:
    """Decrypt and unpack ``path`` into the empty folder ``into`` (which the caller removes)."""
    path = Path(path)
    if not path.is_file():
        raise UserError(tr("Không có tệp sao lưu {file}.", "There is no backup file {file}.", file=str(path)),
                        code="backup_missing")
    header = container.open_header(path)
    archive = into / "payload.tar.gz"
    with open(archive, "wb") as out:
        for chunk in container.decrypt(path, passphrase):
            out.write(chunk)
    root = into / "payload"
    root.mkdir()
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(root, filter="data")
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise container.corrupted(path) from exc
    finally:
        archive.unlink(missing_ok=True)
    try:
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise container.corrupted(path) from None
    opened = OpenedBackup(header, manifest, root)
    _check_entries(opened, path)
    return opened


def _check_entries(opened: OpenedBackup, path: Path) -> None:
    for entry in opened.manifest.get("entries", []):
        file = opened.root / entry["path"]
        if not file.is_file() or snapshot.sha256_file(file) != entry["sha256"]:
            raise container.corrupted(path)
    if not opened.database_file.is_file():
        raise container.corrupted(path)


def sqlite_session(file: Path) -> tuple[Any, Session]:
    """A plain session on an unpacked SQLite copy (no migration: it is read as it was saved)."""
    engine = create_engine(f"sqlite:///{file}")
    return engine, Session(engine)
