"""``update status|apply FILE|fetch [KIND…]|trust KEY_FILE``: value sets, the vaccine table and the
trust list, updated from signed bundles without a new installer.

The central service's operator publishes them with ``central publish-update`` (``desktop/cli/central.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.updates import KINDS, apply_update, trust_key, update_status


def register(subparsers) -> None:
    parser = subparsers.add_parser("update", help="value sets, vaccine table and trust list updates")
    sub = parser.add_subparsers(dest="update_command", required=True)
    sub.add_parser("status", help="the versions in use and the trusted update key").set_defaults(handler=run_status, permission="view")
    apply = sub.add_parser("apply", help="verify and apply an update bundle from a file")
    apply.add_argument("file", type=Path)
    apply.set_defaults(handler=run_apply, permission="settings")
    fetch = sub.add_parser("fetch", help="fetch and apply the central service's updates")
    fetch.add_argument("kinds", nargs="*", metavar="KIND",
                       help=f"one or more of {', '.join(KINDS)} (default: all)")
    fetch.add_argument("--central", help="central service URL (default: the central_url setting)")
    fetch.set_defaults(handler=run_fetch, permission="settings")
    trust = sub.add_parser("trust", help="trust this public key (PEM) for signed updates")
    trust.add_argument("key_file", type=Path)
    trust.set_defaults(handler=run_trust, permission="settings")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError(tr("Không đọc được tệp {file}: {err}", "Cannot read the file {file}: {err}",
                           file=str(path), err=exc.strerror or str(exc)), code="file_unreadable") from exc


def run_status(args, ctx) -> dict:
    return update_status(ctx.workspace).as_dict()


def run_apply(args, ctx) -> dict:
    return apply_update(ctx.workspace, _read(args.file), ctx.actor, source="file").as_dict()


def run_fetch(args, ctx) -> list:
    from desktop.updates.fetch import update_from_central

    for kind in args.kinds:
        if kind not in KINDS:
            raise UserError(tr("Không có loại cập nhật \"{kind}\".", "There is no update kind \"{kind}\".", kind=kind),
                            code="update_bad_kind")
    return [o.as_dict() for o in update_from_central(ctx.workspace, tuple(args.kinds) or KINDS, ctx.actor,
                                                     args.central)]


def run_trust(args, ctx) -> dict:
    key = trust_key(ctx.workspace, _read(args.key_file), ctx.actor)
    ctx.err(tr("Đã tin cậy khoá ký bản cập nhật {key}; hãy so dấu vân tay này với bên vận hành trung ương.",
               "Trusted the update signing key {key}; compare this fingerprint with the central's operator.", key=key))
    return {"trusted_key": key}


def payload_file(kind: str, path: Path):
    """A JSON file; for value sets, a folder of value set files (or one JSON {"files": {...}})."""
    if kind == "valuesets" and path.is_dir():
        return {"files": {p.name: _json(p) for p in sorted(path.glob("*.json"))}}
    return _json(path)


def _json(path: Path):
    try:
        return json.loads(_read(path).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise UserError(tr("Tệp {file} không phải JSON hợp lệ.", "The file {file} is not valid JSON.", file=str(path)),
                        code="file_unreadable") from exc
