"""The certificates page's second search row: phone, insurance number, list, vaccine and a range of
vaccination days, combined with the name/ID/UVCI box above it."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop.certificates.search import SearchFilters, recent_lists
from desktop.dcc.vaccines import all_vaccines
from desktop.i18n import format_date, tr
from desktop.views.operations import DbOp


class SearchFilterBar(QWidget):
    changed = Signal()  # a quarter of a second after the clerk stops typing or choosing

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.phone = self._edit(tr("Số điện thoại", "Phone"), 130)
        self.insurance = self._edit(tr("Số thẻ BHYT", "Insurance no."), 150)
        self.list_combo = QComboBox()
        self.list_combo.setAccessibleName(str(tr("Danh sách", "List")))
        self.list_combo.addItem(str(tr("Mọi danh sách", "All lists")), None)
        self.vaccine_combo = QComboBox()
        self.vaccine_combo.setAccessibleName(str(tr("Vắc xin", "Vaccine")))
        self.vaccine_combo.addItem(str(tr("Mọi vắc xin", "All vaccines")), "")
        for vaccine in all_vaccines():
            self.vaccine_combo.addItem(vaccine.display, vaccine.mp)
        self.date_from = self._edit(tr("Từ dd/mm/yyyy", "From dd/mm/yyyy"), 140)
        self.date_to = self._edit(tr("Đến dd/mm/yyyy", "To dd/mm/yyyy"), 140)
        # every hint whole, beside its clear button; the vaccine names give way (full name in the list)
        self.vaccine_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.vaccine_combo.setMinimumContentsLength(14)
        for edit in (self.phone, self.insurance, self.date_from, self.date_to):
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 40)
        self.clear_button = QPushButton(str(tr("Bỏ lọc", "Clear filters")))
        self.clear_button.clicked.connect(self.clear)
        for widget in (self.phone, self.insurance, self.list_combo, self.vaccine_combo, self.date_from, self.date_to):
            row.addWidget(widget)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.changed)
        for edit in (self.phone, self.insurance, self.date_from, self.date_to):
            edit.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.list_combo, self.vaccine_combo):
            combo.currentIndexChanged.connect(lambda _i: self._timer.start())
        self._load_lists()
        ctx.records_changed.connect(self._load_lists)  # a list loaded meanwhile can be chosen

    def _edit(self, label, width: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(str(label))
        edit.setAccessibleName(str(label))
        edit.setClearButtonEnabled(True)
        edit.setMaximumWidth(width + 40)
        return edit

    def _load_lists(self) -> None:
        workspace = self.ctx.workspace

        def lists(_progress):
            return [(item.list_id, f"{item.file_name} ({format_date(item.imported_on) if item.imported_on else ''})")
                    for item in recent_lists(workspace)]

        (DbOp(self, lists)
         .success(self._show_lists)
         .failure(lambda _e: None)
         .run_in_background())

    def _show_lists(self, lists: list[tuple[int, str]]) -> None:
        chosen = self.list_combo.currentData()
        self.list_combo.blockSignals(True)
        while self.list_combo.count() > 1:
            self.list_combo.removeItem(1)
        for list_id, label in lists:
            self.list_combo.addItem(label, list_id)
        self.list_combo.setCurrentIndex(max(0, self.list_combo.findData(chosen)) if chosen is not None else 0)
        self.list_combo.blockSignals(False)

    def filters(self) -> SearchFilters:
        return SearchFilters(phone=self.phone.text().strip(), insurance_number=self.insurance.text().strip(),
                             list_id=self.list_combo.currentData(), vaccine=self.vaccine_combo.currentData() or "",
                             date_from=self.date_from.text().strip(), date_to=self.date_to.text().strip())

    def clear(self) -> None:
        for edit in (self.phone, self.insurance, self.date_from, self.date_to):
            edit.clear()
        self.list_combo.setCurrentIndex(0)
        self.vaccine_combo.setCurrentIndex(0)
