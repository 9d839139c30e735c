"""The A4 certificate as an official paper: national heading, issuing authority, one page per person.

Top left the issuing authority (the Ministry of Health's Department of Preventive Medicine, which
countersigns every certificate), top right the national heading, as Vietnamese administrative
papers are laid out. Then the title, the person's five fields (with the ICAO name the QR carries),
and up to ``DOSES_PER_PAGE`` doses, each with its own QR (50 mm) beside its six fields. At the foot,
the facility that vaccinated and printed, and the area for its signature and seal.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.printing.drawing import centred_lines, draw_qr, fit, wrap
from desktop.printing.form import FIELDS, TITLE_EN, TITLE_VI, CertificateForm

NATION_VI = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_VI = "Độc lập - Tự do - Hạnh phúc"
NATION_EN = "Socialist Republic of Viet Nam"
MOTTO_EN = "Independence - Freedom - Happiness"
MINISTRY_VI = "BỘ Y TẾ"
AUTHORITY_VI = "CỤC Y TẾ DỰ PHÒNG"
AUTHORITY_EN = "Ministry of Health - General Department of Preventive Medicine"
AUTHORITY_LINE = "Cục Y tế dự phòng - Bộ Y tế / General Department of Preventive Medicine, Ministry of Health"

DOSES_PER_PAGE = 2
QR_MM = 50.0

WIDTH, HEIGHT = A4
MARGIN = 15 * mm
LABELS = {key: (vi, en) for key, vi, en in FIELDS}

# Vertical plan of the page (points from the bottom).
HEADING_TOP = HEIGHT - 12 * mm
TITLE_TOP = HEIGHT - 36 * mm
PERSON_TOP = HEIGHT - 56 * mm
PERSON_PITCH = 10.5 * mm
NAME_PITCH = 14 * mm
DOSES_TOP = PERSON_TOP - NAME_PITCH - 4 * PERSON_PITCH - 4 * mm
DOSE_PITCH = 59 * mm
FOOT_TOP = DOSES_TOP - DOSE_PITCH * DOSES_PER_PAGE - 2 * mm
LABEL_WIDTH = 52 * mm


def draw_static(canvas: Canvas, facility: str, printed_on: str, regular: str, bold: str) -> None:
    """What every page of the print run shares: headings, title, person labels, rules, the foot."""
    left, right = MARGIN + 42 * mm, WIDTH - MARGIN - 48 * mm
    y = centred_lines(canvas, MINISTRY_VI, regular, 9.5, left, HEADING_TOP, 84 * mm, 12)
    y = centred_lines(canvas, AUTHORITY_VI, bold, 10, left, y, 84 * mm, 13)
    _underline(canvas, left, y - 1.6 * mm, 24 * mm)
    centred_lines(canvas, AUTHORITY_EN, regular, 6.5, left, y - 2.4 * mm, 84 * mm, 8)
    y = centred_lines(canvas, NATION_VI, bold, 9.5, right, HEADING_TOP, 96 * mm, 12)
    y = centred_lines(canvas, MOTTO_VI, bold, 10, right, y, 96 * mm, 13)
    _underline(canvas, right, y - 1.6 * mm, 44 * mm)
    y = centred_lines(canvas, NATION_EN, regular, 6.5, right, y - 2.4 * mm, 96 * mm, 8)
    centred_lines(canvas, MOTTO_EN, regular, 6.5, right, y, 96 * mm, 8)

    y = centred_lines(canvas, TITLE_VI, bold, 17, WIDTH / 2, TITLE_TOP, WIDTH - 2 * MARGIN, 21)
    centred_lines(canvas, TITLE_EN, regular, 11.5, WIDTH / 2, y, WIDTH - 2 * MARGIN, 15)

    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, PERSON_TOP + 3 * mm, WIDTH - MARGIN, PERSON_TOP + 3 * mm)
    for key, top in _person_rows():
        _label(canvas, key, MARGIN, top, regular, bold, 9.5, 7)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN, DOSES_TOP + 2 * mm, WIDTH - MARGIN, DOSES_TOP + 2 * mm)
    canvas.line(MARGIN, FOOT_TOP, WIDTH - MARGIN, FOOT_TOP)

    # The foot: who vaccinated and printed (left), the facility's signature and seal (right).
    canvas.setFont(regular, 7.5)
    y = FOOT_TOP - 5 * mm
    lines = [
        "Chứng nhận do Cục Y tế dự phòng - Bộ Y tế cấp và ký số; kiểm tra bằng mã QR.",
        "Issued and digitally signed by the General Department of Preventive Medicine; verify with the QR code.",
    ]
    if facility:
        lines.append(f"Cơ sở tiêm chủng / Vaccination facility: {facility}")
    lines.append(f"Ngày in / Date of printing: {printed_on}")
    for line in lines:
        for part in wrap(line, regular, 7.5, 100 * mm):
            canvas.drawString(MARGIN, y, part)
            y -= 9.5
    seal_x = WIDTH - MARGIN - 34 * mm
    y = centred_lines(canvas, "XÁC NHẬN CỦA CƠ SỞ TIÊM CHỦNG", bold, 8.5, seal_x, FOOT_TOP - 2 * mm, 70 * mm, 11)
    y = centred_lines(canvas, "Certified by the vaccination facility", regular, 6.5, seal_x, y, 70 * mm, 8)
    y = centred_lines(canvas, "(Ký, ghi rõ họ tên, đóng dấu / Signature, full name and seal)", regular, 6,
                      seal_x, y, 70 * mm, 8)
    canvas.saveState()
    canvas.setDash(2, 2)
    canvas.setLineWidth(0.4)
    canvas.setStrokeGray(0.55)
    canvas.circle(seal_x, y - 15 * mm, 13 * mm)
    canvas.restoreState()


def draw_person_page(canvas: Canvas, doses: Sequence[CertificateForm], regular: str, bold: str) -> None:
    """One person's values and up to two of their doses, each with its QR."""
    first = doses[0]
    value_x, value_width = MARGIN + LABEL_WIDTH, WIDTH - 2 * MARGIN - LABEL_WIDTH
    for key, top in _person_rows():
        if key == "doses_received":
            value = str(max((form.dose for form in doses), default=0) or first.doses_received)
        else:
            value = getattr(first, key)
        size, lines = fit(value or "—", bold, 11.5 if key == "full_name" else 10.5, value_width, 1)
        canvas.setFont(bold, size)
        canvas.drawString(value_x, top - size, lines[0])
        secondary = first.icao_name if key == "full_name" else first.value_en(key)
        if secondary:
            canvas.setFont(regular, 7.5)
            canvas.drawString(value_x, top - size - 10, secondary)
    for index, form in enumerate(doses[:DOSES_PER_PAGE]):
        _draw_dose(canvas, form, DOSES_TOP - index * DOSE_PITCH, regular, bold)


