"""The central service as 1, 2 and 4 replicas behind nginx on one PostgreSQL database.

Many simulated facilities send signed batches of 50-2,000 records at once through the load
balancer on 127.0.0.1; some batches are sent twice (a response lost, a client that gave up too
early), and every client retries a refused, reset or 502/503/504 request with backoff, the same
body each time. A last round kills one replica (SIGKILL) in the middle of the run and starts it
again, so retries through the load balancer are part of the figures. Each round runs on an emptied database. Prints ONE JSON document with, per replica
count: certificates/s, p50/p99 latency of a batch (first send to final answer, retries included),
requests, retries, duplicate sends, the replicas' CPU time (user + system: on a shared machine
certificates per replica CPU-second is the figure that carries over), and what the database holds afterwards: ``lost`` (records with
no certificate) and ``duplicates`` (certificates beyond one per record), both must be 0.

    python benchmarks/central_scale.py [--quick] [--replicas 1,2,4] [--postgres-url URL]

The PostgreSQL URL defaults to VAXDESK_TEST_POSTGRES_URL; a scratch database is made on that server
and dropped afterwards. nginx comes from /usr/sbin/nginx (Debian's nginx-light). The same pieces
(``Cluster``, ``PrivatePostgres``, ``submit``, ``audit_certificates``) drive the fault tests in
tests/integration/central/test_replicas.py.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._machine import machine  # noqa: E402
from tests.helpers import free_port  # noqa: E402
from tests.pg import scratch_database  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PROXY_SNIPPET = ROOT / "deploy" / "nginx" / "vaxdesk-central-proxy.conf"
RETRY_STATUSES = frozenset({502, 503, 504})


def nginx_available() -> bool:
    return os.access(NGINX, os.X_OK)


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


# -- PostgreSQL ----------------------------------------------------------------------------------


class PrivatePostgres:
    """A PostgreSQL server of one's own (initdb, pg_ctl) that may be stopped and restarted at will;
    run as the ``postgres`` user when this process is root. ``available()`` says whether it can be."""

    def __init__(self) -> None:
        self.bin = _pg_bin()
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="vaxdesk-pg-"))
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    @staticmethod
    def available() -> bool:
        if _pg_bin() is None:
            return False
        if os.geteuid() != 0:
            return True
        import pwd

        try:
            pwd.getpwnam("postgres")
            return True
        except KeyError:
            return False

    def _run(self, *args: str) -> None:
        assert self.bin is not None
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(_quote(c) for c in command)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)

    def init(self) -> PrivatePostgres:
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self._run("initdb", "-D", str(self.dir / "data"), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()
        return self

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-o", options, "-l", str(self.dir / "log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", mode, "-w", "stop")

    def close(self) -> None:
        try:
            self.stop("immediate")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def _psycopg_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


# -- the central's data folder and facilities ----------------------------------------------------


def make_central(data: Path, database_url: str, facilities: int, algorithm: str = "ES256") -> list[Any]:
    """A data folder on ``database_url`` with ``facilities`` registered facilities (codes 10000…),
    each able to sign batches (``tests.unit.central.central_factory.Signed``)."""
    from services.central import credentials, signers
    from services.central.setup import init_data, open_database
    from tests.unit.central.central_factory import Signed, make_ca, make_signer, pem

    init_data(data, algorithm=algorithm, database_url=database_url, store_passphrase=True)
    ca_key, ca = make_ca()
    made = []
    db = open_database(data)
    try:
        with db.session() as session:
            signers.trust_ca(session, pem(ca))
            for i in range(facilities):
                code = str(10000 + i)
                key, cert = make_signer(ca_key, ca, code)
                signers.add_facility(session, code, f"Cơ sở {code}", pem(cert))
                made.append(Signed(code, key, cert, credential=credentials.issue(session, code)))
    finally:
        db.dispose()
    return made


@dataclass
class SentBatch:
    facility: Any  # Signed
    batch_id: str
    body: bytes
    record_keys: list[str]

    @property
    def headers(self) -> dict[str, str]:
        return {"content-type": "application/json", **self.facility.auth}


def make_batch(facility: Any, size: int) -> SentBatch:
    from tests.unit.central.central_factory import attestation, build_batch

    atts = [attestation(facility=facility.code) for _ in range(size)]
    batch_id = str(uuid.uuid4())
    body = json.dumps(build_batch(facility, atts, batch_id=batch_id)).encode()
    return SentBatch(facility, batch_id, body, [a["record_key"] for a in atts])


# -- replicas and the load balancer --------------------------------------------------------------


class Replica:
    """One ``main.py central serve`` process on its own port."""

    def __init__(self, data: Path, database_url: str, port: int, log_dir: Path, workers: int = 0,
                 extra: Sequence[str] = ()):
        self.data, self.database_url, self.port, self.workers = data, database_url, port, workers
        self.extra = list(extra)
        self.log = log_dir / f"replica-{port}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Replica:
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, str(ROOT / "main.py"), "central", "serve", "--data", str(self.data),
                 "--database-url", self.database_url, "--port", str(self.port), "--workers", str(self.workers),
                 "--graceful-timeout", "20", *self.extra],
                cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
        return self

    def wait_ready(self, timeout: float = 60) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is None or self.proc.poll() is not None:
                raise RuntimeError(f"replica {self.port} exited: {self.log.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(self.url + "/readyz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"replica {self.port} did not become ready")

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def signal(self, sig: int) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, sig)

    def cpu_seconds(self) -> float:
        """User + system CPU time so far (Linux /proc), to tell when the replica is at work."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return 0.0

    def stop(self, timeout: float = 30) -> int | None:
        """SIGCONT (in case it was stopped) then SIGTERM; SIGKILL if it does not exit in time."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.signal(signal.SIGCONT)
            self.signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


class Nginx:
    """nginx in front of ``ports``, with deploy/nginx/vaxdesk-central-proxy.conf as the proxying rules."""

    def __init__(self, ports: Sequence[int], work: Path, read_timeout: float = 120, fail_timeout: int = 5):
        self.port = free_port()
        self.dir = work / f"nginx-{self.port}"
        (self.dir / "tmp").mkdir(parents=True)
        self.access_log = self.dir / "access.log"
        servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=3 fail_timeout={fail_timeout}s;" for p in ports)
        user = "user root;" if os.geteuid() == 0 else ""
        temp = "\n".join(f"    {kind}_temp_path {self.dir / 'tmp' / kind};"
                         for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (self.dir / "nginx.conf").write_text(f"""{user}
