"""The Sign page with the real SoftHSM token: status, counts, confirmation, PIN dialog, progress, history."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from sqlalchemy import func, select

from desktop.models import SigningBatch, VaccinationRecord
from desktop.views import token_handler
from desktop.views.context import AppContext
from desktop.views.operations import wait_idle
from tests.unit.signing.support import PIN, add_list, add_records, copy_signing_workspace, template_workspace

pytestmark = pytest.mark.gui


@pytest.fixture
def ws(tmp_path_factory, tmp_path):
    workspace = copy_signing_workspace(template_workspace(tmp_path_factory), tmp_path / "ws")
    yield workspace
    wait_idle()
    workspace.close()


@pytest.fixture
def dialogs_seen(monkeypatch):
    seen = {"pins": [], "confirms": [], "warnings": [], "pin_threads": [], "pin_answers": [PIN]}

    def ask_pin(parent, request):
        seen["pins"].append(request)
        seen["pin_threads"].append(threading.current_thread() is threading.main_thread())
        return seen["pin_answers"].pop(0) if seen["pin_answers"] else None

    def confirm(parent, summary):
        seen["confirms"].append(summary.message())
        return True

    monkeypatch.setattr(token_handler, "ask_pin_dialog", ask_pin)
    monkeypatch.setattr(token_handler, "confirm_dialog", confirm)
    monkeypatch.setattr("desktop.views.dialogs.show_warning", lambda p, t, text: seen["warnings"].append(text))
    return seen


def make_page(qtbot, ws):
    from desktop.views.pages.sign import create_page

    ctx = AppContext(ws, actor="lan")
    page = create_page(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_sign_page_signs_with_the_token_without_stalling(qtbot, ws, dialogs_seen):
    ws.settings.set("batch_size", 2500)
    list_id = add_list(ws)
    add_records(ws, 6000, list_id=list_id)
    add_records(ws, 12, list_id=list_id, check_status="mismatch", start=9000)
    page = make_page(qtbot, ws)
    qtbot.waitUntil(lambda: page.token_state.text() == "Sẵn sàng", timeout=10000)
    assert page.token_label.text().startswith("VAXDESK-DEMO") and page.token_holder.text() == "Bệnh viện Bạch Mai"
    assert page.token_expiry.text().count("/") == 2
    qtbot.waitUntil(lambda: page.sign_button.isEnabled(), timeout=10000)
    assert "6.000" in page.counts_label.text() and "12" in page.counts_label.text()

    gaps, last = [], [time.monotonic()]

    def tick():
        now = time.monotonic()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    page.sign_button.click()
    qtbot.waitUntil(lambda: "Đã ký 6.000 bản ghi" in page.message.text(), timeout=60000)
    timer.stop()
    assert max(gaps) < 0.1, f"the window stalled {max(gaps) * 1000:.0f} ms"
    assert len(dialogs_seen["confirms"]) == 1 and "Ký 6.000 bản ghi" in dialogs_seen["confirms"][0].vi
    assert "12 bản ghi đang chờ đối chiếu" in dialogs_seen["confirms"][0].vi
    assert len(dialogs_seen["pins"]) == 1 and dialogs_seen["pin_threads"] == [True]  # dialog on the GUI thread
    qtbot.waitUntil(lambda: page.history.rowCount() == 3, timeout=10000)
    assert page.history.item(0, 3).text() == "Đã ký"
    with ws.db.session() as s:
        assert s.scalar(select(func.count()).select_from(SigningBatch)) == 3
        assert s.scalar(select(func.count()).where(VaccinationRecord.stage == "signed")) == 6000
    qtbot.waitUntil(lambda: not page.sign_button.isEnabled() and "Sẵn sàng ký: 0" in page.counts_label.text(),
                    timeout=10000)


def test_cancelled_pin_signs_nothing_and_shows_no_error(qtbot, ws, dialogs_seen):
    add_records(ws, 5)
    dialogs_seen["pin_answers"] = [None]
    page = make_page(qtbot, ws)
    qtbot.waitUntil(lambda: page.sign_button.isEnabled(), timeout=10000)
    page.sign_button.click()
    qtbot.waitUntil(lambda: page.operation is None and len(dialogs_seen["pins"]) == 1, timeout=10000)
    assert dialogs_seen["warnings"] == []
    with ws.db.session() as s:
        assert s.scalar(select(func.count()).select_from(SigningBatch)) == 0


def test_wrong_pin_is_asked_again_then_signs(qtbot, ws, dialogs_seen):
    add_records(ws, 3)
    dialogs_seen["pin_answers"] = ["00000000", PIN]
    page = make_page(qtbot, ws)
    qtbot.waitUntil(lambda: page.sign_button.isEnabled(), timeout=10000)
    page.sign_button.click()
    qtbot.waitUntil(lambda: "Đã ký 3 bản ghi" in page.message.text(), timeout=20000)
    assert dialogs_seen["pins"][1].problem is not None and "Sai mã PIN" in dialogs_seen["pins"][1].prompt().vi


def test_token_problem_is_shown_and_refusal_explained(qtbot, ws, dialogs_seen):
    ws.settings.set("token_label", "OTHER-TOKEN")
    add_records(ws, 2)
    page = make_page(qtbot, ws)
    qtbot.waitUntil(lambda: page.token_state.text() == "Không thấy token", timeout=10000)
    assert "OTHER-TOKEN" in page.token_problem.text()
    qtbot.waitUntil(lambda: page.sign_button.isEnabled(), timeout=10000)
    page.sign_button.click()
    qtbot.waitUntil(lambda: len(dialogs_seen["warnings"]) == 1, timeout=10000)
    assert "OTHER-TOKEN" in dialogs_seen["warnings"][0] and dialogs_seen["pins"] == []
