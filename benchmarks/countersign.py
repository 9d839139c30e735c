"""Central countersigning speed: HC1 certificates per second (PS256 and ES256), against raw signing.

Prints ONE JSON document:
- ``countersign``: per algorithm, certificates/s for build + validate + sign + encode with the
  service's worker pool (one process per core), and the ratio to the raw single-core signing rate
  of ``cryptography`` measured in the same run in CPU time (as ``openssl speed`` counts). Because
  the machine may be shared, the CPU time the workers used is reported too:
  ``cpu_microseconds_per_certificate``, ``per_second_if_cores_were_free`` (cores / CPU per
  certificate) and ``cpu_ratio_to_raw`` (raw signature CPU / certificate CPU);
- ``batch_10k``: a 10,000-record batch through the real HTTP API (uvicorn on 127.0.0.1, SQLite):
  verified, countersigned, stored, answered — seconds end to end, PS256.

    python benchmarks/countersign.py [--records 10000] [--sign-count 6000]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._machine import machine  # noqa: E402


def raw_rate(algorithm: str, seconds: float = 1.5) -> float:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    data = os.urandom(300)
    if algorithm == "PS256":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)

        def sign() -> None:
            key.sign(data, pss, hashes.SHA256())
    else:
        ec_key = ec.generate_private_key(ec.SECP256R1())

        def sign() -> None:
            ec_key.sign(data, ec.ECDSA(hashes.SHA256()))
    # CPU time of this process, as ``openssl speed`` counts by default: a busy machine does not skew it.
    count, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        for _ in range(50):
            sign()
        count += 50
    return count / (time.process_time() - start)


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of processes (Linux /proc), so a shared machine's load can be told apart."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def _pids(service) -> list[int]:
    pool = service.countersigner._pool
    return [os.getpid(), *(pool._processes or {}).keys()] if pool is not None else [os.getpid()]


def countersign_rate(algorithm: str, count: int, root: Path) -> dict:
    from desktop.dcc.uvci import new_uvci
    from services.central import batches as B
    from services.central.issuing import Item
    from services.central.service import CentralService
    from services.central.setup import init_data
    from tests.unit.central.central_factory import attestation

    data = root / f"central-{algorithm}"
    init_data(data, algorithm=algorithm)
    service = CentralService(data)
    try:
        service.countersigner.warm_up()
        atts = [B.read_attestation(_canonical(attestation())) for _ in range(count)]
        items = [Item(a.person, a.vaccination, new_uvci()) for a in atts]
        iat = int(datetime.now(UTC).timestamp())
        pids = _pids(service)
        cpu_before, start = cpu_seconds(pids), time.perf_counter()
        outcomes = service.countersigner.run(items, iat, iat + 365 * 86400, service.config.issuer_text)
        elapsed, cpu = time.perf_counter() - start, cpu_seconds(pids) - cpu_before
        assert all(o[0] == "issued" for o in outcomes), "a payload was refused"
        cores = os.cpu_count() or 1
        return {"certificates": count, "seconds": round(elapsed, 3), "per_second": round(count / elapsed, 1),
                "workers": service.countersigner.workers, "cpu_seconds": round(cpu, 3),
                "cpu_microseconds_per_certificate": round(cpu / count * 1e6, 1),
                "per_second_if_cores_were_free": round(cores * count / cpu, 1) if cpu else None}
    finally:
        service.close()


def _canonical(value) -> bytes:
    import cbor2

    return cbor2.dumps(value, canonical=True)


def batch_end_to_end(records: int, root: Path) -> dict:
    import httpx

    from services.central.server import ServerThread
    from tests.helpers import free_port
    from tests.unit.central.central_factory import attestation, build_batch, make_env

    env = make_env(root / "e2e", f"sqlite:///{root / 'e2e.sqlite3'}", algorithm="PS256", workers=None)
    try:
        env.service.countersigner.warm_up()
        body = json.dumps(build_batch(env.facility, [attestation() for _ in range(records)])).encode()
        with ServerThread(env.service, free_port()) as base, httpx.Client(base_url=base, timeout=120) as client:
            pids = _pids(env.service)
            cpu_before, start = cpu_seconds(pids), time.perf_counter()
            response = client.post("/v1/batches", content=body, headers={"content-type": "application/json"})
            elapsed, cpu = time.perf_counter() - start, cpu_seconds(pids) - cpu_before
            response.raise_for_status()
            result = response.json()
            start = time.perf_counter()
            replay = client.post("/v1/batches", content=body, headers={"content-type": "application/json"})
            replay_elapsed = time.perf_counter() - start
            assert replay.content == response.content
        return {"records": records, "issued": result["issued"], "rejected": result["rejected"],
                "request_bytes": len(body), "response_bytes": len(response.content),
                "seconds": round(elapsed, 3), "replay_seconds": round(replay_elapsed, 3), "target_seconds": 10,
                "cpu_seconds_service_and_workers": round(cpu, 3)}
    finally:
        env.service.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--sign-count", type=int, default=6_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ.pop("VAXDESK_CENTRAL_KEY_PASSPHRASE", None)
        result: dict = {"benchmark": "countersign", "machine": machine(), "countersign": {}}
        targets = {"PS256": 1500, "ES256": 5000}
        for algorithm in ("PS256", "ES256"):
            raw = raw_rate(algorithm)
            rate = countersign_rate(algorithm, args.sign_count if algorithm == "PS256" else args.sign_count * 2, root)
            result["countersign"][algorithm] = {
                **rate, "target_per_second": targets[algorithm],
                "raw_sign_per_second_one_core": round(raw, 1),
                "ratio_to_raw_one_core": round(rate["per_second"] / raw, 3),
                "cpu_ratio_to_raw": round((1e6 / raw) / rate["cpu_microseconds_per_certificate"], 3),
            }
        result["batch_10k"] = batch_end_to_end(args.records, root)
        result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
