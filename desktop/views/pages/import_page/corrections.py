"""The rejected rows of a loaded list, corrected in the grid and loaded into the same list.

The cells a row was refused for are coloured; the clerk edits them in place (the vaccine from the
catalogue, sex as Nam/Nữ, dates as dd/mm/yyyy) and loads the corrected rows. Checking and storing
are ``desktop.importer.corrections``', run as ``DbOp``s.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.accounts import require_role
from desktop.errors import UserError
from desktop.i18n import format_number, tr
from desktop.importer.corrections import CorrectionResult, RejectedRows, import_corrected, rejected_rows
from desktop.importer.preview import vaccine_choices
from desktop.importer.values import BadValue, parse_date
from desktop.views.operations import DbOp
from desktop.views.pages.import_page.flags import ProblemDetail, by_cell, mark, mark_row_header

DATE_FIELDS = ("date_of_birth", "vaccination_date")
SEX_CHOICES = (("Nam", "Nam"), ("Nữ", "Nữ"))
EDITED = QColor("#d1e7dd")


def as_dmy(text: str, partial_ok: bool) -> str:
    """A date cell shown as dd/mm/yyyy when it reads as a full date (an Excel day number included)."""
    try:
        iso = parse_date(text, partial_ok)
    except BadValue:
        return text
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if len(iso) == 10 else text


class CorrectionDelegate(QStyledItemDelegate):
    """Editors by field: the catalogue for the vaccine, Nam/Nữ for sex, dd/mm/yyyy for dates."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.fields: dict[int, str] = {}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        key = self.fields.get(index.column(), "")
        if key in ("vaccine", "sex"):
            combo = QComboBox(parent)
            for label, value in (vaccine_choices() if key == "vaccine" else SEX_CHOICES):
                combo.addItem(label, value)
            combo.setPlaceholderText(str(tr("(chọn vắc xin)", "(pick a vaccine)") if key == "vaccine"
                                         else tr("(chọn)", "(choose)")))
            return combo
        editor = super().createEditor(parent, option, index)
        if key in DATE_FIELDS and isinstance(editor, QLineEdit):
            editor.setPlaceholderText("dd/mm/yyyy")
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        key = self.fields.get(index.column(), "")
        text = str(index.data() or "")
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(text))  # -1 (nothing chosen) for a name not in the list
            return
        if key in DATE_FIELDS and isinstance(editor, QLineEdit):
            editor.setText(as_dmy(text, key == "date_of_birth"))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            if editor.currentIndex() >= 0:
                model.setData(index, editor.currentData())
            return
        super().setModelData(editor, model, index)


