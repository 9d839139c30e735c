"""``resolve RECORD_ID --action A [--reason R] [--set field=value …]``: one clerk decision."""

from __future__ import annotations

from desktop.cli import UsageError
from desktop.i18n import tr
from desktop.models import DECISION_ACTIONS
from desktop.review import resolve, undo_last


def register(subparsers) -> None:
    parser = subparsers.add_parser("resolve", help="decide on a checked record (contracts/mismatch-kinds.md)")
    parser.add_argument("record_id", nargs="?", type=int, help="the record's id")
    parser.add_argument("--action", choices=DECISION_ACTIONS)
    parser.add_argument("--reason", default="", help="why (required for keep_list, edit, reject)")
    parser.add_argument("--set", dest="set_fields", action="append", default=[], metavar="FIELD=VALUE",
                        help="a corrected value for edit: full_name, date_of_birth, sex, id_number, nationality")
    parser.add_argument("--undo", action="store_true", help="undo your latest decision instead")
    parser.set_defaults(handler=run, permission="resolve")


def run(args, ctx) -> dict:
    if args.undo:
        return undo_last(ctx.workspace, ctx.actor)
    if args.record_id is None or not args.action:
        raise UsageError("resolve: RECORD_ID and --action are required (or --undo)")
    values = {}
    for item in args.set_fields:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"resolve: --set needs FIELD=VALUE, got {item!r}")
        values[name.strip()] = value
    after = resolve(ctx.workspace, args.record_id, args.action, args.reason, ctx.actor, set_fields=values or None)
    if after.get("resubmission_of"):
        ctx.err(tr("Bản ghi {old} (trung ương từ chối) đã được gửi lại thành bản ghi {new}; hãy ký lại.",
                   "Record {old} (rejected by the central service) was resubmitted as record {new}; sign it again.",
                   old=after["resubmission_of"], new=after["record_id"]))
    return after
