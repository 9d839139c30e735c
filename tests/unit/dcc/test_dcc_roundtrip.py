"""Our own certificates: ES256 and PS256 round trips, checked by an independent decoder, and
tampered certificates that must each fail with the precise problem code."""

from __future__ import annotations

import base64
import zlib
from datetime import timedelta
from typing import Any

import cbor2
import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding

from desktop.dcc import encode_hc1, verify_hc1
from desktop.dcc.cose import ES256, PS256, KeySigner, sign1
from desktop.dcc.errors import PayloadRefused
from desktop.dcc.schema_check import jsonschema_violations
from desktop.dcc.trustlist import TrustList
from desktop.dcc.validate import value_set_problems
from tests.unit.dcc.conftest import (
    CHECKED_AT,
    EXPIRES_AT,
    ISSUED_AT,
    cose_from_hc1,
    hc1_from_cose,
    make_certificate,
    raw_hc1,
    sample_dcc,
)

# ---------------------------------------------------------------------------------------------
# An independent minimal decoder: Base45 (RFC 9285) and CBOR (RFC 8949) by hand, nothing from
# desktop.dcc, so a symmetric bug in our encoder and decoder cannot hide.

_B45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


def independent_b45decode(text: str) -> bytes:
    values = [_B45.index(ch) for ch in text]
    out = bytearray()
    for i in range(0, len(values), 3):
        chunk = values[i:i + 3]
        n = sum(v * 45 ** k for k, v in enumerate(chunk))
        out += n.to_bytes(2 if len(chunk) == 3 else 1, "big")
    return bytes(out)


class Tag:
    def __init__(self, number: int, value: Any):
        self.number, self.value = number, value


def independent_cbor(data: bytes, pos: int = 0) -> tuple[Any, int]:
    """Decode one definite-length CBOR item at ``pos``; returns (value, next position)."""
    initial = data[pos]
    major, info = initial >> 5, initial & 0x1F
    pos += 1
    if info < 24:
        arg = info
    else:
        size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        arg = int.from_bytes(data[pos:pos + size], "big")
        pos += size
    if major == 0:
        return arg, pos
    if major == 1:
        return -1 - arg, pos
    if major in (2, 3):
        raw = data[pos:pos + arg]
        return (raw if major == 2 else raw.decode("utf-8")), pos + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, pos = independent_cbor(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        mapping = {}
        for _ in range(arg):
            key, pos = independent_cbor(data, pos)
            mapping[key], pos = independent_cbor(data, pos)
        return mapping, pos
    if major == 6:
        value, pos = independent_cbor(data, pos)
        return Tag(arg, value), pos
    return {20: False, 21: True, 22: None}[info], pos


def independent_decode(text: str) -> dict[str, Any]:
    assert text.startswith("HC1:")
    compressed = independent_b45decode(text[4:])
    assert compressed[:2] == b"\x78\xda", "zlib stream with a level-9 header"
    cose_bytes = zlib.decompress(compressed)
    tagged, end = independent_cbor(cose_bytes)
    assert end == len(cose_bytes)
    assert isinstance(tagged, Tag) and tagged.number == 18
    protected_bytes, unprotected, payload, signature = tagged.value
    protected, _ = independent_cbor(protected_bytes)
    claims, _ = independent_cbor(payload)
    return {"protected_bytes": protected_bytes, "protected": protected, "unprotected": unprotected,
            "payload": payload, "signature": signature, "claims": claims}


def independent_sig_structure(protected_bytes: bytes, payload: bytes) -> bytes:
    def head(major: int, n: int) -> bytes:
        if n < 24:
            return bytes([major << 5 | n])
        if n < 256:
            return bytes([major << 5 | 24, n])
        return bytes([major << 5 | 25]) + n.to_bytes(2, "big")

    context = b"Signature1"
    return (b"\x84" + head(3, len(context)) + context + head(2, len(protected_bytes)) + protected_bytes
            + b"\x40" + head(2, len(payload)) + payload)


def independent_verify(parts: dict[str, Any], public_key: Any) -> None:
    tbs = independent_sig_structure(parts["protected_bytes"], parts["payload"])
    signature = parts["signature"]
    if parts["protected"][1] == -7:
        assert len(signature) == 64
        der = encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))
        public_key.verify(der, tbs, ec.ECDSA(hashes.SHA256()))
    else:
        assert parts["protected"][1] == -37
        pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)  # exactly 32, not AUTO
        public_key.verify(signature, tbs, pss, hashes.SHA256())


