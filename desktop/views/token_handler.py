"""The window's ``SigningHandler``: the signing work runs on worker threads, the dialogs on the GUI thread.

A worker thread that needs the PIN emits a signal and waits on an event; the GUI thread shows the
dialog, stores the answer and sets the event (Electrum's hardware-wallet handler). The PIN leaves
this object as soon as the worker has taken it.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from desktop.i18n import Message, tr
from desktop.signing.handler import BatchSummary, PinRequest
from desktop.views import dialogs


def ask_pin_dialog(parent: QWidget | None, request: PinRequest) -> str | None:
    """The PIN dialog (tests replace this function)."""
    return dialogs.ask_secret(parent, str(tr("Mã PIN của USB token", "USB token PIN")), str(request.prompt()))


def confirm_dialog(parent: QWidget | None, summary: BatchSummary) -> bool:
    """The confirmation before signing (tests replace this function)."""
    return dialogs.confirm(parent, str(tr("Xác nhận ký số", "Confirm signing")), str(summary.message()))


class QtSigningHandler(QObject):
    """Implements ``desktop.signing.handler.SigningHandler`` for the window."""

    _pin_wanted = Signal(object)
    _confirm_wanted = Signal(object)
    message_shown = Signal(object)
    session_finished = Signal()

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self._parent = parent
        self._answered = threading.Event()
        self._answer: Any = None
        self._pin_wanted.connect(self._ask_pin_on_gui)
        self._confirm_wanted.connect(self._confirm_on_gui)

    def _on_gui_thread(self) -> bool:
        app = QApplication.instance()
        return app is not None and QThread.currentThread() == app.thread()

    def _wait_for_gui(self, signal: Any, payload: Any) -> Any:
        self._answered.clear()
        self._answer = None
        signal.emit(payload)
        self._answered.wait()
        answer, self._answer = self._answer, None
        return answer

    # -- SigningHandler --------------------------------------------------------------------------
    def ask_pin(self, info: PinRequest) -> str | None:
        if self._on_gui_thread():
            return ask_pin_dialog(self._parent, info)
        return self._wait_for_gui(self._pin_wanted, info)

    def confirm(self, summary: BatchSummary) -> bool:
        if self._on_gui_thread():
            return confirm_dialog(self._parent, summary)
        return bool(self._wait_for_gui(self._confirm_wanted, summary))

    def show_message(self, msg: Message) -> None:
        self.message_shown.emit(msg)

    def finished(self) -> None:
        self.session_finished.emit()

    def release(self) -> None:
        """Unblock a waiting worker (the page is closing): as if the dialog was cancelled."""
        self._answer = None
        self._answered.set()

    # -- on the GUI thread -----------------------------------------------------------------------
    @Slot(object)
    def _ask_pin_on_gui(self, info: PinRequest) -> None:
        try:
            self._answer = ask_pin_dialog(self._parent, info)
        finally:
            self._answered.set()

    @Slot(object)
    def _confirm_on_gui(self, summary: BatchSummary) -> None:
        try:
            self._answer = confirm_dialog(self._parent, summary)
        finally:
            self._answered.set()
