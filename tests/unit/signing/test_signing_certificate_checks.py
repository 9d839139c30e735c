"""The certificate must be valid today, able to sign, and this facility's; modules resolve by name or path."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from desktop.demo.token import issue_facility_certificate
from desktop.errors import UserError
from desktop.signing.certcheck import certificate_facility_codes, check_certificate
from desktop.signing.handler import CommandLineHandler, PinRequest
from desktop.signing.modules import KNOWN_MODULES, resolve_module


@pytest.fixture(scope="module")
def ca():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bộ Y tế - Demo CA")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=99))
            .sign(key, hashes.SHA256()))
    return cert, key


@pytest.fixture(scope="module")
def facility_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def test_a_good_certificate_passes(ca, facility_key):
    cert = issue_facility_certificate(*ca, facility_key.public_key(), "01001", "Bệnh viện Bạch Mai")
    check_certificate(cert, "01001")
    assert certificate_facility_codes(cert) == {"01001"}


@pytest.mark.parametrize("kwargs, now_shift, code", [
    ({"days": 1, "not_before": datetime.now(UTC) - timedelta(days=3)}, 0, "certificate_expired"),
    ({"not_before": datetime.now(UTC) + timedelta(days=2)}, 0, "certificate_not_yet_valid"),
    ({"key_usage": False}, 0, "certificate_no_signing_usage"),
])
def test_refusals(ca, facility_key, kwargs, now_shift, code):
    cert = issue_facility_certificate(*ca, facility_key.public_key(), "01001", "Bệnh viện Bạch Mai", **kwargs)
    with pytest.raises(UserError) as err:
        check_certificate(cert, "01001")
    assert err.value.code == code
    assert err.value.message.vi != err.value.message.en


def test_another_facilitys_certificate_is_refused(ca, facility_key):
    cert = issue_facility_certificate(*ca, facility_key.public_key(), "01002", "Bệnh viện E")
    with pytest.raises(UserError) as err:
        check_certificate(cert, "01001")
    assert err.value.code == "certificate_wrong_facility"
    assert "01002" in err.value.message.en and "01001" in err.value.message.vi


def test_facility_code_in_ou_or_serial_number(ca, facility_key):
    now = datetime.now(UTC)
    for attrs in ([x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "01001")],
                  [x509.NameAttribute(NameOID.SERIAL_NUMBER, "MCS:01001")]):
        cert = (x509.CertificateBuilder().subject_name(x509.Name(attrs + [x509.NameAttribute(NameOID.COMMON_NAME, "X")]))
                .issuer_name(ca[0].subject).public_key(facility_key.public_key()).serial_number(5)
                .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=5))
                .sign(ca[1], hashes.SHA256()))
        assert certificate_facility_codes(cert) == {"01001"}


def test_known_modules_and_paths(tmp_path):
    assert {"VNPT-CA", "Viettel-CA", "BKAV-CA", "FPT-CA"} <= set(KNOWN_MODULES)
    assert any("vnptca_p11_v8.dll" in p for p in KNOWN_MODULES["VNPT-CA"].windows)
    lib = tmp_path / "vendor.so"
    lib.write_bytes(b"\x7fELF")
    assert resolve_module(str(lib)) == str(lib)
    assert resolve_module("SoftHSM2 (demo, test)").endswith("libsofthsm2.so")
    with pytest.raises(UserError) as err:
        resolve_module(str(tmp_path / "missing.dll"))
    assert err.value.code == "token_module_missing"


def test_command_line_handler_reads_one_line_and_never_retries():
    handler = CommandLineHandler(stdin=io.StringIO("12345678\nsecond\n"), use_stdin=True, err=io.StringIO())
    request = PinRequest("VAXDESK-DEMO", "abc")
    assert handler.ask_pin(request) == "12345678"
    with pytest.raises(UserError) as err:
        handler.ask_pin(PinRequest("VAXDESK-DEMO", "abc", problem=None, attempt=2))
    assert err.value.code == "pin_incorrect"


def test_command_line_handler_env_and_missing(monkeypatch):
    monkeypatch.setenv("VAXDESK_TOKEN_PIN", "87654321")
    assert CommandLineHandler(stdin=io.StringIO(""), err=io.StringIO()).ask_pin(PinRequest("L", "S")) == "87654321"
    monkeypatch.delenv("VAXDESK_TOKEN_PIN")
    with pytest.raises(UserError) as err:
        CommandLineHandler(stdin=io.StringIO(""), use_stdin=True, err=io.StringIO()).ask_pin(PinRequest("L", "S"))
    assert err.value.code == "pin_missing"
