"""The lazy records table: a correct Qt model, pages read on demand, filters in SQL, 100,000 rows."""

from __future__ import annotations

import time

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
def test_one_hundred_thousand_rows_scroll_smoothly(qtbot, workspace, tmp_path):
    from desktop.views.records_table import RecordsView

    load(workspace, tmp_path, 100_000)
    view = RecordsView(workspace)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 100_000 and not view.busy, timeout=30000)
    bar = view.table.verticalScrollBar()
    worst = 0.0
    for step in range(0, 101):
        started = time.perf_counter()
        bar.setValue(bar.maximum() * step // 100)
        view.table.viewport().repaint()
        worst = max(worst, time.perf_counter() - started)
    assert view.model.data(view.model.index(99_999, 0)) == str(100_001)
    assert worst < 0.25, f"one scroll step took {worst * 1000:.0f} ms"
