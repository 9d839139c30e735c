"""Idle lock: after ``idle_lock_minutes`` without keyboard or mouse, the windows hide and the
password is asked again (shared PCs: patient data must not stay on screen). Ctrl+L locks at once.

Another person may sign in at the lock screen; the window then works (and audits) in their name.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.workspace import Workspace

log = logging.getLogger(__name__)

_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
}


class IdleLock(QObject):
    """An application-wide event filter with one single-shot timer, restarted by any input."""

    locked = Signal()
    unlocked = Signal(str, str)  # user name, role

    def __init__(self, workspace: Workspace, username: str, minutes: int | None = None):
        super().__init__()
        self.workspace = workspace
        self.username = username
        self.is_locked = False
        self._hidden: list[QWidget] = []
        self.dialog = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(workspace.settings.get("idle_lock_minutes") if minutes is None else minutes)

    def set_minutes(self, minutes: float) -> None:
        """0 turns the idle lock off; Ctrl+L still locks."""
        self.minutes = minutes
        self.timer.stop()
        if minutes and minutes > 0 and not self.is_locked:
            self.timer.start(int(minutes * 60_000))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind in _ACTIVITY and not self.is_locked:
            if (kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_L
                    and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
                self.lock()
                return True
            if self.minutes and self.minutes > 0:
                self.timer.start()
        return False

    def lock(self) -> None:
        if self.is_locked:
            return
        from desktop.views.sign_in import SignInDialog

        self.is_locked = True
        self.timer.stop()
        log.info("screen locked (user %s)", self.username)
        app = QApplication.instance()
        self._hidden = [w for w in app.topLevelWidgets() if w.isVisible() and w is not self.dialog]
        for widget in self._hidden:
            widget.hide()
        self.dialog = SignInDialog(self.workspace, username=self.username, lock_screen=True)
        self.dialog.finished.connect(self._finished)
        self.locked.emit()
        self.dialog.open()

    def _finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if result != QDialog.DialogCode.Accepted or dialog is None or dialog.account is None:
            log.info("quit from the lock screen")
            self._hidden = []
            if dialog is not None:
                dialog.deleteLater()
            QApplication.instance().quit()
            return
        account = dialog.account
        dialog.deleteLater()
        self.is_locked = False
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        if account.username != self.username:
            self.username = account.username
            _switch_user(account.username, account.role)
        self.unlocked.emit(account.username, account.role)
        self.set_minutes(self.minutes)


def _switch_user(username: str, role: str) -> None:
    """Tell the main window (through its AppContext) that someone else is now signed in."""
    for widget in QApplication.instance().topLevelWidgets():
        ctx = getattr(widget, "ctx", None)
        if ctx is not None and hasattr(ctx, "user_changed"):
            ctx.actor = username
            ctx.role = role
            ctx.user_changed.emit()


_current: IdleLock | None = None


def install(workspace: Workspace, username: str, minutes: int | None = None) -> IdleLock:
    """Watch the whole application for input; replaces any earlier idle lock."""
    global _current
    uninstall()
    _current = IdleLock(workspace, username, minutes)
    QApplication.instance().installEventFilter(_current)
    return _current


def uninstall() -> None:
    global _current
    if _current is not None:
        QApplication.instance().removeEventFilter(_current)
        _current.timer.stop()
        _current.deleteLater()
        _current = None


def current() -> IdleLock | None:
    return _current
