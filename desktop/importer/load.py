"""Loading a daily list into the workspace: the whole file in one transaction, or nothing.

Every data row ends accepted (its records stored), rejected (``ImportIssue`` kind "rejected", one
per problem) or duplicate (kind "duplicate", naming the earlier row or record). Warnings on
accepted rows are kept too (kind "warning"). De-duplication keys of the records already loaded are
read in one query under the write lock; nothing is queried per row.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from desktop.db_bulk import gc_paused, indexes_set_aside, insert_rows, is_sqlite, next_id
from desktop.errors import UserError
from desktop.i18n import Message, tr
from desktop.importer.bulk import RecordWriter, lock_for_writing
from desktop.importer.fields import FIELD_BY_KEY, ColumnMap, apply_manual_map, find_header
from desktop.importer.messages import row_message
from desktop.importer.reading import MAX_ROWS, Sheet, _too_many_rows, read_sheet
from desktop.importer.rows import Issue, RowReader
from desktop.importer.text import clean, header_key, value_text
from desktop.models import DailyList, ImportIssue, VaccinationRecord
from desktop.models.tables.audit import audit_event
from desktop.models.tables.records import vaccination_record
from desktop.progress import Progress

if TYPE_CHECKING:
    from desktop.workspace import Workspace

log = logging.getLogger(__name__)
CHUNK_ROWS = 2000  # records written at a time
PIECE_ROWS = 256  # rows read at a time (and between progress reports)


@dataclass
class ImportResult:
    list_id: int | None
    file: str
    layout: str
    rows: int = 0
    accepted: int = 0
    rejected: int = 0
    duplicates: int = 0
    records: int = 0
    ignored_rows: list[int] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    already_loaded: bool = False
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"list_id": self.list_id, "file": self.file, "layout": self.layout, "rows": self.rows,
                "accepted": self.accepted, "rejected": self.rejected, "duplicates": self.duplicates,
                "records": self.records, "ignored_rows": self.ignored_rows, "already_loaded": self.already_loaded,
                "errors": self.errors, "warnings": self.warnings}


class _NothingNew(Exception):
    """Roll back: the same file was loaded before and brings no new record."""


# ---------------------------------------------------------------- column maps
def _column_letter_index(text: str) -> int | None:
    if text.isalpha() and len(text) <= 3:
        index = 0
        for ch in text.upper():
            index = index * 26 + (ord(ch) - 64)
        return index - 1
    return None


def resolve_manual_map(manual: dict[str, Any] | None, headers: list[str]) -> dict[str, int]:
    """Field → column index from the clerk's choice: an index (0-based int), a letter ("C"), a 1-based
    number as text ("3"), or the header's text."""
    out: dict[str, int] = {}
    for key, where in (manual or {}).items():
        if key not in FIELD_BY_KEY:
            raise UserError(tr("Không có trường {field}. Các trường: {fields}", "There is no field {field}. Fields: {fields}",
                               field=key, fields=", ".join(FIELD_BY_KEY)), code="unknown_field")
        if isinstance(where, int):
            out[key] = where
            continue
        text = str(where).strip()
        if text.isdigit():
            out[key] = int(text) - 1
            continue
        wanted = header_key(text)
        matches = [i for i, h in enumerate(headers) if header_key(h) == wanted and wanted]
        if matches:
            out[key] = matches[0]
            continue
        letter = _column_letter_index(text)
        if letter is not None:
            out[key] = letter
            continue
        raise UserError(tr("Không tìm thấy cột “{column}” cho trường {field}. Các cột: {headers}",
                           "No column “{column}” for field {field}. Columns: {headers}",
                           column=text, field=key, headers=" | ".join(h for h in headers if h)),
                        code="unknown_column")
    return out


def _first_nonempty_row(rows: list[list[Any]]) -> int:
    for index, row in enumerate(rows):
        if any(clean(value_text(c)) for c in row):
            return index
    return 0


