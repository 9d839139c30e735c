"""What the Review page shows: the card (list values beside the registry's, differences marked), the reasons
offered per action, the keys, and the queue grid's model (a lazy ``RecordsModel`` over the queue's ids)."""

from __future__ import annotations

import difflib
import html
from typing import Any

from PySide6.QtCore import Qt

from desktop.i18n import format_date, format_number, tr
from desktop.registry.precheck import invalid_reason
from desktop.review.queue import FIELD_LABELS, KIND_LABELS, STATUS_LABELS, status_key
from desktop.views.records_table import COLUMNS, Column, RecordsModel

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
    others = item.get("same_person") or []
    if others:
        table.append(f"<p style='color:#0d47a1'><b>{tr('Quyết định này áp dụng cho {n} mũi của cùng người', 'This decision applies to {n} doses of the same person', n=format_number(len(others) + 1))}</b> "
                     f"({tr('cùng số giấy tờ, họ tên, ngày sinh và cùng khác biệt', 'same ID number, name, date of birth and differences')}).</p>")
    if item.get("decision_reason"):
        table.append(f"<p>{tr('Lý do', 'Reason')}: {html.escape(item['decision_reason'])}</p>")
    return head + "".join(table)



def _kinds(differences: Any) -> str:
    return "; ".join(str(KIND_LABELS.get(f"{d.get('field')}:{d.get('kind')}", d.get("kind"))) for d in differences or [])


_BY_KEY = {column.key: column for column in COLUMNS}
QUEUE_COLUMNS: tuple[Column, ...] = (
    _BY_KEY["source_row"], _BY_KEY["full_name"], Column("differences", tr("Khác biệt", "Differences"), _kinds),
    _BY_KEY["check_status"], _BY_KEY["id_number"], _BY_KEY["dose_number"], _BY_KEY["vaccination_date"],
    _BY_KEY["date_of_birth"],
)
QUEUE_WIDTHS = {"source_row": 48, "full_name": 160, "differences": 150, "check_status": 170, "id_number": 115,
                "dose_number": 45, "vaccination_date": 90, "date_of_birth": 90}


class QueueModel(RecordsModel):
    """The queue's ids in the grid; a decided record leaves without reloading the others."""

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, QUEUE_COLUMNS, parent)

    def ids(self) -> list[int]:
        return list(self._ids)

    def remove_ids(self, record_ids: list[int]) -> None:
        for record_id in record_ids:
            if record_id in self._ids:
                row = self._ids.index(record_id)
                self.beginRemoveRows(self.index(-1, -1).parent(), row, row)
                del self._ids[row]
                self._cache.pop(record_id, None)
                self.endRemoveRows()
