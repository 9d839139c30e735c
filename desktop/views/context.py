"""What every page of the window shares: the workspace, who is signed in, and change notices."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar, QWidget

from desktop.workspace import Workspace


class AppContext(QObject):
    """Handed to every page's ``create_page``.

    ``records_changed`` tells every page that records changed (import, decision, signing, sync), so
    each refreshes its counts; ``navigate`` asks the main window to show a page (by key) with a filter.
    """

    records_changed = Signal()
    navigate = Signal(str, dict)
    user_changed = Signal()
    _changed_elsewhere = Signal()  # from the change watcher's thread; delivered on the GUI thread

    def __init__(self, workspace: Workspace, actor: str = "", role: str = "administrator"):
        super().__init__()
        self.workspace = workspace
        self.actor = actor or "clerk"
        self.role = role
        self.status_bar: QStatusBar | None = None
        self.main_window: QWidget | None = None
        self._watching: threading.Event | None = None
        self._changed_elsewhere.connect(self.records_changed)

    def watch_changes(self) -> None:
        """Refresh the pages when another workstation changes records (``desktop.changes``)."""
        from desktop.changes import watch

        if self._watching is None:
            self._watching = watch(self.workspace, lambda _change: self._changed_elsewhere.emit())

    def stop_watching(self) -> None:
        if self._watching is not None:
            self._watching.set()
            self._watching = None

    def add_status_widget(self, widget: QWidget, permanent: bool = True) -> None:
        if self.status_bar is not None:
            (self.status_bar.addPermanentWidget if permanent else self.status_bar.addWidget)(widget)

    def show_status(self, text: str, msecs: int = 5000) -> None:
        if self.status_bar is not None:
            self.status_bar.showMessage(text, msecs)
