"""The Certificates page: find a certificate, see its detail and history, print it, correct or revoke it.

The results table is lazy (ids from the search, rows loaded a page at a time), so 100,000
certificates scroll smoothly. Printing goes through one PDF: "Save PDF" writes it, "Print preview"
and "Print" render its pages (so paper and file never differ). Every print is counted once it has
happened. Dialogs are module functions so tests can replace them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy import and_

from desktop.accounts import can, require_role
from desktop.accounts.gate import require_acting
from desktop.certificates.corrections import correct_record
from desktop.certificates.detail import CertificateDetail, certificate_detail_of
from desktop.certificates.printing import print_certificates as print_to_pdf
from desktop.certificates.printing import record_prints, render_certificates
from desktop.certificates.revocation import revoke_certificate
from desktop.certificates.search import CertificateRow, SearchPage, certificate_rows, find_page
from desktop.errors import UserError
from desktop.i18n import format_date, format_datetime_local, format_number, tr
from desktop.overview import state_clause
from desktop.printing.form import FIELDS
from desktop.printing.qr import qr_png
from desktop.printing.raster import render_pages
from desktop.review.queue import scope_conditions
from desktop.views import dialogs
from desktop.views.context import AppContext
from desktop.views.errors import present_error
from desktop.views.operations import DbOp, NetOp
from desktop.views.pages.scope_bar import ScopeBar
from desktop.views.pages.search_filters import SearchFilterBar
from desktop.views.records_table import fit_headings

PAGE_SIZE = 200
STATUS_CHOICES = (
    ("", tr("Tất cả", "All")),
    ("valid", tr("Còn hiệu lực", "Valid")),
    ("new", tr("Mới, chưa in", "New, never printed")),
    ("expiring", tr("Sắp hết hạn", "Expiring soon")),
    ("expired", tr("Đã hết hạn", "Expired")),
    ("superseded", tr("Đã được thay thế", "Superseded")),
    ("revoked", tr("Đã thu hồi", "Revoked")),
)
STATUS_NAMES = {"valid": tr("Hiệu lực", "Valid"), "superseded": tr("Đã thay thế", "Superseded"),
                "revoked": tr("Đã thu hồi", "Revoked")}
VALIDITY_COLOURS = {"valid": "#1b5e20", "expiring": "#8a6d00", "expired": "#b71c1c", "superseded": "#6d4c41",
                    "revoked": "#b71c1c"}
COLUMNS = (
    (tr("Họ và tên", "Full name"), lambda r: r.full_name),
    (tr("Số định danh", "ID number"), lambda r: r.id_number),
    (tr("Ngày tiêm", "Vaccinated"), lambda r: format_date(r.vaccination_date)),
    (tr("Mã chứng nhận (UVCI)", "Certificate (UVCI)"), lambda r: r.uvci),
    (tr("Hết hạn", "Expires"), lambda r: format_date(r.expires_at[:10])),
    (tr("Trạng thái", "Status"), lambda r: str(STATUS_NAMES.get(r.status, tr(r.status, r.status)))),
    (tr("Số lần in", "Printed"), lambda r: str(r.printed_count)),
)
COLUMN_WIDTHS = (200, 120, 95, 170, 95, 110, 80)


# -- dialogs (tests replace these) -----------------------------------------------------------------


def ask_correction(parent: QWidget | None, detail: CertificateDetail) -> tuple[dict[str, str], str] | None:
    """The corrected values and the reason, or None when cancelled."""
    dialog = CorrectionDialog(parent, detail)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.values()


def ask_revocation_reason(parent: QWidget | None, uvci: str) -> str | None:
    reason = dialogs.ask_text(parent, str(tr("Thu hồi chứng nhận", "Revoke certificate")), str(tr(
        "Lý do thu hồi {uvci} (cấp nhầm…). Chứng nhận sẽ mất hiệu lực, không có chứng nhận thay thế:",
        "Why revoke {uvci} (issued in error…)? It stops being valid and is not replaced:", uvci=uvci)))
    return reason.strip() if reason else None


def ask_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


def show_print_preview(parent: QWidget | None, printer: QPrinter, paint) -> bool:
    """Qt's print preview; True when the clerk printed from it."""
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle(str(tr("Xem trước bản in", "Print preview")))
    preview.paintRequested.connect(paint)
    preview.resize(900, 1000)
    return preview.exec() == QDialog.DialogCode.Accepted