def build_column_map(sheet: Sheet, manual: dict[str, Any] | None = None) -> ColumnMap:
    cmap = find_header(sheet.head)
    if manual:
        width = max((len(r) for r in sheet.head), default=0)
        start = cmap.header_row if cmap else _first_nonempty_row(sheet.head)
        headers = cmap.headers if cmap else [clean(value_text(c)) for c in (sheet.head[start] if sheet.head else [])]
        cmap = apply_manual_map(cmap, start, width, resolve_manual_map(manual, headers), sheet.head)
    return cmap  # type: ignore[return-value]


def headers_seen(sheet: Sheet) -> list[str]:
    cmap = find_header(sheet.head)
    if cmap is not None:
        return [clean(h) for h in cmap.headers if clean(h)]
    index = _first_nonempty_row(sheet.head)
    return [clean(value_text(c)) for c in (sheet.head[index] if sheet.head else []) if clean(value_text(c))]


def require_columns(sheet: Sheet, cmap: ColumnMap | None, file_name: str) -> ColumnMap:
    if not any(any(clean(value_text(c)) for c in row) for row in sheet.head):
        raise UserError(tr("Tệp {file} không có dữ liệu.", "{file} has no data.", file=file_name), code="empty_file")
    seen = headers_seen(sheet)
    if cmap is None:
        raise UserError(
            tr("Không tìm thấy dòng tiêu đề trong {file}. Cần các cột: {required}. Các tiêu đề thấy được: {seen}. "
               "Hãy chọn cột cho từng trường (trong cửa sổ Nhập, hoặc --map trường=cột).",
               "No header row found in {file}. Needed: {required}. Headers seen: {seen}. Map the columns "
               "(in the Import window, or --map field=column).", file=file_name,
               required=tr(", ".join(FIELD_BY_KEY[k].label.vi for k in _REQUIRED),
                           ", ".join(FIELD_BY_KEY[k].label.en for k in _REQUIRED)),
               seen=" | ".join(seen) or "-"),
            code="no_header", details={"missing": list(_REQUIRED), "headers": seen})
    missing = cmap.missing()
    if missing:
        raise UserError(
            tr("Tệp {file} thiếu cột bắt buộc: {missing}. Các tiêu đề thấy được: {seen}. Hãy thêm cột, hoặc chọn cột "
               "tương ứng (trong cửa sổ Nhập, hoặc --map trường=cột).",
               "{file} lacks required columns: {missing}. Headers seen: {seen}. Add them, or map the columns "
               "(in the Import window, or --map field=column).", file=file_name,
               missing=tr(", ".join(FIELD_BY_KEY[k].label.vi for k in missing),
                          ", ".join(FIELD_BY_KEY[k].label.en for k in missing)),
               seen=" | ".join(seen) or "-"),
            code="missing_columns", details={"missing": missing, "headers": seen})
    if sheet.kind == "csv" and sheet.head and all(len(r) <= 1 for r in sheet.head):
        raise UserError(tr("Không nhận ra dấu phân cách cột trong {file}.", "Cannot tell the column delimiter of {file}.",
                           file=file_name), code="no_delimiter")
    return cmap


_REQUIRED = [f for f in ("full_name", "date_of_birth", "sex", "id_number", "vaccine", "lot", "dose_number",
                         "vaccination_date")]


# ---------------------------------------------------------------- merged cells
def _fill_merged(sheet: Sheet, first_data_row: int, rows: list[list[Any]]) -> None:
    """A cell merged over several data rows means the same value in each (calamine fills only the first)."""
    for rng in sheet.merged:
        try:
            (r0, c0), (r1, c1) = rng
        except (TypeError, ValueError):
            continue
        if r0 < first_data_row or r0 >= len(rows):
            continue
        value = rows[r0][c0] if c0 < len(rows[r0]) else ""
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, c1 + 1):
                if c < len(row) and (r, c) != (r0, c0):
                    row[c] = value


# ---------------------------------------------------------------- de-duplication
# A key is one string (a million of them stay in memory during a large import): "r" + platform id, or
# "i" + ID number, dose, date, or "n" + folded name, date of birth, dose, date, the parts after the
# first one joined by NUL. Only the first part is free text, so the parts are told apart from the right.
def _person_key(id_number: str, folded: str, dob: str, dose: Any, vdate: str) -> str:
    if id_number:
        return f"i{id_number}\0{dose}\0{vdate}"
    return f"n{folded}\0{dob}\0{dose}\0{vdate}"


