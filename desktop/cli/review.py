"""``review [--kind K] [--status S] [--bulk ACTION --reason R]``: the queue of records needing a decision."""

from __future__ import annotations

from desktop.cli import UsageError
from desktop.review import bulk_resolve, queue_counts
from desktop.review.decisions import BULK_ACTIONS
from desktop.review.queue import QUEUE_STATUSES, queue_listing


def register(subparsers) -> None:
    parser = subparsers.add_parser("review", help="list the records needing a decision, with counts per kind")
    parser.add_argument("--kind", help="a difference kind: accents, or field:kind such as name:typo")
    parser.add_argument("--status", choices=QUEUE_STATUSES,
                        help="central: signed records the central service rejected (a decision resubmits them)")
    parser.add_argument("--limit", type=int, default=0, help="list at most N records (0: all)")
    parser.add_argument("--bulk", choices=BULK_ACTIONS, help="decide the same for every listed record")
    parser.add_argument("--reason", default="", help="reason of a bulk decision")
    parser.set_defaults(handler=run, permission=lambda args, _ctx: "resolve" if args.bulk else "view_personal")


def run(args, ctx) -> dict:
    ws = ctx.workspace
    if args.bulk:
        if not args.kind and not args.status:
            raise UsageError("review --bulk needs --kind or --status")
        changed = bulk_resolve(ws, args.bulk, args.reason, ctx.actor, kind=args.kind, status=args.status)
        return {"changed": changed, "action": args.bulk, "counts": queue_counts(ws)}
    return queue_listing(ws, args.kind, args.status, args.limit).as_dict()
