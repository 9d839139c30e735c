"""``sign``: sign the ready records with the facility's USB token; ``sign status``: the token's state."""

from __future__ import annotations

import re

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.progress import Progress
from desktop.signing.batch import Selection, sign_ready
from desktop.signing.handler import CommandLineHandler
from desktop.signing.token import token_status


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "sign", help="sign the verified, unsigned records with the USB token (one signature per batch)",
        description="Signs every ready record (matched or resolved, not yet signed) as batches of up to "
                    "batch_size records, one token signature each. The PIN comes from one line of stdin "
                    "(--pin-stdin) or the environment variable VAXDESK_TOKEN_PIN, never from the command line. "
                    "Running the command is the confirmation; the summary is printed on stderr.",
    )
    parser.add_argument("what", nargs="?", choices=("status",), help="'status': show the token, sign nothing")
    parser.add_argument("--limit", type=int, help="sign at most N records")
    parser.add_argument("--list", dest="list_id", type=int, help="only records of this daily list (id)")
    parser.add_argument("--date", help="only records vaccinated on this day (YYYY-MM-DD)")
    parser.add_argument("--pin-stdin", action="store_true", help="read the token PIN from one line of stdin")
    parser.add_argument("--yes", action="store_true", help="accepted for scripts; the command itself confirms")
    parser.set_defaults(handler=run, permission=lambda args, _ctx: "view" if args.what == "status" else "sign")


def run(args, ctx) -> dict:
    workspace = ctx.workspace
    if args.what == "status":
        return token_status(workspace).as_dict()
    if args.date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.date):
        raise UserError(tr("Ngày {d} không đúng dạng YYYY-MM-DD.", "The date {d} is not in the form YYYY-MM-DD.",
                           d=args.date), code="bad_date")
    if args.limit is not None and args.limit < 1:
        raise UserError(tr("--limit phải lớn hơn 0.", "--limit must be at least 1."), code="bad_limit")
    handler = CommandLineHandler(stdin=ctx.stdin, use_stdin=args.pin_stdin)
    selection = Selection(list_id=args.list_id, vaccination_date=args.date, limit=args.limit)

    def report(done: int, total: int, label: str | None) -> None:
        if label:
            ctx.err(f"{label} {done}/{total}")

    results = sign_ready(workspace, handler, selection, progress=Progress(report, min_interval=1.0), actor=ctx.actor)
    for r in results:
        ctx.err(tr("Đã ký lô {b}: {n} bản ghi", "Signed batch {b}: {n} records", b=r.batch_id, n=r.records))
    return {"batches": [r.as_dict() for r in results]}
