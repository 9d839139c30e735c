"""WAL checkpoints of a SQLite workspace database, run off the committing path.

SQLite's automatic checkpoint runs inside the commit that takes the write-ahead log past 1,000 pages:
the committing thread waits while the pages are copied into the database file and both files are
synced (a 5,000-record signing batch waited 0.15 s of its 0.5 s there). The workspace's connections
turn it off (``PRAGMA wal_autocheckpoint=0``) and a ``Checkpointer`` owned by the ``Database`` does the
same work on its own sqlite3 connection, on its own thread (sqlite3 releases the GIL while it copies):

- after a commit of this process, when the log file is past ``PASSIVE_BYTES``:
  ``PRAGMA wal_checkpoint(PASSIVE)``, which never waits for a reader or a writer;
- when the log file is past ``TRUNCATE_BYTES`` and everything in it is already copied:
  ``wal_checkpoint(TRUNCATE)`` with a short busy timeout, which empties the file: without it, commits
  back to back would keep the log growing, as each PASSIVE checkpoint ends behind the newest commit and
  the log never starts over;
- only when the thread has fallen so far behind that commits take the log past ``LIMIT_BYTES`` does
  such a commit wait for the thread's TRUNCATE (a bound whatever the thread manages; at a clerk's
  pace it is never reached);
- at ``close()``, and when no commit has come for ``IDLE_SECONDS``: the same TRUNCATE, then the thread
  ends and closes its connection, so a short command leaves no large log behind and an idle window
  holds no extra file open. The next commit starts the thread again.

The log file stays bounded between checkpoints too: ``journal_size_limit`` makes the writer that starts
the log over (after a complete checkpoint) cut the file back to ``KEPT_BYTES``.

Several processes may use one file: SQLite's own locks order their checkpoints, and a checkpoint only
copies committed pages into the database file, so it never loses or changes a commit; a process killed
in the middle of one leaves the log in place, and the next connection reads it again.
"""

from __future__ import annotations

import atexit
import logging
import os
import sqlite3
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

log = logging.getLogger(__name__)

PASSIVE_BYTES = 4 * 1024 * 1024  # about SQLite's own 1,000 pages of 4 KiB
KEPT_BYTES = 2 * 1024 * 1024  # journal_size_limit: what a restarted log keeps of its file
TRUNCATE_BYTES = 16 * 1024 * 1024  # past this, the file itself is emptied once all of it is copied
TRUNCATE_BUSY_MS = 50  # how long a TRUNCATE checkpoint waits for a writer or reader before giving up
LIMIT_BYTES = 32 * 1024 * 1024  # past this after a commit, the committing thread waits for a TRUNCATE
LIMIT_WAIT_SECONDS = 5.0
CLOSE_BUSY_MS = 200  # the same at close and when idle (then a PASSIVE one copies what it can)
IDLE_SECONDS = 5.0  # a thread without a commit for this long checkpoints and ends
_COMMITTED = "vaxdesk_wal_committed"  # a pool entry's info key: a commit since the connection was handed out


@dataclass(frozen=True)
class CheckpointRun:
    """One ``PRAGMA wal_checkpoint``: its mode, whether it met a lock, the log's frames and those copied."""

    mode: str
    busy: bool
    log_frames: int
    copied_frames: int
    seconds: float
    wal_bytes_before: int


_OPEN: weakref.WeakSet[Checkpointer] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    """A process ending without closing its database still checkpoints its log."""
    for checkpointer in list(_OPEN):
        checkpointer.close()


