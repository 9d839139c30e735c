"""``certificates [--search Q] [--status S] [--phone P] [--insurance N] [--list ID] [--vaccine V]
[--from DAY] [--to DAY] [--export FILE]``: list issued certificates;
``certificates --show ID_OR_UVCI``: one certificate's detail and history.

``--export`` writes one HC1 string per line for the listed certificates that are still valid
(superseded and revoked ones are never handed out again).
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.certificates.detail import certificate_detail_of
from desktop.certificates.search import STATUS_FILTERS, SearchFilters, list_certificates
from desktop.errors import UserError
from desktop.i18n import tr


def register(subparsers) -> None:
    parser = subparsers.add_parser("certificates", help="list (search) issued certificates, export HC1 strings")
    parser.add_argument("--search", default="", help="name (with or without marks), ID number, UVCI or date")
    parser.add_argument("--status", choices=STATUS_FILTERS, help="only certificates in this state")
    parser.add_argument("--phone", default="", help="phone number, in any form (0912…, +84 912…); or its first digits")
    parser.add_argument("--insurance", default="", help="health-insurance card number, or its first characters")
    parser.add_argument("--list", type=int, dest="list_id", help="only records of this daily list (its id)")
    parser.add_argument("--vaccine", default="", help="vaccine name as in the lists, or its EU product code")
    parser.add_argument("--from", dest="date_from", default="", help="vaccinated on or after this day")
    parser.add_argument("--to", dest="date_to", default="", help="vaccinated on or before this day")
    parser.add_argument("--limit", type=int, help="at most N certificates, newest first")
    parser.add_argument("--export", type=Path, help="write one HC1 string per line to this file")
    parser.add_argument("--show", metavar="ID_OR_UVCI",
                        help="one certificate's detail instead: decoded content, validity and history")
    parser.set_defaults(handler=run, permission="view_personal")


def run(args, ctx) -> list | dict:
    if args.show:
        return certificate_detail_of(ctx.workspace, args.show).as_dict()
    filters = SearchFilters(phone=args.phone, insurance_number=args.insurance, list_id=args.list_id,
                            vaccine=args.vaccine, date_from=args.date_from, date_to=args.date_to)
    result = [c.as_dict() for c in list_certificates(ctx.workspace, args.search, args.status, args.limit,
                                                     filters=filters)]
    if args.export is not None:
        lines = [item["hc1"] for item in result if item["status"] == "valid"]
        _write_lines(args.export, lines)
        ctx.err(tr("Đã ghi {n} mã HC1 vào {file}", "Wrote {n} HC1 strings to {file}", n=len(lines),
                   file=str(args.export)))
    return result


def _write_lines(path: Path, lines: list[str]) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_text("".join(line + "\n" for line in lines), encoding="ascii")
        os.replace(tmp, path)
    except OSError as exc:
        raise UserError(tr("Không ghi được tệp {file}: {err}", "Cannot write the file {file}: {err}",
                           file=str(path), err=exc.strerror or str(exc)), code="export_unwritable") from exc
