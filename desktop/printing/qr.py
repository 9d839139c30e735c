"""QR codes for HC1 strings, written and read with zxing-cpp.

HC1 strings use only the Base45 alphabet, which is exactly QR's alphanumeric set, so the encoder
chooses alphanumeric mode (11 bits per two characters instead of 16): the symbol stays small
enough to scan from paper. Error correction is Q (25 %), as the EU DCC specification asks.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import cast

import zxingcpp
from PIL import Image

EC_LEVEL = "Q"
QUIET_ZONE_MODULES = 4


def qr_modules(text: str) -> Image.Image:
    """The symbol as a 1-pixel-per-module greyscale image, without the quiet zone."""
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=EC_LEVEL)
    # zxingcpp.Image exports the buffer protocol; its stub does not declare __buffer__
    view = memoryview(barcode.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
    shape = cast(tuple[int, ...], view.shape)  # a buffer export always carries its shape
    height, width = shape[0], shape[1]
    return Image.frombytes("L", (width, height), bytes(view))


def qr_image(text: str, pixels_per_module: int = 4, quiet_zone: bool = True) -> Image.Image:
    """The symbol scaled up without smoothing (sharp module edges), with a white quiet zone."""
    modules = qr_modules(text)
    image = modules.resize((modules.width * pixels_per_module, modules.height * pixels_per_module),
                           Image.Resampling.NEAREST)
    if not quiet_zone:
        return image
    margin = QUIET_ZONE_MODULES * pixels_per_module
    framed = Image.new("L", (image.width + 2 * margin, image.height + 2 * margin), 255)
    framed.paste(image, (margin, margin))
    return framed


def qr_png(text: str, pixels_per_module: int = 4) -> bytes:
    """PNG bytes of the symbol, for showing on screen."""
    buffer = io.BytesIO()
    qr_image(text, pixels_per_module).save(buffer, format="PNG")
    return buffer.getvalue()


def read_qr_codes(image: Image.Image | str | Path) -> list[str]:
    """Every QR code's text found in a photo, scan or rendered page (top to bottom)."""
    if not isinstance(image, Image.Image):
        with Image.open(image) as opened:
            image = opened.convert("L")
    elif image.mode not in ("L", "RGB", "RGBA"):
        image = image.convert("L")
    # the binding converts one BarcodeFormat to BarcodeFormats implicitly; its stub accepts only the latter
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)  # type: ignore[arg-type]
    found = [b for b in found if b.valid]
    found.sort(key=lambda b: (b.position.top_left.y, b.position.top_left.x))
    return [b.text for b in found]
