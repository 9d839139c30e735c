"""Independent checks of what signing produced, written from the RFCs, NOT using desktop.signing or desktop.dcc."""

from __future__ import annotations

import hashlib

import cbor2
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def rfc9162_verify_inclusion(attestation: bytes, index: int, size: int, proof: list[bytes], root: bytes) -> bool:
    """RFC 9162 §2.1.3.2, step by step."""
    if index >= size:
        return False
    fn, sn = index, size - 1
    r = sha256(b"\x00" + attestation)
    for p in proof:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            r = sha256(b"\x01" + p + r)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn //= 2
                    sn //= 2
        else:
            r = sha256(b"\x01" + r + p)
        fn //= 2
        sn //= 2
    return sn == 0 and r == root


def rfc6962_root(attestations: list[bytes]) -> bytes:
    """MTH(D[n]) from RFC 6962 §2.1, recursively."""
    if len(attestations) == 1:
        return sha256(b"\x00" + attestations[0])
    k = 1
    while k * 2 < len(attestations):
        k *= 2
    return sha256(b"\x01" + rfc6962_root(attestations[:k]) + rfc6962_root(attestations[k:]))


def open_cose_sign1(data: bytes) -> tuple[dict, bytes, bytes, bytes]:
    """(protected header, protected bytes, payload, signature) of a tagged COSE_Sign1."""
    item = cbor2.loads(data)
    assert isinstance(item, cbor2.CBORTag) and item.tag == 18
    protected_bytes, unprotected, payload, signature = item.value
    assert unprotected == {}
    return cbor2.loads(protected_bytes), protected_bytes, payload, signature


def verify_cose_with_x5chain(data: bytes) -> tuple[dict, x509.Certificate]:
    """Verify a COSE_Sign1 against the first certificate of its x5chain; return the payload map and the cert."""
    protected, protected_bytes, payload, signature = open_cose_sign1(data)
    cert = x509.load_der_x509_certificate(protected[33][0])
    assert protected[4] == sha256(protected[33][0])[:8]
    tbs = cbor2.dumps(["Signature1", protected_bytes, b"", payload])
    key = cert.public_key()
    alg = protected[1]
    if alg == -37:
        assert isinstance(key, rsa.RSAPublicKey)
        key.verify(signature, tbs, padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32), hashes.SHA256())
    elif alg == -257:
        key.verify(signature, tbs, padding.PKCS1v15(), hashes.SHA256())
    elif alg == -7:
        assert isinstance(key, ec.EllipticCurvePublicKey) and len(signature) == 64
        der = encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))
        key.verify(der, tbs, ec.ECDSA(hashes.SHA256()))
    else:
        raise AssertionError(f"unexpected alg {alg}")
    return cbor2.loads(payload), cert
