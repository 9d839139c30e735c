"""Loading a daily list into the workspace: the whole file in one transaction, or nothing.

Every data row ends accepted (its records stored), rejected (``ImportIssue`` kind "rejected", one
per problem) or duplicate (kind "duplicate", naming the earlier row or record). Warnings on
accepted rows are kept too (kind "warning"). De-duplication keys of the records already loaded are
read in one query under the write lock; nothing is queried per row.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.db_bulk import gc_paused, insert_rows, insert_tuples, is_sqlite, next_id, sqlite_value
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.importer.bulk import AuditChain, flat_json, lock_for_writing
from desktop.importer.fields import FIELD_BY_KEY, ColumnMap, apply_manual_map, find_header
from desktop.importer.messages import row_message
from desktop.importer.reading import MAX_ROWS, Sheet, _too_many_rows, read_sheet
from desktop.importer.rows import Issue, RowReader
from desktop.importer.text import clean, header_key, value_text
from desktop.models import DailyList, ImportIssue, VaccinationRecord
from desktop.progress import Progress

log = logging.getLogger(__name__)
CHUNK_ROWS = 2000
# the import event locates the row and its dose; the person's name, birth date and ID stay in the record only
AUDIT_FIELDS = ("source_row", "source_ref", "sex", "vaccine_name", "lot", "dose_number", "vaccination_date")


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


def _first_nonempty_row(rows: list[list]) -> int:
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
def _fill_merged(sheet: Sheet, first_data_row: int, rows: list[list]) -> None:
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


def _load_existing(session) -> dict[str, tuple[int, int | None, int]]:
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


def _key_text(key: str):
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
def import_file(workspace, path: Path | str, actor: str, progress: Progress | None = None,
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


def _run(session, sheet: Sheet, cmap: ColumnMap, reader: RowReader, result: ImportResult, path: Path, actor: str,
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
    list_id = daily.id
    result.list_id = list_id
    existing = _load_existing(session)
    seen: dict[str, int] = {}
    chain = AuditChain(session, actor, "import", "record", reason=path.name)
    sqlite = is_sqlite(session)
    record_id = next_id(session, VaccinationRecord.__table__) if sqlite else None
    now = dt.datetime.now(dt.UTC)
    pending: list[dict[str, Any]] = []
    issues: list[Issue] = []
    raw_by_row: dict[int, list[str]] = {}
    first_data = cmap.header_row + cmap.header_rows
    rows = sheet.rows()
    if sheet.kind != "csv" and sheet.merged:
        rows = list(rows)
        _fill_merged(sheet, first_data, rows)
        rows = iter(rows)
    total = sheet.total
    base = _record_defaults(list_id, now)
    if sqlite:
        base = {key: sqlite_value(value) for key, value in base.items()}
    table = VaccinationRecord.__table__
    # SQLite: rows go to the driver as tuples (id, flags, the reader's fields); ``base`` is in every row
    record_columns = [c.name for c in table.columns if c.name not in base and c.name not in ("id", "flags")]
    insert_columns = ["id", "flags", *record_columns]
    record_values = itemgetter(*record_columns)
    audit_after: list = []  # the function giving an event's ``after`` text, made for the first record

    def flush() -> None:
        nonlocal record_id
        if not pending:
            return
        if sqlite and chain.fast:
            if not audit_after:
                audit_after.append(flat_json({"list_id": list_id}, AUDIT_FIELDS, pending[0]))
            after = audit_after[0]
            params = []
            events = []
            for record in pending:
                flags = record["flags"]
                params.append((record_id, "[]" if not flags else sqlite_value(flags), *record_values(record)))
                events.append((str(record_id), after(record)))
                record_id += 1
            insert_tuples(session, table, insert_columns, params, base)
            chain.append_texts(events)
            pending.clear()
            return
        if sqlite:
            for record in pending:
                record.update(base)
                record["id"] = record_id
                record_id += 1
                flags = record["flags"]
                record["flags"] = "[]" if not flags else sqlite_value(flags)
            insert_rows(session, table, pending, prepared=True)
        else:
            from sqlalchemy import insert

            ids = session.execute(
                insert(VaccinationRecord).returning(VaccinationRecord.id, sort_by_parameter_order=True),
                [{**r, **base} for r in pending],
            ).scalars().all()
            for record, rid in zip(pending, ids, strict=True):
                record["id"] = rid
        chain.append([(r["id"], None, {"list_id": list_id, **{k: r[k] for k in AUDIT_FIELDS}}) for r in pending])
        pending.clear()

    read_valid = reader.read_valid
    for index, cells in enumerate(rows):
        if index < first_data:
            continue
        row = index + 1
        if progress is not None and index % 256 == 0:
            progress.update(sheet.position(index), total, str(tr("Dòng {row}", "Row {row}", row=row)))
        record = read_valid(cells, row)
        if record is not None:  # the common row: one record, no issue (``read`` would say the same)
            result.rows += 1
            if result.rows > MAX_ROWS:
                raise _too_many_rows(path)
            ref = record["source_ref"]
            ref = "r" + ref if ref else None
            number = record["id_number"]
            person = (f"i{number}\0{record['dose_number']}\0{record['vaccination_date']}" if number else
                      _person_key("", record["name_folded"], record["date_of_birth"], record["dose_number"],
                                  record["vaccination_date"]))
            if (ref is None or (ref not in seen and ref not in existing)) and person not in seen \
                    and person not in existing:
                result.accepted += 1
                result.records += 1
                if ref is not None:
                    seen[ref] = row
                seen[person] = row
                pending.append(record)
                if len(pending) >= CHUNK_ROWS:
                    flush()
                continue
            outcome_records, row_issues = [record], []
        else:
            if reader.is_total_row(cells):
                result.ignored_rows.append(row)
                continue
            if reader.is_empty(cells):
                continue
            result.rows += 1
            if result.rows > MAX_ROWS:
                raise _too_many_rows(path)
            outcome = reader.read(cells, row)
            if outcome.rejected:
                result.rejected += 1
                issues.extend(i for i in outcome.issues if i.kind == "rejected")
                raw_by_row[row] = [clean(value_text(c)) for c in cells]
                continue
            outcome_records, row_issues = outcome.records, outcome.issues
        fresh = []
        duplicate_of: tuple[str, str, dict] | None = None
        for record in outcome_records:
            ref, person = _keys(record)
            hit = None
            for key in (ref, person):
                if key is None:
                    continue
                if key in seen:
                    hit = (key, "file", {"other_row": seen[key]})
                    break
                if key in existing:
                    rid, other_list, other_row = existing[key]
                    hit = (key, "db", {"record_id": rid, "list_id": other_list, "other_row": other_row})
                    break
            if hit is None:
                fresh.append((record, ref, person))
            else:
                duplicate_of = duplicate_of or hit
                if len(outcome_records) > 1:
                    where = hit[2]
                    row_issues.append(Issue(row, "warning", "dose_already_loaded", "", "", row_message(
                        "dose_already_loaded", row=row, dose=record["dose_number"],
                        record_id=where.get("record_id", "?"))))
        if not fresh:
            key, origin, where = duplicate_of  # type: ignore[misc]
            code = "duplicate_in_file" if origin == "file" else "duplicate_record"
            result.duplicates += 1
            issues.append(Issue(row, "duplicate", code, "", "", row_message(code, row=row, key=_key_text(key), **where)))
            continue
        result.accepted += 1
        issues.extend(row_issues)
        for record, ref, person in fresh:
            if ref is not None:
                seen[ref] = row
            seen[person] = row
            pending.append(record)
            result.records += 1
        if len(pending) >= CHUNK_ROWS:
            flush()
    flush()
    if progress is not None:
        progress.update(total, total, str(tr("Đang lưu…", "Saving…")), force=True)
    _store_issues(session, list_id, issues, raw_by_row)
    daily.rows_total, daily.accepted, daily.rejected, daily.duplicates = (
        result.rows, result.accepted, result.rejected, result.duplicates)
    result.errors = [i.as_dict() for i in issues if i.kind != "warning"]
    result.warnings = [i.as_dict() for i in issues if i.kind == "warning"]
    if result.rows == 0:
        raise UserError(tr("Tệp {file} chỉ có dòng tiêu đề, không có dòng dữ liệu nào.",
                           "{file} has a header but no data rows.", file=path.name), code="no_rows")
    if previous is not None and result.records == 0:
        result.list_id = previous
        result.already_loaded = True
        raise _NothingNew()
    if progress is not None:
        progress.check_cancelled()


def _header_rows(sheet: Sheet, cmap: ColumnMap) -> list[list[str]]:
    rows = sheet.head[cmap.header_row:cmap.header_row + cmap.header_rows]
    return [[clean(value_text(c)) for c in r] for r in rows]


def _record_defaults(list_id: int, now: dt.datetime) -> dict[str, Any]:
    return {"list_id": list_id, "check_status": "unchecked", "checked_at": None, "registry_values": None,
            "differences": [], "decision": None, "decision_reason": "", "stage": "loaded", "batch_id": None,
            "central_reason": "", "supersedes_record_id": None, "created_at": now, "updated_at": now,
            "version": 1}


def _store_issues(session, list_id: int, issues: list[Issue], raw_by_row: dict[int, list[str]]) -> None:
    if not issues:
        return
    start = next_id(session, ImportIssue.__table__) if is_sqlite(session) else None
    rows = []
    for offset, issue in enumerate(issues):
        row = {"list_id": list_id, "row": issue.row, "kind": issue.kind, "column": issue.column[:200],
               "value": issue.value, "code": issue.code, "message_vi": issue.message.vi,
               "message_en": issue.message.en, "raw": raw_by_row.get(issue.row, []) if issue.kind == "rejected" else []}
        if start is not None:
            row["id"] = start + offset
        rows.append(row)
    insert_rows(session, ImportIssue.__table__, rows)
