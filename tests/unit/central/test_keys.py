"""The Document Signer key: encrypted on disk, its passphrase from the environment (or, only when asked
for, a private file beside it)."""

from __future__ import annotations

import os

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID, ObjectIdentifier

from desktop.errors import UserError
from services.central.keys import PASSPHRASE_ENV
from services.central.service import CentralService
from services.central.setup import init_data


def test_passphrase_from_the_environment_is_never_written(tmp_path, monkeypatch):
    monkeypatch.setenv(PASSPHRASE_ENV, "correct horse battery staple")
    out = init_data(tmp_path / "c", algorithm="ES256")
    assert out["passphrase"] == "environment" and not (tmp_path / "c" / "key-passphrase").exists()
    assert b"correct horse" not in b"".join(p.read_bytes() for p in (tmp_path / "c").iterdir() if p.is_file())
    CentralService(tmp_path / "c", workers=0).close()
    monkeypatch.setenv(PASSPHRASE_ENV, "wrong")
    with pytest.raises(UserError) as err:
        CentralService(tmp_path / "c", workers=0)
    assert err.value.code == "key_unreadable"
    monkeypatch.delenv(PASSPHRASE_ENV)
    with pytest.raises(UserError) as err:
        CentralService(tmp_path / "c", workers=0)
    assert err.value.code == "key_passphrase_missing"


def test_by_default_no_passphrase_is_kept_beside_the_key(tmp_path, monkeypatch):
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    with pytest.raises(UserError) as err:
        init_data(tmp_path / "c", algorithm="ES256")
    assert err.value.code == "key_passphrase_missing" and PASSPHRASE_ENV in err.value.message.en
    assert not (tmp_path / "c").exists()
    out = init_data(tmp_path / "c", algorithm="ES256", passphrase="typed at a prompt")
    assert out["passphrase"] == "given" and not (tmp_path / "c" / "key-passphrase").exists()
    CentralService(tmp_path / "c", workers=0, passphrase=b"typed at a prompt").close()


def test_a_passphrase_file_others_can_read_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    init_data(tmp_path / "c", algorithm="ES256", store_passphrase=True)
    assert (tmp_path / "c" / "key-passphrase").stat().st_mode & 0o777 == 0o600
    os.chmod(tmp_path / "c" / "key-passphrase", 0o644)
    with pytest.raises(UserError) as err:
        CentralService(tmp_path / "c", workers=0)
    assert err.value.code == "key_passphrase_exposed"


def test_dsc_is_issued_by_the_csca_for_vaccinations_with_the_dcc_kid(tmp_path, monkeypatch):
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    out = init_data(tmp_path / "c", store_passphrase=True)  # PS256 by default
    dsc = x509.load_pem_x509_certificate((tmp_path / "c" / "dsc.pem").read_bytes())
    csca = x509.load_pem_x509_certificate((tmp_path / "c" / "csca.pem").read_bytes())
    dsc.verify_directly_issued_by(csca)
    assert "CN=VN CSCA demo" in csca.subject.rfc4514_string()
    assert dsc.public_key().key_size == 2048 and out["algorithm"] == "PS256"
    eku = dsc.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ObjectIdentifier("1.3.6.1.4.1.1847.2021.1.2")] and ExtendedKeyUsageOID.SERVER_AUTH not in eku
    from desktop.dcc.cose import kid_for_certificate

    assert out["kid"] == kid_for_certificate(dsc).hex()
    assert (tmp_path / "c").stat().st_mode & 0o777 == 0o700
    with pytest.raises(UserError) as err:
        init_data(tmp_path / "c", store_passphrase=True)
    assert err.value.code == "central_exists"
