"""Keys, certificates and trust lists for the certificate-format tests (made once per session)."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import base45
import cbor2
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from desktop.dcc.cose import KeySigner, kid_for_certificate, sign1
from desktop.dcc.trustlist import TrustList

ROOT = Path(__file__).resolve().parents[3]


def _shared_dcc() -> Path:
    """``shared/dcc`` beside the project, or beside any folder above it (a git worktree)."""
    for folder in ROOT.parents:
        if (folder / "shared" / "dcc").is_dir():
            return folder / "shared" / "dcc"
    return ROOT.parent / "shared" / "dcc"


SHARED_DCC = _shared_dcc()
VECTORS_DIR = SHARED_DCC / "testdata" / "common"

ISSUED_AT = datetime(2025, 3, 1, 3, 0, tzinfo=UTC)
EXPIRES_AT = ISSUED_AT + timedelta(days=365)
CHECKED_AT = ISSUED_AT + timedelta(days=30)

KEY_USAGE_OIDS = {"t": "1.3.6.1.4.1.1847.2021.1.1", "v": "1.3.6.1.4.1.1847.2021.1.2", "r": "1.3.6.1.4.1.1847.2021.1.3"}


def vectors_or_skip() -> list[Path]:
    """The official vectors from ../shared/dcc, or a clean skip when that folder is absent."""
    files = sorted(VECTORS_DIR.glob("*.json")) if VECTORS_DIR.is_dir() else []
    if not files:
        pytest.skip(f"official DCC test vectors not found in {VECTORS_DIR} (../shared beside the project)")
    return files


def load_vector(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class SigningKey:
    private_key: Any
    certificate: x509.Certificate

    @property
    def kid(self) -> bytes:
        return kid_for_certificate(self.certificate)

    def signer(self) -> KeySigner:
        return KeySigner(self.private_key, kid=self.kid)


def make_certificate(private_key: Any, common_name: str, kinds: str | None = None) -> x509.Certificate:
    """A self-signed document signer certificate; ``kinds`` ("v", "tr" …) adds the DCC key usages."""
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    builder = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(private_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(ISSUED_AT - timedelta(days=1)).not_valid_after(ISSUED_AT + timedelta(days=730))
    )
    if kinds:
        usages = [x509.ObjectIdentifier(KEY_USAGE_OIDS[k]) for k in kinds]
        builder = builder.add_extension(x509.ExtendedKeyUsage(usages), critical=False)
    return builder.sign(private_key, hashes.SHA256())


@pytest.fixture(scope="session")
def es256_key() -> SigningKey:
    key = ec.generate_private_key(ec.SECP256R1())
    return SigningKey(key, make_certificate(key, "VaxDesk test DSC ES256"))


@pytest.fixture(scope="session")
def ps256_key() -> SigningKey:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return SigningKey(key, make_certificate(key, "VaxDesk test DSC PS256"))


@pytest.fixture
def trust_list(es256_key: SigningKey, ps256_key: SigningKey) -> TrustList:
    tl = TrustList(issued_at=ISSUED_AT)
    tl.add_certificate(es256_key.certificate)
    tl.add_certificate(ps256_key.certificate)
    return tl


def raw_hc1(dcc: Any, signer: Any, *, iat: Any = None, exp: Any = None, iss: str | None = "VN",
            claims: dict[Any, Any] | None = None, protected_extra: dict[int, Any] | None = None,
            unprotected: dict[int, Any] | None = None) -> str:
    """An HC1 string built *without* validation, for certificates the issuer would refuse."""
    if claims is None:
        claims = {6: int(ISSUED_AT.timestamp()) if iat is None else iat,
                  4: int(EXPIRES_AT.timestamp()) if exp is None else exp, -260: {1: dcc}}
        if iss is not None:
            claims[1] = iss
    cose = sign1(cbor2.dumps(claims), signer, protected_extra=protected_extra, unprotected=unprotected)
    return hc1_from_cose(cose)


def hc1_from_cose(cose: bytes) -> str:
    return "HC1:" + base45.b45encode(zlib.compress(cose, 9)).decode("ascii")


def cose_from_hc1(text: str) -> bytes:
    return zlib.decompress(base45.b45decode(text[4:]))


def sample_dcc(**overrides: Any) -> dict[str, Any]:
    """A valid Vietnamese vaccination payload; keyword arguments replace builder arguments."""
    from desktop.dcc.payload import build_vaccination_dcc
    from desktop.dcc.uvci import new_uvci

    arguments: dict[str, Any] = {
        "full_name": "Nguyễn Thị Hồng Nhung", "dob": "1990-05-07", "vaccine": "Pfizer", "dose_number": 2,
        "vaccination_date": "2021-09-15", "uvci": new_uvci(),
    }
    arguments.update(overrides)
    return build_vaccination_dcc(**arguments)
