"""COSE_Sign1 (RFC 9052) exactly as the EU DCC uses it, written on cbor2 and cryptography.

Hand-written rather than pycose: pycose is slow on the central service's hot path and does not
work with cbor2 6. The DCC needs one structure and two algorithms, so the whole of it fits here:

    COSE_Sign1 = #6.18([protected: bstr .cbor {1: alg, 4: kid, ...}, unprotected: {}, payload: bstr,
                        signature: bstr])
    signature  = sign(cbor(["Signature1", protected, b"", payload]))

ES256 signatures travel as raw ``r || s`` (64 bytes), never DER; PS256 is RSASSA-PSS with SHA-256,
MGF1-SHA-256 and a 32-byte salt.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol, cast, runtime_checkable

import cbor2
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding

from desktop.dcc.cbor_scan import CborLimits, CborShapeError, check_cbor

ES256 = -7
PS256 = -37
ALGORITHM_NAMES = {ES256: "ES256", PS256: "PS256"}
ALGORITHMS_BY_NAME = {name: alg for alg, name in ALGORITHM_NAMES.items()}

HEADER_ALG = 1
HEADER_KID = 4
HEADER_X5CHAIN = 33

TAG_COSE_SIGN1 = 18
TAG_CWT = 61

ES256_SIGNATURE_SIZE = 64
MIN_RSA_BITS = 2048
PSS_SALT_LENGTH = 32
_MAX_CBOR_DEPTH = 32


class CoseError(Exception):
    """A COSE message could not be read or verified; ``code`` is the problem code it maps to."""

    code = "cose_structure"


class CborError(CoseError):
    code = "cbor"


class CoseStructureError(CoseError):
    code = "cose_structure"


class CoseAlgorithmError(CoseError):
    code = "algorithm"


class CoseSignatureError(CoseError):
    code = "signature"


@runtime_checkable
class Signer(Protocol):
    """Whatever can produce a COSE signature: an in-memory key, a PKCS#11 token, an HSM.

    - ``alg``: the COSE algorithm, ``ES256`` (-7) or ``PS256`` (-37).
    - ``kid``: the 8-byte key identifier (``kid_for_certificate`` of the signing certificate), or
      None for a COSE message without a kid (a DCC always needs one).
    - ``sign(to_be_signed)``: sign the Sig_structure bytes *as given* (hashing them with SHA-256 is
      the signer's job) and return the signature in COSE form:

      * ES256: raw ``r || s``, each big-endian and left-padded to 32 bytes (64 bytes in all). A
        PKCS#11 ``CKM_ECDSA`` over the SHA-256 digest already returns this form; a library that
        returns DER can convert with ``ecdsa_der_to_raw``.
      * PS256: RSASSA-PSS, SHA-256, MGF1-SHA-256, salt length 32 (PKCS#11:
        ``CKM_SHA256_RSA_PKCS_PSS`` with ``CKM_SHA256``, ``CKG_MGF1_SHA256``, ``sLen=32``).

    ``sign1`` checks the returned size, so a signer returning DER fails loudly, not in the field.
    """

    alg: int
    kid: bytes | None

    def sign(self, to_be_signed: bytes) -> bytes: ...


class KeySigner:
    """A ``Signer`` over a ``cryptography`` private key (EC P-256 or RSA ≥ 2048 bits)."""

    def __init__(self, private_key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey,
                 alg: int | None = None, kid: bytes | None = None):
        natural = _algorithm_for_private_key(private_key)
        if alg is not None and alg != natural:
            raise ValueError(f"a {type(private_key).__name__} cannot sign with COSE algorithm {alg}")
        self.alg = natural
        self.kid = bytes(kid) if kid is not None else None
        self._key = private_key
        # The algorithm objects are immutable: made once, not for every signature.
        self._ecdsa = ec.ECDSA(hashes.SHA256())
        self._pss = _pss(PSS_SALT_LENGTH)
        self._sha256 = hashes.SHA256()

    def sign(self, to_be_signed: bytes) -> bytes:
        if self.alg == ES256:
            return _p256_der_to_raw(cast(ec.EllipticCurvePrivateKey, self._key).sign(to_be_signed, self._ecdsa))
        return cast(rsa.RSAPrivateKey, self._key).sign(to_be_signed, self._pss, self._sha256)

    def sign_many(self, items: list[bytes]) -> list[bytes]:
        """``sign`` for each item, in one loop (a batch signs thousands)."""
        if self.alg == ES256:
            sign, ecdsa = cast(ec.EllipticCurvePrivateKey, self._key).sign, self._ecdsa
            ders = [sign(item, ecdsa) for item in items]
            return list(map(_p256_der_to_raw, ders))
        sign_pss, pss, sha256 = cast(rsa.RSAPrivateKey, self._key).sign, self._pss, self._sha256
        return [sign_pss(item, pss, sha256) for item in items]


def _p256_der_to_raw(der: bytes) -> bytes:
    """``ecdsa_der_to_raw`` for the DER ``cryptography`` writes for a P-256 signature, by slicing.

    SEQUENCE (0x30, one length byte: at most 70 content bytes) of two INTEGERs (0x02, length,
    big-endian value, a leading 0x00 when the high bit is set, shorter when the value is small):
    each value, without that 0x00, is left-padded to 32 bytes. Anything else goes through
    ``ecdsa_der_to_raw``, which parses it fully.
    """
    size = len(der)
    if 8 <= size <= 72 and der[0] == 0x30 and der[1] == size - 2 and der[2] == 0x02 \
            and (der[3] < 33 or der[3] == 33 and der[4] == 0):
        s_at = 4 + der[3]
        if s_at + 2 < size and der[s_at] == 0x02 and der[s_at + 1] == size - s_at - 2 \
                and (der[s_at + 1] < 33 or der[s_at + 1] == 33 and der[s_at + 2] == 0):
            return der[4:s_at][-32:].rjust(32, b"\0") + der[s_at + 2:][-32:].rjust(32, b"\0")
    return ecdsa_der_to_raw(der)


def _algorithm_for_private_key(key: Any) -> int:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        if not isinstance(key.curve, ec.SECP256R1):
            raise ValueError(f"ES256 needs a P-256 key, not {key.curve.name}")
        return ES256
    if isinstance(key, rsa.RSAPrivateKey):
        if key.key_size < MIN_RSA_BITS:
            raise ValueError(f"PS256 needs an RSA key of at least {MIN_RSA_BITS} bits, not {key.key_size}")
        return PS256
    raise TypeError(f"unsupported private key type {type(key).__name__}")


def _pss(salt_length: int | padding._Auto) -> padding.PSS:
    return padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=salt_length)


# immutable: made once, not for every verification
_PSS_AUTO = _pss(padding.PSS.AUTO)
_SHA256 = hashes.SHA256()


# ---------------------------------------------------------------------------------------------
# Signing


def sig_structure(protected_bytes: bytes, payload: bytes) -> bytes:
    """The bytes a COSE_Sign1 signature covers (RFC 9052 §4.4), external_aad empty."""
    return cbor2.dumps(["Signature1", protected_bytes, b"", payload])


def sign1(payload: bytes, signer: Signer, protected_extra: dict[int, Any] | None = None,
          unprotected: dict[int, Any] | None = None, tag: bool = True) -> bytes:
    """Return an encoded COSE_Sign1 over ``payload``: protected ``{1: alg, 4: kid}`` plus extras.

    ``protected_extra`` adds protected header parameters (e.g. ``{HEADER_X5CHAIN: der}``); it may
    not override alg or kid, and no label may be both protected and unprotected (RFC 9052 §3).
    """
    if signer.alg not in ALGORITHM_NAMES:
        raise ValueError(f"unsupported COSE algorithm {signer.alg}")
    protected: dict[int, Any] = {HEADER_ALG: signer.alg}
    if signer.kid is not None:
        protected[HEADER_KID] = bytes(signer.kid)
    if protected_extra:
        if protected.keys() & protected_extra.keys():
            raise ValueError("protected_extra may not set alg (1) or kid (4)")
        protected.update(protected_extra)
    unprotected = dict(unprotected or {})
    if protected.keys() & unprotected.keys():
        raise ValueError("a header label may not be both protected and unprotected")
    protected_bytes = cbor2.dumps(protected)
    signature = signer.sign(sig_structure(protected_bytes, payload))
    _check_signature_shape(signer.alg, signature)
    body = [protected_bytes, unprotected, payload, signature]
    return cbor2.dumps(cbor2.CBORTag(TAG_COSE_SIGN1, body) if tag else body)


class Sign1Writer:
    """``sign1`` for many payloads under one signer: the protected header and the fixed parts of the
    Sig_structure and of the COSE_Sign1 are encoded once, each payload only adds its own bytes.

    The output is byte for byte what ``sign1(payload, signer)`` writes (protected ``{1: alg, 4: kid}``,
    empty unprotected map, tag 18), for the same signature.
    """

    def __init__(self, signer: Signer):
        if signer.alg not in ALGORITHM_NAMES:
            raise ValueError(f"unsupported COSE algorithm {signer.alg}")
        protected: dict[int, Any] = {HEADER_ALG: signer.alg}
        if signer.kid is not None:
            protected[HEADER_KID] = bytes(signer.kid)
        protected_bytes = cbor2.dumps(protected)
        protected_item = cbor2.dumps(protected_bytes)
        self.signer = signer
        self._alg = signer.alg
        # ["Signature1", protected, h'', payload] and 18([protected, {}, payload, signature])
        self._to_be_signed_head = b"\x84" + cbor2.dumps("Signature1") + protected_item + b"\x40"
        self._message_head = b"\xd2\x84" + protected_item + b"\xa0"

    def sign(self, payload: bytes) -> bytes:
        payload_item = _bstr_head(len(payload)) + payload
        signature = self.signer.sign(self._to_be_signed_head + payload_item)
        _check_signature_shape(self._alg, signature)
        return self._message_head + payload_item + _bstr_head(len(signature)) + signature

    def sign_many(self, payloads: list[bytes]) -> list[bytes]:
        """``sign`` for each payload, step by step over the whole list: every head first, then every
        signature (the signer's ``sign_many`` when it has one: one trip to an HSM's thread), then
        every message. The same bytes as ``sign`` one at a time; looping over one step at a time
        keeps each step's code and tables in the CPU caches."""
        head = self._to_be_signed_head
        items = [_bstr_head(len(payload)) + payload for payload in payloads]
        to_be_signed = [head + item for item in items]
        sign_many = getattr(self.signer, "sign_many", None)
        signatures = sign_many(to_be_signed) if sign_many is not None else list(map(self.signer.sign, to_be_signed))
        if len(signatures) != len(items):
            raise ValueError(f"the signer returned {len(signatures)} signatures for {len(items)} messages")
        alg, message_head, out = self._alg, self._message_head, []
        for item, signature in zip(items, signatures, strict=True):
            _check_signature_shape(alg, signature)
            out.append(message_head + item + _bstr_head(len(signature)) + signature)
        return out


def _bstr_head(size: int) -> bytes:
    """The CBOR head of a byte string of ``size`` bytes (major type 2, shortest form)."""
    if size < 24:
        return bytes((0x40 | size,))
    if size < 0x100:
        return bytes((0x58, size))
    if size < 0x10000:
        return b"\x59" + size.to_bytes(2, "big")
    if size < 0x100000000:
        return b"\x5a" + size.to_bytes(4, "big")
    return b"\x5b" + size.to_bytes(8, "big")


def _check_signature_shape(alg: int, signature: bytes) -> None:
    """Catch a signer returning DER or the wrong key's signature before a certificate ships."""
    if not isinstance(signature, bytes):
        raise TypeError(f"the signer returned {type(signature).__name__}, not bytes")
    if alg == ES256 and len(signature) != ES256_SIGNATURE_SIZE:
        raise ValueError(f"an ES256 signature must be raw r||s of 64 bytes, got {len(signature)} "
                         "(a DER signature? convert it with ecdsa_der_to_raw)")
    if alg == PS256 and len(signature) < MIN_RSA_BITS // 8:
        raise ValueError(f"a PS256 signature must be at least {MIN_RSA_BITS // 8} bytes, got {len(signature)}")


# ---------------------------------------------------------------------------------------------
# Reading and verifying


@dataclass(frozen=True)
class Sign1Message:
    """A decoded COSE_Sign1. ``protected_bytes`` are kept as received: the signature covers them."""

    protected_bytes: bytes
    protected: dict[Any, Any]
    unprotected: dict[Any, Any]
    payload: bytes
    signature: bytes

    @property
    def alg(self) -> int | None:
        """The algorithm: protected if present there, else unprotected (tolerated by the DCC tests)."""
        alg: int | None = _header(self, HEADER_ALG)
        return alg

    @property
    def kid(self) -> bytes | None:
        """The kid: a protected kid always wins, even a wrong one (a verifier must not fall back)."""
        kid: bytes | None = _header(self, HEADER_KID)
        return kid

    def to_be_signed(self) -> bytes:
        return sig_structure(self.protected_bytes, self.payload)


def _header(msg: Sign1Message, label: int) -> Any:
    if label in msg.protected:
        return msg.protected[label]
    return msg.unprotected.get(label)


def loads_strict(data: bytes, limits: CborLimits | None = None) -> Any:
    """Decode exactly one CBOR item: no trailing bytes, no duplicate map keys, bounded depth.

    With ``limits`` (what a verifier reading a stranger's QR code passes), the bytes are first
    checked by ``cbor_scan.check_cbor``: item count, depth and tags bounded, no shared references.
    """
    if limits is not None:
        try:
            end = check_cbor(data, limits)
        except CborShapeError as exc:
            raise CborError(str(exc)) from exc
        if end != len(data):
            raise CborError(f"{len(data) - end} unexpected bytes after the CBOR item")
    fp = io.BytesIO(data)
    try:
        value = cbor2.CBORDecoder(fp, allow_duplicate_keys=False, max_depth=_MAX_CBOR_DEPTH).decode()
    except (cbor2.CBORError, ValueError, TypeError, OverflowError, RecursionError, EOFError) as exc:
        raise CborError(str(exc) or type(exc).__name__) from exc
    if fp.tell() != len(data):
        raise CborError(f"{len(data) - fp.tell()} unexpected bytes after the CBOR item")
    return value


def decode_sign1(data: bytes, limits: CborLimits | None = None) -> Sign1Message:
    """Parse a COSE_Sign1: tagged 18, untagged, or tag 61 (CWT) wrapping tag 18 (test CO28)."""
    item = loads_strict(data, limits)
    if isinstance(item, cbor2.CBORTag) and item.tag == TAG_CWT:
        item = item.value
    if isinstance(item, cbor2.CBORTag):
        if item.tag != TAG_COSE_SIGN1:
            raise CoseStructureError(f"CBOR tag {item.tag} is not COSE_Sign1 (18)")
        item = item.value
    if not isinstance(item, (list, tuple)) or len(item) != 4:
        raise CoseStructureError("a COSE_Sign1 is an array of 4 items")
    protected_bytes, unprotected, payload, signature = item
    if not isinstance(protected_bytes, bytes) or not isinstance(payload, bytes) or not isinstance(signature, bytes):
        raise CoseStructureError("protected header, payload and signature must be byte strings")
    if not isinstance(unprotected, Mapping):
        raise CoseStructureError("the unprotected header must be a map")
    protected = _decode_protected(protected_bytes, limits)
    msg = Sign1Message(protected_bytes, protected, dict(unprotected), payload, signature)
    _check_header_types(msg)
    return msg


def _decode_protected(protected_bytes: bytes, limits: CborLimits | None = None) -> dict[Any, Any]:
    if not protected_bytes:
        return {}
    return dict(_protected_map(protected_bytes, limits))


@lru_cache(maxsize=64)
def _protected_map(protected_bytes: bytes, limits: CborLimits | None) -> Mapping[Any, Any]:
    """The protected header map, checked and decoded once per distinct header: every certificate
    of one signer carries the same few bytes (``{1: alg, 4: kid}``), so a batch of 10,000 checks
    them once. A header that fails raises every time (exceptions are not cached)."""
    try:
        protected = loads_strict(protected_bytes, limits)
    except CborError as exc:
        raise CoseStructureError(f"the protected header is not CBOR: {exc}") from exc
    if not isinstance(protected, Mapping):
        raise CoseStructureError("the protected header must be a map")
    return dict(protected)


def _check_header_types(msg: Sign1Message) -> None:
    if msg.alg is not None and (not isinstance(msg.alg, int) or isinstance(msg.alg, bool)):
        raise CoseStructureError("the alg header must be an integer")
    if msg.kid is not None and not isinstance(msg.kid, bytes):
        raise CoseStructureError("the kid header must be a byte string")


def verify_signature(msg: Sign1Message, public_key: Any) -> None:
    """Verify ``msg`` with ``public_key``; raise ``CoseAlgorithmError`` or ``CoseSignatureError``.

    The algorithm in the header must fit the key (test CO27: an RSA key with an ECDSA algorithm
    is invalid). A malformed signature is reported, never crashes (test CO24).
    """
    alg = msg.alg
    if alg == ES256:
        _verify_es256(msg, public_key)
    elif alg == PS256:
        _verify_ps256(msg, public_key)
    elif alg is None:
        raise CoseAlgorithmError("the message names no algorithm")
    else:
        raise CoseAlgorithmError(f"algorithm {alg} is not ES256 (-7) or PS256 (-37)")


def _verify_es256(msg: Sign1Message, public_key: Any) -> None:
    if not (isinstance(public_key, ec.EllipticCurvePublicKey) and isinstance(public_key.curve, ec.SECP256R1)):
        raise CoseAlgorithmError(f"ES256 needs a P-256 key, the signing certificate holds {_key_name(public_key)}")
    if len(msg.signature) != ES256_SIGNATURE_SIZE:
        raise CoseSignatureError(f"an ES256 signature is 64 bytes, this one is {len(msg.signature)}")
    try:
        public_key.verify(ecdsa_raw_to_der(msg.signature), msg.to_be_signed(), ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError) as exc:
        raise CoseSignatureError("the ES256 signature does not match") from exc


def _verify_ps256(msg: Sign1Message, public_key: Any) -> None:
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise CoseAlgorithmError(f"PS256 needs an RSA key, the signing certificate holds {_key_name(public_key)}")
    if public_key.key_size < MIN_RSA_BITS:
        raise CoseAlgorithmError(f"RSA keys under {MIN_RSA_BITS} bits are refused ({public_key.key_size})")
    try:
        # Salt length is read from the signature: issuers using the maximum salt are still PSS.
        public_key.verify(msg.signature, msg.to_be_signed(), _PSS_AUTO, _SHA256)
    except (InvalidSignature, ValueError) as exc:
        raise CoseSignatureError("the PS256 signature does not match") from exc


def _key_name(public_key: Any) -> str:
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        return f"an EC {public_key.curve.name} key"
    if isinstance(public_key, rsa.RSAPublicKey):
        return f"an RSA-{public_key.key_size} key"
    return f"a {type(public_key).__name__}"


# ---------------------------------------------------------------------------------------------
# Helpers for other signers and for trust lists


def ecdsa_der_to_raw(der: bytes, size: int = 32) -> bytes:
    """DER ECDSA signature (what OpenSSL returns) -> COSE raw ``r || s``."""
    r, s = decode_dss_signature(der)
    return r.to_bytes(size, "big") + s.to_bytes(size, "big")


def ecdsa_raw_to_der(raw: bytes) -> bytes:
    """COSE raw ``r || s`` -> DER, for verifying with OpenSSL. Raises ValueError on an odd length."""
    if not raw or len(raw) % 2:
        raise ValueError(f"a raw ECDSA signature has an even, non-zero length, not {len(raw)}")
    half = len(raw) // 2
    return encode_dss_signature(int.from_bytes(raw[:half], "big"), int.from_bytes(raw[half:], "big"))


def kid_for_certificate(cert: x509.Certificate | bytes) -> bytes:
    """The DCC key identifier: the first 8 bytes of SHA-256 over the certificate's DER."""
    der = cert if isinstance(cert, bytes) else cert.public_bytes(Encoding.DER)
    return hashlib.sha256(der).digest()[:8]