# -- the lazy table ----------------------------------------------------------------------------------


class CertificateTableModel(QAbstractTableModel):
    """Holds the matching ids; loads rows a page at a time when the view asks for them."""

    def __init__(self, load_page, parent=None):
        super().__init__(parent)
        self._load_page = load_page
        self._ids: list[int] = []
        self._rows: dict[int, CertificateRow] = {}
        self._next_page = None

    def set_ids(self, ids: list[int], next_page=None) -> None:
        """``next_page(last_id)``: the following page of the search, while there are more."""
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = {}
        self._next_page = next_page
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and bool(self._ids) and self._next_page is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if not self.canFetchMore(parent):
            return
        page = self._next_page(self._ids[-1])
        if page.ids:
            self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(page.ids) - 1)
            self._ids += page.ids
            self.endInsertRows()
        self._next_page = self._next_page if page.more and page.ids else None

    def ids(self) -> list[int]:
        return list(self._ids)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return str(COLUMNS[section][0])
        return None

    def row(self, index: int) -> CertificateRow | None:
        if not 0 <= index < len(self._ids):
            return None
        cert_id = self._ids[index]
        if cert_id not in self._rows:
            start = index - index % PAGE_SIZE
            for row in self._load_page(self._ids[start:start + PAGE_SIZE]):
                self._rows[row.id] = row
        return self._rows.get(cert_id)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        row = self.row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[index.column()][1](row)
        if role == Qt.ItemDataRole.ForegroundRole and row.status != "valid":
            return QColor("#888888")
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


# -- the correction dialog ---------------------------------------------------------------------------


class CorrectionDialog(QDialog):
    """Name, date of birth and dose as the certificate has them, to correct, with a required reason."""

    FIELDS = (("full_name", tr("Họ và tên", "Full name")), ("date_of_birth", tr("Ngày sinh", "Date of birth")),
              ("dose_number", tr("Mũi tiêm số", "Dose number")), ("sd", tr("Tổng số mũi", "Doses in series")))

    def __init__(self, parent: QWidget | None, detail: CertificateDetail):
        super().__init__(parent)
        self.setWindowTitle(str(tr("Đính chính chứng nhận", "Correct the certificate")))
        entry = (detail.dcc.get("v") or [{}])[0]
        self._old = {"full_name": detail.form.full_name, "date_of_birth": str(detail.dcc.get("dob", "")),
                     "dose_number": str(entry.get("dn", "")), "sd": str(entry.get("sd", ""))}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(str(tr(
            "Bản đính chính được đối chiếu lại với CSDL dân cư, ký số và gửi như bản ghi mới; chứng nhận cũ "
            "sẽ bị thay thế và không in được nữa.",
            "The correction is checked against the population registry again, signed and sent like a new "
            "record; the old certificate is then superseded and can no longer be printed."))))
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for key, label in self.FIELDS:
            edit = QLineEdit(self._old[key])
            edit.setObjectName(f"correct_{key}")
            self.edits[key] = edit
            form.addRow(str(label), edit)
        self.reason = QLineEdit()
        self.reason.setObjectName("correct_reason")
        form.addRow(str(tr("Lý do (bắt buộc)", "Reason (required)")), self.reason)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> tuple[dict[str, str], str]:
        changes = {k: e.text().strip() for k, e in self.edits.items() if e.text().strip() != self._old[k]}
        return changes, self.reason.text().strip()


# -- the page ----------------------------------------------------------------------------------------


class _DetailPane(QWidget):
    """The detail column: as tall as its wrapped values need at its width, so the scroll area scrolls it
    instead of squeezing a two-line value into one line (a scroll area sizes its widget from the
    one-line minimum)."""

    def fit_height(self) -> None:
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            self.setMinimumHeight(layout.heightForWidth(self.width()))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_height()


