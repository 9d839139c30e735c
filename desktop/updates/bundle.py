"""The signed update bundle: value sets, the vaccine table or the trust list, as the central
service publishes them (docs/operations.md, "Updates").

    {"kind": "valuesets" | "vaccines" | "trustlist", "version": "2.13.0", "created": "2026-…Z",
     "payload": {…}, "alg": "Ed25519" | "ES256", "key_id": "<16 hex>", "signature": "<base64>"}

The signature covers the canonical JSON (sorted keys, no spaces, UTF-8) of the four fields
``kind``, ``version``, ``created`` and ``payload``, so a bundle can be carried on a USB stick or
re-served by any web server without losing its proof. ``key_id`` is the first 16 hex digits of
the SHA-256 of the signer's public key (SubjectPublicKeyInfo DER): the fingerprint an
administrator compares when trusting the key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from desktop.errors import UserError
from desktop.i18n import Message, tr

KINDS = ("valuesets", "vaccines", "trustlist")
KIND_LABELS: dict[str, Message] = {
    "valuesets": tr("Bộ mã EU DCC (value sets)", "EU DCC value sets"),
    "vaccines": tr("Bảng vắc xin", "Vaccine table"),
    "trustlist": tr("Danh sách tin cậy", "Trust list"),
}
ALGORITHMS = ("Ed25519", "ES256")
MAX_BUNDLE_BYTES = 16 * 1024 * 1024
_VERSION = re.compile(r"^\d{1,9}(?:\.\d{1,9}){0,3}$")

PublicKey = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey
PrivateKey = ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class Bundle:
    kind: str
    version: str
    created: str
    payload: Any
    key_id: str
    sha256: str  # of the bundle file as received, for the audit log


def kind_label(kind: str) -> Message:
    return KIND_LABELS.get(kind, tr(kind, kind))


def version_key(version: str) -> tuple[int, ...]:
    """"2.13.0" → (2, 13, 0, 0): versions compare number by number, never as text."""
    if not isinstance(version, str) or not _VERSION.match(version):
        raise UserError(tr("Phiên bản \"{version}\" không hợp lệ (dạng 2.13.0).",
                           "The version \"{version}\" is not valid (use the form 2.13.0).", version=str(version)),
                        code="update_bad_version")
    parts = tuple(int(p) for p in version.split("."))
    return parts + (0,) * (4 - len(parts))


def canonical(kind: str, version: str, created: str, payload: Any) -> bytes:
    document = {"kind": kind, "version": version, "created": created, "payload": payload}
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def key_id(public_key: PublicKey) -> str:
    der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()[:16]


def load_public_key(pem: bytes) -> PublicKey:
    try:
        key = serialization.load_pem_public_key(pem)
    except ValueError as exc:
        raise UserError(tr("Tệp khoá công khai không đọc được (cần PEM).", "The public key file is unreadable (PEM needed)."),
                        code="update_bad_key") from exc
    if isinstance(key, ed25519.Ed25519PublicKey) or (
            isinstance(key, ec.EllipticCurvePublicKey) and isinstance(key.curve, ec.SECP256R1)):
        return key
    raise UserError(tr("Khoá ký bản cập nhật phải là Ed25519 hoặc ECDSA P-256.",
                       "The update signing key must be Ed25519 or ECDSA P-256."), code="update_bad_key")


def sign_bundle(kind: str, version: str, payload: Any, private_key: PrivateKey, created: str | None = None) -> dict[str, Any]:
    """A bundle document signed with ``private_key`` (the central service's update key)."""
    if kind not in KINDS:
        raise UserError(tr("Không có loại cập nhật \"{kind}\".", "There is no update kind \"{kind}\".", kind=kind),
                        code="update_bad_kind")
    version_key(version)
    created = created or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    message = canonical(kind, version, created, payload)
    if isinstance(private_key, ed25519.Ed25519PrivateKey):
        alg, signature = "Ed25519", private_key.sign(message)
    else:
        alg, signature = "ES256", private_key.sign(message, ec.ECDSA(hashes.SHA256()))
    return {"kind": kind, "version": version, "created": created, "payload": payload, "alg": alg,
            "key_id": key_id(private_key.public_key()), "signature": base64.b64encode(signature).decode("ascii")}


def _refused(vi: str, en: str, code: str = "update_invalid", **params: Any) -> UserError:
    return UserError(tr(vi, en, **params), code=code)


def read_bundle(data: bytes, trusted: PublicKey | None) -> Bundle:
    """Parse ``data`` and verify its signature with the ``trusted`` key; refuse anything else."""
    if trusted is None:
        raise _refused("Máy này chưa tin cậy khoá ký bản cập nhật nào; hãy chạy \"update trust TỆP_KHOÁ\".",
                       "This workspace trusts no update signing key yet; run \"update trust KEY_FILE\".",
                       code="update_no_trusted_key")
    if len(data) > MAX_BUNDLE_BYTES:
        raise _refused("Tệp cập nhật quá lớn.", "The update file is too large.")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _refused("Tệp không phải là bản cập nhật VaxDesk (JSON hỏng).",
                       "The file is not a VaxDesk update (broken JSON).") from exc
    fields = ("kind", "version", "created", "payload", "alg", "key_id", "signature")
    if not isinstance(document, dict) or any(f not in document for f in fields):
        raise _refused("Tệp không phải là bản cập nhật VaxDesk (thiếu trường).",
                       "The file is not a VaxDesk update (fields are missing).")
    kind, version, created = document["kind"], document["version"], document["created"]
    if kind not in KINDS or not isinstance(created, str):
        raise _refused("Bản cập nhật có loại \"{kind}\" không biết.", "The update has an unknown kind \"{kind}\".",
                       kind=str(kind))
    version_key(version)
    wanted = key_id(trusted)
    if document["key_id"] != wanted:
        raise _refused("Bản cập nhật được ký bởi khoá {got}, không phải khoá tin cậy {wanted}; không áp dụng.",
                       "The update is signed by key {got}, not by the trusted key {wanted}; not applied.",
                       code="update_bad_signature", got=str(document["key_id"]), wanted=wanted)
    try:
        signature = base64.b64decode(str(document["signature"]), validate=True)
        message = canonical(kind, version, created, document["payload"])
        if isinstance(trusted, ed25519.Ed25519PublicKey) and document["alg"] == "Ed25519":
            trusted.verify(signature, message)
        elif isinstance(trusted, ec.EllipticCurvePublicKey) and document["alg"] == "ES256":
            trusted.verify(signature, message, ec.ECDSA(hashes.SHA256()))
        else:
            raise InvalidSignature
    except (InvalidSignature, binascii.Error, ValueError) as exc:
        raise _refused("Chữ ký của bản cập nhật không hợp lệ (tệp bị sửa hoặc hỏng); không áp dụng.",
                       "The update's signature is not valid (the file was changed or damaged); not applied.",
                       code="update_bad_signature") from exc
    return Bundle(kind, version, created, document["payload"], wanted, hashlib.sha256(data).hexdigest())
