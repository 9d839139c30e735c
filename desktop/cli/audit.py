"""``audit verify``: recompute the audit log's hash chain."""

from __future__ import annotations

from desktop.audit import verify_chain
from desktop.errors import UserError
from desktop.i18n import tr


def register(subparsers) -> None:
    parser = subparsers.add_parser("audit", help="audit log")
    sub = parser.add_subparsers(dest="audit_command", required=True)
    verify = sub.add_parser("verify", help="check that the audit log is complete and unaltered")
    verify.set_defaults(handler=run, permission="audit")


def run(args, ctx) -> dict:
    with ctx.workspace.db.session() as session:
        report = verify_chain(session)
    result = {"ok": report.ok, "events": report.events, "first_bad_id": report.first_bad_id, "problem": report.problem}
    if not report.ok:
        raise UserError(
            tr("Nhật ký kiểm tra bị thay đổi từ sự kiện {id} ({problem})",
               "The audit log was altered at event {id} ({problem})", id=report.first_bad_id, problem=report.problem),
            code="audit_broken", details=result,
        )
    return result
