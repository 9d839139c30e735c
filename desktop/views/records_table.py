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
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QShortcut,
    QStaticText,
    QTransform,
)
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
    find_record_ids,
    record_rows_of,
)
from desktop.models import CHECK_STATUSES, STAGES
from desktop.review.queue import STATUS_LABELS
from desktop.views.operations import DbOp

PAGE = 100
CACHE_ROWS = 5000
WANTED_PAGES = 6  # pages still worth reading while the clerk scrolls on

# The same words as the review card and its filter (one vocabulary: desktop.review.queue).
STATUS_NAMES: dict[str, Message] = {status: STATUS_LABELS[status] for status in CHECK_STATUSES}
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
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_USER = int(Qt.ItemDataRole.UserRole)
_SELECTED = QStyle.StateFlag.State_Selected.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_WINDOW_ACTIVE = QStyle.StateFlag.State_Active.value
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus.value
_ACTIVE, _INACTIVE, _DISABLED = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive,
                                 QPalette.ColorGroup.Disabled)
_TEXT, _HIGHLIGHTED_TEXT = QPalette.ColorRole.Text, QPalette.ColorRole.HighlightedText
_ANSWERED = frozenset({_DISPLAY, _USER, CHIP_ROLE, int(Qt.ItemDataRole.ToolTipRole)})


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


def _texts_of(row: dict[str, Any], columns: tuple[Column, ...]) -> tuple[str, ...]:
    """A row's cells as the grid shows them (plain Python: also called on the database worker)."""
    return tuple("" if (value := row.get(c.key)) is None else c.render(value) for c in columns)


