"""WAL checkpoints off the committing path: the log stays bounded, the thread ends with the database, another
process reads consistent data (and writes, with its own checkpointer) while checkpoints run, and no file is held
after close."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop import db_checkpoint
from desktop.db import Database
from desktop.workspace import Workspace
from tests.helpers import ROOT

MiB = 1024 * 1024


def _database(path: Path) -> Database:
    database = Database(f"sqlite:///{path}")
    with database.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB)")
        conn.exec_driver_sql("CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL)")
        conn.exec_driver_sql("CREATE TABLE meta (id INTEGER PRIMARY KEY, seq INTEGER NOT NULL)")
        conn.exec_driver_sql("INSERT INTO ledger (id, amount) VALUES " + ", ".join(f"({i}, 100)" for i in range(10)))
        conn.exec_driver_sql("INSERT INTO meta (id, seq) VALUES (1, 0)")
    return database


def _commit(database: Database, i: int, size: int) -> None:
    """One transaction that keeps the invariants: the ledger sums to 1000, ``meta.seq`` counts ``filler``."""
    with database.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE ledger SET amount = amount - 7 WHERE id = ?", (i % 10,))
        conn.exec_driver_sql("UPDATE ledger SET amount = amount + 7 WHERE id = ?", ((i * 3 + 1) % 10,))
        conn.exec_driver_sql("INSERT INTO filler (body) VALUES (?)", (os.urandom(size),))
        conn.exec_driver_sql("UPDATE meta SET seq = seq + 1 WHERE id = 1")


def _wal(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def _checkpoint_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "vaxdesk-wal-checkpoint" and t.is_alive()]


def test_commits_never_checkpoint_and_the_wal_stays_bounded(tmp_path):
    path = tmp_path / "w.sqlite3"
    database = _database(path)
    try:
        with database.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
            assert conn.exec_driver_sql("PRAGMA journal_size_limit").scalar() == db_checkpoint.KEPT_BYTES
        # back to back, 100 MB through the log: only the thread's checkpoints keep it short
        sizes = []
        for i in range(1000):
            _commit(database, i, 100_000)
            sizes.append(_wal(path))
        assert max(sizes) <= db_checkpoint.LIMIT_BYTES + 1 * MiB, max(sizes) / MiB
        runs = database.checkpointer.runs
        assert any(r.mode == "PASSIVE" and r.copied_frames > 0 for r in runs)
        # with a pause between commits (a clerk's pace), each checkpoint finishes and the log starts over
        waited, paced = database.checkpointer.waited, []
        for i in range(80):
            _commit(database, i, 200_000)
            paced.append(_wal(path))
            time.sleep(0.02)
        assert sorted(paced)[len(paced) // 2] <= 2 * db_checkpoint.PASSIVE_BYTES, [round(p / MiB) for p in paced]
        assert max(paced) <= db_checkpoint.LIMIT_BYTES + 1 * MiB
        assert database.checkpointer.waited == waited  # at that pace no commit waits for a checkpoint
    finally:
        database.dispose()
    assert _wal(path) == 0  # the last checkpoint at close emptied the log
    assert not database.checkpointer.running


def test_one_large_transaction_does_not_wait_and_is_copied_after(tmp_path):
    path = tmp_path / "w.sqlite3"
    database = _database(path)
    try:
        with database.engine.begin() as conn:  # an import's single transaction, past every mark
            for _ in range(400):
                conn.exec_driver_sql("INSERT INTO filler (body) VALUES (?)", (os.urandom(100_000),))
        assert _wal(path) > db_checkpoint.LIMIT_BYTES
        assert database.checkpointer.waited == 0
        deadline = time.monotonic() + 30
        while len(database.checkpointer.runs) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [r.mode for r in database.checkpointer.runs][:2] == ["PASSIVE", "TRUNCATE"]  # past 16 MiB
        assert _wal(path) == 0
    finally:
        database.dispose()


def test_the_thread_ends_at_close_and_no_database_file_stays_open(workspace):
    from desktop.models import AuditEvent

    with workspace.db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB)")
    for _ in range(60):
        with workspace.db.engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO filler (body) VALUES (?)", (os.urandom(100_000),))
    checkpointer = workspace.db.checkpointer
    assert checkpointer.running and _checkpoint_threads()
    workspace.close()
    assert not checkpointer.running and not _checkpoint_threads()
    assert _wal(workspace.path / "workspace.sqlite3") == 0
    if Path("/proc/self/fd").is_dir():
        held = [os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")
                if os.path.exists(f"/proc/self/fd/{fd}")]
        assert not [name for name in held if "workspace.sqlite3" in name and str(workspace.path) in name]
    # the folder moves as a whole (what a rename on Windows needs: no handle left) and opens again
    moved = workspace.path.with_name("moved")
    os.rename(workspace.path, moved)
    again = Workspace.open(moved)
    try:
        with again.db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM filler").scalar() == 60
        with again.db.session() as session:
            assert session.query(AuditEvent).count() >= 0
    finally:
        again.close()


def test_an_idle_thread_checkpoints_ends_and_a_commit_starts_it_again(tmp_path):
    path = tmp_path / "w.sqlite3"
    database = _database(path)
    database.checkpointer.idle_seconds = 0.2
    try:
        for i in range(30):
            _commit(database, i, 100_000)
        assert _wal(path) > 0
        deadline = time.monotonic() + 20
        while database.checkpointer.running and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not database.checkpointer.running
        assert _wal(path) == 0  # its last checkpoint emptied the log
        _commit(database, 30, 1000)
        assert database.checkpointer.running
    finally:
        database.dispose()
    assert not database.checkpointer.running
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT seq FROM meta").scalar() == 31
    database.dispose()


_READER = textwrap.dedent("""
    import json, os, sys, time
    from desktop.db import Database

    database = Database("sqlite:///" + sys.argv[1])  # the workspace's own connections and pragmas
    stop, ready = sys.argv[2], sys.argv[3]
    checks, bad, seqs, writes = 0, [], set(), 0
    raw = database.engine.raw_connection()
    while not os.path.exists(stop):
        cursor = raw.cursor()
        cursor.execute("BEGIN")  # one read transaction: one snapshot for every statement in it
        total = cursor.execute("SELECT sum(amount) FROM ledger").fetchone()[0]
        rows = cursor.execute("SELECT count(*) FROM filler").fetchone()[0]
        seq = cursor.execute("SELECT seq FROM meta").fetchone()[0]
        if checks % 25 == 0:  # a longer read holds its snapshot while checkpoints run
            time.sleep(0.05)
            if cursor.execute("SELECT count(*) FROM filler").fetchone()[0] != rows:
                bad.append("snapshot moved")
        cursor.execute("COMMIT")
        cursor.close()
        if total != 1000 or rows != seq:
            bad.append([total, rows, seq])
        checks += 1
        seqs.add(seq)
        if checks == 1:
            open(ready, "w").close()
        if checks % 20 == 0:  # this process writes too, so its own checkpointer runs beside the other's
            with database.engine.begin() as conn:
                conn.exec_driver_sql("UPDATE ledger SET amount = amount - 1 WHERE id = 0")
                conn.exec_driver_sql("UPDATE ledger SET amount = amount + 1 WHERE id = 9")
                conn.exec_driver_sql("INSERT INTO filler (body) VALUES (?)", (os.urandom(200_000),))
                conn.exec_driver_sql("UPDATE meta SET seq = seq + 1 WHERE id = 1")
            writes += 1
    raw.close()
    runs = len(database.checkpointer.runs)
    database.dispose()
    print(json.dumps({"checks": checks, "bad": bad[:5], "states": len(seqs), "writes": writes, "runs": runs}))
