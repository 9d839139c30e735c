"""Render certificates into one PDF: an A4 page per person (``official``), or a folded A5 card per dose.

The QR is drawn 50 mm wide on A4 and 42 mm on the card: inside the 35–60 mm range that phone
cameras and verifier apps read from arm's length. Text is NFC and drawn with the embedded DejaVu
Sans, so every Vietnamese letter prints, and copies out of the PDF as the same characters. The
parts that are the same on every page (titles, labels, rules) are drawn once per file as a form
XObject, which keeps a 1,000-certificate PDF fast to write and small.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.printing import official
from desktop.printing.drawing import centred_lines, draw_qr, fit
from desktop.printing.fonts import register_fonts
from desktop.printing.form import FIELDS, TITLE_EN, TITLE_VI, CertificateForm, nfc
from desktop.progress import Progress

# Flate only: reportlab's default ASCII85 step runs in pure Python and would cost more than the page.
rl_config.useA85 = 0

LAYOUTS = ("a4", "card")
QR_SIZE_MM = {"a4": official.QR_MM, "card": 50.0}


@dataclass(frozen=True)
class PrintJob:
    """Where and how to print; ``facility_name`` and ``printed_on`` appear on every page."""

    out: Path
    layout: str = "a4"
    facility_name: str = ""
    printed_on: date | None = None


def render_pdf(forms: Sequence[CertificateForm], job: PrintJob, progress: Progress | None = None) -> int:
    """Write every form into ``job.out`` (written to a temporary file, then moved in place); return pages.

    On A4 a person's doses share a page (two per page, in dose order), with each dose's own QR; the
    folded card holds one dose.
    """
    if job.layout not in LAYOUTS:
        raise UserError(
            tr("Không có kiểu trang \"{layout}\"; chọn a4 hoặc card.",
               "There is no layout \"{layout}\"; choose a4 or card.", layout=job.layout),
            code="bad_layout",
        )
    if not forms:
        raise UserError(tr("Không có chứng nhận nào để in.", "There is no certificate to print."), code="nothing_to_print")
    regular, bold = register_fonts()
    printed_on = (job.printed_on or date.today()).strftime("%d/%m/%Y")
    out = Path(job.out)
    tmp = out.with_name(out.name + ".part")
    facility = nfc(job.facility_name)
    pages = person_pages(forms) if job.layout == "a4" else [[form] for form in forms]
    layout = _card_layout(facility) if job.layout == "card" else None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        canvas = Canvas(str(tmp), pagesize=A4 if layout is None else layout.page, pageCompression=1)
        canvas.setTitle(f"{TITLE_VI} / {TITLE_EN}")
        canvas.setAuthor(facility or "VaxDesk")
        canvas.setCreator("VaxDesk")
        canvas.beginForm("static")
        if layout is None:
            official.draw_static(canvas, facility, printed_on, regular, bold)
        else:
            _draw_static(canvas, layout, facility, printed_on, regular, bold)
        canvas.endForm()
        done = 0
        for page in pages:
            if progress is not None:
                progress.update(done, len(forms), None)
            canvas.doForm("static")
            if layout is None:
                official.draw_person_page(canvas, page, regular, bold)
            else:
                _draw_page(canvas, layout, page[0], facility, regular, bold)
            canvas.showPage()
            done += len(page)
        canvas.save()
        os.replace(tmp, out)
    except OSError as exc:
        _remove(tmp)
        raise UserError(
            tr("Không ghi được tệp PDF {file}: {err}", "Cannot write the PDF file {file}: {err}",
               file=str(out), err=exc.strerror or str(exc)),
            code="pdf_unwritable",
        ) from exc
    except BaseException:
        _remove(tmp)
        raise
    if progress is not None:
        progress.update(len(forms), len(forms), None, force=True)
    return len(pages)


def person_pages(forms: Sequence[CertificateForm], per_page: int = official.DOSES_PER_PAGE) -> list[list[CertificateForm]]:
    """The A4 pages: each person's doses together, in dose order, people in the order first met."""
    people: dict[tuple[str, ...], list[CertificateForm]] = {}
    for index, form in enumerate(forms):
        people.setdefault(form.person or ("#", str(index)), []).append(form)
    pages: list[list[CertificateForm]] = []
    for doses in people.values():
        doses.sort(key=lambda f: f.dose)
        pages.extend(doses[i:i + per_page] for i in range(0, len(doses), per_page))
    return pages


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


