"""Hostile HC1 texts (each at most 8 KB), built by hand at every layer of the format.

Used by the fuzz test (as seeds and as a fixed set), by ``benchmarks/verify_adversarial.py``
(the worst case of ``verify_hc1``) and by the regression corpus under ``tests/fuzz/corpus``.
Each builder names the fault a careless verifier falls into.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

import cbor2
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop.dcc.base45 import b45decode, b45encode
from desktop.dcc.cose import KeySigner, kid_for_certificate, sign1
from desktop.dcc.trustlist import TrustList

MAX_TEXT = 8 * 1024
MAX_INFLATED = 64 * 1024  # desktop.dcc.hc1.MAX_DECOMPRESSED_BYTES
ISSUED_AT = datetime(2025, 3, 1, 3, 0, tzinfo=UTC)
CHECKED_AT = ISSUED_AT + timedelta(days=30)
EXPIRES_AT = ISSUED_AT + timedelta(days=365)


@cache
def signing_key() -> tuple[KeySigner, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "VaxDesk fuzz DSC")])
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(ISSUED_AT - timedelta(days=1)).not_valid_after(ISSUED_AT + timedelta(days=730))
        .sign(key, hashes.SHA256())
    )
    return KeySigner(key, kid=kid_for_certificate(certificate)), certificate


def trust_list() -> TrustList:
    trust = TrustList(issued_at=ISSUED_AT)
    trust.add_certificate(signing_key()[1])
    return trust


def sample_dcc() -> dict[str, Any]:
    return {
        "ver": "1.3.0",
        "nam": {"fn": "Nguyễn", "fnt": "NGUYEN", "gn": "Thị Hồng Nhung", "gnt": "THI<HONG<NHUNG"},
        "dob": "1990-05-07",
        "v": [{"tg": "840539006", "vp": "1119349007", "mp": "EU/1/20/1528", "ma": "ORG-100030215", "dn": 2,
               "sd": 2, "dt": "2021-09-15", "co": "VN", "is": "Ministry of Health of Viet Nam",
               "ci": "URN:UVCI:01:VN:FUZZ0000000001#S"}],
    }


def claims_for(dcc: Any) -> dict[Any, Any]:
    return {1: "VN", 6: int(ISSUED_AT.timestamp()), 4: int(EXPIRES_AT.timestamp()), -260: {1: dcc}}


def wrap_cose(cose: bytes) -> str:
    return "HC1:" + b45encode(zlib.compress(cose, 9))


def signed(claims_cbor: bytes) -> str:
    return wrap_cose(sign1(claims_cbor, signing_key()[0]))


def unsigned(claims_cbor: bytes) -> str:
    """A COSE_Sign1 with no kid and an empty signature: reached even when no key is known."""
    protected = cbor2.dumps({1: -7})
    return wrap_cose(cbor2.dumps(cbor2.CBORTag(18, [protected, {}, claims_cbor, b""])))


def valid_certificate() -> str:
    return signed(cbor2.dumps(claims_for(sample_dcc())))


# ---------------------------------------------------------------------------------------------
# The hostile ones


def _fits(text: str) -> bool:
    """At most 8 KB of text, inflating to no more than the verifier reads (so it gets past zlib)."""
    if len(text) > MAX_TEXT:
        return False
    inflater = zlib.decompressobj()
    return len(inflater.decompress(b45decode(text[4:]), MAX_INFLATED + 1)) <= MAX_INFLATED


def _fit(build: Callable[[int], str], low: int, high: int) -> str:
    """The largest size in [low, high] that ``_fits`` (texts grow with size)."""
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(build(middle)):
            low = middle
        else:
            high = middle - 1
    return build(low)


def _with(field: str, value: Any, group: str | None = "v") -> bytes:
    dcc = sample_dcc()
    if group is None:
        dcc[field] = value
    else:
        dcc[group][0][field] = value
    return cbor2.dumps(claims_for(dcc))


def _raw_claims(dcc_cbor: bytes) -> bytes:
    """Claims whose DCC is the raw CBOR ``dcc_cbor`` (for encodings cbor2 will not produce)."""
    head = cbor2.dumps({1: "VN", 6: int(ISSUED_AT.timestamp()), 4: int(EXPIRES_AT.timestamp())})
    # head is a 3-entry map (0xa3); make it 4 entries and append -260: {1: <dcc>}.
    return b"\xa4" + head[1:] + cbor2.dumps(-260) + b"\xa1\x01" + dcc_cbor


def backtracking_version() -> str:
    """``ver`` of thousands of digits and an x: cubic time for a backtracking ``\\d+.\\d+.\\d+``."""
    return _fit(lambda n: unsigned(_with("ver", "1" * n + "x", None)), 100, 70_000)


def self_reference() -> str:
    """Shared references (tags 28/29): a list that contains itself."""
    dcc = b"\xd8\x1c\x81\xd8\x1d\x00"  # 28([29(0)])
    return signed(_raw_claims(dcc))


def huge_integer() -> str:
    """A bignum (tag 2) of thousands of bytes in ``dn``: beyond Python's int-to-text limit."""
    def build(n: int) -> str:
        big = b"\xc2" + cbor2.dumps(b"\x07" * n)
        dcc = cbor2.dumps(sample_dcc())
        marker = cbor2.dumps("dn") + cbor2.dumps(2)
        return unsigned(_raw_claims(dcc.replace(marker, cbor2.dumps("dn") + big, 1)))
    return _fit(build, 10, 100_000)


