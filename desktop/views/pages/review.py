"""The Review page: the queue of records needing a decision, one record at a time, keyboard first.

The queue's ids are loaded once per filter; each record is fetched on its own (and the next one is
prefetched), so moving on is immediate. Single keys decide: A accept the registry, K keep the list,
E edit, R reject, D defer, N/J next, P/U previous, B bulk decision for the filtered kind, Ctrl+Z undo,
F5 check with the registry. Records the central service rejected show its reason; a signable decision
on one resubmits it as a new record (``desktop.review.decisions``).
"""

from __future__ import annotations

import difflib
import html
import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts import can, require_role
from desktop.accounts.gate import require_acting
from desktop.errors import UserError
from desktop.i18n import format_date, format_number, tr
from desktop.overview import record_ids, state_label
from desktop.registry import check_records
from desktop.registry.precheck import invalid_reason
from desktop.review import (
    bulk_resolve,
    count_affected,
    queue_counts,
    queue_ids,
    resolve,
    review_item,
    undo_last,
)
from desktop.review.decisions import ACTION_NAMES, BULK_ACTIONS, REASON_REQUIRED, validate_edit
from desktop.review.queue import CENTRAL, FIELD_LABELS, KIND_LABELS, STATUS_LABELS, status_key
from desktop.views import dialogs
from desktop.views.context import AppContext
from desktop.views.operations import run_op

COMMON_REASONS = (
    tr("Đã đối chiếu giấy tờ tùy thân (CCCD/hộ chiếu)", "Checked against the ID card or passport"),
    tr("Người được tiêm xác nhận thông tin", "Confirmed by the vaccinated person"),
    tr("Lỗi nhập liệu tại điểm tiêm", "Data entry error at the vaccination site"),
    tr("CSDL dân cư chưa cập nhật", "The registry is not up to date"),
    tr("Người nước ngoài, không có trong CSDL dân cư", "Foreigner, not in the population registry"),
    tr("Trùng người / không phải người được tiêm", "Duplicate or not the vaccinated person"),
)
# The reasons offered for each action: only those that fit it. None is chosen in advance: a reason that
# asserts a verification ("checked against the ID card") must be the clerk's own choice.
REASONS_BY_ACTION = {
    "keep_list": (COMMON_REASONS[0], COMMON_REASONS[1], COMMON_REASONS[3], COMMON_REASONS[4]),
    "edit": (COMMON_REASONS[2], COMMON_REASONS[0], COMMON_REASONS[1]),
    "reject": (COMMON_REASONS[5], tr("Không có mũi tiêm này", "This dose was not given"),
               tr("Số giấy tờ sai, cần xác minh lại", "Wrong ID number, to be verified again")),
}
KEYS = {
    Qt.Key.Key_A: "accept_registry", Qt.Key.Key_K: "keep_list", Qt.Key.Key_E: "edit", Qt.Key.Key_R: "reject",
    Qt.Key.Key_D: "defer",
}
ACTION_KEYS = {"accept_registry": "A", "keep_list": "K", "edit": "E", "reject": "R", "defer": "D"}
HIGHLIGHT = "background-color:#ffd54f;color:#000;font-weight:bold"


def highlight(text: str, other: str, side: str) -> str:
    """HTML of ``text`` with the characters that differ from ``other`` marked (side: "list"/"registry")."""
    text, other = text or "", other or ""
    a, b = (text, other) if side == "list" else (other, text)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        part = a[i1:i2] if side == "list" else b[j1:j2]
        if not part:
            continue
        escaped = html.escape(part)
        out.append(escaped if op == "equal" else f'<span style="{HIGHLIGHT}">{escaped}</span>')
    return "".join(out)


def _sex(value: str | None) -> str:
    return str({"M": tr("Nam", "Male"), "F": tr("Nữ", "Female")}.get(value or "", value or ""))


