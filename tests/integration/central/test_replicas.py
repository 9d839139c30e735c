"""Two replicas of the central service behind nginx on one PostgreSQL database, with faults: a
replica killed (SIGKILL) in the middle of a batch, a replica frozen (SIGSTOP, a partition), the
database stopped and started again, a replica drained with SIGTERM. Clients retry through the load
balancer with the same body; every batch must end with exactly one set of certificates: no record
without one (lost), none with two (duplicate), and the same certificates in every answer.

The database is a PostgreSQL server of the test's own (initdb/pg_ctl), so it can really be
restarted; where one cannot be made, a scratch database on the shared server stands in and the
restart becomes the termination of every connection to it.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from benchmarks.central_scale import (
    Answer,
    Cluster,
    PrivatePostgres,
    Replica,
    SentBatch,
    _psycopg_url,
    audit_certificates,
    check_answers,
    make_batch,
    make_central,
    nginx_available,
    submit,
)
from tests.helpers import free_port
from tests.pg import PG_ENV, POSTGRES, scratch_database

pytestmark = [pytest.mark.integration, *POSTGRES,
              pytest.mark.skipif(not nginx_available(), reason="nginx is not installed (apt-get install nginx-light)")]


@dataclass
class Database:
    url: str
    outage: Callable[[float], None]  # the database gone for about this many seconds, then back
    restarts: bool = True  # False: the stand-in that only cuts every connection


@pytest.fixture(scope="module")
def database() -> Iterator[Database]:
    if PrivatePostgres.available():
        server = PrivatePostgres()
        try:
            server.init()
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            server.close()
            pytest.skip(f"cannot start a private PostgreSQL server: {exc}")

        def restart(seconds: float) -> None:
            server.stop("fast")
            time.sleep(seconds)
            server.start()

        try:
            yield Database(server.url, restart)
        finally:
            server.close()
        return
    with scratch_database("central", os.environ[PG_ENV]) as url:
        yield Database(url, lambda seconds: _terminate_connections(url, seconds), restarts=False)


def _terminate_connections(url: str, seconds: float) -> None:
    import psycopg

    deadline = time.monotonic() + seconds
    with psycopg.connect(_psycopg_url(url), autocommit=True) as conn:
        while time.monotonic() < deadline:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE datname = current_database() AND pid <> pg_backend_pid()")
            time.sleep(0.1)


@pytest.fixture(scope="module")
def central(database: Database, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    data = tmp_path_factory.mktemp("replicas") / "central"
    return data, make_central(data, database.url, facilities=2)


async def _until_busy(replica: Replica, cpu_seconds: float = 0.15, timeout: float = 20) -> None:
    """Until ``replica`` has spent ``cpu_seconds`` of CPU from now: it is working on a batch."""
    start, deadline = replica.cpu_seconds(), time.monotonic() + timeout
    while replica.cpu_seconds() - start < cpu_seconds:
        if time.monotonic() > deadline:
            raise AssertionError(f"replica {replica.port} never got to work")
        await asyncio.sleep(0.02)


def _send_all(url: str, batches: list[SentBatch], fault: Callable[[], object]) -> list[Answer]:
    """Send every batch at once through ``url``, run ``fault`` (a coroutine function) meanwhile."""

    async def scenario() -> list[Answer]:
        async with httpx.AsyncClient(base_url=url, timeout=httpx.Timeout(60, connect=5)) as client:
            tasks = [asyncio.create_task(submit(client, b)) for b in batches]
            await fault()  # type: ignore[misc]
            return list(await asyncio.gather(*tasks))

    return asyncio.run(scenario())


def _resend_all(url: str, batches: list[SentBatch]) -> list[Answer]:
    async def scenario() -> list[Answer]:
        async with httpx.AsyncClient(base_url=url, timeout=httpx.Timeout(60, connect=5)) as client:
            return list(await asyncio.gather(*(submit(client, b) for b in batches)))

    return asyncio.run(scenario())


def _exactly_once(database: Database, batches: list[SentBatch], *answer_sets: list[Answer]) -> None:
    for i, batch in enumerate(batches):
        assert check_answers(batch, [answers[i] for answers in answer_sets]) is None, batch.batch_id
    audit = audit_certificates(database.url, batches)
    assert audit["records"] == sum(len(b.record_keys) for b in batches)
    assert (audit["lost"], audit["duplicates"], audit["batches_missing"]) == (0, 0, 0), audit
    assert audit["certificates"] == audit["records"]


def test_a_replica_killed_in_the_middle_of_a_batch(database, central, tmp_path):
    data, facilities = central
    batches = [make_batch(facilities[i % 2], 800) for i in range(4)]
    with Cluster(data, database.url, 2, tmp_path) as cluster:
        victim = cluster.members[0]

        async def kill() -> None:
            await _until_busy(victim, 0.05)
            victim.signal(signal.SIGKILL)

        answers = _send_all(cluster.url, batches, kill)
        assert victim.proc is not None and victim.proc.wait(timeout=10) == -signal.SIGKILL
        # the load balancer sent what the dead replica held to the other one
        assert cluster.lb is not None and cluster.lb.retried()
        again = _resend_all(cluster.url, batches)
    _exactly_once(database, batches, answers, again)


def test_a_frozen_replica_is_passed_over_and_its_late_work_changes_nothing(database, central, tmp_path):
    data, facilities = central
    batches = [make_batch(facilities[i % 2], 250) for i in range(4)]
    with Cluster(data, database.url, 2, tmp_path, read_timeout=2, fail_timeout=2) as cluster:
        frozen = cluster.members[0]

        async def freeze() -> None:
            await _until_busy(frozen, 0.05)
            frozen.signal(signal.SIGSTOP)

        try:
            answers = _send_all(cluster.url, batches, freeze)
            more = [make_batch(facilities[0], 50) for _ in range(2)]
            more_answers = _resend_all(cluster.url, more)  # while it is still frozen
        finally:
            frozen.signal(signal.SIGCONT)
        frozen.wait_ready()  # it wakes up, finishes what it held, finds it stored, and serves again
        again = _resend_all(cluster.url, batches + more)
        assert cluster.lb is not None and cluster.lb.retried()
    _exactly_once(database, batches + more, answers + more_answers, again)


def test_the_database_restarted_under_load(database, central, tmp_path):
    data, facilities = central
    batches = [make_batch(facilities[i % 2], 200) for i in range(4)]
    with Cluster(data, database.url, 2, tmp_path, fail_timeout=1) as cluster:
        seen: dict[str, str] = {}
        over = threading.Event()

        def watch_readiness() -> None:
            while "during" not in seen and not over.is_set():
                response = httpx.get(cluster.members[1].url + "/readyz", timeout=5)
                if response.status_code == 503:
                    seen["during"] = response.json()["database"]
                time.sleep(0.05)

        async def outage() -> None:
            await _until_busy(cluster.members[0], 0.05)
            watcher = threading.Thread(target=watch_readiness, daemon=True)
            watcher.start()
            await asyncio.to_thread(database.outage, 1.5)
            over.set()
            await asyncio.to_thread(watcher.join, 10)

        answers = _send_all(cluster.url, batches, outage)
        if database.restarts:
            assert seen.get("during") == "unreachable", "readiness never reported the database gone"
        for replica in cluster.members:
            replica.wait_ready(timeout=20)
        again = _resend_all(cluster.url, batches)
    _exactly_once(database, batches, answers, again)


def test_sigterm_drains_a_replica(database, central, tmp_path):
    data, facilities = central
    batch = make_batch(facilities[0], 600)
    replica = Replica(data, database.url, free_port(), tmp_path, extra=["--drain-seconds", "1"]).start()
    try:
        replica.wait_ready()
        assert httpx.get(replica.url + "/healthz").json() == {"status": "ok"}
        ready = httpx.get(replica.url + "/readyz")
        assert ready.status_code == 200 and ready.json() == {"status": "ready", "database": "ok", "key": "ok"}

        async def terminate() -> None:
            await _until_busy(replica)
            replica.signal(signal.SIGTERM)
            await asyncio.sleep(0.3)
            async with httpx.AsyncClient() as probe:
                draining = await probe.get(replica.url + "/readyz", timeout=10)
            assert (draining.status_code, draining.json()["status"]) == (503, "draining")
            assert (await probe_health(replica.url)) == 200

        async def probe_health(url: str) -> int:
            async with httpx.AsyncClient() as probe:
                return (await probe.get(url + "/healthz", timeout=10)).status_code

        answers = _send_all(replica.url, [batch], terminate)
        assert replica.proc is not None and replica.proc.wait(timeout=30) == 0
    finally:
        replica.stop()
    assert answers[0].attempts == 1  # the batch in progress finished on the replica that had it
    _exactly_once(database, [batch], answers)
