"""An older workspace is brought up to date on the database worker behind a message in the clerk's
language that says it can take minutes; the window's thread keeps drawing meanwhile."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from desktop.i18n import set_language
from tests.unit.core.test_workspace_update import older_workspace

pytestmark = [pytest.mark.gui, pytest.mark.fresh_migration]


def test_the_update_runs_behind_a_message_and_off_the_window_thread(qtbot, tmp_path, monkeypatch):
    from desktop.db import Database
    from desktop.views.app import update_workspace

    workspace = older_workspace(tmp_path / "ws")
    set_language("en")
    seen, shown, threads = [], threading.Event(), []
    migrate = Database.migrate

    def watched(self):
        threads.append(threading.current_thread().name)
        shown.wait(10)  # the message is on screen while the update runs
        migrate(self)

    def look():
        seen.extend(d.labelText() for d in QApplication.topLevelWidgets()
                    if isinstance(d, QProgressDialog) and d.isVisible())
        shown.set()

    monkeypatch.setattr(Database, "migrate", watched)
    QTimer.singleShot(50, look)
    try:
        assert update_workspace(workspace)
        assert seen and "This can take minutes" in seen[0]
        assert threads and threads[0].startswith("vaxdesk-db")
        assert not workspace.needs_update()
        assert update_workspace(workspace)  # nothing more to do: no message
        assert len(threads) == 1
    finally:
        workspace.close()
