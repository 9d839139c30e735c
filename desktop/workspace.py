"""A workspace: one facility's database, settings, keys and files in one folder.

The folder is its owner's alone: 0700, and the database (with its -wal/-shm files), logs, settings
and secrets 0600, set when the workspace is created and checked again on every open (see
``desktop.private``). On Windows the folder's ACL grants the owner and SYSTEM only.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.private import make_private_folder, protect_database_file, protect_workspace
from desktop.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from desktop.db import Database

log = logging.getLogger("vaxdesk.workspace")

# what the clerk reads (and the log says) while an existing database is brought up to this version
UPDATING = tr("Đang cập nhật dữ liệu của nơi làm việc cho phiên bản VaxDesk này. Việc này có thể mất vài phút; "
              "xin đừng tắt chương trình.",
              "Updating the workspace for this version of VaxDesk. This can take minutes; please do not close "
              "the program.")


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
        existed = url != f"sqlite:///{sqlite_file}" or sqlite_file.exists()
        if url == f"sqlite:///{sqlite_file}":
            protect_database_file(sqlite_file)
        database = Database(url, info={"audit_key_path": self.path / "audit.key"})
        updating = existed and _schema_behind(database.engine)
        if updating:
            log.info("%s (%s)", UPDATING.en, self.path.name)
        started = time.monotonic()
        database.migrate()
        if updating:
            log.info("workspace %s updated in %.0f s", self.path.name, time.monotonic() - started)
        if url == f"sqlite:///{sqlite_file}":
            protect_workspace(self.path)  # the -wal and -shm files SQLite has just made
        return database

    def needs_update(self) -> bool:
        """Whether opening the database will first bring its existing schema up to this version, which
        can take minutes on a large workspace (a new database is made in a second: not counted)."""
        if "db" in self.__dict__:
            return False
        from desktop.db import make_engine

        url = self.database_url
        if url == f"sqlite:///{self.path / 'workspace.sqlite3'}" and not (self.path / "workspace.sqlite3").exists():
            return False
        engine = make_engine(url)
        try:
            return _schema_behind(engine)
        finally:
            engine.dispose()

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


def _schema_behind(engine: Engine) -> bool:
    """The database has a schema, and it is not the newest the migration scripts know."""
    from sqlalchemy.exc import DBAPIError

    from desktop.db import script_heads

    try:
        with engine.connect() as conn:
            current = {row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}
    except DBAPIError:
        return False  # no schema yet (made in a second), or unreachable: opening it says so
    heads = script_heads()
    return bool(current) and bool(heads) and current != heads
