"""The HC1 pipeline: DCC payload <-> "HC1:…" string, and verification against a trust list.

    DCC dict → CBOR → CWT {1: iss, 6: iat, 4: exp, -260: {1: DCC}} → COSE_Sign1 (tag 18)
             → zlib (level 9) → Base45 → "HC1:" + text

Each decoding step reports its own problem code (``prefix``, ``base45``, ``zlib``, ``cbor``,
``cose_structure``, ``cwt_structure``), and verification adds the signature, validity, schema,
value-set and revocation findings, so a clerk or a border officer learns *what* is wrong.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import cbor2

from desktop.dcc import uvci as uvci_rules
from desktop.dcc.base45 import b45decode, b45encode, b45encode_many
from desktop.dcc.cbor_scan import DCC_LIMITS
from desktop.dcc.cose import (
    ALGORITHM_NAMES,
    CoseError,
    Sign1Message,
    Sign1Writer,
    Signer,
    decode_sign1,
    loads_strict,
    verify_signature,
)
from desktop.dcc.errors import CertificateUnreadable, PayloadRefused
from desktop.dcc.problems import Problem, errors, problem
from desktop.dcc.trustlist import KID_SIZE, TrustedCertificate, TrustList, iso_utc
from desktop.dcc.validate import ENTRY_GROUPS, validate_payload
from desktop.dcc.valuesets import value_set
from desktop.errors import UserError
from desktop.i18n import tr

PREFIX = "HC1:"
CWT_ISS = 1
CWT_EXP = 4
CWT_IAT = 6
CWT_HCERT = -260
HCERT_EU_DCC = 1
ZLIB_LEVEL = 9
# The eHN specification asks for a zlib stream (RFC 1950) with Deflate (RFC 1951) and fixes neither
# the level nor the window. A certificate is a random signature and short, distinct fields, so
# Deflate saves only a few bytes (392 bytes of ES256 COSE → 399 at level 9 against 403 as stored
# blocks), but those bytes matter: a stored stream needs a larger QR code for some certificates, and
# the printed code must stay readable by every decoder at 200 dpi. Level 9 it stays (lower levels
# cost the same on data this short: the Huffman coding, not the search, takes the time), and the
# header says 32 KiB because verifiers in the field look for the 0x78 first byte to decide whether
# the data is compressed.
#
# ``zlib_level9`` writes exactly ``zlib.compress(data, 9)`` with a compressor of 1 KiB window and
# memory level 4 (~12 KB of state instead of ~256 KB), as long as the data is at most 762 bytes:
# a 1 KiB window reaches 762 bytes back, every match the 32 KiB window finds in such short data;
# the smaller hash table still chains every position with the same three bytes; the symbol
# buffer (1,023 symbols) never forces an early block. Only the header's window size differs, and
# it is written as 0x78 0xDA, what level 9 writes (declaring a larger window than the stream uses
# is allowed: a decoder needs at most that much). The saving: freeing ~256 KB after each
# certificate hands the memory back to the system, so the next compressor faults its pages in
# again (~80 µs a certificate in a small process), and 12 KB stay in the CPU caches.
_SMALL_WINDOW_BITS, _SMALL_MEMORY_LEVEL, _SMALL_WINDOW_MAX_INPUT = 10, 4, 762
_LEVEL9_HEADER = b"\x78\xda"

# A QR code holds at most 4,296 alphanumeric characters (~2.9 kB of compressed data), and a DCC
# inflates to a few kB; anything longer or inflating past this is not a certificate.
MAX_TEXT_CHARS = 16 * 1024
MAX_DECOMPRESSED_BYTES = 64 * 1024
# A phone whose clock runs a few minutes slow must still accept a certificate printed just now.
DEFAULT_CLOCK_SKEW = timedelta(minutes=5)

_KIND_NAMES = {"v": "vaccination", "t": "test", "r": "recovery"}
_MAX_NUMERIC_DATE = 253_402_300_799  # 9999-12-31T23:59:59Z


# ---------------------------------------------------------------------------------------------
# Encoding


def encode_hc1(dcc: dict[str, Any], signer: Signer, issued_at: datetime | int, expires_at: datetime | int,
               issuer: str = "VN", *, validated: bool = False) -> str:
    """Validate, sign and encode one certificate; returns the "HC1:…" text for the QR code.

    Raises ``PayloadRefused`` (a ``UserError``) when the payload fails the schema, the value sets
    or the issuer rules: a payload that fails is never signed. ``issued_at``/``expires_at`` are
    timezone-aware datetimes or epoch seconds; they are written as integers (eHN I-CO4).
    ``validated=True`` skips the payload check for a caller that has just run the same
    ``validate_payload(dcc, issuing=True, issued_at=...)`` rules itself (the central service,
    ~30 µs a certificate); the signer, validity and issuer checks always run.
    """
    encoder = Hc1Encoder(signer, issued_at, expires_at, issuer)
    if not validated:
        problems = errors(validate_payload(dcc, issuing=True, issued_at=datetime.fromtimestamp(encoder.iat, UTC)))
        if problems:
            raise PayloadRefused(problems)
    return encoder.encode(dcc)


class Hc1Encoder:
    """Signs and encodes many already validated payloads with one signer, issuer and validity.

    The signer, validity and issuer checks run once, when it is made; the COSE headers are encoded
    once (``cose.Sign1Writer``); each payload costs its CBOR, its signature, zlib and Base45.
    ``encode`` does NOT validate the payload: the caller must have run
    ``validate_payload(dcc, issuing=True, issued_at=...)`` (or a check proven to refuse at least
    as much) first.
    """

    def __init__(self, signer: Signer, issued_at: datetime | int, expires_at: datetime | int, issuer: str = "VN"):
        self.iat = _epoch_seconds(issued_at, "issued_at")
        self.exp = _epoch_seconds(expires_at, "expires_at")
        _check_issue_parameters(signer, self.iat, self.exp, issuer)
        self.issuer = issuer
        self._writer = Sign1Writer(signer)
        # the CWT map {1: iss, 6: iat, 4: exp, -260: {1: DCC}} up to the DCC, encoded once
        whole = cbor2.dumps({CWT_ISS: issuer, CWT_IAT: self.iat, CWT_EXP: self.exp, CWT_HCERT: {HCERT_EU_DCC: None}})
        self._cwt_head = whole[:-1]  # without the CBOR null standing in for the DCC

    def encode(self, dcc: dict[str, Any]) -> str:
        cwt = self._cwt_head + cbor2.dumps(dcc)
        return PREFIX + b45encode(zlib_level9(self._writer.sign(cwt)))

    def encode_many(self, dccs: list[dict[str, Any]]) -> list[str]:
        """``encode`` for each payload, the same strings, one step at a time over the whole list.

        Every CBOR, then every signature, every zlib stream, every Base45 text: a loop that runs
        one step's code keeps that code and its tables in the CPU caches, where a loop running all
        of the steps per certificate evicts them over and over (a third of the CPU time per ES256
        certificate). As with ``encode``, the payloads must already be validated.
        """
        head, dumps = self._cwt_head, cbor2.dumps
        cwts = [head + dumps(dcc) for dcc in dccs]
        messages = self._writer.sign_many(cwts)
        streams = list(map(zlib_level9, messages))
        return [PREFIX + text for text in b45encode_many(streams)]


def zlib_level9(data: bytes) -> bytes:
    """``zlib.compress(data, 9)``, byte for byte, without its ~256 KB of compressor state for the
    short data of a certificate (see ``_SMALL_WINDOW_BITS``)."""
    if len(data) > _SMALL_WINDOW_MAX_INPUT:
        return zlib.compress(data, ZLIB_LEVEL)
    compressor = zlib.compressobj(ZLIB_LEVEL, zlib.DEFLATED, _SMALL_WINDOW_BITS, _SMALL_MEMORY_LEVEL)
    stream = compressor.compress(data) + compressor.flush()
    return _LEVEL9_HEADER + stream[2:]


def _epoch_seconds(moment: datetime | int, name: str) -> int:
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            raise ValueError(f"{name} must be timezone-aware: a certificate's validity may not depend on "
                             "the computer's time zone")
        return int(moment.timestamp())
    if isinstance(moment, int) and not isinstance(moment, bool):
        return moment
    raise TypeError(f"{name} must be a datetime or epoch seconds, not {type(moment).__name__}")


def _check_issue_parameters(signer: Signer, iat: int, exp: int, issuer: str) -> None:
    """Configuration mistakes the eHN issuer quality checks list (I-CO1, I-CO2)."""
    if signer.alg not in ALGORITHM_NAMES:
        raise UserError(tr("Khoá ký dùng thuật toán {alg}; chứng nhận DCC chỉ chấp nhận ES256 hoặc PS256.",
                           "The signing key uses algorithm {alg}; a DCC accepts only ES256 or PS256.", alg=signer.alg),
                        code="dcc_signer_algorithm")
    if signer.kid is None or len(signer.kid) != KID_SIZE:
        raise UserError(tr("Khoá ký thiếu mã kid 8 byte (lấy từ chứng thư ký); hãy kiểm tra cấu hình khoá.",
                           "The signing key has no 8-byte kid (taken from its certificate); check the key setup."),
                        code="dcc_signer_kid")
    if exp <= iat:
        raise UserError(tr("Thời hạn của chứng nhận phải kết thúc sau thời điểm cấp.",
                           "The certificate must expire after it is issued."), code="dcc_validity")
    if len(issuer) != 2 or value_set("country-2-codes").status(issuer) != "active":
        raise UserError(tr("Mã nước cấp \"{iss}\" không phải mã ISO 3166 hai chữ cái.",
                           "The issuing country \"{iss}\" is not a two-letter ISO 3166 code.", iss=issuer),
                        code="dcc_issuer_country")


# ---------------------------------------------------------------------------------------------
# Decoding


@dataclass(frozen=True)
class DecodedCertificate:
    """An HC1 certificate read but not yet trusted: nothing here has been verified."""

    message: Sign1Message
    issuer: str | None
    issued_at: datetime
    expires_at: datetime
    dcc: dict[str, Any]
    claims: dict[Any, Any] = field(repr=False)

    @property
    def kid(self) -> bytes | None:
        return self.message.kid

    @property
    def alg(self) -> int | None:
        return self.message.alg

    @property
    def kinds(self) -> frozenset[str]:
        """Which entry groups the payload holds ("v", "t", "r")."""
        return frozenset(key for key in ENTRY_GROUPS if key in self.dcc)

    @property
    def uvcis(self) -> list[str]:
        return [entry["ci"] for key in ENTRY_GROUPS for entry in _group(self.dcc, key)
                if isinstance(entry.get("ci"), str)]


def decode_hc1(text: str) -> DecodedCertificate:
    """Read an "HC1:" string down to the DCC payload; raises ``CertificateUnreadable`` with the
    first step that failed (prefix, base45, zlib, cbor, cose_structure, cwt_structure)."""
    cose = _unwrap(text)
    try:
        message = decode_sign1(cose, DCC_LIMITS)
    except CoseError as exc:
        raise CertificateUnreadable(problem(exc.code, detail=str(exc))) from exc
    return _read_cwt(message)


def _unwrap(text: str) -> bytes:
    if not isinstance(text, str):
        raise CertificateUnreadable(problem("prefix"))
    if len(text) > MAX_TEXT_CHARS:
        raise CertificateUnreadable(problem("too_long", size=len(text), limit=MAX_TEXT_CHARS))
    text = text.strip()  # scanners append CR/LF
    if not text.startswith(PREFIX):
        raise CertificateUnreadable(problem("prefix"))
    try:
        compressed = b45decode(text[len(PREFIX):])
    except ValueError as exc:
        raise CertificateUnreadable(problem("base45")) from exc
    return _inflate(compressed)


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_DECOMPRESSED_BYTES)
    except zlib.error as exc:
        raise CertificateUnreadable(problem("zlib", detail=str(exc))) from exc
    if inflater.unconsumed_tail:
        raise CertificateUnreadable(problem("zlib", detail=f"more than {MAX_DECOMPRESSED_BYTES} bytes"))
    if not inflater.eof:
        raise CertificateUnreadable(problem("zlib", detail="the compressed stream is truncated"))
    if inflater.unused_data:
        raise CertificateUnreadable(problem("zlib", detail="unexpected data after the compressed stream"))
    return out


def _read_cwt(message: Sign1Message) -> DecodedCertificate:
    try:
        claims = loads_strict(message.payload, DCC_LIMITS)
    except CoseError as exc:
        raise CertificateUnreadable(problem("cbor", detail=f"CWT payload: {exc}")) from exc
    if not isinstance(claims, Mapping):
        raise _cwt_error("the CWT payload is not a map")
    issuer = claims.get(CWT_ISS)
    if issuer is not None and not isinstance(issuer, str):
        raise _cwt_error("claim 1 (iss) is not text")
    hcert = claims.get(CWT_HCERT)
    if not isinstance(hcert, Mapping) or not isinstance(hcert.get(HCERT_EU_DCC), Mapping):
        raise _cwt_error("claim -260 (hcert) with the EU DCC under key 1 is missing")
    try:
        dcc = _json_compatible(hcert[HCERT_EU_DCC])
    except ValueError as exc:
        raise _cwt_error(str(exc)) from exc
    return DecodedCertificate(message=message, issuer=issuer, issued_at=_claim_time(claims, CWT_IAT, "iat"),
                              expires_at=_claim_time(claims, CWT_EXP, "exp"), dcc=dcc, claims=dict(claims))


def _claim_time(claims: Mapping[Any, Any], key: int, name: str) -> datetime:
    """iat/exp as UTC datetimes. Issuers must write integers; a float is read, not refused.
    A NumericDate is bounded (RFC 8392 §2: seconds since 1970; here before the year 10000)."""
    value = claims.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _cwt_error(f"claim {key} ({name}) is missing or not a number")
    if not -_MAX_NUMERIC_DATE <= value <= _MAX_NUMERIC_DATE:
        raise _cwt_error(f"claim {key} ({name}) is out of range")
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise _cwt_error(f"claim {key} ({name}) is out of range") from exc


def _json_compatible(value: Any) -> Any:
    """The payload as plain JSON types (dict/list/str/int/float/bool/None).

    cbor2 returns tuples and frozendicts in places and turns date tags into datetime objects;
    the schema check and the JSON output need plain types. Anything with no JSON form (byte
    strings, unknown tags, undefined) makes the payload unreadable. Text and integers, nearly
    every value of a payload, are passed through before any other test (a sync reads 10,000).
    """
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if isinstance(value, Mapping):
        out = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError(f"the health certificate has a non-text key {key!r}")
            kind = type(item)
            out[key] = item if kind is str or kind is int else _json_compatible(item)
        return out
    if isinstance(value, (list, tuple)):
        return [_json_compatible(item) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("the health certificate holds a number that is not finite")
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    raise ValueError(f"the health certificate holds a {type(value).__name__}, which JSON cannot represent")


def _cwt_error(detail: str) -> CertificateUnreadable:
    return CertificateUnreadable(problem("cwt_structure", detail=detail))


def _group(dcc: dict[str, Any], key: str) -> list[dict[str, Any]]:
    entries = dcc.get(key)
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


# ---------------------------------------------------------------------------------------------
# Verification


@dataclass(frozen=True)
class VerificationResult:
    """The verdict on one HC1 string. ``valid`` is False when any problem is an error;
    warnings (a wrong UVCI check character) never make a certificate invalid."""

    valid: bool
    problems: list[Problem]
    dcc: dict[str, Any] | None = None
    kid: bytes | None = None
    alg: int | None = None
    issued_at: datetime | None = None
    expires_at: datetime | None = None
    issuer: str | None = None

    def failed_steps(self) -> set[str]:
        """The pipeline steps with an error (e.g. {"verify", "expiration"})."""
        return {p.step for p in errors(self.problems)}

    def as_dict(self) -> dict[str, Any]:
        """The command line's JSON form (contracts/cli.md: valid, problems, dcc)."""
        return {
            "valid": self.valid,
            "problems": [p.as_dict() for p in self.problems],
            "dcc": self.dcc,
            "kid": self.kid.hex() if isinstance(self.kid, bytes) else None,
            "alg": ALGORITHM_NAMES.get(self.alg, self.alg) if self.alg is not None else None,
            "issuer": self.issuer,
            "issued_at": _iso(self.issued_at),
            "expires_at": _iso(self.expires_at),
        }


