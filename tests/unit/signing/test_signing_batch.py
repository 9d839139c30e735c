"""Bulk signing with the real SoftHSM token: one token operation per batch, proofs that verify independently."""

from __future__ import annotations

from datetime import datetime

import cbor2
import pytest
from cryptography import x509
from sqlalchemy import func, select, text

from desktop.audit import verify_chain
from desktop.errors import Cancelled, UserError
from desktop.models import AuditEvent, Certificate, OutboxItem, SignedRecord, SigningBatch, VaccinationRecord
from desktop.signing.batch import Selection, batch_history, sign_cose_payload, sign_ready, summarize
from desktop.signing.handler import ScriptedHandler
from tests.unit.signing.independent import rfc6962_root, rfc9162_verify_inclusion, verify_cose_with_x5chain
from tests.unit.signing.support import PIN, add_list, add_records, copy_signing_workspace, template_workspace


@pytest.fixture
def ws(tmp_path_factory, tmp_path):
    workspace = copy_signing_workspace(template_workspace(tmp_path_factory), tmp_path / "ws")
    yield workspace
    workspace.close()


def stored(ws, batch_id):
    with ws.db.session() as s:
        batch = s.get(SigningBatch, batch_id)
        rows = s.execute(select(SignedRecord).where(SignedRecord.batch_id == batch_id)
                         .order_by(SignedRecord.leaf_index)).scalars().all()
        return batch, rows


def test_sign_all_ready_records_one_token_operation_and_independent_proofs(ws):
    list_id = add_list(ws)
    ids = add_records(ws, 37, list_id=list_id)
    add_records(ws, 3, list_id=list_id, check_status="mismatch", start=100)  # held for review
    handler = ScriptedHandler.with_pin(PIN)
    results = sign_ready(ws, handler, actor="lan")
    assert len(results) == 1 and results[0].records == 37 and results[0].token_operations == 1
    assert len(handler.summaries) == 1 and handler.summaries[0].held == 3
    assert handler.finished_calls == 1
    batch, rows = stored(ws, results[0].batch_id)
    payload, cert = verify_cose_with_x5chain(batch.manifest)
    ca = x509.load_pem_x509_certificate((ws.path / "pki" / "ministry-ca.pem").read_bytes())
    cert.verify_directly_issued_by(ca)
    assert cert == x509.load_pem_x509_certificate((ws.path / "pki" / "facility.pem").read_bytes())
    assert payload["batch_id"] == batch.id and payload["count"] == 37 and payload["kind"] == "issue"
    assert payload["signer"] == "01001" and payload["on_behalf_of"] == ["01001"]
    assert payload["hash_alg"] == "SHA-256" and payload["tree"] == "RFC9162" and payload["v"] == 1
    assert payload["root"].hex() == batch.merkle_root == results[0].merkle_root
    assert rfc6962_root([r.attestation for r in rows]) == payload["root"]
    for row in rows:
        proof = [bytes.fromhex(h) for h in row.proof]
        assert rfc9162_verify_inclusion(row.attestation, row.leaf_index, payload["count"], proof, payload["root"])
        assert not rfc9162_verify_inclusion(row.attestation + b"x", row.leaf_index, payload["count"], proof,
                                            payload["root"])
    assert [r.record_id for r in rows] == ids
    att = cbor2.loads(rows[0].attestation)
    assert cbor2.dumps(att, canonical=True) == rows[0].attestation  # deterministic encoding
    assert att["record_key"] == f"01001:{ids[0]}" and att["facility"] == "01001" and att["supersedes"] is None
    assert att["person"]["name"] == "Nguyễn Thị Hồng Nhung 0" and att["person"]["id_kind"] == "cccd"
    assert att["vaccination"] == {"tg": "840539006", "vp": "1119349007", "mp": "EU/1/20/1528", "ma": "ORG-100030215",
                                  "dn": 2, "sd": 2, "dt": "2026-11-26", "lot": "FK1234", "dose_number": 2,
                                  "country": "VN"}
    assert att["check"]["status"] == "matched" and att["check"]["decision"] is None
    with ws.db.session() as s:
        assert s.scalar(select(func.count()).where(VaccinationRecord.stage == "signed",
                                                   VaccinationRecord.batch_id == batch.id)) == 37
        assert s.get(OutboxItem, batch.id).state == "pending"
        events = s.execute(select(AuditEvent).where(AuditEvent.action.in_(("sign", "sign_batch")))).scalars().all()
        batch_event = [e for e in events if e.action == "sign_batch"][0]
        assert batch_event.after["token_serial"] == batch.token_serial != ""
        assert batch_event.after["certificate_sha256"] == batch.certificate_sha256
        assert sum(e.action == "sign" for e in events) == 37 and {e.actor for e in events} == {"lan"}
        assert verify_chain(s).ok
    # nothing is left to sign: a second run signs nothing and asks no PIN
    again = ScriptedHandler.with_pin(PIN)
    assert sign_ready(ws, again) == [] and again.pin_requests == []


