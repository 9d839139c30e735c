"""First start, sign-in, idle lock and the crash hook, driven with pytest-qt."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from desktop import accounts
from tests.gui.modal import when_dialog

pytestmark = pytest.mark.gui


def test_create_administrator_checks_and_creates(qtbot, workspace):
    from desktop.views.sign_in import CreateAdministratorDialog

    dialog = CreateAdministratorDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "QuanTri")
    qtbot.keyClicks(dialog.password, "quantri-123")
    qtbot.keyClicks(dialog.repeat, "quantri-124")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible() and "giống nhau" in dialog.error.text()
    dialog.repeat.setText("short")
    dialog.password.setText("short")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "8" in dialog.error.text() and dialog.ok.isEnabled())
    assert not accounts.has_accounts(workspace)
    dialog.password.setText("quantri-123")
    dialog.repeat.setText("quantri-123")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert (dialog.account.username, dialog.account.role) == ("quantri", "administrator")
    assert accounts.has_accounts(workspace)


def test_sign_in_dialog_counts_down_and_accepts(qtbot, workspace):
    from desktop.views.sign_in import SignInDialog

    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "lan", "clerk", "lan-secret-9", actor="quantri")
    dialog = SignInDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.username.accessibleName() and dialog.password.accessibleName()
    dialog.username.setText("lan")
    dialog.password.setText("wrong-one")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "Còn 4 lần" in dialog.error.text()
    assert dialog.password.text() == ""  # never kept on screen after a try
    dialog.password.setText("lan-secret-9")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert (dialog.account.username, dialog.account.role) == ("lan", "clerk")
    again = SignInDialog(workspace)
    qtbot.addWidget(again)
    assert again.username.text() == ""  # a shared PC offers nobody's name
    assert again.focusWidget() in (None, again.username) or again.username.hasFocus()
    workspace.settings.set("remember_last_user", True)
    dialog.account = accounts.get_user(workspace, "lan")
    dialog.accept()
    remembered = SignInDialog(workspace)
    qtbot.addWidget(remembered)
    assert remembered.username.text() == "lan"  # remembered when the setting asks for it


def test_sign_in_flow_first_start_then_later(qtbot, workspace, restore_application):
    from desktop.views import idle_lock
    from desktop.views.sign_in import sign_in

    def create(dialog):
        dialog.username.setText("quantri")
        dialog.password.setText("quantri-123")
        dialog.repeat.setText("quantri-123")
        dialog.ok.click()

    when_dialog(create)
    assert sign_in(workspace) == ("quantri", "administrator")
    assert idle_lock.current() is not None and idle_lock.current().username == "quantri"
    from desktop.views import crash

    assert crash._handler is not None  # uncaught exceptions now reach the crash dialog
    assert QApplication.instance().styleSheet()  # the theme is applied before the first window
    idle_lock.uninstall()

    def enter(dialog):
        assert dialog.username.text() == ""  # nobody's name is offered on a shared PC
        dialog.username.setText("quantri")
        dialog.password.setText("quantri-123")
        dialog.ok.click()

    when_dialog(enter)
    assert sign_in(workspace) == ("quantri", "administrator")
    idle_lock.uninstall()
    when_dialog(lambda dialog: dialog.reject())
    assert sign_in(workspace) == (None, "")


def test_qt_standard_buttons_speak_vietnamese(qtbot, workspace):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.views import theme

    app = QApplication.instance()
    try:
        assert theme.install_translations(app, "vi")
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Yes)
        qtbot.addWidget(box)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert texts == {"Huỷ", "Có"}
    finally:
        theme.install_translations(app, "en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.buttons()[0].text() == "Cancel"


def test_idle_lock_hides_the_window_and_asks_again(qtbot, workspace):
    from desktop.views import idle_lock
    from desktop.views.app import build_main_window

    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "minh", "signer", "minh-secret-1", actor="quantri")
    window = build_main_window(workspace, actor="quantri", role="administrator")
    qtbot.addWidget(window)
    window.show()
    lock = idle_lock.install(workspace, "quantri", minutes=0.003)  # 180 ms
    try:
        qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
        assert not window.isVisible()
        assert lock.dialog.username.text() == "quantri"
        lock.dialog.password.setText("wrong-password")
        lock.dialog.ok.click()
        qtbot.waitUntil(lambda: lock.dialog.error.isVisible())
        assert lock.is_locked and not window.isVisible()
        # someone else signs in at the lock screen: the window now works in their name
        lock.dialog.username.setText("minh")
        lock.dialog.password.setText("minh-secret-1")
        with qtbot.waitSignal(lock.unlocked) as unlocked:
            lock.dialog.ok.click()
        assert unlocked.args == ["minh", "signer"]
        assert window.isVisible() and (window.ctx.actor, window.ctx.role) == ("minh", "signer")
        # Ctrl+L locks at once; 0 minutes turns the timer off
        lock.set_minutes(0)
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert lock.is_locked and not window.isVisible()
        lock.dialog.password.setText("minh-secret-1")
        with qtbot.waitSignal(lock.unlocked):
            lock.dialog.ok.click()
        assert not lock.timer.isActive()
    finally:
        idle_lock.uninstall()


def test_input_postpones_the_idle_lock(qtbot, workspace):
    from desktop.views import idle_lock

    accounts.create_administrator(workspace, "quantri", "quantri-123")
    lock = idle_lock.install(workspace, "quantri", minutes=0.01)  # 600 ms
    try:
        remaining_before = lock.timer.remainingTime()
        qtbot.wait(200)
        dialog = QDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClick(dialog, Qt.Key.Key_A)
        assert lock.timer.remainingTime() > remaining_before - 150
        assert not lock.is_locked
    finally:
        idle_lock.uninstall()


@pytest.mark.qt_no_exception_capture
def test_uncaught_exceptions_open_the_crash_dialog(qtbot, monkeypatch):
    from desktop.views import crash, dialogs

    shown = []
    monkeypatch.setattr(dialogs, "show_crash", lambda parent, report: shown.append(report))
    crash.install()
    try:
        def boom():
            raise RuntimeError("a bug in a slot")

        QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: len(shown) == 1)
        assert "RuntimeError: a bug in a slot" in shown[0] and "VaxDesk" in shown[0]

        worker = threading.Thread(target=lambda: 1 / 0, name="some-worker")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(shown) == 2)
        assert "ZeroDivisionError" in shown[1] and "some-worker" in shown[1]
    finally:
        crash.uninstall()


def test_crash_dialog_copies_the_report(qtbot):
    from desktop.views.dialogs import CrashDialog

    dialog = CrashDialog(None, "Traceback: report text")
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QPushButton

    copy = [b for b in dialog.findChildren(QPushButton) if "Sao chép" in b.text()][0]
    copy.click()
    assert QApplication.clipboard().text() == "Traceback: report text"


def _rect_in(dialog, widget):
    from PySide6.QtCore import QRect

    return QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())


def test_error_line_sits_below_the_fields(qtbot, workspace):
    from desktop.views.sign_in import SignInDialog

    accounts.create_administrator(workspace, "quantri", "quantri-123")
    dialog = SignInDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.username.setText("quantri")
    dialog.password.setText("wrong-password")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    QApplication.processEvents()
    error = _rect_in(dialog, dialog.error)
    for field in (dialog.username, dialog.password, dialog.ok):
        assert not error.intersects(_rect_in(dialog, field))
    assert error.top() >= _rect_in(dialog, dialog.password).bottom()
    assert dialog.error.heightForWidth(dialog.error.width()) <= dialog.error.height()  # every line shows
    assert dialog.rect().contains(error)


def test_busy_indicator_while_the_password_is_checked(qtbot, workspace, monkeypatch):
    from desktop.accounts import gate
    from desktop.views.sign_in import SignInDialog

    accounts.create_administrator(workspace, "quantri", "quantri-123")
    release = threading.Event()
    real = gate.sign_in

    def slow(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(gate, "sign_in", slow)
    dialog = SignInDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.busy.isVisible()
    dialog.username.setText("quantri")
    dialog.password.setText("quantri-123")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.busy.isVisible())
    assert not dialog.ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        release.set()
    assert not dialog.busy.isVisible()
