"""The service's keys: a demo CSCA, the Document Signer (DSC) certificate, and where the DSC key lives.

The DSC private key is never stored in the database and never logged. It lives either

- in ``dsc-key.pem``: PKCS#8, encrypted with a passphrase that by default is NOT kept beside it:
  it comes from ``VAXDESK_CENTRAL_KEY_PASSPHRASE`` (set from a secret store or a service manager's
  credentials) or is typed at a prompt when the service starts. Only a folder made with
  ``--store-passphrase`` (demo, tests) keeps it in ``key-passphrase`` (mode 0600), where anyone
  who can read the data folder as the service's user holds the key;
- or on a PKCS#11 HSM (``services.central.hsm``), where it cannot be exported at all.
"""

from __future__ import annotations

import os
import secrets
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID, ObjectIdentifier

from desktop.dcc.cose import ALGORITHMS_BY_NAME, ES256, KeySigner, kid_for_certificate
from desktop.errors import UserError
from desktop.i18n import tr

PASSPHRASE_ENV = "VAXDESK_CENTRAL_KEY_PASSPHRASE"
PASSPHRASE_FILE = "key-passphrase"
EKU_VACCINATION = ObjectIdentifier("1.3.6.1.4.1.1847.2021.1.2")
CSCA_NAME = "VN CSCA demo"
DSC_NAME = "VN DSC demo"


def new_private_key(algorithm: str) -> rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey:
    if ALGORITHMS_BY_NAME.get(algorithm) == ES256:
        return ec.generate_private_key(ec.SECP256R1())
    if algorithm == "PS256":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    raise UserError(tr("Thuật toán {alg} không được hỗ trợ (PS256 hoặc ES256).",
                       "The algorithm {alg} is not supported (PS256 or ES256).", alg=algorithm), code="bad_algorithm")


def _name(common_name: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Bộ Y tế - Cục Y tế dự phòng"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def create_csca(now: datetime | None = None) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A self-signed country signing CA ("VN CSCA demo"), valid for 10 years."""
    now = now or datetime.now(UTC)
    key = ec.generate_private_key(ec.SECP384R1())
    name = _name(CSCA_NAME)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA384())
    )
    return key, cert


def issue_dsc(csca_key: ec.EllipticCurvePrivateKey, csca_cert: x509.Certificate, public_key,
              days: int = 730, now: datetime | None = None) -> x509.Certificate:
    """A Document Signer certificate for vaccination certificates (EKU 1.3.6.1.4.1.1847.2021.1.2)."""
    now = now or datetime.now(UTC)
    return (
        x509.CertificateBuilder().subject_name(_name(DSC_NAME)).issuer_name(csca_cert.subject).public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([EKU_VACCINATION]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(csca_key.public_key()), critical=False)
        .sign(csca_key, hashes.SHA384())
    )


def write_private(path: Path, data: bytes) -> None:
    """Write a secret file readable by the owner only (created 0600, never world-readable)."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def new_passphrase() -> str:
    return secrets.token_urlsafe(32)


def passphrase_available(data_dir: Path) -> bool:
    """Whether ``read_passphrase`` has somewhere to read from without a prompt."""
    return bool(os.environ.get(PASSPHRASE_ENV)) or (data_dir / PASSPHRASE_FILE).exists()


def read_passphrase(data_dir: Path) -> bytes:
    """The key passphrase: the environment variable first, else a stored 0600 file (only in a folder
    made with ``--store-passphrase``)."""
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env.encode("utf-8")
    path = data_dir / PASSPHRASE_FILE
    if not path.exists():
        raise UserError(
            tr("Thiếu mật khẩu khoá ký: đặt biến môi trường {env}.",
               "The signing key passphrase is missing: set {env}.", env=PASSPHRASE_ENV),
            code="key_passphrase_missing")
    if os.name == "posix" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise UserError(
            tr("Tệp mật khẩu {file} đọc được bởi người khác; hãy chạy chmod 600.",
               "The passphrase file {file} is readable by others; run chmod 600 on it.", file=str(path)),
            code="key_passphrase_exposed")
    return path.read_bytes().strip()


def encrypt_key(key, passphrase: bytes) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.BestAvailableEncryption(passphrase))


def load_encrypted_key(path: Path, passphrase: bytes):
    try:
        return serialization.load_pem_private_key(path.read_bytes(), password=passphrase)
    except (ValueError, TypeError) as exc:
        raise UserError(
            tr("Không mở được khoá ký {file}: sai mật khẩu hoặc tệp hỏng.",
               "Cannot open the signing key {file}: wrong passphrase or damaged file.", file=str(path)),
            code="key_unreadable") from exc
    except OSError as exc:
        raise UserError(tr("Không đọc được khoá ký {file}: {err}", "Cannot read the signing key {file}: {err}",
                           file=str(path), err=exc.strerror or str(exc)), code="key_unreadable") from exc


def file_signer(key_path: Path, passphrase: bytes, certificate: x509.Certificate) -> KeySigner:
    """A signer over the encrypted key file, refusing a key that is not the certificate's."""
    key = load_encrypted_key(key_path, passphrase)
    spki = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    if key.public_key().public_bytes(*spki) != certificate.public_key().public_bytes(*spki):
        raise UserError(tr("Khoá ký {file} không khớp chứng thư DSC.", "The signing key {file} does not match the DSC "
                           "certificate.", file=str(key_path)), code="key_mismatch")
    return KeySigner(key, kid=kid_for_certificate(certificate))


def pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)
