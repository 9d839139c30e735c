"""The day's report as a PDF for signing and filing: A4 landscape, DejaVu Sans, NFC text.

The same figures as the workbook, in five tables: loading and check, decisions and progress per
list, then per vaccination day, then per vaccine and dose.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.i18n import format_date, format_number
from desktop.printing.fonts import register_fonts
from desktop.reports import labels as L
from desktop.reports.day import DayReport
from desktop.reports.workbook import nfc, unwritable


def _styles() -> tuple[ParagraphStyle, ...]:
    regular, bold = register_fonts()
    return (ParagraphStyle("title", fontName=bold, fontSize=15, leading=19, spaceAfter=4),
            ParagraphStyle("h", fontName=bold, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4),
            ParagraphStyle("p", fontName=regular, fontSize=9, leading=12),
            ParagraphStyle("cell", fontName=regular, fontSize=7.5, leading=9),
            ParagraphStyle("head", fontName=bold, fontSize=7.5, leading=9))


def _table(headings: list[str], rows: list[list[Any]], first_width: float, styles: tuple[ParagraphStyle, ...],
           total: bool = False) -> Table:
    *_, cell, head = styles
    data = [[Paragraph(escape(nfc(h)), head) for h in headings]]
    for row in rows:
        data.append([Paragraph(escape(nfc(str(row[0]))), cell),
                     *(format_number(v) if isinstance(v, int) else nfc(str(v)) for v in row[1:])])
    width = landscape(A4)[0] - 24 * mm
    rest = (width - first_width) / max(1, len(headings) - 1)
    table = Table(data, colWidths=[first_width] + [rest] * (len(headings) - 1), repeatRows=1)
    regular, bold = register_fonts()
    style = [("FONT", (0, 0), (-1, -1), regular, 7.5), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf2")), ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if total:
        style.append(("FONT", (0, -1), (-1, -1), bold, 7.5))
    table.setStyle(TableStyle(style))
    return table


def write_pdf(report: DayReport, out: Path) -> Path:
    out = Path(out)
    styles = _styles()
    title, heading, text = styles[:3]
    list_rows = [*report.lists, report.total]

    def per_list(values: Callable[[Any], list[int]]) -> list[list[Any]]:
        return [[s.file_name + (f" ({format_date(s.imported_at[:10])})" if s.imported_at else ""), *values(s)]
                for s in list_rows]

    story = [
        Paragraph(escape(nfc(str(L.TITLE))), title),
        Paragraph(escape(nfc(f"{L.FACILITY}: {report.facility_name} ({report.facility_code})")), text),
        Paragraph(escape(nfc(f"{L.PERIOD}: {format_date(report.date_from)} – {format_date(report.date_to)}")), text),
        Paragraph(escape(f"{L.CREATED}: {report.created_at}"), text),
        Paragraph(escape(nfc(str(L.SECTION_CHECKS))), heading),
        _table([str(L.LIST), *L.check_headings()], per_list(L.check_values), 70 * mm, styles, total=True),
        Paragraph(escape(nfc(str(L.SECTION_DECISIONS))), heading),
        _table([str(L.LIST), *L.decision_headings()], per_list(L.decision_values), 70 * mm, styles, total=True),
        Paragraph(escape(nfc(str(L.SECTION_PROGRESS))), heading),
        _table([str(L.LIST), *L.progress_headings()], per_list(L.progress_values), 70 * mm, styles, total=True),
        Paragraph(escape(nfc(str(L.SECTION_DAYS))), heading),
        _table([str(L.DAY), str(L.RECORDS), *L.progress_headings()],
               [[format_date(d.vaccination_date), d.records, *L.progress_values(d)] for d in report.days],
               30 * mm, styles),
        Paragraph(escape(nfc(str(L.SECTION_VACCINES))), heading),
        _table([str(L.VACCINE), str(L.DOSE), str(L.RECORDS), str(L.SIGNED), str(L.CERTIFIED), str(L.PRINTED)],
               [[v.vaccine, v.dose_number, v.records, v.signed, v.certified, v.printed] for v in report.vaccines],
               70 * mm, styles),
        Spacer(1, 10 * mm),
    ]
    tmp = out.with_name(f".{out.name}.part")
    try:
        document = SimpleDocTemplate(str(tmp), pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                                     topMargin=12 * mm, bottomMargin=12 * mm, title=nfc(str(L.TITLE)),
                                     author=nfc(report.facility_name))
        document.build(story)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise unwritable(out, exc) from exc
    return out
