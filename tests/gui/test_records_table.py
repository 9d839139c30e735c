"""The lazy records table: a correct Qt model, pages read on demand, filters in SQL, 100,000 rows."""

from __future__ import annotations

import pytest

from desktop.importer import import_file
from desktop.importer.queries import RecordFilter
from tests.unit.importer.listfiles import LONG_HEADER, write_csv

pytestmark = pytest.mark.gui

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Đức Hùng", "Đặng Thị Thuý", "Phạm Minh Quân"]


def load(workspace, tmp_path, n: int) -> None:
    rows = [LONG_HEADER] + [[f"R{i}", NAMES[i % 5], "12/05/1990", "Nam" if i % 5 in (0, 2, 4) else "Nữ",
                             f"001{0 if i % 5 in (0, 2, 4) else 1}90{i:06d}", "Pfizer", "F1", "1", "01/09/2021"]
                            for i in range(n)]
    result = import_file(workspace, write_csv(tmp_path / "l.csv", rows), "lan")
    assert result.accepted == n, result.errors[:3]


def test_model_passes_qtmodeltester(qtmodeltester, workspace, tmp_path):
    from desktop.views.records_table import RecordsModel

    load(workspace, tmp_path, 450)
    model = RecordsModel(workspace)
    model.load_now()
    assert model.rowCount() == 450
    qtmodeltester.check(model, force_py=True)


def test_rows_are_read_in_pages_and_cached(workspace, tmp_path):
    from desktop.views.records_table import PAGE, RecordsModel

    load(workspace, tmp_path, 1000)
    model = RecordsModel(workspace)
    model.load_now()
    assert model.fetches == 0
    assert model.data(model.index(0, 1)) == "Nguyễn Văn An"
    assert model.data(model.index(PAGE - 1, 1)) == NAMES[(PAGE - 1) % 5]
    assert model.fetches == 1
    model.data(model.index(PAGE, 1))
    assert model.fetches == 2
    model.data(model.index(3, 2))
    assert model.fetches == 2


def test_filters_and_search_are_sql(workspace, tmp_path):
    from desktop.views.records_table import RecordsModel

    load(workspace, tmp_path, 100)
    model = RecordsModel(workspace)
    model.load_now(RecordFilter(search="dang thi thuy"))
    assert model.rowCount() == 20
    model.load_now(RecordFilter(search="Đặng Thị Thuý"))
    assert model.rowCount() == 20
    model.load_now(RecordFilter(search="R7"))
    assert model.rowCount() == 1
    model.load_now(RecordFilter(search="00119000000"))
    assert model.rowCount() == 4  # 001190000001, 03, 06, 08
    model.load_now(RecordFilter(status="unchecked", stage="loaded"))
    assert model.rowCount() == 100
    model.load_now(RecordFilter(status="matched"))
    assert model.rowCount() == 0
    model.load_now(RecordFilter(search="100%_"))
    assert model.rowCount() == 0


def test_view_search_box_and_filters(qtbot, workspace, tmp_path):
    from desktop.views.records_table import RecordsView

    load(workspace, tmp_path, 50)
    view = RecordsView(workspace)
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 50 and not view.busy)
    view.search.setText("le duc hung")
    qtbot.waitUntil(lambda: view.model.rowCount() == 10 and not view.busy, timeout=5000)
    assert "10" in view.count.text()
    view.search.setText("")
    view.status.setCurrentIndex(view.status.findData("mismatch"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 0 and not view.busy, timeout=5000)
    with qtbot.waitSignal(view.record_activated, timeout=1000, raising=False):
        pass


@pytest.mark.slow
def test_one_hundred_thousand_rows_are_read_only_where_shown(qtbot, workspace, tmp_path):
    """Scrolling 100,000 rows reads the pages shown and no more (the time per step is a benchmark)."""
    from desktop.views.records_table import CACHE_ROWS, PAGE, RecordsView

    load(workspace, tmp_path, 100_000)
    view = RecordsView(workspace)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 100_000 and not view.busy, timeout=60000)
    bar = view.table.verticalScrollBar()
    before = view.model.fetches
    for step in range(0, 101):
        bar.setValue(bar.maximum() * step // 100)
        view.table.viewport().repaint()
    qtbot.waitUntil(lambda: view.model.data(view.model.index(99_999, 0)) == str(100_001))  # read off the GUI thread
    visible_rows = view.table.viewport().height() // view.table.verticalHeader().defaultSectionSize() + 1
    pages_per_step = visible_rows // PAGE + 2
    assert view.model.fetches - before <= 101 * pages_per_step
    assert len(view.model._cache) <= CACHE_ROWS


def test_grid_sorts_in_sql_remembers_columns_copies_and_opens(qtbot, workspace, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from desktop.views.records_table import CHIP_ROLE, RecordsView

    load(workspace, tmp_path, 30)
    view = RecordsView(workspace, name="test-grid")
    qtbot.addWidget(view)
    view.resize(1366, 600)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 30 and not view.busy)
    keys = [c.key for c in view.model.columns]
    name_col, row_col, status_col = keys.index("full_name"), keys.index("source_row"), keys.index("check_status")

    # A click on a header sorts (names by their folded form); a second click reverses.
    view.table.horizontalHeader().sectionClicked.emit(name_col)
    qtbot.waitUntil(lambda: not view.busy and view.model.data(view.model.index(0, name_col)) == "Đặng Thị Thuý")
    view.table.horizontalHeader().sectionClicked.emit(name_col)
    qtbot.waitUntil(lambda: not view.busy and view.model.data(view.model.index(0, name_col)) == "Trần Thị Bình")
    view.table.horizontalHeader().sectionClicked.emit(row_col)
    qtbot.waitUntil(lambda: not view.busy and view.model.data(view.model.index(0, row_col)) == "2")

    # The whole value on hover; the state as a chip.
    index = view.model.index(0, name_col)
    assert view.model.data(index, Qt.ItemDataRole.ToolTipRole).startswith(view.model.data(index))
    assert view.model.data(view.model.index(0, status_col), CHIP_ROLE) == "unchecked"
    assert view.model.data(index, CHIP_ROLE) is None

    # Ctrl+C copies the selected rows with a header line, tab-separated.
    view.table.selectRow(0)
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert len(copied) == 2 and copied[0].split("\t")[name_col] == "Họ và tên"
    assert copied[1].split("\t")[row_col] == "2"

    # Enter opens the current record.
    view.table.setCurrentIndex(view.model.index(0, 0))
    with qtbot.waitSignal(view.record_activated, timeout=2000) as opened:
        QTest.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [view.model.record_id(0)]

    # Ctrl+F goes to the search box.
    QTest.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.search.hasFocus)

    # Widths and order are remembered for the next grid of the same name.
    view.table.setColumnWidth(name_col, 333)
    view.table.horizontalHeader().moveSection(status_col, 0)
    view._save_columns()
    again = RecordsView(workspace, name="test-grid")
    qtbot.addWidget(again)
    assert again.table.columnWidth(name_col) == 333
    assert again.table.horizontalHeader().visualIndex(status_col) == 0
    other = RecordsView(workspace, name="another-grid")
    qtbot.addWidget(other)
    assert other.table.columnWidth(name_col) != 333


