"""Benchmark: 1,000 certificates into one PDF (target ≤ 10 s) and certificate search over 100,000
certificates (target ≤ 200 ms per query).

Prints one JSON document: {"print": {...}, "search": {...}, "machine": {...}}.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from benchmarks._machine import machine  # noqa: E402
from desktop.certificates.printing import print_certificates  # noqa: E402
from desktop.certificates.search import search_ids  # noqa: E402
from desktop.models import Certificate, SigningBatch, VaccinationRecord  # noqa: E402
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


def build(workspace: Workspace, count: int, printable: int, rng: random.Random) -> tuple[list[str], dict[str, str]]:
    issuer = make_issuer()
    now = datetime.now(UTC)
    sample: dict[str, str] = {}
    with workspace.db.session() as session:
        batch_id = str(uuid.uuid4())
        session.add(SigningBatch(id=batch_id, facility_code="01001", record_count=count, merkle_root="00" * 32,
                                 algorithm="ES256", manifest=b"", state="countersigned"))
        session.flush()
        records, certs, printable_uvcis = [], [], []
        hc1_cache = None
        for i in range(1, count + 1):
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            id_number = f"{rng.randint(1, 96):03d}{rng.choice('0123')}{rng.randint(0, 99):02d}{i:06d}"
            day = f"2021-{rng.randint(6, 12):02d}-{rng.randint(1, 28):02d}"
            if i <= printable or hc1_cache is None:
                hc1, uvci = make_hc1(issuer, name, "1980-01-01", 2, day)
                hc1_cache = hc1
            else:
                hc1, uvci = hc1_cache, f"URN:UVCI:01:VN:{uuid.uuid4().hex.upper()}"
            if i <= printable:
                printable_uvcis.append(uvci)
            records.append({"id": i, "full_name": name, "name_folded": fold_name(name), "date_of_birth": "1980-01-01",
                            "sex": "M", "id_number": id_number, "vaccine_name": "Pfizer", "vaccine_mp": "EU/1/20/1528",
                            "vaccine_ma": "ORG-100030215", "vaccine_vp": "1119349007", "lot": "X", "dose_number": 2,
                            "dn": 2, "sd": 2, "vaccination_date": day, "check_status": "matched", "stage": "certified",
                            "batch_id": batch_id, "flags": [], "differences": [], "nationality": "VN"})
            certs.append({"record_id": i, "batch_id": batch_id, "uvci": uvci, "hc1": hc1,
                          "issued_at": now - timedelta(days=1), "expires_at": now + timedelta(days=364),
                          "received_at": now, "status": "valid", "full_name": name, "name_folded": fold_name(name),
                          "id_number": id_number, "vaccination_date": day, "printed_count": 0,
                          "revoked_reason": ""})
            if i == count // 2:
                sample = {"id_number_full": id_number, "uvci_full": uvci, "uvci_tail": uvci[-10:]}
        for start in range(0, count, 5000):
            session.execute(insert(VaccinationRecord), records[start:start + 5000])
            session.execute(insert(Certificate), certs[start:start + 5000])
    return printable_uvcis, sample


def time_query(workspace: Workspace, text: str, runs: int, status: str | None = None) -> dict:
    samples, hits = [], 0
    for _ in range(runs):
        with workspace.db.session() as session:
            start = time.perf_counter()
            hits = len(search_ids(session, text, status))
            samples.append((time.perf_counter() - start) * 1000)
    return {"query": text, "status": status, "hits": hits, "median_ms": round(statistics.median(samples), 1),
            "max_ms": round(max(samples), 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--certificates", type=int, default=100_000)
    parser.add_argument("--print", dest="printed", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--layout", default="a4")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace.open(Path(tmp) / "ws")
        workspace.settings.set("facility_name", "Bệnh viện Bạch Mai")
        t0 = time.perf_counter()
        printable, sample = build(workspace, args.certificates, args.printed, rng)
        build_s = time.perf_counter() - t0
        queries = {k: (v if v is not None else sample[k]) for k, v in QUERIES.items()}
        search = {name: time_query(workspace, text, args.runs) for name, text in queries.items()}
        search["name_and_state_new"] = time_query(workspace, "nhung", args.runs, "new")
        search["state_expiring"] = time_query(workspace, "", args.runs, "expiring")
        search["all_certificates"] = time_query(workspace, "", args.runs)
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
                   "worst_ms": worst, "target_ms": 200, "ok": worst <= 200},
        "setup_seconds": round(build_s, 1),
        "machine": machine(),
    }, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
