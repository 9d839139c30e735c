"""A whole day at a facility, driven through the window with pytest-qt.

The administrator signs in, adds a clerk and a signer and points VaxDesk at the registry and the
central service (both real reference servers on free ports). The clerk loads the demo list from the
overview, checks it against the registry and clears the review queue; the signer signs with the demo
SoftHSM token at the lock screen's hand-over; the batch is synced to the real central service and the
certificates appear. The audit log names each person. Pieces whose page is not installed are skipped
with the reason.
"""

from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import select

from tests.gui.modal import when_dialog
from tests.helpers import ROOT, free_port, run_cli

pytestmark = [pytest.mark.gui, pytest.mark.integration, pytest.mark.slow, pytest.mark.allow_threads]

PEOPLE = 30
WORDS = {
    "vi": {"no_list": "Chưa có danh sách nào", "unchecked": "{n} bản ghi chưa kiểm tra",
           "review": "{n} bản ghi cần đối chiếu", "sign": "{n} bản ghi sẵn sàng ký", "sync": "{n} bản ghi đã ký",
           "saved": "Đã lưu", "overview": "Tổng quan"},
    "en": {"no_list": "No lists yet", "unchecked": "{n} records not yet checked", "review": "{n} records need review",
           "sign": "{n} records ready to sign", "sync": "{n} signed records", "saved": "Saved",
           "overview": "Overview"},
}


def _page_installed(name: str) -> bool:
    return importlib.util.find_spec(f"desktop.views.pages.{name}") is not None


class Service:
    """A reference service (``registry serve`` / ``central serve``) in its own process."""

    def __init__(self, args: list[str], health: str, log: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        with open(log, "ab") as out:
            self.proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args, "--port", str(self.port)],
                                         stdout=out, stderr=subprocess.STDOUT, cwd=ROOT,
                                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{args[0]} exited: {log.read_text()[-2000:]}")
            try:
                httpx.request("GET" if health.startswith("/v1/health") else "POST", self.url + health, timeout=1,
                              json={"requests": []})
                return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError(f"{args[0]} did not start")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def day(tmp_path):
    """A demo workspace (accounts, token, list, registry population, central data) and its two services."""
    ws_path = tmp_path / "ws"
    demo = run_cli("--json", "demo", "--people", str(PEOPLE), workspace=ws_path, timeout=600)
    assert demo.code == 0, demo.stderr
    data = demo.json
    services = []
    if data.get("registry_population"):
        services.append(Service(["registry", "serve", "--population", data["registry_population"]],
                                "/v1/citizens:lookup", tmp_path / "registry.log"))
    if data.get("central_data"):
        services.append(Service(["central", "serve", "--data", data["central_data"], "--workers", "0"],
                                "/v1/health", tmp_path / "central.log"))
    from desktop.workspace import Workspace

    workspace = Workspace.open(ws_path)
    yield workspace, data, {("registry" if "registry" in s.proc.args else "central"): s for s in services}
    for service in services:
        service.stop()
    workspace.close()
    from desktop.views import crash, idle_lock, theme

    app = QApplication.instance()
    idle_lock.uninstall()
    crash.uninstall()
    app.setStyleSheet("")
    theme.install_translations(app, "en")


def _next_action(qtbot, window, expected_start: str) -> None:
    """The overview's highlighted next action says ``expected_start…``; click it."""
    window.show_page("overview")
    overview = window.pages["overview"]
    overview.refresh()
    qtbot.waitUntil(lambda: overview.next_button.isVisible()
                    and overview.next_button.text().startswith(expected_start), timeout=20000)
    qtbot.mouseClick(overview.next_button, Qt.MouseButton.LeftButton)


def _hand_over(qtbot, window, username: str, password: str) -> None:
    """Ctrl+L, and the next person signs in at the lock screen."""
    from desktop.views import idle_lock

    lock = idle_lock.current()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.is_locked and not window.isVisible()
    lock.dialog.username.setText(username)
    lock.dialog.password.setText(password)
    with qtbot.waitSignal(lock.unlocked, timeout=20000):
        lock.dialog.ok.click()
    assert window.isVisible() and window.ctx.actor == username


