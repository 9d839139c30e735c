"""The Review page, a workbench: the queue as a grid beside the record's card, keyboard first.

The queue's ids are loaded once per filter (kind, list, day) into the grid's lazy model; each record's
card is fetched on its own (and the next one is prefetched), so moving on is immediate. Selecting a row
shows its card. Single keys decide: A accept the registry, K keep the list, E edit, R reject, D defer,
N/J next, P/U previous, B bulk decision for the filtered kind, Ctrl+Z undo, F5 check with the registry.
A decision also applies to the same person's other doses with the same differences (the card says so
first). Records the central service rejected show its reason; a signable decision on one resubmits it
as a new record (``desktop.review.decisions``).
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.accounts import can, require_role
from desktop.accounts.gate import require_acting
from desktop.errors import UserError
from desktop.i18n import format_date, format_number, tr
from desktop.overview import record_ids
from desktop.registry import check_records
from desktop.review import (
    bulk_resolve,
    count_affected,
    queue_counts,
    queue_ids,
    resolve,
    review_item,
    undo_last,
)
from desktop.review.decisions import ACTION_NAMES, BULK_ACTIONS, REASON_REQUIRED
from desktop.review.queue import CENTRAL, KIND_LABELS, STATUS_LABELS, queue_facets
from desktop.views import dialogs
from desktop.views.context import AppContext
from desktop.views.operations import DbOp, NetOp, change_initiator
from desktop.views.pages.review.model import (
    ACTION_KEYS,
    COMMON_REASONS,
    KEYS,
    QUEUE_WIDTHS,
    REASONS_BY_ACTION,
    QueueModel,
    render_item,
)
from desktop.views.pages.scope_bar import ScopeBar, describe
from desktop.views.records_table import CHIP_COLUMNS, ChipDelegate, fit_headings


def _ask_edit(parent: QWidget, item: dict[str, Any]) -> dict[str, str] | None:
    """Through the package, so ``desktop.views.pages.review.ask_edit`` can be replaced (tests do)."""
    from desktop.views.pages import review

    return review.ask_edit(parent, item)


class ReviewPage(QWidget):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.workspace = ctx.workspace
        self.ids: list[int] = []
        self.index = 0
        self.cache: dict[int, dict[str, Any]] = {}
        self.current: dict[str, Any] | None = None
        self.busy = False
        self.filter: tuple[str | None, str | None] = (None, None)  # (kind, status)
        self.list_id: int | None = None
        self.day: str | None = None
        self.sort: tuple[str | None, bool] = (None, False)
        # "those records" opened from the overview: {"state", "list_id", "vaccination_date"}; the queue shows
        # only its records in that state (and list or day) until the clerk picks another filter
        self.scope: dict[str, Any] | None = None
        self._reload_serial = 0  # only the newest reload is shown (an older filter's may finish later)
        self.latency_ms: float | None = None  # last move: asked → shown
        self.decision_ms: float | None = None  # last decision: key → stored → next record shown
        self._decided_at: float | None = None
        self.last_check: Any = None
        self._asked_at: float | None = None
        self._selecting = False  # the page moves the grid's selection itself
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<h2>{tr('Đối chiếu với CSDL dân cư', 'Review against the population registry')}</h2>"))
        top.addStretch(1)
        self.check_button = QPushButton(str(tr("Kiểm tra với CSDL dân cư (F5)", "Check with the registry (F5)")))
        self.check_button.clicked.connect(self.start_check)
        top.addWidget(self.check_button)
        layout.addLayout(top)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.outcome)

        self.scope_bar = ScopeBar(str(tr("Xem cả hàng chờ", "Show the whole queue")), take_focus=False)
        self.scope_label, self.scope_clear = self.scope_bar.label, self.scope_bar.clear_button
        self.scope_bar.cleared.connect(self.clear_scope)
        layout.addWidget(self.scope_bar)

        row = QHBoxLayout()
        row.addWidget(QLabel(str(tr("Loại:", "Kind:"))))
        self.filter_box = QComboBox()
        self.filter_box.setAccessibleName(str(tr("Lọc theo loại khác biệt", "Filter by difference kind")))
        self.filter_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.filter_box.currentIndexChanged.connect(self._filter_changed)
        row.addWidget(self.filter_box, 3)
        row.addWidget(QLabel(str(tr("Danh sách:", "List:"))))
        self.list_box = QComboBox()
        self.list_box.setAccessibleName(str(tr("Lọc theo danh sách", "Filter by list")))
        self.list_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.list_box.addItem(str(tr("Mọi danh sách", "Every list")), None)
        self.list_box.currentIndexChanged.connect(self._scope_filter_changed)
        row.addWidget(self.list_box, 2)
        row.addWidget(QLabel(str(tr("Ngày tiêm:", "Vaccinated on:"))))
        self.day_box = QComboBox()
        self.day_box.setAccessibleName(str(tr("Lọc theo ngày tiêm", "Filter by vaccination day")))
        self.day_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.day_box.addItem(str(tr("Mọi ngày", "Every day")), None)
        self.day_box.currentIndexChanged.connect(self._scope_filter_changed)
        row.addWidget(self.day_box, 1)
        self.position = QLabel()
        row.addWidget(self.position)
        layout.addLayout(row)

        # the queue grid (left) beside the card and the decisions (right)
        self.model = QueueModel(self.workspace, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(str(tr("Hàng chờ quyết định", "Queue of records needing a decision")))
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay the page's: A/K/E/R/D, N/P, arrows
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        chips = ChipDelegate(self.table)
        for i, column in enumerate(self.model.columns):
            self.table.setColumnWidth(i, QUEUE_WIDTHS.get(column.key, 100))
            if column.key in CHIP_COLUMNS:
                self.table.setItemDelegateForColumn(i, chips)
        state = QSettings("VaxDesk", "VaxDesk").value("grids/review/columns")
        if state is not None:
            header.restoreState(state)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        fit_headings(header)
        self._remember = QTimer(self)
        self._remember.setSingleShot(True)
        self._remember.setInterval(400)
        self._remember.timeout.connect(self._save_columns)
        header.sectionResized.connect(lambda *_: self._remember.start())
        header.sectionMoved.connect(lambda *_: self._remember.start())
        header.sectionClicked.connect(self._sort_by)
        self.table.clicked.connect(lambda index: self._row_chosen(index.row()))
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._row_chosen(current.row()))

        self.view = QLabel()
        self.view.setTextFormat(Qt.TextFormat.RichText)
        self.view.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.view.setWordWrap(True)
        self.view.setMargin(6)
        self.view.setAccessibleName(str(tr("Bản ghi đang xét", "Current record")))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        card = QWidget()
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(scroll, 1)

        reason_row = QHBoxLayout()
        reason_row.addWidget(QLabel(str(tr("Lý do:", "Reason:"))))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems([""] + [str(r) for r in COMMON_REASONS])
        self.reason.setAccessibleName(str(tr("Lý do quyết định", "Reason for the decision")))
        self.reason.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.reason.lineEdit().returnPressed.connect(self.setFocus)
        reason_row.addWidget(self.reason, 1)
        card_layout.addLayout(reason_row)

        # the decisions in a grid of three columns, then one row to move, undo and decide for a whole kind
        buttons = QGridLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        for i, (action, key) in enumerate(ACTION_KEYS.items()):
            button = QPushButton(f"{ACTION_NAMES[action]} ({key})")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, a=action: self.decide(a))
            buttons.addWidget(button, i // 3, i % 3)
            self.action_buttons[action] = button
        for column in range(3):
            buttons.setColumnStretch(column, 1)
        card_layout.addLayout(buttons)
        nav = QHBoxLayout()
        for text, slot in (
            (tr("Trước (P)", "Previous (P)"), self.previous), (tr("Tiếp (N)", "Next (N)"), self.next),
            (tr("Hoàn tác (Ctrl+Z)", "Undo (Ctrl+Z)"), self.undo),
            (tr("Quyết định cho cả loại… (B)", "Decide for the whole kind… (B)"), self.bulk),
        ):
            button = QPushButton(str(text))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            nav.addWidget(button, 1)
        card_layout.addLayout(nav)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(card)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([620, 540])  # the grid's main columns and the card's table both whole at 1366×768
        layout.addWidget(self.splitter, 1)

        self._bulk_filter: tuple[str | None, str | None] | None = None
        ctx.records_changed.connect(self._records_changed)
        ctx.user_changed.connect(self._role_changed)
        self._role_changed()
        self.reload()

    # -- the grid --------------------------------------------------------------------------------
    def _save_columns(self) -> None:
        if isValid(self):
            QSettings("VaxDesk", "VaxDesk").setValue("grids/review/columns", self.table.horizontalHeader().saveState())

    def _sort_by(self, section: int) -> None:
        from desktop.importer.queries import SORTABLE

        key = self.model.columns[section].key if 0 <= section < len(self.model.columns) else None
        header = self.table.horizontalHeader()
        if key not in SORTABLE:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            return
        descending = self.sort == (key, False)  # a second click on the same header reverses
        self.sort = (key, descending)
        header.setSortIndicator(section, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self.index = 0
        self.current = None
        self.reload()
        self.setFocus()

    def _row_chosen(self, row: int) -> None:
        """A row picked with the mouse: its card."""
        if self._selecting or self.busy or not (0 <= row < len(self.ids)) or row == self.index and self.current:
            return
        self._go(row)
        self.setFocus()

    def _grid_set(self, ids: list[int]) -> None:
        self._selecting = True
        try:
            self.model.set_ids(ids)
        finally:
            self._selecting = False

    def _grid_remove(self, ids: list[int]) -> None:
        self._selecting = True
        try:
            self.model.remove_ids(ids)
        finally:
            self._selecting = False

    def _select_row(self, row: int) -> None:
        self._selecting = True
        try:
            selection = self.table.selectionModel()
            if 0 <= row < self.model.rowCount():
                index = self.model.index(row, 0)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
            else:
                selection.clearSelection()
        finally:
            self._selecting = False

    # -- who may do what -------------------------------------------------------------------------
    def _role_changed(self) -> None:
        allowed = can(self.ctx.role, "check")
        self.check_button.setEnabled(allowed and not self.busy)
        self.check_button.setToolTip("" if allowed else self._refusal("check"))

    def _refusal(self, action: str) -> str:
        try:
            require_role(self.ctx.role, action)
        except UserError as error:
            return str(error.message)
        return ""

    def _permitted(self, action: str) -> bool:
        """Check again when acting: the role may have changed since the buttons were drawn."""
        text = self._refusal(action)
        if text:
            self.ctx.show_status(text)
            dialogs.show_warning(self, str(tr("Không được phép", "Not permitted")), text)
        return not text

    # -- opened from the overview ----------------------------------------------------------------
    def apply_filter(self, filters: dict[str, Any]) -> None:
        """Show the records of ``filters["state"]`` (optionally of one list or day) in the queue.

        ``needs_review`` → the whole queue narrowed to those records; ``rejected`` → the records the
        central service rejected that wait for a decision; ``loaded`` records are not in the queue yet:
        their number is shown beside the check button, which gets the focus.
        """
        state = filters.get("state")
        list_id, day = filters.get("list_id"), filters.get("vaccination_date")
        self.index = 0
        self.current = None
        self.list_id = self.day = None  # the scope narrows the queue itself
        if state in ("needs_review", "rejected"):
            self.scope = {"state": state, "list_id": list_id, "vaccination_date": day}
            self.filter = (None, CENTRAL) if state == "rejected" else (None, None)
        else:
            self.scope = None
            self.filter = (None, None)
        self.scope_bar.setVisible(self.scope is not None)
        if state == "loaded":
            ws = self.workspace
            (DbOp(self, lambda _p: len(record_ids(ws, "loaded", list_id, day)))
             .success(self._show_unchecked)
             .run_in_background())
            self.check_button.setFocus()
        self.reload()

    def clear_scope(self) -> None:
        self.scope = None
        self.scope_bar.setVisible(False)
        self.reload()
        self.setFocus()

    def _scope_text(self, shown: int, total: int) -> str:
        text = f"{describe(self.scope or {})}: {format_number(shown)}"
        if total > shown:
            text += str(tr(" cần quyết định (tổng {n}; số còn lại đã được quyết định)",
                           " waiting for a decision ({n} in all; the others are already decided)",
                           n=format_number(total)))
        return text

    def _show_unchecked(self, count: int) -> None:
        self.outcome.setText(str(tr(
            "{n} bản ghi chưa kiểm tra với CSDL dân cư. Bấm “Kiểm tra với CSDL dân cư (F5)” để kiểm tra.",
            "{n} records are not yet checked against the registry. Press “Check with the registry (F5)”.",
            n=format_number(count))))

    def _records_changed(self) -> None:
        if change_initiator() is not self:  # this page already shows its own decisions
            self.reload()

    # -- keyboard --------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key == Qt.Key.Key_Z:
            self.undo()
        elif key == Qt.Key.Key_F5:
            self.start_check()
        elif ctrl or mods & Qt.KeyboardModifier.AltModifier:
            super().keyPressEvent(event)
        elif key in KEYS:
            self.decide(KEYS[key])
        elif key in (Qt.Key.Key_N, Qt.Key.Key_J, Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.next()
        elif key in (Qt.Key.Key_P, Qt.Key.Key_U, Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.previous()
        elif key == Qt.Key.Key_B:
            self.bulk()
        else:
            super().keyPressEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.setFocus()

    # -- loading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        kind, status = self.filter
        list_id, day = self.list_id, self.day
        sort, descending = self.sort
        ws = self.workspace
        scope = dict(self.scope) if self.scope else None
        self._reload_serial += 1
        serial = self._reload_serial

        def load(_p):
            ids = queue_ids(ws, kind, status, list_id=list_id, day=day, sort=sort, descending=descending)
            in_scope = None
            if scope is not None:
                in_scope = record_ids(ws, scope["state"], scope.get("list_id"), scope.get("vaccination_date"))
                wanted = set(in_scope)
                ids = [i for i in ids if i in wanted]
            return ids, queue_counts(ws, list_id=list_id, day=day), in_scope, queue_facets(ws), serial

        DbOp(self, load).success(self._loaded).run_in_background()

    def _loaded(self, result: tuple[list[int], dict[str, Any], list[int] | None, dict[str, Any], int]) -> None:
        ids, counts, in_scope, facets, serial = result
        if serial != self._reload_serial or not isValid(self):
            return  # a newer filter is on its way
        if in_scope is not None and self.scope is not None:
            self.scope_label.setText(self._scope_text(len(ids), len(in_scope)))
        keep = self.current["record_id"] if self.current else None
        self.ids = ids
        self._grid_set(ids)
        self.cache.clear()
        self.index = ids.index(keep) if keep in ids else min(self.index, max(len(ids) - 1, 0))
        self._show_facets(facets)
        self._show_counts(counts)
        self._go(self.index)

    def _show_facets(self, facets: dict[str, Any]) -> None:
        """The lists and days in the queue; the chosen one stays (with 0 when it has emptied)."""
        for box, chosen, items in (
            (self.list_box, self.list_id, [(list_id, f"{name or tr('Danh sách', 'List')} (#{list_id}) "
                                           f"({format_number(n)})") for list_id, name, n in facets["lists"]]),
            (self.day_box, self.day, [(day, f"{format_date(day)} ({format_number(n)})") for day, n in facets["days"]]),
        ):
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for value, text in items:
                box.addItem(text, value)
            index = box.findData(chosen) if chosen is not None else 0
            if index < 0:
                box.addItem(f"{format_date(chosen) if box is self.day_box else chosen} (0)", chosen)
                index = box.count() - 1
            box.setCurrentIndex(index)
            box.blockSignals(False)

    def _scope_filter_changed(self, _index: int) -> None:
        self.list_id = self.list_box.currentData()
        self.day = self.day_box.currentData()
        self.index = 0
        self.current = None
        self.reload()
        self.setFocus()

    def _show_counts(self, counts: dict[str, Any]) -> None:
        self.counts = counts
        box = self.filter_box
        box.blockSignals(True)
        box.clear()
        box.addItem(f"{tr('Tất cả cần quyết định', 'All needing a decision')} ({format_number(counts['total'])})",
                    (None, None))
        for status, count in counts["statuses"].items():
            if count:
                box.addItem(f"{STATUS_LABELS[status]} ({format_number(count)})", (None, status))
        for kind, count in counts["kinds"].items():
            box.addItem(f"{KIND_LABELS.get(kind, kind)} ({format_number(count)})", (kind, None))
        for i in range(box.count()):
            if tuple(box.itemData(i)) == self.filter:
                box.setCurrentIndex(i)
                break
        else:  # the chosen kind has no records left: move on to the next kind that has some
            box.blockSignals(False)
            if self.scope is None and box.count() > 1 and self.filter != (None, None):
                box.setCurrentIndex(1)  # the next kind (the first after "all"); _filter_changed reloads
                self.ctx.show_status(str(tr("Đã xong loại này; chuyển sang loại tiếp theo.",
                                            "This kind is done; moving on to the next one.")))
                return
            kind, status = self.filter
            label = KIND_LABELS.get(kind or "", STATUS_LABELS.get(status or "", kind or status))
            box.blockSignals(True)
            box.addItem(f"{label} (0)", self.filter)
            box.setCurrentIndex(box.count() - 1)
        box.blockSignals(False)

    def _filter_changed(self, index: int) -> None:
        data = self.filter_box.itemData(index)
        if data is None:
            return
        self.filter = tuple(data)  # type: ignore[assignment]
        self.scope = None  # the clerk chose another part of the queue
        self.scope_bar.setVisible(False)
        self.index = 0
        self.current = None
        self.reload()
        self.setFocus()

    def _go(self, index: int) -> None:
        """Show the record at ``index`` (from the cache at once, or fetched)."""
        self._asked_at = time.perf_counter()
        if not self.ids:
            self.current = None
            self.index = 0
            self.view.setText(self._empty_text())
            self.position.setText("0 / 0")
            self._select_row(-1)
            return
        self.index = max(0, min(index, len(self.ids) - 1))
        self._select_row(self.index)
        record_id = self.ids[self.index]
        if record_id in self.cache:
            self._show(self.cache[record_id])
        else:
            self.current = None  # nothing to decide on until its card is shown
            (DbOp(self, lambda _p: review_item(self.workspace, record_id))
             .success(self._fetched)
             .run_in_background())

    def _empty_text(self) -> str:
        """An empty queue says why: nothing checked yet (press F5), or everything decided."""
        unchecked = (getattr(self, "counts", None) or {}).get("unchecked", 0)
        if unchecked:
            return str(tr("<h3>Chưa kiểm tra {n} bản ghi với CSDL dân cư</h3><p>Bấm <b>F5</b> (Kiểm tra với CSDL dân "
                          "cư) trước; các bản ghi cần quyết định sẽ hiện ở đây.</p>",
                          "<h3>{n} records are not checked against the registry yet</h3><p>Press <b>F5</b> (Check "
                          "with the registry) first; the records needing a decision will show here.</p>",
                          n=format_number(unchecked)))
        return str(tr("Không còn bản ghi nào cần quyết định.", "No records need a decision."))

    def _fetched(self, item: dict[str, Any]) -> None:
        self.cache[item["record_id"]] = item
        if self.ids and self.ids[self.index] == item["record_id"]:
            self._show(item)

    def _show(self, item: dict[str, Any]) -> None:
        self.current = item
        self.view.setText(render_item(item))
        self.position.setText(f"{format_number(self.index + 1)} / {format_number(len(self.ids))}")
        self.action_buttons["accept_registry"].setEnabled(bool(item.get("registry")))
        now = time.perf_counter()
        if self._asked_at is not None:
            self.latency_ms = (now - self._asked_at) * 1000
            self._asked_at = None
        if self._decided_at is not None:
            self.decision_ms = (now - self._decided_at) * 1000
            self._decided_at = None
        self._prefetch(self.index + 1)
        others = set(item.get("same_person") or [])
        if others:  # a decision takes them along: the record after them comes next
            following = next((i for i in range(self.index + 1, len(self.ids)) if self.ids[i] not in others), None)
            if following is not None:
                self._prefetch(following)

    def _prefetch(self, index: int) -> None:
        if 0 <= index < len(self.ids) and self.ids[index] not in self.cache:
            record_id = self.ids[index]
            (DbOp(self, lambda _p: review_item(self.workspace, record_id))
             .success(self._prefetched)
             .run_in_background())

    def _prefetched(self, item: dict[str, Any]) -> None:
        self.cache[item["record_id"]] = item

    # -- moving ----------------------------------------------------------------------------------
    def next(self) -> None:
        if self.ids and not self.busy:
            self._go(self.index + 1)

    def previous(self) -> None:
        if self.ids and not self.busy:
            self._go(self.index - 1)

    # -- deciding --------------------------------------------------------------------------------
    def _reason_for(self, action: str) -> str | None:
        reason = self.reason.currentText().strip()
        if reason or action not in REASON_REQUIRED:
            return reason
        answer = dialogs.ask_item(self, str(ACTION_NAMES[action]),
                                  str(tr("Lý do (chọn hoặc nhập):", "Reason (choose or type):")),
                                  [""] + [str(r) for r in REASONS_BY_ACTION.get(action, COMMON_REASONS)],
                                  editable=True)
        return answer.strip() if answer and answer.strip() else None

    def decide(self, action: str) -> None:
        item = self.current
        if item is None or self.busy or not self._permitted("review"):
            return
        if action == "accept_registry" and not item.get("registry"):
            self.ctx.show_status(str(tr("Không có dữ liệu CSDL dân cư để chấp nhận.", "No registry values to accept.")))
            return
        values = None
        if action == "edit":
            values = _ask_edit(self, item)
            if not values:
                return
        reason = self._reason_for(action)
        if reason is None:
            return
        record_id, ws, actor, role = item["record_id"], self.workspace, self.ctx.actor, self.ctx.role
        version = item.get("version")  # another workstation's change since then refuses the decision
        self.busy = True
        self._decided_at = time.perf_counter()

        def decide(_progress):
            require_acting(ws, actor, role, "resolve")
            return resolve(ws, record_id, action, reason, actor, set_fields=values, same_person=True, version=version)

        (DbOp(self, decide, changes=self.ctx)
         .success(lambda after: self._decided(action, after))
         .failure(self._failed)
         .run_in_background())

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self._decided_at = None
        from desktop.views.errors import present_error

        present_error(self, error)
        if getattr(error, "code", None) == "record_changed":  # decided elsewhere: show the record as it is now
            self.cache.pop(error.details.get("record_id"), None)
            self.reload()
        self.setFocus()

    def _refresh_counts(self) -> None:
        """Counts after the next record is on screen: they never delay it."""
        ws, list_id, day = self.workspace, self.list_id, self.day

        def counted(result: tuple[dict[str, Any], dict[str, Any]]) -> None:
            if isValid(self) and (list_id, day) == (self.list_id, self.day):
                self._show_facets(result[1])
                self._show_counts(result[0])

        (DbOp(self, lambda _p: (queue_counts(ws, list_id=list_id, day=day), queue_facets(ws)))
         .success(counted)
         .run_in_background())

    def _decided(self, action: str, after: dict[str, Any]) -> None:
        self.busy = False
        self.reason.setCurrentText("")
        record_id = after.get("resubmission_of") or after["record_id"]  # a resubmission: the rejected record leaves
        self.cache.pop(record_id, None)
        others = list(after.get("same_person_ids") or [])
        for other in others:  # the same person's other doses were decided with it
            self.cache.pop(other, None)
            if other in self.ids and not (action == "defer" and after.get("decision") == "defer"):
                self.ids.remove(other)
        self._grid_remove([o for o in others if o not in self.ids])
        if after.get("resubmission_of"):
            self.ctx.show_status(str(tr("Đã ghi: {action} — dòng {row}; gửi lại thành bản ghi {new} để ký lại",
                                        "Recorded: {action} — row {row}; resubmitted as record {new} to sign again",
                                        action=ACTION_NAMES[action], row=after["source_row"], new=after["record_id"])))
        elif others:
            self.ctx.show_status(str(tr("Đã ghi: {action} — dòng {row} và {n} mũi khác của cùng người",
                                        "Recorded: {action} — row {row} and {n} other doses of the same person",
                                        action=ACTION_NAMES[action], row=after["source_row"], n=len(others))))
        else:
            self.ctx.show_status(str(tr("Đã ghi: {action} — dòng {row}", "Recorded: {action} — row {row}",
                                        action=ACTION_NAMES[action], row=after["source_row"])))
        if action == "defer" and after.get("decision") == "defer":
            self.cache[record_id] = after
            self._go(self.index + 1)
        else:
            if record_id in self.ids:
                self.ids.remove(record_id)
            self._grid_remove([record_id])
            self._go(self.index)
        self._refresh_counts()
        self.setFocus()

    def undo(self) -> None:
        if self.busy or not self._permitted("review"):
            return
        self.busy = True
        ws, actor = self.workspace, self.ctx.actor

        (DbOp(self, lambda _p: undo_last(ws, actor), changes=self.ctx)
         .success(self._undone)
         .failure(self._failed)
         .run_in_background())

    def _undone(self, item: dict[str, Any]) -> None:
        self.busy = False
        record_id = item["record_id"]
        if item.get("undone_count", 1) > 1:  # a bulk decision came back: its kind again, loaded anew
            self.current = item
            if self._bulk_filter is not None:
                self.filter, self._bulk_filter = self._bulk_filter, None
            self.reload()
            self.setFocus()
            return
        self.cache[record_id] = item
        if record_id not in self.ids:
            self.ids.append(record_id)
            self.ids.sort()
            if self.sort[0] is None:
                self._grid_set(self.ids)
            else:  # the grid's order comes from the database
                self.current = item
                self.reload()
                self.setFocus()
                return
        self.ctx.show_status(str(tr("Đã hoàn tác: {action}", "Undone: {action}",
                                    action=ACTION_NAMES.get(item.get("undone_action", ""), ""))))
        self._go(self.ids.index(record_id))
        self._refresh_counts()
        self.setFocus()

    def bulk(self) -> None:
        kind, status = self.filter
        if self.busy or not self._permitted("review"):
            return
        if not kind and not status:
            dialogs.show_info(self, str(tr("Quyết định hàng loạt", "Bulk decision")), str(tr(
                "Hãy chọn một loại khác biệt trong ô “Loại” trước.", "Choose a difference kind in “Kind” first.")))
            return
        names = [f"{ACTION_NAMES[a]} ({ACTION_KEYS[a]})" for a in BULK_ACTIONS]
        chosen = dialogs.ask_item(self, str(tr("Quyết định hàng loạt", "Bulk decision")),
                                  str(tr("Thao tác cho mọi bản ghi của loại này:", "Action for every record of this kind:")),
                                  names, editable=False)
        if not chosen or chosen not in names:
            return
        action = BULK_ACTIONS[names.index(chosen)]
        reason = self._reason_for(action)
        if reason is None:
            return
        ws, list_id, day = self.workspace, self.list_id, self.day
        (DbOp(self, lambda _p: count_affected(ws, kind=kind, status=status, action=action, list_id=list_id, day=day))
         .success(lambda n: self._confirm_bulk(action, reason, n))
         .run_in_background())

    def _confirm_bulk(self, action: str, reason: str, count: int) -> None:
        kind, status = self.filter
        label = KIND_LABELS.get(kind or "", STATUS_LABELS.get(status or "", kind or status))
        if not count:
            dialogs.show_info(self, str(tr("Quyết định hàng loạt", "Bulk decision")),
                              str(tr("Không có bản ghi nào để thay đổi.", "No records would change.")))
            return
        text = tr("“{action}” cho {n} bản ghi loại “{kind}”. {n} bản ghi sẽ thay đổi. Tiếp tục?",
                  "“{action}” for {n} records of kind “{kind}”. {n} records will change. Continue?",
                  action=ACTION_NAMES[action], n=format_number(count), kind=label)
        if not dialogs.confirm(self, str(tr("Quyết định hàng loạt", "Bulk decision")), str(text)):
            return
        ws, actor, role, list_id, day = self.workspace, self.ctx.actor, self.ctx.role, self.list_id, self.day
        self.busy = True

        def decide_all(_progress) -> int:
            require_acting(ws, actor, role, "resolve")
            return bulk_resolve(ws, action, reason, actor, kind=kind, status=status, list_id=list_id, day=day)

        def done(changed: int) -> None:
            self.busy = False
            self._bulk_filter = (kind, status)  # undo brings the clerk back to this kind
            self.ctx.show_status(str(tr("Đã thay đổi {n} bản ghi.", "{n} records changed.", n=format_number(changed))))
            self.current = None
            self.reload()  # the other pages hear of it from the operation
            self.setFocus()

        (DbOp(self, decide_all, changes=self.ctx)
         .success(done)
         .failure(self._failed)
         .with_progress(str(tr("Đang ghi quyết định…", "Recording decisions…")))
         .run_in_background())

    # -- checking --------------------------------------------------------------------------------
    def start_check(self) -> None:
        if self.busy or not self._permitted("check"):
            return
        self.busy = True
        self.last_check = None
        self.check_button.setEnabled(False)
        self.outcome.setText(str(tr("Đang kiểm tra…", "Checking…")))
        ws, actor = self.workspace, self.ctx.actor
        op = (NetOp(self, lambda progress, _db: check_records(ws, actor, progress=progress),
                    changes=self.ctx, keeps_partial=True)
              .success(self._checked)
              .failure(self._check_failed)
              .with_progress(str(tr("Đang kiểm tra với CSDL dân cư…", "Checking with the population registry…")))
              .run_in_background())
        op.finished.connect(self._check_finished)

    def _checked(self, result: Any) -> None:
        self.last_check = result
        self.outcome.setText(str(result.explanation))

    def _check_failed(self, error: BaseException) -> None:
        from desktop.errors import UserError

        self.outcome.setText(str(error.message) if isinstance(error, UserError) else "")
        self.busy = False
        self._failed(error)

    def _check_finished(self) -> None:
        """Also after a cancellation: records checked before it are stored and shown."""
        self.busy = False
        self.check_button.setEnabled(can(self.ctx.role, "check"))
        if self.last_check is None and self.outcome.text() == str(tr("Đang kiểm tra…", "Checking…")):
            self.outcome.setText(str(tr("Đã dừng kiểm tra; các bản ghi đã kiểm tra được giữ lại.",
                                        "Check stopped; the records already checked are kept.")))
        self.reload()  # the other pages hear of it from the operation
        self.setFocus()


def create_page(app_ctx: AppContext) -> QWidget:
    return ReviewPage(app_ctx)
