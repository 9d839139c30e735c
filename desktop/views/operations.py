"""How a page runs work in the background (after Anki's ``CollectionOp`` / ``QueryOp``).

Two kinds of operation, one calling convention::

    DbOp(self, lambda progress: todays_picture(workspace)).success(self.show).run_in_background()
    NetOp(self, lambda progress, db: check(workspace, run_db=db), changes=self.ctx) \\
        .success(self.checked).failure(self.check_failed).progress(self.advance) \\
        .with_progress(label).run_in_background()

- ``DbOp`` runs its work on the one database worker (``DB_EXECUTOR``), so SQLite sees a single
  writer from the window.
- ``NetOp`` runs on the work pool (network, USB token, files). Its work receives ``db``, a function
  that runs one database step on the database worker and returns its value; a NetOp therefore never
  holds the database worker while it waits for a PIN, the registry or the central service.
- ``.success`` / ``.failure`` / ``.progress`` handlers run on the GUI thread. Without ``.failure``,
  errors go to the one error presenter; a cancellation is silent.
- ``changes=ctx``: the operation changes records; on success it emits ``ctx.records_changed`` once
  (after the success handler), so pages never announce it by hand. ``changed_if`` narrows that to
  results that did change something; ``keeps_partial=True`` sends it after a failure or a
  cancellation too (work that stores as it goes: the registry check, signing batch by batch).
- The operation belongs to its page: when the page is destroyed, the result is dropped and no
  handler is called (the change notice still goes out: the records did change).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from desktop.errors import Cancelled
from desktop.i18n import tr
from desktop.progress import Progress

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

DB_EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vaxdesk-db")
WORK_EXECUTOR = ThreadPoolExecutor(max_workers=4, thread_name_prefix="vaxdesk-work")
_running: set[Operation] = set()
_db_thread = threading.local()
_initiator: QObject | None = None


class ChangeNotices(Protocol):
    """What an operation with ``changes`` tells (the window's ``AppContext``)."""

    records_changed: SignalInstance


def change_initiator() -> QObject | None:
    """While a "records changed" notice is delivered: the page whose operation sent it.

    A page that already shows its own change skips the notice it caused (``change_initiator() is self``).
    """
    return _initiator


def run_on_db_worker(step: Callable[[], R]) -> R:
    """Run one database step on the database worker and wait for its value (off the GUI thread).

    Called on the database worker itself (a DbOp's work calling a NetOp's helper), the step runs at
    once instead of waiting for itself.
    """
    if getattr(_db_thread, "inside", False):
        return step()

    def inside() -> R:
        _db_thread.inside = True
        try:
            return step()
        finally:
            _db_thread.inside = False

    return DB_EXECUTOR.submit(inside).result()


class Operation(QObject):
    """A running job; its signals are delivered on the GUI thread (queued connections)."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.progress = Progress(self._emit_progress)
        self.future: Future[None] | None = None
        self.spec: object = None
        self._dialog: QProgressDialog | None = None

    def _emit_progress(self, done: int, total: int, label: str | None) -> None:
        self.progressed.emit(done, total, label or "")

    def cancel(self) -> None:
        self.progress.cancel()

    def done(self) -> bool:
        return self.future is not None and self.future.done()


class _Op(Generic[T]):
    """What DbOp and NetOp share: handlers, progress dialog, change notice, the page's life."""

    def __init__(self, parent: QObject | None, *, changes: ChangeNotices | None = None,
                 changed_if: Callable[[T], bool] | None = None, keeps_partial: bool = False) -> None:
        self._parent = parent
        self._changes = changes
        self._changed_if = changed_if
        self._keeps_partial = keeps_partial
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[BaseException], Any] | None = None
        self._progress: Callable[[int, int, str], Any] | None = None
        self._label: str | None = None
        self._page_gone = False

    def success(self, fn: Callable[[T], Any]) -> _Op[T]:
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], Any]) -> _Op[T]:
        self._failure = fn
        return self

    def progress(self, fn: Callable[[int, int, str], Any]) -> _Op[T]:
        self._progress = fn
        return self

    def with_progress(self, label: str | None = None) -> _Op[T]:
        """Show a progress dialog (with Cancel) when the work lasts more than half a second."""
        self._label = label or str(tr("Đang xử lý…", "Working…"))
        return self

    # -- running ---------------------------------------------------------------------------------
    def _work(self, op: Operation) -> T:  # pragma: no cover - each kind says how
        raise NotImplementedError

    def _executor(self) -> ThreadPoolExecutor:  # pragma: no cover - each kind says which
        raise NotImplementedError

    def _alive(self) -> bool:
        parent = self._parent
        return not self._page_gone and (parent is None or isValid(parent))

    def run_in_background(self) -> Operation:
        op = Operation()
        op.spec = self  # the handlers live as long as the running job
        _running.add(op)
        parent = self._parent
        if parent is not None:
            parent.destroyed.connect(self._forget_page)
        if self._progress is not None:
            progress = self._progress
            op.progressed.connect(lambda done, total, text: progress(done, total, text) if self._alive() else None)
        if self._label is not None:
            dialog_parent = parent if isinstance(parent, QWidget) else None
            _attach_progress_dialog(op, dialog_parent, self._label)
        op.succeeded.connect(self._deliver_success)
        op.failed.connect(self._deliver_failure)
        op.finished.connect(lambda: self._finished(op))

        def work() -> None:
            try:
                result = self._work(op)
            except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
                if not isinstance(exc, Cancelled):
                    log.debug("operation failed", exc_info=True)
                op.failed.emit(exc)
            else:
                op.succeeded.emit(result)
            finally:
                op.finished.emit()

        op.future = self._executor().submit(work)
        return op

    def _forget_page(self, *_args: object) -> None:
        self._page_gone = True

    def _deliver_success(self, result: T) -> None:
        try:
            if self._success is not None and self._alive():
                self._success(result)
        finally:
            self._notify(result)

    def _notify(self, result: T) -> None:
        if self._changed_if is not None and not self._changed_if(result):
            return
        self._emit_changes()

    def _emit_changes(self) -> None:
        notices = self._changes
        if notices is None:
            return
        if isinstance(notices, QObject) and not isValid(notices):
            return
        global _initiator
        _initiator = self._parent
        try:
            notices.records_changed.emit()
        finally:
            _initiator = None

    def _deliver_failure(self, error: BaseException) -> None:
        try:
            if isinstance(error, Cancelled) or not self._alive():
                return
            if self._failure is not None:
                self._failure(error)
            else:
                from desktop.views.errors import present_error

                present_error(self._parent if isinstance(self._parent, QWidget) else None, error)
        finally:
            if self._keeps_partial:  # what was done before the failure or the cancellation is stored
                self._emit_changes()

    def _finished(self, op: Operation) -> None:
        _running.discard(op)
        parent = self._parent
        if parent is not None and isValid(parent):
            try:
                parent.destroyed.disconnect(self._forget_page)
            except (RuntimeError, TypeError):
                pass


