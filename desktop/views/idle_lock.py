"""Idle lock: after ``idle_lock_minutes`` without keyboard or mouse, the windows hide and the
password is asked again (shared PCs: patient data must not stay on screen). Ctrl+L locks at once.

Locking first closes what floats above the windows: tooltips and menus are closed (Qt deletes a
tooltip on its own, so it is never kept to be shown again), and modal dialogs are rejected, as if
the person had pressed Escape. Any window that opens while locked (an operation ending with a
message) is hidden until the screen is unlocked.

Another person may sign in at the lock screen; the window then works (and audits) in their name:
the ``AppContext``'s actor and role are always those of the account that unlocked.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QToolTip, QWidget

from desktop.workspace import Workspace

log = logging.getLogger(__name__)

_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
}
_TRANSIENT = (Qt.WindowType.ToolTip, Qt.WindowType.Popup, Qt.WindowType.SplashScreen)


def _transient(widget: QWidget) -> bool:
    return widget.windowType() in _TRANSIENT


def _alive(widget: QWidget | None) -> bool:
    return widget is not None and shiboken6.isValid(widget)


class IdleLock(QObject):
    """An application-wide event filter with one single-shot timer, restarted by any input."""

    locked = Signal()
    unlocked = Signal(str, str)  # user name, role

    def __init__(self, workspace: Workspace, username: str, minutes: int | None = None, ctx=None):
        super().__init__()
        self.workspace = workspace
        self.username = username
        self.ctx = ctx
        self.is_locked = False
        self._hidden: list[QWidget] = []
        self._quit_on_last_window = True
        self.dialog = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(workspace.settings.get("idle_lock_minutes") if minutes is None else minutes)

    def attach(self, ctx) -> None:
        """The window's context, whose actor and role follow whoever unlocks."""
        self.ctx = ctx

    def set_minutes(self, minutes: float) -> None:
        """0 turns the idle lock off; Ctrl+L still locks."""
        self.minutes = minutes
        self.timer.stop()
        if minutes and minutes > 0 and not self.is_locked:
            self.timer.start(int(minutes * 60_000))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if self.is_locked:
            if kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
                self._keep_hidden(watched)
            return False
        if kind in _ACTIVITY:
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
        log.info("screen locked")
        app = QApplication.instance()
        self._quit_on_last_window = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # every window is hidden for a while: that is not quitting
        _close_transients()
        _reject_modal_dialogs()
        self._hidden = [w for w in app.topLevelWidgets()
                        if w.isVisible() and not _transient(w) and w is not self.dialog]
        for widget in self._hidden:
            widget.hide()
        self.dialog = SignInDialog(self.workspace, username=self.username, lock_screen=True)
        self.dialog.finished.connect(self._finished)
        self.locked.emit()
        self.dialog.open()

    def _keep_hidden(self, window: QWidget) -> None:
        """A window opening while locked (unless it is the lock screen's) waits hidden for the unlock;
        a modal dialog is answered "cancel", as those open at the lock were."""
        if _transient(window) or self._belongs_to_lock_screen(window):
            return
        if _cancellable(window):
            QTimer.singleShot(0, lambda: _alive(window) and self.is_locked and window.isVisible() and window.reject())
            return
        if window not in self._hidden:
            self._hidden.append(window)
        QTimer.singleShot(0, lambda: _alive(window) and self.is_locked and window.hide())

    def _belongs_to_lock_screen(self, window: QWidget) -> bool:
        widget = window
        while widget is not None:
            if widget is self.dialog:
                return True
            widget = widget.parentWidget()
        return False

    def _finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        account = dialog.account if dialog is not None else None
        if dialog is not None:
            dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted or account is None:
            log.info("quit from the lock screen")
            self._hidden = []
            QApplication.instance().setQuitOnLastWindowClosed(self._quit_on_last_window)
            QApplication.instance().quit()
            return
        self._switch_to(account.username, account.role)  # before anything is shown again
        self.is_locked = False
        hidden, self._hidden = self._hidden, []
        for widget in hidden:
            if _alive(widget) and not _transient(widget):
                widget.show()
        QApplication.instance().setQuitOnLastWindowClosed(self._quit_on_last_window)
        self.unlocked.emit(account.username, account.role)
        self.set_minutes(self.minutes)

    def _switch_to(self, username: str, role: str) -> None:
        if username != self.username:
            log.info("another person signed in at the lock screen")
        self.username = username
        contexts = [self.ctx] if self.ctx is not None else _window_contexts()
        for ctx in contexts:
            changed = (ctx.actor, ctx.role) != (username, role)
            ctx.actor = username
            ctx.role = role
            if changed:
                ctx.user_changed.emit()


def _close_transients() -> None:
    """Tooltips and open menus go first: they are Qt's own, short-lived windows."""
    QToolTip.hideText()
    app = QApplication.instance()
    for _ in range(32):  # nested menus: innermost first
        popup = app.activePopupWidget()
        if popup is None:
            break
        popup.close()


def _cancellable(widget: QWidget) -> bool:
    """A modal dialog waiting for an answer (a progress dialog is not: it would cancel the work)."""
    return (isinstance(widget, QDialog) and not isinstance(widget, QProgressDialog)
            and widget.windowModality() != Qt.WindowModality.NonModal)


def _reject_modal_dialogs() -> None:
    """Modal dialogs are answered "cancel", innermost first; their callers see a rejection."""
    for _ in range(32):
        modal = QApplication.activeModalWidget()
        if modal is None or not _cancellable(modal) or not modal.isVisible():
            break
        modal.reject()
    for widget in QApplication.instance().topLevelWidgets():
        if _cancellable(widget) and widget.isVisible():
            widget.reject()


def _window_contexts() -> list:
    """The contexts of the application's main windows (visible or hidden)."""
    out = []
    for widget in QApplication.instance().topLevelWidgets():
        ctx = getattr(widget, "ctx", None)
        if ctx is not None and hasattr(ctx, "user_changed") and ctx not in out:
            out.append(ctx)
    return out


_current: IdleLock | None = None


def install(workspace: Workspace, username: str, minutes: int | None = None, ctx=None) -> IdleLock:
    """Watch the whole application for input; replaces any earlier idle lock."""
    global _current
    uninstall()
    _current = IdleLock(workspace, username, minutes, ctx)
    QApplication.instance().installEventFilter(_current)
    return _current


def uninstall() -> None:
    global _current
    if _current is not None:
        QApplication.instance().removeEventFilter(_current)
        _current.timer.stop()
        if _current.is_locked:
            QApplication.instance().setQuitOnLastWindowClosed(_current._quit_on_last_window)
            if _alive(_current.dialog):
                _current.dialog.finished.disconnect(_current._finished)
                _current.dialog.reject()
                _current.dialog.deleteLater()
        _current.deleteLater()
        _current = None


def current() -> IdleLock | None:
    return _current