@dataclass(frozen=True)
class _Rows:
    """Where the 11 fields go: fixed rows (a form), each with room for two lines of value."""

    x: float
    top: float
    label_width: float
    value_width: float
    vi_size: float
    en_size: float
    value_size: float

    @property
    def pitch(self) -> float:
        return max(self.vi_size + self.en_size * 1.25, self.value_size * 2.4) + self.value_size * 0.8

    @property
    def bottom(self) -> float:
        return self.top - self.pitch * len(FIELDS)


@dataclass(frozen=True)
class _Layout:
    """One layout's geometry; the static part (titles, labels, rules) is drawn once per document."""

    name: str
    page: tuple[float, float]
    qr: tuple[float, float, float]  # x, y, size
    uvci: tuple[float, float, float, float]  # centre x, top, width, font size
    rows: _Rows
    footer: tuple[float, float, float]  # x, top, font size


def _card_layout(facility: str) -> _Layout:
    width, height = landscape(A5)
    half, margin = width / 2, 8 * mm
    qr = QR_SIZE_MM["card"] * mm
    qr_y = height - margin - 14 - 12 - 4 * mm - qr
    rows = _Rows(half + margin, height - margin, 36 * mm, half - 2 * margin - 36 * mm, 7, 6, 8)
    return _Layout("card", landscape(A5), (half / 2 - qr / 2, qr_y, qr),
                   (half / 2, qr_y - 1 * mm, half - 2 * margin, 6.5), rows,
                   (half + margin, max(rows.bottom - 3 * mm, margin + 14), 7))


def _draw_static(canvas: Canvas, layout: _Layout, facility: str, printed_on: str, regular: str, bold: str) -> None:
    """Everything that is the same on every page of this print run."""
    width, height = layout.page
    half, margin = width / 2, 8 * mm
    canvas.saveState()
    canvas.setDash(3, 3)
    canvas.setLineWidth(0.3)
    canvas.line(half, 4 * mm, half, height - 4 * mm)
    canvas.restoreState()
    y = centred_lines(canvas, official.NATION_VI, bold, 7, half / 2, height - margin + 2 * mm, half - 2 * margin, 9)
    y = centred_lines(canvas, TITLE_VI, bold, 11, half / 2, y - 1 * mm, half - 2 * margin, 14)
    centred_lines(canvas, TITLE_EN, regular, 9, half / 2, y, half - 2 * margin, 12)
    if facility:
        centred_lines(canvas, facility, bold, 8, half / 2, layout.uvci[1] - 3 * 8 - 2 * mm,
                       half - 2 * margin, 10)
    rows = layout.rows
    for index, (_key, vi, en) in enumerate(FIELDS):
        top = rows.top - index * rows.pitch
        canvas.setFont(bold, rows.vi_size)
        canvas.drawString(rows.x, top - rows.vi_size, vi)
        canvas.setFont(regular, rows.en_size)
        canvas.drawString(rows.x, top - rows.vi_size - rows.en_size * 1.25, en)
    x, y, size = layout.footer
    canvas.setFont(regular, size)
    canvas.drawString(x, y, f"Ngày in / Date of printing: {printed_on}")


def _draw_page(canvas: Canvas, layout: _Layout, form: CertificateForm, facility: str, regular: str, bold: str) -> None:
    """What differs between certificates: the QR, its identifier, the values, the expiry date."""
    draw_qr(canvas, form, *layout.qr)
    centre, top, width, size = layout.uvci
    centred_lines(canvas, form.uvci, regular, size, centre, top, width, size * 1.25)
    rows = layout.rows
    for index, (_vi, _en, value) in enumerate(form.rows()):
        top = rows.top - index * rows.pitch
        value_size, lines = fit(value or "—", bold, rows.value_size, rows.value_width)
        canvas.setFont(bold, value_size)
        for line in lines:
            top -= value_size * 1.2
            canvas.drawString(rows.x + rows.label_width, top, line)
    if form.expires_at:
        x, y, size = layout.footer
        canvas.setFont(regular, size)
        canvas.drawString(x, y - size * 1.5, f"Mã QR có hiệu lực đến / QR code valid until: {form.expires_at}")
