"""Retention purge speed: blank the personal data of N certified records in one run.

Fills a fresh workspace with N certified records, each with a certificate and a clerk's decision
(``--due`` of them certified longer ago than the retention period), then times the dry run and the
purge, and checks the audit chain afterwards. Prints ONE JSON document.

    python benchmarks/purge.py [--records 100000] [--due 0.9]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._machine import machine  # noqa: E402


def fill(workspace, records: int, due: float, chunk: int = 20_000) -> None:
    from sqlalchemy import insert, select

    from desktop.audit import record_events
    from desktop.models import Certificate, Decision, SigningBatch, VaccinationRecord

    now = datetime.now(UTC)
    old, recent = now - timedelta(days=400), now - timedelta(days=10)
    with workspace.db.session() as s:
        batch = str(uuid.uuid4())
        s.add(SigningBatch(id=batch, facility_code="01001", record_count=records, merkle_root="0" * 64,
                           algorithm="ES256", manifest=b"x"))
        s.flush()
        for start in range(0, records, chunk):
            rows = [dict(
                facility_code="01001", full_name=f"Nguyễn Văn {n}", name_folded=f"nguyen van {n}",
                date_of_birth="1990-01-02", sex="M", id_number=f"001090{n:06d}", id_kind="cccd", nationality="VN",
                phone=f"0912{n:06d}", insurance_number=f"HN4{n:012d}", province_code="01", district_code="001",
                ward_code="00001", vaccine_name="Pfizer", vaccine_mp="EU/1/20/1528", vaccine_ma="ORG-100030215",
                vaccine_vp="1119349007", lot="L1", dose_number=1, dn=1, sd=2, vaccination_date="2021-09-15", flags=[],
                check_status="matched", differences=[], decision="keep_list", decision_reason="", stage="certified",
                batch_id=batch, central_reason="", created_at=now, updated_at=now)
                for n in range(start, min(start + chunk, records))]
            s.execute(insert(VaccinationRecord), rows)
        ids = list(s.execute(select(VaccinationRecord.id).order_by(VaccinationRecord.id)).scalars())
        cut = int(len(ids) * due)
        for start in range(0, len(ids), chunk):
            part = ids[start:start + chunk]
            s.execute(insert(Certificate), [dict(
                record_id=rid, batch_id=batch, uvci=f"URN:UVCI:01:VN:B{rid:012d}", hc1="HC1:" + "X" * 300,
                issued_at=old if i + start < cut else recent, expires_at=now + timedelta(days=300), received_at=now,
                status="valid", full_name=f"Nguyễn Văn {rid}", name_folded="nguyen van", id_number=f"001090{rid:06d}",
                vaccination_date="2021-09-15") for i, rid in enumerate(part)])
            s.execute(insert(Decision), [dict(record_id=rid, action="keep_list", reason="", actor="clerk", at=now,
                                               before={"full_name": "x"}, after={"full_name": "y"}, undone=False)
                                          for rid in part])
            record_events(s, "clerk", "decision", "record", [(rid, None, {"decision": "keep_list"}) for rid in part])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--due", type=float, default=0.9, help="share of records past the retention period")
    args = parser.parse_args()
    from desktop.audit import verify_chain
    from desktop.retention import purge
    from desktop.workspace import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace.open(Path(tmp) / "ws")
        workspace.settings.set("retention_days", 180)
        started = time.perf_counter()
        fill(workspace, args.records, args.due)
        fill_seconds = time.perf_counter() - started
        t = time.perf_counter()
        dry = purge(workspace, dry_run=True)
        dry_seconds = time.perf_counter() - t
        t = time.perf_counter()
        report = purge(workspace, actor="benchmark")
        purge_seconds = time.perf_counter() - t
        t = time.perf_counter()
        with workspace.db.session() as s:
            chain = verify_chain(s)
        verify_seconds = time.perf_counter() - t
        workspace.close()
    print(json.dumps({
        "benchmark": "purge", "records": args.records, "purged_records": report.records,
        "purged_certificates": report.certificates, "dry_run_records": dry.records,
        "dry_run_seconds": round(dry_seconds, 3), "purge_seconds": round(purge_seconds, 3),
        "audit_chain_ok": chain.ok, "audit_events": chain.events, "audit_verify_seconds": round(verify_seconds, 3),
        "fill_seconds": round(fill_seconds, 2), "limit_seconds": 10, "database": "sqlite (WAL)",
        "machine": machine(),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
