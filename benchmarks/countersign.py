"""Central countersigning speed: HC1 certificates per second (PS256 and ES256), against raw signing.

Prints ONE JSON document:
- ``countersign``: per algorithm, certificates/s for build + validate + sign + encode with the
  service's worker pool (one process per core), and the ratio to the raw single-core signing rate
  of ``cryptography`` measured in the same run (what ``openssl speed`` reports);
- ``batch_10k``: a 10,000-record batch through the real HTTP API (uvicorn on 127.0.0.1, SQLite):
  verified, countersigned, stored, answered — seconds end to end, PS256.

    python benchmarks/countersign.py [--records 10000] [--sign-count 6000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


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
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for _ in range(50):
            sign()
        count += 50
    return count / (time.perf_counter() - start)


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
        items = [Item(B.read_attestation(_canonical(attestation())), new_uvci()) for _ in range(count)]
        iat = int(datetime.now(UTC).timestamp())
        start = time.perf_counter()
        outcomes = service.countersigner.run(items, iat, iat + 365 * 86400, service.config.issuer_text)
        elapsed = time.perf_counter() - start
        assert all(o[0] == "issued" for o in outcomes), "a payload was refused"
        return {"certificates": count, "seconds": round(elapsed, 3), "per_second": round(count / elapsed, 1),
                "workers": service.countersigner.workers}
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
            start = time.perf_counter()
            response = client.post("/v1/batches", content=body, headers={"content-type": "application/json"})
            elapsed = time.perf_counter() - start
            response.raise_for_status()
            result = response.json()
            start = time.perf_counter()
            replay = client.post("/v1/batches", content=body, headers={"content-type": "application/json"})
            replay_elapsed = time.perf_counter() - start
            assert replay.content == response.content
        return {"records": records, "issued": result["issued"], "rejected": result["rejected"],
                "request_bytes": len(body), "response_bytes": len(response.content),
                "seconds": round(elapsed, 3), "replay_seconds": round(replay_elapsed, 3), "target_seconds": 10}
    finally:
        env.service.close()


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--sign-count", type=int, default=6_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ.pop("VAXDESK_CENTRAL_KEY_PASSPHRASE", None)
        result: dict = {"benchmark": "countersign", "nproc": os.cpu_count(), "cpu": cpu_model(),
                        "load_average_before": [round(x, 2) for x in os.getloadavg()], "countersign": {}}
        targets = {"PS256": 1500, "ES256": 5000}
        for algorithm in ("PS256", "ES256"):
            raw = raw_rate(algorithm)
            rate = countersign_rate(algorithm, args.sign_count if algorithm == "PS256" else args.sign_count * 2, root)
            result["countersign"][algorithm] = {
                **rate, "target_per_second": targets[algorithm],
                "raw_sign_per_second_one_core": round(raw, 1),
                "ratio_to_raw_one_core": round(rate["per_second"] / raw, 3),
            }
        result["batch_10k"] = batch_end_to_end(args.records, root)
        result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
