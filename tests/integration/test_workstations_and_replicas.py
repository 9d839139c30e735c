"""The whole path at once: two workstations of one facility on one PostgreSQL database sign their share
of the records with the facility's SoftHSM token and sync them at the same time through nginx to two
replicas of the central service on a PostgreSQL database of its own. One replica is killed (SIGKILL)
while the syncs run and started again; a second sync sends whatever is still waiting. Afterwards no
signed record is without a certificate (0 lost), none has two (0 duplicates), the central holds
exactly one valid certificate per record, and both workstations see the central's certificates.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from benchmarks.central_scale import Cluster, Replica, _psycopg_url, nginx_available
from desktop.models import Certificate, OutboxItem, SignedRecord, VaccinationRecord
from desktop.sync import state as sync_state
from desktop.workspace import Workspace
from tests.helpers import ROOT, run_cli, signed_in_env
from tests.integration.workstations.shared import add_records, workstations
from tests.pg import POSTGRES, postgres_database, scratch_database  # noqa: F401 - provides the pg_url fixture

pytestmark = [pytest.mark.integration, *POSTGRES]
NGINX = pytest.mark.skipif(not nginx_available(), reason="nginx is not installed (apt-get install nginx-light)")

RECORDS = 72
BATCH = 4  # small batches: many requests in flight while the replica dies


def _facility_and_central(tmp_path: Path, facility_url: str, central_url: str, monkeypatch) -> tuple[list[Path], dict, Path]:
    """Two workstation folders on ``facility_url`` sharing the facility's token and central credential,
    the records, and a central data folder on ``central_url`` that knows the facility."""
    from desktop.demo.central import create_central_data
    from desktop.demo.token import create_demo_token
    from services.central.setup import init_data

    folders = workstations(tmp_path, facility_url, facility_name="Bệnh viện Bạch Mai", batch_size=BATCH,
                           central_timeout=20.0)
    monkeypatch.setenv("SOFTHSM2_CONF", str(tmp_path / "unused.conf"))  # create_demo_token sets it; restored after
    central_data = tmp_path / "central"
    ws = Workspace.open(folders[0])
    try:
        token = create_demo_token(ws, algorithm="ES256")["token"]
        # the replicas share this folder (DSC key, person-key); its database is PostgreSQL
        init_data(central_data, algorithm="ES256", database_url=central_url, store_passphrase=True)
        create_central_data(ws, central_data)
        add_records(ws, RECORDS, check_status="matched")
    finally:
        ws.close()
    # the second workstation: the same token settings, central credential and facility certificate
    for name in ("settings.json", "secrets.json"):
        shutil.copy2(folders[0] / name, folders[1] / name)
    shutil.copytree(folders[0] / "pki", folders[1] / "pki", dirs_exist_ok=True)
    return folders, token, central_data


def _sync(folder: Path, url: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--workspace", str(folder), "--json", "sync",
                             "--central", url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env=signed_in_env())


def _report(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=120)
    assert out, err
    return json.loads(out)


def _until_busy(replica: Replica, syncs: list[subprocess.Popen], cpu_seconds: float = 0.05,
                timeout: float = 30) -> None:
    start, deadline = replica.cpu_seconds(), time.monotonic() + timeout
    while replica.cpu_seconds() - start < cpu_seconds:
        assert time.monotonic() < deadline, f"replica {replica.port} never got to work"
        assert any(p.poll() is None for p in syncs), "the syncs ended before the replica got to work"
        time.sleep(0.01)


def _facility_certificates(folder: Path) -> tuple[dict[tuple[str, int], list[str]], dict[str, int]]:
    """As one workstation sees the facility database: (batch, leaf) of each signed record → its
    certificates' UVCIs, and the outbox's states."""
    ws = Workspace.open(folder)
    try:
        with ws.db.session() as s:
            leaves = {record_id: (batch_id, leaf) for record_id, batch_id, leaf in s.execute(
                select(SignedRecord.record_id, SignedRecord.batch_id, SignedRecord.leaf_index))}
            found: dict[tuple[str, int], list[str]] = {leaf: [] for leaf in leaves.values()}
            for record_id, uvci in s.execute(select(Certificate.record_id, Certificate.uvci)):
                found.setdefault(leaves.get(record_id, ("unsigned", record_id)), []).append(uvci)
            outbox = dict(s.execute(select(OutboxItem.state, func.count()).group_by(OutboxItem.state)).all())
            stages = dict(s.execute(select(VaccinationRecord.stage, func.count())
                                    .group_by(VaccinationRecord.stage)).all())
    finally:
        ws.close()
    return found, {**{f"outbox:{k}": v for k, v in outbox.items()}, **{f"stage:{k}": v for k, v in stages.items()}}


def _central_certificates(url: str) -> tuple[dict[tuple[str, int], list[str]], dict[str, int]]:
    """The central database: (batch, leaf) → UVCIs of the valid certificates; valid ones per record key."""
    by_leaf: dict[tuple[str, int], list[str]] = {}
    with psycopg.connect(_psycopg_url(url)) as conn:
        for batch_id, leaf, uvci in conn.execute(
                "SELECT batch_id, leaf_index, uvci FROM issued_certificate WHERE status = 'valid'"):
            by_leaf.setdefault((batch_id, leaf), []).append(uvci)
        per_record = dict(conn.execute("SELECT record_key, count(*) FROM issued_certificate "
                                       "WHERE status = 'valid' GROUP BY record_key").fetchall())
    return by_leaf, per_record


@NGINX
def test_two_workstations_sync_through_two_replicas_while_one_is_killed(tmp_path, pg_url, monkeypatch):
    with scratch_database("central") as central_url:
        (pc1, pc2), token, central_data = _facility_and_central(tmp_path, pg_url, central_url, monkeypatch)

        # each workstation signs its share with the token (one SoftHSM process each: SOFTHSM2_CONF)
        env = {"SOFTHSM2_CONF": token["softhsm2_conf"]}
        first = run_cli("--json", "sign", "--pin-stdin", "--limit", str(RECORDS // 2), workspace=pc1,
                        stdin=token["pin"] + "\n", env=env)
        assert first.code == 0, first.stderr
        second = run_cli("--json", "sign", "--pin-stdin", workspace=pc2, stdin=token["pin"] + "\n", env=env)
        assert second.code == 0, second.stderr
        signed = [sum(b["records"] for b in result.json["batches"]) for result in (first, second)]
        assert signed == [RECORDS // 2, RECORDS - RECORDS // 2]

        work = tmp_path / "cluster"
        work.mkdir()
        with Cluster(central_data, central_url, 2, work) as cluster:
            victim = cluster.members[0]
            syncs = [_sync(pc1, cluster.url), _sync(pc2, cluster.url)]
            try:
                _until_busy(victim, syncs)
                victim.signal(signal.SIGKILL)
                assert victim.proc is not None and victim.proc.wait(timeout=10) == -signal.SIGKILL
                reports = [_report(p) for p in syncs]
            finally:
                for p in syncs:
                    if p.poll() is None:
                        p.kill()
                        p.wait()
            # requests the dead replica held went on to the other one
            assert cluster.lb is not None and cluster.lb.retried()
            victim.start().wait_ready()  # back on its port; nginx takes it in again
            # the retries: whatever the first runs left waiting goes now, through both replicas again
            again = [_report(p) for p in [_sync(pc1, cluster.url), _sync(pc2, cluster.url)]]
        assert all(r["error"] is None and r["failed"] == [] and r["pending"] == 0 for r in again), again
        assert all(r["rejected"] == [] for r in reports + again)
        received = sum(r["certificates_received"] for r in reports + again)
        assert received == RECORDS, (reports, again)  # each batch's certificates stored once, by one workstation

        seen_by_pc1, state = _facility_certificates(pc1)
        seen_by_pc2, _ = _facility_certificates(pc2)
        central, per_record = _central_certificates(central_url)

    assert len(seen_by_pc1) == RECORDS
    lost = [leaf for leaf, uvcis in seen_by_pc1.items() if not uvcis]
    doubled = [leaf for leaf, uvcis in seen_by_pc1.items() if len(uvcis) > 1]
    assert (lost, doubled) == ([], []), state
    assert state == {"outbox:done": RECORDS // BATCH, "stage:certified": RECORDS}
    # the central: one valid certificate per record, and the very ones the workstations hold
    assert len(per_record) == RECORDS and set(per_record.values()) == {1}
    assert seen_by_pc1 == seen_by_pc2 == central


def test_two_runs_that_end_together_both_record_it(tmp_path, pg_url):
    """Two workstations finishing a sync at the same moment both write the run's facts: the second
    waits for the first and replaces them, it does not fail on the key."""
    first_ws, second_ws = (Workspace.open(folder) for folder in workstations(tmp_path, pg_url))
    errors: list[BaseException] = []

    def second_run() -> None:
        try:
            with second_ws.db.session() as session:
                sync_state.put(session, sync_state.LAST_RUN, {"at": "second"})
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    try:
        with first_ws.db.session() as session:
            sync_state.put(session, sync_state.LAST_RUN, {"at": "first"})
            session.flush()  # the row is written, not yet committed
            other = threading.Thread(target=second_run)
            other.start()
            other.join(0.5)
            assert other.is_alive(), "the second run waits for the first"
        other.join(10)
        assert errors == []
        with first_ws.db.session() as session:
            assert sync_state.get(session, sync_state.LAST_RUN) == {"at": "second"}
    finally:
        first_ws.close()
        second_ws.close()
