"""Opening a list file, whatever it turns out to be: .xlsx, .xls, or CSV/text in any encoding.

The file's content decides, not its name: a workbook is recognised by its signature (ZIP for
.xlsx, the Compound File container for .xls), everything else must decode as text. Password-
protected workbooks (an "EncryptionInfo" stream inside a Compound File), binary garbage, empty
files and files over the limits end in a clear ``UserError`` before anything touches the database.
CSV is streamed, so a 200 MB file never sits in memory.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.errors import UserError
from desktop.i18n import tr

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer
    from python_calamine import CalamineSheet

MergedRange = tuple[tuple[int, int], tuple[int, int]]  # ((first row, first column), (last row, last column))

MAX_ROWS = 1_000_000
MAX_WORKBOOK_BYTES = 150 * 1024 * 1024
CHUNK = 4 * 1024 * 1024
SNIFF_BYTES = 256 * 1024

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))

csv.field_size_limit(1024 * 1024)


@dataclass
class Sheet:
    """One table of cells: ``head`` (the first rows, for finding the header) then ``rows()`` (all rows)."""

    kind: str  # "xlsx" | "xls" | "csv"
    name: str
    sha256: str
    total: int  # rows when known, else bytes (``progress_in_bytes``)
    head: list[list[Any]] = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""
    progress_in_bytes: bool = False
    _rows_factory: Callable[..., Iterator[list[Any]]] | None = None  # called with no arguments
    _bytes_read: Callable[[], int] | None = None
    merged: list[MergedRange] = field(default_factory=list)

    def rows(self) -> Iterator[list[Any]]:
        """Every row from the first, as lists of cell values."""
        assert self._rows_factory is not None, "a sheet is always made with its rows"
        return self._rows_factory()

    def position(self, row_index: int) -> int:
        if not self.progress_in_bytes:
            return row_index
        assert self._bytes_read is not None, "a sheet read in bytes always counts them"
        return self._bytes_read()


def _refuse(vi: str, en: str, code: str, **params: object) -> UserError:
    return UserError(tr(vi, en, **params), code=code)


def open_list(path: Path | str) -> Path:
    """The path, checked: exists, readable, not a folder, not empty, not locked by another program."""
    path = Path(path)
    if not path.exists():
        raise _refuse("Không tìm thấy tệp {file}.", "The file {file} does not exist.", "file_not_found", file=str(path))
    if path.is_dir():
        raise _refuse("{file} là thư mục, không phải tệp danh sách.", "{file} is a folder, not a list file.",
                      "not_a_file", file=str(path))
    try:
        with open(path, "rb") as fh:
            fh.read(1)
    except PermissionError as exc:
        raise _refuse(
            "Không mở được tệp {file}: tệp đang được mở trong chương trình khác (ví dụ Excel) hoặc bạn không có "
            "quyền đọc. Hãy đóng tệp trong Excel rồi thử lại.",
            "Cannot open {file}: it is open in another program (e.g. Excel) or you may not read it. "
            "Close it in Excel and try again.", "file_locked", file=path.name) from exc
    except OSError as exc:
        raise _refuse("Không đọc được tệp {file}: {err}", "Cannot read {file}: {err}", "file_unreadable",
                      file=path.name, err=exc.strerror or str(exc)) from exc
    if path.stat().st_size == 0:
        raise _refuse("Tệp {file} trống (0 byte).", "The file {file} is empty (0 bytes).", "empty_file",
                      file=path.name)
    return path


def read_sheet(path: Path | str) -> Sheet:
    """Recognise the file and return its first visible table that has a recognisable header."""
    path = open_list(path)
    with open(path, "rb") as fh:
        start = fh.read(8)
    if start.startswith(CFB_MAGIC):
        return _read_workbook(path, "xls")
    if start.startswith(ZIP_MAGIC):
        return _read_workbook(path, "xlsx")
    return _read_text(path)


# ---------------------------------------------------------------- workbooks
def _file_sha256_and_bytes(path: Path) -> tuple[str, bytes]:
    data = path.read_bytes()
    return hashlib.sha256(data).hexdigest(), data


def _password_protected(data: bytes) -> bool:
    return data.startswith(CFB_MAGIC) and any(marker in data for marker in _ENCRYPTED_STREAMS)


def _read_workbook(path: Path, kind: str) -> Sheet:
    from python_calamine import CalamineWorkbook, PasswordError, SheetVisibleEnum

    size = path.stat().st_size
    if size > MAX_WORKBOOK_BYTES:
        raise _refuse(
            "Tệp {file} quá lớn ({mb} MB; tối đa {max} MB cho bảng tính). Hãy lưu thành CSV hoặc chia nhỏ danh sách.",
            "{file} is too large ({mb} MB; spreadsheets up to {max} MB). Save it as CSV or split the list.",
            "file_too_large", file=path.name, mb=size // (1024 * 1024), max=MAX_WORKBOOK_BYTES // (1024 * 1024))
    if kind == "xlsx":
        from desktop.importer.xlsx_guard import inspect_xlsx

        inspect_xlsx(path, MAX_ROWS)  # hostile or oversized zips end here, before anything is inflated
    sha, data = _file_sha256_and_bytes(path)
    if _password_protected(data):
        raise _password_error(path)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError as exc:
        raise _password_error(path) from exc
    except Exception as exc:  # noqa: BLE001 - calamine raises several kinds for a damaged file
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise _password_error(path) from exc
        raise _refuse(
            "Tệp {file} không phải là bảng tính Excel đọc được (có thể bị hỏng hoặc chỉ đổi tên đuôi). "
            "Hãy mở tệp trong Excel, lưu lại dạng .xlsx hoặc .csv rồi thử lại.",
            "{file} is not a readable Excel workbook (damaged, or only renamed). Open it in Excel, save it as "
            ".xlsx or .csv and try again.", "not_a_workbook", file=path.name) from exc
    del data
    from desktop.importer.fields import find_header

    visible = [m.name for m in workbook.sheets_metadata
               if m.visible == SheetVisibleEnum.Visible and str(m.typ).endswith("WorkSheet")]
    if not visible:
        visible = [m.name for m in workbook.sheets_metadata if m.visible == SheetVisibleEnum.Visible]
    first_nonempty: Sheet | None = None
    for name in visible:
        try:
            sheet = workbook.get_sheet_by_name(name)
            head = list(itertools.islice(_grid_rows(sheet), 60))
        except PasswordError as exc:
            raise _password_error(path) from exc
        except Exception as exc:  # noqa: BLE001
            raise _refuse("Không đọc được trang {sheet} của tệp {file}: {err}",
                          "Cannot read sheet {sheet} of {file}: {err}", "not_a_workbook",
                          sheet=name, file=path.name, err=str(exc)) from exc
        total = _grid_height(sheet)
        if total > MAX_ROWS + 50:
            raise _too_many_rows(path)
        merged = _merged_ranges(sheet)
        candidate = Sheet(kind=kind, name=name, sha256=sha, total=total, head=head,
                          _rows_factory=lambda sheet=sheet: _grid_rows(sheet), merged=merged)
        if find_header(head) is not None:
            return candidate
        if first_nonempty is None and any(any(str(c).strip() for c in r) for r in head):
            first_nonempty = candidate
    if first_nonempty is not None:
        return first_nonempty
    raise _refuse("Tệp {file} không có dữ liệu (các trang đều trống).", "{file} has no data (every sheet is empty).",
                  "empty_file", file=path.name)


def _grid_rows(sheet: CalamineSheet) -> Iterator[list[Any]]:
    """The sheet's rows from A1 (empty rows and columns before the data included), one at a time.

    Rows are made into Python lists as they are read, never all at once. The reader's row
    iterator starts at row 1 but at the first used column, so the columns before it are added.
    """
    start = sheet.start
    if start is None:
        return
    pad = [""] * start[1]
    for row in sheet.iter_rows():
        yield pad + row if pad else row


def _grid_height(sheet: CalamineSheet) -> int:
    start = sheet.start
    return 0 if start is None else start[0] + sheet.height


def _merged_ranges(sheet: CalamineSheet) -> list[MergedRange]:
    try:
        return list(sheet.merged_cell_ranges or [])
    except Exception:  # noqa: BLE001 - not every format reports merged cells
        return []


def _password_error(path: Path) -> UserError:
    return _refuse(
        "Tệp {file} được đặt mật khẩu nên không đọc được. Hãy mở tệp trong Excel, bỏ mật khẩu (Tệp → Thông tin → "
        "Bảo vệ sổ làm việc) hoặc lưu thành .xlsx/.csv không mật khẩu, rồi nhập lại.",
        "{file} is password-protected and cannot be read. Open it in Excel, remove the password (File → Info → "
        "Protect Workbook) or save a copy without one, then load that.", "password_protected", file=path.name)


def _too_many_rows(path: Path) -> UserError:
    return _refuse(
        "Tệp {file} có hơn {max} dòng, vượt giới hạn một lần nhập. Hãy chia danh sách thành nhiều tệp.",
        "{file} has more than {max} rows, over the limit for one import. Split the list into several files.",
        "too_many_rows", file=path.name, max=f"{MAX_ROWS:,}")


# ---------------------------------------------------------------- text (CSV)
def _scan_text(path: Path) -> tuple[str, bool, int]:
    """One pass over the bytes: SHA-256, whether the whole file is valid UTF-8, and its line count."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    lines = 0
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(CHUNK)
            if not chunk:
                break
            digest.update(chunk)
            lines += chunk.count(b"\n")
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
        if utf8:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8 = False
    return digest.hexdigest(), utf8, lines