worker_processes 1;
daemon off;
pid {self.dir / 'nginx.pid'};
error_log {self.dir / 'error.log'} warn;
events {{ worker_connections 1024; }}
http {{
{temp}
    log_format upstreams '$request_method $request_uri $status up=$upstream_addr st=$upstream_status t=$request_time';
    access_log {self.access_log} upstreams;
    upstream vaxdesk_central {{
{servers}
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{self.port};
        client_max_body_size 64m;
        client_body_buffer_size 8m;
        proxy_read_timeout {read_timeout}s;
        proxy_send_timeout 60s;
        proxy_next_upstream_timeout {max(2 * read_timeout, 30)}s;
        proxy_buffers 16 64k;
        location / {{
            include {PROXY_SNIPPET};
        }}
    }}
}}
""")
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Nginx:
        self.proc = subprocess.Popen([NGINX, "-p", str(self.dir), "-c", str(self.dir / "nginx.conf"),
                                      "-e", str(self.dir / "error.log")],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     start_new_session=True)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"nginx exited: {self.proc.stderr.read().decode(errors='replace') if self.proc.stderr else ''}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not start")

    def retried(self) -> list[str]:
        """Access-log lines of requests that went to more than one replica."""
        try:
            return [line for line in self.access_log.read_text().splitlines() if ", " in line.split("up=", 1)[-1]]
        except OSError:
            return []

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)  # graceful: finish what is in flight
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@dataclass
class Cluster:
    """``replicas`` replicas of the service on one data folder and database, behind nginx."""

    data: Path
    database_url: str
    replicas: int
    work: Path
    workers: int = 0
    read_timeout: float = 120
    fail_timeout: int = 5
    extra: Sequence[str] = ()
    members: list[Replica] = field(default_factory=list)
    lb: Nginx | None = None

    def __enter__(self) -> Cluster:
        try:
            self.members = [Replica(self.data, self.database_url, free_port(), self.work, self.workers,
                                    self.extra).start() for _ in range(self.replicas)]
            for replica in self.members:
                replica.wait_ready()
            self.lb = Nginx([r.port for r in self.members], self.work, read_timeout=self.read_timeout,
                            fail_timeout=self.fail_timeout).start()
        except BaseException:
            self.__exit__()
            raise
        return self

    @property
    def url(self) -> str:
        assert self.lb is not None
        return self.lb.url

    def __exit__(self, *exc: object) -> None:
        if self.lb is not None:
            self.lb.stop()
        for replica in self.members:
            replica.stop()


# -- the client ----------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int | None  # None: no answer after every try
    body: bytes
    attempts: int
    seconds: float


async def submit(client: Any, batch: SentBatch, tries: int = 12, backoff: float = 0.2) -> Answer:
    """POST the batch, the same body again on a refused/reset connection or a 502/503/504,
    with exponential backoff and jitter (capped at 2 s)."""
    import httpx

    started = time.perf_counter()
    status: int | None = None
    body = b""
    for attempt in range(1, tries + 1):
        try:
            response = await client.post("/v1/batches", content=batch.body, headers=batch.headers)
            status, body = response.status_code, response.content
            if status not in RETRY_STATUSES:
                return Answer(status, body, attempt, time.perf_counter() - started)
        except httpx.TransportError:
            status, body = None, b""
        await asyncio.sleep(min(backoff * 2 ** (attempt - 1), 2.0) * random.uniform(0.5, 1.0))
    return Answer(status, body, tries, time.perf_counter() - started)


def audit_certificates(database_url: str, batches: Sequence[SentBatch]) -> dict[str, int]:
    """What the database holds for ``batches``: records sent, certificates issued, ``lost``
    (records without a certificate) and ``duplicates`` (certificates beyond one per record)."""
    import psycopg

    wanted = {key for b in batches for key in b.record_keys}
    counts: dict[str, int] = {}
    with psycopg.connect(_psycopg_url(database_url)) as conn:
        for key, n in conn.execute("SELECT record_key, count(*) FROM issued_certificate GROUP BY record_key"):
            if key in wanted:
                counts[key] = n
        stored = {row[0] for row in conn.execute("SELECT batch_id FROM batch")}
    return {"records": len(wanted), "certificates": sum(counts.values()), "lost": len(wanted - counts.keys()),
            "duplicates": sum(n - 1 for n in counts.values()),
            "batches_missing": sum(1 for b in batches if b.batch_id not in stored)}


def check_answers(batch: SentBatch, answers: Sequence[Answer]) -> str | None:
    """None when every answer to the batch is a 200 with the same certificates for every record."""
    if any(a.status != 200 for a in answers):
        return f"statuses {[a.status for a in answers]}"
    first = json.loads(answers[0].body)
    if first["issued"] != len(batch.record_keys):
        return f"{first['issued']} issued of {len(batch.record_keys)}"
    uvcis = [r["uvci"] for r in first["results"]]
    for other in answers[1:]:
        if [r["uvci"] for r in json.loads(other.body)["results"]] != uvcis:
            return "a repeated send got other certificates"
    return None


# -- the benchmark -------------------------------------------------------------------------------


def batch_sizes(total: int, rng: random.Random) -> list[int]:
    """Sizes of 50-2,000 records, log-uniform (many small batches, some large), adding up to ~total."""
    sizes: list[int] = []
    while sum(sizes) < total:
        sizes.append(int(math.exp(rng.uniform(math.log(50), math.log(2000)))))
    return sizes


async def kill_and_restart(replica: Replica, after: float) -> None:
    """SIGKILL ``replica`` after ``after`` seconds, whatever it is doing, and start it again."""
    await asyncio.sleep(after)
    replica.signal(signal.SIGKILL)
    assert replica.proc is not None
    await asyncio.to_thread(replica.proc.wait)
    replica.start()
    await asyncio.to_thread(replica.wait_ready)


async def drive(url: str, plan: dict[str, list[SentBatch]], resend: set[str], twin: set[str],
                fault: Any = None) -> dict[str, Any]:
    """Every facility sends its batches one after another, all facilities at once. A batch in
    ``resend`` is sent again after its answer; one in ``twin`` is sent twice at the same time."""
    import httpx

    answers: dict[str, list[Answer]] = {}
    latencies: list[float] = []

    async def facility(client: httpx.AsyncClient, batches: list[SentBatch]) -> None:
        for batch in batches:
            if batch.batch_id in twin:
                got = list(await asyncio.gather(submit(client, batch), submit(client, batch)))
            else:
                got = [await submit(client, batch)]
            if batch.batch_id in resend:
                got.append(await submit(client, batch))
            latencies.extend(a.seconds for a in got)
            answers[batch.batch_id] = got

    limits = httpx.Limits(max_connections=len(plan) * 2 + 4, max_keepalive_connections=len(plan) * 2 + 4)
    async with httpx.AsyncClient(base_url=url, timeout=httpx.Timeout(300, connect=5), limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(facility(client, batches) for batches in plan.values()), *([fault] if fault else []))
        seconds = time.perf_counter() - started
    return {"answers": answers, "latencies": latencies, "seconds": seconds}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def run_round(cluster_args: dict[str, Any], replicas: int, facilities: list[Any], total: int, seed: int,
              kill_after: float | None = None) -> dict[str, Any]:
    import psycopg

    rng = random.Random(seed)
    database_url = cluster_args["database_url"]
    with psycopg.connect(_psycopg_url(database_url), autocommit=True) as conn:
        conn.execute("TRUNCATE issued_certificate, revocation, batch")
    plan: dict[str, list[SentBatch]] = {f.code: [] for f in facilities}
    for size in batch_sizes(total, rng):
        who = rng.choice(facilities)
        plan[who.code].append(make_batch(who, size))
    plan = {code: batches for code, batches in plan.items() if batches}
    all_batches = [b for batches in plan.values() for b in batches]
    resend = {b.batch_id for b in all_batches if rng.random() < 0.15}
    twin = {b.batch_id for b in all_batches if rng.random() < 0.10}
    with Cluster(replicas=replicas, **cluster_args) as cluster:
        load_before = os.getloadavg()[0]
        cpu_before = sum(r.cpu_seconds() for r in cluster.members)
        fault = kill_and_restart(cluster.members[0], kill_after) if kill_after is not None else None
        result = asyncio.run(drive(cluster.url, plan, resend, twin, fault))
        replica_cpu = sum(r.cpu_seconds() for r in cluster.members) - cpu_before
        load_after = os.getloadavg()[0]
        retried_by_lb = len(cluster.lb.retried()) if cluster.lb else 0
    problems = [p for b in all_batches if (p := check_answers(b, result["answers"][b.batch_id]))]
    audit = audit_certificates(database_url, all_batches)
    with psycopg.connect(_psycopg_url(database_url), autocommit=True) as conn:
        stored_bytes = conn.execute("SELECT pg_total_relation_size('issued_certificate') "
                                    "+ pg_total_relation_size('batch')").fetchone()[0]
    answers = [a for got in result["answers"].values() for a in got]
    latencies = result["latencies"]
    return {
        "replicas": replicas,
        "fault": f"replica 1 killed (SIGKILL) after {kill_after:g} s and started again" if kill_after is not None else None,
        "facilities": len(plan), "batches": len(all_batches),
        "records": audit["records"], "certificates": audit["certificates"], "seconds": round(result["seconds"], 2),
        "certificates_per_second": round(audit["certificates"] / result["seconds"], 1),
        "batch_latency_ms": {"p50": round(_percentile(latencies, 0.50) * 1000), "p99": round(_percentile(latencies, 0.99) * 1000)},
        "requests": sum(a.attempts for a in answers), "client_retries": sum(a.attempts - 1 for a in answers),
        "load_balancer_retries": retried_by_lb, "duplicate_sends": len(resend) + len(twin),
        "lost": audit["lost"], "duplicates": audit["duplicates"], "failed_batches": len(problems),
        # a killed replica's CPU time goes with it: no figure for the fault round
        "replica_cpu_seconds": None if kill_after is not None else round(replica_cpu, 2),
        "certificates_per_replica_cpu_second": None if kill_after is not None or not replica_cpu
        else round(audit["certificates"] / replica_cpu, 1),
        "database_bytes_per_certificate": round(stored_bytes / max(1, audit["certificates"])),
        "load_average_1min": [round(load_before, 2), round(load_after, 2)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres-url", default=os.environ.get("VAXDESK_TEST_POSTGRES_URL"),
                        help="a PostgreSQL server to make a scratch database on (default: VAXDESK_TEST_POSTGRES_URL)")
    parser.add_argument("--replicas", default="1,2,4", help="replica counts to run, comma-separated")
    parser.add_argument("--quick", action="store_true", help="a short run: 8,000 certificates per replica count")
    parser.add_argument("--certificates", type=int, help="certificates per replica count (default 30,000)")
    parser.add_argument("--facilities", type=int, default=40, help="simulated facilities sending at once")
    parser.add_argument("--algorithm", choices=("ES256", "PS256"), default="ES256")
    parser.add_argument("--workers", type=int, default=0, help="signing processes per replica (default 0: in-process)")
    parser.add_argument("--fault-replicas", type=int, default=2,
                        help="one more round with this many replicas, one killed mid-run and restarted (0: none)")
    args = parser.parse_args()
    if not args.postgres_url:
        parser.error("give --postgres-url or set VAXDESK_TEST_POSTGRES_URL")
    if not nginx_available():
        parser.error(f"nginx is not installed ({NGINX}); apt-get install nginx-light")
    total = args.certificates or (8000 if args.quick else 30000)
    counts = [int(n) for n in args.replicas.split(",")]
    result: dict[str, Any] = {"machine": machine(), "algorithm": args.algorithm, "signing_workers": args.workers,
                              "load_balancer": "nginx " + _nginx_version(), "certificates_per_round": total,
                              "batch_sizes": "50-2000, log-uniform", "duplicate_sends": "15% resent after the answer, "
                              "10% sent twice at once", "rounds": []}
    with tempfile.TemporaryDirectory(prefix="vaxdesk-scale-") as tmp, scratch_database("central_scale", args.postgres_url) as url:
        work = Path(tmp)
        facilities = make_central(work / "central", url, args.facilities, args.algorithm)
        cluster_args = {"data": work / "central", "database_url": url, "work": work, "workers": args.workers}
        for i, replicas in enumerate(counts):
            result["rounds"].append(run_round(cluster_args, replicas, facilities, total, seed=i + 1))
        if args.fault_replicas >= 2:
            result["rounds"].append(run_round(cluster_args, args.fault_replicas, facilities, total, seed=99,
                                              kill_after=3.0 if args.quick else 8.0))
    result["machine_after"] = {"load_average": [round(x, 2) for x in os.getloadavg()]}
    print(json.dumps(result, indent=2))


def _nginx_version() -> str:
    done = subprocess.run([NGINX, "-v"], capture_output=True, text=True)
    return (done.stderr or done.stdout).strip().rsplit("/", 1)[-1]


if __name__ == "__main__":
    main()
