"""``import FILE``: load a daily list; ``import --export-rejected LIST_ID --out FILE``: the rejected rows, annotated."""

from __future__ import annotations

from pathlib import Path

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.progress import Progress


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import", help="load a daily vaccination list (.xlsx, .xls, .csv)",
        description="Load a daily list. Every row ends accepted, rejected (with row, column, value and reason) "
                    "or duplicate. The whole file is one transaction: all or nothing.")
    parser.add_argument("file", nargs="?", type=Path, help="the list file")
    parser.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                        help="use COLUMN (header text, letter like C, or 1-based number) for FIELD; repeatable")
    parser.add_argument("--preview", action="store_true", help="only show how the file would be read")
    parser.add_argument("--export-rejected", type=int, metavar="LIST_ID",
                        help="write the rejected rows of a loaded list, annotated, to --out (.xlsx or .csv)")
    parser.add_argument("--out", type=Path, help="output file for --export-rejected")
    parser.set_defaults(handler=run, permission="import")


def _parse_map(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise UserError(tr("--map cần dạng trường=cột, không phải “{item}”.",
                               "--map needs field=column, not “{item}”.", item=item), code="bad_map")
        out[key.strip()] = value.strip()
    return out


def run(args, ctx) -> dict:
    from desktop.importer import export_rejected, import_file, preview_file

    if args.export_rejected is not None:
        if args.out is None:
            raise UserError(tr("Cần --out TỆP để xuất các dòng bị từ chối.", "--out FILE is needed for the export."),
                            code="usage")
        return export_rejected(ctx.workspace, args.export_rejected, args.out)
    if args.file is None:
        raise UserError(tr("Hãy chỉ ra tệp danh sách cần nhập.", "Name the list file to load."), code="usage")
    column_map = _parse_map(args.map)
    if args.preview:
        return preview_file(args.file, column_map or None).as_dict()

    last = {"pct": -10}

    def progress_cb(done: int, total: int, label: str | None) -> None:
        pct = int(done * 100 / total) if total else 0
        if pct >= last["pct"] + 10:
            last["pct"] = pct
            ctx.err(f"{pct}% {label or ''}".rstrip())

    result = import_file(ctx.workspace, args.file, ctx.actor, progress=Progress(progress_cb, min_interval=0.5),
                         column_map=column_map or None)
    return result.as_dict()
