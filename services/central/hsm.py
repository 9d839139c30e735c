"""The Document Signer key on a PKCS#11 HSM (SoftHSM in tests): it never leaves the device.

All PKCS#11 calls run on one thread (``vaxdesk-token-central``): HSM modules are not reliably
thread-safe and the session is bound to the thread that opened it. The PIN comes from
``VAXDESK_CENTRAL_HSM_PIN`` and is never stored or logged.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pkcs11
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_der_public_key
from pkcs11 import MGF, Attribute, KeyType, Mechanism, ObjectClass
from pkcs11.util.ec import encode_ec_public_key, encode_named_curve_parameters

from desktop.dcc.cose import ES256, PS256, kid_for_certificate
from desktop.errors import UserError
from desktop.i18n import tr

PIN_ENV = "VAXDESK_CENTRAL_HSM_PIN"
THREAD_NAME = "vaxdesk-token-central"


def _pin() -> str:
    pin = os.environ.get(PIN_ENV)
    if not pin:
        raise UserError(tr("Thiếu mã PIN của HSM trong biến môi trường {env}.",
                           "The HSM PIN is missing from the environment variable {env}.", env=PIN_ENV), code="hsm_pin")
    return pin


def _open(settings: dict[str, Any]):
    try:
        lib = pkcs11.lib(settings["module"])
        token = lib.get_token(token_label=settings["token_label"])
        return token.open(user_pin=_pin(), rw=True)
    except (pkcs11.PKCS11Error, RuntimeError, OSError) as exc:
        raise UserError(tr("Không mở được HSM {label}: {err}", "Cannot open the HSM {label}: {err}",
                           label=settings.get("token_label"), err=type(exc).__name__), code="hsm_unavailable") from exc


def generate_hsm_key(settings: dict[str, Any], algorithm: str):
    """Create the DSC key pair on the HSM; returns its public key (a ``cryptography`` object)."""
    with ThreadPoolExecutor(1, thread_name_prefix=THREAD_NAME) as thread:
        return thread.submit(_generate, settings, algorithm).result()


def _generate(settings: dict[str, Any], algorithm: str):
    session = _open(settings)
    try:
        label = settings.get("key_label", "vaxdesk-dsc")
        key_id = hashlib.sha256(label.encode()).digest()[:8]
        if algorithm == "ES256":
            params = session.create_domain_parameters(
                KeyType.EC, {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True)
            public, _private = params.generate_keypair(store=True, label=label, id=key_id)
            return load_der_public_key(encode_ec_public_key(public))
        public, _private = session.generate_keypair(KeyType.RSA, 2048, store=True, label=label, id=key_id)
        n = int.from_bytes(public[Attribute.MODULUS], "big")
        e = int.from_bytes(public[Attribute.PUBLIC_EXPONENT], "big")
        return rsa.RSAPublicNumbers(e, n).public_key()
    finally:
        session.close()


class HsmSigner:
    """A ``desktop.dcc.cose.Signer`` whose key is on the HSM; one session on one thread."""

    def __init__(self, settings: dict[str, Any], certificate: x509.Certificate):
        self.kid = kid_for_certificate(certificate)
        public = certificate.public_key()
        self.alg = ES256 if isinstance(public, ec.EllipticCurvePublicKey) else PS256
        if not isinstance(public, (ec.EllipticCurvePublicKey, rsa.RSAPublicKey)):
            raise UserError(tr("Khoá DSC phải là RSA hoặc EC.", "The DSC key must be RSA or EC."), code="hsm_key")
        self._thread = ThreadPoolExecutor(1, thread_name_prefix=THREAD_NAME)
        self._settings = settings
        self._spki = public.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
        self._session = None
        self._key = None
        self._thread.submit(self._connect).result()

    def _connect(self) -> None:
        self._session = _open(self._settings)
        label = self._settings.get("key_label", "vaxdesk-dsc")
        try:
            self._key = self._session.get_key(object_class=ObjectClass.PRIVATE_KEY, label=label)
        except (pkcs11.NoSuchKey, pkcs11.MultipleObjectsReturned) as exc:
            raise UserError(tr("Không tìm thấy đúng một khoá \"{label}\" trên HSM.",
                               "There is not exactly one key \"{label}\" on the HSM.", label=label),
                            code="hsm_key") from exc

    def _sign(self, data: bytes) -> bytes:
        assert self._key is not None
        if self.alg == ES256:
            digest = hashlib.sha256(data).digest()  # SoftHSM lacks CKM_ECDSA_SHA256
            return bytes(self._key.sign(digest, mechanism=Mechanism.ECDSA))  # raw r||s already
        return bytes(self._key.sign(data, mechanism=Mechanism.SHA256_RSA_PKCS_PSS,
                                    mechanism_param=(Mechanism.SHA256, MGF.SHA256, 32)))

    def sign(self, to_be_signed: bytes) -> bytes:
        return self._thread.submit(self._sign, to_be_signed).result()

    def sign_many(self, items: list[bytes]) -> list[bytes]:
        return self._thread.submit(lambda: [self._sign(i) for i in items]).result()

    def close(self) -> None:
        def _close() -> None:
            if self._session is not None:
                try:
                    self._session.close()
                except pkcs11.PKCS11Error:
                    pass
                self._session = None

        self._thread.submit(_close).result()
        self._thread.shutdown(wait=True)


def open_hsm_signer(settings: dict[str, Any], certificate: x509.Certificate) -> HsmSigner:
    return HsmSigner(settings, certificate)