def _draw_dose(canvas: Canvas, form: CertificateForm, top: float, regular: str, bold: str) -> None:
    qr = QR_MM * mm
    draw_qr(canvas, form, MARGIN, top - qr, qr)
    if form.expires_at:
        canvas.setFont(regular, 6.5)
        canvas.drawCentredString(MARGIN + qr / 2, top - qr - 3.5 * mm,
                                 f"Mã QR có hiệu lực đến / valid until: {form.expires_at}")
    x = MARGIN + qr + 7 * mm
    label_width = 40 * mm
    value_width = WIDTH - MARGIN - x - label_width
    row = (qr + 4 * mm) / 6
    for index, key in enumerate(("dose_number", "vaccination_date", "vaccine_type", "vaccine_product",
                                 "manufacturer", "uvci")):
        row_top = top - index * row
        _label(canvas, key, x, row_top, regular, bold, 8.5, 6.5)
        value = getattr(form, key) or "—"
        size, lines = fit(value, bold, 9.5, value_width, 2)
        canvas.setFont(bold, size)
        y = row_top - size
        for line in lines:
            canvas.drawString(x + label_width, y, line)
            y -= size * 1.15
        english = form.value_en(key)
        if english and len(lines) == 1:
            canvas.setFont(regular, 6.5)
            canvas.drawString(x + label_width, y - 0.5, english)


def _person_rows() -> list[tuple[str, float]]:
    rows, top = [], PERSON_TOP
    for key in ("full_name", "date_of_birth", "nationality", "disease", "doses_received"):
        rows.append((key, top))
        top -= NAME_PITCH if key == "full_name" else PERSON_PITCH
    return rows


def _label(canvas: Canvas, key: str, x: float, top: float, regular: str, bold: str, vi_size: float,
           en_size: float) -> None:
    vi, en = LABELS[key]
    canvas.setFont(bold, vi_size)
    canvas.drawString(x, top - vi_size, vi)
    canvas.setFont(regular, en_size)
    canvas.drawString(x, top - vi_size - en_size * 1.3, en)


def _underline(canvas: Canvas, centre: float, y: float, width: float) -> None:
    canvas.setLineWidth(0.6)
    canvas.line(centre - width / 2, y, centre + width / 2, y)
