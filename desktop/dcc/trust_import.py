"""Signing certificates other publishers distribute, read into the workspace's trust list.

A border officer verifies certificates from every country, so VaxDesk reads the forms in which
signing certificates (DSCs) travel:

- the EU DCC gateway's trust list JSON: a list of ``{"kid", "country", "certificateType",
  "rawData", "timestamp", …}`` (also wrapped as ``{"certificates": [...]}`` by national mirrors);
  only ``certificateType`` "DSC" entries (or entries without a type) are signing certificates;
- a PEM bundle (any number of ``BEGIN CERTIFICATE`` blocks) or one DER certificate;
- VaxDesk's own trust list (docs/certificate-format.md).

Imported certificates are kept apart from the list the central service publishes
(``pki/foreign-trust.json``; sync replaces ``pki/trustlist.json`` whenever it runs) and merged
with it whenever a certificate is verified. Each keeps its source and the date it was imported.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm

from desktop.dcc.cose import kid_for_certificate
from desktop.dcc.trustlist import (
    KID_SIZE,
    TrustedCertificate,
    TrustList,
    _allowed_types,
    _natural_algorithm,
    _subject_country,
    iso_utc,
)
from desktop.errors import UserError
from desktop.i18n import tr

FOREIGN_TRUST_FILENAME = "foreign-trust.json"
# A gateway list holds a few thousand certificates (~3 MB); anything far larger is not one.
MAX_IMPORT_BYTES = 64 * 1024 * 1024
_PEM_BEGIN = b"-----BEGIN CERTIFICATE-----"


@dataclass
class ImportReport:
    """What one import did: certificates added, already present, and entries refused (with why)."""

    source: str
    format: str
    added: int = 0
    already_present: int = 0
    skipped: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "format": self.format, "added": self.added,
                "already_present": self.already_present, "skipped": self.skipped}


def foreign_trust_path(workspace_dir: Path) -> Path:
    """Where a workspace keeps the signing certificates imported from other publishers."""
    return Path(workspace_dir) / "pki" / FOREIGN_TRUST_FILENAME


def load_foreign(workspace_dir: Path) -> TrustList | None:
    """The imported certificates, or None when nothing was ever imported."""
    path = foreign_trust_path(workspace_dir)
    return TrustList.load(path) if path.is_file() else None


def read_certificates(data: bytes, source: str, imported_at: datetime | None = None,
                      ) -> tuple[str, list[TrustedCertificate], list[str]]:
    """Parse one file in any supported form: (format name, certificates, skipped entries)."""
    added_at = iso_utc(imported_at or datetime.now(UTC))
    stripped = data.lstrip()
    if stripped[:1] in (b"[", b"{"):
        try:
            document = json.loads(data)
        except ValueError as exc:
            raise _unreadable(f"not JSON: {exc}") from exc
        return _from_json(document, source, added_at)
    try:
        if _PEM_BEGIN in data:
            return "pem", _from_pem(data, source, added_at), []
        try:
            certificate = x509.load_der_x509_certificate(data)
        except ValueError as exc:
            raise _unreadable("neither JSON, PEM nor a DER X.509 certificate") from exc
        return "der", [_entry(certificate, None, None, source, added_at)], []
    except ValueError as exc:
        raise _unreadable(str(exc)) from exc


def import_file(workspace_dir: Path, path: Path, source: str | None = None,
                imported_at: datetime | None = None) -> ImportReport:
    """Read ``path`` and merge its signing certificates into the workspace's imported list."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise _unreadable(f"larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(tr("Không đọc được tệp {file}: {err}", "Cannot read the file {file}: {err}",
                           file=str(path), err=exc.strerror or str(exc)), code="trust_import_unreadable") from exc
    name = source or path.name
    kind, entries, skipped = read_certificates(data, name, imported_at)
    report = ImportReport(source=name, format=kind, skipped=skipped)
    if not entries:
        raise _unreadable("it holds no signing certificate")
    trust = load_foreign(workspace_dir) or TrustList(issued_at=imported_at or datetime.now(UTC))
    for entry in entries:
        if trust.add_trusted(entry):
            report.added += 1
        else:
            report.already_present += 1
    _save(foreign_trust_path(workspace_dir), trust)
    return report


