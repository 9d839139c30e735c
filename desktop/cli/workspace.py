"""``workspace move --to URL``: move the workspace's SQLite database to an empty PostgreSQL database.

Every table is copied with its ids, the row counts and the audit chain are checked on arrival, and
only then does the workspace use PostgreSQL; the SQLite file is left as it was. Keep the password
out of the URL (it would show in the process list): libpq reads ``PGPASSWORD`` or ``~/.pgpass``.
An administrator's command.
"""

from __future__ import annotations

from desktop.progress import Progress


def register(subparsers) -> None:
    parser = subparsers.add_parser("workspace", help="the workspace's database (administrator)")
    sub = parser.add_subparsers(dest="workspace_command", required=True)
    move = sub.add_parser("move", help="move the workspace from its SQLite file to an empty PostgreSQL database")
    move.add_argument("--to", required=True, metavar="URL", help="postgresql+psycopg://user@host:port/database")
    move.set_defaults(handler=run_move, permission="settings")


def run_move(args, ctx) -> dict:
    from desktop.workspace_move import move_workspace

    def report(done: int, total: int, label: str | None) -> None:
        if label:
            ctx.err(label)

    result = move_workspace(ctx.workspace, args.to, ctx.actor, progress=Progress(report, 0.0))
    ctx.err(f"{sum(result.tables.values())} rows, {result.audit_events} audit events verified → {result.target}")
    return result.as_dict()
