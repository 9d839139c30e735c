"""A look at a list before loading it: layout, headers, what each column was recognised as, first rows,
and (``check_file``) what the import would make of every row, with the problem cells of the first rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop.i18n import Message, tr
from desktop.importer.fields import FIELD_BY_KEY, FIELDS, ColumnMap
from desktop.importer.load import _data_rows, build_column_map, headers_seen
from desktop.importer.reading import read_sheet
from desktop.importer.rows import Issue, RowReader, RowResult
from desktop.importer.text import cell_text, clean, value_text
from desktop.importer.values import _DMY, _MY, _SERIAL, _YEAR, _YMD, FIRST_YEAR, BadValue, parse_date
from desktop.progress import Progress

PREVIEW_ROWS = 20


@dataclass
class Preview:
    file: str
    kind: str  # xlsx | xls | csv
    sheet: str
    encoding: str
    delimiter: str
    layout: str | None  # "long" | "pl1" | None (no header recognised)
    header_row: int | None  # 1-based
    headers: list[str]  # one per column
    mapping: dict[str, int]  # person fields and (long layout) dose fields → column index
    doses: dict[int, dict[str, int]]  # PL1 dose blocks
    missing: list[str]  # required fields without a column
    rows: list[list[str]] = field(default_factory=list)  # first data rows as text
    seen: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.layout is not None and not self.missing

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "kind": self.kind, "sheet": self.sheet, "encoding": self.encoding,
                "delimiter": self.delimiter, "layout": self.layout, "header_row": self.header_row,
                "headers": self.headers, "mapping": self.mapping,
                "doses": {str(k): v for k, v in self.doses.items()}, "missing": self.missing, "rows": self.rows}


def field_choices() -> list[tuple[str, str, bool]]:
    """(key, label, required) of every field, for mapping combos."""
    return [(f.key, str(f.label), f.required) for f in FIELDS]


def preview_file(path: Path | str, column_map: dict[str, Any] | None = None) -> Preview:
    """Read the head of ``path`` and say how it would be loaded (nothing is stored)."""
    path = Path(path)
    sheet = read_sheet(path)
    cmap = build_column_map(sheet, column_map)
    width = max((len(r) for r in sheet.head), default=0)
    if cmap is None:
        missing = [f.key for f in FIELDS if f.required]
        start = 0
        for start, row in enumerate(sheet.head):  # noqa: B007 - the first non-empty row is the likely header
            if any(clean(value_text(c)) for c in row):
                break
        headers = [clean(value_text(c)) for c in (sheet.head[start] if sheet.head else [])]
        headers += [""] * (width - len(headers))
        data = sheet.head[start + 1:start + 1 + PREVIEW_ROWS]
        return Preview(path.name, sheet.kind, sheet.name, sheet.encoding, sheet.delimiter, None, None, headers, {},
                       {}, missing, [_texts(r, width) for r in data], headers_seen(sheet))
    headers = [clean(h) for h in cmap.headers] + [""] * max(0, width - len(cmap.headers))
    first = cmap.header_row + cmap.header_rows
    data = [r for r in sheet.head[first:] if any(clean(value_text(c)) for c in r)][:PREVIEW_ROWS]
    return Preview(path.name, sheet.kind, sheet.name, sheet.encoding, sheet.delimiter, cmap.layout, cmap.header_row + 1,
                   headers, dict(cmap.columns), {k: dict(v) for k, v in cmap.doses.items()}, cmap.missing(),
                   [_texts(r, width) for r in data], headers_seen(sheet))


def _texts(row: list[Any], width: int) -> list[str]:
    cells = [clean(value_text(c)) for c in row]
    return cells + [""] * (width - len(cells))


def field_label(key: str) -> str:
    return str(FIELD_BY_KEY[key].label)


# ---------------------------------------------------------------- the check before loading
@dataclass(frozen=True)
class CellProblem:
    """One problem of one cell (``column`` None: of the row as a whole), as the import would see it."""

    row: int  # the file's row number, as the spreadsheet shows it
    column: int | None  # 0-based column of the file
    field: str  # the field key ("sex", "vaccine", ...) or ""
    code: str
    severity: str  # "rejected" (the row would not load) | "warning" (it loads; check it)
    value: str
    message: Message  # names row, column, value and the fix
    fix: Message  # the fix alone, short


@dataclass(frozen=True)
class PreviewRow:
    row: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class ListCheck:
    """What loading the file would do, counted over every row; problem cells of the first rows."""

    file: str
    rows: int  # data rows (empty rows and a closing total row not counted)
    loadable: int  # rows the import would take (duplicates are told only by the import)
    rejected: int
    warned: int  # loadable rows with a warning
    shown: tuple[PreviewRow, ...]
    problems: tuple[CellProblem, ...]  # of the shown rows
    columns: tuple[CellProblem, ...]  # of a whole column (row 0), e.g. dates written in several forms
    counts: tuple[tuple[str, int], ...]  # problem code → rows having it, over the whole file

    def problems_at(self, row: int, column: int | None) -> tuple[CellProblem, ...]:
        return tuple(p for p in self.problems if p.row == row and p.column == column)


_DATE_FIX = tr("Ghi ngày dạng dd/mm/yyyy (ví dụ 31/12/2021).", "Write the date as dd/mm/yyyy (e.g. 31/12/2021).")
_ID_FIX = tr("Ghi CCCD 12 số, CMND 9 số hoặc số hộ chiếu; định dạng cột là Văn bản (Text) trong Excel.",
             "Write a 12-digit CCCD, a 9-digit CMND or a passport number; format the column as Text in Excel.")
_FIXES: dict[str, Message] = {
    "bad_sex": tr("Chọn Nam hoặc Nữ.", "Choose Nam (male) or Nữ (female)."),
    "unknown_vaccine": tr("Chọn vắc xin trong danh mục.", "Pick the vaccine from the catalogue."),
    "bad_date": _DATE_FIX, "date_short_year": _DATE_FIX, "date_year_only": _DATE_FIX, "future_date": _DATE_FIX,
    "before_birth": _DATE_FIX, "dob_before_1900": _DATE_FIX, "dob_future": _DATE_FIX, "excel_serial": _DATE_FIX,
    "mixed_date_forms": _DATE_FIX,
    "id_restored": tr("Định dạng cột là Văn bản (Text) trong Excel để giữ số 0 ở đầu.",
                      "Format the column as Text in Excel to keep the leading zeros."),
    "id_invalid": _ID_FIX, "id_missing": _ID_FIX,
    "cccd_inconsistent": tr("Kiểm tra số CCCD, giới tính và năm sinh.", "Check the CCCD, sex and year of birth."),
    "bad_dose": tr("Ghi mũi số từ 1 đến 10.", "Write a dose number from 1 to 10."),
    "bad_name": tr("Ghi đúng họ và tên, không có chữ số.", "Write the full name, without digits."),
    "bad_nationality": tr("Ghi mã quốc gia 2 chữ cái (VN, KR, US…).", "Write a 2-letter country code (VN, KR, US…)."),
    "required": tr("Điền giá trị còn thiếu.", "Fill in the missing value."),
    "too_long": tr("Rút gọn giá trị.", "Shorten the value."),
    "no_dose": tr("Điền ít nhất một mũi tiêm.", "Fill in at least one dose."),
}
_NO_FIX = tr("Sửa giá trị theo lời nhắn.", "Correct the value as the message says.")


def fix_for(code: str) -> Message:
    return _FIXES.get(code, _NO_FIX)


_FORM_NAMES = {"cell": tr("ô ngày của Excel", "Excel date cells"), "dmy": tr("dd/mm/yyyy", "dd/mm/yyyy"),
               "ymd": tr("yyyy-mm-dd", "yyyy-mm-dd"), "serial": tr("số ngày của Excel", "Excel day numbers")}


def date_form(value: object) -> str | None:
    """How a date cell is written: "cell", "dmy", "ymd", "serial", "partial" (a year or month), None (not a date)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return "cell"
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        if float(value).is_integer() and FIRST_YEAR <= value <= dt.date.today().year:
            return "partial"
        return "serial"
    return _text_date_form(cell_text(value))