def _save(path: Path, trust: TrustList) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(trust.to_json(), encoding="utf-8")
    os.replace(tmp, path)


# ---------------------------------------------------------------------------------------------
# Forms


def _from_json(document: Any, source: str, added_at: str) -> tuple[str, list[TrustedCertificate], list[str]]:
    if isinstance(document, dict) and "version" in document and _looks_like_vaxdesk(document):
        trust = TrustList.from_json(document)
        entries: list[TrustedCertificate] = [_with_source(entry, source, added_at) for entry in trust]
        return "vaxdesk", entries, []
    if isinstance(document, dict) and isinstance(document.get("certificates"), list):
        document = document["certificates"]
    if not isinstance(document, list):
        raise _unreadable("expected an EU gateway trust list (a list of certificates) or a VaxDesk trust list")
    entries = []
    skipped: list[str] = []
    for index, item in enumerate(document):
        try:
            entry = _gateway_entry(item, source, added_at)
        except ValueError as exc:
            skipped.append(f"[{index}]: {exc}")
            continue
        if entry is not None:
            entries.append(entry)
    return "eu-gateway", entries, skipped


def _looks_like_vaxdesk(document: dict[str, Any]) -> bool:
    certificates = document.get("certificates")
    return isinstance(certificates, list) and all(isinstance(c, dict) and "certificate" in c for c in certificates)


def _gateway_entry(item: Any, source: str, added_at: str) -> TrustedCertificate | None:
    """One gateway entry; None for a certificate that is not a document signer (CSCA, upload…)."""
    if not isinstance(item, dict):
        raise ValueError("not an object")
    kind = item.get("certificateType")
    if kind is not None and kind != "DSC":
        return None
    raw = item.get("rawData")
    if not isinstance(raw, str):
        raise ValueError("no rawData")
    try:
        certificate = x509.load_der_x509_certificate(base64.b64decode(raw, validate=True))
    except (binascii.Error, ValueError) as exc:
        raise ValueError("rawData is not a base64 DER certificate") from exc
    kid = None
    if item.get("kid") is not None:
        try:
            kid = base64.b64decode(str(item["kid"]), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValueError("kid is not base64") from exc
        if len(kid) != KID_SIZE:
            raise ValueError(f"kid is {len(kid)} bytes, not {KID_SIZE}")
    country = item.get("country") if isinstance(item.get("country"), str) else None
    return _entry(certificate, kid, country, source, added_at)


def _from_pem(data: bytes, source: str, added_at: str) -> list[TrustedCertificate]:
    try:
        certificates = x509.load_pem_x509_certificates(data)
    except ValueError as exc:
        raise _unreadable(f"a PEM block is not a certificate: {exc}") from exc
    return [_entry(c, None, None, source, added_at) for c in certificates]


def _entry(certificate: x509.Certificate, kid: bytes | None, country: str | None, source: str,
           added_at: str) -> TrustedCertificate:
    try:
        return TrustedCertificate(kid=kid or kid_for_certificate(certificate),
                                  country=country or _subject_country(certificate),
                                  alg=_natural_algorithm(certificate), certificate=certificate,
                                  allowed_types=_allowed_types(certificate), source=source, added_at=added_at)
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise ValueError(f"the certificate's key cannot be used: {exc}") from exc


def _with_source(entry: TrustedCertificate, source: str, added_at: str) -> TrustedCertificate:
    return TrustedCertificate(kid=entry.kid, country=entry.country, alg=entry.alg, certificate=entry.certificate,
                              allowed_types=entry.allowed_types, source=entry.source or source,
                              added_at=entry.added_at or added_at)


def _unreadable(detail: str) -> UserError:
    return UserError(tr("Không nhập được chứng thư ký: {detail}", "Cannot import signing certificates: {detail}",
                        detail=detail), code="trust_import_invalid")