class DbOp(_Op[T]):
    """Database work, on the one database worker: ``fn(progress) -> T``."""

    def __init__(self, parent: QObject | None, fn: Callable[[Progress], T], *,
                 changes: ChangeNotices | None = None, changed_if: Callable[[T], bool] | None = None,
                 keeps_partial: bool = False) -> None:
        super().__init__(parent, changes=changes, changed_if=changed_if, keeps_partial=keeps_partial)
        self._fn = fn

    def _work(self, op: Operation) -> T:
        _db_thread.inside = True
        try:
            return self._fn(op.progress)
        finally:
            _db_thread.inside = False

    def _executor(self) -> ThreadPoolExecutor:
        return DB_EXECUTOR


class NetOp(_Op[T]):
    """Network, token or file work on the work pool: ``fn(progress, db) -> T``.

    ``db(step)`` runs ``step()`` on the database worker and returns its value, so the database
    worker is held only for the step, never while the work waits.
    """

    def __init__(self, parent: QObject | None, fn: Callable[[Progress, Callable[[Callable[[], Any]], Any]], T], *,
                 changes: ChangeNotices | None = None, changed_if: Callable[[T], bool] | None = None,
                 keeps_partial: bool = False) -> None:
        super().__init__(parent, changes=changes, changed_if=changed_if, keeps_partial=keeps_partial)
        self._fn = fn

    def _work(self, op: Operation) -> T:
        return self._fn(op.progress, run_on_db_worker)

    def _executor(self) -> ThreadPoolExecutor:
        return WORK_EXECUTOR


def _attach_progress_dialog(op: Operation, parent: QWidget | None, label: str) -> None:
    def show() -> None:
        if op.future is None or op.future.done() or (parent is not None and not isValid(parent)):
            return
        dialog = QProgressDialog(label, str(tr("Huỷ", "Cancel")), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(op.cancel)
        op._dialog = dialog
        dialog.show()

    @Slot(int, int, str)
    def progressed(done: int, total: int, text: str) -> None:
        dialog = op._dialog
        if dialog is not None and isValid(dialog):
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))
            if text:
                dialog.setLabelText(text)

    def close() -> None:
        timer.stop()
        dialog = op._dialog
        op._dialog = None
        if dialog is not None and isValid(dialog):
            dialog.canceled.disconnect(op.cancel)
            dialog.close()
            dialog.deleteLater()

    timer = QTimer(op)
    timer.setSingleShot(True)
    timer.setInterval(500)
    timer.timeout.connect(show)
    timer.start()
    op.progressed.connect(progressed)
    op.finished.connect(close)


def wait_idle(timeout: float = 30.0) -> None:
    """Block until queued background work is done (used at shutdown and by tests)."""
    for executor in (DB_EXECUTOR, WORK_EXECUTOR):
        executor.submit(lambda: None).result(timeout=timeout)
