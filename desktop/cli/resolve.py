"""``resolve RECORD_ID --action A [--reason R] [--set field=value …]``: one clerk decision;
``resolve --from decisions.csv``: many decisions from a file, all or none.

The file is CSV (UTF-8, comma or semicolon) with a header row: ``record_id``, ``action``, ``reason``
and, for ``edit``, any of the corrected fields ``full_name``, ``date_of_birth``, ``sex``, ``id_number``,
``nationality`` (empty cells are left as they are). Every row is checked before any is applied; a
refusal names the row (as a spreadsheet numbers it, the header being row 1) and the field.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from desktop.cli import UsageError
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.models import DECISION_ACTIONS
from desktop.review import resolve, undo_last
from desktop.review.decisions import EDITABLE, REASON_REQUIRED, resolve_many

COLUMNS = ("record_id", "action", "reason", *EDITABLE)
MAX_ROWS = 100_000


def register(subparsers) -> None:
    parser = subparsers.add_parser("resolve", help="decide on a checked record, or many from a CSV file "
                                                   "(contracts/mismatch-kinds.md)")
    parser.add_argument("record_id", nargs="?", type=int, help="the record's id")
    parser.add_argument("--action", choices=DECISION_ACTIONS)
    parser.add_argument("--reason", default="", help="why (required for keep_list, edit, reject)")
    parser.add_argument("--set", dest="set_fields", action="append", default=[], metavar="FIELD=VALUE",
                        help="a corrected value for edit: full_name, date_of_birth, sex, id_number, nationality")
    parser.add_argument("--seen-version", type=int, metavar="N",
                        help="the record's version you decided on (from `review`); refused if it changed since")
    parser.add_argument("--undo", action="store_true", help="undo your latest decision instead")
    parser.add_argument("--from", dest="from_file", type=Path, metavar="CSV",
                        help="apply the decisions of a CSV file (record_id, action, reason, edited fields): "
                             "all or none")
    parser.set_defaults(handler=run, permission="resolve")


def run(args, ctx) -> dict:
    if args.from_file is not None:
        if args.record_id is not None or args.action or args.undo or args.set_fields:
            raise UsageError("resolve: --from FILE takes no RECORD_ID, --action, --set or --undo")
        return run_file(args.from_file, ctx)
    if args.undo:
        return undo_last(ctx.workspace, ctx.actor)
    if args.record_id is None or not args.action:
        raise UsageError("resolve: RECORD_ID and --action are required (or --undo, or --from FILE)")
    values = {}
    for item in args.set_fields:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"resolve: --set needs FIELD=VALUE, got {item!r}")
        values[name.strip()] = value
    after = resolve(ctx.workspace, args.record_id, args.action, args.reason, ctx.actor, set_fields=values or None,
                    version=args.seen_version)
    if after.get("resubmission_of"):
        ctx.err(tr("Bản ghi {old} (trung ương từ chối) đã được gửi lại thành bản ghi {new}; hãy ký lại.",
                   "Record {old} (rejected by the central service) was resubmitted as record {new}; sign it again.",
                   old=after["resubmission_of"], new=after["record_id"]))
    return after


def _row_error(row: int, field: str, vi: str, en: str, code: str, **params) -> UserError:
    return UserError(tr("Dòng {row}, cột {field}: " + vi, "Row {row}, column {field}: " + en, row=row, field=field,
                        **params), code=code, details={"row": row, "field": field})


def read_decisions(path: Path) -> list[tuple[int, int, str, str, dict[str, str] | None]]:
    """``(row, record_id, action, reason, set_fields)`` for every data row, each checked on its own."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise UserError(tr("Không đọc được {file}: {err}", "Cannot read {file}: {err}", file=str(path),
                           err=exc.strerror or str(exc)), code="file_unreadable") from exc
    except UnicodeDecodeError as exc:
        raise UserError(tr("{file} không phải văn bản UTF-8; hãy lưu lại dưới dạng CSV UTF-8.",
                           "{file} is not UTF-8 text; save it again as CSV UTF-8.", file=str(path)),
                        code="bad_encoding") from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in ("record_id", "action") if c not in header]
    if missing:
        raise _row_error(1, ", ".join(missing), "thiếu cột bắt buộc. Dòng đầu cần có: record_id, action, reason.",
                         "required column missing. The first row needs: record_id, action, reason.",
                         "missing_column")
    for name in header:
        if name and name not in COLUMNS:
            raise _row_error(1, name, "cột không biết. Các cột: {known}.", "unknown column. Columns: {known}.",
                             "unknown_column", known=", ".join(COLUMNS))
    out = []
    seen: dict[int, int] = {}
    for row_number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(out) >= MAX_ROWS:
            raise _row_error(row_number, "record_id", "quá {n} quyết định trong một tệp; hãy chia nhỏ tệp.",
                             "more than {n} decisions in one file; split the file.", "too_many_rows", n=MAX_ROWS)
        values = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header) if name}
        raw_id = values.get("record_id", "")
        if not raw_id.isdigit():
            raise _row_error(row_number, "record_id", "“{value}” không phải mã bản ghi (một số nguyên).",
                             "“{value}” is not a record id (a whole number).", "bad_record_id", value=raw_id)
        record_id = int(raw_id)
        if record_id in seen:
            raise _row_error(row_number, "record_id", "bản ghi {id} đã có quyết định ở dòng {other}.",
                             "record {id} already has a decision on row {other}.", "duplicate_record",
                             id=record_id, other=seen[record_id])
        seen[record_id] = row_number
        action = values.get("action", "")
        if action not in DECISION_ACTIONS:
            raise _row_error(row_number, "action", "“{value}” không phải thao tác; dùng một trong: {known}.",
                             "“{value}” is not an action; use one of: {known}.", "unknown_action", value=action,
                             known=", ".join(DECISION_ACTIONS))
        reason = values.get("reason", "")
        if action in REASON_REQUIRED and not reason:
            raise _row_error(row_number, "reason", "thao tác {action} cần ghi lý do.", "{action} needs a reason.",
                             "reason_required", action=action)
        edits = {name: values[name] for name in EDITABLE if values.get(name)}
        if edits and action != "edit":
            raise _row_error(row_number, next(iter(edits)), "chỉ thao tác edit mới nhận giá trị mới.",
                             "only edit takes new values.", "invalid_field")
        if action == "edit" and not edits:
            raise _row_error(row_number, ", ".join(EDITABLE), "thao tác edit cần ít nhất một giá trị mới.",
                             "edit needs at least one new value.", "invalid_field")
        out.append((row_number, record_id, action, reason, edits or None))
    if not out:
        raise UserError(tr("{file} không có quyết định nào.", "{file} holds no decisions.", file=str(path)),
                        code="empty_file")
    return out


