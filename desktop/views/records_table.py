"""The records grid: a lazy model over record ids, filtered and sorted in SQL, with search and state filters.

The model holds only the ordered ids of the matching records; rows are read in pages of ``PAGE``
when the view first shows them and kept in a bounded cache, so 100,000 records scroll smoothly.
The id list itself is loaded in the background (``DbOp``). Other pages reuse ``RecordsView``
(with ``fixed`` filters and their own columns) or ``RecordsModel`` directly.

As a grid clerks know from spreadsheets: a click on a header sorts (in SQL), widths and column order
are remembered per grid, states show as coloured chips, a cut-off value shows whole on hover,
Enter or a double click opens a record, Ctrl+F goes to the search box and Ctrl+C copies the
selected rows (tab-separated, with headers) for a spreadsheet.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.i18n import Message, format_date, format_number, tr
from desktop.importer.queries import (
    LIST_COLUMNS,
    SORTABLE,
    RecordFilter,
    count_records,
    record_ids,
    record_rows,
)
from desktop.models import CHECK_STATUSES, STAGES
from desktop.views.operations import DbOp

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

# Chip colours (background) by state: green done, amber needs a person, red refused, grey waiting.
CHIP_COLOURS = {
    "matched": "#d7f0dd", "certified": "#d7f0dd", "signed": "#dbe8fb", "sent": "#dbe8fb",
    "mismatch": "#fde9c8", "not_found": "#fde9c8", "invalid_id": "#f9d6d5", "rejected_central": "#f9d6d5",
    "revoked": "#f9d6d5", "superseded": "#e6e6e6", "unchecked": "#eeeeee", "loaded": "#eeeeee",
}
CHIP_COLUMNS = ("check_status", "stage")
CHIP_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw state behind a chip


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
        if role == CHIP_ROLE:
            row = self.row_data(index.row())
            column = self.columns[index.column()]
            return row.get(column.key) if row and column.key in CHIP_COLUMNS else None
        if role == Qt.ItemDataRole.ToolTipRole:
            row = self.row_data(index.row())
            if not row:
                return None
            column = self.columns[index.column()]
            value = row.get(column.key)
            lines = [column.render(value)] if value not in (None, "") else []
            if row.get("flags"):
                lines.append(", ".join(row["flags"]))
            return "\n".join(lines) or None
        return None

    def copy_text(self, rows: list[int]) -> str:
        """The rows as tab-separated text with a header line, as spreadsheets paste it."""
        lines = ["\t".join(str(c.title) for c in self.columns)]
        for row in rows:
            lines.append("\t".join(str(self.data(self.index(row, col)) or "") for col in range(len(self.columns))))
        return "\n".join(lines) + "\n"

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


class ChipDelegate(QStyledItemDelegate):
    """Draws a state as a rounded, coloured chip with its name."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # type: ignore[override]
        state = index.data(CHIP_ROLE)
        if not state:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None and option.state & QStyle.StateFlag.State_Selected:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        metrics = option.fontMetrics
        rect = QRectF(option.rect).adjusted(3, 3, -3, -3)
        width = min(rect.width(), metrics.horizontalAdvance(text) + 20)  # padding, and room for rounding
        chip = QRectF(rect.left(), rect.top(), width, rect.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(CHIP_COLOURS.get(state, "#eeeeee")))
        painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
        painter.setPen(QColor("#202020"))
        inner = chip.adjusted(9, 0, -9, 0)
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width()) + 2))
        painter.restore()


class RecordsView(QWidget):
    """Search box, state filters, count and the lazy grid. ``fixed`` filters cannot be changed here.

    ``name`` keys the remembered column widths and order (one per grid)."""

    record_activated = Signal(int)

    def __init__(self, workspace, parent: QWidget | None = None, columns: tuple[Column, ...] = COLUMNS,
                 fixed: RecordFilter | None = None, name: str = "records"):
        super().__init__(parent)
        self.workspace = workspace
        self.fixed = fixed or RecordFilter()
        self.name = name
        self._sort: tuple[str | None, bool] = (None, False)
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
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        horizontal = self.table.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setStretchLastSection(True)
        horizontal.setSectionsMovable(True)
        horizontal.setSortIndicatorShown(True)
        horizontal.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        for i, column in enumerate(columns):
            self.table.setColumnWidth(i, _default_width(column.key))
        chips = ChipDelegate(self.table)
        for i, column in enumerate(columns):
            if column.key in CHIP_COLUMNS:
                self.table.setItemDelegateForColumn(i, chips)
        self._restore_columns()
        horizontal.sectionClicked.connect(self._sort_by)
        horizontal.sectionResized.connect(lambda *_: self._remember.start())
        horizontal.sectionMoved.connect(lambda *_: self._remember.start())
        self._remember = QTimer(self)
        self._remember.setSingleShot(True)
        self._remember.setInterval(400)
        self._remember.timeout.connect(self._save_columns)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)  # Enter on a row
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.Copy, self.table, self.copy_selection,
                  context=Qt.ShortcutContext.WidgetShortcut)
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
                       stage=self.stage.currentData() or self.fixed.stage,
                       sort=self._sort[0], descending=self._sort[1])

    # -------------------------------------------------------------- the grid's habits
    def _sort_by(self, section: int) -> None:
        key = self.model.columns[section].key if 0 <= section < len(self.model.columns) else None
        if key not in SORTABLE:
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            return
        descending = self._sort == (key, False)  # a second click on the same header reverses
        self._sort = (key, descending)
        self.table.horizontalHeader().setSortIndicator(
            section, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self.refresh()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.record_activated.emit(self.model.record_id(index.row()))

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def copy_selection(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if rows:
            QGuiApplication.clipboard().setText(self.model.copy_text(rows))

    def _settings_key(self) -> str:
        return f"grids/{self.name}/columns"

    def _save_columns(self) -> None:
        if isValid(self):
            QSettings("VaxDesk", "VaxDesk").setValue(self._settings_key(), self.table.horizontalHeader().saveState())

    def _restore_columns(self) -> None:
        state = QSettings("VaxDesk", "VaxDesk").value(self._settings_key())
        if state is not None:
            header = self.table.horizontalHeader()
            header.restoreState(state)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the order itself is not remembered

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

        DbOp(self, load).success(self._loaded).failure(self._failed).run_in_background()

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


def _default_width(key: str) -> int:
    """Wide enough for the whole value in most lists (names, 12-digit IDs, dates) at the default font."""
    return {"full_name": 230, "id_number": 130, "source_row": 60, "dose_number": 60, "sex": 80,
            "check_status": 140, "stage": 150, "vaccine_name": 200, "source_ref": 150}.get(key, 110)
