"""The Sign page: the token, the records ready, the choice of records, Sign, and the batches signed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts import can, require_role
from desktop.accounts.gate import require_acting
from desktop.errors import Cancelled, UserError
from desktop.i18n import Message, format_date, format_datetime_local, format_number, tr
from desktop.signing.batch import Selection, batch_history, selection_choices, sign_ready, summarize
from desktop.signing.token import token_status
from desktop.views import dialogs
from desktop.views.context import AppContext
from desktop.views.errors import present_error
from desktop.views.operations import DbOp, NetOp, Operation
from desktop.views.token_handler import QtSigningHandler

STATE_NAMES = {
    "signed": tr("Đã ký", "Signed"),
    "sent": tr("Đã gửi", "Sent"),
    "countersigned": tr("Đã ký xác nhận", "Countersigned"),
    "partly_rejected": tr("Bị từ chối một phần", "Partly rejected"),
    "rejected": tr("Bị từ chối", "Rejected"),
}
KIND_NAMES = {"issue": tr("Cấp mới", "Issue"), "correction": tr("Đính chính", "Correction")}
# the clerk's columns; the algorithm and the batch id are details, shown on hover ("Chi tiết")
COLUMNS = (tr("Thời gian", "Time"), tr("Loại", "Kind"), tr("Số bản ghi", "Records"), tr("Trạng thái", "State"),
           tr("Cơ sở", "Facilities"))


class SignPage(QWidget):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.handler = QtSigningHandler(self)
        self.handler.message_shown.connect(self._show_message)
        self.operation: Operation | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{tr('Ký số bằng USB token', 'Sign with the USB token')}</h2>"))

        token_box = QGroupBox(str(tr("USB token", "USB token")))
        form = QFormLayout(token_box)
        self.token_state = QLabel("…")
        self.token_label = QLabel()
        self.token_holder = QLabel()
        self.token_expiry = QLabel()
        self.token_problem = QLabel()
        self.token_problem.setWordWrap(True)
        form.addRow(str(tr("Trạng thái:", "Status:")), self.token_state)
        form.addRow(str(tr("Nhãn:", "Label:")), self.token_label)
        form.addRow(str(tr("Chủ chứng thư số:", "Certificate holder:")), self.token_holder)
        form.addRow(str(tr("Hết hạn:", "Expires:")), self.token_expiry)
        form.addRow("", self.token_problem)
        self.refresh_token_button = QPushButton(str(tr("&Kiểm tra lại token", "&Check the token again")))
        self.refresh_token_button.clicked.connect(self.refresh_token)
        self.refresh_token_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        form.addRow("", self.refresh_token_button)
        layout.addWidget(token_box)

        select_box = QGroupBox(str(tr("Bản ghi cần ký", "Records to sign")))
        select_layout = QVBoxLayout(select_box)
        row = QHBoxLayout()
        self.scope = QComboBox()
        self.scope.setAccessibleName(str(tr("Chọn bản ghi", "Choose records")))
        self.scope.addItem(str(tr("Tất cả bản ghi sẵn sàng", "All ready records")), "all")
        self.scope.addItem(str(tr("Theo danh sách", "By list")), "list")
        self.scope.addItem(str(tr("Theo ngày tiêm", "By vaccination date")), "date")
        self.choice = QComboBox()
        self.choice.setAccessibleName(str(tr("Danh sách hoặc ngày", "List or date")))
        self.choice.setEnabled(False)
        self.choice.setVisible(False)  # shown once the clerk signs by list or by day
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.choice.currentIndexChanged.connect(lambda _i: self.refresh_counts())
        row.addWidget(self.scope)
        row.addWidget(self.choice, 1)
        row.addStretch(0)
        select_layout.addLayout(row)
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        select_layout.addWidget(self.counts_label)
        buttons = QHBoxLayout()
        self.sign_button = QPushButton(str(tr("&Ký các bản ghi…", "&Sign the records…")))
        self.sign_button.setEnabled(False)
        self.sign_button.clicked.connect(self.start_signing)
        self.cancel_button = QPushButton(str(tr("Dừng sau lô này", "Stop after this batch")))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._cancel)
        self.sign_reason = QLabel()  # why Sign cannot be pressed now, beside it (not only in a tooltip)
        self.sign_reason.setProperty("role", "hint")
        self.sign_reason.setWordWrap(True)
        self.sign_reason.setAccessibleName(str(tr("Lý do chưa ký được", "Why signing is not possible")))
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.sign_reason, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        for button in (self.sign_button, self.cancel_button):
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        select_layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        select_layout.addWidget(self.progress)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        select_layout.addWidget(self.message)
        layout.addWidget(select_box)

        layout.addWidget(QLabel(f"<b>{tr('Các lô đã ký', 'Signed batches')}</b>"))
        self.history = QTableWidget(0, len(COLUMNS))
        self.history.setHorizontalHeaderLabels([str(c) for c in COLUMNS])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.verticalHeader().setVisible(False)
        layout.addWidget(self.history, 1)

        self.ready = 0
        self.token_ok = False
        self._counts_serial = 0
        self._preselect: Any = None  # the list or date to choose once the choices are loaded
        ctx.records_changed.connect(self.refresh)
        ctx.user_changed.connect(self._update_button)
        self._update_button()
        self.destroyed.connect(self.handler.release)
        self.refresh_token()
        self.refresh()

    # -- loading ---------------------------------------------------------------------------------
    def selection(self) -> Selection:
        kind = self.scope.currentData()
        value = self.choice.currentData()
        if kind == "list" and value is not None:
            return Selection(list_id=int(value))
        if kind == "date" and value:
            return Selection(vaccination_date=str(value))
        return Selection()

    def refresh(self) -> None:
        self.refresh_counts()
        (DbOp(self, lambda _p: batch_history(self.workspace))
         .success(self._show_history)
         .run_in_background())

    def refresh_counts(self) -> None:
        selection = self.selection()
        self._counts_serial += 1
        serial = self._counts_serial

        def shown(summary: Any) -> None:
            if serial == self._counts_serial:  # an older choice's count may arrive later: not shown
                self._show_counts(summary)

        (DbOp(self, lambda _p: summarize(self.workspace, selection))
         .success(shown)
         .run_in_background())

    def refresh_token(self) -> None:
        self.token_state.setText(str(tr("Đang kiểm tra…", "Checking…")))
        (NetOp(self, lambda _p, _db: token_status(self.workspace))
         .success(self._show_token)
         .run_in_background())

    def _scope_changed(self) -> None:
        kind = self.scope.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.setEnabled(kind != "all")
        self.choice.setVisible(kind != "all")
        self.choice.blockSignals(False)
        if kind == "all":
            self.refresh_counts()
            return
        (DbOp(self, lambda _p: selection_choices(self.workspace))
         .success(self._fill_choices)
         .run_in_background())

    def _fill_choices(self, choices: dict[str, Any]) -> None:
        kind = self.scope.currentData()
        previous = self.choice.currentData()  # choices loaded twice (two quick requests): keep the choice
        self.choice.blockSignals(True)
        self.choice.clear()
        if kind == "list":
            for item in choices["lists"]:
                self.choice.addItem(f"{item['file_name']} ({format_number(item['ready'])})", item["list_id"])
        elif kind == "date":
            for item in choices["dates"]:
                self.choice.addItem(f"{format_date(item['date'])} ({format_number(item['ready'])})", item["date"])
        wanted, self._preselect = self._preselect, None
        if wanted is None and previous is not None and self.choice.findData(previous) >= 0:
            self.choice.setCurrentIndex(self.choice.findData(previous))
        elif wanted is not None and kind in ("list", "date"):
            index = self.choice.findData(wanted)
            if index < 0:  # nothing of it is ready any more: still show it, with 0
                label = (tr("Danh sách số {id}", "List {id}", id=wanted) if kind == "list" else format_date(wanted))
                self.choice.addItem(f"{label} (0)", wanted)
                index = self.choice.count() - 1
            self.choice.setCurrentIndex(index)
        self.choice.blockSignals(False)
        self.refresh_counts()

    # -- showing ---------------------------------------------------------------------------------
    def _show_token(self, status: Any) -> None:
        self.token_ok = status.present and status.problem is None
        self.token_state.setText(str(tr("Sẵn sàng", "Ready") if self.token_ok else
                                     tr("Đã cắm", "Inserted") if status.present else tr("Không thấy token", "No token")))
        self.token_label.setText(f"{status.label} ({status.serial})" if status.label else "")
        self.token_holder.setText(status.holder)
        self.token_expiry.setText(format_date(status.expires))
        self.token_problem.setText(str(status.problem) if status.problem else "")
        self._update_button()

    def _show_counts(self, summary: Any) -> None:
        self.ready = summary.ready
        self.counts_label.setText(str(tr(
            "Sẵn sàng ký: {ready}. Đang chờ đối chiếu: {held}.", "Ready to sign: {ready}. Held for review: {held}.",
            ready=format_number(summary.ready), held=format_number(summary.held))))
        self._update_button()

    def _show_history(self, rows: list[dict[str, Any]]) -> None:
        self.history.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = (format_datetime_local(row["created_at"]), str(KIND_NAMES.get(row["kind"], row["kind"])),
                      format_number(row["records"]), str(STATE_NAMES.get(row["state"], row["state"])),
                      ", ".join(row["on_behalf_of"]))
            details = str(tr("Chi tiết: mã lô {batch}, thuật toán ký {alg}", "Details: batch {batch}, signature {alg}",
                             batch=row["batch_id"], alg=row["algorithm"]))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(details)
                item.setData(Qt.ItemDataRole.UserRole, row["batch_id"])
                if c == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.history.setItem(r, c, item)

    def _show_message(self, msg: Message) -> None:
        self.message.setText(str(msg))
        self.ctx.show_status(str(msg))

    def _update_button(self) -> None:
        allowed = can(self.ctx.role, "sign")
        self.sign_button.setEnabled(allowed and self.ready > 0 and self.operation is None)
        reason = self._why_not()
        self.sign_button.setToolTip(reason)
        self.sign_reason.setText(reason)
        self.sign_reason.setVisible(bool(reason))

    def _why_not(self) -> str:
        """A short reason beside a Sign button that cannot be pressed, or ""."""
        if not can(self.ctx.role, "sign"):
            return self._refusal()  # names the role that may sign
        if self.operation is not None:
            return str(tr("Đang ký…", "Signing…"))
        if self.ready <= 0:
            return str(tr("Chưa có bản ghi nào sẵn sàng để ký.", "No records are ready to sign."))
        return ""

    def _refusal(self) -> str:
        """Why this account may not sign (names the role that may), or ""."""
        try:
            require_role(self.ctx.role, "sign")
        except UserError as error:
            return str(error.message)
        return ""

    # -- opened from the overview ----------------------------------------------------------------
    def apply_filter(self, filters: dict[str, Any]) -> None:
        """Choose the ready records of one list or one vaccination day (``{"list_id"}``/``{"vaccination_date"}``)."""
        if filters.get("list_id") is not None:
            kind, self._preselect = "list", int(filters["list_id"])
        elif filters.get("vaccination_date"):
            kind, self._preselect = "date", str(filters["vaccination_date"])
        else:
            kind, self._preselect = "all", None
        index = self.scope.findData(kind)
        if index == self.scope.currentIndex():
            self._scope_changed()  # same scope, another list or day: load the choices again
        else:
            self.scope.setCurrentIndex(index)

    # -- signing ---------------------------------------------------------------------------------
    def start_signing(self) -> None:
        if self.operation is not None:
            return
        refusal = self._refusal()
        if refusal:  # checked again here: the button may be reached before the role changed
            self.message.setText(refusal)
            self.ctx.show_status(refusal)
            dialogs.show_warning(self, str(tr("Không được phép ký", "Not permitted to sign")), refusal)
            self._update_button()
            return
        selection = self.selection()
        workspace, handler, actor, role = self.workspace, self.handler, self.ctx.actor, self.ctx.role
        self.message.clear()
        self.progress.setValue(0)
        self.progress.setMaximum(0)
        self.progress.setVisible(True)
        self.cancel_button.setEnabled(True)

        def work(progress: Any, db: Any) -> list[Any] | None:
            db(lambda: require_acting(workspace, actor, role, "sign"))
            try:
                return sign_ready(workspace, handler, selection, progress=progress, actor=actor)
            except Cancelled:
                return None  # the batches finished before the clerk stopped are kept

        self.operation = (NetOp(self, work, changes=self.ctx, changed_if=lambda results: results != [], keeps_partial=True)
                          .success(self._signed)
                          .failure(self._failed)
                          .progress(self._progressed)
                          .run_in_background())
        self._update_button()

    def _progressed(self, done: int, total: int, label: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        if label:
            self.progress.setFormat(f"{label} %v/%m")

    def _cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()

    def _signed(self, results: list[Any] | None) -> None:
        self._done()
        if results is None:
            self.message.setText(str(tr("Đã dừng ký. Các lô đã ký xong được giữ nguyên.",
                                        "Signing stopped. The batches already signed are kept.")))
        elif results:
            records = sum(r.records for r in results)
            sending = self._send_now()
            text = str(tr("Đã ký {n} bản ghi trong {b} lô. Đang gửi các lô lên trung ương (xem trang Đồng bộ).",
                          "Signed {n} records in {b} batches. Sending them to the central service (see Sync).",
                          n=format_number(records), b=len(results)) if sending else
                       tr("Đã ký {n} bản ghi trong {b} lô. Các lô đã vào hàng chờ đồng bộ.",
                          "Signed {n} records in {b} batches. The batches are waiting to be synced.",
                          n=format_number(records), b=len(results)))
            self.message.setText(text)
            self.ctx.show_status(text)

    def _send_now(self) -> bool:
        """The new batches leave for the central service at once (unless sync is paused or not set up)."""
        controller = getattr(self.ctx, "sync_controller", None)
        if controller is None or not self.workspace.settings.get("central_url") or controller.status.get("paused"):
            return False
        controller.background_sync()
        return True

    def _failed(self, error: BaseException) -> None:
        self._done()
        if isinstance(error, UserError):
            self.message.setText(str(error.message))
            dialogs.show_warning(self, str(tr("Chưa ký được", "Not signed")), str(error.message))
            self.refresh_token()
        else:
            present_error(self, error)
        self.refresh()

    def _done(self) -> None:
        self.operation = None
        self.progress.setVisible(False)
        self.cancel_button.setEnabled(False)
        self._update_button()


def create_page(ctx: AppContext) -> QWidget:
    return SignPage(ctx)
