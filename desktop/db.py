"""The workspace database: SQLite in WAL mode by default, any SQLAlchemy URL (e.g. PostgreSQL).

Sessions are short and one per operation; the window reaches the database only through its single
database worker, and receives plain values, never live ORM objects. ``connect()`` is the same unit
of work on a Core connection, for the paths that run without the ORM (signing in, the audit log's
single events, listing records: ``sqlalchemy.orm`` is imported by the first ``session()`` only).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.engine.interfaces import DBAPIConnection, DBAPICursor, ExecutionContext
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import ConnectionPoolEntry

from desktop import db_checkpoint
from desktop.errors import UserError
from desktop.i18n import tr

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "models" / "migrations"


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def script_heads() -> set[str]:
    """The newest revision(s) of the migration scripts, read from their text (empty if unsure)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revision = re.search(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", text, re.MULTILINE)
        down = re.search(r"^down_revision\s*=\s*(.+)$", text, re.MULTILINE)
        if revision is None or down is None:
            return set()
        revisions.add(revision[1])
        parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down[1]))
    return revisions - parents


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


_RECORD_WRITES = ("INSERT", "UPDATE", "DELETE")


class Database:
    def __init__(self, url: str, info: dict[str, Any] | None = None):
        self.url = url
        self.engine = make_engine(url)
        # whose changes are this process's own, so a change watcher tells only of other workstations':
        # the PostgreSQL backends of this engine, and on SQLite a count of writes to the records
        self.backend_pids: set[int] = set()
        self.record_writes = 0
        if self.engine.dialect.name == "postgresql":
            event.listen(self.engine, "connect", self._note_backend)
        else:
            event.listen(self.engine, "before_cursor_execute", self._note_write)
        # ``info`` reaches every session (``Session.info``) and every ``connect()`` (``Connection.info``),
        # e.g. where the audit log's key is kept
        self.info: dict[str, Any] = dict(info or {})
        self._sessions: sessionmaker[Session] | None = None  # made by the first session()
        # --- WAL checkpoints (SQLite file only): off the committing path, on the checkpointer's thread;
        # its connections run with wal_autocheckpoint=0 (desktop/db_checkpoint.py) ---
        self.checkpointer = db_checkpoint.attach(self.engine)
        # --- end of WAL checkpoints ---

    def _note_backend(self, dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT pg_backend_pid()")
        self.backend_pids.add(int(cast(Sequence[Any], cursor.fetchone())[0]))  # SELECT gives one row
        cursor.close()

    def _note_write(self, _conn: Connection, _cursor: DBAPICursor, statement: str, _parameters: Any,
                    _context: ExecutionContext | None, _executemany: bool) -> None:
        if statement.lstrip()[:6].upper() in _RECORD_WRITES and "vaccination_record" in statement:
            self.record_writes += 1

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """One unit of work on a Core connection: committed when the block ends, rolled back on any error.

        The connection's ``info`` holds the entries a session's has, so the audit log finds its key."""
        with self.engine.begin() as connection:
            connection.info.update(self.info)
            yield connection

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False, info=self.info)
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def migrate(self) -> None:
        """Bring the schema to this version; refuse a database written by a newer VaxDesk."""
        if self._at_heads():
            return  # nothing to do: no need to load the migration machinery
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["engine"] = self.engine
        script = ScriptDirectory.from_config(config)
        try:
            with self.engine.connect() as conn:
                current = MigrationContext.configure(conn).get_current_heads()
        except OperationalError as exc:
            raise UserError(
                tr("Không mở được cơ sở dữ liệu: {err}", "Cannot open the database: {err}", err=str(exc.orig)),
                code="database_unavailable",
            ) from exc
        known = {rev.revision for rev in script.walk_revisions()}
        unknown = [rev for rev in current if rev not in known]
        if unknown:
            raise UserError(
                tr(
                    "Cơ sở dữ liệu được tạo bởi phiên bản VaxDesk mới hơn; hãy cập nhật VaxDesk.",
                    "The database was written by a newer VaxDesk; update VaxDesk to open it.",
                ),
                code="database_too_new",
            )
        if set(current) != set(script.get_heads()):
            command.upgrade(config, "heads")

    def _at_heads(self) -> bool:
        heads = script_heads()
        if not heads:
            return False
        try:
            with self.engine.connect() as conn:
                current = {row[0] for row in conn.exec_driver_sql("SELECT version_num FROM alembic_version")}
        except DBAPIError:
            return False
        return current == heads

    def dispose(self) -> None:
        self.engine.dispose()
        # --- WAL checkpoints: the last one (TRUNCATE), then the thread and its connection end ---
        if self.checkpointer is not None:
            self.checkpointer.close()
