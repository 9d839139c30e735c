"""Hostile .xlsx files are refused from the zip directory and the sheets' declared extent, small and fast.

The files are real zips: a 3.7 MB zip bomb inflating to 3.8 GB of repetitive sheet XML, a sheet
declaring two million rows, a sheet with two cells a million rows and 16,384 columns apart, a zip
of thousands of parts, and a directory that lies about a part's size.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from desktop.errors import UserError
from desktop.importer.reading import MAX_ROWS, read_sheet
from tests.unit.importer.listfiles import LONG_HEADER, write_xlsx

ROOT = Path(__file__).resolve().parents[2]

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Danh sach" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
SHEET_START = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def workbook_parts(sheet_xml: bytes) -> dict[str, bytes]:
    return {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": RELS, "xl/workbook.xml": WORKBOOK,
            "xl/_rels/workbook.xml.rels": WORKBOOK_RELS, "xl/worksheets/sheet1.xml": sheet_xml}


def write_zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def cell(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def write_raw_zip(path: Path, members: list[tuple[str, int, int, bytes]]) -> Path:
    """A zip written byte by byte: (name, crc32, inflated size, raw deflate data) per part."""
    central, offset = [], 0
    with open(path, "wb") as out:
        for name, crc, size, data in members:
            encoded = name.encode()
            header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size,
                                 len(encoded), 0)
            out.write(header + encoded)
            out.write(data)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data),
                                       size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
            offset += len(header) + len(encoded) + len(data)
        directory = b"".join(central)
        out.write(directory)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), offset, 0))
    return path


def deflated(data: bytes) -> tuple[str, int, int, bytes]:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return ("", zlib.crc32(data), len(data), packer.compress(data) + packer.flush())


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory) -> Path:
    """3.7 MB on disk, 3.8 GB of sheet XML once inflated (one cell of 3.8 billion "A"s)."""
    chunk = b"A" * (1024 * 1024)
    repeats = 3600
    start = SHEET_START + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
    end = b"</t></is></c></row></sheetData></worksheet>"
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(start) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)  # after a full flush: the same bytes each time
    tail = packer.compress(end) + packer.flush()
    crc = zlib.crc32(start)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(end, crc)
    size = len(start) + repeats * len(chunk) + len(end)
    members = [(name, *deflated(data)[1:]) for name, data in workbook_parts(b"").items()
               if name != "xl/worksheets/sheet1.xml"]
    members.append(("xl/worksheets/sheet1.xml", crc, size, head + block * repeats + tail))
    path = write_raw_zip(tmp_path_factory.mktemp("bomb") / "danh-sach.xlsx", members)
    assert 3.6e6 < path.stat().st_size < 3.9e6 and size > 3.7e9
    return path


def refused(path: Path) -> UserError:
    with pytest.raises(UserError) as info:
        read_sheet(path)
    return info.value


def test_zip_bomb_is_refused_from_the_directory_fast_and_small(zip_bomb):
    """In a fresh process: the refusal takes < 1 s and adds < 100 MB to the process's peak memory."""
    script = (
        "import json, resource, sys, time\n"
        "from desktop.errors import UserError\n"
        "from desktop.importer.reading import read_sheet\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "start = time.monotonic()\n"
        "try:\n"
        "    read_sheet(sys.argv[1]); code = None\n"
        "except UserError as error:\n"
        "    code, text = error.code, error.message.as_dict()\n"
        "print(json.dumps({'code': code, 'text': text, 'seconds': time.monotonic() - start,\n"
        "                  'added_mb': (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(zip_bomb)], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=True)
    outcome = json.loads(done.stdout)
    assert outcome["code"] == "workbook_suspicious"
    assert outcome["seconds"] < 1.0 and outcome["added_mb"] < 100, outcome
    assert "CSV" in outcome["text"]["en"] and "CSV" in outcome["text"]["vi"]


def test_a_declared_two_million_rows_is_refused_before_reading_them(tmp_path):
    sheet = (SHEET_START + b'<dimension ref="A1:I2000000"/><sheetData><row r="1">'
             + b"".join(cell(f"{'ABCDEFGHI'[i]}1", h) for i, h in enumerate(LONG_HEADER))
             + b"</row></sheetData></worksheet>")
    error = refused(write_zip(tmp_path / "lon.xlsx", workbook_parts(sheet)))
    assert error.code == "too_many_rows"
    assert f"{MAX_ROWS:,}" in error.message.en and "Split the list" in error.message.en
    assert "chia danh sách" in error.message.vi


@pytest.mark.parametrize("prefix,dimension", [(b"", b""), (b"", b'<dimension ref="A1:B2"/>'),
                                              (b"x:", b'<x:dimension ref="A1"/>')])
def test_two_cells_far_apart_would_make_a_huge_grid_and_are_refused(tmp_path, prefix, dimension):
    """A few hundred bytes whose grid (1,000,000 rows × 16,384 columns) would need half a terabyte.

    Whatever the sheet declares (nothing, or a small dimension) and however it names its elements.
    """
    x = prefix
    start = SHEET_START if not x else SHEET_START.replace(b"<worksheet xmlns=", b"<x:worksheet xmlns:x=")
    sheet = (start + dimension + b"<" + x + b'sheetData><' + x + b'row r="1"><' + x + b'c r="A1"><' + x + b"v>1</"
             + x + b"v></" + x + b"c></" + x + b'row><' + x + b'row r="1000000"><' + x + b'c r="XFD1000000"><' + x
             + b"v>2</" + x + b"v></" + x + b"c></" + x + b"row></" + x + b"sheetData></" + x + b"worksheet>")
    path = write_zip(tmp_path / "thua.xlsx", workbook_parts(sheet))
    assert path.stat().st_size < 2000
    error = refused(path)
    assert error.code == "workbook_too_large"
    assert "CSV" in error.message.en and "rows each" in error.message.en and "mỗi tệp tối đa" in error.message.vi


def test_a_million_declared_rows_within_the_row_limit_are_refused_at_once_with_a_size_that_fits(tmp_path):
    """The sheet says A1:L1000001 (a million rows of twelve columns): refused from its first bytes."""
    sheet = (SHEET_START + b'<dimension ref="A1:L1000001"/><sheetData><row r="1">'
             + b"".join(cell(f"{'ABCDEFGHI'[i]}1", h) for i, h in enumerate(LONG_HEADER))
             + b"</row></sheetData></worksheet>")
    error = refused(write_zip(tmp_path / "trieu.xlsx", workbook_parts(sheet)))
    assert error.code == "workbook_too_large" and error.details["rows"] == 1_000_001
    fits = error.details["rows_per_file"]
    assert 10_000 <= fits < 1_000_000 and f"{fits:,}" in error.message.en
    assert "CSV UTF-8" in error.message.en and "CSV UTF-8" in error.message.vi


def test_a_sheet_over_the_row_limit_without_a_dimension_is_refused_while_streaming(tmp_path):
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (n, n) for n in range(1, MAX_ROWS + 60))
    path = write_zip(tmp_path / "khong-khai.xlsx", workbook_parts(SHEET_START + b"<sheetData>" + rows
                                                                   + b"</sheetData></worksheet>"))
    assert refused(path).code == "too_many_rows"


