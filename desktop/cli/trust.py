"""``trust import FILE [--source NAME]`` and ``trust list``: signing certificates of other publishers.

``import`` reads an EU DCC gateway trust list (JSON), a PEM or DER bundle, or a VaxDesk trust
list, and merges its signing certificates into the workspace (``pki/foreign-trust.json``), each
with its source and import date; ``verify`` and the Verify page then trust them alongside the
list the central service publishes. ``list`` shows every imported certificate.
"""

from __future__ import annotations

from pathlib import Path

from desktop.i18n import tr
from desktop.workspace import default_workspace_path


def register(subparsers) -> None:
    parser = subparsers.add_parser("trust", help="import signing certificates other countries publish")
    sub = parser.add_subparsers(dest="trust_command", required=True)
    add = sub.add_parser("import", help="import an EU gateway trust list (JSON), a PEM/DER bundle or a VaxDesk list")
    add.add_argument("file", type=Path)
    add.add_argument("--source", help="where the file came from (default: its name)")
    add.set_defaults(handler=run, permission="settings")
    sub.add_parser("list", help="list the imported signing certificates").set_defaults(handler=run, permission="view")


def run(args, ctx) -> dict | list:
    from desktop.dcc.cose import ALGORITHM_NAMES
    from desktop.dcc.trust_import import import_file, load_foreign

    workspace_dir = ctx.workspace_path or default_workspace_path()
    if args.trust_command == "import":
        report = import_file(Path(workspace_dir), args.file, source=args.source)
        ctx.err(tr("Đã nhập {added} chứng thư ký mới ({present} đã có, {skipped} mục bỏ qua) từ {source}.",
                   "Imported {added} new signing certificates ({present} already present, {skipped} entries "
                   "skipped) from {source}.", added=report.added, present=report.already_present,
                   skipped=len(report.skipped), source=report.source))
        return report.as_dict()
    trust = load_foreign(Path(workspace_dir))
    return [
        {"kid": entry.kid.hex(), "country": entry.country,
         "alg": ALGORITHM_NAMES.get(entry.alg) if entry.alg is not None else None,
         "subject": entry.certificate.subject.rfc4514_string(), "source": entry.source, "added_at": entry.added_at}
        for entry in (trust or [])
    ]
