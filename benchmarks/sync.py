"""Sync speed: signed records from the outbox to stored, locally verified certificates.

Sets up the reference central service (``python main.py central serve``, default worker pool, PS256
like Vietnam's production certificates) on 127.0.0.1 with a data folder that knows the facility,
fills a fresh workspace with N records signed into batches of ``batch_size`` (5,000 by default),
then times one ``sync`` run end to end: trust list, submission, central countersigning, every
certificate's signature and content verified locally, one transaction per batch, revocations.

Prints ONE JSON document: {records, seconds, batches, records_per_second, certificates, ...},
with ``raw_baseline``: the same number of raw signatures (``cryptography``, as many processes as
the central's workers) and raw verifications (one process) measured in the same run, and
``ratio_to_raw`` = seconds / raw seconds.

    python benchmarks/sync.py [--records 10000] [--batch-size 5000] [--algorithm PS256]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._machine import machine  # noqa: E402
from benchmarks.countersign import cpu_seconds  # noqa: E402


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def setup_central(root: Path, algorithm: str):
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding

    from desktop.dcc.cose import KeySigner, kid_for_certificate
    from desktop.demo.token import create_demo_ca, issue_facility_certificate
    from services.central.setup import init_data, register
    from tests.unit.sync.sync_factory import FacilityKey

    pki = root / "ministry"
    pki.mkdir()
    ca_cert, ca_key = create_demo_ca(pki)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = issue_facility_certificate(ca_cert, ca_key, key.public_key(), "01001", "Bệnh viện Bạch Mai")
    data = root / "central"
    init_data(data, algorithm=algorithm, store_passphrase=True)
    register(data, "trust_ca", None, certificate=(pki / "ministry-ca.pem").read_bytes())
    registered = register(data, "facility", None, code="01001", name="Bệnh viện Bạch Mai",
                          certificate=cert.public_bytes(Encoding.PEM))
    der = cert.public_bytes(Encoding.DER)
    return data, FacilityKey("01001", KeySigner(key, kid=kid_for_certificate(der)), [der]), registered["credential"]


def start_central(data: Path, port: int, log: Path) -> subprocess.Popen:
    import httpx

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "central", "serve", "--data", str(data),
                                 "--port", str(port)], stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the central service exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("the central service did not start")


def _process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc): the central service and its worker processes."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                queue += [int(c) for c in task.read_text().split()]
            except OSError:
                continue
    return found


def instrument() -> dict[str, float]:
    """Wall time spent in each phase (the central's requests overlap local verifying and storing)."""
    from desktop.sync import client, engine

    phases = {"central_requests": 0.0, "verify": 0.0, "store": 0.0, "build_body": 0.0}

    def timed(owner, name, phase):
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                phases[phase] += time.perf_counter() - start

        setattr(owner, name, wrapper)

    timed(client.CentralClient, "submit_batch", "central_requests")
    timed(engine, "check_result", "verify")
    timed(engine, "store_result", "store")
    timed(engine, "prepare_submission", "build_body")
    return phases


def profile_threads() -> list:
    """cProfile for the calling thread and for every call of the network thread's ``_fetch`` (a
    profiler follows one thread only); the first is the caller's, enable it around the run."""
    import cProfile

    from desktop.sync import engine

    profiles = [cProfile.Profile(time.thread_time)]
    original = engine.SyncRun._fetch

    def fetch(self, client, claim):
        profile = cProfile.Profile(time.thread_time)
        profiles.append(profile)
        profile.enable()
        try:
            return original(self, client, claim)
        finally:
            profile.disable()

    engine.SyncRun._fetch = fetch
    return profiles


def raw_verify_rate(algorithm: str, seconds: float = 1.0) -> tuple[float, float]:
    """Signature verifications per second with ``cryptography`` on one process: per second of wall
    clock, and per CPU-second."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    data = os.urandom(300)
    if algorithm == "PS256":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
        signature, public = key.sign(data, pss, hashes.SHA256()), key.public_key()

        def verify() -> None:
            public.verify(signature, data, pss, hashes.SHA256())
    else:
        ec_key = ec.generate_private_key(ec.SECP256R1())
        signature, ec_public = ec_key.sign(data, ec.ECDSA(hashes.SHA256())), ec_key.public_key()

        def verify() -> None:
            ec_public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
    count, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        for _ in range(20):
            verify()
        count += 20
    return count / (time.perf_counter() - start), count / max(time.process_time() - cpu, 1e-9)


def raw_baseline(algorithm: str, records: int) -> dict:
    """The raw work a sync cannot avoid, measured now: ``records`` signatures by ``cryptography``
    on as many processes as the central uses, then ``records`` verifications on one process."""
    from benchmarks.countersign import raw_rate

    sign = raw_rate(algorithm, os.cpu_count() or 1, seconds=1.5)
    for seconds in (5.0, 15.0):  # on a crowded machine the processes may not finish one burst in time
        if sign["per_cpu_second"] and sign["per_second"]:
            break
        sign = raw_rate(algorithm, os.cpu_count() or 1, seconds=seconds)
    verify, verify_per_cpu_second = raw_verify_rate(algorithm)
    return {"sign_per_second": sign["per_second"], "sign_processes": sign["processes"],
            "verify_per_second": round(verify, 1),
            "cpu_seconds": round(records / sign["per_cpu_second"] + records / verify_per_cpu_second, 3),
            "seconds": round(records / sign["per_second"] + records / verify, 3)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--algorithm", choices=("PS256", "ES256"), default="PS256")
    parser.add_argument("--profile", metavar="FILE", help="write cProfile statistics of VaxDesk's side "
                        "(the sync thread and the network thread) to FILE")
    args = parser.parse_args()
    os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp(prefix="vaxdesk-bench-xdg-"))

    from sqlalchemy import func, select

    from desktop.models import Certificate, VaccinationRecord
    from desktop.sync import sync
    from desktop.workspace import Workspace
    from tests.unit.sync.sync_factory import make_records, sign_batch

    root = Path(tempfile.mkdtemp(prefix="vaxdesk-bench-sync-"))
    proc = None
    try:
        data, facility, credential = setup_central(root, args.algorithm)
        port = free_port()
        proc = start_central(data, port, root / "central.log")
        ws = Workspace.open(root / "ws")
        ws.settings.set("facility_code", "01001")
        ws.settings.set("central_url", f"http://127.0.0.1:{port}")
        ws.settings.set("central_timeout", 300.0)
        ws.settings.set("central_token", credential)
        ws.settings.save()
        ids = make_records(ws.db, args.records)
        batches = [sign_batch(ws.db, ids[i:i + args.batch_size], facility)
                   for i in range(0, len(ids), args.batch_size)]
        phases = instrument()
        central_pids = _process_tree(proc.pid)
        central_cpu = cpu_seconds(central_pids)
        profiles = profile_threads() if args.profile else []
        started, cpu = time.perf_counter(), time.process_time()
        if profiles:
            profiles[0].enable()
        report = sync(ws, actor="benchmark")
        if profiles:
            profiles[0].disable()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        if profiles:
            import pstats

            stats = pstats.Stats(profiles[0])
            for other in profiles[1:]:
                stats.add(other)
            stats.dump_stats(args.profile)
        central_cpu = cpu_seconds(central_pids) - central_cpu
        with ws.db.session() as s:
            certificates = s.scalar(select(func.count(Certificate.id)))
            certified = s.scalar(select(func.count()).where(VaccinationRecord.stage == "certified"))
        ws.close()
        baseline = raw_baseline(args.algorithm, args.records)
        result = {
            "records": args.records,
            "seconds": round(seconds, 2),
            "target_seconds": 5,
            "within_target": seconds <= 5,
            "raw_baseline": baseline,
            "ratio_to_raw": round(seconds / baseline["seconds"], 2),
            "cpu_seconds": {"desktop": round(cpu, 2), "central_and_workers": round(central_cpu, 2)},
            "raw_cpu_seconds": baseline["cpu_seconds"],
            "cpu_ratio_to_raw": round((cpu + central_cpu) / baseline["cpu_seconds"], 2),
            "records_per_second": round(args.records / seconds, 1),
            "batches": len(batches),
            "batch_size": args.batch_size,
            "certificates": certificates,
            "certified_records": certified,
            "rejected": len(report.rejected),
            "error": report.error,
            "phases_seconds": {k: round(v, 2) for k, v in phases.items()},
            "algorithm": args.algorithm,
            "central": "python main.py central serve (default workers) on 127.0.0.1, SQLite",
            "machine": machine(),
        }
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(root, ignore_errors=True)
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
