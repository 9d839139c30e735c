"""Revocation: refusals before the token is touched; local state changes only after the central accepts."""

from __future__ import annotations

import cbor2
import pytest
from sqlalchemy import select

from desktop.certificates.revocation import revoke_certificate
from desktop.dcc.cose import decode_sign1, sign1, verify_signature
from desktop.errors import UserError
from desktop.models import AuditEvent, Certificate, VaccinationRecord


class Recorder:
    def __init__(self, issuer, fail: Exception | None = None):
        self.issuer, self.fail = issuer, fail
        self.signed: list[bytes] = []
        self.sent: list[bytes] = []

    def sign(self, _workspace, payload: bytes, _handler) -> bytes:
        signed = sign1(payload, self.issuer.signer)
        self.signed.append(signed)
        return signed

    def send(self, _workspace, signed: bytes) -> dict:
        self.sent.append(signed)
        if self.fail:
            raise self.fail
        return {"uvci": "x", "revoked_at": "2026-11-27T00:00:00Z", "reason": "r", "superseded_by": None}


def uvci_of(workspace, cert_id):
    with workspace.db.session() as session:
        return session.get(Certificate, cert_id).uvci


def test_signed_payload_and_local_state(workspace, people, issuer):
    uvci = uvci_of(workspace, people[0])
    recorder = Recorder(issuer)
    result = revoke_certificate(workspace, uvci, "Cấp nhầm", None, "minh", sign=recorder.sign, send=recorder.send)
    assert result.status == "revoked" and result.revoked_at == "2026-11-27T00:00:00Z"
    message = decode_sign1(recorder.sent[0])
    verify_signature(message, issuer.trust_list().get(issuer.signer.kid).certificate.public_key())
    payload = cbor2.loads(message.payload)
    assert payload["v"] == 1 and payload["uvci"] == uvci and payload["reason"] == "Cấp nhầm"
    assert payload["facility"] == "01001" and payload["at"].endswith("Z")
    with workspace.db.session() as session:
        cert = session.get(Certificate, people[0])
        assert (cert.status, cert.revoked_reason) == ("revoked", "Cấp nhầm")
        assert session.get(VaccinationRecord, cert.record_id).stage == "revoked"
        event = session.execute(select(AuditEvent).where(AuditEvent.action == "certificate_revoked")).scalar_one()
        assert event.actor == "minh" and event.entity_id == uvci


def test_nothing_changes_when_the_central_service_is_unreachable(workspace, people, issuer):
    uvci = uvci_of(workspace, people[1])
    recorder = Recorder(issuer, fail=UserError("down", code="central_unavailable"))
    with pytest.raises(UserError):
        revoke_certificate(workspace, uvci, "Cấp nhầm", None, sign=recorder.sign, send=recorder.send)
    with workspace.db.session() as session:
        assert session.get(Certificate, people[1]).status == "valid"


@pytest.mark.parametrize("status,reason,code", [
    ("valid", "  ", "reason_required"),
    ("revoked", "x", "already_revoked"),
    ("superseded", "x", "already_superseded"),
])
def test_refused_before_touching_the_token(workspace, people, issuer, status, reason, code):
    with workspace.db.session() as session:
        cert = session.get(Certificate, people[2])
        cert.status = status
        uvci = cert.uvci
    recorder = Recorder(issuer)
    with pytest.raises(UserError) as err:
        revoke_certificate(workspace, uvci, reason, None, sign=recorder.sign, send=recorder.send)
    assert err.value.code == code and recorder.signed == []


def test_unknown_uvci(workspace, people, issuer):
    recorder = Recorder(issuer)
    with pytest.raises(UserError) as err:
        revoke_certificate(workspace, "URN:UVCI:01:VN:NONE", "x", None, sign=recorder.sign, send=recorder.send)
    assert err.value.code == "no_certificate"


def test_central_answer_of_an_earlier_supersession_wins(workspace, people, issuer):
    uvci = uvci_of(workspace, people[3])
    recorder = Recorder(issuer)
    recorder.send = lambda _w, signed: {"uvci": uvci, "revoked_at": "2026-01-01T00:00:00Z", "reason": "superseded",
                                        "superseded_by": "URN:UVCI:01:VN:NEWER"}
    result = revoke_certificate(workspace, uvci, "Cấp nhầm", None, sign=recorder.sign, send=recorder.send)
    assert result.status == "superseded"
    with workspace.db.session() as session:
        cert = session.get(Certificate, people[3])
        assert (cert.status, cert.superseded_by) == ("superseded", "URN:UVCI:01:VN:NEWER")
