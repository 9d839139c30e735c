"""``records``: list loaded vaccination records, filtered like the records table in the window."""

from __future__ import annotations


def register(subparsers) -> None:
    parser = subparsers.add_parser("records", help="list vaccination records")
    parser.add_argument("--status", help="registry check status: unchecked, matched, mismatch, not_found, invalid_id")
    parser.add_argument("--stage", help="stage: loaded, signed, sent, certified, …")
    parser.add_argument("--search", default="", help="name (with or without marks), ID number or platform record id")
    parser.add_argument("--list", type=int, dest="list_id", help="only records of this list")
    parser.add_argument("--limit", type=int, default=1000, help="at most this many records (default 1000, 0: all)")
    parser.add_argument("--mask-ids", action="store_true", help="show ID numbers masked")
    parser.set_defaults(handler=run, permission="view_personal")


def run(args, ctx) -> dict:
    from desktop.importer.listing import list_records
    from desktop.importer.queries import RecordFilter

    flt = RecordFilter(status=args.status, stage=args.stage, search=args.search, list_id=args.list_id)
    return list_records(ctx.workspace, flt, limit=args.limit or None, mask_ids=args.mask_ids).as_dict()
