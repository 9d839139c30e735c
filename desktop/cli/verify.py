"""``verify (HC1 | --image FILE) [--trust-list FILE]``: decode and verify one certificate.

The result is printed whether the certificate is valid or not (``valid`` says which), so the
exit status is 0 once a verdict exists; 1 only when no verdict could be reached (no such
picture, unreadable trust list) and 2 for wrong usage.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli import UsageError
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.workspace import default_workspace_path

if TYPE_CHECKING:
    from desktop.dcc.trustlist import TrustList

# The certificate library (cryptography, zxing-cpp) is imported when the command runs, not when
# the command line starts: every other command would pay for it.


def register(subparsers) -> None:
    parser = subparsers.add_parser("verify", help="decode and verify an HC1 certificate (text or QR picture)")
    parser.add_argument("hc1", nargs="?", help='the "HC1:..." text, or "-" to read it from stdin')
    parser.add_argument("--image", type=Path, help="a PNG/JPEG picture of the QR code")
    parser.add_argument("--trust-list", type=Path,
                        help="trust list JSON (default: pki/trustlist.json in the workspace, if present)")
    parser.add_argument("--at", help="verify as of this ISO 8601 time instead of now (e.g. 2021-05-03T18:00:00Z)")
    parser.set_defaults(handler=run, permission="public")


def run(args, ctx) -> dict:
    from desktop.dcc.hc1 import verify_hc1

    text = _certificate_text(args, ctx)
    trust_list = _trust_list(args, ctx)
    if trust_list is None:
        ctx.err(tr("Không có danh sách tin cậy: chỉ giải mã, không kiểm tra được chữ ký.",
                   "No trust list: the certificate is decoded but its signature cannot be checked."))
    return complete_document(verify_hc1(text, trust_list, now=_moment(args.at)))


def complete_document(result) -> dict:
    """The verdict as a JSON document built to the end before anything is printed: a value that
    cannot be written as JSON makes the whole verdict "not valid", never a cut-off document."""
    try:
        text = json.dumps(result.as_dict(), ensure_ascii=False, allow_nan=False)
    except (ValueError, TypeError, RecursionError) as exc:
        from desktop.dcc.problems import problem

        fault = problem("verifier_error", detail=type(exc).__name__)
        text = json.dumps({"valid": False, "problems": [fault.as_dict()], "dcc": None}, ensure_ascii=False)
    return json.loads(text)


def _certificate_text(args, ctx) -> str:
    if (args.hc1 is None) == (args.image is None):
        raise UsageError("verify: give either an HC1 text or --image FILE")
    if args.image is not None:
        from desktop.dcc.qr import read_qr_text

        return read_qr_text(args.image)
    return ctx.stdin.read() if args.hc1 == "-" else args.hc1


def _trust_list(args, ctx) -> TrustList | None:
    from desktop.dcc.trust_import import load_foreign
    from desktop.dcc.trustlist import TrustList, workspace_trust_list_path

    if args.trust_list is not None:
        return TrustList.load(args.trust_list)
    # Look, never create: verifying must not leave an empty workspace behind.
    workspace_dir = ctx.workspace_path or default_workspace_path()
    default = workspace_trust_list_path(workspace_dir)
    trust = TrustList.load(default) if default.is_file() else None
    foreign = load_foreign(workspace_dir)  # signing certificates imported with "trust import"
    if trust is None:
        return foreign
    if foreign is not None:
        trust.merge(foreign)
    return trust


def _moment(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise UserError(tr("Thời điểm \"{value}\" không đúng định dạng ISO 8601.",
                           "The time \"{value}\" is not ISO 8601.", value=text), code="bad_time") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
