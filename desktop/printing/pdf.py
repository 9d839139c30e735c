"""Render certificates into one PDF: an A4 page each, or a folded A5 card each.

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
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.printing.fonts import register_fonts
from desktop.printing.form import FIELDS, TITLE_EN, TITLE_VI, CertificateForm, nfc
from desktop.printing.qr import qr_image
from desktop.progress import Progress

# Flate only: reportlab's default ASCII85 step runs in pure Python and would cost more than the page.
rl_config.useA85 = 0

LAYOUTS = ("a4", "card")
_PIXELS_PER_MODULE = 1
QR_SIZE_MM = {"a4": 50.0, "card": 42.0}


@dataclass(frozen=True)
class PrintJob:
    """Where and how to print; ``facility_name`` and ``printed_on`` appear on every page."""

    out: Path
    layout: str = "a4"
    facility_name: str = ""
    printed_on: date | None = None


def render_pdf(forms: Sequence[CertificateForm], job: PrintJob, progress: Progress | None = None) -> int:
    """Write every form into ``job.out`` (written to a temporary file, then moved in place); return pages."""
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
    layout = _a4_layout(facility) if job.layout == "a4" else _card_layout(facility)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        canvas = Canvas(str(tmp), pagesize=layout.page, pageCompression=1)
        canvas.setTitle(f"{TITLE_VI} / {TITLE_EN}")
        canvas.setAuthor(facility or "VaxDesk")
        canvas.setCreator("VaxDesk")
        canvas.beginForm("static")
        _draw_static(canvas, layout, facility, printed_on, regular, bold)
        canvas.endForm()
        for index, form in enumerate(forms):
            if progress is not None:
                progress.update(index, len(forms), None)
            canvas.doForm("static")
            _draw_page(canvas, layout, form, facility, regular, bold)
            canvas.showPage()
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
    return len(forms)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def _draw_qr(canvas: Canvas, form: CertificateForm, x: float, y: float, size: float) -> None:
    """Draw the symbol (without quiet zone) as a ``size`` square with its lower-left corner at x, y.

    One image pixel per module, without /Interpolate: PDF readers and printers scale it up by
    repeating pixels, so module edges stay sharp at any resolution, and the image costs almost
    nothing to compress (a 1,000-page PDF is written in seconds).
    """
    image = qr_image(form.hc1, _PIXELS_PER_MODULE, quiet_zone=False)
    canvas.drawImage(ImageReader(image), x, y, width=size, height=size)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of ``text`` no wider than ``width``; a word too long for a line (a UVCI) is cut by characters."""
    lines: list[str] = []
    for line in simpleSplit(text, font, size, width) or [""]:
        while stringWidth(line, font, size) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and stringWidth(line[:cut], font, size) > width:
                cut -= 1
            lines.append(line[:cut])
            line = line[cut:]
        lines.append(line)
    return lines


def _centred_lines(canvas: Canvas, text: str, font: str, size: float, centre_x: float, top: float,
                   width: float, leading: float | None = None) -> float:
    """Draw ``text`` wrapped to ``width``, centred; return the y below the last line."""
    leading = leading or size * 1.25
    canvas.setFont(font, size)
    y = top
    for line in wrap(text, font, size, width):
        y -= leading
        canvas.drawCentredString(centre_x, y, line)
    return y


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


def _a4_layout(facility: str) -> _Layout:
    width, height = A4
    margin = 20 * mm
    y = height - margin - (14 if facility else 0) - 4 * mm - 22 - 16
    qr = QR_SIZE_MM["a4"] * mm
    qr_y = y - 6 * mm - qr
    rows = _Rows(margin, qr_y - 1 * mm - 10 - 8 * mm, 62 * mm, width - 2 * margin - 62 * mm, 10, 8, 11)
    return _Layout("a4", A4, (width / 2 - qr / 2, qr_y, qr), (width / 2, qr_y - 1 * mm, width - 2 * margin, 8),
                   rows, (margin, rows.bottom - 8 * mm, 9))


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
    if layout.name == "a4":
        margin = 20 * mm
        y = height - margin
        if facility:
            y = _centred_lines(canvas, facility.upper(), bold, 11, width / 2, y, width - 2 * margin, 14)
        y = _centred_lines(canvas, TITLE_VI, bold, 17, width / 2, y - 4 * mm, width - 2 * margin, 22)
        _centred_lines(canvas, TITLE_EN, regular, 12, width / 2, y, width - 2 * margin, 16)
        canvas.setLineWidth(0.5)
        canvas.line(margin, layout.rows.top + 4 * mm, width - margin, layout.rows.top + 4 * mm)
        canvas.line(margin, layout.rows.bottom - 2 * mm, width - margin, layout.rows.bottom - 2 * mm)
    else:
        half, margin = width / 2, 8 * mm
        canvas.saveState()
        canvas.setDash(3, 3)
        canvas.setLineWidth(0.3)
        canvas.line(half, 4 * mm, half, height - 4 * mm)
        canvas.restoreState()
        y = _centred_lines(canvas, TITLE_VI, bold, 11, half / 2, height - margin, half - 2 * margin, 14)
        _centred_lines(canvas, TITLE_EN, regular, 9, half / 2, y, half - 2 * margin, 12)
        if facility:
            _centred_lines(canvas, facility, bold, 8, half / 2, layout.uvci[1] - 3 * 8 - 2 * mm,
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
    if facility and layout.name == "a4":
        canvas.drawString(x, y, f"Cơ sở tiêm chủng / Vaccination facility: {facility}")
        y -= size * 1.5
    canvas.drawString(x, y, f"Ngày in / Date of printing: {printed_on}")


def _draw_page(canvas: Canvas, layout: _Layout, form: CertificateForm, facility: str, regular: str, bold: str) -> None:
    """What differs between certificates: the QR, its identifier, the values, the expiry date."""
    _draw_qr(canvas, form, *layout.qr)
    centre, top, width, size = layout.uvci
    _centred_lines(canvas, form.uvci, regular, size, centre, top, width, size * 1.25)
    rows = layout.rows
    for index, (_vi, _en, value) in enumerate(form.rows()):
        top = rows.top - index * rows.pitch
        value_size, lines = _fit(value or "—", bold, rows.value_size, rows.value_width)
        canvas.setFont(bold, value_size)
        for line in lines:
            top -= value_size * 1.2
            canvas.drawString(rows.x + rows.label_width, top, line)
    if form.expires_at:
        x, y, size = layout.footer
        lines_above = 2 if facility and layout.name == "a4" else 1
        canvas.setFont(regular, size)
        canvas.drawString(x, y - lines_above * size * 1.5,
                          f"Mã QR có hiệu lực đến / QR code valid until: {form.expires_at}")


def _fit(text: str, font: str, size: float, width: float, max_lines: int = 2) -> tuple[float, list[str]]:
    """The largest size (down to 60 %) at which ``text`` fits in two lines; cut the rest if it never does."""
    current = size
    while True:
        lines = wrap(text, font, current, width)
        if len(lines) <= max_lines or current <= size * 0.6:
            return current, lines[:max_lines]
        current -= 0.5
