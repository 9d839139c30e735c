"""The change watcher tells one workstation of another's changes to the records, on both engines, and
stays quiet about its own changes and about other tables."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import update

from desktop.audit import record_event
from desktop.changes import ChangeWatcher, watch
from desktop.models import VaccinationRecord
from desktop.workspace import Workspace
from tests.integration.workstations.shared import add_records, workstations
from tests.pg import POSTGRES, postgres_database  # noqa: F401 - provides the pg_url fixture

pytestmark = [pytest.mark.integration]
ENGINES = ["sqlite", pytest.param("postgresql", marks=POSTGRES)]


@pytest.fixture(params=ENGINES)
def two(request, tmp_path):
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
    else:
        url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    pc1, pc2 = (Workspace.open(folder) for folder in workstations(tmp_path, url))
    add_records(pc1, 3)
    yield request.param, pc1, pc2
    pc1.close()
    pc2.close()


def _set_lot(ws: Workspace, lot: str) -> None:
    with ws.db.session() as session:
        session.execute(update(VaccinationRecord).where(VaccinationRecord.id == 2).values(lot=lot))


def test_another_workstations_change_is_seen_and_ones_own_is_not(two):
    engine, pc1, pc2 = two
    with ChangeWatcher(pc1, poll_seconds=0.1) as watcher:
        assert watcher.wait(0.5) is None  # nothing happened
        _set_lot(pc2, "FK0002")
        change = watcher.wait(5)
        assert change is not None and change.how == ("notice" if engine == "postgresql" else "poll")
        assert watcher.wait(0.5) is None  # told once
        _set_lot(pc1, "FK0001")  # this workstation's own change: its pages refresh themselves
        assert watcher.wait(1) is None
        with pc2.db.session() as session:  # another table: not a change of records
            record_event(session, "lan", "settings.change", "settings", "x", {"a": 1}, {"a": 2})
        assert watcher.wait(1) is None
        add_records(pc2, 1, source_row=99)  # a new record (an import elsewhere)
        assert watcher.wait(5) is not None


def test_watching_on_a_thread_calls_back_until_stopped(two):
    _engine, pc1, pc2 = two
    seen: list[float] = []
    called = threading.Event()

    def on_change(change) -> None:
        seen.append(change.at)
        called.set()

    stop = watch(pc1, on_change, poll_seconds=0.1)
    try:
        time.sleep(0.5)  # the watcher is listening
        _set_lot(pc2, "FK0003")
        assert called.wait(10)
    finally:
        stop.set()
    time.sleep(1.5)
    _set_lot(pc2, "FK0004")
    time.sleep(1.5)
    assert len(seen) == 1
