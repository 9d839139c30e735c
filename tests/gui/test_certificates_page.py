"""The Certificates page: search, detail, Save PDF / preview / print counted, refusals, correction."""

from __future__ import annotations

import subprocess
import threading

import pytest
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from desktop.models import Certificate, VaccinationRecord
from desktop.printing.qr import read_qr_codes
from tests.unit.certificates.factory import add_people, make_issuer

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def issuer():
    return make_issuer()


@pytest.fixture
def page(qtbot, workspace, issuer, monkeypatch):
    from desktop.views import dialogs
    from desktop.views.context import AppContext
    from desktop.views.operations import wait_idle
    from desktop.views.pages.certificates import create_page

    shown = []
    monkeypatch.setattr(dialogs, "show_warning", lambda _p, title, text: shown.append(("warning", text)))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, title, text: shown.append(("info", text)))
    monkeypatch.setattr(dialogs, "confirm", lambda *_a: True)
    add_people(workspace, issuer)
    ctx = AppContext(workspace, actor="lan")
    widget = create_page(ctx)
    widget.shown = shown
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 5, timeout=5000)
    qtbot.waitUntil(lambda: widget.detail is not None, timeout=5000)
    yield widget
    wait_idle()


def printed(workspace):
    with workspace.db.session() as session:
        return {c.full_name: c.printed_count for c in session.execute(select(Certificate)).scalars()}


def search(qtbot, page, text, expected):
    page.search_edit.setText(text)
    qtbot.waitUntil(lambda: page.model.rowCount() == expected, timeout=5000)


def test_search_and_detail(qtbot, page):
    search(qtbot, page, "dang van duc", 1)
    qtbot.waitUntil(lambda: page.field_labels["full_name"].text() == "Đặng Văn Đức", timeout=5000)
    assert page.model.data(page.model.index(0, 0)) == "Đặng Văn Đức"
    assert page.field_labels["vaccine_product"].text() == "Comirnaty"
    assert page.field_labels["uvci"].text().startswith("URN:UVCI:01:VN:")
    assert not page.qr_label.pixmap().isNull()
    assert "Có hiệu lực" in page.validity_label.text() or "Valid" in page.validity_label.text()
    assert page.history_list.count() >= 2
    search(qtbot, page, "Nguyễn", 1)
    search(qtbot, page, "", 5)
    page.status_combo.setCurrentIndex(page.status_combo.findData("revoked"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)


def test_lazy_model(qtmodeltester, page):
    qtmodeltester.check(page.model)


def test_save_pdf_counts_and_reads_back(qtbot, page, workspace, tmp_path, monkeypatch):
    from desktop.views import dialogs

    out = tmp_path / "one.pdf"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a, **_k: str(out))
    search(qtbot, page, "Đức", 1)
    page.table.selectRow(0)
    page.save_button.click()
    qtbot.waitUntil(lambda: printed(workspace)["Đặng Văn Đức"] == 1, timeout=15000)
    assert out.exists()
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(out), str(tmp_path / "p")], check=True)
    with workspace.db.session() as session:
        hc1 = session.execute(select(Certificate.hc1).where(Certificate.full_name == "Đặng Văn Đức")).scalar_one()
    assert read_qr_codes(next(tmp_path.glob("p-*.png"))) == [hc1]
    qtbot.waitUntil(lambda: any("Đã in" in h or "Printed" in h for h in
                                [page.history_list.item(i).text() for i in range(page.history_list.count())]),
                    timeout=5000)


def test_print_preview_prints_and_counts(qtbot, page, workspace, tmp_path, monkeypatch):
    from desktop.views.pages import certificates as module

    out = tmp_path / "printer.pdf"

    def fake_preview(_parent, printer, paint):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(200)
        paint(printer)
        return True

    monkeypatch.setattr(module, "show_print_preview", fake_preview)
    page.table.selectAll()
    page.preview_button.click()
    qtbot.waitUntil(lambda: set(printed(workspace).values()) == {1}, timeout=20000)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(out), str(tmp_path / "q")], check=True)
    pages = sorted(tmp_path.glob("q-*.png"))
    assert len(pages) == 5
    with workspace.db.session() as session:
        all_hc1 = set(session.execute(select(Certificate.hc1)).scalars())
    assert {read_qr_codes(p)[0] for p in pages} == all_hc1


def test_preview_closed_without_printing_counts_nothing(qtbot, page, workspace, monkeypatch):
    from desktop.views.pages import certificates as module

    calls = []
    monkeypatch.setattr(module, "show_print_preview", lambda *_a: calls.append(1) or False)
    page.table.selectRow(0)
    page.preview_button.click()
    qtbot.waitUntil(lambda: calls == [1], timeout=10000)
    from desktop.views.operations import wait_idle

    wait_idle()
    assert set(printed(workspace).values()) == {0}


def test_superseded_is_refused_with_a_clear_message(qtbot, page, workspace, tmp_path, monkeypatch):
    from desktop.views import dialogs

    with workspace.db.session() as session:
        cert = session.execute(select(Certificate).where(Certificate.full_name == "Lê Thị Thuý")).scalar_one()
        cert.status, cert.superseded_by = "superseded", "URN:UVCI:01:VN:NEWONE"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a, **_k: str(tmp_path / "x.pdf"))
    search(qtbot, page, "thuy", 1)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: "URN:UVCI:01:VN:NEWONE" in page.validity_label.text(), timeout=5000)
    assert not page.correct_button.isEnabled() and not page.revoke_button.isEnabled()
    page.save_button.click()
    qtbot.waitUntil(lambda: bool(page.shown), timeout=10000)
    kind, text = page.shown[-1]
    assert kind == "warning" and "URN:UVCI:01:VN:NEWONE" in text
    assert not (tmp_path / "x.pdf").exists()


