"""Reading the text of a certificate's QR code from a picture (PNG, JPEG …), with zxing-cpp."""

from __future__ import annotations

import io
from pathlib import Path

import zxingcpp
from PIL import Image, UnidentifiedImageError

from desktop.dcc.hc1 import PREFIX as HC1_PREFIX
from desktop.errors import UserError
from desktop.i18n import tr


def read_qr_text(source: str | Path | bytes) -> str:
    """The text of the QR code in an image file (path) or image bytes.

    With several codes in the picture, the first one holding an "HC1:" certificate wins, so a
    photo of a whole printed page still works.
    """
    image = _open_image(source)
    # the binding converts one BarcodeFormat to BarcodeFormats implicitly; its stub accepts only the latter
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)  # type: ignore[arg-type]
    texts = [b.text for b in found if b.valid]
    if not texts:
        raise UserError(tr("Không tìm thấy mã QR đọc được trong ảnh.", "No readable QR code was found in the picture."),
                        code="qr_not_found")
    return next((t for t in texts if t.startswith(HC1_PREFIX)), texts[0])


def _open_image(source: str | Path | bytes) -> Image.Image:
    name = "<bytes>" if isinstance(source, bytes) else str(source)
    try:
        image = Image.open(io.BytesIO(source) if isinstance(source, bytes) else Path(source))
        image.load()
    except FileNotFoundError as exc:
        raise UserError(tr("Không có tệp ảnh {file}.", "There is no picture file {file}.", file=name),
                        code="qr_file_missing") from exc
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise UserError(tr("Không mở được ảnh {file}: tệp hỏng hoặc không phải ảnh.",
                           "Cannot open the picture {file}: the file is damaged or not a picture.", file=name),
                        code="qr_image_unreadable") from exc
    return image