@lru_cache(maxsize=4096)
def _text_date_form(text: str) -> str | None:
    if not text:
        return None
    if _DMY.match(text):
        return "dmy"
    if _YMD.match(text):
        return "ymd"
    if _YEAR.match(text):
        return "partial" if FIRST_YEAR <= int(text) <= dt.date.today().year else "serial"
    if _MY.match(text):
        return "partial"
    if _SERIAL.match(text):
        return "serial"
    return None


def _date_columns(cmap: ColumnMap) -> list[tuple[int, str]]:
    out = []
    for key in ("date_of_birth", "vaccination_date"):
        if key in cmap.columns:
            out.append((cmap.columns[key], key))
    for block in cmap.doses.values():
        if "vaccination_date" in block:
            out.append((block["vaccination_date"], "vaccination_date"))
    return sorted(set(out))


def column_fields(cmap: ColumnMap) -> dict[int, str]:
    """Column index → the field it holds."""
    out = {index: key for key, index in cmap.columns.items()}
    for block in cmap.doses.values():
        for key, index in block.items():
            out.setdefault(index, key)
    return out


def issue_column(reader: RowReader, issue: Issue, cells: list[Any],
                 taken: frozenset[tuple[int, str]] = frozenset()) -> int | None:
    """The column an importer issue is about (its header text, or "#n"), told apart by the value when the
    header repeats (the dose blocks of the platform template); ``taken``: (column, code) already placed."""
    if not issue.column:
        return None
    matches = [i for i, header in enumerate(reader.headers) if header == issue.column]
    if not matches and issue.column.startswith("#") and issue.column[1:].isdigit():
        return int(issue.column[1:]) - 1
    free = [i for i in matches if (i, issue.code) not in taken] or matches
    for index in free:
        if index < len(cells) and cell_text(cells[index]) == issue.value:
            return index
    return free[0] if free else None


