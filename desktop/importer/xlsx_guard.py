"""What an .xlsx would cost to open, decided before anything is inflated.

An .xlsx is a zip of XML parts. Its central directory declares every part's compressed and
uncompressed size, so a zip bomb (a few MB inflating to gigabytes of repetitive XML) is refused
from the directory alone: too many parts, a part or the whole too large, or a compression ratio no
spreadsheet has. A sheet's ``<dimension ref>`` declares its rows, read from the first kilobytes.

The spreadsheet reader (calamine) holds a whole sheet in memory as a dense grid, so what must stay
small is the grid it will build: the worksheets are then streamed once through Python's zip reader
(which never yields more than the declared size and checks each part's CRC) to find the real last
row and column and the number of filled cells, and the grid's memory is estimated from them. A
file over the budget is refused with the number of rows per file that would fit, or the advice to
save it as CSV, which is streamed row by row.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from desktop.errors import UserError
from desktop.i18n import tr

MAX_MEMBERS = 2_000
MAX_MEMBER_BYTES = 1024 * 1024 * 1024        # one inflated part
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024     # every part together
MAX_RATIO = 100                              # inflated ÷ compressed, for parts over RATIO_FROM bytes
RATIO_FROM = 1024 * 1024
# The reader's grid: ~32 bytes per cell of the rectangle, ~100 per filled cell (its value, its place
# while the sheet is parsed). 360 MB keeps an import under 600 MB of memory altogether.
GRID_BUDGET = 360 * 1024 * 1024
BYTES_PER_GRID_CELL = 32
BYTES_PER_FILLED_CELL = 100
SCAN_CHUNK = 4 * 1024 * 1024

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})?[0-9]*:?([A-Z]{1,3})?([0-9]+)?"')
_ROOT = re.compile(rb"<(\w+:)?worksheet[\s>]")


class _Patterns:
    """Byte patterns for one sheet's element names (``<row``, or ``<x:row`` when the sheet uses a prefix)."""

    def __init__(self, prefix: bytes):
        self.row_open = b"<" + prefix + b"row"
        self.cells = (b"<" + prefix + b"c ", b"<" + prefix + b"c>", b"<" + prefix + b"c/")
        self.row_ref = re.compile(re.escape(self.row_open) + rb' r="([0-9]+)"')
        self.row_ref_anywhere = re.compile(re.escape(self.row_open) + rb'\s[^>]*?\br="([0-9]+)"')
        self.cell_open = b"<" + prefix + b'c r="'
        self.cell_ref = re.compile(re.escape(self.cell_open) + rb"([A-Z]{1,3})[0-9]")
        self.cell_ref_anywhere = re.compile(re.escape(b"<" + prefix + b"c") + rb'\s[^>]*?\br="([A-Z]{1,3})[0-9]')
        self._wider: dict[bytes, re.Pattern[bytes] | None] = {}

    def wider_than(self, column: bytes) -> re.Pattern[bytes] | None:
        """Cell references right of ``column`` only: on an ordinary sheet this finds nothing, fast."""
        if column not in self._wider:
            letters = column.decode()
            alternatives = []
            for i, ch in enumerate(letters):
                if ch < "Z":
                    alternatives.append(re.escape(letters[:i]) + f"[{chr(ord(ch) + 1)}-Z]" + "[A-Z]" * (len(letters) - i - 1))
            if len(letters) < 3:
                alternatives.append(f"[A-Z]{{{len(letters) + 1},3}}")
            self._wider[column] = (re.compile(re.escape(self.cell_open) + ("(" + "|".join(alternatives) + ")").encode()
                                              + rb"[0-9]") if alternatives else None)
        return self._wider[column]


@dataclass
class SheetCost:
    part: str
    declared_rows: int = 0
    rows: int = 0
    columns: int = 0
    cells: int = 0

    @property
    def grid_bytes(self) -> int:
        return self.rows * self.columns * BYTES_PER_GRID_CELL + self.cells * BYTES_PER_FILLED_CELL


@dataclass
class WorkbookCost:
    members: int
    inflated_bytes: int
    sheets: list[SheetCost] = field(default_factory=list)


def _column_order(letters: bytes) -> tuple[int, bytes]:
    return len(letters), letters


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + (ch - 64)
    return number


