"""Benchmark: 1,000 certificates into one PDF (target ≤ 10 s) and certificate search (the newest page of
results, as the window asks for it) over 100,000 or 1,000,000 certificates (target ≤ 50 ms per query).

``--keep DIR`` builds the workspace in DIR once (one SQLite transaction) and reuses it on later runs.

Prints one JSON document: {"print": {...}, "search": {...}, "machine": {...}}.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


from benchmarks._machine import machine  # noqa: E402
from desktop.certificates.printing import print_certificates  # noqa: E402
from desktop.certificates.search import search_ids  # noqa: E402

try:
    from desktop.certificates.search import search_page
except ImportError:  # an older tree, measured for comparison
    search_page = None  # type: ignore[assignment]
from desktop.models import SigningBatch  # noqa: E402
from desktop.text import fold as fold_name  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402
from tests.unit.certificates.factory import make_hc1, make_issuer  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Minh", "Hồng", "Đức", "Thu", "Ngọc", "Quốc", "Bảo"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Hà", "Lan", "Nhung", "Thuý", "Tuấn", "Yến", "Khánh", "Long", "Đức", "Hưng"]
QUERIES = {
    "name_with_marks": "Đặng Thị Yến",
    "name_without_marks": "dang thi yen",
    "given_name_only": "nhung",
    "name_rare": "ngo bao hung",
    "id_number_full": None,  # filled from the data
    "id_number_prefix": "0791",
    "uvci_tail": None,
    "uvci_full": None,
    "vaccination_date": "15/09/2021",
}


RECORD_COLUMNS = ("id", "source_ref", "source_row", "facility_code", "full_name", "name_folded", "date_of_birth",
                  "sex", "id_number", "id_kind", "nationality", "phone", "insurance_number", "province_code",
                  "district_code", "ward_code", "vaccine_name", "vaccine_mp", "vaccine_ma", "vaccine_vp", "lot",
                  "dose_number", "dn", "sd", "vaccination_date", "flags", "check_status", "differences",
                  "decision_reason", "stage", "batch_id", "central_reason", "created_at", "updated_at")
CERT_COLUMNS = ("id", "record_id", "batch_id", "uvci", "hc1", "issued_at", "expires_at", "received_at", "status",
                "revoked_reason", "printed_count", "full_name", "name_folded", "id_number", "vaccination_date")


def _stamp(moment: datetime) -> str:
    """A UTC moment as SQLAlchemy stores it in SQLite (naive, microseconds)."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def build(workspace: Workspace, count: int, printable: int, rng: random.Random) -> tuple[list[str], dict[str, str]]:
    """Fill the workspace: one executemany per table in one transaction of the SQLite file itself."""
    issuer = make_issuer()
    now = datetime.now(UTC)
    sample: dict[str, str] = {}
    batch_id = str(uuid.uuid4())
    with workspace.db.session() as session:  # the schema at the current migration, and the batch
        session.add(SigningBatch(id=batch_id, facility_code="01001", record_count=count, merkle_root="00" * 32,
                                 algorithm="ES256", manifest=b"", state="countersigned"))
    workspace.db.engine.dispose()
    issued, expires, stamp = _stamp(now - timedelta(days=1)), _stamp(now + timedelta(days=364)), _stamp(now)
    names = [f"{f} {m} {g}" for f in FAMILY for m in MIDDLE for g in GIVEN]
    folded = {n: fold_name(n) for n in names}
    printable_uvcis: list[str] = []
    hc1_cache = ""

    def rows() -> Iterator[tuple[tuple[Any, ...], tuple[Any, ...]]]:
        nonlocal hc1_cache, sample
        for i in range(1, count + 1):
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            id_number = f"{rng.randint(1, 96):03d}{rng.choice('0123')}{rng.randint(0, 99):02d}{i:06d}"
            day = f"2021-{rng.randint(6, 12):02d}-{rng.randint(1, 28):02d}"
            if i <= printable or not hc1_cache:
                hc1, uvci = make_hc1(issuer, name, "1980-01-01", 2, day)
                hc1_cache = hc1
            else:
                hc1, uvci = hc1_cache, f"URN:UVCI:01:VN:{uuid.uuid4().hex.upper()}"
            if i <= printable:
                printable_uvcis.append(uvci)
            if i >= count // 2 and not sample and not uvci[-10:].isdigit():  # a tail of digits reads as an ID
                sample = {"id_number_full": id_number, "uvci_full": uvci, "uvci_tail": uvci[-10:]}
            record = (i, "bench", i, "01001", name, folded[name], "1980-01-01", "M", id_number, "cccd", "VN", "", "",
                      "", "", "", "Pfizer", "EU/1/20/1528", "ORG-100030215", "1119349007", "X", 2, 2, 2, day, "[]",
                      "matched", "[]", "", "certified", batch_id, "", stamp, stamp)
            cert = (i, i, batch_id, uvci, hc1, issued, expires, stamp, "valid", "", 0, name, folded[name], id_number,
                    day)
            yield record, cert

    connection = sqlite3.connect(workspace.path / "workspace.sqlite3")
    try:
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("PRAGMA cache_size=-1000000")  # 1 GB: the indexes of a million rows stay in memory
        with connection:
            record_sql = (f"INSERT INTO vaccination_record ({', '.join(RECORD_COLUMNS)}) "  # noqa: S608
                          f"VALUES ({', '.join('?' * len(RECORD_COLUMNS))})")
            cert_sql = (f"INSERT INTO certificate ({', '.join(CERT_COLUMNS)}) "  # noqa: S608 (fixed column names)
                        f"VALUES ({', '.join('?' * len(CERT_COLUMNS))})")
            chunk: list[tuple[tuple[Any, ...], tuple[Any, ...]]] = []
            for pair in rows():
                chunk.append(pair)
                if len(chunk) == 50_000:
                    connection.executemany(record_sql, [r for r, _ in chunk])
                    connection.executemany(cert_sql, [c for _, c in chunk])
                    chunk = []
            connection.executemany(record_sql, [r for r, _ in chunk])
            connection.executemany(cert_sql, [c for _, c in chunk])
        connection.execute("ANALYZE")
    finally:
        connection.close()
    return printable_uvcis, sample