def render_item(item: dict[str, Any]) -> str:
    """The record's list values beside the registry's, differing characters highlighted."""
    registry = item.get("registry") or {}
    kinds: dict[str, list[str]] = {}
    for diff in item.get("differences") or []:
        kinds.setdefault(diff["field"], []).append(str(KIND_LABELS.get(f"{diff['field']}:{diff['kind']}", diff["kind"])))
    rows = [
        ("name", item["full_name"], registry.get("full_name", "")),
        ("dob", format_date(item["date_of_birth"]), format_date(registry.get("date_of_birth", ""))),
        ("sex", _sex(item["sex"]), _sex(registry.get("sex"))),
        ("id", item["id_number"], registry.get("id_number", "")),
    ]
    status = status_key(item.get("stage", "loaded"), item["status"], item.get("decision"))
    head = (f"<p><b>{html.escape(str(STATUS_LABELS.get(status, status)))}</b> — "
            f"{tr('dòng', 'row')} {item['source_row']}"
            + (f", {tr('mã', 'ref')} {html.escape(item['source_ref'])}" if item.get("source_ref") else "")
            + f" — {html.escape(item['vaccine_name'])}, {tr('mũi', 'dose')} {item['dose_number']}, "
              f"{format_date(item['vaccination_date'])}</p>")
    if item.get("stage") == "rejected_central":
        head += (f"<p style='color:#b71c1c'><b>{tr('Trung ương từ chối', 'Rejected by the central service')}:</b> "
                 f"{html.escape(item.get('central_reason') or '')}</p>"
                 f"<p>{tr('Sửa, chấp nhận CSDL hoặc giữ dữ liệu sẽ tạo bản ghi mới để ký lại; loại sẽ bỏ bản ghi này.', 'Edit, accept the registry or keep the list to create a new record that is signed again; reject drops this record.')}</p>")
    table = [f"<table cellspacing='0' cellpadding='6' border='1' style='border-collapse:collapse'>"
             f"<tr><th></th><th>{tr('Danh sách', 'List')}</th><th>{tr('CSDL dân cư', 'Registry')}</th>"
             f"<th>{tr('Khác biệt', 'Difference')}</th></tr>"]
    for field, listed, reg in rows:
        differs = field in kinds
        left = highlight(listed, reg, "list") if differs and registry else html.escape(listed or "")
        right = highlight(reg, listed, "registry") if differs and registry else html.escape(reg or "")
        table.append(f"<tr><th align='left'>{FIELD_LABELS[field]}</th><td>{left}</td><td>{right or '—'}</td>"
                     f"<td>{html.escape('; '.join(kinds.get(field, [])))}</td></tr>")
    table.append("</table>")
    if item["status"] == "invalid_id":
        why = invalid_reason(item.get("id_number") or "", item.get("nationality") or "VN")
        if why:
            table.append(f"<p style='color:#b71c1c'><b>{tr('Số giấy tờ không hợp lệ', 'The ID number is not valid')}:"
                         f"</b> {html.escape(str(tr(*why)))}. {tr('Hãy sửa (E) theo giấy tờ tùy thân hoặc loại (R).', 'Edit it (E) from the ID card or reject (R).')}</p>")
    elif not registry:
        table.append(f"<p>{tr('CSDL dân cư không có dữ liệu cho bản ghi này.', 'The registry has no data for this record.')}</p>")
    if item.get("decision_reason"):
        table.append(f"<p>{tr('Lý do', 'Reason')}: {html.escape(item['decision_reason'])}</p>")
    return head + "".join(table)


