"""Test material for the central service: a Ministry CA, facility certificates, signed batches.

Facility keys here are in-memory ``cryptography`` keys (the real token path belongs to the signing
tests); the batch format is built with the same helpers the desktop uses (desktop.signing.manifest).
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from desktop.dcc.cose import KeySigner, kid_for_certificate
from desktop.signing import manifest as mf
from desktop.signing.merkle import leaf_hash, root_and_proofs
from services.central.service import CentralService
from services.central.setup import init_data, register


def make_ca(name: str = "Bộ Y tế - Test CA") -> tuple[Any, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    return key, cert


def make_signer(ca_key: Any, ca_cert: x509.Certificate, code: str, *, rsa_key: bool = False,
                not_before: datetime | None = None, not_after: datetime | None = None,
                digital_signature: bool = True) -> tuple[Any, x509.Certificate]:
    """A facility (or agency) certificate naming its code in UID as ``MCS:<code>``."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048) if rsa_key else ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    subject = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                         x509.NameAttribute(NameOID.USER_ID, f"MCS:{code}"),
                         x509.NameAttribute(NameOID.COMMON_NAME, f"Cơ sở {code}")])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(ca_cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before or now - timedelta(days=1))
            .not_valid_after(not_after or now + timedelta(days=365))
            .add_extension(x509.KeyUsage(digital_signature=digital_signature, content_commitment=False,
                                         key_encipherment=not digital_signature, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=False, crl_sign=False, encipher_only=False,
                                         decipher_only=False), critical=True)
            .sign(ca_key, hashes.SHA256()))
    return key, cert


def pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(Encoding.PEM)


_counter = iter(range(1, 10**9))


def new_id_number() -> str:
    """A 12-digit number unlikely to repeat across tests (random, not a real person's)."""
    return f"{uuid.uuid4().int % 10**12:012d}"


def attestation(facility: str = "01001", signer: str | None = None, record_id: int | None = None, *,
                name: str = "Nguyễn Thị Hồng Nhung", dob: str = "1990-05-17", id_number: str | None = None,
                dn: int = 1, sd: int = 2, dt: str = "2021-09-01", vp: str = "1119349007", mp: str = "EU/1/20/1528",
                ma: str = "ORG-100030215", supersedes: str | None = None) -> dict[str, Any]:
    record_id = record_id if record_id is not None else next(_counter)
    return {
        "v": 1,
        "record_key": f"{signer or facility}:{record_id}",
        "facility": facility,
        "person": {"name": name, "dob": dob, "sex": "F", "id": id_number or new_id_number(), "id_kind": "cccd",
                   "nationality": "VN"},
        "vaccination": {"tg": "840539006", "vp": vp, "mp": mp, "ma": ma, "dn": dn, "sd": sd, "dt": dt, "lot": "FK1234",
                        "dose_number": dn, "country": "VN"},
        "check": {"status": "matched", "decision": None, "reason": "", "checked_at": "2021-09-02T03:00:00Z"},
        "supersedes": supersedes,
    }


@dataclass
class Signed:
    """A facility able to sign batches in tests."""

    code: str
    key: Any
    cert: x509.Certificate
    chain: list[x509.Certificate] = field(default_factory=list)  # intermediates, if any
    credential: str = ""  # the bearer credential issued at registration

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.credential}"}

    @property
    def signer(self) -> KeySigner:
        return KeySigner(self.key, kid=kid_for_certificate(self.cert))


def build_batch(who: Signed, attestations: list[dict[str, Any]], *, batch_id: str | None = None, kind: str = "issue",
                on_behalf_of: list[str] | None = None, count: int | None = None,
                audit_head: dict[str, Any] | None = None) -> dict[str, Any]:
    """The JSON body of POST /v1/batches for ``attestations``, signed by ``who``."""
    raws = [mf.canonical(a) for a in attestations]
    root, proofs = root_and_proofs([leaf_hash(r) for r in raws])
    manifest = mf.manifest(batch_id or str(uuid.uuid4()), kind, who.code,
                           on_behalf_of or sorted({a["facility"] for a in attestations}),
                           datetime.now(UTC), count if count is not None else len(raws), root)
    if audit_head is not None:
        manifest["audit_head"] = audit_head
    chain = [who.cert.public_bytes(Encoding.DER)] + [c.public_bytes(Encoding.DER) for c in who.chain]
    cose_bytes = mf.sign_with_chain(mf.canonical(manifest), who.signer, chain)
    return {"manifest": base64.b64encode(cose_bytes).decode(),
            "records": [{"leaf_index": i, "attestation": base64.b64encode(r).decode(), "proof": [p.hex() for p in proof]}
                        for i, (r, proof) in enumerate(zip(raws, proofs, strict=True))]}


def sign_revocation(who: Signed, uvci: str, reason: str = "vaccination never happened", facility: str | None = None) -> dict:
    payload = mf.canonical({"v": 1, "uvci": uvci, "reason": reason, "facility": facility or who.code,
                            "at": "2026-01-01T00:00:00Z"})
    cose_bytes = mf.sign_with_chain(payload, who.signer, [who.cert.public_bytes(Encoding.DER)])
    return {"revocation": base64.b64encode(cose_bytes).decode()}


# -- databases ---------------------------------------------------------------------------------


@contextmanager
def database_url(kind: str, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a new PostgreSQL database dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'central-test.sqlite3'}"
        return
    from tests.pg import scratch_database

    with scratch_database("central") as url:
        yield url


def backends() -> list[Any]:
    import pytest

    from tests.pg import POSTGRES

    return ["sqlite", pytest.param("postgres", marks=POSTGRES)]


@dataclass
class CentralEnv:
    data: Path
    database_url: str
    service: CentralService
    ca_key: Any
    ca: Any
    facility: Signed

    def signer(self, code: str, register_as: str | None = "facility", facilities: list[str] | None = None,
               **kwargs: Any) -> Signed:
        key, cert = make_signer(self.ca_key, self.ca, code, **kwargs)
        done: dict[str, Any] = {}
        if register_as == "facility":
            done = register(self.data, "facility", self.database_url, code=code, name=code, certificate=pem(cert))
        elif register_as == "agency":
            done = register(self.data, "agency", self.database_url, code=code, certificate=pem(cert),
                            facilities=facilities or [])
        return Signed(code, key, cert, credential=done.get("credential", ""))

    def caller(self, who: Signed | None = None):
        """The service's view of ``who`` (default: the facility) presenting its credential."""
        return self.service.authenticate((who or self.facility).credential)


def make_env(tmp_path: Path, url: str, algorithm: str = "ES256", workers: int = 0) -> CentralEnv:
    data = tmp_path / "central"
    init_data(data, algorithm=algorithm, database_url=url, store_passphrase=True)
    ca_key, ca = make_ca()
    register(data, "trust_ca", certificate=pem(ca))
    key, cert = make_signer(ca_key, ca, "01001")
    done = register(data, "facility", code="01001", name="Bệnh viện Bạch Mai", certificate=pem(cert))
    service = CentralService(data, workers=workers)
    return CentralEnv(data, url, service, ca_key, ca, Signed("01001", key, cert, credential=done["credential"]))
