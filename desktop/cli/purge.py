"""``purge [--dry-run] [--days N]``: remove personal data of records certified longer ago than
``retention_days`` (docs/operations.md, "Retention"). Run with ``--dry-run`` first to see the counts."""

from __future__ import annotations

from desktop.retention import purge

REQUIRED_ROLE = "administrator"


def register(subparsers) -> None:
    parser = subparsers.add_parser("purge", help="remove personal data past the retention period (administrator)")
    parser.add_argument("--dry-run", action="store_true", help="only count what would be purged")
    parser.add_argument("--days", type=int, help="retention in days (default: the retention_days setting)")
    parser.set_defaults(handler=run)


def run(args, ctx) -> dict:
    return purge(ctx.workspace, days=args.days, dry_run=args.dry_run, actor=ctx.actor).as_dict()
