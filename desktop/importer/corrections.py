"""Rejected rows corrected in place and loaded into their own list.

The clerk edits the cells a rejected row was refused for; the corrected row goes through the same
``RowReader`` as the import, the same de-duplication keys and the same audit event ("import" of a
record). A row already loaded (corrected before, or matching a record already stored) is never
stored twice. The row's rejection stays in the list's history with kind "corrected".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop import audit
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.importer.bulk import AUDIT_FIELDS, lock_for_writing, record_defaults
from desktop.importer.fields import ColumnMap
from desktop.importer.load import _keys, _load_existing
from desktop.importer.preview import CellProblem, column_fields, row_problems
from desktop.importer.rows import RowReader
from desktop.models import DailyList, ImportIssue, VaccinationRecord

CORRECTED = "corrected"  # ImportIssue.kind of a rejection whose row was corrected and loaded


@dataclass(frozen=True)
class RejectedRow:
    row: int
    cells: tuple[str, ...]
    problems: tuple[CellProblem, ...]


@dataclass(frozen=True)
class RejectedRows:
    list_id: int
    file: str
    headers: tuple[str, ...]
    fields: tuple[tuple[int, str], ...]  # column → field key
    rows: tuple[RejectedRow, ...]


@dataclass(frozen=True)
class CorrectionResult:
    list_id: int
    loaded: int  # rows now loaded
    records: int
    still_rejected: int
    duplicates: int  # rows whose records were already stored
    problems: tuple[CellProblem, ...]  # of the rows still rejected


def column_map_of(daily: DailyList) -> ColumnMap:
    """The column map an import stored with its list."""
    stored = daily.column_map or {}
    return ColumnMap(str(stored.get("layout") or daily.layout), int(stored.get("header_rows") or 1),
                     int(stored.get("header_row") or 1) - 1, [str(h) for h in stored.get("headers") or []],
                     {str(k): int(v) for k, v in (stored.get("columns") or {}).items()},
                     {int(n): {str(k): int(v) for k, v in block.items()}
                      for n, block in (stored.get("doses") or {}).items()})


def _daily(session: Any, list_id: int) -> DailyList:
    daily: DailyList | None = session.get(DailyList, list_id)
    if daily is None:
        raise UserError(tr("Không có danh sách số {id}.", "There is no list {id}.", id=list_id), code="no_list")
    return daily


def _rejected_cells(session: Any, list_id: int) -> dict[int, list[str]]:
    issues = session.execute(
        select(ImportIssue.row, ImportIssue.raw).where(ImportIssue.list_id == list_id, ImportIssue.kind == "rejected")
        .order_by(ImportIssue.row, ImportIssue.id)).all()
    out: dict[int, list[str]] = {}
    for row, raw in issues:
        if raw or row not in out:
            out[row] = [str(c) for c in (raw or [])]
    return out


def rejected_rows(workspace: Any, list_id: int, today: dt.date | None = None) -> RejectedRows:
    """The rows of list ``list_id`` still rejected, each with its problems placed on its cells."""
    with workspace.db.session() as session:
        daily = _daily(session, list_id)
        cmap = column_map_of(daily)
        cells_by_row = _rejected_cells(session, list_id)
        file_name = daily.file_name
        facility = daily.facility_code
    reader = RowReader(cmap, facility, today=today)
    fields = column_fields(cmap)
    width = max([len(cmap.headers), *(len(c) for c in cells_by_row.values())])
    rows = []
    for row, cells in sorted(cells_by_row.items()):
        padded = cells + [""] * (width - len(cells))
        outcome = reader.read(list(padded), row)
        rows.append(RejectedRow(row, tuple(padded), tuple(row_problems(reader, fields, outcome, padded))))
    headers = tuple(cmap.headers) + ("",) * (width - len(cmap.headers))
    return RejectedRows(list_id, file_name, headers, tuple(sorted(fields.items())), tuple(rows))


def import_corrected(workspace: Any, list_id: int, corrected: Mapping[int, Sequence[str]], actor: str,
                     today: dt.date | None = None) -> CorrectionResult:
    """Load the corrected rows (row number → cells) into list ``list_id``, in one transaction.

    Rows that are not (or no longer) rejected in the list are left alone, so loading the same
    corrections twice stores nothing the second time.
    """
    loaded = records = still = duplicates = 0
    problems: list[CellProblem] = []
    with workspace.db.session() as session:
        lock_for_writing(session)
        daily = _daily(session, list_id)
        cmap = column_map_of(daily)
        reader = RowReader(cmap, daily.facility_code, today=today)
        fields = column_fields(cmap)
        waiting = _rejected_cells(session, list_id)
        existing = _load_existing(session)
        now = dt.datetime.now(dt.UTC)
        events: list[tuple[str | int, dict[str, Any] | None, dict[str, Any] | None]] = []
        for row, given in sorted(corrected.items()):
            if row not in waiting:
                continue
            cells = [str(c) for c in given]
            outcome = reader.read(list(cells), row)
            old = session.execute(select(ImportIssue).where(
                ImportIssue.list_id == list_id, ImportIssue.row == row, ImportIssue.kind == "rejected")).scalars().all()
            if outcome.rejected:
                still += 1
                for issue in old:
                    session.delete(issue)
                for issue in outcome.issues:
                    if issue.kind == "rejected":
                        session.add(_issue_row(list_id, issue, "rejected", cells))
                problems.extend(row_problems(reader, fields, outcome, cells))
                continue
            fresh = [r for r in outcome.records if not any(k is not None and k in existing for k in _keys(r))]
            for issue in old:
                issue.kind = CORRECTED
            if not fresh:
                duplicates += 1
                daily.rejected -= 1
                daily.duplicates += 1
                continue
            loaded += 1
            daily.rejected -= 1
            daily.accepted += 1
            for record in fresh:
                stored = VaccinationRecord(**{**record, **record_defaults(list_id, now)})
                session.add(stored)
                session.flush()
                for key in _keys(record):
                    if key is not None:
                        existing[key] = (stored.id, list_id, row)
                events.append((stored.id, None, {"list_id": list_id, "corrected": True,
                                                 **{k: record[k] for k in AUDIT_FIELDS}}))
                records += 1
            for issue in outcome.issues:
                if issue.kind == "warning":
                    session.add(_issue_row(list_id, issue, "warning", []))
        if events:
            audit.record_events(session, actor, "import", "record", events, daily.file_name)
    return CorrectionResult(list_id, loaded, records, still, duplicates, tuple(problems))


def _issue_row(list_id: int, issue: Any, kind: str, cells: list[str]) -> ImportIssue:
    return ImportIssue(list_id=list_id, row=issue.row, kind=kind, column=issue.column[:200], value=issue.value,
                       code=issue.code, message_vi=issue.message.vi, message_en=issue.message.en, raw=cells)