def time_query(workspace: Workspace, text: str, runs: int, status: str | None = None, pages: int = 1) -> dict:
    """What the window does for one search: the newest page of ids (and ``pages - 1`` more pages)."""
    samples, cpu, hits = [], [], ""
    for _ in range(runs):
        with workspace.db.session() as session:
            start, start_cpu = time.perf_counter(), time.process_time()
            if search_page is None:  # a tree without pages: the window read every matching id
                hits = str(len(search_ids(session, text, status)))
            else:
                before, count = None, 0
                for _page in range(pages):
                    page = search_page(session, text, status, before=before)
                    count += len(page.ids)
                    before = page.ids[-1] if page.ids else None
                hits = str(page.total) if page.total is not None else f"{count}+"
            samples.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    return {"query": text, "status": status, "pages": pages, "hits": hits,
            "median_ms": round(statistics.median(samples), 1), "max_ms": round(max(samples), 1),
            "cpu_median_ms": round(statistics.median(cpu), 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--certificates", type=int, default=100_000)
    parser.add_argument("--print", dest="printed", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--layout", default="a4")
    parser.add_argument("--keep", type=Path, default=None,
                        help="build the workspace in this folder once and reuse it on later runs")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        saved = folder / f"sample-{args.certificates}-{args.printed}.json"
        workspace = Workspace.open(folder / "ws")
        workspace.settings.set("facility_name", "Bệnh viện Bạch Mai")
        t0 = time.perf_counter()
        if saved.exists():
            kept = json.loads(saved.read_text())
            printable, sample = kept["printable"], kept["sample"]
            with workspace.db.session() as session:  # migrations, if the code moved on since the build
                session.get(SigningBatch, "")
        else:
            printable, sample = build(workspace, args.certificates, args.printed, rng)
            saved.write_text(json.dumps({"printable": printable, "sample": sample}))
        build_s = time.perf_counter() - t0
        queries = {k: (v if v is not None else sample[k]) for k, v in QUERIES.items()}
        search = {name: time_query(workspace, text, args.runs) for name, text in queries.items()}
        search["name_and_state_new"] = time_query(workspace, "nhung", args.runs, "new")
        search["state_expiring"] = time_query(workspace, "", args.runs, "expiring")
        search["all_certificates"] = time_query(workspace, "", args.runs)
        search["given_name_two_pages"] = time_query(workspace, "nhung", args.runs, pages=2)
        worst = max(r["max_ms"] for r in search.values())
        out = Path(tmp) / "print.pdf"
        t0 = time.perf_counter()
        result = print_certificates(workspace, out, uvcis=printable, layout=args.layout, actor="bench")
        print_s = time.perf_counter() - t0
        size = out.stat().st_size
        workspace.close()
    print(json.dumps({
        "print": {"certificates": len(result.uvcis), "pages": result.pages, "layout": args.layout,
                  "seconds": round(print_s, 2), "per_certificate_ms": round(print_s / len(result.uvcis) * 1000, 2),
                  "pdf_bytes": size,
                  "target_seconds": 10, "ok": print_s <= 10},
        "search": {"certificates": args.certificates, "runs": args.runs, "queries": search,
                   "worst_ms": worst, "target_ms": 50, "ok": worst <= 50},
        "setup_seconds": round(build_s, 1),
        "machine": machine(),
    }, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
