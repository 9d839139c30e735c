"""Sync in the window: one controller per window (background timer, Sync now, pause) and the
online/offline indicator in the status bar.

All network work runs on the work pool (``NetOp``); its database steps hop
to the single database worker, so a slow or failing central service never blocks the window.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.i18n import Message, format_datetime_local, tr
from desktop.sync import set_paused, sync, sync_status
from desktop.views.context import AppContext
from desktop.views.operations import DbOp, NetOp

log = logging.getLogger(__name__)


def local_time(iso: str | None) -> str:
    return format_datetime_local(iso) or "—"


class SyncController(QObject):
    """Runs syncs (now, or on the ``sync_interval`` timer) and publishes the latest status."""

    status_changed = Signal(dict)
    running_changed = Signal(bool)
    finished = Signal(object)  # the SyncReport as a dict, or an error Message

    def __init__(self, ctx: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.status: dict[str, Any] = {}
        self.running = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.background_sync)
        interval = int(ctx.workspace.settings.get("sync_interval") or 0)
        if interval > 0:
            self.timer.start(interval * 1000)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def stop(self) -> None:
        self.timer.stop()

    # ------------------------------------------------------------------ actions

    def sync_now(self, parent: QWidget | None = None) -> None:
        self._run(parent, background=False)

    def background_sync(self) -> None:
        if self.status.get("paused"):
            return
        self._run(None, background=True)

    def set_paused(self, paused: bool) -> None:
        db, actor = self.ctx.workspace.db, self.ctx.actor
        (DbOp(None, lambda _p: set_paused(db, paused, actor))
         .success(lambda _r: self.refresh())
         .run_in_background())

    def refresh(self) -> None:
        db = self.ctx.workspace.db
        (DbOp(None, lambda _p: sync_status(db))
         .success(self._publish)
         .failure(self._status_failed)
         .run_in_background())

    # ------------------------------------------------------------------ plumbing

    def _run(self, parent: QWidget | None, background: bool) -> None:
        if self.running:
            return
        if not self.ctx.workspace.settings.get("central_url"):
            if not background:
                self.finished.emit(tr("Chưa cài đặt địa chỉ máy chủ trung ương (central_url). Hãy nhập nó trong Cài đặt.",
                                      "The central service address (central_url) is not set. Enter it in Settings."))
            return
        self.running = True
        self.running_changed.emit(True)
        workspace, actor = self.ctx.workspace, self.ctx.actor

        def work(progress, db):
            return sync(workspace, actor=actor, force=not background, background=background, progress=progress,
                        run_db=db).as_dict()

        def changed(report: dict[str, Any]) -> bool:
            return bool(report.get("certificates_received") or report.get("rejected") or report.get("revoked"))

        op = NetOp(parent, work, changes=self.ctx, changed_if=changed).success(self._done).failure(self._failed)
        if not background:
            op.with_progress(str(tr("Đang đồng bộ với máy chủ trung ương…", "Syncing with the central service…")))
        op.run_in_background()

    def _done(self, report: dict[str, Any]) -> None:
        self.running = False
        self.running_changed.emit(False)
        self.finished.emit(report)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.running_changed.emit(False)
        message = getattr(error, "message", None)
        if not isinstance(message, Message):
            log.error("sync failed", exc_info=error)
            message = tr("Đồng bộ gặp lỗi không mong muốn; chi tiết trong nhật ký.",
                         "Sync hit an unexpected error; details are in the log.")
        self.finished.emit(message)
        self.refresh()

    def _publish(self, status: dict[str, Any]) -> None:
        self.status = status
        self.status_changed.emit(status)

    def _status_failed(self, error: BaseException) -> None:
        log.warning("cannot read the sync status: %s", error)


class SyncStatusWidget(QLabel):
    """"● Trực tuyến · 3 lô chờ" in the status bar; a click opens the Sync page."""

    def __init__(self, controller: SyncController, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("syncStatus")
        self.setAccessibleName(str(tr("Trạng thái đồng bộ", "Sync status")))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        controller.status_changed.connect(self.show_status)
        controller.running_changed.connect(self._running)
        self._running_now = False
        self.show_status({})

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.ctx.navigate.emit("sync", {})
        super().mousePressEvent(event)

    def _running(self, running: bool) -> None:
        self._running_now = running
        if running:
            self.setText("⟳ " + str(tr("Đang đồng bộ…", "Syncing…")))

    def show_status(self, status: dict[str, Any]) -> None:
        if self._running_now:
            return
        online = status.get("online")
        if status.get("paused"):
            text, colour = str(tr("Đồng bộ tạm dừng", "Sync paused")), "#a66f00"
        elif online is None:
            text, colour = str(tr("Chưa đồng bộ", "Not synced yet")), "#666666"
        elif online:
            text, colour = str(tr("Trực tuyến", "Online")), "#1b7f3b"
        else:
            text, colour = str(tr("Ngoại tuyến", "Offline")), "#b3261e"
        pending = status.get("pending_batches") or 0
        if pending:
            text += " · " + str(tr("{n} lô chờ gửi", "{n} batches waiting", n=pending))
        if status.get("failed_batches"):
            text += " · " + str(tr("{n} lô cần xử lý", "{n} batches need attention", n=status["failed_batches"]))
        self.setText(f"<span style='color:{colour}'>●</span> {text}")
        error = status.get("last_error") or {}
        tip = [str(tr("Lần thành công cuối: {t}", "Last success: {t}", t=local_time(status.get("last_success_at"))))]
        if error:
            tip.append(str(tr("Lỗi gần nhất: {e}", "Last error: {e}", e=error.get("vi") if _vi() else error.get("en"))))
        self.setToolTip("\n".join(tip))


def _vi() -> bool:
    from desktop.i18n import current_language

    return current_language() == "vi"


def install(ctx: AppContext) -> SyncController:
    """One controller per window: the status-bar indicator and the background timer."""
    existing = getattr(ctx, "sync_controller", None)
    if isinstance(existing, SyncController):
        return existing
    # owned by the window, so its timer stops when the window goes away
    controller = SyncController(ctx, parent=ctx.main_window or ctx)
    ctx.sync_controller = controller  # type: ignore[attr-defined]
    ctx.add_status_widget(SyncStatusWidget(controller, ctx))
    controller.refresh()
    return controller
