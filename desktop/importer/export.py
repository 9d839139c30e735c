"""The rejected rows of a list, annotated with the reasons, to fix and load again.

The file keeps the list's own header (both rows for the platform template), so it loads again
after correction; two columns give the reasons in Vietnamese and English. Cells starting with
"=", "+", "-" or "@" are data, never formulas: they are written with a leading apostrophe, which
the importer removes again when the file comes back.
"""

from __future__ import annotations

import csv
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.models import DailyList, ImportIssue

if TYPE_CHECKING:
    from desktop.workspace import Workspace

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A cell that a spreadsheet would run as a formula, made inert."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def export_rejected(workspace: Workspace, list_id: int, out_path: Path | str) -> dict[str, Any]:
    """Write the rejected rows of list ``list_id`` to ``out_path`` (.xlsx or .csv); returns {rows, out}."""
    out_path = Path(out_path)
    suffix = out_path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UserError(tr("Chỉ xuất được tệp .xlsx hoặc .csv, không phải “{suffix}”.",
                           "Export to .xlsx or .csv, not “{suffix}”.", suffix=suffix or "?"), code="bad_export_type")
    with workspace.db.session() as session:
        daily = session.get(DailyList, list_id)
        if daily is None:
            raise UserError(tr("Không có danh sách số {id}.", "There is no list {id}.", id=list_id), code="no_list")
        header_rows = list((daily.column_map or {}).get("header_cells") or [])
        issues = session.execute(
            select(ImportIssue).where(ImportIssue.list_id == list_id, ImportIssue.kind == "rejected")
            .order_by(ImportIssue.row, ImportIssue.id)
        ).scalars().all()
        rows: OrderedDict[int, dict[str, Any]] = OrderedDict()
        for issue in issues:
            entry = rows.setdefault(issue.row, {"raw": issue.raw, "vi": [], "en": []})
            if issue.raw and not entry["raw"]:
                entry["raw"] = issue.raw
            entry["vi"].append(issue.message_vi)
            entry["en"].append(issue.message_en)
    width = max([len(r) for r in header_rows] + [len(e["raw"]) for e in rows.values()] + [0])
    extra = ["Lý do (tiếng Việt)", "Reason (English)", "Dòng gốc / Source row"]
    table: list[list[Any]] = []
    for index, header in enumerate(header_rows):
        padded = list(header) + [""] * (width - len(header))
        table.append(padded + (extra if index == 0 else ["", "", ""]))
    if not header_rows:
        table.append([""] * width + extra)
    for row, entry in rows.items():
        raw = list(entry["raw"]) + [""] * (width - len(entry["raw"]))
        table.append(raw + ["; ".join(entry["vi"]), "; ".join(entry["en"]), row])
    table = [[neutralise(c) for c in r] for r in table]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".part")
    if suffix == ".csv":
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerows(table)
    else:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Rejected")
        for r in table:
            sheet.append(r)
        book.save(tmp)
    tmp.replace(out_path)
    return {"list_id": list_id, "rows": len(rows), "out": str(out_path)}
