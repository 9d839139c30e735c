"""The Sync page and the status-bar indicator against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "sync"))

from sync_factory import FacilityKey, FaultyServer, LocalIssuer, make_records, sign_batch  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.fixture
def central():
    server = FaultyServer(issuer=LocalIssuer())
    yield server
    server.close()


@pytest.fixture
def window(qtbot, workspace, central):
    from desktop.views.app import build_main_window
    from desktop.views.operations import wait_idle

    workspace.settings.set("central_url", central.url)
    workspace.settings.set("central_timeout", 3.0)
    workspace.settings.set("sync_interval", 0)
    workspace.settings.save()
    win = build_main_window(workspace, actor="lan")
    qtbot.addWidget(win)
    win.show()
    yield win
    win.ctx.sync_controller.stop()
    wait_idle()


def _page(window):
    window.show_page("sync")
    return window.pages["sync"]


def test_sync_now_stores_certificates_and_tells_other_pages(qtbot, window, workspace):
    facility = FacilityKey.generate()
    sign_batch(workspace.db, make_records(workspace.db, 3), facility)
    page = _page(window)
    page.controller.refresh()
    qtbot.waitUntil(lambda: "1" in page.pending_label.text(), timeout=5000)
    with qtbot.waitSignal(window.ctx.records_changed, timeout=15000):
        page.sync_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and page.table.item(0, 2).text() in ("Đã xong", "Done"),
                    timeout=5000)
    assert "3" in page.result_label.text()
    from PySide6.QtWidgets import QLabel

    label = window.findChild(QLabel, "syncStatus")
    qtbot.waitUntil(lambda: "Trực tuyến" in label.text(), timeout=5000)


def test_offline_shows_plain_error_and_keeps_the_window_responsive(qtbot, window, workspace, central):
    facility = FacilityKey.generate()
    sign_batch(workspace.db, make_records(workspace.db, 2), facility)
    central.modes_for = {"/v1/batches": "503"}
    page = _page(window)
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.sync_button.isEnabled() and "503" in page.error_label.text(), timeout=15000)
    assert "Sẽ thử lại sau" in page.error_label.text()
    assert page.table.item(0, 2).text() == "Đang chờ gửi"
    from PySide6.QtWidgets import QLabel

    label = window.findChild(QLabel, "syncStatus")
    assert "Ngoại tuyến" in label.text() and "1 lô chờ gửi" in label.text()


def test_a_hanging_central_does_not_block_the_window(qtbot, window, workspace, central):
    facility = FacilityKey.generate()
    sign_batch(workspace.db, make_records(workspace.db, 1), facility)
    central.modes_for = {"/v1/batches": "hang"}
    page = _page(window)
    page.sync_button.click()
    qtbot.waitUntil(lambda: not page.sync_button.isEnabled(), timeout=2000)
    # the event loop keeps running while the request hangs: a timer still fires
    ticks = []
    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=1000)
    assert not page.sync_button.isEnabled()
    qtbot.waitUntil(lambda: page.sync_button.isEnabled() and "kịp thời" in page.error_label.text(), timeout=15000)
    central.release.set()


def test_pause_and_resume(qtbot, window):
    page = _page(window)
    page.controller.refresh()
    qtbot.waitUntil(lambda: page.pause_button.text() != "", timeout=5000)
    page.pause_button.click()
    qtbot.waitUntil(lambda: page.controller.status.get("paused") is True, timeout=5000)
    assert "Tiếp tục" in page.pause_button.text()
    page.pause_button.click()
    qtbot.waitUntil(lambda: page.controller.status.get("paused") is False, timeout=5000)


def test_background_timer_syncs_when_interval_is_set(qtbot, workspace, central):
    from desktop.views.app import build_main_window
    from desktop.views.operations import wait_idle

    workspace.settings.set("central_url", central.url)
    workspace.settings.set("sync_interval", 1)
    workspace.settings.save()
    facility = FacilityKey.generate()
    sign_batch(workspace.db, make_records(workspace.db, 2), facility)
    win = build_main_window(workspace, actor="lan")
    qtbot.addWidget(win)
    try:
        with qtbot.waitSignal(win.ctx.records_changed, timeout=10000):
            pass
        qtbot.waitUntil(lambda: win.ctx.sync_controller.status.get("done_batches") == 1, timeout=5000)
    finally:
        win.ctx.sync_controller.stop()
        wait_idle()