class RecordsModel(QAbstractTableModel):
    """Ordered record ids; row data fetched a page at a time from SQL and cached."""

    loaded = Signal(int)  # number of matching records, after each (re)load

    def __init__(self, workspace, columns: tuple[Column, ...] = COLUMNS, parent=None, background: bool = False):
        super().__init__(parent)
        self.workspace = workspace
        self.columns = columns
        self._titles: tuple[str, ...] | None = None
        self.background = background  # rows read on the database worker: painting never waits for SQL
        self._ids: list[int] = []
        self._cache: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self._texts: dict[int, tuple[dict[str, Any], tuple[str, ...]]] = {}  # by id: the row read, its texts
        self._generation = 0  # a new id list or a forgotten cache: pages asked before it are dropped
        self._asked: set[int] = set()  # first rows of the pages on their way
        self._wanted: list[int] = []  # the pages asked most recently (a fast scroll skips the others)
        self._reading: set[int] = set()  # first rows of the pages the database worker is reading
        self._queued = False
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
            if self._titles is None:  # the window is rebuilt for another language: kept for the model's life
                self._titles = tuple(str(c.title) for c in self.columns)
            return self._titles[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._ids):
            return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):
        # Called for every role of every painted cell (thousands per scroll step): the roles not
        # answered here leave at once, before any other work.
        if role not in _ANSWERED:
            return None
        number, column_number = index.row(), index.column()
        if not (0 <= number < len(self._ids)) or not (0 <= column_number < len(self.columns)):
            return None
        if role == _DISPLAY:
            row = self._shown_row(number)
            if row is None:
                return ""
            column = self.columns[column_number]
            value = row.get(column.key)
            return "" if value is None else column.render(value)
        if role == _USER:
            return self._ids[number]
        if role == CHIP_ROLE:
            column = self.columns[column_number]
            if column.key not in CHIP_COLUMNS:
                return None
            row = self._shown_row(number)
            return row.get(column.key) if row else None
        row = self.row_data(number)  # the tooltip: the row is on screen, so it is cached
        if not row:
            return None
        column = self.columns[column_number]
        value = row.get(column.key)
        lines = [column.render(value)] if value not in (None, "") else []
        if row.get("flags"):
            lines.append(", ".join(row["flags"]))
        return "\n".join(lines) or None

    def display_text(self, number: int, column_number: int) -> str:
        """A cell's text as the grid paints it ("" while its row is read), without a call through Qt."""
        if not (0 <= column_number < len(self.columns)):
            return ""
        texts = self.row_texts(number)
        return texts[column_number] if texts is not None else ""

    def row_texts(self, number: int) -> tuple[str, ...] | None:
        """Every column's text of a row as painted (formatted once per read of the row), or None while it is read."""
        if not (0 <= number < len(self._ids)):
            return None
        row = self._shown_row(number)
        if row is None:
            return None
        record_id = self._ids[number]
        kept = self._texts.get(record_id)
        if kept is None or kept[0] is not row:  # first shown, or read again since
            if len(self._texts) >= CACHE_ROWS:
                self._texts.clear()
            kept = self._texts[record_id] = (row, _texts_of(row, self.columns))
        return kept[1]

    def chip(self, number: int, column_number: int) -> tuple[str, str] | None:
        """A chip cell's state and its name, or None (not a chip column, or the row not read yet)."""
        if not (0 <= number < len(self._ids)) or not (0 <= column_number < len(self.columns)):
            return None
        column = self.columns[column_number]
        if column.key not in CHIP_COLUMNS:
            return None
        row = self._shown_row(number)
        state = row.get(column.key) if row else None
        return (state, column.render(state)) if state else None

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
        """The row's values, read now if they are not cached (copying, tests)."""
        record_id = self._ids[row]
        cached = self._cache.get(record_id)
        if cached is not None:
            return cached
        start = row - row % PAGE
        page = [i for i in self._ids[start:start + PAGE] if i not in self._cache]
        self._store(record_rows_of(self.workspace, page, self._keys))
        return self._cache.get(record_id)

    def _shown_row(self, row: int) -> dict[str, Any] | None:
        """What a painted cell shows: cached values, or nothing yet while its page is read in the background."""
        if not self.background:
            return self.row_data(row)
        cached = self._cache.get(self._ids[row])
        if cached is None:
            self._ask(row - row % PAGE)
        return cached

    def _ask(self, start: int) -> None:
        """Ask for a page; the pages one paint asks for are read together, once the paint is over."""
        if start in self._asked:
            return
        self._asked.add(start)
        self._wanted = [*self._wanted[-(WANTED_PAGES - 1):], start]
        if not self._queued:
            self._queued = True
            QTimer.singleShot(0, self, self._read_asked)

    def _read_asked(self) -> None:
        self._queued = False
        starts = [start for start in self._wanted if start in self._asked and start not in self._reading]
        if not starts:
            return
        self._reading.update(starts)
        generation, keys, workspace = self._generation, self._keys, self.workspace
        ids = [i for start in starts for i in self._ids[start:start + PAGE] if i not in self._cache]

        columns = self.columns

        def read(_progress) -> tuple[dict[int, dict[str, Any]], dict[int, tuple[str, ...]]] | None:
            if generation != self._generation or not set(starts) & set(self._wanted):
                return None  # scrolled past, or the list changed: not worth reading
            rows = record_rows_of(workspace, ids, keys)
            return rows, {record_id: _texts_of(row, columns) for record_id, row in rows.items()}  # formatted here

        def failed(_error: BaseException) -> None:
            self._reading.difference_update(starts)
            self._asked.difference_update(starts)

        DbOp(self, read).success(lambda rows: self._arrived(generation, starts, rows)).failure(
            failed).run_in_background()

    def _arrived(self, generation: int, starts: list[int],
                 read: tuple[dict[int, dict[str, Any]], dict[int, tuple[str, ...]]] | None) -> None:
        if generation != self._generation:
            return
        self._reading.difference_update(starts)
        self._asked.difference_update(starts)
        if read is None:
            return
        rows, texts = read
        self._store(rows)
        if len(self._texts) + len(texts) > CACHE_ROWS:
            self._texts.clear()
        self._texts.update((record_id, (rows[record_id], shown)) for record_id, shown in texts.items())
        first, last = min(starts), min(max(starts) + PAGE, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    def _store(self, rows: dict[int, dict[str, Any]]) -> None:
        self.fetches += 1
        self._cache.update(rows)
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)

    def _forget_asked(self) -> None:
        self._generation += 1
        self._asked.clear()
        self._reading.clear()
        self._wanted = []

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._cache.clear()
        self._forget_asked()
        self.endResetModel()
        self.loaded.emit(len(self._ids))

    def invalidate(self, record_ids: list[int] | None = None) -> None:
        """Forget cached rows (all, or some) so they are read again; e.g. after a decision."""
        self._forget_asked()
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
        self.set_ids(find_record_ids(self.workspace, self.filter))


