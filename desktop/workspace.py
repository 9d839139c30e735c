"""A workspace: one facility's database, settings, keys and files in one folder."""

from __future__ import annotations

import os
import sys
from functools import cached_property
from pathlib import Path

from desktop.db import Database
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.settings import Settings


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
        from desktop.updates.activation import activate

        activate(self.path)  # read this workspace's applied value sets and vaccine table

    @classmethod
    def open(cls, path: Path | str | None = None, create: bool = True) -> Workspace:
        folder = Path(path) if path else default_workspace_path()
        if not folder.exists():
            if not create:
                raise UserError(
                    tr("Không có thư mục làm việc {path}", "There is no workspace at {path}", path=str(folder)),
                    code="no_workspace",
                )
            folder.mkdir(parents=True)
        if not folder.is_dir():
            raise UserError(
                tr("{path} không phải là thư mục", "{path} is not a folder", path=str(folder)), code="no_workspace"
            )
        return cls(folder)

    @property
    def database_url(self) -> str:
        return self.settings.get("database_url") or f"sqlite:///{self.path / 'workspace.sqlite3'}"

    @cached_property
    def db(self) -> Database:
        database = Database(self.database_url)
        database.migrate()
        return database

    def folder(self, name: str) -> Path:
        path = self.path / name
        path.mkdir(parents=True, exist_ok=True)
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
