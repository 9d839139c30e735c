"""Certificates for tests and benchmarks: real HC1 strings signed by a throw-away ES256 key,
stored as the sync engine stores them (record, batch, certificate rows)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from desktop.dcc.cose import KeySigner, kid_for_certificate
from desktop.dcc.hc1 import encode_hc1
from desktop.dcc.payload import build_vaccination_dcc
from desktop.dcc.trustlist import TrustList
from desktop.dcc.uvci import new_uvci
from desktop.models import Certificate, SigningBatch, VaccinationRecord
from desktop.text import fold

NAMES = [
    ("Nguyễn Thị Hồng Nhung", "1990-03-05", "F", "001190012345"),
    ("Đặng Văn Đức", "1985-11-20", "M", "079085001234"),
    ("Trần Bảo Duy", "2001-07-14", "M", "031201004567"),
    ("Lê Thị Thuý", "1978-01-30", "F", "036178009876"),
    ("Phạm Quốc Hưng", "1964", "M", "024064005555"),
]


@dataclass
class TestIssuer:
    signer: KeySigner
    certificate_der: bytes

    def trust_list(self) -> TrustList:
        trust = TrustList()
        trust.add_certificate(self.certificate_der)
        return trust


def make_issuer() -> TestIssuer:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "Test DSC")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=400))
            .not_valid_after(now + timedelta(days=800)).sign(key, hashes.SHA256()))
    der = cert.public_bytes(Encoding.DER)
    return TestIssuer(KeySigner(key, kid=kid_for_certificate(cert)), der)


def make_hc1(issuer: TestIssuer, full_name: str, dob: str, dose: int = 2, vaccination_date: str = "2021-09-01",
             uvci: str | None = None, issued_at: datetime | None = None, days: int = 365) -> tuple[str, str]:
    uvci = uvci or new_uvci()
    dcc = build_vaccination_dcc(full_name=full_name, dob=dob, vaccine="Pfizer", dose_number=dose,
                                vaccination_date=vaccination_date, uvci=uvci, total_series=2)
    issued_at = issued_at or datetime.now(UTC) - timedelta(days=1)
    return encode_hc1(dcc, issuer.signer, issued_at, issued_at + timedelta(days=days)), uvci


def new_batch(session, facility: str = "01001", count: int = 1) -> str:
    batch = SigningBatch(id=str(uuid.uuid4()), facility_code=facility, record_count=count, merkle_root="00" * 32,
                         algorithm="ES256", manifest=b"", state="countersigned")
    session.add(batch)
    session.flush()
    return batch.id


def add_certificate(session, issuer: TestIssuer, full_name: str, dob: str, sex: str = "F",
                    id_number: str = "001190012345", dose: int = 2, vaccination_date: str = "2021-09-01",
                    issued_at: datetime | None = None, days: int = 365, batch_id: str | None = None,
                    hc1: tuple[str, str] | None = None) -> Certificate:
    """One certified record with its certificate, as sync leaves them."""
    issued_at = issued_at or datetime.now(UTC) - timedelta(days=1)
    hc1_text, uvci = hc1 or make_hc1(issuer, full_name, dob, dose, vaccination_date, issued_at=issued_at, days=days)
    batch_id = batch_id or new_batch(session)
    record = VaccinationRecord(
        full_name=full_name, name_folded=fold(full_name), date_of_birth=dob, sex=sex, id_number=id_number,
        id_kind="cccd", nationality="VN", vaccine_name="Pfizer", vaccine_mp="EU/1/20/1528",
        vaccine_ma="ORG-100030215", vaccine_vp="1119349007", lot="FK1234", dose_number=dose, dn=dose, sd=2,
        vaccination_date=vaccination_date, check_status="matched", stage="certified", batch_id=batch_id,
        facility_code="01001",
    )
    session.add(record)
    session.flush()
    cert = Certificate(
        record_id=record.id, batch_id=batch_id, uvci=uvci, hc1=hc1_text, issued_at=issued_at,
        expires_at=issued_at + timedelta(days=days), full_name=full_name, name_folded=fold(full_name),
        id_number=id_number, vaccination_date=vaccination_date,
    )
    session.add(cert)
    session.flush()
    return cert


def add_people(workspace, issuer: TestIssuer, people=NAMES) -> list[int]:
    """The sample people, one certificate each; returns the certificate ids."""
    ids = []
    with workspace.db.session() as session:
        batch_id = new_batch(session, count=len(people))
        for name, dob, sex, id_number in people:
            ids.append(add_certificate(session, issuer, name, dob, sex, id_number, batch_id=batch_id).id)
    return ids
