"""The day's report as an Excel workbook (openpyxl): one sheet of lists, one of days, one of vaccines.

Numbers are written as numbers, so the Department can sum and filter them; text is NFC.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from desktop.errors import UserError
from desktop.i18n import format_date, tr
from desktop.reports import labels as L
from desktop.reports.day import Counts, DayReport


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def _heading(sheet: Any, report: DayReport) -> None:
    sheet.append([nfc(str(L.TITLE))])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([str(L.FACILITY), nfc(f"{report.facility_name} ({report.facility_code})")])
    sheet.append([str(L.PERIOD), report.date_from, report.date_to])
    sheet.append([str(L.CREATED), report.created_at])
    sheet.append([])


def _header_row(sheet: Any, cells: list[str]) -> None:
    sheet.append([nfc(c) for c in cells])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(sheet: Any, first: int = 34, rest: int = 13) -> None:
    for index in range(1, sheet.max_column + 1):
        sheet.column_dimensions[get_column_letter(index)].width = first if index == 1 else rest
    sheet.freeze_panes = "B7"


def _values(summary: Counts) -> list[int]:
    return [*L.check_values(summary), *L.decision_values(summary), *L.progress_values(summary)]


def _headings() -> list[str]:
    return [*L.check_headings(), *L.decision_headings(), *L.progress_headings()]


def build_workbook(report: DayReport) -> Workbook:
    book = Workbook()
    lists = book.active
    lists.title = nfc(str(tr("Theo danh sách", "By list")))[:31]
    _heading(lists, report)
    _header_row(lists, [str(L.LIST), str(L.IMPORTED), *_headings()])
    for summary in report.lists:
        lists.append([nfc(summary.file_name), format_date(summary.imported_at[:10]) if summary.imported_at else "",
                      *_values(summary)])
    lists.append([nfc(report.total.file_name), "", *_values(report.total)])
    for cell in lists[lists.max_row]:
        cell.font = Font(bold=True)
    _widths(lists)

    days = book.create_sheet(nfc(str(L.SECTION_DAYS))[:31])
    _heading(days, report)
    _header_row(days, [str(L.DAY), *[h for h in _headings() if h != str(L.ROWS_REJECTED)]])
    for day in report.days:
        values = _values(day)
        del values[1]  # rows rejected at loading belong to a file, not to a day
        days.append([day.vaccination_date, *values])
    _widths(days, first=14)

    vaccines = book.create_sheet(nfc(str(L.SECTION_VACCINES))[:31])
    _heading(vaccines, report)
    _header_row(vaccines, [str(L.VACCINE), str(L.DOSE), str(L.RECORDS), str(L.SIGNED), str(L.CERTIFIED),
                           str(L.PRINTED)])
    for row in report.vaccines:
        vaccines.append([nfc(row.vaccine), row.dose_number, row.records, row.signed, row.certified, row.printed])
    _widths(vaccines)
    return book


def write_workbook(report: DayReport, out: Path) -> Path:
    """Write the report to ``out`` through a temporary file, so a half-written file never remains."""
    out = Path(out)
    tmp = out.with_name(f".{out.name}.part")
    try:
        build_workbook(report).save(tmp)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise unwritable(out, exc) from exc
    return out


def unwritable(path: Path, exc: OSError) -> UserError:
    return UserError(tr("Không ghi được tệp {file}: {err}", "Cannot write the file {file}: {err}",
                        file=str(path), err=exc.strerror or str(exc)), code="report_unwritable")