def verify_hc1(text: str, trust_list: TrustList | None, now: datetime | None = None,
               clock_skew: timedelta = DEFAULT_CLOCK_SKEW) -> VerificationResult:
    """Decode ``text`` and judge it: signature (against ``trust_list``), key usage, validity
    period at ``now``, schema, value sets and revocation.

    Never raises: whatever ``text`` holds, the answer is a verdict (a fault in the verifier itself
    becomes a ``verifier_error`` problem, so the certificate is never called valid by accident).
    ``now`` without a UTC offset is read as UTC, as the command line's ``--at`` does.
    """
    try:
        return _verify(text, trust_list, now, clock_skew)
    except Exception as exc:  # noqa: BLE001 - a verdict is promised (RecursionError, MemoryError too)
        return VerificationResult(valid=False, problems=[
            problem("verifier_error", detail=type(exc).__name__)])


def _verify(text: str, trust_list: TrustList | None, now: datetime | None,
            clock_skew: timedelta) -> VerificationResult:
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    try:
        cert = decode_hc1(text)
    except CertificateUnreadable as exc:
        return VerificationResult(valid=False, problems=[exc.problem])
    problems = signature_problems(cert, trust_list)
    problems += validity_problems(cert, now, clock_skew)
    problems += validate_payload(cert.dcc, issuing=False)
    problems += revocation_problems(cert, trust_list)
    return VerificationResult(
        valid=not errors(problems), problems=problems, dcc=cert.dcc, kid=cert.kid, alg=cert.alg,
        issued_at=cert.issued_at, expires_at=cert.expires_at, issuer=cert.issuer,
    )


