"""The records table: a lazy model over record ids, filtered in SQL, with search and state filters.

The model holds only the ordered ids of the matching records; rows are read in pages of ``PAGE``
when the view first shows them and kept in a bounded cache, so 100,000 records scroll smoothly.
The id list itself is loaded in the background (``run_op``). Other pages reuse ``RecordsView``
(with ``fixed`` filters and their own columns) or ``RecordsModel`` directly.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.i18n import Message, format_date, format_number, tr
from desktop.importer.queries import LIST_COLUMNS, RecordFilter, count_records, record_ids, record_rows
from desktop.models import CHECK_STATUSES, STAGES
from desktop.views.operations import run_op

PAGE = 200
CACHE_ROWS = 5000

STATUS_NAMES: dict[str, Message] = {
    "unchecked": tr("Chưa đối chiếu", "Not checked"), "matched": tr("Khớp", "Matched"),
    "mismatch": tr("Sai lệch", "Mismatch"), "not_found": tr("Không tìm thấy", "Not found"),
    "invalid_id": tr("Số giấy tờ sai", "Invalid ID"),
}
STAGE_NAMES: dict[str, Message] = {
    "loaded": tr("Đã nhập", "Loaded"), "signed": tr("Đã ký", "Signed"), "sent": tr("Đã gửi", "Sent"),
    "certified": tr("Đã cấp chứng nhận", "Certified"), "rejected_central": tr("Trung ương từ chối", "Rejected centrally"),
    "superseded": tr("Đã thay thế", "Superseded"), "revoked": tr("Đã thu hồi", "Revoked"),
}
SEX_NAMES = {"M": tr("Nam", "Male"), "F": tr("Nữ", "Female")}


@dataclass(frozen=True)
class Column:
    key: str
    title: Message
    render: Callable[[Any], str] = str


COLUMNS: tuple[Column, ...] = (
    Column("source_row", tr("Dòng", "Row"), lambda v: str(v)),
    Column("full_name", tr("Họ và tên", "Full name")),
    Column("date_of_birth", tr("Ngày sinh", "Date of birth"), format_date),
    Column("sex", tr("Giới tính", "Sex"), lambda v: str(SEX_NAMES.get(v, v))),
    Column("id_number", tr("Số CMND/CCCD", "ID number")),
    Column("vaccine_name", tr("Vắc xin", "Vaccine")),
    Column("dose_number", tr("Mũi", "Dose"), lambda v: str(v)),
    Column("vaccination_date", tr("Ngày tiêm", "Vaccinated on"), format_date),
    Column("check_status", tr("Đối chiếu", "Check"), lambda v: str(STATUS_NAMES.get(v, v))),
    Column("stage", tr("Giai đoạn", "Stage"), lambda v: str(STAGE_NAMES.get(v, v))),
    Column("source_ref", tr("Mã mũi tiêm", "Platform id")),
)


class RecordsModel(QAbstractTableModel):
    """Ordered record ids; row data fetched a page at a time from SQL and cached."""

    loaded = Signal(int)  # number of matching records, after each (re)load

    def __init__(self, workspace, columns: tuple[Column, ...] = COLUMNS, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.columns = columns
        self._ids: list[int] = []
        self._cache: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self._keys = tuple(dict.fromkeys(("id", *LIST_COLUMNS, *(c.key for c in columns))))
        self.filter = RecordFilter()
        self.fetches = 0  # pages read from the database (tests watch it)

    # -------------------------------------------------------------- Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return str(self.columns[section].title)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._ids):
            return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._ids)) or not (0 <= index.column() < len(self.columns)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.row_data(index.row())
            if row is None:
                return ""
            column = self.columns[index.column()]
            value = row.get(column.key)
            return "" if value is None else column.render(value)
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self.row_data(index.row())
            if row and row.get("flags"):
                return ", ".join(row["flags"])
        return None

    # -------------------------------------------------------------- rows
    def record_id(self, row: int) -> int:
        return self._ids[row]

    def row_data(self, row: int) -> dict[str, Any] | None:
        record_id = self._ids[row]
        cached = self._cache.get(record_id)
        if cached is not None:
            return cached
        start = row - row % PAGE
        page = [i for i in self._ids[start:start + PAGE] if i not in self._cache]
        with self.workspace.db.session() as session:
            fetched = record_rows(session, page, self._keys)
        self.fetches += 1
        self._cache.update(fetched)
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        return self._cache.get(record_id)

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._cache.clear()
        self.endResetModel()
        self.loaded.emit(len(self._ids))

    def invalidate(self, record_ids: list[int] | None = None) -> None:
        """Forget cached rows (all, or some) so they are read again; e.g. after a decision."""
        if record_ids is None:
            self._cache.clear()
        else:
            for rid in record_ids:
                self._cache.pop(rid, None)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    def load_now(self, flt: RecordFilter | None = None) -> None:
        """Load the ids on the calling thread (for tests and small workspaces)."""
        self.filter = flt or self.filter
        with self.workspace.db.session() as session:
            ids = record_ids(session, self.filter)
        self.set_ids(ids)


class RecordsView(QWidget):
    """Search box, state filters, count and the lazy table. ``fixed`` filters cannot be changed here."""

    record_activated = Signal(int)

    def __init__(self, workspace, parent: QWidget | None = None, columns: tuple[Column, ...] = COLUMNS,
                 fixed: RecordFilter | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.fixed = fixed or RecordFilter()
        self.model = RecordsModel(workspace, columns, self)
        self._pending = False
        self._loading = False
        self.search = QLineEdit()
        self.search.setPlaceholderText(str(tr("Tìm theo họ tên (có hoặc không dấu), số giấy tờ, mã mũi tiêm…",
                                              "Search by name (with or without marks), ID number, platform id…")))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(str(tr("Mọi trạng thái đối chiếu", "Any check status")), None)
        for key in CHECK_STATUSES:
            self.status.addItem(str(STATUS_NAMES.get(key, key)), key)
        self.stage = QComboBox()
        self.stage.addItem(str(tr("Mọi giai đoạn", "Any stage")), None)
        for key in STAGES:
            self.stage.addItem(str(STAGE_NAMES.get(key, key)), key)
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status)
        bar.addWidget(self.stage)
        bar.addWidget(self.count)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(24)
        horizontal = self.table.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setStretchLastSection(True)
        for i, column in enumerate(columns):
            self.table.setColumnWidth(i, 220 if column.key == "full_name" else 110)
        self.table.doubleClicked.connect(lambda index: self.record_activated.emit(self.model.record_id(index.row())))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.stage.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model.loaded.connect(self._show_count)

    def current_filter(self) -> RecordFilter:
        return replace(self.fixed, search=self.search.text() or self.fixed.search,
                       status=self.status.currentData() or self.fixed.status,
                       stage=self.stage.currentData() or self.fixed.stage)

    def refresh(self) -> None:
        """Reload the matching ids in the background; a refresh asked while one runs is done after it."""
        if self._loading:
            self._pending = True
            return
        self._loading = True
        flt = self.current_filter()
        workspace = self.workspace

        def load(_progress) -> tuple[RecordFilter, list[int], int]:
            with workspace.db.session() as session:
                return flt, record_ids(session, flt), count_records(session, flt)

        run_op(self, load, self._loaded, on_failure=self._failed, show_progress=False)

    def _loaded(self, result: tuple[RecordFilter, list[int], int]) -> None:
        self._loading = False
        if not isValid(self) or not isValid(self.model):
            return  # the view was closed while the ids were loading
        flt, ids, _total = result
        self.model.filter = flt
        self.model.set_ids(ids)
        if self._pending:
            self._pending = False
            self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        if not isValid(self):
            return
        from desktop.views.errors import present_error

        present_error(self, error)

    def _show_count(self, count: int) -> None:
        self.count.setText(str(tr("{n} bản ghi", "{n} records", n=format_number(count))))

    @property
    def busy(self) -> bool:
        return self._loading

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.record_id(r) for r in rows]
