"""The trust list: which signing certificates a verifier accepts, and which certificates are revoked.

The central service publishes exactly this JSON document (docs/certificate-format.md):

    {
      "version": 1,
      "issued_at": "2025-01-31T00:00:00Z",
      "certificates": [
        {"kid": "<base64 8 bytes>", "country": "VN", "alg": "PS256" | "ES256" | null,
         "certificate": "<base64 DER X.509>"}
      ],
      "revocations": [
        {"uvci_hash": "<base64 SHA-256 of the UVCI>", "revoked_at": "2025-01-30T08:00:00Z",
         "reason": "superseded"},
        {"uvci": "URN:UVCI:01:VN:…", "revoked_at": "…", "reason": "…"}
      ]
    }

Certificates are parsed once when the list is loaded, so a verifier's hot path is a dict look-up.
A revocation names one certificate (not a whole batch) either by its UVCI or, so that the
published list does not reveal identifiers, by the hash of it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from desktop.dcc.cose import ALGORITHM_NAMES, ALGORITHMS_BY_NAME, ES256, PS256, kid_for_certificate
from desktop.errors import UserError
from desktop.i18n import tr

TRUST_LIST_VERSION = 1
KID_SIZE = 8
TRUST_LIST_FILENAME = "trustlist.json"

# Extended key usages that restrict a DCC signing certificate to certain kinds of certificate
# (eHN "DCC technical specification" §5). The 1.3.6.1.4.1.0.1847… arc appears in the official
# test data and in some countries' production certificates, so both arcs are honoured.
_DCC_KEY_USAGE = {
    "1.3.6.1.4.1.1847.2021.1.1": "t", "1.3.6.1.4.1.1847.2021.1.2": "v", "1.3.6.1.4.1.1847.2021.1.3": "r",
    "1.3.6.1.4.1.0.1847.2021.1.1": "t", "1.3.6.1.4.1.0.1847.2021.1.2": "v", "1.3.6.1.4.1.0.1847.2021.1.3": "r",
}


@dataclass(frozen=True)
class TrustedCertificate:
    """A document signer certificate the verifier trusts, parsed once."""

    kid: bytes
    country: str | None
    alg: int | None  # None: any algorithm its key fits
    certificate: x509.Certificate
    allowed_types: frozenset[str] | None  # "v", "t", "r"; None: every kind
    # Where a certificate imported from another publisher came from, and when (ISO 8601 UTC).
    source: str | None = field(default=None, compare=False)
    added_at: str | None = field(default=None, compare=False)
    public_key: Any = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Parsed once: verifying thousands of certificates must not re-read the key each time.
        object.__setattr__(self, "public_key", self.certificate.public_key())

    @property
    def der(self) -> bytes:
        return self.certificate.public_bytes(Encoding.DER)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kid": _b64(self.kid),
            "country": self.country,
            "alg": ALGORITHM_NAMES.get(self.alg) if self.alg is not None else None,
            "certificate": _b64(self.der),
        }
        if self.source is not None:
            out["source"] = self.source
        if self.added_at is not None:
            out["added_at"] = self.added_at
        return out


@dataclass(frozen=True)
class Revocation:
    uvci_hash: bytes
    revoked_at: str
    reason: str
    uvci: str | None = None  # published only when the publisher chose to show it

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"uvci_hash": _b64(self.uvci_hash), "revoked_at": self.revoked_at, "reason": self.reason}
        if self.uvci is not None:
            out["uvci"] = self.uvci
        return out


def workspace_trust_list_path(workspace_dir: Path) -> Path:
    """Where a workspace keeps the trust list it last received from the central service."""
    return Path(workspace_dir) / "pki" / TRUST_LIST_FILENAME


def uvci_hash(uvci: str) -> bytes:
    """SHA-256 of the UVCI's UTF-8 bytes, exactly as written in the certificate's ``ci``."""
    return hashlib.sha256(uvci.encode("utf-8")).digest()


class TrustList:
    """Trusted signing certificates by kid, plus revoked UVCIs."""

    def __init__(self, issued_at: datetime | None = None):
        self.issued_at = issued_at
        self._by_kid: dict[bytes, list[TrustedCertificate]] = {}
        self._revoked: dict[bytes, Revocation] = {}

    # -- reading and writing -------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path) -> TrustList:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise UserError(tr("Không đọc được danh sách tin cậy {file}: {err}",
                               "Cannot read the trust list {file}: {err}", file=str(path), err=exc.strerror or str(exc)),
                            code="trust_list_unreadable") from exc
        return cls.from_json(text)

    @classmethod
    def from_json(cls, document: str | bytes | dict[str, Any]) -> TrustList:
        """Parse a trust list document; a malformed one is refused as a whole, naming the entry."""
        try:
            data = json.loads(document) if isinstance(document, (str, bytes)) else document
        except ValueError as exc:
            raise _invalid(f"not JSON: {exc}") from exc
        if not isinstance(data, dict) or data.get("version") != TRUST_LIST_VERSION:
            raise _invalid(f"expected an object with \"version\": {TRUST_LIST_VERSION}")
        trust_list = cls(issued_at=_parse_time(data.get("issued_at"), "issued_at"))
        for index, entry in enumerate(_list(data, "certificates")):
            trust_list._add(_certificate_from_json(entry, index))
        trust_list.add_revocations(data)
        return trust_list

    def add_revocations(self, document: str | bytes | dict[str, Any]) -> int:
        """Merge a ``{"revocations": [...]}`` document (e.g. the central service's
        ``GET /v1/revocations``); extra fields such as ``superseded_by`` are ignored. Returns
        how many entries it held."""
        try:
            data = json.loads(document) if isinstance(document, (str, bytes)) else document
        except ValueError as exc:
            raise _invalid(f"not JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise _invalid("expected an object with \"revocations\"")
        entries = [_revocation_from_json(entry, index) for index, entry in enumerate(_list(data, "revocations"))]
        for revocation in entries:
            self._revoked[revocation.uvci_hash] = revocation
        return len(entries)

    def to_json(self) -> str:
        document = {
            "version": TRUST_LIST_VERSION,
            "issued_at": iso_utc(self.issued_at) if self.issued_at else None,
            "certificates": [c.as_json() for c in self],
            "revocations": [r.as_json() for r in self._revoked.values()],
        }
        return json.dumps(document, ensure_ascii=False, indent=2)

    # -- certificates ----------------------------------------------------------------------------

    def add_certificate(self, cert: x509.Certificate | bytes, country: str | None = None,
                        alg: int | str | None = None, kid: bytes | None = None) -> TrustedCertificate:
        """Trust ``cert`` (X.509 object or DER). Country defaults to the subject's C, the
        algorithm to the one its key implies, the kid to SHA-256(DER)[:8]."""
        certificate = cert if isinstance(cert, x509.Certificate) else x509.load_der_x509_certificate(cert)
        alg_value = ALGORITHMS_BY_NAME[alg] if isinstance(alg, str) else alg
        entry = TrustedCertificate(
            kid=kid if kid is not None else kid_for_certificate(certificate),
            country=country if country is not None else _subject_country(certificate),
            alg=alg_value if alg_value is not None else _natural_algorithm(certificate),
            certificate=certificate,
            allowed_types=_allowed_types(certificate),
        )
        self._add(entry)
        return entry

    def _add(self, entry: TrustedCertificate) -> bool:
        candidates = self._by_kid.setdefault(entry.kid, [])
        if all(c.certificate != entry.certificate for c in candidates):
            candidates.append(entry)
            return True
        return False

    def add_trusted(self, entry: TrustedCertificate) -> bool:
        """Add an already parsed entry; False when this kid already has this certificate."""
        return self._add(entry)

    def merge(self, other: TrustList) -> int:
        """Add every certificate and revocation of ``other``; returns how many certificates were new."""
        added = sum(1 for entry in other if self._add(entry))
        for revocation in other.revocations:
            self._revoked.setdefault(revocation.uvci_hash, revocation)
        return added

    def get(self, kid: bytes) -> TrustedCertificate | None:
        """The certificate for ``kid`` (the first, should a kid ever collide)."""
        candidates = self._by_kid.get(kid)
        return candidates[0] if candidates else None

    def certificates_for(self, kid: bytes) -> list[TrustedCertificate]:
        """Every certificate with this kid: kids are 8-byte hashes, so a verifier tries each."""
        return list(self._by_kid.get(kid, ()))

    def __contains__(self, kid: object) -> bool:
        return kid in self._by_kid

    def __iter__(self) -> Iterator[TrustedCertificate]:
        for candidates in self._by_kid.values():
            yield from candidates

    def __len__(self) -> int:
        return sum(len(c) for c in self._by_kid.values())

    # -- revocation ------------------------------------------------------------------------------

    def revoke(self, uvci: str, reason: str, revoked_at: datetime | None = None,
               publish_uvci: bool = False) -> Revocation:
        """Revoke one certificate; by default only the UVCI's hash is published."""
        revocation = Revocation(
            uvci_hash=uvci_hash(uvci),
            revoked_at=iso_utc(revoked_at or datetime.now(UTC)),
            reason=reason,
            uvci=uvci if publish_uvci else None,
        )
        self._revoked[revocation.uvci_hash] = revocation
        return revocation

    def revocation_for(self, uvci: str) -> Revocation | None:
        return self._revoked.get(uvci_hash(uvci))

    def is_revoked(self, uvci: str) -> bool:
        return uvci_hash(uvci) in self._revoked

    @property
    def revocations(self) -> list[Revocation]:
        return list(self._revoked.values())