def _audit_actors(workspace, action_prefix: str) -> set[str]:
    from desktop.models import AuditEvent

    with workspace.db.session() as s:
        return {a for (a,) in s.execute(select(AuditEvent.actor).where(AuditEvent.action.like(action_prefix + "%")))}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_day_at_the_facility(qtbot, day, monkeypatch, language):
    from desktop import accounts
    from desktop.overview import todays_picture
    from desktop.views import dialogs
    from desktop.views.app import build_main_window
    from desktop.views.sign_in import sign_in

    workspace, data, services = day
    words = WORDS[language]
    workspace.settings.set("language", language)
    workspace.settings.save()
    admin = next(a for a in data["accounts"] if a["role"] == "administrator")

    # --- morning: the administrator signs in and sets the day up -------------------------------
    def enter_admin(dialog):
        dialog.username.setText(admin["username"])
        dialog.password.setText(admin["password"])
        dialog.ok.click()

    when_dialog(enter_admin, timeout=15.0)
    actor, role = sign_in(workspace)
    assert (actor, role) == (admin["username"], "administrator")
    window = build_main_window(workspace, actor, role)
    qtbot.addWidget(window)
    window.show()
    assert window.current_page_key() == "overview"
    assert window.nav.item(0).text().startswith(words["overview"])

    window.show_page("settings")
    settings_page = window.pages["settings"]
    from desktop.views.pages.settings import AddAccountDialog

    people = iter([("hoa", "clerk", "hoa-clerk-2026", "Phạm Thị Hoa"), ("tuan", "signer", "tuan-sign-2026",
                                                                         "Lê Văn Tuấn")])

    def fill(dialog):
        username, role_, password, name = next(people)
        dialog.username.setText(username)
        dialog.display_name.setText(name)
        dialog.role.setCurrentIndex(dialog.role.findData(role_))
        dialog.password.setText(password)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddAccountDialog, "exec", fill)
    panel = settings_page.accounts_tab
    demo_accounts = len(data["accounts"])
    qtbot.waitUntil(lambda: panel.table.rowCount() == demo_accounts)
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == demo_accounts + 1)
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == demo_accounts + 2)
    assert accounts.get_user(workspace, "hoa").role == "clerk"
    assert accounts.get_user(workspace, "tuan").role == "signer"

    if "registry" in services:
        settings_page.fields["registry_url"].setText(services["registry"].url)
        settings_page.test_registry_button.click()
        qtbot.waitUntil(lambda: settings_page.results["registry"].property("role") == "ok", timeout=20000)
    if "central" in services:
        settings_page.fields["central_url"].setText(services["central"].url)
        settings_page.test_central_button.click()
        qtbot.waitUntil(lambda: settings_page.results["central"].property("role") == "ok", timeout=20000)
    settings_page.fields["sync_interval"].setValue(0)  # syncs by hand in this test
    settings_page.save_button.click()
    qtbot.waitUntil(lambda: settings_page.message.text().startswith(words["saved"]), timeout=10000)

    # --- the clerk: load the list, check it, clear the review queue ----------------------------
    _hand_over(qtbot, window, "hoa", "hoa-clerk-2026")
    assert not settings_page.save_button.isEnabled()  # a clerk cannot change settings
    if not _page_installed("import_page"):
        pytest.skip("the Import page is not installed")
    _next_action(qtbot, window, words["no_list"])
    assert window.current_page_key() == "import"
    import_page = window.pages["import"]
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a, **k: data["list_file"])
    import_page.open_button.click()
    qtbot.waitUntil(lambda: import_page.import_button.isEnabled(), timeout=30000)
    with qtbot.waitSignal(import_page.imported, timeout=120000):
        import_page.import_button.click()
    loaded = todays_picture(workspace).totals["loaded"]
    assert loaded > 0
    assert _audit_actors(workspace, "import") == {"hoa"}

    if not _page_installed("review") or "registry" not in services:
        pytest.skip("the Review page or the registry capability is not installed")
    _next_action(qtbot, window, words["unchecked"].format(n=loaded))
    assert window.current_page_key() == "review"
    review = window.pages["review"]
    review.check_button.click()
    qtbot.waitUntil(lambda: review.last_check is not None and not review.busy, timeout=120000)
    picture = todays_picture(workspace)
    assert picture.totals["loaded"] == 0
    needing = picture.totals["needs_review"]
    if needing:
        _next_action(qtbot, window, words["review"].format(n=needing))
        assert window.current_page_key() == "review"
        monkeypatch.setattr(dialogs, "ask_item", lambda *a, **k: "Không có trong CSDL dân cư")
        qtbot.waitUntil(lambda: len(review.ids) == needing and review.current is not None, timeout=20000)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            qtbot.waitUntil(lambda: not review.busy and (review.current is not None or not review.ids), timeout=20000)
            if not review.ids:
                break
            key = Qt.Key.Key_A if review.current.get("registry") else Qt.Key.Key_R
            before = len(review.ids)
            qtbot.keyClick(review, key)
            qtbot.waitUntil(lambda b=before: len(review.ids) < b and not review.busy, timeout=20000)
        assert not review.ids
    picture = todays_picture(workspace)
    assert picture.totals["needs_review"] == 0 and picture.totals["ready_to_sign"] > 0
    # the audit log names the person signed in
    assert _audit_actors(workspace, "registry.check") == {"hoa"}
    if needing:
        assert _audit_actors(workspace, "decision.") == {"hoa"}

    # --- the signer: sign with the card --------------------------------------------------------
    if not _page_installed("sign") or not data.get("token"):
        pytest.skip("the Sign page or the demo token is not installed")
    _hand_over(qtbot, window, "tuan", "tuan-sign-2026")
    ready = picture.totals["ready_to_sign"]
    _next_action(qtbot, window, words["sign"].format(n=ready))
    assert window.current_page_key() == "sign"
    sign_page = window.pages["sign"]
    from desktop.views import token_handler

    monkeypatch.setattr(token_handler, "ask_pin_dialog", lambda parent, request: data["token"]["pin"])
    monkeypatch.setattr(token_handler, "confirm_dialog", lambda parent, summary: True)
    qtbot.waitUntil(lambda: sign_page.sign_button.isEnabled(), timeout=30000)
    sign_page.sign_button.click()
    qtbot.waitUntil(lambda: sign_page.operation is None and todays_picture(workspace).totals["signed"] == ready,
                    timeout=120000)
    assert _audit_actors(workspace, "sign_batch") == {"tuan"}

    # --- sync to the central service; the certificates come back -------------------------------
    if not _page_installed("sync") or "central" not in services:
        pytest.skip("the Sync page or the central service is not installed")
    _next_action(qtbot, window, words["sync"].format(n=ready))
    assert window.current_page_key() == "sync"
    sync_page = window.pages["sync"]
    with qtbot.waitSignal(sync_page.controller.finished, timeout=120000):
        sync_page.sync_button.click()
    totals = todays_picture(workspace).totals
    assert totals["certified"] + totals["rejected"] >= ready and totals["certified"] > 0
    assert totals["signed"] == totals["sent"] == 0

    window.show_page("overview")
    overview = window.pages["overview"]
    overview.refresh()
    qtbot.waitUntil(lambda: overview.tiles["certified"].count == totals["certified"], timeout=20000)
    if _page_installed("certificates"):
        with qtbot.waitSignal(window.ctx.navigate):
            qtbot.mouseClick(overview.tiles["certified"], Qt.MouseButton.LeftButton)
        assert window.current_page_key() == "certificates"
    from desktop.audit import verify_chain

    with workspace.db.session() as s:
        assert verify_chain(s).ok
    print("day done:", totals)