def signature_problems(cert: DecodedCertificate, trust_list: TrustList | None) -> list[Problem]:
    """Is the signature made by a trusted key allowed to sign this kind of certificate?"""
    if trust_list is None:
        return [problem("no_trust_list")]
    kid = cert.kid
    if kid is None:
        return [problem("unknown_kid", kid="-", detail="the certificate carries no kid")]
    if len(kid) != KID_SIZE:
        return [problem("unknown_kid", kid=kid.hex(), detail=f"a kid is {KID_SIZE} bytes, this one is {len(kid)}")]
    candidates = trust_list.certificates_for(kid)
    if not candidates:
        return [problem("unknown_kid", kid=kid.hex(), detail="no trusted certificate has this kid")]
    failures: list[Problem] = []
    for trusted in candidates:
        found = _check_with(cert, trusted)
        if not found:
            return _key_usage_problems(cert, trusted)
        failures += found
    return failures[:1]


def _check_with(cert: DecodedCertificate, trusted: TrustedCertificate) -> list[Problem]:
    if trusted.alg is not None and cert.alg != trusted.alg:
        detail = (f"the certificate says {ALGORITHM_NAMES.get(cert.alg, cert.alg) if cert.alg is not None else None}, "
                  f"the trust list allows {ALGORITHM_NAMES[trusted.alg]} for this key")
        return [problem("algorithm", detail=detail)]
    try:
        verify_signature(cert.message, trusted.public_key)
    except CoseError as exc:
        return [problem(exc.code, detail=str(exc))]
    return []


