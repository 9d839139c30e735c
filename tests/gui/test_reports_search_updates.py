"""Report and chart export from the Overview, the certificates page's extra filters, and the data
versions shown in Settings."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import select

from desktop.models import Certificate, VaccinationRecord
from tests.unit.certificates.factory import add_people, make_issuer
from tests.unit.reports.demo_day import DAY, build_demo_day

pytestmark = pytest.mark.gui


def _context(workspace, role="clerk"):
    from desktop.views.context import AppContext

    return AppContext(workspace, actor="lan", role=role)


def test_overview_exports_the_day_report_and_the_chart(qtbot, workspace, tmp_path, monkeypatch):
    from desktop.views import dialogs
    from desktop.views.operations import wait_idle
    from desktop.views.pages import report_export
    from desktop.views.pages.overview import create_page

    build_demo_day(workspace)
    shown = []
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(report_export, "ask_report", lambda _p: report_export.ReportRequest("day_xlsx", DAY, DAY))
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a, **_k: str(tmp_path / "report.xlsx"))
    page = create_page(_context(workspace))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.picture is not None and not page._loading, timeout=5000)
    page.report_button.click()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    book = load_workbook(tmp_path / "report.xlsx", read_only=True)
    totals = list(book.worksheets[0].iter_rows(values_only=True))[-1]
    assert totals[0] == "Tổng cộng" and totals[2] == 28
    book.close()
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a, **_k: str(tmp_path / "chart.png"))
    page.chart_button.click()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10000)
    with Image.open(tmp_path / "chart.png") as image:
        assert image.format == "PNG" and image.width == 1200
    wait_idle()


def test_certificates_page_filters_by_phone_and_vaccine(qtbot, workspace):
    from desktop.views.operations import wait_idle
    from desktop.views.pages.certificates import create_page

    ids = add_people(workspace, make_issuer())
    with workspace.db.session() as session:
        cert = session.get(Certificate, ids[1])
        session.execute(select(VaccinationRecord).where(VaccinationRecord.id == cert.record_id)).scalar_one().phone = \
            "0903 111 222"
    page = create_page(_context(workspace))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=5000)
    page.filter_bar.phone.setText("+84903111222")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.row(0).full_name == "Đặng Văn Đức"
    page.filter_bar.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=5000)
    bar = page.filter_bar
    bar.vaccine_combo.setCurrentIndex(bar.vaccine_combo.findData("EU/1/20/1507"))  # Moderna: nobody
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    wait_idle()


def test_settings_show_the_data_versions(qtbot, workspace):
    from desktop.views.operations import wait_idle
    from desktop.views.pages.updates_panel import UpdatesPanel

    panel = UpdatesPanel(_context(workspace, "administrator"))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3, timeout=5000)
    assert panel.table.item(0, 1).text() == "2.12.0" and panel.table.item(0, 2).text() == "kèm bộ cài"
    assert "Chưa tin cậy" in panel.key_label.text()
    wait_idle()
