"""Report exports from the Overview: the day's report (xlsx, PDF), the certificate register (xlsx,
CSV) and the chart as a PNG picture. The files are written by ``desktop.reports`` off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QWidget

from desktop.accounts.roles import require_role
from desktop.i18n import tr
from desktop.views import dialogs
from desktop.views.operations import DbOp, NetOp

KINDS = {
    "day_xlsx": (tr("Báo cáo ngày (Excel .xlsx)", "Day report (Excel .xlsx)"), "xlsx"),
    "day_pdf": (tr("Báo cáo ngày (PDF)", "Day report (PDF)"), "pdf"),
    "register_xlsx": (tr("Sổ chứng nhận (Excel .xlsx)", "Certificate register (Excel .xlsx)"), "xlsx"),
    "register_csv": (tr("Sổ chứng nhận (CSV)", "Certificate register (CSV)"), "csv"),
}


@dataclass(frozen=True)
class ReportRequest:
    kind: str  # a key of KINDS
    date_from: str
    date_to: str


class ReportDialog(QDialog):
    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(str(tr("Xuất báo cáo", "Export a report")))
        form = QFormLayout(self)
        self.kind = QComboBox()
        for key, (label, _suffix) in KINDS.items():
            self.kind.addItem(str(label), key)
        self.date_from, self.date_to = QDateEdit(QDate.currentDate()), QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        form.addRow(str(tr("Loại:", "Kind:")), self.kind)
        form.addRow(str(tr("Từ ngày tiêm:", "From vaccination day:")), self.date_from)
        form.addRow(str(tr("Đến ngày tiêm:", "To vaccination day:")), self.date_to)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def request(self) -> ReportRequest:
        return ReportRequest(self.kind.currentData(), self.date_from.date().toString("yyyy-MM-dd"),
                             self.date_to.date().toString("yyyy-MM-dd"))


def ask_report(parent: QWidget | None) -> ReportRequest | None:
    dialog = ReportDialog(parent)
    return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _write(workspace, request: ReportRequest, path: str, progress) -> Any:
    if request.kind.startswith("day_"):
        from desktop.reports import day_report

        report = day_report(workspace, request.date_from, request.date_to)
        if request.kind == "day_pdf":
            from desktop.reports.pdf import write_pdf

            return write_pdf(report, path)
        from desktop.reports.workbook import write_workbook

        return write_workbook(report, path)
    from desktop.reports.register import write_register

    return write_register(workspace, path, KINDS[request.kind][1], request.date_from, request.date_to, progress)


def _done(parent: QWidget, path: str):
    def show(_result) -> None:
        dialogs.show_info(parent, str(tr("Đã xuất", "Exported")), str(tr("Đã ghi {file}", "Wrote {file}", file=path)))
    return show


def export_report(parent: QWidget, ctx) -> None:
    """Ask what to export and where, then write it."""
    require_role(ctx.role, "view")
    request = ask_report(parent)
    if request is None:
        return
    suffix = KINDS[request.kind][1]
    name = "bao-cao" if request.kind.startswith("day_") else "so-chung-nhan"
    path = dialogs.ask_save_file(parent, str(tr("Lưu báo cáo", "Save the report")), f"*.{suffix}",
                                 f"{name}-{request.date_from}.{suffix}")
    if not path:
        return
    workspace = ctx.workspace
    (DbOp(parent, lambda progress: _write(workspace, request, path, progress))
     .success(_done(parent, path))
     .with_progress(str(tr("Đang lập báo cáo…", "Writing the report…")))
     .run_in_background())


def export_chart(parent: QWidget, picture, chart: str) -> None:
    """Save the chart on screen (``"lists"`` or ``"days"``) as a PNG picture."""
    if picture is None:
        return
    path = dialogs.ask_save_file(parent, str(tr("Lưu biểu đồ", "Save the chart")), "*.png",
                                 f"bieu-do-{date.today().isoformat()}.png")
    if not path:
        return
    from desktop.reports.chart import write_chart

    (NetOp(parent, lambda _p, _db: write_chart(picture, path, chart))
     .success(_done(parent, path))
     .run_in_background())