def _keys(record: dict[str, Any]) -> tuple[str | None, str]:
    ref = record["source_ref"]
    return ("r" + ref if ref else None), _person_key(record["id_number"], record["name_folded"],
                                                      record["date_of_birth"], record["dose_number"],
                                                      record["vaccination_date"])


def _load_existing(session: Session) -> dict[str, tuple[int, int | None, int]]:
    t = VaccinationRecord.__table__.c
    out: dict[str, tuple[int, int | None, int]] = {}
    query = select(t.id, t.list_id, t.source_row, t.source_ref, t.id_number, t.dose_number, t.vaccination_date,
                   t.name_folded, t.date_of_birth)
    result = session.execute(query.execution_options(yield_per=20_000))
    for rid, list_id, row, ref, id_number, dose, vdate, folded, dob in result:
        where = (rid, list_id, row)
        if ref:
            out.setdefault("r" + ref, where)
        out.setdefault(_person_key(id_number, folded, dob, dose, vdate), where)
    return out


def _key_text(key: str) -> Message:
    kind, rest = key[0], key[1:]
    if kind == "r":
        return tr("mã {ref}", "record id {ref}", ref=rest)
    if kind == "i":
        from desktop.ids import mask_id

        number, dose, date = rest.rsplit("\0", 2)
        return tr("số giấy tờ {id}, mũi {dose}, ngày {date}", "ID {id}, dose {dose}, date {date}",
                  id=mask_id(number), dose=dose, date=date)
    name, dob, dose, date = rest.rsplit("\0", 3)
    return tr("{name}, sinh {dob}, mũi {dose}, ngày {date}", "{name}, born {dob}, dose {dose}, date {date}",
              name=name, dob=dob, dose=dose, date=date)


# ---------------------------------------------------------------- the import
def import_file(workspace: Workspace, path: Path | str, actor: str, progress: Progress | None = None,
                column_map: dict[str, Any] | None = None, today: dt.date | None = None) -> ImportResult:
    """Load one daily list into ``workspace``; the whole file in one transaction (all or nothing).

    ``column_map`` (field → column) overrides what the header recognition found. Raises
    ``UserError`` for a file that cannot be a list (nothing is stored) and ``Cancelled`` when the
    progress is cancelled (everything is rolled back).
    """
    started = time.perf_counter()
    path = Path(path)
    sheet = read_sheet(path)
    cmap = require_columns(sheet, build_column_map(sheet, column_map), path.name)
    facility = workspace.settings.get("facility_code") or ""
    reader = RowReader(cmap, facility, today=today)
    result = ImportResult(None, path.name, cmap.layout)
    log.info("import %s (%s, %s layout) started by %s", path.name, sheet.kind, cmap.layout, actor)
    try:
        with gc_paused(), workspace.db.session() as session:
            _run(session, sheet, cmap, reader, result, path, actor, facility, progress)
    except _NothingNew:
        pass
    result.seconds = round(time.perf_counter() - started, 3)
    log.info("import %s: %d rows, %d accepted, %d rejected, %d duplicates in %.2fs", path.name, result.rows,
             result.accepted, result.rejected, result.duplicates, result.seconds)
    return result


