"""COSE_Sign1 by hand: signer contract, structure, header rules, signature encodings."""

from __future__ import annotations

import hashlib

import cbor2
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import Encoding

from desktop.dcc.cose import (
    ES256,
    HEADER_X5CHAIN,
    PS256,
    CborError,
    CoseAlgorithmError,
    CoseSignatureError,
    CoseStructureError,
    KeySigner,
    Signer,
    decode_sign1,
    ecdsa_der_to_raw,
    ecdsa_raw_to_der,
    kid_for_certificate,
    loads_strict,
    sign1,
    verify_signature,
)


def test_key_signers_follow_the_protocol(es256_key, ps256_key):
    for key, alg, size in ((es256_key, ES256, 64), (ps256_key, PS256, 256)):
        signer = key.signer()
        assert isinstance(signer, Signer)
        assert signer.alg == alg and signer.kid == key.kid
        assert len(signer.sign(b"data")) == size


def test_key_signer_refuses_weak_or_mismatched_keys(es256_key):
    with pytest.raises(ValueError):
        KeySigner(ec.generate_private_key(ec.SECP384R1()))
    with pytest.raises(ValueError):
        KeySigner(rsa.generate_private_key(public_exponent=65537, key_size=1024))
    with pytest.raises(ValueError):
        KeySigner(es256_key.private_key, alg=PS256)
    with pytest.raises(TypeError):
        KeySigner("not a key")  # type: ignore[arg-type]


@pytest.mark.parametrize("key_name", ["es256_key", "ps256_key"])
def test_sign_decode_verify(request, key_name):
    key = request.getfixturevalue(key_name)
    chain = key.certificate.public_bytes(Encoding.DER)
    data = sign1(b"payload", key.signer(), protected_extra={HEADER_X5CHAIN: chain}, unprotected={99: "x"})
    assert data[0] == 0xD2  # tag 18
    message = decode_sign1(data)
    assert message.protected == {1: key.signer().alg, 4: key.kid, HEADER_X5CHAIN: chain}
    assert message.unprotected == {99: "x"}
    assert message.payload == b"payload"
    assert cbor2.loads(message.to_be_signed()) == ["Signature1", message.protected_bytes, b"", b"payload"]
    verify_signature(message, key.certificate.public_key())
    untagged = sign1(b"payload", key.signer(), tag=False)
    verify_signature(decode_sign1(untagged), key.certificate.public_key())


def test_header_conflicts_are_refused(es256_key):
    with pytest.raises(ValueError):
        sign1(b"x", es256_key.signer(), protected_extra={4: b"12345678"})
    with pytest.raises(ValueError):
        sign1(b"x", es256_key.signer(), unprotected={1: -7})


def test_signer_returning_der_is_caught(es256_key):
    class DerSigner:
        alg = ES256
        kid = es256_key.kid

        def sign(self, to_be_signed: bytes) -> bytes:
            return ecdsa_raw_to_der(es256_key.signer().sign(to_be_signed))

    with pytest.raises(ValueError, match="DER"):
        sign1(b"x", DerSigner())


def test_protected_kid_wins_over_unprotected(es256_key):
    data = sign1(b"x", es256_key.signer(), unprotected={})
    item = cbor2.loads(data).value
    with_unprotected = cbor2.dumps(cbor2.CBORTag(18, [item[0], {4: b"other"}, item[2], item[3]]))
    assert decode_sign1(with_unprotected).kid == es256_key.kid
    no_protected = cbor2.dumps(cbor2.CBORTag(18, [b"", {1: -7, 4: b"unprot"}, item[2], item[3]]))
    message = decode_sign1(no_protected)
    assert (message.kid, message.alg) == (b"unprot", ES256)


@pytest.mark.parametrize("data", [
    cbor2.dumps([b"", {}, b""]),
    cbor2.dumps(cbor2.CBORTag(17, [b"", {}, b"", b""])),
    cbor2.dumps(cbor2.CBORTag(18, ["text", {}, b"", b""])),
    cbor2.dumps(cbor2.CBORTag(18, [b"", [], b"", b""])),
    cbor2.dumps(cbor2.CBORTag(18, [cbor2.dumps([1]), {}, b"", b""])),
    cbor2.dumps(cbor2.CBORTag(18, [cbor2.dumps({4: "text"}), {}, b"", b""])),
    cbor2.dumps(cbor2.CBORTag(18, [cbor2.dumps({1: True}), {}, b"", b""])),
    cbor2.dumps(cbor2.CBORTag(18, [b"", {}, None, b""])),  # detached payloads are not DCCs
])
def test_structure_errors(data):
    with pytest.raises(CoseStructureError):
        decode_sign1(data)


@pytest.mark.parametrize("data", [b"", b"\xff", b"\x82\x01", b"\x01\x02", b"\xa2\x01\x01\x01\x02"])
def test_cbor_errors(data):
    with pytest.raises(CborError):
        loads_strict(data)


def test_verification_errors(es256_key, ps256_key):
    message = decode_sign1(sign1(b"x", es256_key.signer()))
    with pytest.raises(CoseAlgorithmError):
        verify_signature(message, ps256_key.certificate.public_key())
    other = ec.generate_private_key(ec.SECP256R1()).public_key()
    with pytest.raises(CoseSignatureError):
        verify_signature(message, other)
    rsa_message = decode_sign1(sign1(b"x", ps256_key.signer()))
    with pytest.raises(CoseAlgorithmError):
        verify_signature(rsa_message, es256_key.certificate.public_key())
    with pytest.raises(CoseSignatureError):
        verify_signature(rsa_message, rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key())


@pytest.mark.parametrize("length", [0, 63, 65, 72])
def test_wrong_ecdsa_signature_lengths(es256_key, length):
    message = decode_sign1(sign1(b"x", es256_key.signer()))
    item = cbor2.loads(sign1(b"x", es256_key.signer())).value
    broken = decode_sign1(cbor2.dumps(cbor2.CBORTag(18, [item[0], {}, item[2], b"\x01" * length])))
    assert broken.kid == message.kid
    with pytest.raises(CoseSignatureError):
        verify_signature(broken, es256_key.certificate.public_key())


def test_ecdsa_conversions():
    key = ec.generate_private_key(ec.SECP256R1())
    from cryptography.hazmat.primitives import hashes

    der = key.sign(b"m", ec.ECDSA(hashes.SHA256()))
    raw = ecdsa_der_to_raw(der)
    assert len(raw) == 64
    assert ecdsa_raw_to_der(raw) == der
    with pytest.raises(ValueError):
        ecdsa_raw_to_der(b"\x01" * 63)


def test_kid_for_certificate(es256_key):
    der = es256_key.certificate.public_bytes(Encoding.DER)
    assert kid_for_certificate(es256_key.certificate) == hashlib.sha256(der).digest()[:8]
    assert kid_for_certificate(der) == kid_for_certificate(es256_key.certificate)