def row_problems(reader: RowReader, fields: dict[int, str], outcome: RowResult, cells: list[Any]) -> list[CellProblem]:
    """The issues ``RowReader.read`` found in a row, placed on their cells."""
    out: list[CellProblem] = []
    for issue in outcome.issues:
        column = issue_column(reader, issue, cells, frozenset((p.column, p.code) for p in out
                                                             if p.column is not None))
        out.append(CellProblem(issue.row, column, fields.get(column, "") if column is not None else "", issue.code,
                               "rejected" if issue.kind == "rejected" else "warning", issue.value, issue.message,
                               fix_for(issue.code)))
    return out


def _serial_problem(row: int, column: int, key: str, header: str, value: object, partial_ok: bool) -> CellProblem | None:
    try:
        read = parse_date(value, partial_ok)
    except BadValue:
        return None  # the reader names it
    text = cell_text(value)
    shown = dt.date.fromisoformat(read).strftime("%d/%m/%Y") if len(read) == 10 else read
    message = tr("Dòng {row}, cột “{column}”: {value} là số ngày của Excel, được đọc thành {date}. Hãy kiểm tra lại "
                 "ngày này và định dạng cột là Ngày (dd/mm/yyyy).",
                 "Row {row}, column “{column}”: {value} is an Excel day number, read as {date}. Check this date and "
                 "format the column as Date (dd/mm/yyyy).", row=row, column=header, value=text, date=shown)
    return CellProblem(row, column, key, "excel_serial", "warning", text, message, fix_for("excel_serial"))