class TextDelegate(QStyledItemDelegate):
    """Draws a records cell's text from laid-out lines kept for reuse (``QStaticText``).

    Qt's own item painting asks the model for seven roles and lays the text out again for every cell
    of every paint; a scroll step of the 100,000-record grid then spent over 20 ms of the GUI thread.
    Here a cell costs one call: its text (elided to the column's width once) is laid out the first
    time it is shown and drawn from the kept layout afterwards. Other models keep Qt's painting.
    """

    KEPT = 8000  # laid-out texts kept (a few screens of unique values: ids, row numbers)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._texts: dict[tuple[str, int], tuple[QStaticText, float]] = {}
        self._font: QFont | None = None
        self._margin = -1

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # type: ignore[override]
        model = index.model()
        if not isinstance(model, RecordsModel):
            super().paint(painter, option, index)
            return
        state = option.state.value
        rect = option.rect
        group = (_DISABLED if not state & _ENABLED else _ACTIVE if state & _WINDOW_ACTIVE else _INACTIVE)
        selected = state & _SELECTED
        if selected:
            painter.fillRect(rect, option.palette.brush(group, QPalette.ColorRole.Highlight))
        if state & _HAS_FOCUS and option.widget is not None:
            option.widget.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter,
                                                option.widget)
        text = model.display_text(index.row(), index.column())
        if not text:
            return
        margin = self.margin(option.widget)
        x, y, width, height = rect.getRect()
        width -= 2 * margin
        if width <= 0:
            return
        font = option.font
        line, line_height = self.line(text, width, font, option.fontMetrics)
        painter.setFont(font)
        painter.setPen(option.palette.color(group, _HIGHLIGHTED_TEXT if selected else _TEXT))
        painter.drawStaticText(x + margin, y + (height - line_height) // 2, line)


    def line(self, text: str, width: int, font: QFont, metrics: QFontMetrics) -> tuple[QStaticText, float]:
        """``text`` elided to ``width`` and laid out in ``font``, with its height: made once, then reused."""
        if font != self._font:
            self._texts.clear()
            self._font = QFont(font)  # a copy: a paint's option and its font end with the paint
        kept = self._texts.get((text, width))
        if kept is None:
            if len(self._texts) >= self.KEPT:
                self._texts.clear()
            line = self._laid_out(text, font)
            if line.size().width() > width:  # cut on the right, as Qt's own grid does
                line = self._laid_out(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width), font)
            kept = self._texts[(text, width)] = (line, line.size().height())
        return kept

    @staticmethod
    def _laid_out(text: str, font: QFont) -> QStaticText:
        line = QStaticText(text)
        line.setTextFormat(Qt.TextFormat.PlainText)
        line.prepare(QTransform(), font)
        return line

    def margin(self, widget: QWidget | None) -> int:
        if self._margin < 0:
            style = widget.style() if widget is not None else None
            self._margin = (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
                            if style is not None else 3)
        return self._margin


