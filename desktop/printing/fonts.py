"""The fonts the PDFs embed: DejaVu Sans, bundled in ``resources/fonts`` with its licence.

PDF's built-in fonts (Helvetica, Times) cannot draw Vietnamese letters such as ặ, ữ or Đ; a
TrueType font that covers Latin Extended Additional is embedded (subset) instead.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.dcc._resources import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


@cache
def register_fonts() -> tuple[str, str]:
    """Register the regular and bold faces with reportlab once per process; return their names."""
    folder = resources_dir() / "fonts"
    pdfmetrics.registerFont(TTFont(REGULAR, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    return REGULAR, BOLD
