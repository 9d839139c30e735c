"""The printed PDF: every QR reads back to the exact HC1 string, and the Vietnamese text survives."""

from __future__ import annotations

import subprocess
import unicodedata
from datetime import date

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from desktop.errors import UserError
from desktop.printing.drawing import wrap
from desktop.printing.form import form_from_dcc
from desktop.printing.pdf import PrintJob, render_pdf
from desktop.printing.qr import qr_image, qr_modules, read_qr_codes
from tests.unit.certificates.factory import make_hc1, make_issuer

PEOPLE = [("Nguyễn Thị Hồng Nhung", "1990-03-05"), ("Đặng Văn Đức", "1985-11-20"),
          (unicodedata.normalize("NFD", "Trần Bảo Duy"), "2001")]
ALL_VIETNAMESE = "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸĐđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"


@pytest.fixture(scope="module")
def forms():
    from desktop.dcc.hc1 import decode_hc1

    issuer = make_issuer()
    out = []
    for name, dob in PEOPLE:
        hc1, _ = make_hc1(issuer, name, dob)
        out.append(form_from_dcc(hc1, decode_hc1(hc1).dcc, "VN", "01/09/2022"))
    return out


def rasterise(pdf, tmp_path, dpi=200):
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(tmp_path / "page")], check=True)
    return sorted(tmp_path.glob("page-*.png"))


def pdf_text(pdf):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("layout", ["a4", "card"])
def test_every_qr_reads_back_exactly_and_names_are_in_the_text(forms, tmp_path, layout):
    out = tmp_path / f"certs-{layout}.pdf"
    pages = render_pdf(forms, PrintJob(out, layout, "Bệnh viện Bạch Mai", date(2026, 11, 27)))
    assert pages == len(forms) == len(PdfReader(out).pages)
    images = rasterise(out, tmp_path)
    assert len(images) == len(forms)
    for image, form in zip(images, forms, strict=True):
        assert read_qr_codes(image) == [form.hc1]
    text = unicodedata.normalize("NFC", pdf_text(out))
    for name in ("Nguyễn Thị Hồng Nhung", "Đặng Văn Đức", "Trần Bảo Duy"):
        assert name in text
    assert "Bệnh viện Bạch Mai" in text or "BỆNH VIỆN BẠCH MAI" in text
    assert "27/11/2026" in text
    for label in ("Họ và tên", "Full name", "Ngày sinh", "Quốc tịch", "Bệnh được phòng", "Disease targeted",
                  "Số mũi đã tiêm", "Ngày tiêm", "Mũi tiêm số", "Loại vắc xin", "Tên vắc xin", "Nhà sản xuất",
                  "Mã chứng nhận", "Certificate identifier"):
        assert label in text
    # value-set display names instead of bare EU codes
    for value in ("Comirnaty", "Biontech Manufacturing GmbH", "Vắc xin mRNA phòng COVID-19", "COVID-19", "Việt Nam"):
        assert value in text


def test_pdf_text_is_nfc_even_from_nfd_input(forms, tmp_path):
    out = tmp_path / "nfd.pdf"
    render_pdf([forms[2]], PrintJob(out))
    text = pdf_text(out)
    assert "Trần Bảo Duy" in text  # composed code points, exactly
    assert unicodedata.normalize("NFD", "Trần") not in text


def test_fonts_are_embedded_and_draw_every_vietnamese_letter(tmp_path):
    from reportlab.pdfbase import pdfmetrics

    from desktop.printing.fonts import register_fonts

    regular, bold = register_fonts()
    for name in (regular, bold):
        face = pdfmetrics.getFont(name).face
        missing = [ch for ch in ALL_VIETNAMESE + ALL_VIETNAMESE.upper() if ord(ch) not in face.charToGlyph]
        assert not missing, (name, missing)
    out = tmp_path / "fonts.pdf"
    hc1 = make_hc1(make_issuer(), "Đỗ Thị Ỷ", "1990")[0]
    from desktop.dcc.hc1 import decode_hc1

    render_pdf([form_from_dcc(hc1, decode_hc1(hc1).dcc)], PrintJob(out))
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    rows = [line for line in fonts.splitlines() if "DejaVu" in line]
    assert rows and all(" yes " in row for row in rows)  # emb column
    assert "Đỗ Thị Ỷ" in pdf_text(out)


def test_qr_is_error_correction_q_and_in_size_range(forms, tmp_path):
    form = forms[0]
    found = zxingcpp.read_barcodes(qr_image(form.hc1, 4))
    assert found[0].ec_level == "Q" and found[0].text == form.hc1
    # the HC1 alphabet is QR's alphanumeric set: the encoder may use alphanumeric mode throughout
    assert set(form.hc1) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
    out = tmp_path / "size.pdf"
    for layout in ("a4", "card"):
        render_pdf([form], PrintJob(out, layout))
        folder = tmp_path / layout
        folder.mkdir()
        page = rasterise(out, folder, dpi=200)[0]
        with Image.open(page) as image:
            found = zxingcpp.read_barcodes(image)
        pos = found[0].position
        width_mm = abs(pos.top_right.x - pos.top_left.x) / 200 * 25.4
        assert 35 <= width_mm <= 60, (layout, width_mm)
    assert qr_modules(form.hc1).width >= 21


def test_long_identifier_wraps_inside_the_column():
    from desktop.printing.fonts import register_fonts

    regular, _ = register_fonts()
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = wrap("URN:UVCI:01:VN:0123456789ABCDEF0123456789ABCDEF#K", regular, 8, 100)
    assert "".join(lines) == "URN:UVCI:01:VN:0123456789ABCDEF0123456789ABCDEF#K"
    assert len(lines) > 1 and all(stringWidth(line, regular, 8) <= 100 for line in lines)


def test_refusals(forms, tmp_path):
    with pytest.raises(UserError) as err:
        render_pdf([], PrintJob(tmp_path / "x.pdf"))
    assert err.value.code == "nothing_to_print"
    with pytest.raises(UserError) as err:
        render_pdf(forms, PrintJob(tmp_path / "x.pdf", "letter"))
    assert err.value.code == "bad_layout"
    assert not (tmp_path / "x.pdf").exists()
