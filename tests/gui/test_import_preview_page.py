"""The Import page's check before loading, the outcome per file, a re-import in one line, rejected rows corrected in place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from sqlalchemy import func, select

from desktop.models import AuditEvent, DailyList, VaccinationRecord
from desktop.views.pages.import_page.flags import PROBLEM_ROLE, SEVERITY_ROLE
from tests.unit.importer.listfiles import LONG_HEADER, write_csv, write_xlsx

pytestmark = pytest.mark.gui

GOOD = ["VN-1", "Nguyễn Văn An", "12/05/1990", "Nam", "001090012345", "AstraZeneca", "ABV1", "1", "01/09/2021"]
SERIAL = ["VN-2", "Phạm Thị Hoa", "03/03/1991", "Nữ", "001191012345", "Pfizer", "P1", "1", 44561]
SEX_X = ["VN-3", "Lê Văn Cường", "02/02/1985", "X", "001085012345", "Pfizer", "P1", "2", "02/09/2021"]
NANOCOVAX = ["VN-4", "Trần Thị Bình", "01/01/1980", "Nữ", "001180012345", "Nanocovax", "N1", "1", "01/09/2021"]
OTHER_FORM = ["VN-5", "Đỗ Minh Tâm", "04/04/1984", "Nam", "1084012345", "Moderna", "M1", "1", "2021-09-05"]
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture
def page(qtbot, workspace):
    from desktop.views.context import AppContext
    from desktop.views.pages.import_page import create_page

    ctx = AppContext(workspace, actor="lan")
    widget = create_page(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitUntil(lambda: not widget.records.busy)
    yield widget
    check = widget.check_operation
    widget._stop_check()
    if check is not None:
        qtbot.waitUntil(check.done, timeout=30000)
    qtbot.waitUntil(lambda: widget.operation is None and not widget.corrections.busy and not widget.records.busy,
                    timeout=30000)


def count(workspace, model) -> int:
    with workspace.db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar()


def preview(qtbot, page, path: Path) -> None:
    page.load_preview(path)
    qtbot.waitUntil(lambda: page.check is not None and page.check.file == path.name, timeout=10000)


def imported(qtbot, page):
    with qtbot.waitSignal(page.imported, timeout=10000):
        page.import_button.click()
    return page.result


def cell(table, row: int, column: int):
    item = table.item(row, column)
    return item.text(), item.data(PROBLEM_ROLE), item.data(SEVERITY_ROLE), item.toolTip()


def test_problem_cells_are_marked_before_anything_is_stored(qtbot, page, workspace, tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", [LONG_HEADER, GOOD, SERIAL, SEX_X, NANOCOVAX, OTHER_FORM])
    preview(qtbot, page, path)
    table = page.preview_table
    assert table.rowCount() == 5 and table.verticalHeaderItem(0).text() == "2"
    assert cell(table, 0, 3)[1] is None
    text, codes, level, tip = cell(table, 1, 8)
    assert (text, codes, level) == ("44561", "excel_serial", "warning")
    assert "31/12/2021" in tip and "Cách sửa" in tip
    text, codes, level, tip = cell(table, 2, 3)
    assert (text, codes, level) == ("X", "bad_sex", "rejected") and "Nam hoặc Nữ" in tip
    assert cell(table, 3, 5)[1:3] == ("unknown_vaccine", "rejected")
    assert cell(table, 4, 4)[1:3] == ("id_restored", "warning")
    assert cell(table, 4, 8)[1] == "mixed_date_forms"
    assert table.horizontalHeaderItem(8).text().startswith("⚠")
    label = page.check_label.text()
    assert "5 dòng" in label and "2 dòng sẽ bị từ chối" in label and "giới tính không rõ: 1" in label
    assert page.import_button.isEnabled()
    assert count(workspace, DailyList) == 0 and count(workspace, VaccinationRecord) == 0


def test_the_check_speaks_english_when_chosen(qtbot, page, tmp_path):
    from desktop.i18n import set_language

    set_language("en")
    preview(qtbot, page, write_csv(tmp_path / "list.csv", [LONG_HEADER, GOOD, SEX_X]))
    assert "2 rows" in page.check_label.text() and "sex not understood: 1" in page.check_label.text()
    assert "Choose Nam (male) or Nữ (female)" in page.preview_table.item(1, 3).toolTip()


def test_another_file_clears_the_outcome_of_the_previous_one(qtbot, page, tmp_path):
    preview(qtbot, page, write_csv(tmp_path / "a.csv", [LONG_HEADER, GOOD, NANOCOVAX]))
    imported(qtbot, page)
    assert page.results.isVisible() and page.issues_table.rowCount() == 1 and page.summary.text()
    qtbot.waitUntil(lambda: page.corrections.table.rowCount() == 1, timeout=10000)
    preview(qtbot, page, write_csv(tmp_path / "b.csv", [LONG_HEADER, SERIAL]))
    assert page.result is None and page.summary.text() == ""
    assert page.issues_table.rowCount() == 0 and not page.results.isVisible()
    assert page.corrections.table.rowCount() == 0 and page.corrections.list_id is None
    assert "b.csv" in page.file_label.text()


def test_a_reimport_is_one_line(qtbot, page, workspace, tmp_path):
    rows = [[f"VN-{n}", "Nguyễn Văn An", "12/05/1990", "Nam", f"0010900{n:05d}", "Pfizer", "F1", "1", "01/09/2021"]
            for n in range(1, 610)]
    path = write_csv(tmp_path / "day.csv", [LONG_HEADER, *rows])
    preview(qtbot, page, path)
    assert imported(qtbot, page).accepted == 609
    preview(qtbot, page, tmp_path / "day.csv")
    result = imported(qtbot, page)
    assert result.already_loaded and result.duplicates == 609
    assert page.issues_table.rowCount() == 1
    assert page.issues_table.item(0, 3).text() == "609 dòng đã có, không nhập lại"
    assert "609 dòng đã có, không nhập lại" in page.summary.text()
    assert count(workspace, VaccinationRecord) == 609


def test_a_rejected_row_corrected_in_place_is_loaded_once(qtbot, page, workspace, tmp_path):
    path = write_csv(tmp_path / "day.csv", [LONG_HEADER, GOOD, NANOCOVAX])
    preview(qtbot, page, path)
    first = imported(qtbot, page)
    panel = page.corrections
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10000)
    assert page.results.isTabEnabled(1) and "Sửa 1 dòng" in page.results.tabText(1)
    page.results.setCurrentWidget(panel)
    table = panel.table
    assert table.verticalHeaderItem(0).text() == "3"
    assert cell(table, 0, 5)[:3] == ("Nanocovax", "unknown_vaccine", "rejected")
    assert not panel.load_button.isEnabled()
    table.setFocus()
    table.setCurrentCell(0, 5)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = table.findChild(QComboBox)
    assert combo is not None and combo.currentIndex() == -1  # a name not in the catalogue: nothing chosen
    assert combo.findText("Vero Cell (Sinopharm Beijing, BBIBP-CorV)") >= 0
    combo.setCurrentIndex(combo.findText("Vero Cell (Sinopharm Beijing, BBIBP-CorV)"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)  # the view commits the editor's choice on its next turn
    qtbot.waitUntil(lambda: table.item(0, 5).text() == "Vero Cell", timeout=5000)
    assert panel.load_button.isEnabled()
    with qtbot.waitSignal(panel.corrected, timeout=10000) as signal, \
            qtbot.waitSignal(page.ctx.records_changed, timeout=10000):
        panel.load_button.click()
    assert (signal.args[0].loaded, signal.args[0].list_id) == (1, first.list_id)
    qtbot.waitUntil(lambda: not panel.busy and table.rowCount() == 0, timeout=10000)
    assert "Đã nhập 1 dòng đã sửa" in panel.status.text()
    with workspace.db.session() as s:
        stored = s.execute(select(VaccinationRecord.list_id, VaccinationRecord.vaccine_name)
                           .where(VaccinationRecord.source_row == 3)).one()
        assert stored == (first.list_id, "Vero Cell (Sinopharm Beijing, BBIBP-CorV)")
        assert s.execute(select(func.count()).select_from(AuditEvent)
                         .where(AuditEvent.action == "import")).scalar() == 2
    # the corrected row cannot come in twice: loading the same corrections again, or the file again
    again = panel.corrected_cells()
    assert again == {}
    preview(qtbot, page, tmp_path / "day.csv")
    assert imported(qtbot, page).records == 0
    assert count(workspace, VaccinationRecord) == 2 and count(workspace, DailyList) == 1


def test_sex_and_date_editors(qtbot, page, workspace, tmp_path):
    from desktop.views.pages.import_page.corrections import as_dmy

    assert as_dmy("44561", False) == "31/12/2021" and as_dmy("1985", True) == "1985" and as_dmy("x", True) == "x"
    row = ["VN-7", "Võ Thị Mai", "01/01/80", "X", "001180012399", "Moderna", "M1", "1", "03/09/2021"]
    preview(qtbot, page, write_csv(tmp_path / "day.csv", [LONG_HEADER, row]))
    imported(qtbot, page)
    panel = page.corrections
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10000)
    page.results.setCurrentWidget(panel)
    table = panel.table
    assert {cell(table, 0, 2)[1], cell(table, 0, 3)[1]} == {"date_short_year", "bad_sex"}
    table.setFocus()
    table.setCurrentCell(0, 3)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = table.findChild(QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Nam", "Nữ"]
    combo.setCurrentIndex(1)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(0, 3).text() == "Nữ", timeout=5000)
    table.setCurrentCell(0, 2)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.findChild(QLineEdit)
    assert editor.placeholderText() == "dd/mm/yyyy" and editor.text() == "01/01/80"
    editor.selectAll()
    qtbot.keyClicks(editor, "01/01/1980")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(0, 2).text() == "01/01/1980", timeout=5000)
    with qtbot.waitSignal(panel.corrected, timeout=10000) as signal:
        panel.load_button.click()
    assert signal.args[0].loaded == 1
    with workspace.db.session() as s:
        assert s.execute(select(VaccinationRecord.sex, VaccinationRecord.date_of_birth)).one() == ("F", "1980-01-01")


def test_screenshot_of_a_flagged_preview(qtbot, page, tmp_path):
    path = write_xlsx(tmp_path / "danh-sach-tiem.xlsx", [LONG_HEADER, GOOD, SERIAL, SEX_X, NANOCOVAX, OTHER_FORM])
    preview(qtbot, page, path)
    table = page.preview_table
    table.resizeColumnsToContents()
    table.setFocus()
    table.setCurrentCell(2, 3)  # the "X" given as sex: its reason and fix show below the grid
    assert "Nam hoặc Nữ" in page.cell_detail.text() and page.cell_detail.isVisible()
    table.clearSelection()  # the current cell keeps its colour on the picture
    qtbot.waitUntil(lambda: page.check_label.height() >= page.check_label.heightForWidth(page.check_label.width())
                    and page.cell_detail.height() >= page.cell_detail.heightForWidth(page.cell_detail.width()))
    image = page.grab()
    assert (image.width(), image.height()) == (1366, 768)
    out = SHOTS / "import-preview.png" if os.environ.get("VAXDESK_SCREENSHOTS") else tmp_path / "import-preview.png"
    assert image.save(str(out))


def test_corrected_rows_need_the_import_permission(qtbot, page, workspace, tmp_path, monkeypatch):
    """Loading corrected rows goes through the same gate as an import: a role without "import" is refused."""
    refused = []
    monkeypatch.setattr("desktop.views.errors.present_error", lambda _parent, error: refused.append(error))
    preview(qtbot, page, write_csv(tmp_path / "day.csv", [LONG_HEADER, GOOD, NANOCOVAX]))
    imported(qtbot, page)
    panel = page.corrections
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10000)
    panel.table.item(0, 5).setText("Vero Cell")
    assert panel.corrected_cells()
    page.ctx.role = "automation"
    panel.load_corrected()
    assert [getattr(e, "code", "") for e in refused] and not panel.busy
    with workspace.db.session() as s:
        assert s.execute(select(func.count()).select_from(VaccinationRecord)).scalar() == 1
