"""``sync``: send signed batches to the central service, store verified certificates, retry failures.

    sync [--central URL] [--timeout S] [--due-only]   one run; JSON: sent, accepted, rejected,
                                                      certificates_received, pending, …
    sync status                                       outbox, last success, last error
    sync pause | sync resume                          background syncing of the window
    sync retry [BATCH_ID …]                           put batches that needed attention back

Exit status 1 when the run could not finish (central unreachable, a batch refused or an alarm);
the JSON document still says what was done.
"""

from __future__ import annotations

import argparse

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.sync import retry_failed, set_paused, sync, sync_status
from desktop.sync.engine import require_central_url


def register(subparsers) -> None:
    parser = subparsers.add_parser("sync", help="send signed batches to the central service and fetch certificates")
    parser.add_argument("--central", metavar="URL", help="central service base URL (default: the central_url setting)")
    parser.add_argument("--timeout", type=float, help="seconds before a request counts as failed (central_timeout)")
    parser.add_argument("--due-only", action="store_true",
                        help="only batches whose retry time has come (for scheduled tasks); default: all pending")
    parser.set_defaults(handler=run, sync_command=None, permission="sync")
    sub = parser.add_subparsers(dest="sync_command")
    for name, help_text, handler in (("status", "outbox, last success and last error", run_status),
                                     ("pause", "pause background syncing", run_pause),
                                     ("resume", "resume background syncing", run_resume)):
        sub.add_parser(name, help=help_text).set_defaults(handler=handler, permission="sync")
    retry = sub.add_parser("retry", help="put batches that needed attention back in the queue")
    retry.add_argument("batch_ids", nargs="*", metavar="BATCH_ID", help="default: every failed batch")
    retry.set_defaults(handler=run_retry, permission="sync")


def run(args: argparse.Namespace, ctx) -> dict:
    workspace = ctx.workspace
    url = require_central_url(workspace, args.central)
    report = sync(workspace, central_url=url, timeout=args.timeout, actor=ctx.actor, force=not args.due_only)
    result = report.as_dict()
    ctx.err(tr("Đã gửi {sent} lô; {accepted} chứng nhận mới; {rejected} bản ghi bị từ chối; còn chờ {pending} bản ghi.",
               "Sent {sent} batches; {accepted} new certificates; {rejected} records refused; {pending} records waiting.",
               sent=report.sent, accepted=report.accepted, rejected=len(report.rejected), pending=report.pending))
    if report.error is not None:
        code = report.error.get("code") or "sync_failed"
        raise UserError(tr(report.error["vi"].replace("{", "{{").replace("}", "}}"),
                           report.error["en"].replace("{", "{{").replace("}", "}}")),
                        code=code, details=result)
    return result


def run_status(args: argparse.Namespace, ctx) -> dict:
    return sync_status(ctx.workspace.db)


def run_pause(args: argparse.Namespace, ctx) -> dict:
    return {"paused": set_paused(ctx.workspace.db, True, ctx.actor)}


def run_resume(args: argparse.Namespace, ctx) -> dict:
    return {"paused": set_paused(ctx.workspace.db, False, ctx.actor)}


def run_retry(args: argparse.Namespace, ctx) -> dict:
    return {"requeued": retry_failed(ctx.workspace.db, ctx.actor, args.batch_ids or None)}