def test_the_grid_reads_rows_off_the_gui_thread_and_shows_them_when_they_arrive(qtbot, workspace, tmp_path,
                                                                                  monkeypatch):
    """Painting asks for rows; the database worker reads them; the cells fill in once they are there."""
    import threading

    from desktop.views import records_table
    from desktop.views.records_table import RecordsView

    load(workspace, tmp_path, 2000)
    readers: list[str] = []
    real = records_table.record_rows_of

    def watched(*args, **kwargs):
        readers.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(records_table, "record_rows_of", watched)
    view = RecordsView(workspace)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2000 and not view.busy, timeout=20000)
    bar = view.table.verticalScrollBar()
    bar.setValue(bar.maximum())
    view.table.viewport().repaint()
    assert view.model.data(view.model.index(1999, 1)) == ""  # not read yet: the paint did not wait for SQL
    qtbot.waitUntil(lambda: view.model.data(view.model.index(1999, 1)) == NAMES[1999 % 5], timeout=10000)
    assert readers and all(name.startswith("vaxdesk-db") for name in readers)
    before = len(readers)
    for _ in range(3):  # the same rows again: from the cache
        view.table.viewport().repaint()
    qtbot.wait(50)
    assert len(readers) == before


def test_grid_cells_are_painted_from_kept_layouts_as_qt_would_paint_them(qtbot, workspace, tmp_path):
    """A repaint asks the model nothing through Qt's roles, lays each text out once, and looks as before."""
    from PySide6.QtWidgets import QStyledItemDelegate

    from desktop.views.records_table import CHIP_COLUMNS, RecordsModel, RecordsView, TextDelegate

    load(workspace, tmp_path, 300)
    view = RecordsView(workspace)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 300 and not view.busy, timeout=10000)
    qtbot.waitUntil(lambda: view.model.data(view.model.index(0, 1)) == NAMES[0], timeout=10000)
    view.table.selectRow(2)
    delegate = view.table.itemDelegate()
    assert isinstance(delegate, TextDelegate)
    viewport = view.table.viewport()
    viewport.repaint()
    kept = len(delegate._texts)
    assert kept > 50  # every visible plain cell's text, laid out once

    asked: list[int] = []
    original = RecordsModel.data

    def counting(self, index, role=0):
        asked.append(role)
        return original(self, index, role)

    RecordsModel.data = counting
    try:
        viewport.repaint()
    finally:
        RecordsModel.data = original
    chips = sum(1 for c in view.model.columns if c.key in CHIP_COLUMNS)
    assert len(asked) == 0, f"{len(asked)} calls, chips: {chips}"
    assert len(delegate._texts) == kept  # nothing laid out again

    fast = viewport.grab().toImage()
    view.table.setItemDelegate(QStyledItemDelegate(view.table))
    viewport.repaint()
    plain = viewport.grab().toImage()
    assert fast.size() == plain.size()
    differing = sum(1 for y in range(0, fast.height(), 2) for x in range(0, fast.width(), 2)
                    if fast.pixel(x, y) != plain.pixel(x, y))
    assert differing < fast.width() * fast.height() / 4 * 0.01  # the same picture, text for text
