"""The encrypted backup file: a readable header, then the payload sealed in authenticated chunks.

Layout (docs/operations.md, "Backup file format")::

    MAGIC (15 bytes "VAXDESK-BACKUP\\n") | header length (4 bytes, big-endian) | header (UTF-8 JSON)
    frame*:  ciphertext length L (4 bytes) | final flag (1 byte) | L bytes of AES-256-GCM ciphertext

The key comes from the passphrase through scrypt (salt and costs in the header). Frame ``i`` uses the
nonce ``nonce_prefix (8 bytes) || i (4 bytes)`` and the associated data
``SHA-256(magic | length | header) || i || final``: the header (facility, version, created time) is
authenticated with every frame, frames cannot be reordered, and a cut-off file has no final frame.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.errors import UserError
from desktop.i18n import tr

MAGIC = b"VAXDESK-BACKUP\n"
FORMAT = "vaxdesk-backup"
VERSION = 1
CHUNK = 1 << 20
MAX_HEADER = 64 * 1024
SCRYPT = {"n": 1 << 15, "r": 8, "p": 1}


@dataclass(frozen=True)
class Header:
    fields: dict[str, Any]
    raw: bytes  # magic | length | JSON, exactly as stored

    @property
    def facility_code(self) -> str:
        return str(self.fields.get("facility_code", ""))

    @property
    def created_at(self) -> str:
        return str(self.fields.get("created_at", ""))

    def public(self) -> dict[str, Any]:
        """What may be shown without the passphrase."""
        return {k: v for k, v in self.fields.items() if k not in ("kdf", "nonce_prefix", "key_check")}


def not_a_backup(path: Path | str) -> UserError:
    return UserError(
        tr("{file} không phải là tệp sao lưu VaxDesk hoặc đã bị hỏng; không có gì bị thay đổi.",
           "{file} is not a VaxDesk backup or it is damaged; nothing was changed.", file=str(path)),
        code="backup_corrupted",
    )


def corrupted(path: Path | str) -> UserError:
    return UserError(
        tr("Tệp sao lưu {file} đã bị hỏng hoặc bị sửa (mật khẩu đúng nhưng nội dung không khớp); "
           "không có gì bị thay đổi. Hãy dùng một bản sao lưu khác.",
           "The backup {file} is damaged or altered (the passphrase is right but the content does not "
           "match); nothing was changed. Use another backup.", file=str(path)),
        code="backup_corrupted",
    )


def wrong_passphrase() -> UserError:
    return UserError(
        tr("Sai mật khẩu sao lưu; không có gì bị thay đổi.", "Wrong backup passphrase; nothing was changed."),
        code="backup_wrong_passphrase",
    )


def _derive(passphrase: str, kdf: dict[str, Any]) -> tuple[bytes, bytes]:
    """(encryption key, key check): the check lets a wrong passphrase be told from a damaged file."""
    if not passphrase:
        raise UserError(tr("Chưa có mật khẩu sao lưu.", "No backup passphrase was given."), code="no_passphrase")
    salt = base64.b64decode(kdf["salt"])
    material = Scrypt(salt=salt, length=64, n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"])).derive(
        passphrase.encode("utf-8"))
    return material[:32], hashlib.sha256(material[32:]).digest()


def _aad(header_digest: bytes, index: int, final: bool) -> bytes:
    return header_digest + struct.pack(">IB", index, int(final))


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def write(out: BinaryIO, source: BinaryIO, passphrase: str, fields: dict[str, Any]) -> Header:
    """Encrypt ``source`` (read to its end) into ``out`` under a header holding ``fields``."""
    kdf = {"name": "scrypt", **SCRYPT, "salt": base64.b64encode(os.urandom(16)).decode()}
    key, check = _derive(passphrase, kdf)
    prefix = os.urandom(8)
    body = {"format": FORMAT, "version": VERSION, **fields, "cipher": "AES-256-GCM", "chunk_size": CHUNK,
            "kdf": kdf, "nonce_prefix": base64.b64encode(prefix).decode(), "key_check": check.hex()}
    data = json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")
    raw = MAGIC + struct.pack(">I", len(data)) + data
    out.write(raw)
    digest = hashlib.sha256(raw).digest()
    aead = AESGCM(key)
    index = 0
    chunk = source.read(CHUNK)
    while True:
        following = source.read(CHUNK)
        final = not following
        sealed = aead.encrypt(_nonce(prefix, index), chunk, _aad(digest, index, final))
        out.write(struct.pack(">IB", len(sealed), int(final)) + sealed)
        if final:
            break
        chunk, index = following, index + 1
    return Header(body, raw)


def read_header(stream: BinaryIO, path: Path | str = "") -> Header:
    magic = stream.read(len(MAGIC))
    if magic != MAGIC:
        raise not_a_backup(path)
    size_bytes = stream.read(4)
    if len(size_bytes) != 4:
        raise not_a_backup(path)
    (size,) = struct.unpack(">I", size_bytes)
    if size > MAX_HEADER:
        raise not_a_backup(path)
    data = stream.read(size)
    try:
        fields = json.loads(data.decode("utf-8"))
        if fields.get("format") != FORMAT or not isinstance(fields.get("kdf"), dict):
            raise ValueError("format")
    except (ValueError, UnicodeDecodeError):
        raise not_a_backup(path) from None
    if fields.get("version") != VERSION:
        raise UserError(
            tr("Tệp sao lưu có định dạng phiên bản {v}, phiên bản VaxDesk này không đọc được; hãy cập nhật VaxDesk.",
               "The backup has format version {v}, which this VaxDesk cannot read; update VaxDesk.",
               v=fields.get("version")),
            code="backup_too_new",
        )
    return Header(fields, magic + size_bytes + data)


def open_header(path: Path) -> Header:
    try:
        with open(path, "rb") as stream:
            return read_header(stream, path)
    except OSError as exc:
        raise UserError(tr("Không đọc được tệp {file}: {err}", "Cannot read the file {file}: {err}",
                           file=str(path), err=exc.strerror or str(exc)), code="backup_unreadable") from exc


def decrypt(path: Path, passphrase: str) -> Iterator[bytes]:
    """The plaintext chunks of a backup, each authenticated before it is yielded.

    Raises ``backup_wrong_passphrase`` before yielding anything when the passphrase is wrong, and
    ``backup_corrupted`` for a damaged, altered or cut-off file.
    """
    with open(path, "rb") as stream:
        header = read_header(stream, path)
        try:
            key, check = _derive(passphrase, header.fields["kdf"])
            expected = bytes.fromhex(header.fields["key_check"])
            prefix = base64.b64decode(header.fields["nonce_prefix"])
        except (KeyError, ValueError, TypeError):
            raise not_a_backup(path) from None
        if not hmac.compare_digest(check, expected):
            raise wrong_passphrase()
        digest = hashlib.sha256(header.raw).digest()
        aead = AESGCM(key)
        index = 0
        while True:
            preface = stream.read(5)
            if len(preface) != 5:
                raise corrupted(path)
            length, final = struct.unpack(">IB", preface)
            if length > CHUNK + 16 or final not in (0, 1):
                raise corrupted(path)
            sealed = stream.read(length)
            if len(sealed) != length:
                raise corrupted(path)
            try:
                plain = aead.decrypt(_nonce(prefix, index), sealed, _aad(digest, index, bool(final)))
            except InvalidTag:
                raise corrupted(path) from None
            yield plain
            if final:
                break
            index += 1
        if stream.read(1):
            raise corrupted(path)
