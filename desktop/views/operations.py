"""One way to run work in the background (after Anki's CollectionOp/QueryOp).

``run_op`` runs ``fn`` on a worker thread and calls ``on_success`` / ``on_failure`` / ``on_progress``
on the GUI thread. Database work goes to one serial worker so SQLite sees one writer from the window;
other long work (network, token) runs on its own threads. A progress dialog appears only when the work
lasts more than half a second, shows counts and can cancel.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.errors import Cancelled
from desktop.i18n import tr
from desktop.progress import Progress

log = logging.getLogger(__name__)

DB_EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vaxdesk-db")
WORK_EXECUTOR = ThreadPoolExecutor(max_workers=4, thread_name_prefix="vaxdesk-work")
_running: set[Operation] = set()


class Operation(QObject):
    """A background job; its signals are delivered on the GUI thread (queued connections)."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.progress = Progress(self._emit_progress)
        self.future: Future | None = None
        self._dialog: QProgressDialog | None = None

    def _emit_progress(self, done: int, total: int, label: str | None) -> None:
        self.progressed.emit(done, total, label or "")

    def cancel(self) -> None:
        self.progress.cancel()


def run_op(
    parent: QWidget | None,
    fn: Callable[[Progress], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    label: str | None = None,
    database: bool = True,
    show_progress: bool = True,
) -> Operation:
    """Run ``fn(progress)`` off the GUI thread; results come back on the GUI thread.

    Failures go to ``on_failure`` if given, else to the one error presenter (cancellations are silent).
    """
    op = Operation()
    _running.add(op)
    if on_progress:
        op.progressed.connect(on_progress)
    if show_progress:
        _attach_progress_dialog(op, parent, label or str(tr("Đang xử lý…", "Working…")))

    def deliver_success(result: Any) -> None:
        if on_success:
            on_success(result)

    def deliver_failure(error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        if on_failure:
            on_failure(error)
        else:
            from desktop.views.errors import present_error

            present_error(parent, error)

    op.succeeded.connect(deliver_success)
    op.failed.connect(deliver_failure)
    op.finished.connect(lambda: _running.discard(op))

    def work() -> None:
        try:
            result = fn(op.progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread's presenter
            if not isinstance(exc, Cancelled):
                log.debug("operation failed", exc_info=True)
            op.failed.emit(exc)
        else:
            op.succeeded.emit(result)
        finally:
            op.finished.emit()

    op.future = (DB_EXECUTOR if database else WORK_EXECUTOR).submit(work)
    return op


def _attach_progress_dialog(op: Operation, parent: QWidget | None, label: str) -> None:
    def show() -> None:
        if op.future is None or op.future.done():
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
        if op._dialog is not None:
            op._dialog.setMaximum(max(total, 1))
            op._dialog.setValue(min(done, max(total, 1)))
            if text:
                op._dialog.setLabelText(text)

    def close() -> None:
        timer.stop()
        if op._dialog is not None:
            op._dialog.canceled.disconnect(op.cancel)
            op._dialog.close()
            op._dialog.deleteLater()
            op._dialog = None

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