def test_thousands_of_parts_are_refused(tmp_path):
    parts = workbook_parts(SHEET_START + b"<sheetData/></worksheet>")
    parts.update({f"xl/media/image{i}.png": b"x" for i in range(2500)})
    assert refused(write_zip(tmp_path / "nhieu.xlsx", parts)).code == "workbook_suspicious"


def test_a_directory_that_understates_a_part_is_not_believed(tmp_path):
    """The central directory says 1 KB; the stream holds 50 MB. The reader stops at 1 KB and the CRC fails."""
    sheet = SHEET_START + b'<sheetData><row r="1">' + b"<c><v>1</v></c>" * 3_500_000 + b"</row></sheetData></worksheet>"
    name, crc, _size, data = deflated(sheet)
    members = [(n, *deflated(d)[1:]) for n, d in workbook_parts(b"").items() if n != "xl/worksheets/sheet1.xml"]
    members.append(("xl/worksheets/sheet1.xml", crc, 1024, data))
    error = refused(write_raw_zip(tmp_path / "doi.xlsx", members))
    assert error.code == "not_a_workbook"


def test_rows_are_streamed_from_a1_like_the_whole_grid(tmp_path):
    """The streamed rows keep empty leading rows and columns, so row numbers in messages stay right."""
    from python_calamine import CalamineWorkbook

    rows = [[None, None, None], [None, "Họ và tên", "Ngày sinh"], [None, "An", "1990"], [None, "Bình", "1985"]]
    path = write_xlsx(tmp_path / "le.xlsx", rows)
    sheet = read_sheet(path)
    book = CalamineWorkbook.from_path(str(path))
    whole = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
    assert list(sheet.rows()) == whole and sheet.total == len(whole) == 4
    assert sheet.head == whole