# ---------------------------------------------------------------------------------------------
# Entries


def _certificate_from_json(entry: Any, index: int) -> TrustedCertificate:
    where = f"certificates[{index}]"
    if not isinstance(entry, dict):
        raise _invalid(f"{where} is not an object")
    try:
        certificate = x509.load_der_x509_certificate(_unb64(entry.get("certificate"), f"{where}.certificate"))
    except ValueError as exc:
        raise _invalid(f"{where}.certificate is not a DER X.509 certificate: {exc}") from exc
    kid = _unb64(entry["kid"], f"{where}.kid") if entry.get("kid") is not None else kid_for_certificate(certificate)
    if len(kid) != KID_SIZE:
        raise _invalid(f"{where}.kid must be {KID_SIZE} bytes, not {len(kid)}")
    alg = entry.get("alg")
    if alg is not None and alg not in ALGORITHMS_BY_NAME:
        raise _invalid(f"{where}.alg must be \"ES256\", \"PS256\" or null, not {alg!r}")
    country = entry.get("country")
    if country is not None and not isinstance(country, str):
        raise _invalid(f"{where}.country must be a string")
    source, added_at = entry.get("source"), entry.get("added_at")
    return TrustedCertificate(kid=kid, country=country, alg=ALGORITHMS_BY_NAME.get(alg) if alg else None,
                              certificate=certificate, allowed_types=_allowed_types(certificate),
                              source=source if isinstance(source, str) else None,
                              added_at=added_at if isinstance(added_at, str) else None)