def _run(session: Session, sheet: Sheet, cmap: ColumnMap, reader: RowReader, result: ImportResult, path: Path, actor: str,
         facility: str, progress: Progress | None) -> None:
    lock_for_writing(session)
    previous = session.execute(
        select(DailyList.id).where(DailyList.file_sha256 == sheet.sha256).order_by(DailyList.id).limit(1)
    ).scalar()
    header = {**cmap.as_dict(), "headers": cmap.headers, "header_cells": _header_rows(sheet, cmap)}
    daily = DailyList(file_name=path.name, file_sha256=sheet.sha256, layout=cmap.layout, imported_by=actor,
                      facility_code=facility, column_map=header)
    session.add(daily)
    session.flush()
    result.list_id = daily.id
    load = _Load(session, reader, result, path, progress, _load_existing(session),
                 RecordWriter(session, daily.id, actor, path.name))
    expected = _expected_rows(sheet, cmap)
    with indexes_set_aside(session, vaccination_record, expected, load.store.first_id - 1), \
            indexes_set_aside(session, audit_event, expected, getattr(load.store.events, "last_id", 0)):
        _read_rows(load, sheet, cmap)
        load.store.flush()
        load.forget_keys()  # before the index builds: their sorter and a million keys need not share memory
    if progress is not None:
        progress.update(sheet.total, sheet.total, str(tr("Đang lưu…", "Saving…")), force=True)
    _store_issues(session, daily.id, load.issues, load.raw_by_row)
    daily.rows_total, daily.accepted, daily.rejected, daily.duplicates = (
        result.rows, result.accepted, result.rejected, result.duplicates)
    result.errors = [i.as_dict() for i in load.issues if i.kind != "warning"]
    result.warnings = [i.as_dict() for i in load.issues if i.kind == "warning"]
    if result.rows == 0:
        raise UserError(tr("Tệp {file} chỉ có dòng tiêu đề, không có dòng dữ liệu nào.",
                           "{file} has a header but no data rows.", file=path.name), code="no_rows")
    if previous is not None and result.records == 0:
        result.list_id = previous
        result.already_loaded = True
        raise _NothingNew()
    if progress is not None:
        progress.check_cancelled()


def _expected_rows(sheet: Sheet, cmap: ColumnMap) -> int:
    """About how many data rows the sheet has (CSV: its size over the length of its first rows)."""
    if not sheet.progress_in_bytes:
        return max(0, sheet.total - cmap.header_row - cmap.header_rows)
    sample = sheet.head[cmap.header_row + cmap.header_rows:]
    if not sample:
        return 0
    width = sum(len(sheet.delimiter.join(str(c) for c in r).encode()) + 2 for r in sample) / len(sample)
    return int(sheet.total / max(width, 1.0))


def _data_rows(sheet: Sheet, first_data: int) -> Iterator[tuple[int, list[Any]]]:
    """(0-based index, cells) of the rows after the header, merged cells filled in."""
    rows: Iterable[list[Any]] = sheet.rows()
    if sheet.kind != "csv" and sheet.merged:
        rows = list(rows)
        _fill_merged(sheet, first_data, rows)
    return itertools.islice(enumerate(rows), first_data, None)


def _read_rows(load: _Load, sheet: Sheet, cmap: ColumnMap) -> None:
    """Every data row in order, read a piece at a time: the common rows column by column, the others one by one."""
    progress, total = load.progress, sheet.total
    read_common, accept, read_full = load.reader.read_common, load.accept, load.read_full
    data = _data_rows(sheet, cmap.header_row + cmap.header_rows)
    while piece := list(itertools.islice(data, PIECE_ROWS)):
        first_index = piece[0][0]
        if progress is not None:
            progress.update(sheet.position(first_index), total,
                            str(tr("Dòng {row}", "Row {row}", row=first_index + 1)))
        rows = [cells for _index, cells in piece]
        numbers = [index + 1 for index, _cells in piece]
        for cells, row, record in zip(rows, numbers, read_common(rows, numbers), strict=True):
            if record is None:
                read_full(cells, row)
            elif not accept(record, row):  # a duplicate: ``read`` would find the same record and no issue
                load.place([record], [], row)