class EditDialog(QDialog):
    """Corrected values for the four compared fields, checked before the dialog closes.

    Sex is chosen (Nam/Nữ), the date of birth is typed as dd/mm/yyyy (or a year alone), and a value
    the core refuses is shown under the fields with the dialog still open and every edit kept.
    """

    def __init__(self, parent: QWidget | None, item: dict[str, Any]):
        super().__init__(parent)
        self.setWindowTitle(str(tr("Sửa bản ghi", "Edit the record")))
        self.nationality = item.get("nationality") or "VN"
        form = QFormLayout(self)
        registry = item.get("registry") or {}
        sex = QComboBox()
        sex.addItem(str(tr("Nam", "Male")), "M")
        sex.addItem(str(tr("Nữ", "Female")), "F")
        sex.setCurrentIndex(max(sex.findData(item.get("sex")), 0))
        dob = QLineEdit(format_date(item["date_of_birth"]))
        dob.setPlaceholderText(str(tr("dd/mm/yyyy (hoặc chỉ năm sinh)", "dd/mm/yyyy (or the year alone)")))
        self.fields: dict[str, QLineEdit | QComboBox] = {
            "full_name": QLineEdit(item["full_name"]),
            "date_of_birth": dob,
            "sex": sex,
            "id_number": QLineEdit(item["id_number"]),
        }
        self.original = self._values()
        shown = {"full_name": "full_name", "date_of_birth": "date_of_birth", "sex": "sex", "id_number": "id_number"}
        for key, widget in self.fields.items():
            hint = registry.get(shown[key])
            if key == "sex" and hint:
                hint = str({"M": tr("Nam", "Male"), "F": tr("Nữ", "Female")}.get(hint, hint))
            elif key == "date_of_birth" and hint:
                hint = format_date(hint)
            label = str(FIELD_LABELS[{"full_name": "name", "date_of_birth": "dob", "sex": "sex", "id_number": "id"}[key]])
            form.addRow(label + (f" ({tr('CSDL', 'registry')}: {hint})" if hint else ""), widget)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b71c1c")
        self.error.setVisible(False)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _values(self) -> dict[str, str]:
        return {k: (w.currentData() if isinstance(w, QComboBox) else w.text()) for k, w in self.fields.items()}

    def values(self) -> dict[str, str]:
        return {k: v for k, v in self._values().items() if v != self.original[k]}

    def accept(self) -> None:
        """Close only with values the core accepts; otherwise say what is wrong and keep every edit."""
        changed = self.values()
        if not changed:
            self._show_error(str(tr("Chưa có giá trị nào được sửa.", "No value was changed.")))
            return
        try:
            validate_edit(changed, self.nationality)
        except UserError as error:
            self._show_error(str(error.message))
            return
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)


