"""The window opens on a workspace with one page per stage."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_main_window_opens(qtbot, workspace):
    from desktop.views.app import build_main_window

    window = build_main_window(workspace, actor="lan")
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith("VaxDesk")
    assert window.nav.count() == len(window.pages)


def _picture(totals, next_action):
    from desktop.overview import Picture

    return Picture("2021-09-01", totals, [], [], next_action)


def test_signer_is_told_to_sign_when_records_wait(qtbot, workspace):
    from desktop.overview.picture import next_action
    from desktop.views.context import AppContext
    from desktop.views.pages.overview import OverviewPage, for_role

    totals = {"needs_review": 23, "ready_to_sign": 590}
    picture = _picture(totals, next_action(totals, "signer"))
    assert picture.next_action.page == "review"  # what the day's picture alone would say
    assert for_role(picture, "signer").next_action.page == "sign"
    assert for_role(picture, "clerk") is picture  # a clerk still reviews
    page = OverviewPage(AppContext(workspace, actor="minh", role="signer"))
    qtbot.addWidget(page)
    page.show_picture(_picture(totals, next_action(totals, "signer")))
    assert "590" in page.next_button.text() and "ký" in page.next_button.text()
    assert page.picture.next_action.filters == {"state": "ready_to_sign"}
    with qtbot.waitSignal(page.ctx.navigate) as opened:
        page.open_next_action()
    assert opened.args[0] == "sign"


def test_disabled_sign_button_says_why_beside_it(qtbot, workspace):
    from desktop.views.context import AppContext
    from desktop.views.pages.sign import create_page

    page = create_page(AppContext(workspace, actor="lan", role="clerk"))
    qtbot.addWidget(page)
    page.show()
    page._update_button()
    assert not page.sign_button.isEnabled()
    assert page.sign_reason.isVisible() and "Người ký số" in page.sign_reason.text()
    page.ctx.role = "signer"
    page.ready = 0
    page._update_button()
    assert "sẵn sàng" in page.sign_reason.text()
    page.ready = 5
    page._update_button()
    assert not page.sign_reason.isVisible() and page.sign_button.isEnabled()


def test_sign_history_shows_local_time_and_keeps_details_aside(qtbot, workspace):
    from desktop.i18n import format_datetime_local
    from desktop.views.context import AppContext
    from desktop.views.pages.sign import create_page

    page = create_page(AppContext(workspace, actor="minh", role="signer"))
    qtbot.addWidget(page)
    page._show_history([{"created_at": "2021-09-01T08:30:00+00:00", "kind": "issue", "records": 1200,
                         "state": "signed", "algorithm": "PS256", "on_behalf_of": ["01001"],
                         "batch_id": "3f2a9c1e-aaaa-bbbb-cccc-1234567890ab"}])
    shown = [page.history.item(0, c).text() for c in range(page.history.columnCount())]
    assert shown[0] == format_datetime_local("2021-09-01T08:30:00Z")
    assert not any("PS256" in text or "3f2a9c1e" in text or "T08" in text for text in shown)
    assert "PS256" in page.history.item(0, 0).toolTip() and "3f2a9c1e" in page.history.item(0, 0).toolTip()


def test_sync_lines_keep_addresses_and_paths_in_the_details(qtbot):
    from desktop.views.pages.sync import _plain

    plain, details = _plain("Không kết nối được https://central.example:8443/api (hết giờ)")
    assert "https" not in plain and "https://central.example:8443/api" in details
    assert "/home/lan/ca.pem" not in _plain("Tệp /home/lan/ca.pem không đọc được")[0]
    assert _plain("Mất mạng") == ("Mất mạng", "")
