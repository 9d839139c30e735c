"""Benchmark: load a 100,000-row daily list (long layout) from CSV and from .xlsx.

Each import runs in its own process on a fresh workspace, timing ``import_file`` (read, normalise,
validate, de-duplicate, store with audit events, commit) and reading the process's peak RSS.
Prints ONE JSON document. Targets (issue "Foundation and daily list import"): CSV ≤ 5 s,
.xlsx ≤ 8 s, peak memory ≤ 600 MB.

    python benchmarks/import_list.py [--rows 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._machine import machine  # noqa: E402

HEADER = ["STT", "Mã mũi tiêm", "Họ và tên", "Ngày sinh", "Giới tính", "Số CMND/CCCD", "Số điện thoại", "Tên vắc xin",
          "Lô vắc xin", "Mũi số", "Ngày tiêm", "Mã cơ sở tiêm"]
TARGETS = {"csv": 5.0, "xlsx": 8.0}
MEMORY_TARGET_MB = 600


def make_rows(count: int, seed: int = 1) -> list[list]:
    from desktop.demo.people import generate_people

    rnd = random.Random(seed)
    people = generate_people(max(1, count // 2), seed=seed)
    vaccines = ["AstraZeneca", "Pfizer", "Vero Cell", "Moderna"]
    rows = []
    for i in range(count):
        p = people[i // 2]
        dob = p.date_of_birth
        dob_text = dob if len(dob) == 4 else f"{dob[8:10]}/{dob[5:7]}/{dob[:4]}"
        rows.append([i + 1, f"VN-{i:08d}", p.full_name, dob_text, "Nam" if p.sex == "M" else "Nữ", p.id_number,
                     f"09{rnd.randrange(10**8):08d}", vaccines[(i // 2) % 4], f"L{rnd.randrange(10**5)}", i % 2 + 1,
                     f"{rnd.randint(1, 28):02d}/{rnd.randint(3, 12):02d}/2021", "01001"])
    return rows


def write_files(folder: Path, count: int) -> dict[str, Path]:
    rows = make_rows(count)
    path_csv = folder / f"list-{count}.csv"
    with open(path_csv, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(HEADER)
        writer.writerows(rows)
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    path_xlsx = folder / f"list-{count}.xlsx"
    book.save(path_xlsx)
    return {"csv": path_csv, "xlsx": path_xlsx}


def child(path: str, workspace: str) -> None:
    """Import one file into a fresh workspace and print the measurements."""
    from desktop.importer import import_file
    from desktop.workspace import Workspace

    ws = Workspace.open(workspace)
    ws.settings.set("facility_code", "01001")
    ws.db  # noqa: B018 - create the schema before timing
    started = time.perf_counter()
    cpu = time.process_time()
    result = import_file(ws, path, "benchmark")
    seconds = time.perf_counter() - started
    print(json.dumps({"rows": result.rows, "accepted": result.accepted, "records": result.records,
                      "seconds": round(seconds, 3), "cpu_seconds": round(time.process_time() - cpu, 3),
                      "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
    ws.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument("--child", nargs=2, metavar=("FILE", "WORKSPACE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="vaxdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    files = write_files(folder, args.rows)
    generated = time.perf_counter() - started
    results = {}
    for kind, path in files.items():
        ws = Path(tempfile.mkdtemp(prefix="vaxdesk-bench-ws-"))
        proc = subprocess.run([sys.executable, __file__, "--child", str(path), str(ws / "ws")], capture_output=True,
                              text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
        if proc.returncode != 0:
            results[kind] = {"error": proc.stderr.strip().splitlines()[-1:]}
            continue
        data = json.loads(proc.stdout.strip().splitlines()[-1])
        data["rows_per_second"] = round(data["rows"] / data["seconds"]) if data["seconds"] else None
        data["file_mb"] = round(path.stat().st_size / 1024 / 1024, 1)
        data["target_seconds"] = TARGETS[kind]
        data["within_target"] = data["seconds"] <= TARGETS[kind] and data["peak_rss_mb"] <= MEMORY_TARGET_MB
        results[kind] = data
    print(json.dumps({
        "benchmark": "import_list", "rows": args.rows, "results": results, "memory_target_mb": MEMORY_TARGET_MB,
        "generation_seconds": round(generated, 1), "machine": machine(),
    }, indent=2))


if __name__ == "__main__":
    main()