def deep_nesting() -> str:
    """Arrays nested many thousands deep: recursion in any recursive decoder or walker."""
    return _fit(lambda n: unsigned(_raw_claims(b"\x81" * n + b"\x00")), 10, 70_000)


def deep_maps() -> str:
    return _fit(lambda n: unsigned(_raw_claims(b"\xa1\x61a" * n + b"\x00")), 10, 70_000)


def announced_giant_array() -> str:
    """An array header announcing 2^32 items followed by almost nothing."""
    return unsigned(_raw_claims(b"\x9b\x00\x00\x00\x01\x00\x00\x00\x00\x00"))


def many_items() -> str:
    """A flat array of as many small integers as fit: cost per item in every walk."""
    return _fit(lambda n: unsigned(_raw_claims(cbor2.dumps(list(range(24)) * n))), 1, 70_000)


def many_keys() -> str:
    return _fit(lambda n: unsigned(_raw_claims(cbor2.dumps({f"k{i}": i for i in range(n)}))), 1, 70_000)


def zlib_bomb() -> str:
    """8 KB of text inflating to megabytes."""
    return "HC1:" + b45encode(zlib.compress(b"\x00" * 5_000_000, 9))


def long_name() -> str:
    """A name far past the schema's 80 characters, compressed to fit the QR code."""
    return _fit(lambda n: unsigned(_raw_claims(cbor2.dumps({**sample_dcc(), "nam": {"fnt": "A" * n}}))),
                10, 70_000)


def long_date_fraction() -> str:
    """A date-time with a fraction of thousands of digits in a tolerated date field."""
    return _fit(lambda n: unsigned(_with("dt", "2021-05-01T00:00:00." + "9" * n + "Z")), 10, 70_000)


def unicode_digits_version() -> str:
    return _fit(lambda n: unsigned(_with("ver", "\u0661" * n + "x", None)), 10, 70_000)


def regex_tag() -> str:
    """Tag 35 (a regular expression) with a catastrophic pattern: some decoders compile it."""
    return unsigned(_raw_claims(b"\xd8\x23" + cbor2.dumps("(a+)+$")))


def indefinite_strings() -> str:
    """An indefinite-length text string of as many one-byte chunks as fit."""
    return _fit(lambda n: unsigned(_raw_claims(b"\x7f" + b"\x61a" * n + b"\xff")), 1, 70_000)


def random_base45() -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
    return "HC1:" + "".join(alphabet[(i * 7919) % 45] for i in range(MAX_TEXT - 4 - (MAX_TEXT - 4) % 3))


def long_plain_text() -> str:
    return "HC1:" + "\u1ec7" * (MAX_TEXT - 4)


def many_signatures_kid() -> str:
    """A valid kid with a wrong signature: the full signature check runs."""
    text = cbor2.dumps(claims_for(sample_dcc()))
    cose = cbor2.loads(sign1(text, signing_key()[0]))
    body = list(cose.value)
    body[3] = bytes(64)
    return wrap_cose(cbor2.dumps(cbor2.CBORTag(18, body)))


BUILDERS: dict[str, Callable[[], str]] = {
    "backtracking_version": backtracking_version,
    "self_reference": self_reference,
    "huge_integer": huge_integer,
    "deep_nesting": deep_nesting,
    "deep_maps": deep_maps,
    "announced_giant_array": announced_giant_array,
    "many_items": many_items,
    "many_keys": many_keys,
    "zlib_bomb": zlib_bomb,
    "long_name": long_name,
    "long_date_fraction": long_date_fraction,
    "unicode_digits_version": unicode_digits_version,
    "regex_tag": regex_tag,
    "indefinite_strings": indefinite_strings,
    "random_base45": random_base45,
    "long_plain_text": long_plain_text,
    "wrong_signature": many_signatures_kid,
    "valid": valid_certificate,
}


def adversarial_inputs() -> dict[str, str]:
    """Every hostile text by name (plus one valid certificate, for comparison)."""
    return {name: build() for name, build in BUILDERS.items()}


if __name__ == "__main__":  # python -m tests.fuzz.adversarial: (re)write the hand-built corpus files
    from pathlib import Path

    corpus = Path(__file__).parent / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, text in adversarial_inputs().items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
        print(f"{name}: {len(text)} characters")
