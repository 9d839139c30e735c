"""The token's status without a PIN, and a session's signature checked with ``cryptography``."""

from __future__ import annotations

import hashlib

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from desktop.signing.handler import ScriptedHandler
from desktop.signing.token import TokenSession, token_status
from tests.unit.signing.support import PIN, copy_signing_workspace, template_workspace


@pytest.fixture
def ws(tmp_path_factory, tmp_path):
    workspace = copy_signing_workspace(template_workspace(tmp_path_factory), tmp_path / "ws")
    yield workspace
    workspace.close()


def test_status_of_the_demo_token(ws):
    status = token_status(ws)
    assert status.present and status.label == "VAXDESK-DEMO" and status.serial
    assert status.holder == "Bệnh viện Bạch Mai" and status.facility_codes == ("01001",)
    assert status.problem is None and len(status.expires) == 10


def test_status_absent_and_wrong_facility(ws):
    ws.settings.set("facility_code", "79001")
    status = token_status(ws)
    assert status.present and status.problem_code == "certificate_wrong_facility"
    ws.settings.set("token_label", "NO-SUCH-TOKEN")
    status = token_status(ws)
    assert not status.present and status.problem_code == "token_absent"


def test_session_signs_ps256_verifiable_with_the_certificate(ws):
    handler = ScriptedHandler.with_pin(PIN)
    with TokenSession.open(ws, handler) as token:
        assert token.alg_name == "PS256" and token.token_label == "VAXDESK-DEMO"
        data = b"manifest bytes"
        signature = token.sign(data)
        assert token.token_operations == 1
        cert = token.certificate
        assert token.kid == hashlib.sha256(token.chain[0]).digest()[:8]
    assert cert == x509.load_pem_x509_certificate((ws.path / "pki" / "facility.pem").read_bytes())
    cert.public_key().verify(signature, data, padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32),
                             hashes.SHA256())
    assert handler.finished_calls == 1
