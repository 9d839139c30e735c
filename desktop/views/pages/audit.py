"""The audit log for the administrator: who did what to which record, when; filters, CSV export, a check."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import accounts
from desktop.audit import (
    EventFilter,
    EventPage,
    EventRow,
    check_log,
    event_actions,
    export_events_csv,
    find_events,
)
from desktop.i18n import format_datetime_local, tr
from desktop.views import dialogs, theme
from desktop.views.context import AppContext
from desktop.views.operations import DbOp
from desktop.views.records_table import fit_headings

LIMIT = 5000
COLUMNS = (
    ("id", tr("Số", "No.")),
    ("at", tr("Thời điểm", "Time")),
    ("actor", tr("Người thực hiện", "Person")),
    ("action", tr("Thao tác", "Action")),
    ("entity", tr("Đối tượng", "Entity")),
    ("entity_id", tr("Mã", "Id")),
    ("reason", tr("Lý do", "Reason")),
    ("before", tr("Trước", "Before")),
    ("after", tr("Sau", "After")),
)
# at 1366×768: the number, the local time, the person and the action whole; the values elided (whole on hover)
WIDTHS = (60, 135, 120, 190, 140, 70, 170, 170)
# who may read the log: the administrator, who also manages the accounts it names
READ_ACTION = "accounts"


class EventsModel(QAbstractTableModel):
    """The events fetched for the current filter, newest first."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: tuple[EventRow, ...] = ()

    def set_rows(self, rows: tuple[EventRow, ...]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        key = COLUMNS[index.column()][0]
        value = getattr(self.rows[index.row()], key)
        if role == Qt.ItemDataRole.DisplayRole:
            text = format_datetime_local(value) if key == "at" else str(value)
            return text if len(text) <= 120 else text[:119] + "…"
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[index.column()][0] in ("before", "after", "reason"):
            return str(value) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return str(COLUMNS[section][1])
        return None


class AuditPage(QWidget):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.workspace = ctx.workspace
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        title = QLabel(str(tr("Nhật ký kiểm tra", "Audit log")))
        title.setProperty("role", "title")
        layout.addWidget(title)
        self.notice = QLabel(str(tr("Chỉ quản trị viên được xem nhật ký kiểm tra.",
                                    "Only an administrator may read the audit log.")))
        self.notice.setProperty("role", "hint")
        layout.addWidget(self.notice)
        self.body = QWidget()
        layout.addWidget(self.body, 1)
        self._build(self.body)
        ctx.user_changed.connect(self._apply_role)
        self._apply_role()

    # --- building -------------------------------------------------------------------------------
    def _build(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = QGridLayout()
        self.actor_field = QLineEdit()
        self.actor_field.setPlaceholderText(str(tr("tên tài khoản", "account name")))
        self.record_field = QLineEdit()
        self.record_field.setPlaceholderText(str(tr("số bản ghi, mã lô, UVCI…", "record number, batch id, UVCI…")))
        self.action_field = QComboBox()
        self.action_field.setEditable(True)
        self.action_field.addItem("")
        self.action_field.lineEdit().setPlaceholderText(str(tr("mọi thao tác", "any action")))
        self.action_field.setMinimumContentsLength(16)
        self.action_field.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.by_date = QCheckBox(str(tr("Theo &ngày", "By &date")))
        self.since_field = QDateEdit(QDate.currentDate().addDays(-7))
        self.until_field = QDateEdit(QDate.currentDate())
        for edit in (self.since_field, self.until_field):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setEnabled(False)
            self.by_date.toggled.connect(edit.setEnabled)
        labelled = ((tr("&Người thực hiện", "&Person"), self.actor_field),
                    (tr("&Bản ghi / đối tượng", "&Record / entity"), self.record_field),
                    (tr("&Thao tác", "&Action"), self.action_field))
        for column, (label, field) in enumerate(labelled):
            caption = QLabel(str(label))
            caption.setBuddy(field)
            field.setAccessibleName(str(label).replace("&", ""))
            filters.addWidget(caption, 0, column)
            filters.addWidget(field, 1, column)
        dates = QHBoxLayout()
        dates.addWidget(self.by_date)
        dates.addWidget(self.since_field)
        dates.addWidget(QLabel("—"))
        dates.addWidget(self.until_field)
        filters.addLayout(dates, 1, 3)
        layout.addLayout(filters)
        buttons = QHBoxLayout()
        self.search_button = QPushButton(str(tr("&Lọc", "&Filter")))
        theme.mark_primary(self.search_button)
        self.search_button.clicked.connect(self.refresh)
        self.clear_button = QPushButton(str(tr("Bỏ lọc", "Clear filters")))
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button = QPushButton(str(tr("&Xuất CSV…", "&Export CSV…")))
        self.export_button.clicked.connect(self.export_csv)
        self.verify_button = QPushButton(str(tr("&Kiểm tra tính toàn vẹn", "&Check integrity")))
        self.verify_button.clicked.connect(self.verify)
        for field in (self.actor_field, self.record_field):
            field.returnPressed.connect(self.refresh)
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.model = EventsModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(str(tr("Các sự kiện của nhật ký", "Audit events")))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(WIDTHS):
            self.table.setColumnWidth(column, width)
        fit_headings(self.table.horizontalHeader())
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setAccessibleName(str(tr("Số sự kiện", "Number of events")))
        self.check_result = QLabel()
        self.check_result.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.check_result)

    # --- behaviour ------------------------------------------------------------------------------
    def allowed(self) -> bool:
        return accounts.can(self.ctx.role, READ_ACTION)

    def _apply_role(self) -> None:
        allowed = self.allowed()
        self.notice.setVisible(not allowed)
        self.body.setVisible(allowed)
        if allowed and self.isVisible():
            self.refresh()
        elif not allowed:
            self.model.set_rows(())

    def showEvent(self, event) -> None:  # noqa: N802 - the newest events each time the page is shown
        super().showEvent(event)
        if self.allowed():
            self.refresh()

    def current_filter(self) -> EventFilter:
        since = until = None
        if self.by_date.isChecked():
            since = _to_date(self.since_field.date())
            until = _to_date(self.until_field.date())
        return EventFilter(actor=self.actor_field.text(), record=self.record_field.text(),
                           action=self.action_field.currentText(), since=since, until=until)

    def apply_filter(self, filters: dict[str, Any]) -> None:
        """Show the events of one record or person (``{"record": …, "actor": …}``)."""
        self.actor_field.setText(str(filters.get("actor", "")))
        self.record_field.setText(str(filters.get("record", "")))
        self.refresh()

    def clear_filters(self) -> None:
        self.actor_field.clear()
        self.record_field.clear()
        self.action_field.setCurrentText("")
        self.by_date.setChecked(False)
        self.refresh()

    def refresh(self) -> None:
        if not self.allowed():
            return
        workspace, filt = self.workspace, self.current_filter()

        def load(_progress) -> tuple[EventPage, list[str]]:
            return find_events(workspace, filt, LIMIT), event_actions(workspace)

        DbOp(self, load).success(self._show).run_in_background()

    def _show(self, result: tuple[EventPage, list[str]]) -> None:
        page, actions = result
        self.model.set_rows(page.rows)
        current = self.action_field.currentText()
        if [self.action_field.itemText(i) for i in range(1, self.action_field.count())] != actions:
            self.action_field.blockSignals(True)
            self.action_field.clear()
            self.action_field.addItems(["", *actions])
            self.action_field.setCurrentText(current)
            self.action_field.blockSignals(False)
        if page.total > len(page.rows):
            text = tr("{total} sự kiện; hiện {shown} sự kiện mới nhất (xuất CSV để có tất cả).",
                      "{total} events; showing the newest {shown} (export CSV for all).",
                      total=page.total, shown=len(page.rows))
        else:
            text = tr("{total} sự kiện", "{total} events", total=page.total)
        self.summary.setText(str(text))

    def export_csv(self) -> None:
        if not self.allowed():
            return
        out = dialogs.ask_save_file(self, str(tr("Xuất nhật ký kiểm tra", "Export the audit log")), "CSV (*.csv)",
                                    f"nhat-ky-{date.today().isoformat()}.csv")
        if not out:
            return
        if not out.lower().endswith(".csv"):
            out += ".csv"
        workspace, filt, actor = self.workspace, self.current_filter(), self.ctx.actor
        (DbOp(self, lambda _p: export_events_csv(workspace, filt, out, actor))
         .success(self._exported(out))
         .with_progress(str(tr("Đang xuất nhật ký…", "Exporting the log…")))
         .run_in_background())

    def _exported(self, out: str):
        def done(count: int) -> None:
            self.ctx.show_status(str(tr("Đã xuất {n} sự kiện vào {out}", "Exported {n} events to {out}",
                                        n=count, out=out)))
            self.summary.setText(str(tr("Đã xuất {n} sự kiện vào {out}", "Exported {n} events to {out}",
                                        n=count, out=out)))
        return done

    def verify(self) -> None:
        workspace = self.workspace

        def check(_progress) -> dict[str, Any]:
            return check_log(workspace).as_dict()

        (DbOp(self, check)
         .success(self._verified)
         .with_progress(str(tr("Đang kiểm tra nhật ký…", "Checking the log…")))
         .run_in_background())

    def _verified(self, report: dict[str, Any]) -> None:
        if report["ok"]:
            text = tr("Nhật ký nguyên vẹn: {n} sự kiện, {a} mốc đã ký khớp.",
                      "The log is intact: {n} events, {a} signed anchors agree.", n=report["events"], a=report["anchors"])
        else:
            where = report["first_bad_id"] if report["first_bad_id"] is not None else report["batch_id"] or "—"
            text = tr("Nhật ký bị thay đổi từ sự kiện {id} ({problem}). Hãy báo cho người phụ trách an ninh.",
                      "The log was altered at event {id} ({problem}). Tell the person responsible for security.",
                      id=where, problem=report["problem"])
        self.check_result.setProperty("role", "ok" if report["ok"] else "error")
        self.check_result.setText(str(text))
        self.check_result.style().unpolish(self.check_result)
        self.check_result.style().polish(self.check_result)


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def create_page(ctx: AppContext) -> QWidget:
    return AuditPage(ctx)