def test_large_selection_becomes_several_batches_one_signature_each(ws):
    ws.settings.set("batch_size", 40)
    add_records(ws, 100)
    results = sign_ready(ws, ScriptedHandler.with_pin(PIN))
    assert [r.records for r in results] == [40, 40, 20]
    assert [r.token_operations for r in results] == [1, 1, 1]
    assert len({r.batch_id for r in results}) == 3


def test_selection_by_list_date_and_limit(ws):
    a, b = add_list(ws, "a.xlsx"), add_list(ws, "b.xlsx")
    add_records(ws, 5, list_id=a, vaccination_date="2026-11-25")
    add_records(ws, 7, list_id=b, vaccination_date="2026-11-26", start=10)
    summary = summarize(ws, Selection(list_id=b))
    assert summary.ready == 7 and "26/11" in summary.message().vi
    assert summary.message().en.startswith("Sign 7 records from the list of 26/11?")
    assert summarize(ws, Selection(vaccination_date="2026-11-25")).ready == 5
    results = sign_ready(ws, ScriptedHandler.with_pin(PIN), Selection(list_id=b, limit=4))
    assert sum(r.records for r in results) == 4
    assert summarize(ws, Selection()).ready == 8


def test_summary_wording_and_held_counts(ws):
    add_records(ws, 2341)
    add_records(ws, 10, check_status="mismatch", start=5000)
    add_records(ws, 2, check_status="not_found", decision="defer", start=6000)
    add_records(ws, 4, check_status="mismatch", decision="reject", start=7000)  # rejected: not held
    add_records(ws, 3, check_status="mismatch", decision="keep_list", start=8000)  # resolved: ready
    summary = summarize(ws)
    assert summary.ready == 2344 and summary.held == 12
    assert summary.message().vi.startswith("Ký 2.344 bản ghi")
    assert "12 bản ghi đang chờ đối chiếu" in summary.message().vi
    assert "12 held for review" in summary.message().en and "2,344" in summary.message().en


def test_nothing_is_signed_without_confirmation(ws):
    add_records(ws, 5)
    handler = ScriptedHandler.with_pin(PIN, confirm=False)
    with pytest.raises(Cancelled):
        sign_ready(ws, handler)
    assert handler.pin_requests == []  # the token was not even opened
    with ws.db.session() as s:
        assert s.scalar(select(func.count()).select_from(SigningBatch)) == 0


def test_corrections_go_in_their_own_batch_and_name_the_superseded_uvci(ws):
    old = add_records(ws, 1)[0]
    with ws.db.session() as s:  # the old record was signed and certified earlier
        s.execute(text("UPDATE vaccination_record SET stage='certified' WHERE id=:i"), {"i": old})
    with ws.db.session() as s:
        s.add(SigningBatch(id="00000000-0000-0000-0000-000000000001", facility_code="01001", record_count=1,
                           merkle_root="00" * 32, algorithm="PS256", manifest=b"x", kind="issue"))
        s.flush()
        s.add(Certificate(record_id=old, batch_id="00000000-0000-0000-0000-000000000001",
                          uvci="URN:UVCI:01:VN:0123456789ABCDEF0123456789ABCDEF", hc1="HC1:x",
                          issued_at=datetime(2026, 11, 1), expires_at=datetime(2027, 11, 1)))
    correction = add_records(ws, 1, supersedes_record_id=old, start=50)[0]
    waiting = add_records(ws, 1, supersedes_record_id=correction, start=60)[0]  # old one has no certificate yet
    add_records(ws, 3, start=70)
    results = sign_ready(ws, ScriptedHandler.with_pin(PIN))
    kinds = {r.kind: r for r in results}
    assert set(kinds) == {"issue", "correction"} and kinds["correction"].records == 1 and kinds["issue"].records == 3
    batch, rows = stored(ws, kinds["correction"].batch_id)
    payload, _cert = verify_cose_with_x5chain(batch.manifest)
    assert payload["kind"] == "correction" and batch.kind == "correction"
    att = cbor2.loads(rows[0].attestation)
    assert att["supersedes"] == "URN:UVCI:01:VN:0123456789ABCDEF0123456789ABCDEF" and rows[0].record_id == correction
    with ws.db.session() as s:
        assert s.get(VaccinationRecord, waiting).stage == "loaded"


