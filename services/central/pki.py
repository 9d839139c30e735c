"""Who signed a batch: the x5chain certificates, their chain to a trusted Ministry CA, the signature.

A facility's token certificate is checked the way a relying party checks any signing certificate:
each link's signature, validity now, key usage, not a CA itself, and not revoked in the service's
own signer-revocation table (a lost token is revoked here the moment the Ministry says so, without
waiting for a CRL).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.dcc import cose
from services.central.errors import bad_request, bad_signature, certificate_invalid

RS256 = -257
MANIFEST_ALGORITHMS = {cose.PS256: "PS256", cose.ES256: "ES256", RS256: "RS256"}
MAX_CHAIN = 5


def der_sha256(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(Encoding.DER)).hexdigest()


def spki_sha256(cert: x509.Certificate) -> str:
    """Fingerprint of the public key: a renewed certificate over the same token key still matches."""
    spki = cert.public_key().public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(spki).hexdigest()


def load_pem_certificate(pem: str | bytes) -> x509.Certificate:
    data = pem.encode() if isinstance(pem, str) else pem
    try:
        return x509.load_pem_x509_certificate(data)
    except ValueError:
        return x509.load_der_x509_certificate(data)


def x5chain(msg: cose.Sign1Message) -> list[x509.Certificate]:
    """The certificates in header 33 (protected wins), signer first; [] when there are none."""
    value = msg.protected.get(cose.HEADER_X5CHAIN, msg.unprotected.get(cose.HEADER_X5CHAIN))
    if value is None:
        return []
    items = [value] if isinstance(value, bytes) else value
    if not isinstance(items, (list, tuple)) or not items or len(items) > MAX_CHAIN \
            or not all(isinstance(i, bytes) for i in items):
        raise bad_request("Tiêu đề x5chain (33) phải là một hoặc một danh sách chứng thư DER (tối đa {n}).",
                          "The x5chain header (33) must be one DER certificate or a list of them (at most {n}).",
                          n=MAX_CHAIN)
    try:
        return [x509.load_der_x509_certificate(i) for i in items]
    except ValueError as exc:
        raise bad_request("Chứng thư trong x5chain không đọc được: {err}",
                          "A certificate in x5chain cannot be read: {err}", err=str(exc)) from exc


def _subject(cert: x509.Certificate) -> str:
    return cert.subject.rfc4514_string()


def verify_chain(chain: list[x509.Certificate], trusted: Iterable[x509.Certificate], now: datetime,
                 revoked_sha256: set[str]) -> None:
    """Raise ``certificate_invalid`` unless ``chain`` (signer first) leads to one of ``trusted``."""
    signer = chain[0]
    for cert in chain:
        if der_sha256(cert) in revoked_sha256:
            raise certificate_invalid("Chứng thư {subject} đã bị thu hồi.", "The certificate {subject} was revoked.",
                                      subject=_subject(cert))
        if now < cert.not_valid_before_utc:
            raise certificate_invalid("Chứng thư {subject} chưa có hiệu lực (từ {at}).",
                                      "The certificate {subject} is not valid yet (from {at}).",
                                      subject=_subject(cert), at=cert.not_valid_before_utc.isoformat())
        if now > cert.not_valid_after_utc:
            raise certificate_invalid("Chứng thư {subject} đã hết hạn lúc {at}.",
                                      "The certificate {subject} expired at {at}.",
                                      subject=_subject(cert), at=cert.not_valid_after_utc.isoformat())
    _check_signer_usage(signer)
    for child, parent in zip(chain, chain[1:], strict=False):
        _check_is_ca(parent)
        if not _issued_by(child, parent):
            raise certificate_invalid("Chuỗi chứng thư bị đứt tại {subject}.",
                                      "The certificate chain is broken at {subject}.", subject=_subject(child))
    top = chain[-1]
    for ca in trusted:
        if top.issuer == ca.subject and _issued_by(top, ca):
            if now > ca.not_valid_after_utc or now < ca.not_valid_before_utc:
                raise certificate_invalid("Chứng thư CA {subject} không còn hiệu lực.",
                                          "The CA certificate {subject} is not valid now.", subject=_subject(ca))
            return
    raise certificate_invalid(
        "Chứng thư {subject} không do CA của Bộ Y tế mà dịch vụ tin cậy cấp.",
        "The certificate {subject} was not issued by a Ministry CA this service trusts.", subject=_subject(top))


def _issued_by(child: x509.Certificate, parent: x509.Certificate) -> bool:
    try:
        child.verify_directly_issued_by(parent)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _check_signer_usage(cert: x509.Certificate) -> None:
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is not None and not (usage.digital_signature or usage.content_commitment):
        raise certificate_invalid("Chứng thư {subject} không được phép ký số (key usage).",
                                  "The certificate {subject} may not make digital signatures (key usage).",
                                  subject=_subject(cert))
    try:
        if cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca:
            raise certificate_invalid("Chứng thư {subject} là chứng thư CA, không được ký lô dữ liệu.",
                                      "The certificate {subject} is a CA certificate; it may not sign batches.",
                                      subject=_subject(cert))
    except x509.ExtensionNotFound:
        pass


def _check_is_ca(cert: x509.Certificate) -> None:
    try:
        ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        ca = False
    if not ca:
        raise certificate_invalid("Chứng thư {subject} trong chuỗi không phải chứng thư CA.",
                                  "The certificate {subject} in the chain is not a CA certificate.",
                                  subject=_subject(cert))


def verify_cose(msg: cose.Sign1Message, cert: x509.Certificate) -> None:
    """The COSE signature by ``cert``'s key, for PS256, ES256 or RS256 (tokens without PSS)."""
    if msg.alg not in MANIFEST_ALGORITHMS:
        raise bad_signature("Thuật toán chữ ký {alg} không được chấp nhận (PS256, ES256, RS256).",
                            "The signature algorithm {alg} is not accepted (PS256, ES256, RS256).", alg=msg.alg)
    key: Any = cert.public_key()
    try:
        if msg.alg == RS256:
            if not isinstance(key, rsa.RSAPublicKey) or key.key_size < cose.MIN_RSA_BITS:
                raise cose.CoseAlgorithmError("RS256 needs an RSA key of at least 2048 bits")
            try:
                key.verify(msg.signature, msg.to_be_signed(), padding.PKCS1v15(), hashes.SHA256())
            except (InvalidSignature, ValueError) as exc:
                raise cose.CoseSignatureError("the RS256 signature does not match") from exc
        else:
            cose.verify_signature(msg, key)
    except cose.CoseError as exc:
        raise bad_signature("Chữ ký của lô không hợp lệ: {err}", "The batch signature is invalid: {err}",
                            err=str(exc)) from exc
    if msg.kid is not None and msg.kid != cose.kid_for_certificate(cert):
        raise bad_signature("kid trong chữ ký không khớp chứng thư ký.",
                            "The kid in the signature does not match the signing certificate.")