def test_correct_creates_a_superseding_record(qtbot, page, workspace, monkeypatch):
    from desktop.views.pages import certificates as module

    monkeypatch.setattr(module, "ask_correction",
                        lambda _p, detail: ({"full_name": detail.form.full_name + " Anh"}, "Thiếu tên đệm"))
    search(qtbot, page, "Trần Bảo Duy", 1)
    qtbot.waitUntil(lambda: page.correct_button.isEnabled() and page.detail.form.full_name == "Trần Bảo Duy",
                    timeout=5000)
    page.correct_button.click()
    qtbot.waitUntil(lambda: any(kind == "info" for kind, _ in page.shown), timeout=10000)
    with workspace.db.session() as session:
        new = session.execute(select(VaccinationRecord).where(VaccinationRecord.supersedes_record_id.is_not(None))
                              ).scalar_one()
        assert new.full_name == "Trần Bảo Duy Anh" and new.check_status == "unchecked"
    qtbot.waitUntil(lambda: not page.correct_button.isEnabled(), timeout=5000)  # one correction at a time


def test_correction_dialog_returns_only_changed_fields(qtbot, page):
    from desktop.views.pages.certificates import CorrectionDialog

    dialog = CorrectionDialog(page, page.detail)
    qtbot.addWidget(dialog)
    dialog.edits["date_of_birth"].setText("1990-01-02")
    dialog.reason.setText("sai ngày sinh")
    assert dialog.values() == ({"date_of_birth": "1990-01-02"}, "sai ngày sinh")


def test_revoke_asks_reason_confirms_and_refreshes(qtbot, page, workspace, monkeypatch):
    from desktop.certificates.revocation import RevocationResult
    from desktop.views.pages import certificates as module

    calls = []

    def fake_revoke(ws, uvci, reason, handler, actor, run_db):
        calls.append((uvci, reason, actor, type(handler).__name__))
        assert not threading.current_thread().name.startswith("vaxdesk-db")  # the wait holds no database worker

        def store():
            with ws.db.session() as session:
                session.execute(select(Certificate).where(Certificate.uvci == uvci)).scalar_one().status = "revoked"
            return threading.current_thread().name

        calls.append(run_db(store))  # the database step hops to the database worker
        return RevocationResult(uvci, "revoked", reason, "2026-11-27T00:00:00Z")

    monkeypatch.setattr(module, "ask_revocation_reason", lambda _p, _u: "Cấp nhầm")
    monkeypatch.setattr(module, "revoke_certificate", fake_revoke)
    search(qtbot, page, "Phạm Quốc Hưng", 1)
    qtbot.waitUntil(lambda: page.revoke_button.isEnabled() and page.detail.form.full_name == "Phạm Quốc Hưng",
                    timeout=5000)
    uvci = page.detail.row.uvci
    page.revoke_button.click()
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=10000)
    assert calls[0] == (uvci, "Cấp nhầm", "lan", "QtSigningHandler")
    assert calls[1].startswith("vaxdesk-db")
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.row.status == "revoked", timeout=10000)
    assert not page.revoke_button.isEnabled()


def test_print_through_the_printer_dialog(qtbot, page, workspace, tmp_path, monkeypatch):
    from desktop.views.pages import certificates as module

    out = tmp_path / "printed.pdf"

    def fake_dialog(_parent, printer):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(200)
        return True

    monkeypatch.setattr(module, "ask_printer", fake_dialog)
    page.layout_combo.setCurrentIndex(page.layout_combo.findData("card"))
    search(qtbot, page, "Nhung", 1)
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.form.full_name == "Nguyễn Thị Hồng Nhung",
                    timeout=5000)
    page.print_button.click()
    qtbot.waitUntil(lambda: printed(workspace)["Nguyễn Thị Hồng Nhung"] == 1, timeout=20000)
    assert sum(printed(workspace).values()) == 1
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(out), str(tmp_path / "r")], check=True)
    [image] = sorted(tmp_path.glob("r-*.png"))
    assert read_qr_codes(image) == [page.detail.hc1]


def test_impossible_date_is_explained_under_the_box(qtbot, page):
    page.search_edit.setText("31/02/2021")
    qtbot.waitUntil(lambda: "31/02/2021" in page.count_label.text(), timeout=5000)
    assert not page.shown  # no dialog while typing


def test_english_window_shows_english_vaccine_type_and_nationality(qtbot, page):
    from desktop.i18n import set_language
    from desktop.views.pages.certificates import create_page

    search(qtbot, page, "dang van duc", 1)
    qtbot.waitUntil(lambda: page.field_labels["full_name"].text() == "Đặng Văn Đức", timeout=5000)
    assert page.field_labels["vaccine_type"].text() == "Vắc xin mRNA phòng COVID-19"
    assert page.field_labels["nationality"].text() == "Việt Nam"
    set_language("en")
    english = create_page(page.ctx)
    qtbot.addWidget(english)
    english.show()
    qtbot.waitUntil(lambda: english.detail is not None, timeout=5000)
    english.search_edit.setText("dang van duc")
    qtbot.waitUntil(lambda: english.field_labels["full_name"].text() == "Đặng Văn Đức", timeout=5000)
    assert english.field_labels["vaccine_type"].text() == "SARS-CoV-2 mRNA vaccine"
    assert english.field_labels["nationality"].text() == "Viet Nam"
    assert english.field_labels["vaccine_product"].text() == "Comirnaty"
