"""Real list files written by the tests (helpers shared with the GUI tests): CSV in every encoding and delimiter, .xlsx (openpyxl), .xls (xlwt)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from pathlib import Path

from tests.helpers import SHARED

LONG_HEADER = ["Mã mũi tiêm", "Họ và tên", "Ngày sinh", "Giới tính", "Số CMND/CCCD", "Tên vắc xin", "Lô vắc xin",
               "Mũi số", "Ngày tiêm"]
GOOD_ROWS = [
    ["VN-1", "Nguyễn Văn An", "12/05/1990", "Nam", "001090012345", "AstraZeneca", "ABV123", "1", "01/09/2021"],
    ["VN-2", "Trần Thị Bình", "1985", "Nữ", "001185012346", "Pfizer", "FF100", "2", "2021-09-02"],
    ["VN-3", "Lê Đức Hùng", "3/4/1975", "M", "001075012347", "Vero Cell", "2021A", "3", "3/9/2021"],
]


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258_form(text: str) -> str:
    """How Windows-1258 spells Vietnamese: base letters (â, ơ, ư, đ…) precomposed, tone marks combining."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out)


def write_csv(path: Path, rows: list[list], encoding: str = "utf-8", delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    text = buffer.getvalue()
    if encoding == "utf-16":
        path.write_bytes(text.encode("utf-16"))  # with BOM
    elif encoding == "utf-8-sig":
        path.write_bytes(text.encode("utf-8-sig"))
    elif encoding == "cp1258":
        path.write_bytes(windows_1258_form(text).encode("cp1258"))
    else:
        path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list], sheet: str = "Danh sách", before: list[tuple[str, list[list], bool]] = (),
               merges: list[str] = ()) -> Path:
    """``before``: sheets placed first, as (name, rows, hidden)."""
    from openpyxl import Workbook

    book = Workbook()
    first = True
    for name, other_rows, hidden in before:
        ws = book.active if first else book.create_sheet(name)
        ws.title = name
        for r in other_rows:
            ws.append(r)
        if hidden:
            ws.sheet_state = "hidden"
        first = False
    ws = book.active if first else book.create_sheet(sheet)
    ws.title = sheet
    for r in rows:
        ws.append(r)
    for rng in merges:
        ws.merge_cells(rng)
    book.save(path)
    return path


def write_xls(path: Path, rows: list[list], merges: list[tuple[int, int, int, int]] = ()) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    merged = set()
    for r0, r1, c0, c1 in merges:
        sheet.write_merge(r0, r1, c0, c1, rows[r0][c0] if c0 < len(rows[r0]) else "")
        merged |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) in merged or value is None or value == "":
                continue
            if isinstance(value, (dt.date, dt.datetime)):
                sheet.write(r, c, value, xlwt.easyxf(num_format_str="DD/MM/YYYY"))
            else:
                sheet.write(r, c, value)
    book.save(str(path))
    return path




def write_encrypted_workbook(path: Path) -> Path:
    """A Compound File like the one Excel writes for a password-protected .xlsx: streams
    "EncryptionInfo" and "EncryptedPackage" (contents random: the point is the container)."""
    import os
    import struct

    sector = 512
    info = b"\x04\x00\x04\x00\x40\x00\x00\x00" + os.urandom(4096 - 8)
    package = struct.pack("<Q", 1234) + os.urandom(4096 - 8)
    n_info, n_pack = len(info) // sector, len(package) // sector
    # sectors: 0 FAT, 1 directory, 2.. info, then package
    fat = [0xFFFFFFFD, 0xFFFFFFFE]
    first_info = 2
    fat += [first_info + i + 1 for i in range(n_info - 1)] + [0xFFFFFFFE]
    first_pack = first_info + n_info
    fat += [first_pack + i + 1 for i in range(n_pack - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (sector // 4 - len(fat))
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    header[76:80] = struct.pack("<I", 0)
    for i in range(1, 109):
        header[76 + 4 * i:80 + 4 * i] = struct.pack("<I", 0xFFFFFFFF)

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\x00\x00"
        e = bytearray(128)
        e[0:len(raw)] = raw
        struct.pack_into("<HBB", e, 64, len(raw), kind, 1)
        struct.pack_into("<III", e, 68, left, right, child)
        struct.pack_into("<IQ", e, 116, start, size)
        return bytes(e)

    none = 0xFFFFFFFF
    directory = (entry("Root Entry", 5, none, none, 1, 0xFFFFFFFE, 0)
                 + entry("EncryptionInfo", 2, none, 2, none, first_info, len(info))
                 + entry("EncryptedPackage", 2, none, none, none, first_pack, len(package))
                 + bytes(128))
    data = bytes(header) + struct.pack(f"<{len(fat)}I", *fat) + directory + info + package
    path.write_bytes(data)
    return path


PL1_TEMPLATE = SHARED / "contracts" / "platform-import-template-PL1.xls"


def pl1_header_rows() -> list[list]:
    """The rows of the platform's PL1 template as it is shipped (title, headers, no people)."""
    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(str(PL1_TEMPLATE)).get_sheet_by_index(0)
    return [list(r) for r in sheet.to_python(skip_empty_area=False)]


def pl1_person(n, name, dob, sex, cccd, doses) -> list:
    """One person's row of the PL1 template, with up to three (vaccine, date, lot) dose blocks."""
    row = [n, name, dob, sex, "1", "", "0912345678", cccd, "", "Thành phố Hà Nội", "01", "Quận Đống Đa", "006",
           "Phường Phương Mai", "00208", "", ""] + [""] * 10
    for block, (vaccine, date, lot) in enumerate(doses):
        row[17 + 4 * block:21 + 4 * block] = [vaccine, date, lot, "01001"]
    return row