# ---------------------------------------------------------------------------------------------
# Round trips


@pytest.mark.parametrize("key_name", ["es256_key", "ps256_key"])
def test_round_trip_checked_independently(request, key_name, trust_list):
    key = request.getfixturevalue(key_name)
    dcc = sample_dcc()
    text = encode_hc1(dcc, key.signer(), ISSUED_AT, EXPIRES_AT)

    parts = independent_decode(text)
    assert parts["protected"] == {1: ES256 if key_name == "es256_key" else PS256, 4: key.kid}
    assert parts["unprotected"] == {}
    claims = parts["claims"]
    assert claims[1] == "VN"
    assert claims[6] == int(ISSUED_AT.timestamp()) and isinstance(claims[6], int)
    assert claims[4] == int(EXPIRES_AT.timestamp()) and isinstance(claims[4], int)
    assert claims[-260] == {1: dcc}
    independent_verify(parts, key.certificate.public_key())

    result = verify_hc1(text, trust_list, now=CHECKED_AT)
    assert result.valid, [p.as_dict() for p in result.problems]
    assert result.problems == []
    assert result.dcc == dcc
    assert (result.kid, result.issuer) == (key.kid, "VN")
    assert (result.issued_at, result.expires_at) == (ISSUED_AT, EXPIRES_AT)


def test_issued_payload_is_schema_and_value_set_valid(es256_key, trust_list):
    text = encode_hc1(sample_dcc(), es256_key.signer(), ISSUED_AT, EXPIRES_AT)
    dcc = verify_hc1(text, trust_list, now=CHECKED_AT).dcc
    assert jsonschema_violations(dcc) == []
    assert value_set_problems(dcc, issuing=True) == []
    assert dcc["ver"] == "1.3.0"
    assert dcc["nam"] == {"fn": "Nguyễn", "fnt": "NGUYEN", "gn": "Thị Hồng Nhung", "gnt": "THI<HONG<NHUNG"}


def test_encode_refuses_an_invalid_payload(es256_key):
    dcc = sample_dcc()
    dcc["v"][0]["mp"] = "Inactivated-SARS-CoV-2-Vero-Cell"  # deprecated Wuhan code, inactive
    with pytest.raises(PayloadRefused) as caught:
        encode_hc1(dcc, es256_key.signer(), ISSUED_AT, EXPIRES_AT)
    codes = {p.code for p in caught.value.problems}
    assert "value_set_inactive" in codes
    assert caught.value.code == "dcc_payload_invalid"
    assert caught.value.details["problems"][0]["code"] in codes


def test_encode_refuses_naive_times_and_bad_kid(es256_key):
    from datetime import datetime

    from desktop.errors import UserError

    with pytest.raises(ValueError):
        encode_hc1(sample_dcc(), es256_key.signer(), datetime(2025, 1, 1), EXPIRES_AT)
    with pytest.raises(UserError) as caught:
        encode_hc1(sample_dcc(), KeySigner(es256_key.private_key), ISSUED_AT, EXPIRES_AT)
    assert caught.value.code == "dcc_signer_kid"
    with pytest.raises(UserError) as caught:
        encode_hc1(sample_dcc(), es256_key.signer(), EXPIRES_AT, ISSUED_AT)
    assert caught.value.code == "dcc_validity"
    with pytest.raises(UserError) as caught:
        encode_hc1(sample_dcc(), es256_key.signer(), ISSUED_AT, EXPIRES_AT, issuer="VNM")
    assert caught.value.code == "dcc_issuer_country"


