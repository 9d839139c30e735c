"""Who may submit: facilities and focal agencies with their certificates, and the trusted Ministry CAs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.i18n import tr
from services.central.models import Agency, Facility, SignerRevocation, TrustedCA, utcnow
from services.central.pki import der_sha256, load_pem_certificate, spki_sha256

_CODE = re.compile(r"[A-Za-z0-9._-]{1,20}")


def _check_code(code: str) -> str:
    code = code.strip()
    if not _CODE.fullmatch(code):
        raise UserError(tr("Mã cơ sở \"{code}\" không hợp lệ (1-20 chữ, số, . _ -).",
                           "The facility code \"{code}\" is not valid (1-20 letters, digits, . _ -).", code=code),
                        code="bad_facility_code")
    return code


def _certificate(pem: str | bytes) -> x509.Certificate:
    try:
        return load_pem_certificate(pem)
    except ValueError as exc:
        raise UserError(tr("Không đọc được chứng thư: {err}", "Cannot read the certificate: {err}", err=str(exc)),
                        code="bad_certificate") from exc


def _pem(cert: x509.Certificate) -> str:
    return cert.public_bytes(Encoding.PEM).decode("ascii")


def add_facility(session: Session, code: str, name: str, certificate_pem: str | bytes, active: bool = True) -> dict[str, Any]:
    """Register (or update) a facility and the certificate its token signs with."""
    code = _check_code(code)
    cert = _certificate(certificate_pem)
    row = session.get(Facility, code) or Facility(code=code)
    row.name, row.certificate_pem, row.spki_sha256, row.active = name, _pem(cert), spki_sha256(cert), active
    session.add(row)
    return {"code": code, "name": name, "subject": cert.subject.rfc4514_string(), "certificate_sha256": der_sha256(cert),
            "active": active}


def add_agency(session: Session, code: str, certificate_pem: str | bytes, facilities: list[str],
               name: str = "") -> dict[str, Any]:
    """Register (or update) a focal agency allowed to sign for ``facilities``."""
    code = _check_code(code)
    cert = _certificate(certificate_pem)
    codes = sorted({_check_code(f) for f in facilities})
    if not codes:
        raise UserError(tr("Hãy nêu các cơ sở mà đơn vị đầu mối được ký thay.",
                           "List the facilities the focal agency may sign for."), code="agency_no_facilities")
    row = session.get(Agency, code) or Agency(code=code)
    row.name, row.certificate_pem, row.spki_sha256, row.facilities, row.active = (
        name, _pem(cert), spki_sha256(cert), codes, True)
    session.add(row)
    return {"code": code, "facilities": codes, "subject": cert.subject.rfc4514_string(),
            "certificate_sha256": der_sha256(cert)}


def trust_ca(session: Session, certificate_pem: str | bytes) -> dict[str, Any]:
    cert = _certificate(certificate_pem)
    try:
        is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    if not is_ca:
        raise UserError(tr("Chứng thư {subject} không phải chứng thư CA.", "The certificate {subject} is not a CA.",
                           subject=cert.subject.rfc4514_string()), code="not_a_ca")
    digest = der_sha256(cert)
    if session.get(TrustedCA, digest) is None:
        session.add(TrustedCA(sha256=digest, subject=cert.subject.rfc4514_string(), certificate_pem=_pem(cert)))
    return {"sha256": digest, "subject": cert.subject.rfc4514_string()}


def revoke_signer(session: Session, certificate_pem: str | bytes, reason: str) -> dict[str, Any]:
    """Stop a facility or agency certificate from signing, effective for the next request."""
    cert = _certificate(certificate_pem)
    digest = der_sha256(cert)
    if session.get(SignerRevocation, digest) is None:
        session.add(SignerRevocation(sha256=digest, serial=format(cert.serial_number, "x"), reason=reason,
                                     revoked_at=utcnow()))
    return {"certificate_sha256": digest, "reason": reason}


@dataclass(frozen=True)
class SignerIdentity:
    """A registered key holder: a facility (signs for itself) or an agency (for its facilities)."""

    kind: str  # "facility" | "agency"
    code: str
    active: bool
    facilities: frozenset[str]


def identities_for(session: Session, cert: x509.Certificate) -> list[SignerIdentity]:
    """Every registration whose certificate holds the same public key as ``cert``."""
    spki = spki_sha256(cert)
    out = [SignerIdentity("facility", f.code, f.active, frozenset({f.code}))
           for f in session.scalars(select(Facility).where(Facility.spki_sha256 == spki))]
    out += [SignerIdentity("agency", a.code, a.active, frozenset(a.facilities))
            for a in session.scalars(select(Agency).where(Agency.spki_sha256 == spki))]
    return out


def trusted_cas(session: Session) -> list[x509.Certificate]:
    return [load_pem_certificate(row.certificate_pem) for row in session.scalars(select(TrustedCA))]


def revoked_signers(session: Session) -> set[str]:
    return set(session.scalars(select(SignerRevocation.sha256)))


def registered_certificates(session: Session) -> list[x509.Certificate]:
    rows = [f.certificate_pem for f in session.scalars(select(Facility))]
    rows += [a.certificate_pem for a in session.scalars(select(Agency))]
    return [load_pem_certificate(p) for p in rows]