def _revocation_from_json(entry: Any, index: int) -> Revocation:
    where = f"revocations[{index}]"
    if not isinstance(entry, dict):
        raise _invalid(f"{where} is not an object")
    uvci = entry.get("uvci")
    if uvci is not None and not isinstance(uvci, str):
        raise _invalid(f"{where}.uvci must be a string")
    if entry.get("uvci_hash") is not None:
        digest = _unb64(entry["uvci_hash"], f"{where}.uvci_hash")
        if len(digest) != 32 or (uvci is not None and digest != uvci_hash(uvci)):
            raise _invalid(f"{where}.uvci_hash is not the SHA-256 of the UVCI")
    elif uvci is not None:
        digest = uvci_hash(uvci)
    else:
        raise _invalid(f"{where} needs \"uvci_hash\" or \"uvci\"")
    revoked_at, reason = entry.get("revoked_at") or "", entry.get("reason") or ""
    if not isinstance(revoked_at, str) or not isinstance(reason, str):
        raise _invalid(f"{where}.revoked_at and .reason must be strings")
    return Revocation(uvci_hash=digest, revoked_at=revoked_at, reason=reason, uvci=uvci)


def _allowed_types(certificate: x509.Certificate) -> frozenset[str] | None:
    """The DCC kinds the certificate may sign, from its extended key usage; None: no restriction.

    A certificate whose extensions cannot be parsed (official vector CO15) is treated like one
    without the DCC key usages: the restriction is optional, trust comes from the list itself.
    """
    try:
        usages = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except (x509.ExtensionNotFound, ValueError):
        return None
    kinds = frozenset(_DCC_KEY_USAGE[oid.dotted_string] for oid in usages if oid.dotted_string in _DCC_KEY_USAGE)
    return kinds or None


def _natural_algorithm(certificate: x509.Certificate) -> int | None:
    key = certificate.public_key()
    if isinstance(key, ec.EllipticCurvePublicKey) and isinstance(key.curve, ec.SECP256R1):
        return ES256
    if isinstance(key, rsa.RSAPublicKey):
        return PS256
    return None


def _subject_country(certificate: x509.Certificate) -> str | None:
    values = certificate.subject.get_attributes_for_oid(NameOID.COUNTRY_NAME)
    return str(values[0].value) if values else None


# ---------------------------------------------------------------------------------------------
# Small helpers


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise _invalid(f"\"{key}\" must be a list")
    return value


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, where: str) -> bytes:
    if not isinstance(value, str):
        raise _invalid(f"{where} must be a base64 string")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _invalid(f"{where} is not valid base64") from exc


def iso_utc(moment: datetime) -> str:
    """``2025-03-01T03:00:00Z``: the one time format of the trust list and of verification results."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_time(value: Any, where: str) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise _invalid(f"{where} is not an ISO 8601 time") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _invalid(detail: str) -> UserError:
    return UserError(tr("Danh sách tin cậy không hợp lệ: {detail}", "The trust list is invalid: {detail}", detail=detail),
                     code="trust_list_invalid")
