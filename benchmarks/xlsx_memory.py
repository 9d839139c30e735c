"""Benchmark: memory of a 1,000,000-row .xlsx, and of the largest .xlsx the importer agrees to open.

The spreadsheet reader holds a whole sheet in memory, so an .xlsx whose grid would not fit the
import's memory ceiling (600 MB, as for CSV) is refused up front, with the number of rows per file
that would fit. This benchmark measures, each in a fresh process on a fresh workspace:

- the 1,000,000-row list: refused or imported, how long it took and the peak RSS;
- a list of exactly the rows-per-file the refusal names: imported, with its peak RSS.

The sheets are written directly as XML (inline strings, as some exporters do) so that generating a
million rows takes seconds. Prints ONE JSON document.

    python benchmarks/xlsx_memory.py [--rows 1000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._machine import machine  # noqa: E402
from benchmarks.import_list import HEADER, make_rows  # noqa: E402

MEMORY_TARGET_MB = 600
BASE_ROWS = 50_000

_PARTS = {
    "[Content_Types].xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _row_xml(number: int, values: list) -> str:
    cells = []
    for i, value in enumerate(values):
        ref = f"{_column(i)}{number}"
        if isinstance(value, int):
            cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        else:
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


def _varied(base: list[list], count: int):
    """``count`` distinct rows from ``base``: each round gets its own codes and ID sequence numbers."""
    for i in range(count):
        row = list(base[i % len(base)])
        round_ = i // len(base)
        if round_:
            number = row[5]
            row[5] = number[:6] + f"{(int(number[6:]) + round_ * 7919) % 10**6:06d}"
        row[0], row[1] = i + 1, f"VN-{i:08d}"
        yield row


def write_list(path: Path, base: list[list], count: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            out.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                       f'<dimension ref="A1:{_column(len(HEADER) - 1)}{count + 1}"/><sheetData>').encode())
            out.write(_row_xml(1, HEADER).encode())
            buffer = []
            for n, row in enumerate(_varied(base, count), start=2):
                buffer.append(_row_xml(n, row))
                if len(buffer) == 5000:
                    out.write("".join(buffer).encode())
                    buffer = []
            out.write("".join(buffer).encode())
            out.write(b"</sheetData></worksheet>")
    return path


def child(path: str, workspace: str) -> None:
    """Import one file into a fresh workspace and print what happened."""
    from desktop.errors import UserError
    from desktop.importer import import_file
    from desktop.workspace import Workspace

    ws = Workspace.open(workspace)
    ws.settings.set("facility_code", "01001")
    ws.db  # noqa: B018 - create the schema before measuring
    started = time.perf_counter()
    try:
        result = import_file(ws, path, "benchmark")
        outcome = {"imported": True, "rows": result.rows, "accepted": result.accepted}
    except UserError as error:
        outcome = {"imported": False, "refused": error.code, "message_en": error.message.en,
                   "details": error.details}
    outcome["seconds"] = round(time.perf_counter() - started, 2)
    outcome["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(outcome))
    ws.close()


def measure(path: Path) -> dict:
    ws = Path(tempfile.mkdtemp(prefix="vaxdesk-bench-ws-"))
    proc = subprocess.run([sys.executable, __file__, "--child", str(path), str(ws / "ws")], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1:]}
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["file_mb"] = round(path.stat().st_size / 1024 / 1024, 1)
    data["within_memory_target"] = data["peak_rss_mb"] <= MEMORY_TARGET_MB
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument("--child", nargs=2, metavar=("FILE", "WORKSPACE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="vaxdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    base = make_rows(BASE_ROWS)
    started = time.perf_counter()
    big = write_list(folder / f"list-{args.rows}.xlsx", base, args.rows)
    generated = time.perf_counter() - started
    results = {"big": measure(big)}
    fits = results["big"].get("details", {}).get("rows_per_file")
    if fits:
        results["largest_accepted"] = {"rows": fits, **measure(write_list(folder / f"list-{fits}.xlsx", base, fits))}
    print(json.dumps({
        "benchmark": "xlsx_memory", "rows": args.rows, "results": results, "memory_target_mb": MEMORY_TARGET_MB,
        "generation_seconds": round(generated, 1), "machine": machine(),
    }, indent=2))


if __name__ == "__main__":
    main()