def _refuse(vi: str, en: str, code: str, **params: object) -> UserError:
    return UserError(tr(vi, en, **params), code=code)


def _not_a_workbook(name: str) -> UserError:
    return _refuse(
        "Tệp {file} không phải là bảng tính Excel đọc được (có thể bị hỏng hoặc chỉ đổi tên đuôi). "
        "Hãy mở tệp trong Excel, lưu lại dạng .xlsx hoặc .csv rồi thử lại.",
        "{file} is not a readable Excel workbook (damaged, or only renamed). Open it in Excel, save it as "
        ".xlsx or .csv and try again.", "not_a_workbook", file=name)


def _bomb(name: str, what_vi: str, what_en: str) -> UserError:
    return _refuse(
        "Tệp {file} không được mở vì có cấu trúc bất thường ({what_vi}): bảng tính thật không như vậy, tệp có thể "
        "đã bị sửa để làm treo máy. Hãy mở tệp trong Excel, lưu thành CSV (UTF-8) rồi nhập tệp CSV.",
        "{file} was not opened because its structure is abnormal ({what_en}): real spreadsheets are not like "
        "this, and the file may have been made to exhaust the computer's memory. Open it in Excel, save it as "
        "CSV (UTF-8) and import the CSV.", "workbook_suspicious", file=name, what_vi=what_vi, what_en=what_en)


def too_large_to_open(name: str, rows: int, rows_per_file: int) -> UserError:
    error = _refuse(
        "Tệp {file} có {rows} dòng, quá lớn để mở dạng .xlsx trong giới hạn bộ nhớ. Hãy lưu tệp thành CSV (UTF-8) "
        "trong Excel (Tệp → Lưu thành → CSV UTF-8), CSV được đọc từng dòng nên không giới hạn như vậy; hoặc chia "
        "danh sách thành các tệp .xlsx, mỗi tệp tối đa {per_file} dòng.",
        "{file} has {rows} rows, too large to open as .xlsx within the memory limit. Save it as CSV (UTF-8) in "
        "Excel (File → Save As → CSV UTF-8): CSV is read row by row and has no such limit; or split the list "
        "into .xlsx files of at most {per_file} rows each.", "workbook_too_large",
        file=name, rows=f"{rows:,}", per_file=f"{rows_per_file:,}")
    error.details = {"rows": rows, "rows_per_file": rows_per_file}
    return error


def too_many_rows(name: str, max_rows: int) -> UserError:
    return _refuse(
        "Tệp {file} có hơn {max} dòng, vượt giới hạn một lần nhập. Hãy chia danh sách thành nhiều tệp, mỗi tệp "
        "tối đa {max} dòng.",
        "{file} has more than {max} rows, over the limit for one import. Split the list into several files of "
        "at most {max} rows each.", "too_many_rows", file=name, max=f"{max_rows:,}")


def check_directory(archive: zipfile.ZipFile, name: str) -> int:
    """Refuse from the declared sizes alone; returns the total inflated size."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise _bomb(name, f"{len(members):,} phần", f"{len(members):,} parts")
    total = 0
    for info in members:
        size, packed = info.file_size, max(info.compress_size, 1)
        total += size
        if size > MAX_MEMBER_BYTES:
            raise _bomb(name, f"một phần giải nén ra {size // 2**20:,} MB", f"one part inflates to {size // 2**20:,} MB")
        if size > RATIO_FROM and size / packed > MAX_RATIO:
            ratio = size // packed
            raise _bomb(name, f"nén {ratio:,} lần", f"compressed {ratio:,} to 1")
    if total > MAX_TOTAL_BYTES:
        raise _bomb(name, f"giải nén ra {total // 2**20:,} MB", f"inflates to {total // 2**20:,} MB")
    return total


def _worksheet_parts(archive: zipfile.ZipFile) -> list[str]:
    return sorted(n for n in archive.namelist()
                  if n.lower().startswith("xl/worksheets/") and n.lower().endswith(".xml"))


def _declared_cost(part: str, match: re.Match[bytes] | None) -> SheetCost | None:
    """The cost the sheet's ``<dimension ref>`` declares, as if every cell of it were filled."""
    if match is None or not match.group(3):
        return None
    rows = int(match.group(3))
    last, first = match.group(2) or match.group(1), match.group(1) if match.group(2) else b"A"
    columns = _column_number(last) if last else 1
    columns = max(1, columns - (_column_number(first) if first else 1) + 1) if columns else 1
    return SheetCost(part, declared_rows=rows, rows=rows, columns=columns, cells=rows * columns)