def ask_edit(parent: QWidget | None, item: dict[str, Any]) -> dict[str, str] | None:
    """The changed values, or None when cancelled (tests replace this)."""
    dialog = EditDialog(parent, item)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


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
        # "those records" opened from the overview: {"state", "list_id", "vaccination_date"}; the queue shows
        # only its records in that state (and list or day) until the clerk picks another filter
        self.scope: dict[str, Any] | None = None
        self._reload_serial = 0  # only the newest reload is shown (an older filter's may finish later)
        self.latency_ms: float | None = None  # last move: asked → shown
        self.decision_ms: float | None = None  # last decision: key → stored → next record shown
        self._decided_at: float | None = None
        self.last_check: Any = None
        self._asked_at: float | None = None
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

        scope_row = QHBoxLayout()
        self.scope_label = QLabel()
        self.scope_label.setWordWrap(True)
        self.scope_clear = QPushButton(str(tr("Xem cả hàng chờ", "Show the whole queue")))
        self.scope_clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scope_clear.clicked.connect(self.clear_scope)
        scope_row.addWidget(self.scope_label, 1)
        scope_row.addWidget(self.scope_clear)
        self.scope_bar = QWidget()
        self.scope_bar.setLayout(scope_row)
        self.scope_bar.setVisible(False)
        layout.addWidget(self.scope_bar)

        row = QHBoxLayout()
        row.addWidget(QLabel(str(tr("Loại:", "Kind:"))))
        self.filter_box = QComboBox()
        self.filter_box.setAccessibleName(str(tr("Lọc theo loại khác biệt", "Filter by difference kind")))
        self.filter_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.filter_box.currentIndexChanged.connect(self._filter_changed)
        row.addWidget(self.filter_box, 1)
        self.position = QLabel()
        row.addWidget(self.position)
        layout.addLayout(row)

        self.view = QLabel()
        self.view.setTextFormat(Qt.TextFormat.RichText)
        self.view.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.view.setWordWrap(True)
        self.view.setAccessibleName(str(tr("Bản ghi đang xét", "Current record")))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(scroll, 1)

        reason_row = QHBoxLayout()
        reason_row.addWidget(QLabel(str(tr("Lý do:", "Reason:"))))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems([""] + [str(r) for r in COMMON_REASONS])
        self.reason.setAccessibleName(str(tr("Lý do quyết định", "Reason for the decision")))
        self.reason.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.reason.lineEdit().returnPressed.connect(self.setFocus)
        reason_row.addWidget(self.reason, 1)
        layout.addLayout(reason_row)

        buttons = QHBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        for action, key in ACTION_KEYS.items():
            button = QPushButton(f"{ACTION_NAMES[action]} ({key})")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, a=action: self.decide(a))
            buttons.addWidget(button)
            self.action_buttons[action] = button
        layout.addLayout(buttons)
        nav = QHBoxLayout()
        for text, slot in (
            (tr("Trước (P)", "Previous (P)"), self.previous), (tr("Tiếp (N)", "Next (N)"), self.next),
            (tr("Hoàn tác (Ctrl+Z)", "Undo (Ctrl+Z)"), self.undo),
            (tr("Quyết định cho cả loại… (B)", "Decide for the whole kind… (B)"), self.bulk),
        ):
            button = QPushButton(str(text))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            nav.addWidget(button)
        nav.addStretch(1)
        layout.addLayout(nav)

        self._announcing = False
        self._bulk_filter: tuple[str | None, str | None] | None = None
        ctx.records_changed.connect(self._records_changed)
        ctx.user_changed.connect(self._role_changed)
        self._role_changed()
        self.reload()

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
        if state in ("needs_review", "rejected"):
            self.scope = {"state": state, "list_id": list_id, "vaccination_date": day}
            self.filter = (None, CENTRAL) if state == "rejected" else (None, None)
        else:
            self.scope = None
            self.filter = (None, None)
        self.scope_bar.setVisible(self.scope is not None)
        if state == "loaded":
            ws = self.workspace
            run_op(self, lambda _p: len(record_ids(ws, "loaded", list_id, day)), self._show_unchecked,
                   show_progress=False)
            self.check_button.setFocus()
        self.reload()

    def clear_scope(self) -> None:
        self.scope = None
        self.scope_bar.setVisible(False)
        self.reload()
        self.setFocus()

    def _scope_text(self, shown: int, total: int) -> str:
        scope = self.scope or {}
        where = []
        if scope.get("list_id") is not None:
            where.append(str(tr("danh sách số {id}", "list {id}", id=scope["list_id"])))
        if scope.get("vaccination_date"):
            where.append(str(tr("ngày tiêm {day}", "vaccinated {day}", day=format_date(scope["vaccination_date"]))))
        label = str(state_label(scope.get("state", "needs_review")))
        text = f"{label}{' — ' + ', '.join(where) if where else ''}: {format_number(shown)}"
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
        if not self._announcing:
            self.reload()

    def _announce(self) -> None:
        """Tell the other pages; this page already shows the change."""
        self._announcing = True
        try:
            self.ctx.records_changed.emit()
        finally:
            self._announcing = False

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
        ws = self.workspace
        scope = dict(self.scope) if self.scope else None
        self._reload_serial += 1
        serial = self._reload_serial

        def load(_p):
            ids = queue_ids(ws, kind, status)
            in_scope = None
            if scope is not None:
                in_scope = record_ids(ws, scope["state"], scope.get("list_id"), scope.get("vaccination_date"))
                wanted = set(in_scope)
                ids = [i for i in ids if i in wanted]
            return ids, queue_counts(ws), in_scope, serial

        run_op(self, load, self._loaded, show_progress=False)

    def _loaded(self, result: tuple[list[int], dict[str, Any], list[int] | None, int]) -> None:
        ids, counts, in_scope, serial = result
        if serial != self._reload_serial:
            return  # a newer filter is on its way
        if in_scope is not None and self.scope is not None:
            self.scope_label.setText(self._scope_text(len(ids), len(in_scope)))
        keep = self.current["record_id"] if self.current else None
        self.ids = ids
        self.cache.clear()
        self.index = ids.index(keep) if keep in ids else min(self.index, max(len(ids) - 1, 0))
        self._show_counts(counts)
        self._go(self.index)

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
            return
        self.index = max(0, min(index, len(self.ids) - 1))
        record_id = self.ids[self.index]
        if record_id in self.cache:
            self._show(self.cache[record_id])
        else:
            run_op(self, lambda _p: review_item(self.workspace, record_id), self._fetched, show_progress=False)

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

    def _prefetch(self, index: int) -> None:
        if 0 <= index < len(self.ids) and self.ids[index] not in self.cache:
            record_id = self.ids[index]
            run_op(self, lambda _p: review_item(self.workspace, record_id), self._prefetched, show_progress=False)

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
            values = ask_edit(self, item)
            if not values:
                return
        reason = self._reason_for(action)
        if reason is None:
            return
        record_id, ws, actor, role = item["record_id"], self.workspace, self.ctx.actor, self.ctx.role
        self.busy = True
        self._decided_at = time.perf_counter()

        def decide(_progress):
            require_acting(ws, actor, role, "resolve")
            return resolve(ws, record_id, action, reason, actor, set_fields=values)

        run_op(self, decide, lambda after: self._decided(action, after), self._failed, show_progress=False)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self._decided_at = None
        from desktop.views.errors import present_error

        present_error(self, error)
        self.setFocus()

    def _refresh_counts(self) -> None:
        """Counts after the next record is on screen: they never delay it."""
        ws = self.workspace
        run_op(self, lambda _p: queue_counts(ws), self._show_counts, show_progress=False)

    def _decided(self, action: str, after: dict[str, Any]) -> None:
        self.busy = False
        self.reason.setCurrentText("")
        record_id = after.get("resubmission_of") or after["record_id"]  # a resubmission: the rejected record leaves
        self.cache.pop(record_id, None)
        if after.get("resubmission_of"):
            self.ctx.show_status(str(tr("Đã ghi: {action} — dòng {row}; gửi lại thành bản ghi {new} để ký lại",
                                        "Recorded: {action} — row {row}; resubmitted as record {new} to sign again",
                                        action=ACTION_NAMES[action], row=after["source_row"], new=after["record_id"])))
        else:
            self.ctx.show_status(str(tr("Đã ghi: {action} — dòng {row}", "Recorded: {action} — row {row}",
                                        action=ACTION_NAMES[action], row=after["source_row"])))
        if action == "defer" and after.get("decision") == "defer":
            self.cache[record_id] = after
            self._go(self.index + 1)
        else:
            if record_id in self.ids:
                self.ids.remove(record_id)
            self._go(self.index)
        self._refresh_counts()
        self._announce()
        self.setFocus()

    def undo(self) -> None:
        if self.busy or not self._permitted("review"):
            return
        self.busy = True
        ws, actor = self.workspace, self.ctx.actor

        run_op(self, lambda _p: undo_last(ws, actor), self._undone, self._failed, show_progress=False)

    def _undone(self, item: dict[str, Any]) -> None:
        self.busy = False
        record_id = item["record_id"]
        if item.get("undone_count", 1) > 1:  # a bulk decision came back: its kind again, loaded anew
            self.current = item
            if self._bulk_filter is not None:
                self.filter, self._bulk_filter = self._bulk_filter, None
            self.reload()
            self._announce()
            self.setFocus()
            return
        self.cache[record_id] = item
        if record_id not in self.ids:
            self.ids.append(record_id)
            self.ids.sort()
        self.ctx.show_status(str(tr("Đã hoàn tác: {action}", "Undone: {action}",
                                    action=ACTION_NAMES.get(item.get("undone_action", ""), ""))))
        self._go(self.ids.index(record_id))
        self._refresh_counts()
        self._announce()
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
        ws = self.workspace
        run_op(self, lambda _p: count_affected(ws, kind=kind, status=status, action=action),
               lambda n: self._confirm_bulk(action, reason, n), show_progress=False)

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
        ws, actor, role = self.workspace, self.ctx.actor, self.ctx.role
        self.busy = True

        def decide_all(_progress) -> int:
            require_acting(ws, actor, role, "resolve")
            return bulk_resolve(ws, action, reason, actor, kind=kind, status=status)

        def done(changed: int) -> None:
            self.busy = False
            self._bulk_filter = (kind, status)  # undo brings the clerk back to this kind
            self.ctx.show_status(str(tr("Đã thay đổi {n} bản ghi.", "{n} records changed.", n=format_number(changed))))
            self.current = None
            self.ctx.records_changed.emit()
            self.setFocus()

        run_op(self, decide_all, done, self._failed,
               label=str(tr("Đang ghi quyết định…", "Recording decisions…")))

    # -- checking --------------------------------------------------------------------------------
    def start_check(self) -> None:
        if self.busy or not self._permitted("check"):
            return
        self.busy = True
        self.last_check = None
        self.check_button.setEnabled(False)
        self.outcome.setText(str(tr("Đang kiểm tra…", "Checking…")))
        ws, actor = self.workspace, self.ctx.actor
        op = run_op(self, lambda progress: check_records(ws, actor, progress=progress), self._checked,
                    self._check_failed, label=str(tr("Đang kiểm tra với CSDL dân cư…",
                                                     "Checking with the population registry…")))
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
        self.ctx.records_changed.emit()
        self.setFocus()


def create_page(app_ctx: AppContext) -> QWidget:
    return ReviewPage(app_ctx)