class CertificatesPage(QWidget):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.detail: CertificateDetail | None = None
        self._search_serial = 0
        self._detail_serial = 0
        # "those records" opened from the overview: {"state", "list_id", "vaccination_date"}; the table
        # shows only the certificates of those records until the clerk clears it
        self.scope: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{tr('Chứng nhận', 'Certificates')}</h2>"))

        bar = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("certificateSearch")
        self.search_edit.setPlaceholderText(str(tr(
            "Tìm theo tên (có hoặc không dấu), số định danh, mã UVCI hoặc ngày (dd/mm/yyyy)…",
            "Search by name (with or without marks), ID number, UVCI or date (dd/mm/yyyy)…")))
        self.search_edit.setClearButtonEnabled(True)
        self.status_combo = QComboBox()
        for value, label in STATUS_CHOICES:
            self.status_combo.addItem(str(label), value)
        self.layout_combo = QComboBox()
        self.layout_combo.addItem(str(tr("Khổ A4", "A4 page")), "a4")
        self.layout_combo.addItem(str(tr("Thẻ gấp A5", "Folded A5 card")), "card")
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.status_combo)
        bar.addWidget(QLabel(str(tr("Mẫu in:", "Layout:"))))
        bar.addWidget(self.layout_combo)
        layout.addLayout(bar)
        self.filter_bar = SearchFilterBar(ctx, self)
        layout.addWidget(self.filter_bar)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self.scope_bar = ScopeBar(str(tr("Xem mọi chứng nhận", "Show all certificates")))
        self.scope_label, self.scope_clear = self.scope_bar.label, self.scope_bar.clear_button
        self.scope_bar.cleared.connect(self.clear_scope)
        layout.addWidget(self.scope_bar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.model = CertificateTableModel(self._load_page, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):  # names and 12-digit ID numbers whole
            self.table.setColumnWidth(column, width)
        fit_headings(self.table.horizontalHeader())
        self.table.setAccessibleName(str(tr("Danh sách chứng nhận", "Certificates")))
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_detail_pane())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([690, 410])  # at 1366×768: the grid's names, IDs and dates whole beside the detail
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.print_button = QPushButton(str(tr("In…", "Print…")))
        self.preview_button = QPushButton(str(tr("Xem trước bản in…", "Print preview…")))
        self.save_button = QPushButton(str(tr("Lưu PDF…", "Save PDF…")))
        self.new_button = QPushButton(str(tr("Lưu PDF các chứng nhận mới…", "Save all new as PDF…")))
        self.correct_button = QPushButton(str(tr("Đính chính…", "Correct…")))
        self.revoke_button = QPushButton(str(tr("Thu hồi…", "Revoke…")))
        self.print_button.setShortcut("Ctrl+P")
        for button in (self.print_button, self.preview_button, self.save_button, self.new_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.revoke_button)
        layout.addLayout(buttons)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.refresh)
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.filter_bar.changed.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._show_row(current.row()))
        self.print_button.clicked.connect(self.print_selected)
        self.preview_button.clicked.connect(self.preview_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.new_button.clicked.connect(self.save_all_new)
        self.correct_button.clicked.connect(self.correct_current)
        self.revoke_button.clicked.connect(self.revoke_current)
        ctx.records_changed.connect(self.refresh)
        ctx.user_changed.connect(self._update_buttons)
        self._update_buttons()
        self.refresh()

    # -- opened from the overview ------------------------------------------------------------------
    def apply_filter(self, filters: dict[str, Any]) -> None:
        """Show the certificates of the records in ``filters["state"]`` (of one list or day when given)."""
        state = filters.get("state")
        self.scope = ({"state": state, "list_id": filters.get("list_id"),
                       "vaccination_date": filters.get("vaccination_date")} if state else None)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.status_combo.blockSignals(True)
        self.status_combo.setCurrentIndex(0)  # the records' state decides; a status can narrow it further
        self.status_combo.blockSignals(False)
        self._show_scope()
        self.refresh()

    def clear_scope(self) -> None:
        self.scope = None
        self._show_scope()
        self.refresh()

    def _show_scope(self) -> None:
        self.scope_bar.show_scope(self.scope)

    # -- building ----------------------------------------------------------------------------------
    def _build_detail_pane(self) -> QWidget:
        pane = self.detail_pane = _DetailPane()
        column = QVBoxLayout(pane)
        self.validity_label = QLabel()
        self.validity_label.setObjectName("validity")
        self.validity_label.setWordWrap(True)
        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setMinimumSize(220, 220)
        column.addWidget(self.validity_label)
        column.addWidget(self.qr_label)
        fields = QFormLayout()
        self.field_labels: dict[str, QLabel | QLineEdit] = {}
        for key, vi, en in FIELDS:
            if key == "uvci":  # one long code: a read-only line scrolls it instead of widening the pane
                label = QLineEdit()
                label.setReadOnly(True)
                label.setFrame(False)
                label.setStyleSheet("background: transparent; padding: 0;")
            else:
                label = QLabel()
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.field_labels[key] = label
            fields.addRow(f"{tr(vi, en)}:", label)
        column.addLayout(fields)
        column.addWidget(QLabel(f"<b>{tr('Lịch sử', 'History')}</b>"))
        self.history_list = QListWidget()
        self.history_list.setObjectName("history")
        column.addWidget(self.history_list, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(pane)
        return scroll

    # -- searching ---------------------------------------------------------------------------------
    def _load_page(self, ids: list[int]) -> list[CertificateRow]:
        return certificate_rows(self.workspace, ids)

    def refresh(self) -> None:
        self._search_timer.stop()
        self._search_serial += 1
        serial = self._search_serial
        text, status = self.search_edit.text(), self.status_combo.currentData() or None
        scope = dict(self.scope) if self.scope else None
        filters = self.filter_bar.filters()

        where = _scope_condition(scope) if scope is not None else None

        def find(_progress):
            return find_page(self.workspace, text, status, filters=filters, records_where=where)

        def next_page(last: int) -> SearchPage:
            return find_page(self.workspace, text, status, filters=filters, records_where=where, before=last)

        (DbOp(self, find)
         .success(lambda page: self._show_results(serial, page.ids, page, next_page))
         .failure(self._search_failed)
         .run_in_background())

    def _search_failed(self, error: BaseException) -> None:
        """A query that cannot be understood (31/02/2021) is said under the box, not in a dialog."""
        if isinstance(error, UserError):
            self.count_label.setText(f'<span style="color:#b71c1c">{error.message}</span>')
        else:
            present_error(self, error)

    def _show_results(self, serial: int, ids: list[int], page: SearchPage | None = None, next_page=None) -> None:
        if serial != self._search_serial or not isValid(self.table):
            return  # a newer search is on its way, or the window closed meanwhile
        current = self.detail.row.id if self.detail else None
        self.model.set_ids(ids, next_page if page is not None and page.more else None)
        if page is not None and page.more:
            self.count_label.setText(str(tr("Hơn {n} chứng nhận (mới nhất trước; cuộn xuống để xem thêm)",
                                            "More than {n} certificates (newest first; scroll down for more)",
                                            n=format_number(len(ids)))))
        else:
            self.count_label.setText(str(tr("{n} chứng nhận", "{n} certificates", n=format_number(len(ids)))))
        row = ids.index(current) if current in ids else (0 if ids else -1)
        if row >= 0:
            self.table.selectRow(row)
            self._show_row(row)
        else:
            self._clear_detail()
        self._update_buttons()

    # -- detail ------------------------------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        item = self.model.row(row)
        if item is None:
            return
        self._detail_serial += 1
        serial = self._detail_serial
        if self.detail is not None and self.detail.row.id != item.id:
            self.detail = None  # never act on the previous person while the new detail loads
            self._update_buttons()

        def load(_progress):
            detail = certificate_detail_of(self.workspace, item.id)
            return detail, qr_png(detail.hc1, 3)

        DbOp(self, load).success(lambda result: self._show_detail(serial, *result)).run_in_background()

    def _show_detail(self, serial: int, detail: CertificateDetail, png: bytes) -> None:
        if serial != self._detail_serial or not isValid(self.validity_label):
            return  # a newer row was chosen, or the window closed while this one loaded
        self.detail = detail
        colour = VALIDITY_COLOURS.get(detail.validity.state, "#000000")
        self.validity_label.setText(f'<b style="color:{colour}">{detail.validity.message}</b>')
        image = QImage.fromData(png)
        self.qr_label.setPixmap(QPixmap.fromImage(image).scaled(
            220, 220, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation))
        for key, label in self.field_labels.items():
            label.setText(detail.form.shown(key))
            if isinstance(label, QLineEdit):
                label.setCursorPosition(0)  # the code's beginning in view
                label.setToolTip(label.text())
        self.detail_pane.fit_height()
        self.history_list.clear()
        for entry in detail.history:
            when = format_datetime_local(entry.at)
            who = f" — {entry.actor}" if entry.actor else ""
            self.history_list.addItem(f"{when}  {entry.message}{who}".strip())
        self._update_buttons()

    def _clear_detail(self) -> None:
        self.detail = None
        self.validity_label.clear()
        self.qr_label.clear()
        for label in self.field_labels.values():
            label.clear()
        self.history_list.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = bool(self.selected_ids())
        valid = self.detail is not None and self.detail.row.status == "valid"
        for button in (self.print_button, self.preview_button, self.save_button):
            button.setEnabled(has)
        may_correct, may_revoke = can(self.ctx.role, "correct"), can(self.ctx.role, "revoke")
        self.correct_button.setEnabled(may_correct and valid and self.detail.correction_record_id is None)
        self.revoke_button.setEnabled(may_revoke and valid)
        self.correct_button.setToolTip("" if may_correct else _refusal(self.ctx.role, "correct"))
        self.revoke_button.setToolTip("" if may_revoke else _refusal(self.ctx.role, "revoke"))

    def _permitted(self, action: str) -> bool:
        """Checked again when acting: the role may have changed since the buttons were drawn."""
        text = _refusal(self.ctx.role, action)
        if text:
            self.ctx.show_status(text)
            dialogs.show_warning(self, str(tr("Không được phép", "Not permitted")), text)
        return not text

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = self.model.ids()
        return [ids[r] for r in rows if 0 <= r < len(ids)]

    # -- printing ----------------------------------------------------------------------------------
    def _layout(self) -> str:
        return self.layout_combo.currentData() or "a4"

    def save_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._save_pdf(ids=ids)

    def save_all_new(self) -> None:
        self._save_pdf(all_new=True)

    def _save_pdf(self, ids: list[int] | None = None, all_new: bool = False) -> None:
        path = dialogs.ask_save_file(self, str(tr("Lưu chứng nhận thành PDF", "Save certificates as PDF")),
                                     "PDF (*.pdf)", str(self.workspace.exports_dir / "certificates.pdf"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        layout, actor = self._layout(), self.ctx.actor
        (DbOp(self, changes=self.ctx, fn=lambda progress: print_to_pdf(self.workspace, path, ids=ids or (), all_new=all_new,
                                                   layout=layout, actor=actor, progress=progress))
         .success(self._printed)
         .with_progress(str(tr("Đang tạo PDF…", "Writing the PDF…")))
         .run_in_background())

    def _printed(self, result) -> None:
        self.ctx.show_status(str(tr("Đã in {n} chứng nhận vào {file}", "Printed {n} certificates into {file}",
                                    n=result.pages, file=result.out)))

    def _render_then(self, then) -> None:
        """Render the selection to a temporary PDF (not counted yet) and hand it to ``then``."""
        ids = self.selected_ids()
        if not ids:
            return
        folder = Path(tempfile.mkdtemp(prefix="vaxdesk-print-"))
        pdf = folder / "certificates.pdf"
        layout = self._layout()
        (DbOp(self, lambda progress: render_certificates(self.workspace, pdf, ids=ids, layout=layout,
                                                          progress=progress))
         .success(lambda result: then(result, layout))
         .with_progress(str(tr("Đang chuẩn bị bản in…", "Preparing the print…")))
         .run_in_background())

    def preview_selected(self) -> None:
        self._render_then(self._preview)

    def _preview(self, result, layout: str) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if show_print_preview(self, printer, lambda target: paint_pdf(target, result.out)):
            self._count(result, layout, str(tr("máy in", "printer")))
        _remove_temporary(result.out)

    def print_selected(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not ask_printer(self, printer):
            return
        self._render_then(lambda result, layout: self._print(printer, result, layout))

    def _print(self, printer: QPrinter, result, layout: str) -> None:
        def paint(_progress, _db):
            paint_pdf(printer, result.out)
            return result

        def done(_result) -> None:
            _remove_temporary(result.out)
            self._count(result, layout, printer.printerName() or printer.outputFileName())

        (NetOp(self, paint)
         .success(done)
         .with_progress(str(tr("Đang gửi tới máy in…", "Sending to the printer…")))
         .run_in_background())

    def _count(self, result, layout: str, destination: str) -> None:
        actor = self.ctx.actor
        (DbOp(self, lambda _p: record_prints(self.workspace, result.uvcis, actor, destination, layout), changes=self.ctx)
         .success(lambda _n: self._printed(result))
         .run_in_background())

    # -- correcting and revoking --------------------------------------------------------------------
    def correct_current(self) -> None:
        detail = self.detail
        if detail is None or not self._permitted("correct"):
            return
        answer = ask_correction(self, detail)
        if answer is None:
            return
        changes, reason = answer
        actor, role, record_id = self.ctx.actor, self.ctx.role, detail.row.record_id

        def correct(_progress):
            require_acting(self.workspace, actor, role, "correct")
            return correct_record(self.workspace, record_id, changes, reason, actor).record_id

        DbOp(self, correct, changes=self.ctx).success(self._corrected).run_in_background()

    def _corrected(self, new_record_id: int) -> None:
        dialogs.show_info(self, str(tr("Đã tạo bản đính chính", "Correction created")), str(tr(
            "Bản ghi đính chính số {id} đã được tạo. Hãy đối chiếu, ký số và đồng bộ như bản ghi mới; khi có "
            "chứng nhận mới, chứng nhận cũ sẽ bị thay thế.",
            "Correction record {id} was created. Check, sign and sync it like new records; once its new "
            "certificate arrives, the old one is superseded.", id=new_record_id)))

    def revoke_current(self) -> None:
        detail = self.detail
        if detail is None or not self._permitted("revoke"):
            return
        uvci = detail.row.uvci
        reason = ask_revocation_reason(self, uvci)
        if not reason:
            return
        if not dialogs.confirm(self, str(tr("Xác nhận thu hồi", "Confirm revocation")), str(tr(
                "Thu hồi chứng nhận của {name} ({uvci})? Việc này được ký bằng USB token và không thể hoàn tác.",
                "Revoke the certificate of {name} ({uvci})? This is signed with the USB token and cannot be undone.",
                name=detail.form.full_name, uvci=uvci))):
            return
        from desktop.views.token_handler import QtSigningHandler

        handler = QtSigningHandler(self)
        actor, role = self.ctx.actor, self.ctx.role

        workspace = self.workspace

        def revoke(_progress, db):
            db(lambda: require_acting(workspace, actor, role, "revoke"))
            return revoke_certificate(workspace, uvci, reason, handler, actor, run_db=db)

        def done(result) -> None:
            self.ctx.show_status(str(tr("Đã thu hồi {uvci}", "Revoked {uvci}", uvci=result.uvci)))

        (NetOp(self, revoke, changes=self.ctx)
         .success(done)
         .with_progress(str(tr("Đang thu hồi…", "Revoking…")))
         .run_in_background())


def _refusal(role: str, action: str) -> str:
    """Why ``role`` may not do ``action`` (naming the role that may), or ""."""
    try:
        require_role(role, action)
    except UserError as error:
        return str(error.message)
    return ""


def _scope_condition(scope: dict[str, Any]) -> Any:
    """The records of the scope's state, list and day (a condition for ``find_page``)."""
    return and_(state_clause(scope["state"]), *scope_conditions(scope.get("list_id"), scope.get("vaccination_date")))


def paint_pdf(printer: QPrinter, pdf: str | Path) -> None:
    """Paint each page of ``pdf`` onto ``printer`` (a printer, a PDF writer or the preview)."""
    dpi = max(150, min(300, printer.resolution()))
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for number, image in enumerate(render_pages(pdf, dpi)):
            if number:
                printer.newPage()
            qimage = QImage(image.tobytes("raw", "RGB"), image.width, image.height, image.width * 3,
                            QImage.Format.Format_RGB888)
            target: QRect = painter.viewport()
            size = qimage.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.x(), target.y(), size.width(), size.height()), qimage)
    finally:
        painter.end()


def _remove_temporary(pdf: str | Path) -> None:
    path = Path(pdf)
    path.unlink(missing_ok=True)
    try:
        path.parent.rmdir()
    except OSError:
        pass


def create_page(ctx: AppContext) -> QWidget:
    return CertificatesPage(ctx)

