"""The printed certificate as an official paper: heading, authority, seal area, a person's doses together,
Vietnamese values, the ICAO name, and QR codes that two independent decoders read at 150, 200 and 300 dpi."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader

from desktop.certificates.printing import print_certificates
from desktop.dcc.hc1 import decode_hc1
from desktop.models import Certificate
from desktop.printing.form import form_from_dcc
from desktop.printing.pdf import PrintJob, person_pages, render_pdf
from desktop.printing.qr import read_qr_codes
from tests.helpers import run_cli
from tests.unit.certificates.factory import add_certificate, make_hc1, new_batch

DPIS = (150, 200, 300)


def zbar_codes(png) -> set[str]:
    """Every QR ZBar (zbarimg, the decoder of many scanner apps) reads in an image."""
    assert shutil.which("zbarimg"), "zbarimg (Debian zbar-tools) is installed by scripts/setup.sh for the tests"
    done = subprocess.run(["zbarimg", "-q", "--raw", "--nodbus", "-Sdisable", "-Sqrcode.enable", str(png)],
                          capture_output=True, text=True)
    return {line for line in done.stdout.splitlines() if line.startswith("HC1:")}


def decoded_at(pdf, folder, dpi) -> tuple[set[str], set[str]]:
    for old in folder.glob(f"r{dpi}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(folder / f"r{dpi}")], check=True)
    zxing, zbar = set(), set()
    for png in sorted(folder.glob(f"r{dpi}-*.png")):
        zxing |= set(read_qr_codes(png))
        zbar |= zbar_codes(png)
    return zxing, zbar


def pdf_text(pdf) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True)
    return unicodedata.normalize("NFC", done.stdout)


def forms_for(issuer, people):
    forms = []
    for name, dob, doses in people:
        for dose in doses:
            hc1, _ = make_hc1(issuer, name, dob, dose=dose, vaccination_date=f"2021-0{dose + 5}-15")
            forms.append(form_from_dcc(hc1, decode_hc1(hc1).dcc, "VN", "01/09/2027"))
    return forms


def test_one_page_per_person_with_every_dose_and_both_decoders_read_every_qr(issuer, tmp_path):
    # Names of many lengths give symbols of several sizes (module counts).
    people = [("Nguyễn Thị Hồng Nhung", "1990-03-05", (2, 1)), ("Vũ An", "1961-01-10", (1,)),
              ("Tôn Nữ Thị Phương Thảo Quỳnh Anh Bảo Ngọc", "1972-12-31", (1, 2)),
              ("Đặng Văn Đức", "1985-11-20", (1, 2, 3))]
    forms = forms_for(issuer, people)
    out = tmp_path / "day.pdf"
    pages = render_pdf(forms, PrintJob(out, "a4", "Bệnh viện E", date(2026, 11, 27)))
    assert pages == len(PdfReader(out).pages) == 5  # 1 + 1 + 1 + 2 (three doses: two on a page)
    wanted = {form.hc1 for form in forms}
    for dpi in DPIS:
        zxing, zbar = decoded_at(out, tmp_path, dpi)
        assert zxing == wanted, f"zxing-cpp at {dpi} dpi"
        assert zbar == wanted, f"ZBar at {dpi} dpi"


def test_the_page_reads_as_an_official_paper_in_vietnamese(issuer, tmp_path):
    forms = forms_for(issuer, [("Nguyễn Thị Hồng Nhung", "1990-03-05", (1, 2))])
    out = tmp_path / "one.pdf"
    assert render_pdf(forms, PrintJob(out, "a4", "Bệnh viện Bạch Mai", date(2026, 11, 27))) == 1
    text = pdf_text(out)
    flat = " ".join(text.split())
    for heading in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BỘ Y TẾ",
                    "CỤC Y TẾ DỰ PHÒNG", "CHỨNG NHẬN TIÊM CHỦNG COVID-19", "XÁC NHẬN CỦA CƠ SỞ TIÊM CHỦNG",
                    "Ký, ghi rõ họ tên, đóng dấu", "Bệnh viện Bạch Mai", "27/11/2026"):
        assert heading in flat, heading
    assert "NGUYEN<<THI<HONG<NHUNG" in flat  # the ICAO name the QR carries
    assert "Việt Nam" in flat and "Vắc xin mRNA phòng COVID-19" in flat
    assert "SARS-CoV-2 mRNA vaccine" in flat  # the EU name stays beside it for readers abroad
    assert flat.count("Nguyễn Thị Hồng Nhung") == 1  # the person once, both doses below
    assert "1/2" in flat and "2/2" in flat
    for form in forms:
        assert form.uvci[:30] in flat.replace(" ", "") or form.uvci[:20] in flat


def test_person_pages_keep_order_and_split_long_courses(issuer):
    forms = forms_for(issuer, [("Lê Thị Thuý", "1978-01-30", (3, 1, 2)), ("Trần Bảo Duy", "2001-07-14", (1,))])
    pages = person_pages(forms)
    assert [[f.dose for f in page] for page in pages] == [[1, 2], [3], [1]]
    assert {f.full_name for f in pages[0] + pages[1]} == {"Lê Thị Thuý"}


def test_print_two_uvcis_from_the_command_line_prints_both(workspace, issuer, tmp_path):
    with workspace.db.session() as session:
        batch = new_batch(session, count=2)
        first = add_certificate(session, issuer, "Đặng Văn Đức", "1985-11-20", "M", "079085001234", batch_id=batch)
        second = add_certificate(session, issuer, "Lê Thị Thuý", "1978-01-30", "F", "036178009876", batch_id=batch)
        wanted = {first.uvci: first.hc1, second.uvci: second.hc1}
    out = tmp_path / "two.pdf"
    done = run_cli("--json", "print", "--uvci", first.uvci, "--uvci", second.uvci, "--out", str(out),
                   workspace=workspace.path)
    assert done.code == 0, done.stderr
    assert set(done.json["uvcis"]) == set(wanted) and done.json["pages"] == 2
    zxing, zbar = decoded_at(out, tmp_path, 200)
    assert zxing == zbar == set(wanted.values())


def test_a_persons_doses_printed_together_are_counted_each(workspace, issuer, tmp_path):
    with workspace.db.session() as session:
        batch = new_batch(session, count=2)
        ids = [add_certificate(session, issuer, "Phạm Quốc Hưng", "1964", "M", "024064005555", dose=dose,
                               vaccination_date=f"2021-0{dose + 5}-01", batch_id=batch).id for dose in (1, 2)]
    result = print_certificates(workspace, tmp_path / "p.pdf", ids=ids)
    assert result.pages == 1 and len(result.uvcis) == 2
    with workspace.db.session() as session:
        assert [session.get(Certificate, i).printed_count for i in ids] == [1, 1]


@pytest.mark.parametrize("layout", ["card"])
def test_the_card_shows_vietnamese_values_and_reads_with_both_decoders(issuer, tmp_path, layout):
    forms = forms_for(issuer, [("Trần Bảo Duy", "2001-07-14", (1, 2))])
    out = tmp_path / "card.pdf"
    assert render_pdf(forms, PrintJob(out, layout, "Bệnh viện K")) == 2
    flat = " ".join(pdf_text(out).split())
    assert "Việt Nam" in flat and "Vắc xin mRNA phòng COVID-19" in flat
    for dpi in DPIS:
        zxing, zbar = decoded_at(out, tmp_path, dpi)
        assert zxing == zbar == {f.hc1 for f in forms}, dpi
