"""``report day|register|chart``: the day's report for the Department (xlsx or PDF, a day or a
range), the certificate register for the province (xlsx or CSV), the Overview's chart (PNG).

They hold personal data (the register) or the facility's figures, so they are for signed-in staff.
"""

from __future__ import annotations

from pathlib import Path

from desktop.errors import UserError
from desktop.i18n import tr


def register(subparsers) -> None:
    parser = subparsers.add_parser("report", help="day report, certificate register, overview chart")
    sub = parser.add_subparsers(dest="report_command", required=True)
    day = sub.add_parser("day", help="the day's report (per list, per vaccine and dose) as .xlsx or .pdf")
    day.add_argument("--from", dest="date_from", help="first vaccination day (default: today)")
    day.add_argument("--to", dest="date_to", help="last vaccination day (default: the first)")
    day.add_argument("--out", type=Path, required=True, help="file to write: .xlsx or .pdf")
    day.set_defaults(handler=run_day, permission="view_personal")
    register_ = sub.add_parser("register", help="the certificate register as .xlsx or .csv")
    register_.add_argument("--from", dest="date_from", help="only vaccinations on or after this day")
    register_.add_argument("--to", dest="date_to", help="only vaccinations on or before this day")
    register_.add_argument("--out", type=Path, required=True, help="file to write: .xlsx or .csv")
    register_.set_defaults(handler=run_register, permission="view_personal")
    chart = sub.add_parser("chart", help="the Overview's chart as a PNG picture")
    chart.add_argument("--by", choices=("lists", "days"), default="lists")
    chart.add_argument("--out", type=Path, required=True, help="file to write (.png)")
    chart.set_defaults(handler=run_chart, permission="view_personal")


def run_day(args, ctx) -> dict:
    from desktop.reports import day_report

    suffix = args.out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise UserError(tr("Báo cáo ngày chỉ xuất được dạng .xlsx hoặc .pdf.", "The day report is written as .xlsx or .pdf."),
                        code="bad_format")
    report = day_report(ctx.workspace, args.date_from, args.date_to)
    if suffix == ".pdf":
        from desktop.reports.pdf import write_pdf

        write_pdf(report, args.out)
    else:
        from desktop.reports.workbook import write_workbook

        write_workbook(report, args.out)
    result = report.as_dict()
    result["file"] = str(args.out)
    return result


def run_register(args, ctx) -> dict:
    from desktop.reports.register import write_register

    count = write_register(ctx.workspace, args.out, date_from=args.date_from, date_to=args.date_to)
    return {"file": str(args.out), "certificates": count}


def run_chart(args, ctx) -> dict:
    from desktop.overview import todays_picture
    from desktop.reports.chart import write_chart

    write_chart(todays_picture(ctx.workspace, lists=20, days=14), args.out, args.by)
    return {"file": str(args.out)}
