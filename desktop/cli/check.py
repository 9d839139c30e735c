"""``check [--registry URL]``: check unchecked records against the population registry."""

from __future__ import annotations

from desktop.errors import UserError
from desktop.progress import Progress
from desktop.registry import check_records


def register(subparsers) -> None:
    parser = subparsers.add_parser("check", help="check unchecked records against the population registry")
    parser.add_argument("--registry", metavar="URL", help="registry base URL (default: the workspace's setting)")
    parser.set_defaults(handler=run, permission="check")


def run(args, ctx) -> dict:
    last = [-1]

    def report(done: int, total: int, _label: str | None) -> None:
        percent = done * 100 // max(total, 1)
        if percent // 10 != last[0] // 10:
            last[0] = percent
            ctx.err(f"{done}/{total}")

    result = check_records(ctx.workspace, ctx.actor, registry_url=args.registry, progress=Progress(report, 0.5))
    out = result.as_dict()
    if result.not_checked:
        # records answered before the failure are stored; the rest are retried by the next check
        raise UserError(result.explanation, code="registry_unavailable", details=out)
    ctx.err(result.explanation)
    return out