def check_file(path: Path | str, column_map: dict[str, Any] | None = None, shown: int = PREVIEW_ROWS,
               facility_code: str = "", today: dt.date | None = None,
               progress: Progress | None = None) -> ListCheck | None:
    """Read every row of ``path`` as the import reads it (``RowReader``), storing nothing.

    Counts rows, rows the import would take or refuse, and rows with warnings; places the problems
    of the first ``shown`` rows on their cells. Two things the import reads without a word are
    flagged too: Excel day numbers in a date column, and a date column written in several forms.
    None when the columns are not all recognised yet (see ``preview_file``).
    """
    path = Path(path)
    sheet = read_sheet(path)
    cmap = build_column_map(sheet, column_map)
    if cmap is None or cmap.missing():
        return None
    reader = RowReader(cmap, facility_code, today=today)
    fields = column_fields(cmap)
    date_columns = _date_columns(cmap)
    first = cmap.header_row + cmap.header_rows
    counted = loadable = rejected = warned = 0
    counts: dict[str, int] = {}
    forms: dict[int, dict[str, int]] = {index: {} for index, _key in date_columns}
    shown_rows: list[PreviewRow] = []
    shown_forms: list[tuple[int, int, str, str]] = []  # row, column, form, text
    problems: list[CellProblem] = []
    for index, cells in _data_rows(sheet, first):
        row = index + 1
        if progress is not None and index % 256 == 0:
            progress.update(sheet.position(index), sheet.total, str(tr("Dòng {row}", "Row {row}", row=row)))
        if reader.is_empty(cells) or reader.is_total_row(cells):
            continue
        counted += 1
        showing = len(shown_rows) < shown
        codes: set[str] = set()
        for column, key in date_columns:
            value = cells[column] if column < len(cells) else None
            form = date_form(value)
            if form is None or form == "partial":
                continue
            forms[column][form] = forms[column].get(form, 0) + 1
            if form == "serial":
                problem = _serial_problem(row, column, key, reader.headers[column] if column < len(reader.headers)
                                          else f"#{column + 1}", value, key == "date_of_birth")
                if problem is not None:
                    codes.add(problem.code)
                    if showing:
                        problems.append(problem)
            elif showing:
                shown_forms.append((row, column, form, cell_text(value)))
        refused = False
        if showing or reader.read_valid(cells, row) is None:
            outcome = reader.read(cells, row)
            refused = outcome.rejected
            codes.update(issue.code for issue in outcome.issues)
            if showing:
                problems.extend(row_problems(reader, fields, outcome, cells))
        if refused:
            rejected += 1
        else:
            loadable += 1
            warned += bool(codes)
        for code in codes:
            counts[code] = counts.get(code, 0) + 1
        if showing:
            shown_rows.append(PreviewRow(row, tuple(_texts(cells, len(reader.headers)))))
    columns, others = _mixed_forms(reader, forms, shown_forms, problems, fields)
    if others:
        counts["mixed_date_forms"] = others
    return ListCheck(path.name, counted, loadable, rejected, warned, tuple(shown_rows), tuple(problems),
                     tuple(columns), tuple(sorted(counts.items())))


