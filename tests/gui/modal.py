"""Answering a modal dialog that the code under test opens with ``exec``."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


def when_dialog(act, timeout: float = 10.0) -> None:
    """Run ``act(dialog)`` once a dialog is open; reject every dialog if none opens in time."""
    deadline = time.monotonic() + timeout

    def poll():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        if dialogs:
            act(dialogs[-1])
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)
        else:
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QDialog):
                    w.reject()
    QTimer.singleShot(0, poll)
