"""Import page: open or drop a list, see how it will be read and what is wrong in it, load it in the
background, see the outcome, correct the rejected rows in place.

The page only shows and asks; reading, checking and storing are ``desktop.importer``'s, run through
``DbOp``. In the second tab, every record in the lazy records table.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.accounts import require_role
from desktop.errors import UserError
from desktop.i18n import format_number, tr
from desktop.importer import export_rejected, field_choices, import_file, preview_file
from desktop.importer.fields import FIELD_BY_KEY
from desktop.importer.preview import ListCheck, check_file, problem_name
from desktop.views import dialogs
from desktop.views.operations import DbOp, NetOp, Operation
from desktop.views.pages.import_page.corrections import RejectedRowsPanel
from desktop.views.pages.import_page.flags import ProblemDetail, by_cell, mark, mark_row_header, tooltip
from desktop.views.records_table import RecordsView

# overview state -> the closest (check status, stage) of the records table
STATE_FILTERS: dict[str, tuple[str | None, str | None]] = {
    "loaded": ("unchecked", "loaded"),
    "needs_review": (None, "loaded"),
    "ready_to_sign": ("matched", "loaded"),
    "signed": (None, "signed"),
    "sent": (None, "sent"),
    "certified": (None, "certified"),
    "rejected": (None, "rejected_central"),
}
FILE_FILTER = "Danh sách / Lists (*.xlsx *.xls *.csv *.txt);;* (*)"
LIST_SUFFIXES = (".xlsx", ".xls", ".csv", ".txt", ".tsv")


def _column_name(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


class ImportPage(QWidget):
    """``imported`` is emitted with the result after a successful import."""

    imported = Signal(object)

    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.path: Path | None = None
        self.preview = None
        self.result = None
        self.operation: Operation | None = None
        self.check: ListCheck | None = None
        self.check_operation: Operation | None = None
        self.mapping_combos: dict[str, QComboBox] = {}
        self.column_map: dict[str, int] | None = None
        self.setAcceptDrops(True)

        self.tabs = QTabWidget()
        load_tab = QWidget()
        layout = QVBoxLayout(load_tab)
        top = QHBoxLayout()
        self.open_button = QPushButton(str(tr("Mở tệp danh sách…", "Open list file…")))
        self.open_button.setToolTip(str(tr("Hoặc kéo thả tệp .xlsx, .xls, .csv vào đây",
                                           "Or drag and drop an .xlsx, .xls or .csv file here")))
        self.open_button.clicked.connect(self.choose_file)
        self.file_label = QLabel(str(tr("Chưa chọn tệp. Kéo thả tệp vào đây hoặc bấm “Mở tệp”.",
                                        "No file yet. Drop a file here or press “Open”.")))
        self.file_label.setWordWrap(True)
        top.addWidget(self.open_button)
        top.addWidget(self.file_label, 1)
        layout.addLayout(top)

        self.preview_table = QTableWidget()
        self.preview_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.TextFormat.RichText)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        self.cell_detail = ProblemDetail(self.preview_table)
        preview_layout.addWidget(self.preview_table, 1)
        preview_layout.addWidget(self.cell_detail)
        preview_layout.addWidget(self.check_label)

        self.mapping_box = QGroupBox(str(tr("Chọn cột cho các trường chưa nhận ra", "Map the columns not recognised")))
        self.mapping_form = QFormLayout(self.mapping_box)
        self.apply_mapping_button = QPushButton(str(tr("Áp dụng và xem lại", "Apply and preview again")))
        self.apply_mapping_button.clicked.connect(self.apply_mapping)
        self.mapping_box.setVisible(False)
        preview_layout.addWidget(self.mapping_box)

        actions = QHBoxLayout()
        self.import_button = QPushButton(str(tr("Nhập danh sách", "Import list")))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(str(tr("Huỷ", "Cancel")))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        actions.addWidget(self.import_button)
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.cancel_button)
        preview_layout.addLayout(actions)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        preview_layout.addWidget(self.summary)
        self.results = QTabWidget()
        self.results.setVisible(False)
        issues_tab = QWidget()
        issues_layout = QVBoxLayout(issues_tab)
        issues_layout.setContentsMargins(0, 0, 0, 0)
        self.issues_table = QTableWidget(0, 4)
        self.issues_table.setHorizontalHeaderLabels([str(tr("Dòng", "Row")), str(tr("Cột", "Column")),
                                                     str(tr("Giá trị", "Value")), str(tr("Lý do", "Reason"))])
        self.issues_table.horizontalHeader().setStretchLastSection(True)
        self.issues_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.issues_table.setWordWrap(True)
        issues_layout.addWidget(self.issues_table, 1)
        self.export_button = QPushButton(str(tr("Xuất các dòng bị từ chối…", "Export rejected rows…")))
        self.export_button.setVisible(False)
        self.export_button.clicked.connect(self.export_rejected)
        issues_layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.corrections = RejectedRowsPanel(ctx, self)
        self.corrections.corrected.connect(self._corrected)
        self.results.addTab(issues_tab, str(tr("Lý do", "Reasons")))
        self.results.addTab(self.corrections, str(tr("Sửa các dòng bị từ chối", "Correct the rejected rows")))
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(preview_box)
        self.splitter.addWidget(self.results)
        layout.addWidget(self.splitter, 1)

        self.records = RecordsView(self.workspace, self)
        self.list_scope = QLabel()
        self.list_scope_clear = QPushButton(str(tr("Mọi danh sách", "All lists")))
        self.list_scope_clear.clicked.connect(self.clear_list_scope)
        scope_row = QHBoxLayout()
        scope_row.setContentsMargins(0, 0, 0, 0)
        scope_row.addWidget(self.list_scope, 1)
        scope_row.addWidget(self.list_scope_clear)
        self.list_scope_bar = QWidget()
        self.list_scope_bar.setLayout(scope_row)
        self.list_scope_bar.setVisible(False)
        self.records.layout().insertWidget(0, self.list_scope_bar)
        self.tabs.addTab(load_tab, str(tr("Nhập danh sách", "Load a list")))
        self.tabs.addTab(self.records, str(tr("Tất cả bản ghi", "All records")))
        outer = QVBoxLayout(self)
        outer.addWidget(self.tabs)
        ctx.records_changed.connect(self.records.refresh)
        ctx.user_changed.connect(self._role_changed)
        self._role_changed()
        self.records.refresh()

    # -------------------------------------------------------------- who may import
    def _refusal(self) -> str:
        try:
            require_role(self.ctx.role, "import")
        except UserError as error:
            return str(error.message)
        return ""

    def _role_changed(self) -> None:
        refusal = self._refusal()
        self.open_button.setEnabled(not refusal and self.operation is None)
        self.open_button.setToolTip(refusal or str(tr("Hoặc kéo thả tệp .xlsx, .xls, .csv vào đây",
                                                      "Or drag and drop an .xlsx, .xls or .csv file here")))
        self.import_button.setEnabled(not refusal and self.preview is not None and self.preview.ok
                                      and self.operation is None)

    # -------------------------------------------------------------- opened from the overview
    def apply_filter(self, filters: dict[str, Any]) -> None:
        """Show "those records" in the records table: the closest check status and stage of
        ``filters["state"]``, and only ``filters["list_id"]`` when given."""
        state = filters.get("state")
        if not state:
            self.tabs.setCurrentIndex(0)  # nothing loaded yet: the way in is loading a list
            return
        status, stage = STATE_FILTERS.get(state, (None, None))
        view = self.records
        list_id = filters.get("list_id")
        view.fixed = replace(view.fixed, list_id=list_id)
        self.list_scope.setText(str(tr("Chỉ các bản ghi của danh sách số {id}", "Only the records of list {id}",
                                       id=list_id)))
        self.list_scope_bar.setVisible(list_id is not None)
        for combo, value in ((view.status, status), (view.stage, stage)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        view.search.blockSignals(True)
        view.search.clear()
        view.search.blockSignals(False)
        self.tabs.setCurrentWidget(view)
        view.refresh()

    # -------------------------------------------------------------- choosing a file
    def choose_file(self) -> None:
        path = dialogs.ask_open_file(self, str(tr("Chọn danh sách tiêm", "Choose a vaccination list")), FILE_FILTER)
        if path:
            self.load_preview(Path(path))

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._dropped_path(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        path = self._dropped_path(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.load_preview(path)

    @staticmethod
    def _dropped_path(mime) -> Path | None:
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in LIST_SUFFIXES:
                return Path(url.toLocalFile())
        return None

    # -------------------------------------------------------------- preview and mapping
    def load_preview(self, path: Path, column_map: dict[str, int] | None = None) -> None:
        self.clear_results()
        self.path = path
        self.column_map = column_map
        self._stop_check()
        self.check = None
        self.check_label.clear()
        self.cell_detail.follow(-1, -1)
        self.file_label.setText(str(tr("Đang đọc {file}…", "Reading {file}…", file=path.name)))
        self.import_button.setEnabled(False)
        (NetOp(self, lambda _p, _db: preview_file(path, column_map))
         .success(self._show_preview)
         .failure(self._preview_failed)
         .run_in_background())

    def _preview_failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        from desktop.views.errors import present_error

        self.file_label.setText(str(tr("Không đọc được {file}.", "Could not read {file}.",
                                       file=self.path.name if self.path else "")))
        present_error(self, error)

    def _show_preview(self, preview) -> None:
        if not isValid(self):
            return
        self.preview = preview
        recognised: dict[int, str] = {index: key for key, index in preview.mapping.items()}
        for number, block in preview.doses.items():
            for key, index in block.items():
                recognised[index] = f"{key}#{number}"
        headers = []
        for index, text in enumerate(preview.headers):
            key = recognised.get(index)
            if key:
                base, _, dose = key.partition("#")
                label = str(FIELD_BY_KEY[base].label) + (f" ({str(tr('mũi', 'dose'))} {dose})" if dose else "")
                headers.append(f"✓ {label}\n{_column_name(index)}: {text}")
            else:
                headers.append(f"— \n{_column_name(index)}: {text}")
        table = self.preview_table
        table.clear()
        table.setColumnCount(len(headers))
        table.setRowCount(len(preview.rows))
        table.setHorizontalHeaderLabels(headers)
        for r, row in enumerate(preview.rows):
            for c, value in enumerate(row[:len(headers)]):
                table.setItem(r, c, QTableWidgetItem(value))
        layout_name = {"pl1": tr("mẫu PL1 của nền tảng", "platform template PL1"),
                       "long": tr("danh sách mỗi dòng một mũi", "one row per dose")}.get(preview.layout or "")
        self.file_label.setText(str(tr(
            "{file} — {kind}{layout}. {ok}", "{file} — {kind}{layout}. {ok}", file=preview.file, kind=preview.kind.upper(),
            layout=f", {layout_name}" if layout_name else "",
            ok=tr("Sẵn sàng nhập.", "Ready to import.") if preview.ok else
            tr("Chưa nhận ra đủ cột bắt buộc: hãy chọn cột bên dưới.", "Some required columns are not recognised: "
               "map them below."))))
        self._build_mapping(preview)
        self.import_button.setEnabled(preview.ok and self.operation is None and not self._refusal())
        if preview.ok and self.path is not None:
            self._start_check(self.path, self.column_map)

    # -------------------------------------------------------------- the check of every row
    def _start_check(self, path: Path, column_map: dict[str, int] | None) -> None:
        facility = self.workspace.settings.get("facility_code") or ""
        self.check_label.setText(str(tr("Đang kiểm tra từng dòng…", "Checking every row…")))
        operation: Operation = (
            NetOp(self, lambda progress, _db: check_file(path, column_map, facility_code=facility, progress=progress))
            .success(lambda check: self._show_check(operation, check))
            .failure(self._check_failed)
            .run_in_background())
        self.check_operation = operation
        operation.finished.connect(lambda: self._check_finished(operation))

    def _stop_check(self) -> None:
        if self.check_operation is not None:
            self.check_operation.cancel()
            self.check_operation = None

    def _check_finished(self, operation: Operation) -> None:
        if isValid(self) and self.check_operation is operation:
            self.check_operation = None

    def _check_failed(self, error: BaseException) -> None:
        if isValid(self):
            self.check_label.setText(str(tr("Không kiểm tra được các dòng: {error}", "Could not check the rows: "
                                            "{error}", error=getattr(error, "message", error))))

    def _show_check(self, operation: Operation, check: ListCheck | None) -> None:
        if not isValid(self) or operation is not self.check_operation or check is None:
            return
        self.check = check
        table = self.preview_table
        width = table.columnCount()
        table.setRowCount(len(check.shown))
        cells = by_cell(check.problems)
        for r, shown in enumerate(check.shown):
            mark_row_header(table, r, shown.row, cells.get((shown.row, None), []))
            for c in range(width):
                item = QTableWidgetItem(shown.cells[c] if c < len(shown.cells) else "")
                mark(item, cells.get((shown.row, c), []))
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        for c in range(width):
            table.setColumnWidth(c, min(table.columnWidth(c), 260))
        for problem in check.columns:
            header = table.horizontalHeaderItem(problem.column) if problem.column is not None else None
            if header is not None:
                header.setText("⚠ " + header.text())
                header.setToolTip(tooltip([problem]))
        self.check_label.setText(self._check_text(check))

    @staticmethod
    def _check_text(check: ListCheck) -> str:
        from html import escape

        head = tr("<b>{rows} dòng</b>: {loadable} dòng sẽ được nhập, {rejected} dòng sẽ bị từ chối, {warned} dòng "
                  "cần xem lại.", "<b>{rows} rows</b>: {loadable} will be loaded, {rejected} will be rejected, "
                  "{warned} need a look.", rows=format_number(check.rows), loadable=format_number(check.loadable),
                  rejected=format_number(check.rejected), warned=format_number(check.warned))
        lines = [str(head)]
        if check.counts:
            lines.append(escape("; ".join(f"{problem_name(code)}: {format_number(n)}" for code, n in check.counts)))
            lines.append(str(tr(
                "<span style='background:#f8d7da;color:#842029'>&nbsp;ô đỏ&nbsp;</span> dòng sẽ bị từ chối, "
                "<span style='background:#fff3cd;color:#664d03'>&nbsp;ô vàng&nbsp;</span> được nhập nhưng cần xem "
                "lại. Chọn ô hoặc di chuột lên ô để xem lý do và cách sửa.",
                "<span style='background:#f8d7da;color:#842029'>&nbsp;red cell&nbsp;</span> the row will be "
                "rejected, <span style='background:#fff3cd;color:#664d03'>&nbsp;yellow cell&nbsp;</span> loaded "
                "but worth a look. Select or hover a cell for the reason and the fix.")))
        else:
            lines.append(str(tr("Không thấy vấn đề nào.", "No problem found.")))
        return "<br>".join(lines)

    # -------------------------------------------------------------- the outcome of the previous file
    def clear_results(self) -> None:
        """Another file: nothing of the previous one stays on screen."""
        self.result = None
        self.summary.clear()
        self.issues_table.setRowCount(0)
        self.export_button.setVisible(False)
        self.corrections.clear()
        self.results.setVisible(False)

    def _build_mapping(self, preview) -> None:
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.apply_mapping_button = QPushButton(str(tr("Áp dụng và xem lại", "Apply and preview again")))
        self.apply_mapping_button.clicked.connect(self.apply_mapping)
        self.mapping_combos = {}
        if not preview.missing:
            self.mapping_box.setVisible(False)
            return
        choices = {key: label for key, label, _required in field_choices()}
        for key in preview.missing:
            combo = QComboBox()
            combo.addItem(str(tr("(chọn cột)", "(choose a column)")), None)
            for index, text in enumerate(preview.headers):
                combo.addItem(f"{_column_name(index)}: {text}", index)
            self.mapping_combos[key] = combo
            self.mapping_form.addRow(choices[key] + " *", combo)
        self.mapping_form.addRow(self.apply_mapping_button)
        self.mapping_box.setVisible(True)

    def apply_mapping(self) -> None:
        if self.path is None:
            return
        manual = dict(self.column_map or {})
        for key, combo in self.mapping_combos.items():
            if combo.currentData() is not None:
                manual[key] = int(combo.currentData())
        self.load_preview(self.path, manual)

    # -------------------------------------------------------------- importing
    def clear_list_scope(self) -> None:
        self.records.fixed = replace(self.records.fixed, list_id=None)
        self.list_scope_bar.setVisible(False)
        self.records.refresh()

    def start_import(self) -> None:
        if self.path is None or self.operation is not None:
            return
        refusal = self._refusal()
        if refusal:
            self.summary.setText(refusal)
            dialogs.show_warning(self, str(tr("Không được phép", "Not permitted")), refusal)
            return
        path, column_map, workspace, actor = self.path, self.column_map, self.workspace, self.ctx.actor
        self.import_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.summary.setText(str(tr("Đang nhập {file}…", "Importing {file}…", file=path.name)))
        self.operation = (DbOp(self, lambda progress: import_file(workspace, path, actor, progress=progress, column_map=column_map),
                               changes=self.ctx)
                          .success(self._imported)
                          .failure(self._import_failed)
                          .progress(self._progressed)
                          .run_in_background())
        self.operation.finished.connect(self._operation_finished)

    def _operation_finished(self) -> None:
        """After success or failure handlers; a cancellation reaches only here (the operation keeps it silent)."""
        if not isValid(self) or self.operation is None:
            return
        self._finish()
        self.summary.setText(str(tr("Đã huỷ. Không bản ghi nào của tệp được lưu.",
                                    "Cancelled. Nothing from the file was stored.")))

    def cancel(self) -> None:
        if self.operation is not None:
            self.operation.cancel()
            self.cancel_button.setEnabled(False)
            self.summary.setText(str(tr("Đang huỷ… không bản ghi nào của tệp này được lưu.",
                                        "Cancelling… nothing from this file will be kept.")))

    def _progressed(self, done: int, total: int, label: str) -> None:
        if not isValid(self):
            return
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(done * 1000 / total))
        if label:
            self.progress.setFormat(f"%p% — {label}")

    def _finish(self) -> None:
        self.operation = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.open_button.setEnabled(True)
        self.import_button.setEnabled(self.preview is not None and self.preview.ok)

    def _import_failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        from desktop.views.errors import present_error

        self._finish()
        self.summary.setText(str(tr("Không nhập được tệp. Không có gì được lưu.",
                                    "The file could not be loaded. Nothing was stored.")))
        present_error(self, error)

    def _imported(self, result) -> None:
        if not isValid(self):
            return
        self._finish()
        self.result = result
        if result.already_loaded:
            text = tr("{file} đã được nhập trước đây (danh sách {id}): {dups} dòng đã có, không nhập lại.",
                      "{file} was loaded before (list {id}): {dups} rows already imported, not imported again.",
                      file=result.file, id=result.list_id, dups=format_number(result.duplicates))
        else:
            text = tr("{file}: {rows} dòng — nhận {accepted} ({records} bản ghi), từ chối {rejected}, trùng {dups}.",
                      "{file}: {rows} rows — {accepted} accepted ({records} records), {rejected} rejected, "
                      "{dups} duplicates.", file=result.file, rows=format_number(result.rows),
                      accepted=format_number(result.accepted), records=format_number(result.records),
                      rejected=format_number(result.rejected), dups=format_number(result.duplicates))
        self.summary.setText(str(text))
        self._show_issues(result.errors)
        self.export_button.setVisible(result.rejected > 0 and not result.already_loaded)
        self.corrections.clear()
        if result.list_id is not None and result.rejected:
            self.corrections.show_list(result.list_id)
        self.results.setTabText(1, str(tr("Sửa {n} dòng bị từ chối", "Correct {n} rejected rows",
                                          n=format_number(result.rejected))))
        self.results.setTabEnabled(1, bool(result.rejected))
        self.results.setCurrentIndex(0)
        self.results.setVisible(bool(result.errors))
        self.ctx.show_status(str(text))
        self.imported.emit(result)

    def _show_issues(self, errors: list[dict[str, Any]]) -> None:
        """One line per problem, but one line for all the rows loaded before (a file imported again)."""
        table = self.issues_table
        loaded_before = sum(1 for issue in errors if issue.get("code") == "duplicate_record")
        lines = [(issue["row"], issue["column"], issue["value"], issue["message"])
                 for issue in errors if issue.get("code") != "duplicate_record"][:5000]
        if loaded_before:
            lines.insert(0, ("", "", "", str(tr("{n} dòng đã có, không nhập lại", "{n} rows already imported, not "
                                                "imported again", n=format_number(loaded_before)))))
        table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            for c, value in enumerate(line):
                table.setItem(r, c, QTableWidgetItem(str(value)))
        table.resizeRowsToContents()

    def _corrected(self, result) -> None:
        if not isValid(self):
            return
        if result.loaded:
            self.ctx.show_status(self.corrections.status.text())

    def export_rejected(self) -> None:
        if self.result is None or self.result.list_id is None:
            return
        stem = Path(self.result.file).stem
        out = dialogs.ask_save_file(self, str(tr("Lưu các dòng bị từ chối", "Save the rejected rows")),
                                    "Excel (*.xlsx);;CSV (*.csv)", f"{stem}-bi-tu-choi.xlsx")
        if not out:
            return
        workspace, list_id = self.workspace, self.result.list_id
        if not out.lower().endswith((".xlsx", ".csv")):
            out += ".xlsx"
        (DbOp(self, lambda _p: export_rejected(workspace, list_id, out))
         .success(self._exported)
         .run_in_background())

    def _exported(self, info: dict[str, Any]) -> None:
        if not isValid(self):
            return
        self.ctx.show_status(str(tr("Đã lưu {n} dòng bị từ chối vào {out}", "Saved {n} rejected rows to {out}",
                                    n=info["rows"], out=info["out"])))


def create_page(ctx) -> QWidget:
    return ImportPage(ctx)
