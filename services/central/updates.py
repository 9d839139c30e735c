"""Signed update bundles the central service publishes: EU DCC value sets, the vaccine table and
the trust list (docs/operations.md, "Updates").

The service signs bundles with its own Ed25519 update key, apart from the Document Signer key
(which may sit on an HSM and signs certificates only):

    DATA/update-key.pem        the update key, PKCS#8 encrypted with the key passphrase
    DATA/update-key.pub.pem    its public key: the file facilities trust ("vaxdesk update trust")
    DATA/updates/<kind>.json   the published bundle of each kind, served as stored

``GET /v1/updates/{kind}`` returns the stored bundle byte for byte; a kind never published is 404.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from fastapi import APIRouter
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.updates.bundle import KINDS, key_id, sign_bundle, version_key
from services.central import keys
from services.central.errors import CentralError

UPDATE_KEY_FILE = "update-key.pem"
UPDATE_PUBLIC_FILE = "update-key.pub.pem"
UPDATES_FOLDER = "updates"


def update_key(data_dir: Path | str, create: bool = True) -> ed25519.Ed25519PrivateKey:
    """The service's update signing key, made on first use (encrypted with the key passphrase)."""
    folder = Path(data_dir)
    path = folder / UPDATE_KEY_FILE
    passphrase = keys.read_passphrase(folder)
    if not path.exists():
        if not create:
            raise UserError(tr("Chưa có khoá ký bản cập nhật {file}.", "There is no update signing key {file}.",
                               file=str(path)), code="update_key_missing")
        key = ed25519.Ed25519PrivateKey.generate()
        keys.write_private(path, keys.encrypt_key(key, passphrase))
        public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                               serialization.PublicFormat.SubjectPublicKeyInfo)
        (folder / UPDATE_PUBLIC_FILE).write_bytes(public)
        return key
    key = keys.load_encrypted_key(path, passphrase)
    if not isinstance(key, ed25519.Ed25519PrivateKey):
        raise UserError(tr("Khoá {file} không phải khoá Ed25519.", "The key {file} is not an Ed25519 key.",
                           file=str(path)), code="update_key_invalid")
    return key


def publish_update(data_dir: Path | str, kind: str, version: str, payload: Any) -> dict[str, Any]:
    """Sign ``payload`` as the ``kind`` update ``version`` and publish it; refuse an older version."""
    folder = Path(data_dir)
    out = folder / UPDATES_FOLDER / f"{kind}.json"
    if out.exists():
        try:
            published = json.loads(out.read_text(encoding="utf-8")).get("version", "0")
        except (OSError, ValueError, AttributeError):
            published = "0"
        if version_key(version) <= version_key(str(published)):
            raise UserError(tr("Đã công bố {kind} phiên bản {published}; phiên bản mới phải lớn hơn.",
                               "{kind} version {published} is already published; a new version must be greater.",
                               kind=kind, published=str(published)), code="update_not_newer")
    key = update_key(folder)
    bundle = sign_bundle(kind, version, payload, key)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(json.dumps(bundle, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, out)
    return {"kind": kind, "version": version, "file": str(out), "key_id": key_id(key.public_key()),
            "public_key_file": str(folder / UPDATE_PUBLIC_FILE)}


def update_routes(data_dir: Path | str) -> APIRouter:
    """``GET /v1/updates/{kind}``: the published bundle, as stored."""
    folder = Path(data_dir) / UPDATES_FOLDER
    router = APIRouter()

    def read(kind: str) -> bytes:
        if kind not in KINDS:
            raise CentralError(404, "not_found", tr("Không có loại cập nhật \"{kind}\".",
                                                    "There is no update kind \"{kind}\".", kind=kind))
        try:
            return (folder / f"{kind}.json").read_bytes()
        except FileNotFoundError:
            raise CentralError(404, "not_found", tr("Chưa có bản cập nhật {kind} nào được công bố.",
                                                    "No {kind} update has been published.", kind=kind)) from None

    @router.get("/v1/updates/{kind}", summary="The signed update bundle of one kind: valuesets, vaccines, trustlist")
    async def get_update(kind: str) -> Response:
        return Response(await run_in_threadpool(read, kind), media_type="application/json")

    return router