def _key_usage_problems(cert: DecodedCertificate, trusted: TrustedCertificate) -> list[Problem]:
    if trusted.allowed_types is None or cert.kinds <= trusted.allowed_types:
        return []
    refused = ", ".join(_KIND_NAMES[k] for k in sorted(cert.kinds - trusted.allowed_types))
    return [problem("key_usage", kind=refused)]


def validity_problems(cert: DecodedCertificate, now: datetime,
                      clock_skew: timedelta = DEFAULT_CLOCK_SKEW) -> list[Problem]:
    """Expired at ``now``, or not yet issued. The certificate is still valid at the ``exp``
    instant itself (RFC 8392 §3.1.4 "on or after" is read as the EU DCC reference verifiers and the
    member states' test vectors read it: expired only once ``now`` is past ``exp``)."""
    if now > cert.expires_at:
        return [problem("expired", expires_at=_iso(cert.expires_at))]
    if now + clock_skew < cert.issued_at:
        return [problem("not_yet_valid", issued_at=_iso(cert.issued_at))]
    return []


def revocation_problems(cert: DecodedCertificate, trust_list: TrustList | None) -> list[Problem]:
    """Revoked UVCIs (errors) and wrong UVCI check characters (warnings only, by the rules)."""
    problems = []
    for ci in cert.uvcis:
        revocation = trust_list.revocation_for(ci) if trust_list is not None else None
        if revocation is not None:
            problems.append(problem("revoked", revoked_at=revocation.revoked_at, reason=revocation.reason or "-"))
        if uvci_rules.has_checksum(ci) and not uvci_rules.uvci_valid_checksum(ci):
            problems.append(problem("uvci_checksum", severity="warning", details={"uvci": ci}))
    return problems


def _iso(moment: datetime | None) -> str | None:
    return iso_utc(moment) if moment else None
