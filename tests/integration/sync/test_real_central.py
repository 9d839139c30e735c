"""Sync against the real central service over HTTP on 127.0.0.1, with the faults of issue 6.

In every case: no lost record, no duplicate certificate, and the outbox converges once the fault
clears. "Converged" means every batch is done and every record has exactly one valid certificate.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest
from sqlalchemy import func, select
from sync_factory import FaultyServer, make_records, sign_batch

from desktop.audit import verify_chain
from desktop.models import Certificate, OutboxItem, VaccinationRecord
from desktop.sync import KILL_AFTER_RECEIVE, sync
from tests.helpers import ROOT, run_cli, signed_in_env

pytestmark = pytest.mark.integration


def batches(ws, facility, sizes):
    out = []
    for n in sizes:
        ids = make_records(ws.db, n, seed=len(out) * 100 + n)
        out.append(sign_batch(ws.db, ids, facility))
    return out


def assert_converged(ws, records: int):
    with ws.db.session() as s:
        certs = s.scalar(select(func.count(Certificate.id)))
        valid_per_record = s.execute(
            select(Certificate.record_id, func.count()).where(Certificate.status == "valid")
            .group_by(Certificate.record_id).having(func.count() > 1)).all()
        stages = dict(s.execute(select(VaccinationRecord.stage, func.count()).group_by(VaccinationRecord.stage)).all())
        outbox = dict(s.execute(select(OutboxItem.state, func.count()).group_by(OutboxItem.state)).all())
        assert verify_chain(s).ok
    assert valid_per_record == []
    assert certs == records, f"{certs} certificates for {records} records"
    assert stages == {"certified": records}
    assert set(outbox) == {"done"}


def test_happy_path_and_duplicate_send(ws, central, file_facility):
    facility, _ = file_facility
    batches(ws, facility, (5, 3))
    report = sync(ws)
    assert report.error is None, report.error
    assert (report.sent, report.accepted, report.certificates_received) == (2, 8, 8)
    assert_converged(ws, 8)
    # a duplicate send of a stored batch returns the stored results and changes nothing
    with ws.db.session() as s:
        for item in s.execute(select(OutboxItem)).scalars():
            item.state = "pending"
    report = sync(ws)
    assert report.certificates_received == 0
    assert_converged(ws, 8)


def test_central_down_at_start_then_back(ws, central, file_facility):
    facility, _ = file_facility
    batches(ws, facility, (4,))
    central.stop()
    report = sync(ws)
    assert not report.online and report.pending == 4
    central.start()
    report = sync(ws)
    assert report.accepted == 4
    assert_converged(ws, 4)


def test_central_goes_down_between_batches(ws, central, file_facility):
    facility, _ = file_facility
    batches(ws, facility, (3, 3, 3))
    proxy = FaultyServer(upstream=central.url)
    try:
        ws.settings.set("central_url", proxy.url)
        sent = []

        original = proxy._answer

        def answer_then_die(method, path, body):
            result = original(method, path, body)
            if method == "POST":
                sent.append(path)
                if len(sent) == 1:
                    central.stop()  # down after the first batch was answered
            return result

        proxy._answer = answer_then_die
        report = sync(ws)
        assert report.sent == 1 and report.error is not None and report.pending == 6
        central.start()
        report = sync(ws)
        assert report.sent == 2
    finally:
        proxy.close()
    assert_converged(ws, 9)


def test_central_killed_during_a_request(ws, central, file_facility):
    facility, _ = file_facility
    batches(ws, facility, (3,))
    proxy = FaultyServer(upstream=central.url)
    try:
        ws.settings.set("central_url", proxy.url)
        original = proxy._answer

        def kill_mid_request(method, path, body):
            if method == "POST":
                central.kill()
            return original(method, path, body)

        proxy._answer = kill_mid_request
        report = sync(ws)
        assert report.error is not None and report.pending == 3
        proxy._answer = original
        central.start()
        assert sync(ws).accepted == 3
    finally:
        proxy.close()
    assert_converged(ws, 3)


def test_response_lost_after_the_central_stored_the_batch(ws, central, file_facility):
    facility, _ = file_facility
    [batch_id] = batches(ws, facility, (4,))
    proxy = FaultyServer(upstream=central.url)
    try:
        ws.settings.set("central_url", proxy.url)
        proxy.modes_for = {"/v1/batches": "drop"}  # forwarded, stored upstream, answer dropped
        report = sync(ws)
        assert report.error is not None and report.certificates_received == 0
        import httpx

        stored = httpx.get(f"{central.url}/v1/batches/{batch_id}",
                           headers={"Authorization": f"Bearer {central.credential}"}).json()
        assert len(stored["results"]) == 4  # the central did store it
        proxy.modes_for = {}
        report = sync(ws)
        assert report.accepted == 4
        assert ("GET", f"/v1/batches/{batch_id}") in proxy.requests
        uvcis = {r["uvci"] for r in stored["results"]}
        with ws.db.session() as s:
            assert set(s.execute(select(Certificate.uvci)).scalars()) == uvcis
    finally:
        proxy.close()
    assert_converged(ws, 4)


@pytest.mark.parametrize("mode", ["500", "503", "garbage", "hang"])
def test_misbehaving_central_then_recovery(ws, central, file_facility, mode):
    facility, _ = file_facility
    batches(ws, facility, (2,))
    proxy = FaultyServer(upstream=central.url)
    try:
        ws.settings.set("central_url", proxy.url)
        proxy.mode = mode
        report = sync(ws, timeout=1.5)
        assert report.error is not None and report.error["code"] == "central_unavailable"
        assert report.pending == 2 and report.certificates_received == 0
        proxy.mode = "ok"
        proxy.release.set()
        report = sync(ws)
        assert report.accepted == 2, report.error
    finally:
        proxy.close()
    assert_converged(ws, 2)


def _cli_sync(workspace, central_url, env=None, timeout=120):
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--workspace", str(workspace.path), "--json", "sync",
         "--central", central_url],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env=signed_in_env(workspace.path, **(env or {})))


def test_app_killed_between_receiving_and_storing(ws, central, file_facility):
    facility, _ = file_facility
    batches(ws, facility, (5,))
    proc = _cli_sync(ws, central.url, env={KILL_AFTER_RECEIVE: "1"})
    proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    with ws.db.session() as s:
        assert s.scalar(select(func.count(Certificate.id))) == 0
        assert s.execute(select(OutboxItem.state)).scalar_one() == "sending"  # left mid-flight
    result = run_cli("--json", "sync", "--central", central.url, workspace=ws.path)
    assert result.code == 0, result.stderr
    assert result.json["accepted"] == 5
    assert_converged(ws, 5)


def test_two_processes_syncing_the_same_workspace(ws, central, file_facility):
    facility, _ = file_facility
    batches(ws, facility, (4,) * 8)
    procs = [_cli_sync(ws, central.url) for _ in range(2)]
    outputs = [p.communicate(timeout=180) for p in procs]
    reports = [json.loads(out) for out, _err in outputs]
    assert all(p.returncode == 0 for p in procs), [err for _o, err in outputs]
    assert sum(r["sent"] for r in reports) == 8, [r["sent"] for r in reports]
    assert sum(r["certificates_received"] for r in reports) == 32
    assert_converged(ws, 32)


def test_rejections_from_the_real_central_go_back_to_review(ws, central, file_facility):
    facility, _ = file_facility
    ids = make_records(ws.db, 3)
    sign_batch(ws.db, ids, facility)
    assert sync(ws).accepted == 3
    # the same doses signed again in a new batch: the central refuses them (dose already certified)
    with ws.db.session() as s:
        originals = [s.get(VaccinationRecord, i) for i in ids]
        copies = [VaccinationRecord(**{c.name: getattr(r, c.name) for c in VaccinationRecord.__table__.columns
                                       if c.name not in ("id", "batch_id", "stage", "created_at", "updated_at")})
                  for r in originals]
        s.add_all(copies)
        s.flush()
        copy_ids = [c.id for c in copies]
    sign_batch(ws.db, copy_ids, facility)
    report = sync(ws)
    assert report.accepted == 0 and len(report.rejected) == 3
    assert {r["reason"] for r in report.rejected} == {"dose_already_certified"}
    with ws.db.session() as s:
        for record_id in copy_ids:
            record = s.get(VaccinationRecord, record_id)
            assert record.stage == "rejected_central" and record.central_reason.startswith("dose_already_certified")
        assert s.scalar(select(func.count(Certificate.id))) == 3