class _Load:
    """One import's rows inside its transaction: counts, de-duplication keys, issues, pending records."""

    def __init__(self, session: Session, reader: RowReader, result: ImportResult, path: Path, progress: Progress | None,
                 existing: dict[str, tuple[int, int | None, int]], store: RecordWriter) -> None:
        self.session, self.reader, self.result, self.path, self.progress = session, reader, result, path, progress
        self.existing = existing
        self.seen: dict[str, int] = {}
        self.store = store
        self.issues: list[Issue] = []
        self.raw_by_row: dict[int, list[str]] = {}

    def forget_keys(self) -> None:
        """Drop the de-duplication keys once every row is placed (a large list holds two per record)."""
        self.seen = {}
        self.existing = {}

    def _count_row(self) -> None:
        self.result.rows += 1
        if self.result.rows > MAX_ROWS:
            raise _too_many_rows(self.path)

    def accept(self, record: dict[str, Any], row: int) -> bool:
        """Count the row of a common record and keep the record unless it repeats one; False for a repeat."""
        result = self.result
        self._count_row()
        ref = record["source_ref"]
        ref = "r" + ref if ref else None
        number = record["id_number"]
        person = (f"i{number}\0{record['dose_number']}\0{record['vaccination_date']}" if number else
                  _person_key("", record["name_folded"], record["date_of_birth"], record["dose_number"],
                              record["vaccination_date"]))
        seen, existing = self.seen, self.existing
        if (ref is not None and (ref in seen or ref in existing)) or person in seen or person in existing:
            return False
        result.accepted += 1
        result.records += 1
        if ref is not None:
            seen[ref] = row
        seen[person] = row
        pending = self.store.pending
        pending.append(record)
        if len(pending) >= CHUNK_ROWS:
            self.store.flush()
        return True

    def read_full(self, cells: list[Any], row: int) -> None:
        """A row the fast path declined: ignored, empty, rejected with every reason, or placed."""
        reader = self.reader
        if reader.is_total_row(cells):
            self.result.ignored_rows.append(row)
            return
        if reader.is_empty(cells):
            return
        self._count_row()
        outcome = reader.read(cells, row)
        if outcome.rejected:
            self.result.rejected += 1
            self.issues.extend(i for i in outcome.issues if i.kind == "rejected")
            self.raw_by_row[row] = [clean(value_text(c)) for c in cells]
            return
        self.place(outcome.records, outcome.issues, row)

    def _duplicate_of(self, ref: str | None, person: str) -> tuple[str, str, dict[str, Any]] | None:
        for key in (ref, person):
            if key is None:
                continue
            if key in self.seen:
                return key, "file", {"other_row": self.seen[key]}
            if key in self.existing:
                rid, other_list, other_row = self.existing[key]
                return key, "db", {"record_id": rid, "list_id": other_list, "other_row": other_row}
        return None

    def place(self, records: list[dict[str, Any]], row_issues: list[Issue], row: int) -> None:
        """Keep the row's records that repeat nothing; a row whose every record repeats one is a duplicate."""
        result = self.result
        fresh = []
        duplicate_of = None
        for record in records:
            ref, person = _keys(record)
            hit = self._duplicate_of(ref, person)
            if hit is None:
                fresh.append((record, ref, person))
                continue
            duplicate_of = duplicate_of or hit
            if len(records) > 1:
                row_issues.append(Issue(row, "warning", "dose_already_loaded", "", "", row_message(
                    "dose_already_loaded", row=row, dose=record["dose_number"],
                    record_id=hit[2].get("record_id", "?"))))
        if not fresh:
            key, origin, where = duplicate_of  # type: ignore[misc]
            code = "duplicate_in_file" if origin == "file" else "duplicate_record"
            result.duplicates += 1
            self.issues.append(Issue(row, "duplicate", code, "", "",
                                     row_message(code, row=row, key=_key_text(key), **where)))
            return
        result.accepted += 1
        self.issues.extend(row_issues)
        for record, ref, person in fresh:
            if ref is not None:
                self.seen[ref] = row
            self.seen[person] = row
            self.store.pending.append(record)
            result.records += 1
        if len(self.store.pending) >= CHUNK_ROWS:
            self.store.flush()


def _header_rows(sheet: Sheet, cmap: ColumnMap) -> list[list[str]]:
    rows = sheet.head[cmap.header_row:cmap.header_row + cmap.header_rows]
    return [[clean(value_text(c)) for c in r] for r in rows]


def _store_issues(session: Session, list_id: int, issues: list[Issue], raw_by_row: dict[int, list[str]]) -> None:
    if not issues:
        return
    start = next_id(session, cast(Table, ImportIssue.__table__)) if is_sqlite(session) else None
    rows = []
    for offset, issue in enumerate(issues):
        row = {"list_id": list_id, "row": issue.row, "kind": issue.kind, "column": issue.column[:200],
               "value": issue.value, "code": issue.code, "message_vi": issue.message.vi,
               "message_en": issue.message.en, "raw": raw_by_row.get(issue.row, []) if issue.kind == "rejected" else []}
        if start is not None:
            row["id"] = start + offset
        rows.append(row)
    insert_rows(session, cast(Table, ImportIssue.__table__), rows)