""")


def test_a_second_process_reads_consistent_data_while_both_checkpoint(tmp_path):
    path = tmp_path / "w.sqlite3"
    database = _database(path)
    stop, ready = tmp_path / "stop", tmp_path / "ready"
    reader = subprocess.Popen([sys.executable, "-c", _READER, str(path), str(stop), str(ready)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and reader.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists(), "the reader did not start"
        for i in range(500):
            _commit(database, i, 100_000)
            if i % 50 == 0:
                time.sleep(0.05)
    finally:
        stop.touch()
        out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    report = json.loads(out)
    assert report["bad"] == [] and report["checks"] > 50 and report["states"] > 10 and report["writes"] > 0 and report["runs"] > 0, report
    assert database.checkpointer.runs  # both processes ran checkpoints while the reads went on
    database.dispose()
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.execute(text("SELECT count(*) FROM filler")).scalar() == 500 + report["writes"]
        assert conn.execute(text("SELECT sum(amount) FROM ledger")).scalar() == 1000
    database.dispose()


def test_memory_databases_and_postgresql_have_no_checkpointer():
    database = Database("sqlite://")
    try:
        assert database.checkpointer is None
    finally:
        database.dispose()
    assert db_checkpoint.sqlite_file(Database("postgresql+psycopg://u@127.0.0.1:1/x").engine) is None


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
def test_a_workspace_moved_away_is_not_created_again_by_the_thread(tmp_path):
    path = tmp_path / "a" / "w.sqlite3"
    path.parent.mkdir()
    database = _database(path)
    for i in range(50):
        _commit(database, i, 100_000)
    database.engine.dispose()
    database.checkpointer.close()
    os.rename(path.parent, tmp_path / "b")
    database.checkpointer.notify()  # a late notice: the file is gone, nothing is made in its place
    database.checkpointer.close()
    assert not path.exists() and not path.parent.exists()