class ChipDelegate(TextDelegate):
    """Draws a state as a rounded, coloured chip with its name (each kind drawn once, then reused)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._chips: dict[tuple[str, str, int, int, float], QPixmap] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # type: ignore[override]
        model = index.model()
        if isinstance(model, RecordsModel):
            chip = model.chip(index.row(), index.column())
            if chip is None:  # not a chip column, or the row still being read: plain (or no) text
                super().paint(painter, option, index)
                return
        else:
            state = index.data(CHIP_ROLE)
            chip = (state, str(index.data(Qt.ItemDataRole.DisplayRole) or "")) if state else None
            if chip is None:
                QStyledItemDelegate.paint(self, painter, option, index)
                return
        if option.state.value & _SELECTED:
            style = option.widget.style() if option.widget else None
            if style is not None:
                style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        rect = option.rect
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect.topLeft(), self.picture(chip, rect.width(), rect.height(), ratio, option.font,
                                                        option.fontMetrics))

    def picture(self, chip: tuple[str, str], width: int, height: int, ratio: float, font: QFont,
                metrics: QFontMetrics) -> QPixmap:
        key = (chip[0], chip[1], width, height, ratio)
        picture = self._chips.get(key)
        if picture is None:
            if len(self._chips) > 512:
                self._chips.clear()
            picture = self._chips[key] = _draw_chip(chip[0], chip[1], font, metrics, width, height, ratio)
        return picture


def _draw_chip(state: str, text: str, font: QFont, metrics: QFontMetrics, width: int, height: int,
               ratio: float) -> QPixmap:
    picture = QPixmap(int(width * ratio), int(height * ratio))
    picture.setDevicePixelRatio(ratio)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    try:
        painter.setFont(font)
        rect = QRectF(0, 0, width, height).adjusted(3, 3, -3, -3)
        chip_width = min(rect.width(), metrics.horizontalAdvance(text) + 20)  # padding, and room for rounding
        chip = QRectF(rect.left(), rect.top(), chip_width, rect.height())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(CHIP_COLOURS.get(state, "#eeeeee")))
        painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
        painter.setPen(QColor("#202020"))
        inner = chip.adjusted(9, 0, -9, 0)
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(inner.width()) + 2))
    finally:
        painter.end()
    return picture


class RecordsTable(QTableView):
    """The records grid's view: its cells painted in one pass over the visible rows.

    A ``QTableView`` paints cell by cell through its delegate: for every cell a style option is
    built and handed to Python, with the model asked for its size on the way, so a full screen of
    the grid (300 cells) cost the GUI thread 15–25 ms on a busy two-core machine whatever the
    delegate did. Over a ``RecordsModel`` this view paints what Qt would (row backgrounds,
    selection, text elided on the right, chips, grid lines, the focus frame) in one Python call,
    with the delegates' kept layouts and chip pictures; any other model is painted by Qt.
    """

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        model = self.model()
        text_delegate = self.itemDelegate()
        if (not isinstance(model, RecordsModel) or not isinstance(text_delegate, TextDelegate)
                or self.isRightToLeft() or not model.rowCount()):
            super().paintEvent(event)
            return
        viewport = self.viewport()
        area = event.rect()
        vertical, horizontal = self.verticalHeader(), self.horizontalHeader()
        first = vertical.visualIndexAt(area.top())
        if first < 0:
            super().paintEvent(event)  # nothing but the empty area below the rows
            return
        last = vertical.visualIndexAt(area.bottom())
        last = model.rowCount() - 1 if last < 0 else last
        left, right = horizontal.visualIndexAt(area.left()), horizontal.visualIndexAt(area.right())
        left = 0 if left < 0 else left
        right = horizontal.count() - 1 if right < 0 else right
        columns = []  # (logical column, x, width, chip delegate or None)
        for visual in range(left, right + 1):
            logical = horizontal.logicalIndex(visual)
            if horizontal.isSectionHidden(logical):
                continue
            delegate = self.itemDelegateForColumn(logical)
            columns.append((logical, horizontal.sectionViewportPosition(logical), horizontal.sectionSize(logical),
                            delegate if isinstance(delegate, ChipDelegate) else None))
        palette = self.palette()
        group = (_DISABLED if not self.isEnabled() else _ACTIVE if self.isActiveWindow() else _INACTIVE)
        base_alternate = palette.brush(group, QPalette.ColorRole.AlternateBase)
        highlight = palette.brush(group, QPalette.ColorRole.Highlight)
        text_pen, selected_pen = palette.color(group, _TEXT), palette.color(group, _HIGHLIGHTED_TEXT)
        grid = 1 if self.showGrid() else 0
        alternate = self.alternatingRowColors()
        selection = self.selectionModel()
        root = self.rootIndex()
        font = self.font()
        metrics = self.fontMetrics()
        margin = text_delegate.margin(self)
        ratio = viewport.devicePixelRatioF()
        painter = QPainter(viewport)
        try:
            painter.setFont(font)
            rows = []
            for row in range(first, last + 1):
                if vertical.isSectionHidden(row):
                    continue
                y, height = vertical.sectionViewportPosition(row), vertical.sectionSize(row)
                selected = selection is not None and selection.isRowSelected(row, root)
                rows.append((y, height))
                texts = model.row_texts(row)
                painter.setPen(selected_pen if selected else text_pen)
                for logical, x, width, chip_delegate in columns:
                    cell_w, cell_h = width - grid, height - grid
                    if selected:
                        painter.fillRect(x, y, cell_w, cell_h, highlight)
                    elif alternate and row % 2:
                        painter.fillRect(x, y, cell_w, cell_h, base_alternate)
                    if chip_delegate is not None:
                        chip = model.chip(row, logical)
                        if chip is not None:
                            painter.drawPixmap(x, y, chip_delegate.picture(chip, cell_w, cell_h, ratio, font, metrics))
                            continue
                    text = texts[logical] if texts is not None else ""
                    if not text or cell_w - 2 * margin <= 0:
                        continue
                    line, line_height = text_delegate.line(text, cell_w - 2 * margin, font, metrics)
                    painter.drawStaticText(x + margin, y + (cell_h - line_height) // 2, line)
            if grid and rows:
                option = QStyleOptionViewItem()
                self.initViewItemOption(option)
                colour = QColor.fromRgba(self.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, self)
                                         & 0xFFFFFFFF)
                painter.setPen(QPen(colour, 0, self.gridStyle()))
                top, bottom = rows[0][0], rows[-1][0] + rows[-1][1] - 1
                x_left, x_right = columns[0][1] if columns else 0, (columns[-1][1] + columns[-1][2] - 1) if columns else 0
                for y, height in rows:
                    painter.drawLine(x_left, y + height - 1, x_right, y + height - 1)
                for _logical, x, width, _chip in columns:
                    painter.drawLine(x + width - 1, top, x + width - 1, bottom)
            current = self.currentIndex()
            if self.hasFocus() and current.isValid() and first <= current.row() <= last:
                option = QStyleOptionViewItem()
                self.initViewItemOption(option)
                option.rect = self.visualRect(current)
                option.state |= QStyle.StateFlag.State_HasFocus
                if selection is not None and selection.isSelected(current):
                    option.state |= QStyle.StateFlag.State_Selected
                self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self)
        finally:
            painter.end()


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
        self.model = RecordsModel(workspace, columns, self, background=True)
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
        self.table = RecordsTable()
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
        self.table.setItemDelegate(TextDelegate(self.table))
        chips = ChipDelegate(self.table)
        for i, column in enumerate(columns):
            if column.key in CHIP_COLUMNS:
                self.table.setItemDelegateForColumn(i, chips)
        self._restore_columns()
        fit_headings(self.table.horizontalHeader())
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

        def load(_progress) -> tuple[RecordFilter, list[int]]:
            return flt, find_record_ids(workspace, flt)

        DbOp(self, load).success(self._loaded).failure(self._failed).run_in_background()

    def _loaded(self, result: tuple[RecordFilter, list[int]]) -> None:
        self._loading = False
        if not isValid(self) or not isValid(self.model):
            return  # the view was closed while the ids were loading
        flt, ids = result
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


def fit_headings(header: QHeaderView) -> None:
    """Widen any column narrower than its heading (with room for the sort arrow), so no heading is cut.

    Called after a grid's widths are set or restored; the clerk may still narrow a column by hand.
    """
    model = header.model()
    if model is None:
        return
    style, metrics = header.style(), header.fontMetrics()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
    for section in range(header.count()):
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        needed = max(metrics.horizontalAdvance(line) for line in str(text).split("\n")) + 2 * margin + arrow + 2
        if header.sectionSize(section) < needed:
            header.resizeSection(section, needed)
