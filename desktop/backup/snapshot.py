"""What a backup holds: a consistent copy of the database and the workspace's state files.

The database is copied online (SQLite's backup API, or ``pg_dump`` for PostgreSQL) while VaxDesk may
be running. State files are chosen by name (``STATE_ENTRIES``); keys, PINs and secrets never are:
``secrets.json``, the SoftHSM token folder and its configuration, and any file holding a private key
or its passphrase stay behind.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from desktop.errors import UserError
from desktop.i18n import tr

SQLITE_NAME = "workspace.sqlite3"
PG_DUMP_NAME = "workspace.pgdump"
# workspace entries that are part of the facility's state (folders are copied file by file)
STATE_ENTRIES = ("settings.json", "pki", "outbox")
NEVER_SUFFIXES = (".key", ".pass", ".p12", ".pfx", ".tmp")
NEVER_NAMES = ("secrets.json", "softhsm2.conf")


def database_kind(url: str) -> str:
    name = make_url(url).get_backend_name()
    if name not in ("sqlite", "postgresql"):
        raise UserError(tr("Không sao lưu được cơ sở dữ liệu loại {kind}.", "Cannot back up a {kind} database.",
                           kind=name), code="backup_unsupported_database")
    return name


def sqlite_path(url: str) -> Path:
    return Path(make_url(url).database or "")


def copy_sqlite(url: str, target: Path) -> None:
    """A consistent copy of a live SQLite database through its backup API, as one self-contained file."""
    path = sqlite_path(url)
    if not path.is_file():
        raise UserError(tr("Không có cơ sở dữ liệu {file}.", "There is no database {file}.", file=str(path)),
                        code="database_unavailable")
    source = sqlite3.connect(path, timeout=30)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    finally:
        source.close()


def libpq(url: str) -> tuple[str, dict[str, str]]:
    """A libpq URL without its password, and an environment carrying the password."""
    parsed = make_url(url)
    env = {**os.environ}
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(cmd: list[str], env: dict[str, str], what: str) -> None:
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise UserError(tr("Không tìm thấy chương trình {tool} (cài PostgreSQL client).",
                           "The program {tool} was not found (install the PostgreSQL client).", tool=cmd[0]),
                        code="pg_tools_missing") from exc
    if proc.returncode != 0:
        raise UserError(tr("{what} không thành công: {err}", "{what} failed: {err}", what=what,
                           err=proc.stderr.strip()[-500:]), code="pg_tool_failed")


def dump_postgres(url: str, target: Path, exported_snapshot: str = "") -> None:
    dsn, env = libpq(url)
    cmd = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target)]
    if exported_snapshot:
        cmd.append(f"--snapshot={exported_snapshot}")
    _run(cmd + [dsn], env, "pg_dump")


def restore_postgres(dump: Path, url: str) -> None:
    """Load a dump into an empty PostgreSQL database in one transaction: all or nothing."""
    dsn, env = libpq(url)
    _run(["pg_restore", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
          "--dbname", dsn, str(dump)], env, "pg_restore")


def list_postgres_dump(dump: Path) -> None:
    _run(["pg_restore", "--list", str(dump)], {**os.environ}, "pg_restore --list")


def _holds_private_key(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return b"PRIVATE KEY" in f.read(1 << 20)
    except OSError:
        return True


def excluded(path: Path) -> bool:
    """Files that never go into a backup: secrets, keys and their passphrases, temporary files."""
    name = path.name
    return (name in NEVER_NAMES or name.endswith(NEVER_SUFFIXES) or name.startswith(".")
            or _holds_private_key(path))


def copy_state(workspace_path: Path, target: Path) -> list[str]:
    """Copy the state entries of a workspace into ``target``; the relative paths copied."""
    copied = []
    for entry in STATE_ENTRIES:
        source = workspace_path / entry
        files = [source] if source.is_file() else sorted(p for p in source.rglob("*") if p.is_file()) \
            if source.is_dir() else []
        for path in files:
            if excluded(path):
                continue
            relative = path.relative_to(workspace_path)
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
            copied.append(relative.as_posix())
    return copied


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_list(root: Path) -> list[dict[str, Any]]:
    return [{"path": p.relative_to(root).as_posix(), "size": p.stat().st_size, "sha256": sha256_file(p)}
            for p in sorted(root.rglob("*")) if p.is_file()]
