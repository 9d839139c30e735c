"""The Import page: open or drop a file, preview and map, import in the background, summary, cancel, responsiveness."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from sqlalchemy import func, select

from desktop.models import DailyList, VaccinationRecord
from tests.unit.importer.listfiles import LONG_HEADER, write_csv

pytestmark = pytest.mark.gui

GOOD = ["VN-1", "Nguyễn Văn An", "12/05/1990", "Nam", "001090012345", "AstraZeneca", "ABV1", "1", "01/09/2021"]
BAD = ["VN-2", "Trần Thị Bình", "01/01/1980", "Nữ", "001180012345", "Nanocovax", "N1", "1", "01/09/2021"]


@pytest.fixture
def page(qtbot, workspace):
    from desktop.views.context import AppContext
    from desktop.views.pages.import_page import create_page

    ctx = AppContext(workspace, actor="lan")
    widget = create_page(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitUntil(lambda: not widget.records.busy)
    yield widget
    check = widget.check_operation  # the check of every row of a large file must not outlive its test
    widget._stop_check()
    if check is not None:
        qtbot.waitUntil(check.done, timeout=30000)
    if widget.operation is not None:
        widget.operation.cancel()
        qtbot.waitUntil(lambda: widget.operation is None, timeout=30000)
    qtbot.waitUntil(lambda: not widget.records.busy, timeout=30000)


def count(workspace, model) -> int:
    with workspace.db.session() as s:
        return s.execute(select(func.count()).select_from(model)).scalar()


def test_open_preview_import_summary(qtbot, page, workspace, tmp_path, monkeypatch):
    path = write_csv(tmp_path / "list.csv", [LONG_HEADER, GOOD, BAD])
    monkeypatch.setattr("desktop.views.dialogs.ask_open_file", lambda *a, **k: str(path))
    page.open_button.click()
    qtbot.waitUntil(lambda: page.import_button.isEnabled(), timeout=5000)
    assert page.preview_table.rowCount() == 2
    header = page.preview_table.horizontalHeaderItem(1).text()
    assert header.startswith("✓ Họ và tên") and "B: Họ và tên" in header
    assert not page.mapping_box.isVisible()
    with qtbot.waitSignal(page.ctx.records_changed, timeout=10000), qtbot.waitSignal(page.imported, timeout=10000):
        page.import_button.click()
    assert page.result.accepted == 1 and page.result.rejected == 1
    assert "nhận 1" in page.summary.text() and "từ chối 1" in page.summary.text()
    assert page.issues_table.rowCount() == 1
    assert page.issues_table.item(0, 2).text() == "Nanocovax"
    assert "Dòng 3" in page.issues_table.item(0, 3).text()
    assert page.export_button.isVisible()
    qtbot.waitUntil(lambda: page.records.model.rowCount() == 1 and not page.records.busy, timeout=5000)

    out = tmp_path / "rejected.xlsx"
    monkeypatch.setattr("desktop.views.dialogs.ask_save_file", lambda *a, **k: str(out))
    page.export_button.click()
    qtbot.waitUntil(out.exists, timeout=5000)


def test_drop_a_file(qtbot, page, tmp_path):
    path = write_csv(tmp_path / "dropped.csv", [LONG_HEADER, GOOD])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    page.dropEvent(event)
    qtbot.waitUntil(lambda: page.import_button.isEnabled(), timeout=5000)
    assert "dropped.csv" in page.file_label.text()


def test_map_an_unrecognised_column(qtbot, page, workspace, tmp_path):
    header = list(LONG_HEADER)
    header[6] = "Mã SX"
    path = write_csv(tmp_path / "m.csv", [header, GOOD])
    page.load_preview(path)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=5000)
    assert not page.import_button.isEnabled()
    assert page.mapping_box.isVisible() and list(page.mapping_combos) == ["lot"]
    combo = page.mapping_combos["lot"]
    combo.setCurrentIndex(combo.findData(6))
    page.apply_mapping_button.click()
    qtbot.waitUntil(lambda: page.import_button.isEnabled(), timeout=5000)
    with qtbot.waitSignal(page.imported, timeout=10000):
        page.import_button.click()
    assert page.result.accepted == 1
    with workspace.db.session() as s:
        assert s.execute(select(VaccinationRecord.lot)).scalar() == "ABV1"


def test_a_refused_file_is_presented(qtbot, page, workspace, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.views.dialogs.show_warning", lambda parent, title, text: shown.append(text))
    path = tmp_path / "garbage.xlsx"
    path.write_bytes(b"\x00\x01garbage" * 1000)
    page.load_preview(path)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "garbage.xlsx" in shown[0]
    assert not page.import_button.isEnabled()


def big_list(tmp_path, n: int):
    rows = [LONG_HEADER] + [[f"R{i}", "Nguyễn Văn An", "12/05/1990", "Nam", f"001090{i:06d}", "Pfizer", "F1",
                             "1", "01/09/2021"] for i in range(n)]
    return write_csv(tmp_path / "big.csv", rows)


def test_cancel_keeps_nothing(qtbot, page, workspace, tmp_path):
    page.load_preview(big_list(tmp_path, 40_000))
    qtbot.waitUntil(lambda: page.import_button.isEnabled(), timeout=10000)
    page.import_button.click()
    qtbot.waitUntil(lambda: page.progress.maximum() == 1000 and page.progress.value() > 0, timeout=30000)
    page.cancel_button.click()
    qtbot.waitUntil(lambda: page.operation is None, timeout=60000)
    assert "huỷ" in page.summary.text().lower()
    assert count(workspace, VaccinationRecord) == 0 and count(workspace, DailyList) == 0


@pytest.mark.slow
def test_window_stays_responsive_during_a_100000_row_import(qtbot, page, workspace, tmp_path):
    """No long slice of GUI-thread work, and a 10 ms heartbeat never long late (the 30 ms target itself
    is measured by `benchmarks/gui_stall.py`; here a slice over 100 ms of CPU is a regression).

    The CPU between two beats bounds every slice of work between them; the wall gaps also hold the
    turns of other processes and of the import's own thread (the interpreter lock)."""
    from tests.gui.stall import StallWatch

    page.load_preview(big_list(tmp_path, 100_000))
    qtbot.waitUntil(lambda: page.import_button.isEnabled(), timeout=10000)
    watch = StallWatch(interval_ms=10).start()
    with qtbot.waitSignal(page.imported, timeout=180_000):
        page.import_button.click()
    qtbot.waitUntil(lambda: page.records.model.rowCount() == 100_000 and not page.records.busy, timeout=60000)
    watch.stop()
    assert page.result.accepted == 100_000
    report = watch.report()
    print("GUI thread:", report)
    assert report["beats"] > 100
    assert watch.worst_cpu <= 0.100, f"a slice of {report['worst_cpu_ms']} ms: {report['late_stacks']}"
    assert report["p99_wall_ms"] <= 100, f"99th percentile gap {report['p99_wall_ms']} ms"
    assert watch.worst_wall <= 0.250, f"longest gap {report['worst_wall_ms']} ms"
