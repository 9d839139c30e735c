"""The fields of a list and the headers that mean them, in both layouts (contracts/daily-list.md).

Headers are compared by meaning: folded (no case, no marks, Đ→d), hints in parentheses and "(*)"
removed, punctuation and line breaks as spaces. A header means a field when its key equals one of
the field's names or starts with one followed by a space ("ngay sinh dang dd mm yyyy" → dob).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.i18n import Message, tr
from desktop.importer.text import header_key


@dataclass(frozen=True)
class Field:
    key: str
    label: Message
    names: tuple[str, ...]
    required: bool = False
    per_dose: bool = False  # in PL1, repeated in each dose block


FIELDS: tuple[Field, ...] = (
    Field("source_ref", tr("Mã mũi tiêm", "Platform record id"),
          ("ma mui tiem", "ma ban ghi", "id", "ma dinh danh mui tiem", "record id")),
    Field("full_name", tr("Họ và tên", "Full name"),
          ("ho va ten", "ho ten", "ho va ten nguoi tiem", "ho ten nguoi tiem", "full name", "name"), required=True),
    Field("date_of_birth", tr("Ngày sinh", "Date of birth"),
          ("ngay sinh", "ngay thang nam sinh", "nam sinh", "date of birth", "dob", "birth date"), required=True),
    Field("sex", tr("Giới tính", "Sex"), ("gioi tinh", "gioi", "sex", "gender"), required=True),
    Field("id_number", tr("Số CMND/CCCD", "ID number"),
          ("so cmnd cccd", "so cmt cccd", "so cccd cmnd", "cmnd cccd", "cmt cccd", "so cccd", "so cmnd", "so cmt",
           "cccd", "cmnd", "cmt", "so dinh danh", "so dinh danh ca nhan", "so ho chieu", "ho chieu",
           "so cmnd cccd ho chieu", "so giay to", "giay to tuy than", "id number", "passport"), required=True),
    Field("nationality", tr("Quốc tịch", "Nationality"), ("quoc tich", "nationality")),
    Field("phone", tr("Số điện thoại", "Phone"), ("so dien thoai", "dien thoai", "sdt", "so dt", "phone")),
    Field("insurance_number", tr("Số thẻ BHYT", "Health insurance no."),
          ("so the bhyt", "the bhyt", "bhyt", "so the bao hiem y te", "ma the bhyt", "the bao hiem y te")),
    Field("province_code", tr("Mã tỉnh", "Province code"), ("ma tinh", "ma tinh thanh pho", "province code")),
    Field("district_code", tr("Mã huyện", "District code"),
          ("ma huyen", "ma quan huyen", "ma quan", "district code")),
    Field("ward_code", tr("Mã xã", "Ward code"), ("ma xa", "ma xa phuong", "ma phuong", "ward code")),
    Field("vaccine", tr("Tên vắc xin", "Vaccine"),
          ("ten vac xin", "vac xin", "ten vaccine", "vaccine", "loai vac xin", "ten vacxin", "vacxin"),
          required=True, per_dose=True),
    Field("lot", tr("Lô vắc xin", "Lot number"),
          ("lo vac xin", "so lo", "lo", "so lo vac xin", "lot", "lot number"), required=True, per_dose=True),
    Field("dose_number", tr("Mũi số", "Dose number"),
          ("mui so", "mui tiem thu", "mui thu", "mui tiem so", "so mui", "dose number", "dose"), required=True),
    Field("vaccination_date", tr("Ngày tiêm", "Vaccination date"),
          ("ngay tiem", "ngay tiem chung", "vaccination date", "date of vaccination"), required=True, per_dose=True),
    Field("facility_code", tr("Mã cơ sở tiêm", "Facility code"),
          ("ma co so tiem", "dia diem tiem", "ma co so", "co so tiem", "ma co so kcb", "facility code"),
          per_dose=True),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
# The platform template has no dose-number column (the block says which dose) and no record id.
PL1_NOT_REQUIRED = frozenset({"dose_number"})

_NAMES: list[tuple[str, str]] = sorted(
    ((name, f.key) for f in FIELDS for name in f.names), key=lambda item: -len(item[0])
)


def field_for_header(text: object) -> str | None:
    """The field a header cell means, or None."""
    key = header_key(text)
    if not key:
        return None
    for name, field_key in _NAMES:
        if key == name or key.startswith(name + " "):
            return field_key
    return None


def is_dose_block(text: object) -> int | None:
    """2 for "Mũi 2" (a PL1 dose-block heading), else None."""
    key = header_key(text)
    parts = key.split(" ")
    if len(parts) == 2 and parts[0] == "mui" and parts[1].isdigit():
        return int(parts[1])
    return None


@dataclass
class ColumnMap:
    """Where each field is: ``columns[field] = index`` (long), ``doses[n][field] = index`` (PL1)."""

    layout: str  # "long" | "pl1"
    header_rows: int  # 1 or 2
    header_row: int  # 0-based index of the (first) header row
    headers: list[str]  # one label per column (the sub-header when there are two rows)
    columns: dict[str, int] = field(default_factory=dict)
    doses: dict[int, dict[str, int]] = field(default_factory=dict)

    def required_fields(self) -> list[str]:
        return [f.key for f in FIELDS if f.required and not (self.layout == "pl1" and f.key in PL1_NOT_REQUIRED)]

    def missing(self) -> list[str]:
        found = set(self.columns)
        for block in self.doses.values():
            found |= set(block)
        return [key for key in self.required_fields() if key not in found]

    def used_columns(self) -> list[int]:
        out = set(self.columns.values())
        for block in self.doses.values():
            out |= set(block.values())
        return sorted(out)

    def as_dict(self) -> dict[str, Any]:
        return {"layout": self.layout, "header_row": self.header_row + 1, "header_rows": self.header_rows,
                "columns": dict(self.columns), "doses": {str(k): dict(v) for k, v in self.doses.items()}}


HEADER_SCAN_ROWS = 40


def _recognised(row: list[Any]) -> dict[int, str]:
    out = {}
    for index, cell in enumerate(row):
        key = field_for_header(cell)
        if key is not None:
            out[index] = key
    return out


def find_header(rows: list[list[Any]]) -> ColumnMap | None:
    """The header among the first rows: the row naming the most fields (at least two), plus its sub-row."""
    best: tuple[int, int] | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        count = len(set(_recognised(row).values()))
        if count >= 2 and (best is None or count > best[1]):
            best = (index, count)
    if best is None:
        return None
    top_index = best[0]
    top = [_cell(rows[top_index], c) for c in range(_width(rows))]
    sub = [_cell(rows[top_index + 1], c) for c in range(len(top))] if top_index + 1 < len(rows) else []
    if any(is_dose_block(cell) for cell in top):
        return _pl1_map(top_index, top, sub)
    two_rows = bool(sub) and _looks_like_sub_header(top, sub)
    headers = [(s or t) if two_rows else t for t, s in zip(top, sub or [""] * len(top), strict=False)]
    cmap = ColumnMap("long", 2 if two_rows else 1, top_index, [str(h) for h in headers])
    for index, cell in enumerate(headers):
        key = field_for_header(cell)
        if key is not None and key not in cmap.columns:
            cmap.columns[key] = index
    return cmap


def _width(rows: list[list[Any]]) -> int:
    return max((len(r) for r in rows[:HEADER_SCAN_ROWS + 2]), default=0)


def _cell(row: list[Any], index: int) -> object:
    return row[index] if index < len(row) and row[index] is not None else ""


def _looks_like_sub_header(top: list[Any], sub: list[Any]) -> bool:
    """A second header row: it names fields under cells the first row leaves empty (merged groups)."""
    named = [i for i, cell in enumerate(sub) if field_for_header(cell)]
    return len(named) >= 2 and all(not str(top[i]).strip() or field_for_header(top[i]) is None for i in named)


def _pl1_map(top_index: int, top: list[Any], sub: list[Any]) -> ColumnMap:
    """Two-row PL1 header: person columns, then per dose "Tên vắc xin" + block "Mũi n" (date, lot, place)."""
    headers: list[str] = []
    cmap = ColumnMap("pl1", 2, top_index, headers)
    dose = 0
    block: int | None = None
    for index, cell in enumerate(top):
        sub_cell = sub[index] if index < len(sub) else ""
        label = str(sub_cell).strip() or str(cell).strip()
        headers.append(label if not str(sub_cell).strip() or not str(cell).strip()
                       else f"{cell} / {sub_cell}")
        if str(cell).strip():
            block = is_dose_block(cell)
            if block is not None:
                dose = block
        key = field_for_header(sub_cell) if str(sub_cell).strip() else field_for_header(cell)
        if key is None:
            continue
        if key == "vaccine":
            dose += 1
            cmap.doses.setdefault(dose, {})["vaccine"] = index
        elif key in ("vaccination_date", "lot", "facility_code") and dose:
            cmap.doses.setdefault(dose, {})[key] = index
        elif key not in cmap.columns and not FIELD_BY_KEY[key].per_dose:
            cmap.columns[key] = index
    return cmap


def apply_manual_map(cmap: ColumnMap | None, headers_row: int | None, width: int,
                     manual: dict[str, int], rows: list[list[Any]]) -> ColumnMap:
    """The clerk's own mapping (field → column index) on top of what was recognised."""
    if cmap is None:
        top_index = headers_row or 0
        row = rows[top_index] if top_index < len(rows) else []
        cmap = ColumnMap("long", 1, top_index, [str(_cell(row, c)) for c in range(width)])
    for key, index in manual.items():
        if key not in FIELD_BY_KEY:
            continue
        if cmap.layout == "pl1" and FIELD_BY_KEY[key].per_dose:
            cmap.doses.setdefault(1, {})[key] = index
        else:
            cmap.columns[key] = index
    return cmap
