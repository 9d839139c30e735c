"""The Overview's chart as a PNG picture: one stacked bar per list or per vaccination day, one
coloured segment per state, in the Overview's colours, with a legend. Drawn with Pillow and the
bundled DejaVu font, so the window, the command line and a server draw the same picture.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from desktop.dcc._resources import resources_dir
from desktop.i18n import format_date, format_number, tr
from desktop.overview import STATES, Picture, state_label
from desktop.reports.workbook import unwritable

# the Overview page's colours (desktop/views/theme.py)
STATE_COLOURS = {
    "loaded": "#8a9bb0", "needs_review": "#d9822b", "ready_to_sign": "#3c8dbc", "signed": "#5b6abf",
    "sent": "#7e57c2", "certified": "#2e8b57", "rejected": "#b3261e",
}
CHARTS = ("lists", "days")

_WIDTH, _ROW, _LABEL, _TOTAL, _MARGIN = 1200, 40, 320, 90, 20


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(resources_dir() / "fonts" / name), size)


def _rows(picture: Picture, chart: str) -> list[tuple[str, dict[str, int]]]:
    if chart == "days":
        return [(format_date(d.vaccination_date), d.counts) for d in picture.by_day]
    return [(f"{r.file_name} ({format_date(r.imported_at[:10])})" if r.imported_at else r.file_name, r.counts)
            for r in picture.by_list]


def _fit(draw: ImageDraw.ImageDraw, text: str, font: Any, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def draw_chart(picture: Picture, chart: str = "lists") -> Image.Image:
    """The chart of ``picture`` by list (``"lists"``) or by vaccination day (``"days"``)."""
    rows = _rows(picture, chart)
    title = tr("Theo danh sách", "By list") if chart == "lists" else tr("Theo ngày tiêm", "By vaccination day")
    legend_top = 60 + max(1, len(rows)) * _ROW + 10
    image = Image.new("RGB", (_WIDTH, legend_top + 50), "white")
    draw = ImageDraw.Draw(image)
    regular, bold, small = _font(15), _font(18, bold=True), _font(13)
    heading = f"{tr('Tổng quan', 'Overview')} — {title} — {format_date(picture.today)}"
    draw.text((_MARGIN, _MARGIN), unicodedata.normalize("NFC", heading), fill="#1c1c1c", font=bold)
    if not rows:
        draw.text((_MARGIN, 70), str(tr("Chưa có bản ghi nào", "No records yet")), fill="#666666", font=regular)
    biggest = max((sum(c.values()) for _, c in rows), default=0) or 1
    span = _WIDTH - _LABEL - _TOTAL - 2 * _MARGIN
    for index, (label, counts) in enumerate(rows):
        top = 60 + index * _ROW
        draw.text((_MARGIN, top + 10), _fit(draw, unicodedata.normalize("NFC", label), regular, _LABEL - 30),
                  fill="#1c1c1c", font=regular)
        x = float(_MARGIN + _LABEL)
        for state in STATES:
            n = counts.get(state, 0)
            if not n:
                continue
            width = max(4.0, span * n / biggest)
            draw.rounded_rectangle((x, top + 5, x + width - 1, top + _ROW - 5), radius=3, fill=STATE_COLOURS[state])
            text = format_number(n)
            if draw.textlength(text, font=small) + 8 < width:
                draw.text((x + width / 2, top + _ROW / 2), text, fill="white", font=small, anchor="mm")
            x += width
        draw.text((_WIDTH - _MARGIN, top + _ROW / 2), format_number(sum(counts.values())), fill="#1c1c1c",
                  font=regular, anchor="rm")
    x = _MARGIN
    for state in STATES:
        draw.rectangle((x, legend_top + 12, x + 14, legend_top + 26), fill=STATE_COLOURS[state])
        label = unicodedata.normalize("NFC", str(state_label(state)))
        draw.text((x + 20, legend_top + 10), label, fill="#1c1c1c", font=small)
        x += 20 + int(draw.textlength(label, font=small)) + 24
    return image


def write_chart(picture: Picture, out: Path, chart: str = "lists") -> Path:
    out = Path(out)
    tmp = out.with_name(f".{out.name}.part")
    try:
        draw_chart(picture, chart).save(tmp, format="PNG")
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise unwritable(out, exc) from exc
    return out