def scan_sheet(archive: zipfile.ZipFile, part: str, name: str, max_rows: int) -> SheetCost:
    """Stream one worksheet: its declared extent first (refused at once when over a limit), then the real one."""
    cost = SheetCost(part)
    widest = b""  # the rightmost column seen so far
    row_elements = 0
    refless_cells = 0
    carry = b""
    patterns: _Patterns | None = None
    try:
        with archive.open(part) as stream:
            while True:
                chunk = stream.read(SCAN_CHUNK)
                data = carry + chunk
                if chunk:
                    cut = data.rfind(b">") + 1  # only whole tags; the rest waits for the next chunk
                    data, carry = data[:cut], data[cut:]
                    if len(carry) > 64 * 1024:  # a tag this long is no spreadsheet's
                        raise _bomb(name, "thẻ XML quá dài", "an XML tag too long")
                else:
                    carry = b""
                if patterns is None:
                    root = _ROOT.search(data)
                    patterns = _Patterns(root.group(1) or b"" if root else b"")
                    declared = _declared_cost(part, _DIMENSION.search(data))
                    if declared is not None:
                        cost.declared_rows = declared.rows
                        if declared.rows > max_rows + 50:
                            raise too_many_rows(name, max_rows)
                        if declared.grid_bytes > GRID_BUDGET:  # the file says so itself: no need to read on
                            raise too_large_to_open(name, declared.rows, rows_per_file(declared))
                rows_here = data.count(patterns.row_open)
                row_refs = patterns.row_ref.findall(data)
                if len(row_refs) < rows_here:
                    row_refs = patterns.row_ref_anywhere.findall(data)
                if row_refs:
                    cost.rows = max(cost.rows, max(map(int, row_refs)))
                row_elements += rows_here
                cells = sum(data.count(p) for p in patterns.cells)
                with_ref = data.count(patterns.cell_open)
                if with_ref < cells:  # references not first in the tag, or none: the slow, thorough way
                    refs = patterns.cell_ref_anywhere.findall(data)
                    with_ref = len(refs)
                elif not widest:
                    refs = patterns.cell_ref.findall(data)
                else:
                    wider = patterns.wider_than(widest)
                    refs = wider.findall(data) if wider is not None else []
                if refs:
                    widest = max(widest, *refs, key=_column_order)
                cost.cells += cells
                refless_cells += cells - with_ref
                if max(cost.rows, row_elements) > max_rows + 50:
                    raise too_many_rows(name, max_rows)
                if not chunk:
                    break
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError) as exc:
        raise _not_a_workbook(name) from exc
    cost.rows = max(cost.rows, row_elements)
    cost.columns = _column_number(widest) if widest else 0
    if refless_cells and cost.rows:
        cost.columns = max(cost.columns, -(-refless_cells // cost.rows))
    return cost


def rows_per_file(sheet: SheetCost) -> int:
    """How many rows of this sheet fit the budget, rounded down to a round number."""
    per_row = max(1, sheet.grid_bytes // max(sheet.rows, 1))
    fits = GRID_BUDGET // per_row
    return fits // 10_000 * 10_000 if fits >= 10_000 else max(fits // 100 * 100, 1)


def inspect_xlsx(path: Path, max_rows: int) -> WorkbookCost:
    """Refuse a hostile or oversized .xlsx (``UserError``) before the spreadsheet reader sees it."""
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError) as exc:
        raise _not_a_workbook(name) from exc
    with archive:
        total = check_directory(archive, name)
        cost = WorkbookCost(members=len(archive.infolist()), inflated_bytes=total)
        for part in _worksheet_parts(archive):
            sheet = scan_sheet(archive, part, name, max_rows)
            cost.sheets.append(sheet)
            if sheet.grid_bytes > GRID_BUDGET:
                raise too_large_to_open(name, sheet.rows, rows_per_file(sheet))
    return cost
