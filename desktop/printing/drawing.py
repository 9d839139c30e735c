"""Drawing pieces shared by the page layouts: wrapped and fitted text, the QR symbol."""

from __future__ import annotations

import re

from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop.printing.form import CertificateForm
from desktop.printing.qr import qr_modules

# One module is 1/50 inch wherever the symbol fits, drawn as filled squares on the page's 1/50-inch
# grid: a whole number of device pixels (3, 4 and 6) at 150, 200 and 300 dpi, with no smoothing of
# an enlarged image between them, so decoders that dislike soft or uneven modules (ZBar, used by many
# scanner apps) read it at each of those resolutions.
MODULE_PITCH = 72 / 50
_DARK_RUN = re.compile(rb"\x00+")


def draw_qr(canvas: Canvas, form: CertificateForm, x: float, y: float, size: float) -> float:
    """Draw the symbol (without quiet zone) in the ``size`` square whose lower-left corner is at x, y,
    centred across the box and hung from its top edge, on the 1/50-inch grid; return the side drawn."""
    modules = qr_modules(form.hc1)
    if modules.width * MODULE_PITCH > size:  # a very long code: an image as large as the box allows
        canvas.drawImage(ImageReader(modules), x, y, width=size, height=size)
        return size
    side = modules.width * MODULE_PITCH
    page_height = canvas._pagesize[1]
    left = round((x + (size - side) / 2) / MODULE_PITCH) * MODULE_PITCH
    top = page_height - round((page_height - (y + size)) / MODULE_PITCH) * MODULE_PITCH
    data, width = modules.tobytes(), modules.width
    runs = " ".join(
        f"{m.start() - row * width} {row} {m.end() - m.start()} 1 re"
        for row in range(modules.height)
        for m in _DARK_RUN.finditer(data, row * width, (row + 1) * width)
    )
    # In module units, y downwards from the symbol's top-left corner; a rectangle per run of dark modules.
    canvas._code.append(f"q 0 g {MODULE_PITCH:.4f} 0 0 {-MODULE_PITCH:.4f} {left:.4f} {top:.4f} cm {runs} f Q")
    return side


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


def centred_lines(canvas: Canvas, text: str, font: str, size: float, centre_x: float, top: float,
                   width: float, leading: float | None = None) -> float:
    """Draw ``text`` wrapped to ``width``, centred; return the y below the last line."""
    leading = leading or size * 1.25
    canvas.setFont(font, size)
    y = top
    for line in wrap(text, font, size, width):
        y -= leading
        canvas.drawCentredString(centre_x, y, line)
    return y


def fit(text: str, font: str, size: float, width: float, max_lines: int = 2) -> tuple[float, list[str]]:
    """The largest size (down to 60 %) at which ``text`` fits in two lines; cut the rest if it never does."""
    current = size
    while True:
        lines = wrap(text, font, current, width)
        if len(lines) <= max_lines or current <= size * 0.6:
            return current, lines[:max_lines]
        current -= 0.5
