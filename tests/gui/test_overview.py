"""The home screen: counts at a glance, the next action, every number opens those records."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.i18n import set_language
from tests.unit.overview.seed_records import seed

pytestmark = pytest.mark.gui


def _page(qtbot, workspace, role="clerk", actor="lan"):
    from desktop.views.context import AppContext
    from desktop.views.pages.overview import create_page

    ctx = AppContext(workspace, actor=actor, role=role)
    page = create_page(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: page.picture is not None and not page._loading)
    return ctx, page


def test_counts_and_next_action(qtbot, workspace):
    now = datetime.now(UTC)
    seed(workspace, "ds-24-11.xlsx", "2026-11-24", {"certified": 1200, "needs_review": 12},
         imported_at=now - timedelta(days=1))
    seed(workspace, "ds-25-11.xlsx", "2026-11-25", {"needs_review": 300, "ready_to_sign": 40, "loaded": 5})
    ctx, page = _page(qtbot, workspace)
    assert page.tiles["needs_review"].count_label.text() == "312"
    assert page.tiles["certified"].count_label.text() == "1.200"  # Vietnamese separators
    assert page.tiles["needs_review"].accessibleName() == "Cần đối chiếu: 312"
    assert page.next_button.isVisible()
    assert page.next_button.text().startswith("312 bản ghi cần đối chiếu")
    with qtbot.waitSignal(ctx.navigate) as nav:
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert nav.args == ["review", {"state": "needs_review"}]
    with qtbot.waitSignal(ctx.navigate) as nav:
        qtbot.mouseClick(page.tiles["certified"], Qt.MouseButton.LeftButton)
    assert nav.args == ["certificates", {"state": "certified"}]
    assert [r.label.split(" (")[0] for r in page.by_list.rows] == ["ds-25-11.xlsx", "ds-24-11.xlsx"]
    assert [r.label for r in page.by_day.rows] == ["25/11/2026", "24/11/2026"]
    assert "Cần đối chiếu 300" in page.by_list.accessibleDescription()


def test_clicking_a_bar_segment_opens_those_records(qtbot, workspace):
    first = seed(workspace, "a.xlsx", "2026-11-24", {"needs_review": 30, "ready_to_sign": 70})
    ctx, page = _page(qtbot, workspace, role="signer")
    chart = page.by_list
    qtbot.waitUntil(lambda: chart.width() > 500)
    rect = chart.segment_rect(0, "ready_to_sign")
    assert rect is not None and rect.width() > chart.segment_rect(0, "needs_review").width()
    with qtbot.waitSignal(ctx.navigate) as nav:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.center().y())))
    assert nav.args == ["sign", {"list_id": first, "state": "ready_to_sign"}]
    # by day, with the keyboard only
    page.tabs.setCurrentIndex(1)
    day_chart = page.by_day
    day_chart.setFocus()
    qtbot.keyClick(day_chart, Qt.Key.Key_Down)
    qtbot.keyClick(day_chart, Qt.Key.Key_Right)
    with qtbot.waitSignal(ctx.navigate) as nav:
        qtbot.keyClick(day_chart, Qt.Key.Key_Return)
    assert nav.args == ["sign", {"vaccination_date": "2026-11-24", "state": "ready_to_sign"}]
    _ctx2, again = _page(qtbot, workspace)
    assert again.tabs.currentIndex() == 1  # the chosen chart is remembered
    assert page.next_button.text().startswith("70 bản ghi chờ bạn ký số")  # a signer signs first


def test_refreshes_when_records_change_and_follows_the_role(qtbot, workspace):
    ctx, page = _page(qtbot, workspace, role="clerk")
    assert page.next_button.text().startswith("Chưa có danh sách nào")
    with qtbot.waitSignal(ctx.navigate) as nav:
        page.next_button.click()
    assert nav.args[0] == "import"
    seed(workspace, "a.xlsx", "2026-11-25", {"ready_to_sign": 8, "signed": 2})
    ctx.records_changed.emit()
    qtbot.waitUntil(lambda: page.tiles["ready_to_sign"].count == 8)
    assert page.next_button.text().startswith("2 bản ghi đã ký")  # a clerk cannot sign: the next step they can
    ctx.role, ctx.actor = "signer", "minh"
    ctx.user_changed.emit()
    qtbot.waitUntil(lambda: page.next_button.text().startswith("8 bản ghi sẵn sàng ký"))
    assert "minh" in page.user.text() and "Người ký số" in page.user.text()


def test_english(qtbot, workspace):
    set_language("en")
    seed(workspace, "a.xlsx", "2026-11-25", {"needs_review": 1312})
    _ctx, page = _page(qtbot, workspace)
    assert page.next_button.text().startswith("1,312 records need review")
    assert page.tiles["needs_review"].count_label.text() == "1,312"
    assert page.tiles["needs_review"].state_label.text() == "Needs review"
    assert page.title.text().startswith("Today, ")


def test_overview_is_the_home_page_of_the_window(qtbot, workspace):
    from desktop.views.app import build_main_window

    seed(workspace, "a.xlsx", "2026-11-25", {"needs_review": 3})
    window = build_main_window(workspace, actor="lan", role="clerk")
    qtbot.addWidget(window)
    window.show()
    assert window.current_page_key() == "overview"
    page = window.pages["overview"]
    qtbot.waitUntil(lambda: page.picture is not None and page.tiles["needs_review"].count == 3)
    if "review" in window.pages:
        page.next_button.click()
        assert window.current_page_key() == "review"