class RejectedRowsPanel(QWidget):
    """``corrected`` is emitted with the ``CorrectionResult`` after corrected rows were loaded."""

    corrected = Signal(object)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list_id: int | None = None
        self.rows: RejectedRows | None = None
        self.edited: set[int] = set()
        self.busy = False
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.intro = QLabel(str(tr(
            "Sửa các ô tô màu ngay trong bảng (bấm đúp hoặc F2; vắc xin chọn trong danh mục, giới tính Nam/Nữ, ngày "
            "dd/mm/yyyy), rồi bấm “Nhập các dòng đã sửa”. Di chuột lên ô để xem lý do.",
            "Correct the coloured cells in the grid (double-click or F2; the vaccine from the catalogue, sex Nam/Nữ, "
            "dates dd/mm/yyyy), then press “Load the corrected rows”. Hover a cell for the reason.")))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.delegate = CorrectionDelegate(self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.itemChanged.connect(self._edited)
        layout.addWidget(self.table, 1)
        self.detail = ProblemDetail(self.table)
        layout.addWidget(self.detail)
        bar = QHBoxLayout()
        self.load_button = QPushButton(str(tr("Nhập các dòng đã sửa", "Load the corrected rows")))
        self.load_button.setEnabled(False)
        self.load_button.clicked.connect(self.load_corrected)
        self.status = QLabel()
        self.status.setWordWrap(True)
        bar.addWidget(self.load_button)
        bar.addWidget(self.status, 1)
        layout.addLayout(bar)

    # -------------------------------------------------------------- the rows
    def clear(self) -> None:
        self.list_id = None
        self.rows = None
        self.edited.clear()
        self._filling = True
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self._filling = False
        self.status.clear()
        self.load_button.setEnabled(False)

    def show_list(self, list_id: int) -> None:
        """Read the rows of list ``list_id`` still rejected, in the background."""
        self.list_id = list_id
        self.busy = True
        workspace = self.ctx.workspace
        (DbOp(self, lambda _p: rejected_rows(workspace, list_id))
         .success(self._show_rows).failure(self._failed).run_in_background())

    def _failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        from desktop.views.errors import present_error

        self.busy = False
        present_error(self, error)

    def _show_rows(self, rows: RejectedRows) -> None:
        if not isValid(self):
            return
        self.busy = False
        if rows.list_id != self.list_id:
            return  # another list was chosen meanwhile
        self.rows = rows
        self.edited.clear()
        self.delegate.fields = dict(rows.fields)
        table = self.table
        self._filling = True
        table.clear()
        table.setColumnCount(len(rows.headers))
        table.setRowCount(len(rows.rows))
        table.setHorizontalHeaderLabels([h or f"#{i + 1}" for i, h in enumerate(rows.headers)])
        for r, rejected in enumerate(rows.rows):
            cells = by_cell(rejected.problems)
            mark_row_header(table, r, rejected.row, cells.get((rejected.row, None), []))
            for c, value in enumerate(rejected.cells):
                item = QTableWidgetItem(value)
                mark(item, cells.get((rejected.row, c), []))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        for c in range(table.columnCount()):
            table.setColumnWidth(c, min(table.columnWidth(c), 260))
        self._filling = False
        self.load_button.setEnabled(False)

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or self.rows is None:
            return
        self.edited.add(self.rows.rows[item.row()].row)
        self._filling = True
        item.setBackground(EDITED)
        item.setForeground(QColor("#0f5132"))
        item.setToolTip(str(tr("Đã sửa; sẽ được kiểm tra lại khi nhập.", "Corrected; checked again when loaded.")))
        self._filling = False
        self.load_button.setEnabled(not self.busy)

    # -------------------------------------------------------------- loading
    def corrected_cells(self) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        if self.rows is None:
            return out
        for r, rejected in enumerate(self.rows.rows):
            if rejected.row in self.edited:
                out[rejected.row] = [(self.table.item(r, c).text() if self.table.item(r, c) else "")
                                     for c in range(self.table.columnCount())]
        return out

    def load_corrected(self) -> None:
        corrected = self.corrected_cells()
        if self.list_id is None or not corrected or self.busy:
            return
        try:
            require_role(self.ctx.role, "import")  # the same gate as the import itself
        except UserError as error:
            self._failed(error)
            return
        workspace, list_id, actor = self.ctx.workspace, self.list_id, self.ctx.actor
        self.busy = True
        self.load_button.setEnabled(False)
        self.status.setText(str(tr("Đang nhập các dòng đã sửa…", "Loading the corrected rows…")))
        (DbOp(self, lambda _p: import_corrected(workspace, list_id, corrected, actor), changes=self.ctx,
              changed_if=lambda result: bool(result.loaded))
         .success(self._loaded).failure(self._failed).run_in_background())

    def _loaded(self, result: CorrectionResult) -> None:
        if not isValid(self):
            return
        self.busy = False
        parts = [tr("Đã nhập {n} dòng đã sửa ({records} bản ghi) vào danh sách {id}.",
                    "Loaded {n} corrected rows ({records} records) into list {id}.",
                    n=format_number(result.loaded), records=format_number(result.records), id=result.list_id)]
        if result.duplicates:
            parts.append(tr("{n} dòng đã có, không nhập lại.", "{n} rows already loaded, not loaded again.",
                            n=format_number(result.duplicates)))
        if result.still_rejected:
            parts.append(tr("{n} dòng vẫn còn lỗi: xem các ô tô màu.", "{n} rows still have problems: see the "
                            "coloured cells.", n=format_number(result.still_rejected)))
        self.status.setText(" ".join(str(p) for p in parts))
        self.corrected.emit(result)
        if result.list_id == self.list_id:
            self.show_list(result.list_id)
