"""The window's pages hear of another workstation's changes: ``records_changed`` fires on the GUI thread."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from desktop.models import VaccinationRecord
from desktop.workspace import Workspace
from tests.integration.workstations.shared import add_records, workstations

pytestmark = [pytest.mark.integration]


def test_records_changed_fires_when_another_workstation_changes_records(qtbot, tmp_path):
    from PySide6.QtCore import QThread

    from desktop.views.context import AppContext

    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    pc1, pc2 = (Workspace.open(folder) for folder in workstations(tmp_path, url))
    add_records(pc1, 2)
    ctx = AppContext(pc1, "lan", "clerk")
    threads: list[object] = []
    ctx.records_changed.connect(lambda: threads.append(QThread.currentThread()))
    try:
        ctx.watch_changes()
        qtbot.wait(500)
        with pc2.db.session() as session:
            session.execute(update(VaccinationRecord).where(VaccinationRecord.id == 1).values(lot="FK0001"))
        qtbot.waitUntil(lambda: bool(threads), timeout=10000)
        assert threads[0] is ctx.thread()  # delivered on the GUI thread
    finally:
        ctx.stop_watching()
        pc1.close()
        pc2.close()