def test_validated_skips_only_the_payload_check(es256_key, trust_list):
    """The central service validates each payload itself; the signer and validity checks stay."""
    from desktop.errors import UserError

    dcc = sample_dcc()
    text = encode_hc1(dcc, es256_key.signer(), ISSUED_AT, EXPIRES_AT, validated=True)
    result = verify_hc1(text, trust_list, now=CHECKED_AT)
    assert result.valid and result.dcc == dcc

    dcc["v"][0]["mp"] = "Inactivated-SARS-CoV-2-Vero-Cell"
    assert encode_hc1(dcc, es256_key.signer(), ISSUED_AT, EXPIRES_AT, validated=True).startswith("HC1:")
    with pytest.raises(UserError) as caught:
        encode_hc1(sample_dcc(), KeySigner(es256_key.private_key), ISSUED_AT, EXPIRES_AT, validated=True)
    assert caught.value.code == "dcc_signer_kid"
    with pytest.raises(UserError) as caught:
        encode_hc1(sample_dcc(), es256_key.signer(), EXPIRES_AT, ISSUED_AT, validated=True)
    assert caught.value.code == "dcc_validity"


# ---------------------------------------------------------------------------------------------
# Tampering: one change, one precise problem


def _codes(text: str, trust_list: TrustList) -> list[str]:
    result = verify_hc1(text, trust_list, now=CHECKED_AT)
    assert not result.valid
    return [p.code for p in result.problems if p.severity == "error"]


@pytest.fixture
def issued(es256_key) -> str:
    return encode_hc1(sample_dcc(full_name="Nguyễn Văn Đức"), es256_key.signer(), ISSUED_AT, EXPIRES_AT)


def test_flipped_signature_byte(issued, trust_list):
    cose = bytearray(cose_from_hc1(issued))
    cose[-1] ^= 0x01
    assert _codes(hc1_from_cose(bytes(cose)), trust_list) == ["signature"]


def test_flipped_payload_byte(issued, trust_list):
    cose = cose_from_hc1(issued)
    at = cose.index(b"VAN<DUC")
    tampered = cose[:at] + b"VAN<DUK" + cose[at + 7:]
    assert _codes(hc1_from_cose(tampered), trust_list) == ["signature"]


def test_flipped_protected_header_kid(issued, trust_list, es256_key):
    cose = cose_from_hc1(issued)
    at = cose.index(es256_key.kid)
    tampered = cose[:at] + bytes([cose[at] ^ 0xFF]) + cose[at + 1:]
    assert _codes(hc1_from_cose(tampered), trust_list) == ["unknown_kid"]


