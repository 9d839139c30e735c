"""PDF pages as images, for the print preview and for printing through the system's printer dialog.

pypdfium2 (PDFium, the engine of Chrome's viewer) renders the very PDF that "Save PDF" writes, so
paper, preview and file never differ. Where it is missing, poppler's ``pdftoppm`` is used.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from PIL import Image

from desktop.errors import UserError
from desktop.i18n import tr


def page_count(pdf: str | Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def render_pages(pdf: str | Path, dpi: int = 200) -> Iterator[Image.Image]:
    """Each page of ``pdf`` as an RGB image at ``dpi``, in order."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        yield from _pdftoppm(pdf, dpi)
        return
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                bitmap = page.render(scale=dpi / 72, no_smoothimage=True)  # QR modules stay square
                yield bitmap.to_pil().convert("RGB")
            finally:
                page.close()
    finally:
        document.close()


def _pdftoppm(pdf: str | Path, dpi: int) -> Iterator[Image.Image]:
    if shutil.which("pdftoppm") is None:
        raise UserError(tr("Không có công cụ hiển thị PDF (pypdfium2 hoặc pdftoppm) để xem trước và in.",
                           "No PDF renderer (pypdfium2 or pdftoppm) is installed for preview and printing."),
                        code="no_pdf_renderer")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(Path(folder) / "page")], check=True)
        for path in sorted(Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1])):
            with Image.open(path) as image:
                yield image.convert("RGB")
