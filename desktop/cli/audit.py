"""``audit verify``: the audit log's hash chain, checked against the anchors signed outside the database."""

from __future__ import annotations

from typing import Any

from desktop.audit import anchors_from_central, check_log
from desktop.errors import UserError
from desktop.i18n import tr

PROBLEMS = {
    "missing": tr("thiếu sự kiện", "an event is missing"),
    "broken_link": tr("mắt xích bị đứt", "the chain is broken"),
    "altered": tr("sự kiện bị sửa", "an event was edited"),
    "truncated": tr("nhật ký bị cắt bớt so với mốc đã ký", "the log is shorter than a signed anchor"),
    "rewritten": tr("nhật ký bị viết lại so với mốc đã ký", "the log was rewritten since a signed anchor"),
    "anchor_unsigned": tr("bản kê đã ký của một lô không còn khớp chữ ký", "a batch's signed manifest fails its signature"),
    "batch_event_missing": tr("thiếu sự kiện ký của một lô đã ký", "a signed batch's own events are missing"),
    "guard_removed": tr("cơ sở dữ liệu không còn chặn việc sửa, xoá nhật ký",
                        "the database no longer refuses changes to the log"),
}


def register(subparsers) -> None:
    parser = subparsers.add_parser("audit", help="audit log")
    sub = parser.add_subparsers(dest="audit_command", required=True)
    verify = sub.add_parser("verify", help="check that the audit log is complete and unaltered")
    verify.add_argument("--against-central", action="store_true",
                        help="also compare with the anchors the central service holds")
    verify.set_defaults(handler=run, permission="audit")


def fetch_central_anchors(workspace: Any) -> list[dict[str, Any]]:
    """``GET /v1/anchors``: the audit heads of this facility's batches as the central service stored them."""
    from desktop.sync.client import CentralClient

    with CentralClient.for_workspace(workspace) as client:  # with the facility's credential
        return client.fetch_anchors()


def run(args, ctx) -> dict:
    central = None
    if getattr(args, "against_central", False):
        central = anchors_from_central(fetch_central_anchors(ctx.workspace))
    report = check_log(ctx.workspace, central)
    result = report.as_dict()
    if not report.ok:
        problem = PROBLEMS.get(report.problem, tr(report.problem, report.problem))
        if report.first_bad_id is not None:
            message = tr("Nhật ký kiểm tra bị thay đổi từ sự kiện {id}: {problem}",
                         "The audit log was altered at event {id}: {problem}", id=report.first_bad_id, problem=problem)
        else:
            message = tr("Nhật ký kiểm tra không còn đáng tin: {problem} {batch}",
                         "The audit log can no longer be trusted: {problem} {batch}", problem=problem,
                         batch=report.batch_id)
        raise UserError(message, code="audit_broken", details=result)
    return result
