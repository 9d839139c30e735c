"""A demo token: a demo Ministry CA and a SoftHSM token holding the facility's key and certificate.

Layout in the workspace (the central service's demo reads the two PEM files):

    <ws>/softhsm2.conf                 private SoftHSM configuration (tokens in <ws>/softhsm/)
    <ws>/pki/ministry-ca.pem           "Bộ Y tế - Demo CA", self-signed
    <ws>/pki/ministry-ca.key           its private key, encrypted (passphrase in ministry-ca.pass, demo only)
    <ws>/pki/facility.pem              the facility's certificate, also stored on the token

The facility certificate names the facility code in ``UID`` as ``MCS:<code>`` (desktop.signing.certcheck).
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.signing.certcheck import FACILITY_PREFIX
from desktop.signing.modules import KNOWN_MODULES, candidate_paths
from desktop.signing.worker import token_worker

DEMO_LABEL = "VAXDESK-DEMO"
DEMO_PIN = "12345678"  # VNPT-CA's default PIN; a demo token only
CA_NAME = "Bộ Y tế - Demo CA"
KEY_ID = b"VAXDESK-FACILITY-1"


def softhsm_module() -> str:
    for path in candidate_paths("SoftHSM2 (demo, test)"):
        if Path(path).is_file():
            return path
    raise UserError(
        tr("Chưa cài SoftHSM2 (gói softhsm2) nên không tạo được token demo.",
           "SoftHSM2 (package softhsm2) is not installed, so no demo token can be made."),
        code="softhsm_missing",
    )


def _write_private(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    os.chmod(path, 0o600)


def create_demo_ca(pki: Path) -> tuple[x509.Certificate, Any]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Bộ Y tế"),
                      x509.NameAttribute(NameOID.COMMON_NAME, CA_NAME)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=1), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    passphrase = secrets.token_urlsafe(24)
    _write_private(pki / "ministry-ca.pass", passphrase.encode())
    _write_private(pki / "ministry-ca.key", key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode())))
    (pki / "ministry-ca.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return cert, key


def issue_facility_certificate(ca_cert: x509.Certificate, ca_key: Any, public_key: Any, facility_code: str,
                               facility_name: str, days: int = 730, not_before: datetime | None = None,
                               key_usage: bool = True) -> x509.Certificate:
    now = not_before or datetime.now(UTC) - timedelta(minutes=5)
    subject = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, facility_name or facility_code),
        x509.NameAttribute(NameOID.USER_ID, FACILITY_PREFIX + facility_code),
        x509.NameAttribute(NameOID.COMMON_NAME, facility_name or facility_code),
    ])
    builder = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(ca_cert.subject).public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
    )
    if key_usage:
        builder = builder.add_extension(
            x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                          encipher_only=False, decipher_only=False), critical=True)
    return builder.sign(ca_key, hashes.SHA256())


def init_softhsm(workspace_path: Path, label: str, pin: str) -> str:
    """Private SoftHSM config and token folder; initialise one token. Returns the config path."""
    tokens = workspace_path / "softhsm"
    if tokens.exists():
        shutil.rmtree(tokens)
    tokens.mkdir(parents=True)
    os.chmod(tokens, 0o700)
    conf = workspace_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n"
                    "slots.removable = false\n", encoding="utf-8")
    util = shutil.which("softhsm2-util")
    if util is None:
        raise UserError(tr("Không có softhsm2-util (gói softhsm2).", "softhsm2-util (package softhsm2) is missing."),
                        code="softhsm_missing")
    so_pin = secrets.token_hex(8)
    proc = subprocess.run([util, "--init-token", "--free", "--label", label, "--so-pin", so_pin, "--pin", pin],
                          env={**os.environ, "SOFTHSM2_CONF": str(conf)}, capture_output=True, text=True)
    if proc.returncode != 0:
        raise UserError(tr("Không khởi tạo được token SoftHSM: {err}", "Cannot initialise the SoftHSM token: {err}",
                           err=proc.stderr.strip() or proc.stdout.strip()), code="softhsm_failed")
    return str(conf)


def _generate_on_token(module: str, label: str, pin: str, algorithm: str) -> Any:
    """On the token thread: a key pair on the token; returns the public key (cryptography object)."""
    from pkcs11 import Attribute, KeyType
    from pkcs11.util.ec import encode_named_curve_parameters

    from desktop.signing.pkcs11_backend import load_library

    lib = load_library(module)
    lib.reinitialize()  # the token folder was just written by softhsm2-util
    token = lib.get_token(token_label=label)
    with token.open(rw=True, user_pin=pin) as session:
        common = {Attribute.TOKEN: True, Attribute.ID: KEY_ID, Attribute.LABEL: "VaxDesk facility key"}
        private_template = {**common, Attribute.SIGN: True, Attribute.SENSITIVE: True,
                            Attribute.EXTRACTABLE: False, Attribute.PRIVATE: True}
        public_template = {**common, Attribute.VERIFY: True}
        if algorithm == "ES256":
            params = session.create_domain_parameters(
                KeyType.EC, {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True)
            pub, _priv = params.generate_keypair(store=True, public_template=public_template,
                                                 private_template=private_template)
            point = pub[Attribute.EC_POINT]
            if point[0] == 0x04 and len(point) == 67:  # DER OCTET STRING around the point
                point = point[2:]
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), bytes(point))
        pub, _priv = session.generate_keypair(KeyType.RSA, 2048, store=True, public_template=public_template,
                                              private_template=private_template)
        n = int.from_bytes(pub[Attribute.MODULUS], "big")
        e = int.from_bytes(pub[Attribute.PUBLIC_EXPONENT], "big")
        return rsa.RSAPublicNumbers(e, n).public_key()


def _store_certificate(module: str, label: str, pin: str, cert: x509.Certificate) -> None:
    from pkcs11 import Attribute, CertificateType, ObjectClass

    from desktop.signing.pkcs11_backend import load_library

    token = load_library(module).get_token(token_label=label)
    with token.open(rw=True, user_pin=pin) as session:
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True, Attribute.PRIVATE: False, Attribute.ID: KEY_ID,
            Attribute.LABEL: "VaxDesk facility certificate",
            Attribute.SUBJECT: cert.subject.public_bytes(), Attribute.ISSUER: cert.issuer.public_bytes(),
            Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
        })


def create_demo_token(workspace: Any, label: str = DEMO_LABEL, pin: str = DEMO_PIN,
                      algorithm: str | None = None) -> dict[str, dict[str, str]]:
    """Demo CA + SoftHSM token with the facility's key and certificate; sets token_module/token_label."""
    settings = workspace.settings
    facility_code = settings.get("facility_code")
    if not facility_code:
        raise UserError(tr("Chưa có mã cơ sở (facility_code).", "The facility code (facility_code) is not set."),
                        code="facility_code_missing")
    algorithm = (algorithm or settings.get("signing_algorithm") or "PS256").upper()
    module = softhsm_module()
    pki = workspace.pki_dir
    ca_cert, ca_key = create_demo_ca(pki)
    conf = init_softhsm(workspace.path, label, pin)
    os.environ["SOFTHSM2_CONF"] = conf
    worker = token_worker()
    public_key = worker.call(_generate_on_token, module, label, pin, algorithm)
    cert = issue_facility_certificate(ca_cert, ca_key, public_key, facility_code, settings.get("facility_name"))
    worker.call(_store_certificate, module, label, pin, cert)
    (pki / "facility.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    settings.set("token_module", module)
    settings.set("token_label", label)
    if algorithm == "ES256":
        settings.set("signing_algorithm", "ES256")
    settings.save()
    return {"token": {"module": module, "label": label, "pin": pin, "softhsm2_conf": conf}}


__all__ = ["create_demo_token", "DEMO_LABEL", "DEMO_PIN", "KNOWN_MODULES", "issue_facility_certificate"]
