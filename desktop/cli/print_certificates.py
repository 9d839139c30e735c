"""``print (--all-new | --uvci U … | --id N …) --out FILE.pdf [--layout a4|card]``: certificates into one PDF."""

from __future__ import annotations

from pathlib import Path

from desktop.certificates.printing import print_certificates
from desktop.cli import UsageError
from desktop.i18n import tr
from desktop.printing.pdf import LAYOUTS
from desktop.progress import Progress


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "print", help="render certificates into one PDF (A4 page or folded A5 card each)",
        description="Superseded, revoked and expired certificates are refused. Every printed certificate is "
                    "counted and recorded in the audit log.")
    parser.add_argument("--all-new", action="store_true", help="every valid certificate never printed")
    parser.add_argument("--uvci", nargs="+", action="extend", default=[],
                        help="the certificates to print, by UVCI (repeat or list several)")
    parser.add_argument("--id", dest="ids", nargs="+", action="extend", type=int, default=[],
                        help="the certificates, by id")
    parser.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    parser.add_argument("--layout", choices=LAYOUTS, default="a4", help="a4 (default) or card (folded A5)")
    parser.set_defaults(handler=run, permission="print")


def run(args, ctx) -> dict:
    if args.all_new == bool(args.uvci or args.ids):
        raise UsageError("print: give either --all-new or --uvci/--id")

    def report(done: int, total: int, label: str | None) -> None:
        ctx.err(f"{label or ''} {done}/{total}".strip())

    result = print_certificates(ctx.workspace, args.out, uvcis=args.uvci, ids=args.ids, all_new=args.all_new,
                                layout=args.layout, actor=ctx.actor, progress=Progress(report, min_interval=1.0))
    ctx.err(tr("Đã in {n} chứng nhận vào {file}", "Printed {n} certificates into {file}", n=result.pages,
               file=result.out))
    return result.as_dict()