def _mixed_forms(reader: RowReader, forms: dict[int, dict[str, int]], shown_forms: list[tuple[int, int, str, str]],
                 problems: list[CellProblem], fields: dict[int, str]) -> tuple[list[CellProblem], int]:
    """Columns whose dates are written in several forms; the cells of the shown rows not in the main form
    are added to ``problems``. Returns the column problems and how many cells are not in the main form."""
    columns: list[CellProblem] = []
    others = 0
    for column, seen in sorted(forms.items()):
        if len(seen) < 2:
            continue
        main = max(seen, key=lambda form: (seen[form], form == "dmy"))  # a tie: dd/mm/yyyy is the form asked for
        others += sum(n for form, n in seen.items() if form != main)
        header = reader.headers[column] if column < len(reader.headers) else f"#{column + 1}"
        ordered = sorted(seen, key=lambda form: -seen[form])  # most used first
        listed = tr(", ".join(f"{_FORM_NAMES[f].vi} ({seen[f]})" for f in ordered),
                    ", ".join(f"{_FORM_NAMES[f].en} ({seen[f]})" for f in ordered))
        key = fields.get(column, "")
        columns.append(CellProblem(0, column, key, "mixed_date_forms", "warning", "", tr(
            "Cột “{column}” ghi ngày theo nhiều kiểu: {forms}. Hãy thống nhất một kiểu dd/mm/yyyy để tránh đọc nhầm "
            "ngày và tháng.", "Column “{column}” writes dates in several forms: {forms}. Use dd/mm/yyyy throughout so "
            "that day and month are not confused.", column=header, forms=listed), fix_for("mixed_date_forms")))
        for row, at, form, text in shown_forms:
            if at != column or form == main:
                continue
            problems.append(CellProblem(row, column, key, "mixed_date_forms", "warning", text, tr(
                "Dòng {row}, cột “{column}”: “{value}” ghi theo kiểu {form}, khác với phần lớn cột ({main}). "
                "Hãy ghi dạng dd/mm/yyyy.", "Row {row}, column “{column}”: “{value}” is written as {form}, unlike "
                "most of the column ({main}). Write it as dd/mm/yyyy.", row=row, column=header, value=text,
                form=_FORM_NAMES[form], main=_FORM_NAMES[main]), fix_for("mixed_date_forms")))
    return columns, others


_PROBLEM_NAMES: dict[str, Message] = {
    "excel_serial": tr("ngày ghi bằng số của Excel", "dates as Excel day numbers"),
    "mixed_date_forms": tr("ngày khác kiểu trong cột", "dates in another form than their column"),
    "bad_sex": tr("giới tính không rõ", "sex not understood"),
    "unknown_vaccine": tr("vắc xin không có trong danh mục", "vaccines not in the catalogue"),
    "id_invalid": tr("số giấy tờ sai", "invalid ID numbers"),
    "id_missing": tr("thiếu số giấy tờ", "missing ID numbers"),
    "id_restored": tr("số giấy tờ mất số 0 ở đầu", "ID numbers that lost leading zeros"),
    "cccd_inconsistent": tr("CCCD không khớp giới tính/năm sinh", "CCCD disagreeing with sex/year of birth"),
    "bad_date": tr("ngày không đọc được", "unreadable dates"),
    "date_short_year": tr("năm chỉ có 2 chữ số", "two-digit years"),
    "date_year_only": tr("ngày tiêm chỉ có năm", "vaccination dates with only a year"),
    "future_date": tr("ngày tiêm ở tương lai", "vaccination dates in the future"),
    "before_birth": tr("tiêm trước ngày sinh", "vaccinated before birth"),
    "dob_before_1900": tr("ngày sinh trước 1900", "dates of birth before 1900"),
    "dob_future": tr("ngày sinh ở tương lai", "dates of birth in the future"),
    "bad_dose": tr("mũi số sai", "invalid dose numbers"),
    "bad_name": tr("họ tên sai", "invalid names"),
    "bad_nationality": tr("quốc tịch không rõ", "nationality not understood"),
    "required": tr("ô bắt buộc còn trống", "required cells empty"),
    "too_long": tr("giá trị quá dài", "values too long"),
    "no_dose": tr("dòng không có mũi tiêm", "rows without a dose"),
}


def problem_name(code: str) -> Message:
    """A short name for a kind of problem, for counts ("giới tính không rõ: 3")."""
    return _PROBLEM_NAMES.get(code, tr(code, code))


def vaccine_choices() -> tuple[tuple[str, str], ...]:
    """(label, the name a list writes) of every vaccine in the catalogue, for correcting a row."""
    from desktop.dcc.vaccines import all_vaccines

    return tuple((vaccine.display, vaccine.names[0] if vaccine.names else vaccine.key) for vaccine in all_vaccines())
