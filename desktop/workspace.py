"""A workspace: one facility's database, settings, keys and files in one folder.

The folder is its owner's alone: 0700, and the database (with its -wal/-shm files), logs, settings
and secrets 0600, set when the workspace is created and checked again on every open (see
``desktop.private``). On Windows the folder's ACL grants the owner and SYSTEM only.
"""

from __future__ import annotations

import os
import sys
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.private import make_private_folder, protect_database_file, protect_workspace
from desktop.settings import Settings

if TYPE_CHECKING:
    from desktop.db import Database


def default_workspace_path() -> Path:
    """``VAXDESK_WORKSPACE``, else the user's data folder."""
    env = os.environ.get("VAXDESK_WORKSPACE")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "VaxDesk" / "workspace"


class Workspace:
    def __init__(self, path: Path):
        self.path = Path(path).resolve()
        self.settings = Settings(self.path)

    @classmethod
    def open(cls, path: Path | str | None = None, create: bool = True) -> Workspace:
        folder = Path(path) if path else default_workspace_path()
        if not folder.exists():
            if not create:
                raise UserError(
                    tr("Không có thư mục làm việc {path}", "There is no workspace at {path}", path=str(folder)),
                    code="no_workspace",
                )
            make_private_folder(folder)
        if not folder.is_dir():
            raise UserError(
                tr("{path} không phải là thư mục", "{path} is not a folder", path=str(folder)), code="no_workspace"
            )
        protect_workspace(folder)
        return cls(folder)

    @property
    def database_url(self) -> str:
        return self.settings.get("database_url") or f"sqlite:///{self.path / 'workspace.sqlite3'}"

    @cached_property
    def db(self) -> Database:
        from desktop.db import Database

        url = self.database_url
        sqlite_file = self.path / "workspace.sqlite3"
        if url == f"sqlite:///{sqlite_file}":
            protect_database_file(sqlite_file)
        database = Database(url, info={"audit_key_path": self.path / "audit.key"})
        database.migrate()
        if url == f"sqlite:///{sqlite_file}":
            protect_workspace(self.path)  # the -wal and -shm files SQLite has just made
        return database

    def folder(self, name: str) -> Path:
        path = self.path / name
        if not path.is_dir():
            make_private_folder(path)
        return path

    @property
    def pki_dir(self) -> Path:
        return self.folder("pki")

    @property
    def outbox_dir(self) -> Path:
        return self.folder("outbox")

    @property
    def exports_dir(self) -> Path:
        return self.folder("exports")

    def close(self) -> None:
        if "db" in self.__dict__:
            self.db.dispose()
