"""Other workstations' changes to the records, as they happen: the window refreshes on them.

On PostgreSQL every statement that inserts, changes or deletes records notifies the channel
``vaxdesk_records`` at commit (a trigger, migration 0012); the watcher LISTENs on its own connection
and ignores the notices of this process's own connections. SQLite has no notices: the watcher polls
``PRAGMA data_version`` (it changes when another connection commits) and then a cheap signature of
the records (their count and the sum of their versions), and ignores changes this process wrote.

The watcher is Qt-free: ``wait`` blocks until a change or a timeout; ``run`` loops on a thread until
told to stop, calling back for each change (the window turns the call into its ``records_changed``).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import make_url

from desktop.workspace import Workspace

log = logging.getLogger(__name__)

CHANNEL = "vaxdesk_records"
POLL_SECONDS = 2.0  # SQLite: how often the watcher looks
QUIET_SECONDS = 0.2  # notices this close together are one change
RETRY_SECONDS = 10.0  # after the database could not be reached


@dataclass(frozen=True)
class RecordsChanged:
    """Records changed elsewhere: ``how`` is ``notice`` (PostgreSQL) or ``poll`` (SQLite)."""

    how: str
    at: float  # time.monotonic() when it was seen


class ChangeWatcher:
    """Waits for other workstations' changes to the records of one workspace database."""

    def __init__(self, workspace: Workspace, poll_seconds: float = POLL_SECONDS):
        self.database = workspace.db
        self.url = make_url(workspace.database_url)
        self.postgres = self.url.get_backend_name() == "postgresql"
        self.poll_seconds = poll_seconds
        self._conn: Any = None
        self._data_version: int | None = None
        self._signature: tuple[int, int] | None = None
        self._own_writes = 0

    # connection ---------------------------------------------------------------------------------
    def open(self) -> ChangeWatcher:
        if self._conn is not None:
            return self
        if self.postgres:
            import psycopg

            dsn = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
            self._conn = psycopg.connect(dsn, autocommit=True)
            self._conn.execute(f"LISTEN {CHANNEL}")
        else:
            self._conn = sqlite3.connect(self.url.database or "", timeout=30, isolation_level=None,
                                         check_same_thread=False)
            self._data_version = self._sqlite_data_version()
            self._signature = self._sqlite_signature()
            self._own_writes = self.database.record_writes
        return self

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    def __enter__(self) -> ChangeWatcher:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # waiting ------------------------------------------------------------------------------------
    def wait(self, timeout: float) -> RecordsChanged | None:
        """The next change made elsewhere within ``timeout`` seconds, or None."""
        self.open()
        return self._wait_notice(timeout) if self.postgres else self._wait_poll(timeout)

    def _wait_notice(self, timeout: float) -> RecordsChanged | None:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            own = self.database.backend_pids
            seen = [n.pid for n in self._conn.notifies(timeout=remaining, stop_after=1)]
            if not seen:
                return None
            seen += [n.pid for n in self._conn.notifies(timeout=QUIET_SECONDS)]  # a burst is one change
            if any(pid not in own for pid in seen):
                return RecordsChanged("notice", time.monotonic())

    def _wait_poll(self, timeout: float) -> RecordsChanged | None:
        deadline = time.monotonic() + timeout
        while True:
            if self._poll_once():
                return RecordsChanged("poll", time.monotonic())
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            time.sleep(min(self.poll_seconds, remaining))

    def _poll_once(self) -> bool:
        own, self._own_writes = self._own_writes, self.database.record_writes
        version = self._sqlite_data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        signature = self._sqlite_signature()
        if signature == self._signature:
            return False  # another table changed (the audit log, accounts…)
        self._signature = signature
        return own == self._own_writes  # this process wrote records meanwhile: its pages refresh themselves

    def _sqlite_data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _sqlite_signature(self) -> tuple[int, int]:
        row = self._conn.execute("SELECT count(*), coalesce(sum(version), 0) FROM vaccination_record").fetchone()
        return int(row[0]), int(row[1])

    # on a thread --------------------------------------------------------------------------------
    def run(self, on_change: Callable[[RecordsChanged], None], stop: threading.Event, step: float = 1.0) -> None:
        """Call ``on_change`` for each change until ``stop`` is set; an unreachable database is tried again."""
        while not stop.is_set():
            try:
                change = self.wait(step)
            except Exception as exc:  # noqa: BLE001 - the database went away: try again later
                log.warning("change watcher: %s; trying again in %.0f s", type(exc).__name__, RETRY_SECONDS)
                self.close()
                stop.wait(RETRY_SECONDS)
                continue
            if change is not None and not stop.is_set():
                on_change(change)
        self.close()


def watch(workspace: Workspace, on_change: Callable[[RecordsChanged], None],
          poll_seconds: float = POLL_SECONDS) -> threading.Event:
    """Watch on a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    watcher = ChangeWatcher(workspace, poll_seconds)
    threading.Thread(target=watcher.run, args=(on_change, stop), name="vaxdesk-changes", daemon=True).start()
    return stop
