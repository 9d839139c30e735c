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
TARGETS = {5000: 0.5, 10000: 1.0}


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


def raw_baseline(n: int, directory: Path) -> dict:
    """The raw work of an n-record batch, measured now: n canonical CBOR attestations and their
    SHA-256 leaf hashes (cbor2, hashlib), one RSA-PSS signature (cryptography, in memory) and n rows
    written to a fresh SQLite file with one executemany in one transaction (sqlite3)."""
    import hashlib
    import os
    import sqlite3

    import cbor2
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path = directory / f"raw-{n}.sqlite3"
    start, cpu = time.perf_counter(), time.process_time()
    attestations = [cbor2.dumps({"v": 1, "record_key": f"01001:{i}", "facility": "01001",
                                 "person": {"name": f"Nguyễn Thị Hồng Nhung {i}", "dob": "1990-05-17", "sex": "F",
                                            "id": f"001190{i:06d}", "id_kind": "cccd", "nationality": "VN"},
                                 "vaccination": {"tg": "840539006", "vp": "1119349007", "mp": "EU/1/20/1528",
                                                 "ma": "ORG-100030215", "dn": 2, "sd": 2, "dt": "2026-11-26",
                                                 "lot": "FK1234", "country": "VN"}}, canonical=True) for i in range(n)]
    leaves = [hashlib.sha256(b"\x00" + a).digest() for a in attestations]
    key.sign(hashlib.sha256(b"".join(leaves)).digest(), padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32),
             hashes.SHA256())
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE proof (id INTEGER PRIMARY KEY, record INTEGER, leaf BLOB, attestation BLOB)")
    with connection:
        connection.executemany("INSERT INTO proof (record, leaf, attestation) VALUES (?, ?, ?)",
                               [(i, leaf, a) for i, (leaf, a) in enumerate(zip(leaves, attestations, strict=True))])
    connection.close()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    os.remove(path)
    return {"records": n, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
            "what": "canonical CBOR + SHA-256 leaves, one RSA-PSS signature, one executemany transaction"}


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
            # one small batch first: what the first signature of a session loads once (the audit key,
            # modules used on first call) is not part of a batch's cost
            add_records(ws, 20, 10_000_000)
            with ws.db.session() as session:
                [warm_up], _w, _c = plan_batches(session, ws.settings, Selection(limit=20))
            sign_batch(ws, token, warm_up, actor="benchmark")
            for size in SIZES:
                add_records(ws, size, start)
                start += size
                with ws.db.session() as session:
                    [planned], _w, _c = plan_batches(session, ws.settings, Selection(limit=size))
                t0, c0 = time.perf_counter(), time.process_time()
                result = sign_batch(ws, token, planned, actor="benchmark")
                seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
                raw = raw_baseline(size, Path(tmp))
                results.append({"records": result.records, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
                                "raw_baseline": raw, "ratio_to_raw": round(seconds / raw["seconds"], 2),
                                "cpu_ratio_to_raw": round(cpu / raw["cpu_seconds"], 2),
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