class Checkpointer:
    """The checkpoint thread of one SQLite database file: started by a commit, ended by ``close()`` or by
    ``IDLE_SECONDS`` without a commit (after a last checkpoint, so an idle process holds no file open)."""

    def __init__(self, path: Path, passive_bytes: int = PASSIVE_BYTES, truncate_bytes: int = TRUNCATE_BYTES,
                 idle_seconds: float = IDLE_SECONDS, limit_bytes: int = LIMIT_BYTES):
        self.path = Path(path).absolute()
        self.wal = self.path.with_name(self.path.name + "-wal")
        self.passive_bytes = passive_bytes
        self.truncate_bytes = truncate_bytes
        self.idle_seconds = idle_seconds
        self.limit_bytes = limit_bytes
        self.waited = 0  # commits that waited for the log to be emptied, past ``limit_bytes``
        self._waiting: list[threading.Event] = []  # such commits, until the next TRUNCATE
        self.runs: list[CheckpointRun] = []  # the last few, newest last
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None  # the one taking notices
        self._threads: list[threading.Thread] = []  # every one started and perhaps still finishing
        self._pending = False
        self._closing = False
        self._pid = os.getpid()
        self._size_at_last_commit = 0

    # --- on the engine's side: cheap, never waits for a checkpoint ----------------------------------------

    def configure(self, dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        """Connect-time pragmas of the workspace's connections: no checkpoint inside a commit."""
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA wal_autocheckpoint=0")
        cursor.execute(f"PRAGMA journal_size_limit={KEPT_BYTES}")
        cursor.close()

    def committed(self, conn: Connection) -> None:
        conn.info[_COMMITTED] = True  # told to the thread when the connection goes back (the commit is done)

    def checked_in(self, _dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry | None) -> None:
        if record is None or not record.info.pop(_COMMITTED, False) or os.getpid() != self._pid:
            return
        size = self._wal_bytes()
        # behind: past the limit, and already past the TRUNCATE mark at the commit before (one large
        # transaction, an import, is the thread's to copy afterwards: its commit does not wait)
        behind = size >= self.limit_bytes and self._size_at_last_commit >= self.truncate_bytes
        self._size_at_last_commit = size
        if behind:
            self._wait_for_truncate()
        else:
            self.notify()

    def _wait_for_truncate(self) -> None:
        """The thread has fallen behind (commits back to back, a reader holding an old snapshot, no core
        free) and the log has grown past ``limit_bytes``: this commit waits, at most ``LIMIT_WAIT_SECONDS``, while
        the thread empties it; with no commit of ours coming meanwhile, its TRUNCATE gets the write lock
        at once. Never reached at a clerk's pace."""
        done = threading.Event()
        with self._cond:
            self._waiting.append(done)
        self.notify()
        if self._thread is None or not done.wait(LIMIT_WAIT_SECONDS):
            log.warning("WAL of %s past %d MiB and not emptied", self.path.name, self.limit_bytes >> 20)
        self.waited += 1

    def notify(self) -> None:
        """A commit has ended: the thread looks at the log's size (started if none is running)."""
        if os.getpid() != self._pid:
            return  # a forked child has no thread of its parent's
        with self._cond:
            self._pending = True
            if self._thread is None:
                thread = threading.Thread(target=self._run, name="vaxdesk-wal-checkpoint", daemon=True)
                try:
                    thread.start()
                except RuntimeError:  # the interpreter is shutting down: SQLite checkpoints at its close
                    return
                self._closing = False
                self._thread = thread
                self._threads = [t for t in self._threads if t.is_alive()] + [thread]
                _OPEN.add(self)
            self._cond.notify()

    def close(self) -> None:
        """The last checkpoint (TRUNCATE) and the thread's end, waited for; a later commit starts it again."""
        with self._cond:
            self._closing = True
            threads = list(self._threads)
            self._cond.notify_all()
        for thread in threads:
            if thread is not threading.current_thread():
                thread.join()
        with self._cond:
            self._threads = [t for t in self._threads if t.is_alive()]
            if not self._threads:
                _OPEN.discard(self)

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    # --- on the thread ---------------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        # mode=rw: a workspace moved or deleted meanwhile is never created again as an empty file
        connection = sqlite3.connect(f"{self.path.as_uri()}?mode=rw", uri=True, timeout=1.0, isolation_level=None)
        connection.execute("PRAGMA synchronous=NORMAL")
        return connection

    def _wal_bytes(self) -> int:
        try:
            return os.stat(self.wal).st_size
        except OSError:
            return 0

    def _checkpoint(self, connection: sqlite3.Connection, mode: str, busy_ms: int = 0) -> CheckpointRun:
        size = self._wal_bytes()
        started = time.perf_counter()
        if busy_ms:
            connection.execute(f"PRAGMA busy_timeout={busy_ms}")
        try:
            busy, frames, copied = connection.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
        finally:
            if busy_ms:
                connection.execute("PRAGMA busy_timeout=1000")
        run = CheckpointRun(mode, bool(busy), int(frames), int(copied), time.perf_counter() - started, size)
        self.runs = [*self.runs[-19:], run]
        log.debug("WAL checkpoint %s of %s: %d of %d frames, busy=%s, %.3f s", mode, self.path.name, run.copied_frames,
                  run.log_frames, run.busy, run.seconds)
        return run

    def _step(self, connection: sqlite3.Connection) -> None:
        with self._cond:
            waiting, self._waiting = self._waiting, []
        try:
            if waiting:
                self._checkpoint(connection, "PASSIVE")
                self._checkpoint(connection, "TRUNCATE", CLOSE_BUSY_MS)
            else:
                self._copy(connection)
        finally:
            for done in waiting:
                done.set()

    def _copy(self, connection: sqlite3.Connection) -> None:
        if self._wal_bytes() < self.passive_bytes:
            return  # a small log (a log already copied costs a PASSIVE checkpoint nothing but a look)
        run = self._checkpoint(connection, "PASSIVE")
        complete = not run.busy and run.copied_frames == run.log_frames
        if complete and self._wal_bytes() >= self.truncate_bytes:
            # commits back to back: each PASSIVE ends behind the newest commit, so the log never starts over
            # by itself; TRUNCATE holds the write lock for the short rest of the copy and empties the file
            self._checkpoint(connection, "TRUNCATE", TRUNCATE_BUSY_MS)

    def _finish(self, connection: sqlite3.Connection) -> None:
        run = self._checkpoint(connection, "TRUNCATE", CLOSE_BUSY_MS)
        if run.busy:  # another process is writing or reading: copy what can be copied
            self._checkpoint(connection, "PASSIVE")

    def _next(self) -> bool:
        """Wait for a commit's notice; False when closing or idle for ``idle_seconds`` (the thread ends)."""
        with self._cond:
            if not self._pending and not self._closing:
                self._cond.wait(self.idle_seconds)
            if self._closing or not self._pending:
                if self._thread is threading.current_thread():
                    self._thread = None  # a commit from now on starts a new thread
                return False
            self._pending = False
            return True

    def _run(self) -> None:
        connection: sqlite3.Connection | None = None
        try:
            while self._next():
                try:
                    connection = connection or self._connect()
                    self._step(connection)
                except sqlite3.Error as exc:  # e.g. a locked or vanished file: the next commit tries again
                    log.warning("WAL checkpoint of %s not done: %s", self.path.name, exc)
            if self.path.exists():
                connection = connection or self._connect()
                self._finish(connection)
        except sqlite3.Error as exc:
            log.warning("WAL checkpoint of %s at close not done: %s", self.path.name, exc)
        finally:
            if connection is not None:
                connection.close()
            with self._cond:
                if self._thread is threading.current_thread():
                    self._thread = None  # ended by an unexpected error: the next commit starts another
                waiting, self._waiting = self._waiting, []
            for done in waiting:
                done.set()


def sqlite_file(engine: Engine) -> Path | None:
    """The database file of a SQLite engine (None for memory databases and other databases)."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database or ""
    if database in ("", ":memory:") or database.startswith("file:") or engine.url.query.get("mode") == "memory":
        return None
    return Path(database)


def attach(engine: Engine) -> Checkpointer | None:
    """A checkpointer for ``engine``'s SQLite file, wired to its connections (None when not a SQLite file)."""
    path = sqlite_file(engine)
    if path is None:
        return None
    checkpointer = Checkpointer(path)
    event.listen(engine, "connect", checkpointer.configure)
    event.listen(engine, "commit", checkpointer.committed)
    event.listen(engine, "checkin", checkpointer.checked_in)
    return checkpointer