@pytest.mark.parametrize(("mangle", "code"), [
    (lambda t: "HC2:" + t[4:], "prefix"),
    (lambda t: t[4:], "prefix"),
    (lambda t: t[:10] + "a" + t[11:], "base45"),
    # a lone character left over (not a space, which the reader strips like a scanner's CR/LF)
    (lambda t: t[: 4 + (len(t) - 4) // 3 * 3 - 3] + "A", "base45"),
    (lambda t: "HC1::::" + t[7:], "base45"),  # a triple worth more than 0xFFFF
    (lambda t: t[: 4 + (len(t) - 34) // 3 * 3], "zlib"),  # truncated on a whole Base45 group
])
def test_damaged_text(issued, trust_list, mangle, code):
    assert _codes(mangle(issued), trust_list) == [code]


def test_not_compressed(issued, trust_list):
    import base45

    assert _codes("HC1:" + base45.b45encode(cose_from_hc1(issued)).decode(), trust_list) == ["zlib"]


def test_not_cbor_and_not_cose(trust_list):
    assert _codes(hc1_from_cose(b"\xff\x00"), trust_list) == ["cbor"]
    assert _codes(hc1_from_cose(cbor2.dumps(cbor2.CBORTag(18, [b"", {}, b""]))), trust_list) == ["cose_structure"]
    assert _codes(hc1_from_cose(cbor2.dumps(cbor2.CBORTag(98, []))), trust_list) == ["cose_structure"]


def test_cwt_without_health_certificate(es256_key, trust_list):
    text = raw_hc1(None, es256_key.signer(), claims={1: "VN", 4: 2, 6: 1})
    assert _codes(text, trust_list) == ["cwt_structure"]
    text = raw_hc1(sample_dcc(), es256_key.signer(), exp="tomorrow")
    assert _codes(text, trust_list) == ["cwt_structure"]


def test_untrusted_key(issued, es256_key):
    assert _codes(issued, TrustList()) == ["unknown_kid"]


@pytest.mark.parametrize("kid", [b"1234567", b"123456789"], ids=["7-bytes-CO25", "9-bytes-CO26"])
def test_kid_of_wrong_length(es256_key, trust_list, kid):
    signer = KeySigner(es256_key.private_key, kid=kid)
    text = raw_hc1(sample_dcc(), signer)
    problems = verify_hc1(text, trust_list, now=CHECKED_AT).problems
    assert [p.code for p in problems] == ["unknown_kid"]
    assert "8 bytes" in problems[0].message.en


def test_long_ecdsa_signature_does_not_crash(es256_key, trust_list):
    """CO24: an ECDSA signature longer than 70 bytes is invalid, not a crash."""

    class LongSigner(KeySigner):
        def sign(self, to_be_signed: bytes) -> bytes:
            return super().sign(to_be_signed) + b"\x00" * 8

    signer = LongSigner(es256_key.private_key, kid=es256_key.kid)
    cose = cose_from_hc1(raw_hc1(sample_dcc(), es256_key.signer()))
    message = cbor2.loads(cose).value
    long_signature = message[3] + b"\x01" * 8
    tampered = cbor2.dumps(cbor2.CBORTag(18, [message[0], message[1], message[2], long_signature]))
    assert _codes(hc1_from_cose(tampered), trust_list) == ["signature"]
    with pytest.raises(ValueError):  # and our own signing refuses to ship such a signature
        sign1(b"x", signer)


def test_rsa_key_with_ecdsa_algorithm(ps256_key, trust_list):
    """CO27: the algorithm in the header must fit the trusted key."""

    class LyingSigner:
        alg = ES256
        kid = ps256_key.kid

        def sign(self, to_be_signed: bytes) -> bytes:
            return b"\x01" * 64

    text = raw_hc1(sample_dcc(), LyingSigner())
    assert _codes(text, trust_list) == ["algorithm"]


def test_unsupported_algorithm(es256_key, trust_list):
    """CO4: an algorithm other than ES256/PS256 (here ES384, -35)."""
    cose = cose_from_hc1(raw_hc1(sample_dcc(), es256_key.signer()))
    message = cbor2.loads(cose).value
    protected = cbor2.dumps({1: -35, 4: es256_key.kid})
    tampered = cbor2.dumps(cbor2.CBORTag(18, [protected, {}, message[2], message[3]]))
    der = es256_key.certificate.public_bytes(Encoding.DER)
    trust_any = TrustList.from_json({"version": 1, "certificates": [  # alg null: the key decides
        {"kid": base64.b64encode(es256_key.kid).decode(), "country": "VN", "alg": None,
         "certificate": base64.b64encode(der).decode()}]})
    assert _codes(hc1_from_cose(tampered), trust_any) == ["algorithm"]


def test_trust_list_algorithm_must_match(es256_key):
    trust = TrustList()
    trust.add_certificate(es256_key.certificate, alg="PS256")
    text = raw_hc1(sample_dcc(), es256_key.signer())
    assert _codes(text, trust) == ["algorithm"]


def test_expired_and_not_yet_valid(issued, trust_list):
    at_exp = verify_hc1(issued, trust_list, now=EXPIRES_AT)
    assert at_exp.valid, "still valid at the exp instant itself"
    late = verify_hc1(issued, trust_list, now=EXPIRES_AT + timedelta(seconds=1))
    assert [p.code for p in late.problems] == ["expired"]
    early = verify_hc1(issued, trust_list, now=ISSUED_AT - timedelta(hours=1))
    assert [p.code for p in early.problems] == ["not_yet_valid"]
    slightly_slow_clock = verify_hc1(issued, trust_list, now=ISSUED_AT - timedelta(minutes=2))
    assert slightly_slow_clock.valid


def test_key_usage_restricts_kinds():
    key = ec.generate_private_key(ec.SECP256R1())
    test_only = make_certificate(key, "test-only DSC", kinds="t")
    trust = TrustList()
    entry = trust.add_certificate(test_only)
    assert entry.allowed_types == frozenset({"t"})
    signer = KeySigner(key, kid=entry.kid)
    text = raw_hc1(sample_dcc(), signer)
    assert _codes(text, trust) == ["key_usage"]


def test_revoked_certificate(es256_key, trust_list):
    dcc = sample_dcc()
    text = encode_hc1(dcc, es256_key.signer(), ISSUED_AT, EXPIRES_AT)
    trust_list.revoke(dcc["v"][0]["ci"], reason="corrected name")
    problems = verify_hc1(text, trust_list, now=CHECKED_AT).problems
    assert [p.code for p in problems] == ["revoked"]
    assert "corrected name" in problems[0].message.en


def test_bad_uvci_checksum_is_only_a_warning(es256_key, trust_list):
    dcc = sample_dcc(uvci="URN:UVCI:01:VN:0123456789ABCDEF0123456789ABCDEF#A")
    text = raw_hc1(dcc, es256_key.signer())
    result = verify_hc1(text, trust_list, now=CHECKED_AT)
    assert result.valid
    assert [(p.code, p.severity) for p in result.problems] == [("uvci_checksum", "warning")]


def test_payload_problems_reported_by_verifier(es256_key, trust_list):
    dcc = sample_dcc()
    dcc["v"][0]["mp"] = "NOT-A-PRODUCT"
    del dcc["dob"]
    text = raw_hc1(dcc, es256_key.signer())
    problems = verify_hc1(text, trust_list, now=CHECKED_AT).problems
    assert {(p.code, p.path) for p in problems} == {("value_set", "v/0/mp"), ("schema", "dob")}


def test_tag_61_and_untagged_messages_verify(es256_key, trust_list):
    cose = cose_from_hc1(raw_hc1(sample_dcc(), es256_key.signer()))
    tagged = cbor2.loads(cose)
    double = cbor2.dumps(cbor2.CBORTag(61, tagged))
    untagged = cbor2.dumps(list(tagged.value))
    assert verify_hc1(hc1_from_cose(double), trust_list, now=CHECKED_AT).valid
    assert verify_hc1(hc1_from_cose(untagged), trust_list, now=CHECKED_AT).valid


@pytest.mark.parametrize(("value", "code"), [(b"bytes", "cwt_structure"), (float("nan"), "cwt_structure"),
                                             (cbor2.undefined, "cwt_structure"), (cbor2.CBORTag(99, "x"), "cbor")])
def test_payload_values_without_a_json_form(es256_key, trust_list, value, code):
    # A tag a DCC never uses is refused before decoding ("cbor"); the others have no JSON form.
    dcc = sample_dcc()
    dcc["v"][0]["tg"] = value
    assert _codes(raw_hc1(dcc, es256_key.signer()), trust_list) == [code]


def test_cbor_date_tags_become_text(es256_key, trust_list):
    from datetime import date

    dcc = sample_dcc()
    dcc["v"][0]["dt"] = date(2021, 9, 15)  # some issuers wrote CBOR date tags
    result = verify_hc1(raw_hc1(dcc, es256_key.signer()), trust_list, now=CHECKED_AT)
    assert result.valid and result.dcc["v"][0]["dt"] == "2021-09-15"
