"""Uncaught exceptions go to the crash dialog (copy the report; nothing is sent anywhere).

``install()`` replaces ``sys.excepthook`` (exceptions in Qt slots and event handlers arrive there)
and ``threading.excepthook`` (a bug on a worker thread is carried to the GUI thread by a signal).
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QApplication

from desktop import __version__

log = logging.getLogger(__name__)


def build_report(exc_type, exc, tb) -> str:
    head = (f"VaxDesk {__version__} · Python {platform.python_version()} · PySide6 {pyside_version} · "
            f"{platform.system()} {platform.release()}\n"
            f"thread: {threading.current_thread().name}\n\n")
    return head + "".join(traceback.format_exception(exc_type, exc, tb))


class _Relay(QObject):
    report = Signal(str)


class CrashHandler:
    def __init__(self):
        self._relay = _Relay()
        self._relay.report.connect(self._show)
        self._showing = False
        self.previous_hook = sys.excepthook
        self.previous_thread_hook = threading.excepthook

    def excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous_hook(exc_type, exc, tb)
            return
        report = build_report(exc_type, exc, tb)
        log.error("uncaught exception\n%s", report)
        app = QApplication.instance()
        if app is not None and QThread.currentThread() is app.thread():
            self._show(report)
        else:
            self._relay.report.emit(report)

    def thread_excepthook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, report: str) -> None:
        if self._showing:  # a bug while the dialog is open: logged above, never a second dialog
            return
        self._showing = True
        try:
            from desktop.views import dialogs

            dialogs.show_crash(QApplication.activeWindow(), report)
        except Exception:  # noqa: BLE001 - the crash dialog itself must never crash the program
            log.exception("the crash dialog failed")
            sys.__stderr__.write(report)
        finally:
            self._showing = False


_handler: CrashHandler | None = None


def install() -> CrashHandler:
    """Route uncaught exceptions to the crash dialog (idempotent)."""
    global _handler
    if _handler is None:
        _handler = CrashHandler()
        sys.excepthook = _handler.excepthook
        threading.excepthook = _handler.thread_excepthook
    return _handler


def uninstall() -> None:
    global _handler
    if _handler is not None:
        sys.excepthook = _handler.previous_hook
        threading.excepthook = _handler.previous_thread_hook
        _handler = None