def test_focal_agency_signs_for_its_facilities_only(ws):
    ws.settings.set("focal_agency", True)
    ws.settings.set("represented_facilities", ["01002", "01003"])
    add_records(ws, 2, facility_code="01002")
    add_records(ws, 3, facility_code="01003", start=10)
    add_records(ws, 4, facility_code="79001", start=20)  # not represented
    results = sign_ready(ws, ScriptedHandler.with_pin(PIN))
    assert len(results) == 1 and results[0].records == 5
    batch, rows = stored(ws, results[0].batch_id)
    payload, _ = verify_cose_with_x5chain(batch.manifest)
    assert payload["signer"] == "01001" and payload["on_behalf_of"] == ["01002", "01003"]
    assert batch.on_behalf_of == ["01002", "01003"]
    facilities = sorted(cbor2.loads(r.attestation)["facility"] for r in rows)
    assert facilities == ["01002", "01002", "01003", "01003", "01003"]
    assert all(cbor2.loads(r.attestation)["record_key"].startswith("01001:") for r in rows)


def test_a_facility_signs_only_its_own_records(ws):
    add_records(ws, 2)
    add_records(ws, 3, facility_code="01002", start=10)
    results = sign_ready(ws, ScriptedHandler.with_pin(PIN))
    assert [r.records for r in results] == [2]


def test_signed_batches_are_immutable(ws):
    add_records(ws, 3)
    [result] = sign_ready(ws, ScriptedHandler.with_pin(PIN))
    for statement in ("UPDATE signing_batch SET merkle_root = 'ff' WHERE id = :b",
                      "UPDATE signing_batch SET manifest = x'00' WHERE id = :b",
                      "DELETE FROM signing_batch WHERE id = :b",
                      "UPDATE signed_record SET proof = '[]' WHERE batch_id = :b",
                      "DELETE FROM signed_record WHERE batch_id = :b"):
        with pytest.raises(Exception, match="immutable"):
            with ws.db.session() as s:
                s.execute(text(statement), {"b": result.batch_id})
    with ws.db.session() as s:  # the state moves on as the batch is sent and countersigned
        s.execute(text("UPDATE signing_batch SET state = 'sent' WHERE id = :b"), {"b": result.batch_id})
    assert batch_history(ws)[0]["state"] == "sent"


def test_sign_cose_payload_for_revocations(ws):
    payload = cbor2.dumps({"v": 1, "uvci": "URN:UVCI:01:VN:ABC", "reason": "error", "facility": "01001",
                           "at": "2026-11-27T00:00:00Z"}, canonical=True)
    handler = ScriptedHandler.with_pin(PIN)
    signed = sign_cose_payload(ws, payload, handler)
    decoded, cert = verify_cose_with_x5chain(signed)
    assert decoded["uvci"] == "URN:UVCI:01:VN:ABC" and len(handler.pin_requests) == 1
    assert cert == x509.load_pem_x509_certificate((ws.path / "pki" / "facility.pem").read_bytes())


def test_refused_before_the_pin_when_the_certificate_is_another_facilitys(ws):
    ws.settings.set("facility_code", "79001")
    add_records(ws, 2, facility_code="79001")
    handler = ScriptedHandler.with_pin(PIN)
    with pytest.raises(UserError) as err:
        sign_ready(ws, handler)
    assert err.value.code == "certificate_wrong_facility" and "79001" in err.value.message.en
    assert handler.pin_requests == []  # refused before the PIN was asked


@pytest.mark.parametrize("algorithm", ["ES256", "RS256"])
def test_other_algorithms(tmp_path_factory, tmp_path, algorithm):
    template = template_workspace(tmp_path_factory, algorithm="ES256" if algorithm == "ES256" else None)
    ws = copy_signing_workspace(template, tmp_path / "ws")
    try:
        ws.settings.set("signing_algorithm", algorithm)
        add_records(ws, 9)
        [result] = sign_ready(ws, ScriptedHandler.with_pin(PIN))
        batch, rows = stored(ws, result.batch_id)
        assert batch.algorithm == algorithm and result.token_operations == 1
        payload, _ = verify_cose_with_x5chain(batch.manifest)
        assert payload["count"] == 9
    finally:
        ws.close()