def _detect_encoding(path: Path, start: bytes) -> tuple[str, str, bool, int]:
    """(encoding, sha256, utf16, lines): BOMs first, then UTF-8 if the whole file is valid, else Windows-1258."""
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        sha, _, lines = _scan_text(path)
        return "utf-16", sha, True, lines
    sha, utf8, lines = _scan_text(path)
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", sha, False, lines
    return ("utf-8" if utf8 else "cp1258"), sha, False, lines


def _looks_binary(sample: bytes, utf16: bool) -> bool:
    if utf16 or not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12))
    return controls > len(sample) * 0.01


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently: "," ";" or tab."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", (-1, -1)
    for delimiter in (",", ";", "\t"):
        counts = [len(r) for r in csv.reader(lines, delimiter=delimiter)]
        multi = [c for c in counts if c > 1]
        if not multi:
            continue
        mode = max(set(multi), key=multi.count)
        score = (multi.count(mode) * (mode > 1), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


class _CountingReader(io.RawIOBase):
    """Counts the bytes the text layer has pulled, for progress through a streamed file."""

    def __init__(self, raw: io.RawIOBase) -> None:
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int | None:
        n = self._raw.readinto(buffer)
        self.count += n or 0
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


def _read_text(path: Path) -> Sheet:
    with open(path, "rb") as fh:
        sample = fh.read(SNIFF_BYTES)
    encoding, sha, utf16, lines = _detect_encoding(path, sample)
    if _looks_binary(sample, utf16):
        raise _refuse(
            "Tệp {file} không phải bảng tính hay CSV đọc được (nội dung nhị phân). Hãy chọn tệp .xlsx, .xls hoặc "
            ".csv xuất từ nền tảng tiêm chủng hoặc Excel.",
            "{file} is not a readable spreadsheet or CSV (binary content). Choose an .xlsx, .xls or .csv file "
            "exported from the vaccination platform or Excel.", "not_a_list_file", file=path.name)
    if lines > MAX_ROWS + 50:
        raise _too_many_rows(path)
    text_sample = sample.decode(encoding, errors="ignore")
    delimiter = sniff_delimiter(text_sample.lstrip("\ufeff"))
    head = list(_csv_rows(path, encoding, delimiter, limit=60)[0])
    size = path.stat().st_size

    def rows_factory() -> Iterator[list[Any]]:
        iterator, counter = _csv_rows(path, encoding, delimiter)
        sheet._bytes_read = lambda: counter.count
        return iterator

    sheet = Sheet(kind="csv", name=path.name, sha256=sha, total=size, head=head, encoding=encoding,
                  delimiter=delimiter, progress_in_bytes=True, _rows_factory=rows_factory, _bytes_read=lambda: 0)
    return sheet


def _csv_rows(path: Path, encoding: str, delimiter: str,
              limit: int | None = None) -> tuple[Iterator[list[Any]], _CountingReader]:
    raw = open(path, "rb", buffering=0)  # noqa: SIM115 - closed when the generator ends
    counter = _CountingReader(raw)
    buffered = io.BufferedReader(counter, buffer_size=1024 * 1024)
    stream = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")

    def generate() -> Iterator[list[Any]]:
        try:
            reader = csv.reader(stream, delimiter=delimiter)
            first = next(reader, None)
            if first is None or limit == 0:
                return
            if first and first[0].startswith("\ufeff"):
                first[0] = first[0][1:]
            yield first
            if limit is None:
                yield from reader
            else:
                yield from itertools.islice(reader, limit - 1)
        except csv.Error as exc:
            raise _refuse("Tệp CSV bị lỗi định dạng ở dòng {line}: {err}", "The CSV file is malformed at line {line}: {err}",
                          "bad_csv", line=reader.line_num, err=str(exc)) from exc
        finally:
            stream.close()

    return generate(), counter


def file_size_mb(path: Path) -> float:
    return os.path.getsize(path) / (1024 * 1024)