def _field_of(code: str, action: str, edits: dict[str, str] | None) -> str:
    """The column a refusal of the core is about."""
    if code == "reason_required":
        return "reason"
    if code in ("invalid_value", "invalid_field", "nothing_to_edit") and edits:
        from desktop.review.decisions import validate_edit

        for name, value in edits.items():
            try:
                validate_edit({name: value}, edits.get("nationality", "VN").upper())
            except UserError:
                return name
        return ", ".join(edits)
    if code in ("unknown_action",):
        return "action"
    return "record_id"


def run_file(path: Path, ctx) -> dict:
    decisions = read_decisions(path)
    try:
        results = resolve_many(ctx.workspace, [d[1:] for d in decisions], ctx.actor)
    except UserError as exc:
        index = exc.details.get("index")
        if index is None:
            raise
        row, _record_id, action, _reason, edits = decisions[index]
        field = _field_of(exc.code, action, edits)
        raise UserError(tr("Dòng {row} ({field}): {reason} Không quyết định nào được áp dụng.",
                           "Row {row} ({field}): {reason} No decision was applied.", row=row, field=field,
                           reason=exc.message), code=exc.code, details={**exc.details, "row": row}) from exc
    ctx.err(tr("Đã áp dụng {n} quyết định.", "Applied {n} decisions.", n=len(results)))
    return {"applied": len(results), "records": results}
