"""The Sync page: what waits for the central service, what came back, and why the last try failed."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import Message, current_language, format_datetime_local, format_number, tr
from desktop.sync import retry_failed
from desktop.views import dialogs
from desktop.views.context import AppContext
from desktop.views.operations import DbOp
from desktop.views.sync_status import SyncController, install

STATE_NAMES = {
    "pending": tr("Đang chờ gửi", "Waiting to send"),
    "sending": tr("Đang gửi", "Sending"),
    "done": tr("Đã xong", "Done"),
    "failed": tr("Cần xử lý", "Needs attention"),
}
BATCH_STATE_NAMES = {
    "signed": tr("Đã ký", "Signed"),
    "sent": tr("Đã gửi", "Sent"),
    "countersigned": tr("Đã cấp đủ", "All certified"),
    "partly_rejected": tr("Bị từ chối một phần", "Partly refused"),
    "rejected": tr("Bị từ chối", "Refused"),
}
COLUMNS = (tr("Lô", "Batch"), tr("Số bản ghi", "Records"), tr("Trạng thái gửi", "Outbox"),
           tr("Kết quả", "Result"), tr("Lần thử", "Attempts"), tr("Thử lại lúc", "Next attempt"),
           tr("Lỗi gần nhất", "Last error"))


def _text(value: dict[str, str] | None) -> str:
    if not value:
        return ""
    return value.get(current_language()) or value.get("en") or ""


_TECHNICAL = re.compile(r"(?:https?://\S+|(?<![\w.])(?:/[\w.@%+-]+){2,}/?|\bPS256\b|\bES256\b|\bRS256\b)")


def _plain(text: str) -> tuple[str, str]:
    """The clerk's line without addresses, paths and algorithm names, and the full text as its details."""
    plain = _TECHNICAL.sub("…", text)
    plain = re.sub(r"\s*\(…\)|…(\s*…)+", "…", plain).strip()
    details = str(tr("Chi tiết: {text}", "Details: {text}", text=text)) if plain != text else ""
    return plain, details


def _moment(value: str | None) -> str:
    return format_datetime_local(value) or "—"


