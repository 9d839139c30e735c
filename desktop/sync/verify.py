"""Check every certificate the central service sends before it is stored.

Two questions, both must be yes:

1. Did the central service sign it? The COSE signature must verify with the Document Signer
   certificate the cached trust list names under the certificate's ``kid``.
2. Is it the certificate of the record we signed? Name, date of birth and the vaccination fields of
   the DCC must equal the attestation the facility signed for that record, and its UVCI the one the
   central service reported. A certificate that fails either test is an alarm, never a certificate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from desktop.dcc.errors import CertificateUnreadable
from desktop.dcc.hc1 import decode_hc1, signature_problems
from desktop.dcc.names import normalise_name
from desktop.dcc.trustlist import TrustList
from desktop.errors import UserError
from desktop.i18n import Message, tr

VACCINATION_FIELDS = ("mp", "ma", "vp", "dn", "sd", "dt")


@dataclass(frozen=True)
class Mismatch:
    """One reason a received certificate is not accepted; ``field`` names what differs."""

    code: str  # "undecodable" | "unknown_kid" | "bad_signature" | "content" | "uvci"
    field: str
    expected: str = ""
    received: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code, "field": self.field, "expected": self.expected, "received": self.received}


@dataclass
class VerifiedCertificate:
    uvci: str
    dcc: dict[str, Any]
    issued_at: datetime | None
    expires_at: datetime | None
    problems: list[Mismatch] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def load_trust_list_document(document: Any) -> TrustList:
    """A trust list from the central's JSON document; an unreadable document trusts nothing."""
    try:
        return TrustList.from_json(document)
    except UserError:
        return TrustList()


def verify_received(hc1: str, uvci: str, attestation: dict[str, Any], trust: TrustList) -> VerifiedCertificate:
    """Verify one certificate against the trust list and the attestation it was issued for."""
    try:
        cert = decode_hc1(hc1)
    except CertificateUnreadable as exc:
        unreadable = f"{exc.problem.code}: {exc.problem.message.en}"
        return VerifiedCertificate(uvci, {}, None, None, [Mismatch("undecodable", "hc1", "", unreadable)])
    problems: list[Mismatch] = []
    for found in signature_problems(cert, trust):
        if found.severity != "error":
            continue
        code = "unknown_kid" if found.code == "unknown_kid" else "bad_signature"
        problems.append(Mismatch(code, "signature", "", (cert.kid or b"").hex() if code == "unknown_kid" else found.code))
    problems += content_mismatches(cert.dcc, uvci, attestation)
    return VerifiedCertificate(uvci, cert.dcc, cert.issued_at, cert.expires_at, problems)


def content_mismatches(dcc: dict[str, Any], uvci: str, attestation: dict[str, Any]) -> list[Mismatch]:
    """Fields of the DCC that differ from what the facility signed for this record."""
    person = attestation.get("person") or {}
    vaccination = attestation.get("vaccination") or {}
    if _exactly_as_signed(dcc, uvci, person, vaccination):
        return []
    return _field_mismatches(dcc, uvci, person, vaccination)


def _field_mismatches(dcc: dict[str, Any], uvci: str, person: Any, vaccination: Any) -> list[Mismatch]:
    """The comparison field by field, naming each difference."""
    out: list[Mismatch] = []
    nam = cast(dict[str, Any], dcc.get("nam") if isinstance(dcc.get("nam"), dict) else {})
    received_name = normalise_name(" ".join(str(nam.get(k) or "") for k in ("fn", "gn")))
    expected_name = normalise_name(str(person.get("name") or ""))
    if received_name != expected_name:
        out.append(Mismatch("content", "name", expected_name, received_name))
    if str(dcc.get("dob") or "") != str(person.get("dob") or ""):
        out.append(Mismatch("content", "dob", str(person.get("dob") or ""), str(dcc.get("dob") or "")))
    entries = dcc.get("v")
    entry = entries[0] if isinstance(entries, list) and entries and isinstance(entries[0], dict) else {}
    if not entry:
        out.append(Mismatch("content", "v", "1 vaccination", "none"))
    for name in VACCINATION_FIELDS:
        expected, received = vaccination.get(name), entry.get(name)
        if name in ("dn", "sd"):
            same = isinstance(received, int) and not isinstance(received, bool) and received == expected
        else:
            same = str(received) == str(expected)
        if entry and not same:
            out.append(Mismatch("content", f"v[0].{name}", str(expected), str(received)))
    if entry and entry.get("ci") != uvci:
        out.append(Mismatch("uvci", "v[0].ci", uvci, str(entry.get("ci"))))
    return out


def _exactly_as_signed(dcc: dict[str, Any], uvci: str, person: Any, vaccination: Any) -> bool:
    """The usual case, decided without building any text: every compared field has exactly the
    signed value and type. False sends the certificate through the field-by-field comparison
    (which may still find it equal, e.g. a name written in another Unicode form)."""
    nam, entries = dcc.get("nam"), dcc.get("v")
    if type(nam) is not dict or type(entries) is not list or not entries or type(entries[0]) is not dict:
        return False
    if type(person) is not dict or type(vaccination) is not dict:
        return False
    entry = entries[0]
    fn, gn, dob = nam.get("fn"), nam.get("gn"), dcc.get("dob")
    if not (type(fn) is str and type(gn) is str and fn and gn and f"{fn} {gn}" == person.get("name")):
        return False
    if type(dob) is not str or dob != person.get("dob") or entry.get("ci") != uvci:
        return False
    for name in ("mp", "ma", "vp", "dt"):
        value = entry.get(name)
        if type(value) is not str or value != vaccination.get(name):
            return False
    for name in ("dn", "sd"):
        value = entry.get(name)
        if type(value) is not int or value != vaccination.get(name):
            return False
    return True


def describe(problems: list[Mismatch]) -> Message:
    """A plain, bilingual sentence naming what was wrong with the first problem."""
    first = problems[0]
    if first.code == "unknown_kid":
        return tr("chữ ký bằng khoá không có trong danh sách tin cậy (kid {kid})",
                  "signed with a key that is not on the trust list (kid {kid})", kid=first.received)
    if first.code == "bad_signature":
        return tr("chữ ký không hợp lệ", "the signature does not verify")
    if first.code == "undecodable":
        return tr("không đọc được chứng nhận ({detail})", "the certificate cannot be read ({detail})",
                  detail=first.received)
    return tr("trường {field} khác dữ liệu đã ký: đã ký \"{expected}\", nhận \"{received}\"",
              "field {field} differs from the signed data: signed \"{expected}\", received \"{received}\"",
              field=first.field, expected=first.expected, received=first.received)
