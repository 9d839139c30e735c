"""A sync run against a real HTTP server on 127.0.0.1 that answers like the central service (or
misbehaves): certificates stored once, rejections sent back to review, failures retried later."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import timedelta

from sqlalchemy import func, select
from sync_factory import make_records, sign_batch

from desktop.audit import verify_chain
from desktop.models import AuditEvent, Certificate, OutboxItem, SigningBatch, VaccinationRecord
from desktop.models.base import utcnow
from desktop.sync import retry_failed, set_paused, sync, sync_status, trust_list_path
from desktop.sync.outbox import claim_next


def _counts(ws):
    with ws.db.session() as s:
        return {
            "certs": s.scalar(select(func.count(Certificate.id))),
            "distinct_records": s.scalar(select(func.count(func.distinct(Certificate.record_id)))),
            "stages": dict(s.execute(select(VaccinationRecord.stage, func.count()).group_by(VaccinationRecord.stage)).all()),
            "outbox": dict(s.execute(select(OutboxItem.state, func.count()).group_by(OutboxItem.state)).all()),
        }


def _signed(ws, facility, sizes=(3, 2)):
    batches = []
    for n in sizes:
        ids = make_records(ws.db, n, seed=len(batches) + n)
        batches.append(sign_batch(ws.db, ids, facility))
    return batches


def test_sync_stores_verified_certificates_once(ws, facility):
    batches = _signed(ws, facility)
    report = sync(ws, actor="lan")
    assert report.error is None and report.online
    assert (report.sent, report.accepted, report.certificates_received, report.pending) == (2, 5, 5, 0)
    counts = _counts(ws)
    assert counts["certs"] == counts["distinct_records"] == 5
    assert counts["stages"] == {"certified": 5} and counts["outbox"] == {"done": 2}
    with ws.db.session() as s:
        cert = s.execute(select(Certificate).limit(1)).scalar_one()
        record = s.get(VaccinationRecord, cert.record_id)
        assert cert.full_name == record.full_name and cert.id_number == record.id_number
        from desktop.text import fold

        assert cert.vaccination_date == "2021-09-15" and cert.name_folded == fold(record.full_name)
        assert cert.name_folded.isascii() and cert.hc1.startswith("HC1:")
        assert {b.state for b in s.execute(select(SigningBatch)).scalars()} == {"countersigned"}
        assert verify_chain(s).ok
        actions = set(s.execute(select(AuditEvent.action)).scalars())
    assert {"sync.sent", "sync.certified", "sync.batch_result"} <= actions
    assert trust_list_path(ws).exists()
    again = sync(ws)
    assert (again.sent, again.certificates_received) == (0, 0)
    assert _counts(ws) == counts
    status = sync_status(ws.db)
    assert status["last_success_at"] and status["pending_batches"] == 0 and status["done_batches"] == len(batches)


def test_rejected_records_go_back_with_the_central_reason(ws, facility, issuer):
    issuer.options = {"reject": {1}}
    _signed(ws, facility, sizes=(3,))
    report = sync(ws)
    assert report.accepted == 2 and len(report.rejected) == 1
    rejected = report.rejected[0]
    assert rejected["reason"] == "dose_already_certified"
    with ws.db.session() as s:
        record = s.get(VaccinationRecord, rejected["record_id"])
        assert record.stage == "rejected_central"
        assert record.central_reason.startswith("dose_already_certified: ")
        assert "Mũi này đã có chứng nhận" in record.central_reason
        assert s.execute(select(SigningBatch)).scalar_one().state == "partly_rejected"


def test_all_rejected_batch_is_rejected(ws, facility, issuer):
    issuer.options = {"reject": {0, 1}}
    _signed(ws, facility, sizes=(2,))
    sync(ws)
    with ws.db.session() as s:
        assert s.execute(select(SigningBatch)).scalar_one().state == "rejected"


def test_a_tampered_certificate_is_an_alarm_not_a_certificate(ws, facility, issuer):
    issuer.options = {"tamper": {1: {"dt": "2021-09-16"}}}
    [batch_id] = _signed(ws, facility, sizes=(3,))
    report = sync(ws)
    assert report.failed and report.failed[0]["code"] == "certificate_mismatch"
    assert "CẢNH BÁO" in report.failed[0]["message"]["vi"] and "ALARM" in report.failed[0]["message"]["en"]
    counts = _counts(ws)
    assert counts["certs"] == 0 and counts["outbox"] == {"failed": 1}
    with ws.db.session() as s:
        assert s.scalar(select(func.count()).where(AuditEvent.action == "sync.certificate_alarm")) == 1
    status = sync_status(ws.db)
    assert status["batches"][0]["last_error_code"] == "certificate_mismatch"
    # after the cause is dealt with (here: the central fixed its answer), the batch can be requeued
    issuer.options = {}
    issuer.stored.clear()
    assert retry_failed(ws.db, "it") == [batch_id]
    sync(ws)
    assert _counts(ws)["certs"] == 3


def test_server_errors_and_garbage_are_retried_later(ws, facility, server):
    [batch_id] = _signed(ws, facility, sizes=(2,))
    for mode in ("500", "503", "garbage"):
        server.modes_for = {"/v1/batches": mode}
        report = sync(ws)
        assert report.error["code"] == "central_unavailable"
        with ws.db.session() as s:
            item = s.get(OutboxItem, batch_id)
            assert item.state == "pending" and item.next_attempt_at > utcnow() and item.last_error
    # not due yet: a scheduled (not forced) run leaves it alone
    server.modes_for = {}
    report = sync(ws, force=False)
    assert report.sent == 0 and report.pending == 2
    report = sync(ws)
    assert report.accepted == 2 and _counts(ws)["outbox"] == {"done": 1}


def test_a_hanging_central_times_out_quickly(ws, facility, server):
    _signed(ws, facility, sizes=(1,))
    server.modes_for = {"/v1/batches": "hang"}
    started = time.monotonic()
    report = sync(ws, timeout=1.0)
    assert time.monotonic() - started < 10
    assert report.error["code"] == "central_unavailable"
    assert "kịp thời" in report.error["vi"]
    server.release.set()


def test_central_down_at_start_keeps_everything(ws, facility, server):
    _signed(ws, facility, sizes=(2,))
    port = server.httpd.server_address[1]
    server.close()
    report = sync(ws)
    assert not report.online and report.error["code"] == "central_unavailable" and report.pending == 2
    assert _counts(ws)["outbox"] == {"pending": 1}
    assert port  # the server is gone; nothing was lost


def test_whole_batch_refusal_needs_attention(ws, facility, server):
    _signed(ws, facility, sizes=(2,))
    server.modes_for = {"/v1/batches": "refuse"}
    report = sync(ws)
    assert report.failed[0]["code"] == "signer_not_authorised"
    assert "not registered" in report.failed[0]["message"]["en"]
    assert _counts(ws)["outbox"] == {"failed": 1}


def test_lost_response_then_resend_gets_the_stored_results(ws, facility, server, issuer):
    _signed(ws, facility, sizes=(3,))
    server.modes_for = {"/v1/batches": "drop"}
    report = sync(ws)
    assert report.error is not None and len(issuer.stored) == 1  # the issuer stored it; we never heard
    server.modes_for = {}
    report = sync(ws)
    assert report.accepted == 3
    assert ("GET", f"/v1/batches/{next(iter(issuer.stored))}") in server.requests
    assert _counts(ws)["certs"] == 3


def test_pause_stops_background_runs_only(ws, facility):
    _signed(ws, facility, sizes=(1,))
    set_paused(ws.db, True, "lan")
    report = sync(ws, background=True)
    assert report.paused and report.pending == 1
    assert sync_status(ws.db)["paused"] is True
    assert sync(ws).accepted == 1  # "Sync now" still works
    set_paused(ws.db, False, "lan")
    assert sync_status(ws.db)["paused"] is False


def test_revocations_update_local_certificates(ws, facility, issuer):
    _signed(ws, facility, sizes=(2,))
    sync(ws)
    with ws.db.session() as s:
        uvcis = list(s.execute(select(Certificate.uvci).order_by(Certificate.id)).scalars())
    issuer.revocations = [{"uvci": uvcis[0], "revoked_at": "2025-01-01T00:00:00Z", "reason": "revoked_by_facility",
                           "superseded_by": None},
                          {"uvci": uvcis[1], "revoked_at": "2025-01-01T00:00:00Z", "reason": "superseded",
                           "superseded_by": "URN:UVCI:01:VN:" + "B" * 32}]
    report = sync(ws)
    assert sorted(report.revoked) == sorted(uvcis)
    with ws.db.session() as s:
        statuses = dict(s.execute(select(Certificate.uvci, Certificate.status)).all())
        stages = set(s.execute(select(VaccinationRecord.stage)).scalars())
    assert statuses == {uvcis[0]: "revoked", uvcis[1]: "superseded"}
    assert stages == {"revoked", "superseded"}
    cached = json.loads(trust_list_path(ws).read_text())
    assert {r.get("uvci") for r in cached["revocations"]} == set(uvcis)
    assert sync(ws).revoked == []  # applied once


def test_claims_are_exclusive_and_dead_holders_lose_theirs(ws, facility):
    [batch_id] = _signed(ws, facility, sizes=(1,))
    first = claim_next(ws.db, "me:1:a", force=True, lease_seconds=300, actor="t")
    assert first is not None and first.batch_id == batch_id
    assert claim_next(ws.db, "other-host:2:b", force=True, lease_seconds=300, actor="t") is None
    # a holder on this machine whose process is gone
    import socket

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    from desktop.models.outbox_lease import OutboxLease

    with ws.db.session() as s:
        s.get(OutboxLease, batch_id).holder = f"{socket.gethostname()}:{dead.pid}:x"
    again = claim_next(ws.db, "other-host:2:b", force=True, lease_seconds=300, actor="t")
    assert again is not None and again.resend and again.attempts == 2
    # an expired lease is taken over too
    with ws.db.session() as s:
        lease = s.get(OutboxLease, batch_id)
        lease.holder, lease.lease_until = "far-away:3:c", utcnow() - timedelta(seconds=1)
    assert claim_next(ws.db, "me:1:a", force=True, lease_seconds=300, actor="t") is not None


def test_a_bug_while_storing_hands_the_batches_back(ws, facility, monkeypatch):
    import pytest

    from desktop.models.outbox_lease import OutboxLease
    from desktop.sync import engine

    _signed(ws, facility, sizes=(2, 2))

    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(engine, "store_result", broken)
    with pytest.raises(RuntimeError):
        sync(ws)
    with ws.db.session() as s:
        assert set(s.execute(select(OutboxItem.state)).scalars()) == {"pending"}
        assert s.scalar(select(func.count()).select_from(OutboxLease)) == 0
    monkeypatch.undo()
    assert sync(ws).accepted == 4