class SyncPage(QWidget):
    def __init__(self, ctx: AppContext, controller: SyncController):
        super().__init__()
        self.ctx = ctx
        self.controller = controller
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{tr('Đồng bộ với máy chủ trung ương', 'Sync with the central service')}</h2>")
        layout.addWidget(title)
        form = QFormLayout()
        self.state_label = QLabel()
        self.pending_label = QLabel()
        self.success_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        form.addRow(str(tr("Trạng thái:", "Status:")), self.state_label)
        form.addRow(str(tr("Đang chờ:", "Waiting:")), self.pending_label)
        form.addRow(str(tr("Lần thành công cuối:", "Last success:")), self.success_label)
        form.addRow(str(tr("Lỗi gần nhất:", "Last error:")), self.error_label)
        form.addRow(str(tr("Lần đồng bộ vừa rồi:", "Latest sync:")), self.result_label)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.sync_button = QPushButton(str(tr("Đồng bộ ngay", "Sync now")))
        self.sync_button.setShortcut("F5")
        self.sync_button.clicked.connect(lambda: self.controller.sync_now(self))
        self.pause_button = QPushButton()
        self.pause_button.clicked.connect(self._toggle_pause)
        self.retry_button = QPushButton(str(tr("Gửi lại các lô cần xử lý", "Send batches needing attention again")))
        self.retry_button.clicked.connect(self._retry_failed)
        for button in (self.sync_button, self.pause_button, self.retry_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([str(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(str(tr("Các lô trong hộp thư đi", "Batches in the outbox")))
        layout.addWidget(self.table, 1)
        controller.status_changed.connect(self.show_status)
        controller.running_changed.connect(self._running)
        controller.finished.connect(self.show_result)
        ctx.records_changed.connect(controller.refresh)
        self.show_status(controller.status)

    # ------------------------------------------------------------------ display

    def show_status(self, status: dict[str, Any]) -> None:
        paused = bool(status.get("paused"))
        online = status.get("online")
        if paused:
            state = tr("Tạm dừng đồng bộ tự động", "Automatic sync paused")
        elif online is None:
            state = tr("Chưa đồng bộ lần nào", "Never synced")
        elif online:
            state = tr("Trực tuyến", "Online")
        else:
            state = tr("Ngoại tuyến: công việc vẫn tiếp tục, các lô sẽ được gửi khi có mạng",
                       "Offline: keep working, batches will be sent when the network is back")
        self.state_label.setText(str(state))
        self.pending_label.setText(str(tr(
            "{b} lô ({r} bản ghi) chờ gửi; {f} lô cần xử lý",
            "{b} batches ({r} records) waiting; {f} batches need attention",
            b=format_number(status.get("pending_batches", 0)), r=format_number(status.get("pending_records", 0)),
            f=format_number(status.get("failed_batches", 0)))))
        self.success_label.setText(_moment(status.get("last_success_at")))
        error = status.get("last_error")
        plain, details = _plain(_text(error)) if error else ("", "")
        self.error_label.setText(f"{plain} ({_moment(error.get('at'))})" if error else "—")
        self.error_label.setToolTip(details)
        self.pause_button.setText(str(tr("Tiếp tục đồng bộ tự động", "Resume automatic sync") if paused
                                      else tr("Tạm dừng đồng bộ tự động", "Pause automatic sync")))
        self.pause_button.setProperty("paused", paused)
        self.retry_button.setEnabled(bool(status.get("failed_batches")))
        self._fill(status.get("batches") or [])

    def _fill(self, rows: list[dict[str, Any]]) -> None:
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            error, error_details = _plain(_text(row["last_error"]) if row["state"] != "done" else "")
            values = (
                format_number(r + 1), format_number(row["records"]), str(STATE_NAMES.get(row["state"], row["state"])),
                str(BATCH_STATE_NAMES.get(row["batch_state"], row["batch_state"])), str(row["attempts"]),
                format_datetime_local(row["next_attempt_at"])
                if row["state"] == "pending" and row["next_attempt_at"] else "",
                error,
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 0:  # the batch id is a detail for IT staff, not the clerk's line
                    item.setToolTip(str(tr("Chi tiết: mã lô {batch}", "Details: batch {batch}", batch=row["batch_id"])))
                    item.setData(Qt.ItemDataRole.UserRole, row["batch_id"])
                if c == len(values) - 1 and value:
                    item.setToolTip(error_details or value)
                self.table.setItem(r, c, item)

    def _running(self, running: bool) -> None:
        self.sync_button.setEnabled(not running)
        if running:
            self.result_label.setText(str(tr("Đang đồng bộ…", "Syncing…")))

    def show_result(self, result: Any) -> None:
        if isinstance(result, Message):
            self.result_label.setText(str(result))
            return
        text = tr("Đã gửi {sent} lô; {accepted} chứng nhận mới; {rejected} bản ghi bị từ chối (đã trả về Đối chiếu); "
                  "còn chờ {pending} bản ghi.",
                  "Sent {sent} batches; {accepted} new certificates; {rejected} records refused (back in Review); "
                  "{pending} records waiting.",
                  sent=result.get("sent", 0), accepted=result.get("accepted", 0),
                  rejected=len(result.get("rejected") or []), pending=result.get("pending", 0))
        line = str(text)
        if result.get("error"):
            line += " " + _text(result["error"])
        if result.get("paused"):
            line = str(tr("Đồng bộ tự động đang tạm dừng.", "Automatic sync is paused."))
        self.result_label.setText(line)

    # ------------------------------------------------------------------ opened from the overview

    def apply_filter(self, _filters: dict[str, Any]) -> None:
        """Signed and sent records live in the outbox's batches: show them as they are now."""
        self.controller.refresh()

    # ------------------------------------------------------------------ actions

    def _toggle_pause(self) -> None:
        self.controller.set_paused(not bool(self.pause_button.property("paused")))

    def _retry_failed(self) -> None:
        if not dialogs.confirm(self, str(tr("Gửi lại", "Send again")), str(tr(
                "Chỉ gửi lại khi nguyên nhân đã được xử lý (ví dụ cơ sở đã được đăng ký, bộ phận CNTT đã kiểm tra "
                "cảnh báo). Gửi lại các lô cần xử lý?",
                "Only send again once the cause is dealt with (e.g. the facility is registered, IT staff checked "
                "the alarm). Send the batches needing attention again?"))):
            return
        db, actor = self.ctx.workspace.db, self.ctx.actor
        (DbOp(self, lambda _p: retry_failed(db, actor))
         .success(lambda _ids: self.controller.sync_now(self))
         .run_in_background())


def create_page(ctx: AppContext) -> QWidget:
    controller = install(ctx)
    return SyncPage(ctx, controller)
