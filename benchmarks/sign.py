"""Benchmark: sign a 5,000- and a 10,000-record batch with the SoftHSM demo token (RSA-2048, PS256).

Each batch: read the records, canonical CBOR attestations, Merkle tree and proofs, manifest, ONE token
signature, and the single transaction storing batch, proofs, outbox item, record stages and audit
events. Prints one JSON document.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from benchmarks._machine import machine  # noqa: E402
from desktop.demo.token import DEMO_PIN, create_demo_token  # noqa: E402
from desktop.models import VaccinationRecord  # noqa: E402
from desktop.signing.batch import Selection, plan_batches, sign_batch  # noqa: E402
from desktop.signing.handler import ScriptedHandler  # noqa: E402
from desktop.signing.token import TokenSession  # noqa: E402
from desktop.signing.worker import token_worker  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402

SIZES = (5000, 10000)
TARGETS = {5000: 2.0, 10000: 4.0}


def add_records(workspace: Workspace, n: int, start: int) -> None:
    """``n`` verified records, as the import and the registry check leave them."""
    now = datetime.now(UTC)
    rows = [{
        "list_id": None, "source_ref": f"REF{i:07d}", "source_row": i + 2, "facility_code": "01001",
        "full_name": f"Nguyễn Thị Hồng Nhung {i}", "name_folded": f"nguyen thi hong nhung {i}",
        "date_of_birth": "1990-05-17", "sex": "F", "id_number": f"001190{i:06d}", "id_kind": "cccd",
        "nationality": "VN", "vaccine_name": "Pfizer", "vaccine_mp": "EU/1/20/1528", "vaccine_ma": "ORG-100030215",
        "vaccine_vp": "1119349007", "lot": "FK1234", "dose_number": 2, "dn": 2, "sd": 2,
        "vaccination_date": "2026-11-26", "flags": [], "check_status": "matched", "checked_at": now,
        "differences": [], "stage": "loaded", "created_at": now, "updated_at": now,
    } for i in range(start, start + n)]
    with workspace.db.session() as session:
        session.execute(insert(VaccinationRecord), rows)


def main() -> None:
    results = []
    with tempfile.TemporaryDirectory(prefix="vaxdesk-bench-sign-") as tmp:
        ws = Workspace.open(Path(tmp) / "ws")
        ws.settings.set("facility_code", "01001")
        ws.settings.set("facility_name", "Bệnh viện Bạch Mai")
        ws.settings.set("batch_size", max(SIZES))
        ws.settings.save()
        create_demo_token(ws)
        start = 0
        opened = time.perf_counter()
        with TokenSession.open(ws, ScriptedHandler.with_pin(DEMO_PIN)) as token:
            open_seconds = time.perf_counter() - opened
            for size in SIZES:
                add_records(ws, size, start)
                start += size
                with ws.db.session() as session:
                    [planned], _w, _c = plan_batches(session, ws.settings, Selection(limit=size))
                t0 = time.perf_counter()
                result = sign_batch(ws, token, planned, actor="benchmark")
                seconds = time.perf_counter() - t0
                results.append({"records": result.records, "seconds": round(seconds, 3),
                                "token_operations": result.token_operations, "target_seconds": TARGETS[size],
                                "ok": seconds <= TARGETS[size] and result.token_operations == 1})
        ws.close()
    token_worker().shutdown()
    print(json.dumps({
        "benchmark": "sign",
        "token": "SoftHSM2, RSA-2048, PS256",
        "database": "SQLite (WAL)",
        "token_open_and_login_seconds": round(open_seconds, 3),
        "batches": results,
        "ok": all(r["ok"] for r in results),
        "machine": machine(),
    }, indent=2))


if __name__ == "__main__":
    main()
