"""Central countersigning speed: HC1 certificates per second (PS256 and ES256), against raw signing.

Prints ONE JSON document:
- ``countersign``: per algorithm, certificates/s for build + validate + sign + encode with the
  service's worker pool (one process per core), the raw signing rate of ``cryptography`` on the
  same number of processes measured just before and just after in the same run
  (``raw_sign_per_second``), and ``ratio_to_raw``. Because the machine may be shared, CPU time is
  reported too: ``cpu_microseconds_per_certificate``, ``per_second_if_cores_were_free`` and
  ``cpu_ratio_to_raw`` (raw signature CPU / certificate CPU);
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

TARGETS = {"PS256": "ratio_to_raw >= 0.60", "ES256": "per_second >= 20000 or ratio_to_raw >= 0.40"}


def _raw_signer(algorithm: str):
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    data = os.urandom(300)
    if algorithm == "PS256":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pss, sha256 = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32), hashes.SHA256()
        return lambda: key.sign(data, pss, sha256)
    ec_key = ec.generate_private_key(ec.SECP256R1())
    ecdsa = ec.ECDSA(hashes.SHA256())
    return lambda: ec_key.sign(data, ecdsa)


def _raw_worker(algorithm: str, seconds: float, start_at: float) -> tuple[int, float]:
    """Signatures made in ``seconds`` of wall time from ``start_at``, and the CPU time they took."""
    sign = _raw_signer(algorithm)
    while time.time() < start_at:
        time.sleep(0.001)
    count, cpu, end = 0, time.process_time(), start_at + seconds
    while time.time() < end:
        for _ in range(20):
            sign()
        count += 20
    return count, time.process_time() - cpu


def raw_rate(algorithm: str, processes: int, seconds: float = 2.0) -> dict:
    """The raw signing rate of ``cryptography`` on ``processes`` processes at once (wall clock, so
    it sees the same machine load as the service), and per CPU-second of one process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(time.sleep, [0.01] * processes))  # started
        start_at = time.time() + 0.2
        results = list(pool.map(_raw_worker, [algorithm] * processes, [seconds] * processes, [start_at] * processes))
    count, cpu = sum(r[0] for r in results), sum(r[1] for r in results)
    return {"per_second": round(count / seconds, 1), "processes": processes,
            "per_cpu_second": round(count / cpu, 1) if cpu else None}


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
    init_data(data, algorithm=algorithm, store_passphrase=True)
    service = CentralService(data)
    try:
        service.countersigner.warm_up()
        atts = [B.read_attestation(_canonical(attestation(name=_name(i)))) for i in range(count)]
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


_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
_MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Ngọc", "Minh", "Thanh", "Quốc")
_GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh", "Lan",
          "Linh", "Long", "Mai", "Nam", "Nga", "Nhung", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Yến")


def _name(i: int) -> str:
    """Varied names (3,136 combinations): a memo of name parts must not look better than it is."""
    return f"{_FAMILY[i % 14]} {_MIDDLE[i // 14 % 8]} {_GIVEN[i // 112 % 28]}"


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
            response = client.post("/v1/batches", content=body, headers={"content-type": "application/json", **env.facility.auth})
            elapsed, cpu = time.perf_counter() - start, cpu_seconds(pids) - cpu_before
            response.raise_for_status()
            result = response.json()
            start = time.perf_counter()
            replay = client.post("/v1/batches", content=body, headers={"content-type": "application/json", **env.facility.auth})
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
        cores = os.cpu_count() or 1
        for algorithm in ("PS256", "ES256"):
            before = raw_rate(algorithm, cores)
            rate = countersign_rate(algorithm, args.sign_count if algorithm == "PS256" else args.sign_count * 3, root)
            after = raw_rate(algorithm, cores)
            raw = (before["per_second"] + after["per_second"]) / 2
            raw_cpu = (before["per_cpu_second"] + after["per_cpu_second"]) / 2
            result["countersign"][algorithm] = {
                **rate,
                "raw_sign_per_second": round(raw, 1), "raw_processes": cores,
                "raw_runs_per_second": [before["per_second"], after["per_second"]],
                "ratio_to_raw": round(rate["per_second"] / raw, 3),
                "raw_sign_per_cpu_second": round(raw_cpu, 1),
                "cpu_ratio_to_raw": round((1e6 / raw_cpu) / rate["cpu_microseconds_per_certificate"], 3),
                "target": TARGETS[algorithm],
            }
        result["batch_10k"] = batch_end_to_end(args.records, root)
        result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
