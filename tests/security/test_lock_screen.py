"""Locking the real window with a tooltip, a menu and a modal dialog open, then switching person.

Whoever signs in at the lock screen is the window's actor from then on, and the audit log names them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QPushButton, QToolTip
from sqlalchemy import select

from desktop import accounts
from desktop.models import AuditEvent
from tests.gui.conftest import private_qsettings  # noqa: F401 - each test keeps Qt settings apart
from tests.gui.modal import when_dialog
from tests.unit.importer.listfiles import LONG_HEADER, write_csv

pytestmark = pytest.mark.gui

ROW = ["VN-1", "Nguyễn Văn An", "12/05/1990", "Nam", "001090012345", "AstraZeneca", "ABV1", "1", "01/09/2021"]


@pytest.fixture
def window(qtbot, workspace):
    from desktop.views import idle_lock
    from desktop.views.app import _follow_lock_screen, build_main_window

    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "hoa", "clerk", "hoa-secret-12", actor="quantri")
    win = build_main_window(workspace, actor="quantri", role="administrator")
    qtbot.addWidget(win)
    idle_lock.install(workspace, "quantri", minutes=0)
    _follow_lock_screen(win.ctx)
    win.show()
    qtbot.waitExposed(win)
    yield win
    idle_lock.uninstall()
    QApplication.instance().setQuitOnLastWindowClosed(True)


@pytest.fixture
def quits(monkeypatch) -> list[str]:
    """Every way the application could end: quit() called, or the last window closed."""
    seen: list[str] = []
    monkeypatch.setattr(QApplication, "quit", lambda *a: seen.append("quit"))
    app = QApplication.instance()
    slot = lambda: seen.append("last window closed")  # noqa: E731
    app.lastWindowClosed.connect(slot)
    yield seen
    app.lastWindowClosed.disconnect(slot)


def visible_tooltips() -> list:
    return [w for w in QApplication.topLevelWidgets()
            if w.windowType() == Qt.WindowType.ToolTip and w.isVisible()]


def unlock_as(qtbot, lock, username: str, password: str) -> None:
    lock.dialog.username.setText(username)
    lock.dialog.password.setText(password)
    with qtbot.waitSignal(lock.unlocked, timeout=10000):
        lock.dialog.ok.click()


def test_switching_person_with_tooltip_menu_and_modal_dialog_open(qtbot, window, workspace, tmp_path, quits):
    from desktop.views import dialogs, idle_lock

    lock = idle_lock.current()
    seen: dict = {}
    answers: list[bool] = []

    def while_the_dialog_is_open(dialog: QDialog) -> None:
        button = QPushButton("?", dialog)
        QToolTip.showText(dialog.mapToGlobal(QPoint(5, 5)), "Gợi ý / a tooltip", button)
        seen["tooltip"] = bool(visible_tooltips())
        menu = QMenu(dialog)
        menu.addAction("Sao chép / Copy")
        menu.addMenu("Thêm / More").addAction("Xoá / Delete")
        menu.popup(dialog.mapToGlobal(QPoint(20, 20)))
        seen["menu"] = menu.isVisible() and QApplication.activePopupWidget() is menu
        QToolTip.showText(menu.mapToGlobal(QPoint(5, 5)), "Gợi ý 2 / another tooltip", menu)
        seen["modal"] = QApplication.activeModalWidget() is dialog
        QTest.keyClick(menu, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L, typed into the menu
        seen["locked"] = lock.is_locked
        seen["menu_after"] = menu.isVisible()
        seen["dialog_after"] = dialog.isVisible()

    when_dialog(while_the_dialog_is_open)
    answers.append(dialogs.confirm(window, "Xoá?", "Xoá bản ghi? / Delete the record?"))  # blocks until answered

    assert seen == {"tooltip": True, "menu": True, "modal": True, "locked": True, "menu_after": False,
                    "dialog_after": False}
    assert answers == [False]  # the modal dialog was answered "cancel" by the lock
    assert lock.is_locked and not window.isVisible() and lock.dialog.isVisible()
    assert not visible_tooltips() and QApplication.activePopupWidget() is None
    qtbot.wait(400)  # Qt deletes the hidden tooltip labels meanwhile: nothing may try to show them again
    unlock_as(qtbot, lock, "hoa", "hoa-secret-12")

    assert window.isVisible() and not lock.is_locked and quits == []
    assert (window.ctx.actor, window.ctx.role) == ("hoa", "clerk")
    assert window.user_label.text() == "hoa"
    assert QApplication.instance().quitOnLastWindowClosed()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]

    # the next action in the window is audited in the new person's name
    page = window.pages["import"]
    path = write_csv(tmp_path / "list.csv", [LONG_HEADER, ROW])
    page.load_preview(path)
    qtbot.waitUntil(lambda: page.import_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(page.imported, timeout=20000):
        page.import_button.click()
    qtbot.waitUntil(lambda: page.operation is None, timeout=10000)
    with workspace.db.session() as session:
        events = session.execute(select(AuditEvent.actor, AuditEvent.action).order_by(AuditEvent.id)).all()
    unlock_at = max(i for i, (actor, action) in enumerate(events) if action == "sign_in")
    assert events[unlock_at] == ("hoa", "sign_in")
    after = events[unlock_at + 1:]
    assert after and {actor for actor, _ in after} == {"hoa"}


def test_idle_lock_with_a_menu_open_then_the_same_person_returns(qtbot, window):
    from desktop.views import idle_lock

    lock = idle_lock.current()
    menu = QMenu(window)
    menu.addAction("Mở / Open")
    menu.popup(window.mapToGlobal(QPoint(30, 30)))
    qtbot.waitUntil(menu.isVisible)
    QToolTip.showText(window.mapToGlobal(QPoint(5, 5)), "Gợi ý / a tooltip", window)
    lock.set_minutes(0.002)  # 120 ms without input
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
    assert not menu.isVisible() and not window.isVisible() and not visible_tooltips()
    qtbot.wait(400)
    lock.set_minutes(0)
    unlock_as(qtbot, lock, "quantri", "quantri-123")
    assert window.isVisible() and not menu.isVisible()
    assert (window.ctx.actor, window.ctx.role) == ("quantri", "administrator")


def test_a_window_opening_while_locked_waits_for_the_unlock(qtbot, window):
    from desktop.views import idle_lock

    lock = idle_lock.current()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.is_locked
    box = QMessageBox(QMessageBox.Icon.Information, "Xong / Done", "Nguyễn Văn An — 001090012345", parent=window)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()  # an operation ended while the screen was locked
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=2000)
    assert lock.dialog.isVisible()
    # a wrong password is refused; the error shown belongs to the lock screen and stays visible
    lock.dialog.username.setText("hoa")
    lock.dialog.password.setText("wrong-password")
    lock.dialog.ok.click()
    qtbot.waitUntil(lambda: lock.dialog.error.isVisible(), timeout=10000)
    assert (window.ctx.actor, lock.is_locked) == ("quantri", True)
    unlock_as(qtbot, lock, "hoa", "hoa-secret-12")
    assert box.isVisible() and window.isVisible()
    assert (window.ctx.actor, window.ctx.role) == ("hoa", "clerk")
    box.close()


def test_lock_screen_dialog_alone_does_not_quit_when_it_closes(qtbot, window, quits):
    """While locked every window is hidden; closing the lock dialog by signing in must not quit the app."""
    from desktop.views import idle_lock

    lock = idle_lock.current()
    lock.lock()
    assert not QApplication.instance().quitOnLastWindowClosed()
    unlock_as(qtbot, lock, "quantri", "quantri-123")
    qtbot.wait(50)
    assert not quits and window.isVisible()


def test_escape_at_the_lock_screen_neither_quits_nor_unlocks(qtbot, window, quits):
    """Escape pressed to close a menu lands on the lock screen: it must not quit VaxDesk."""
    from desktop.views import idle_lock

    lock = idle_lock.current()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(lock.dialog, Qt.Key.Key_Escape)
    qtbot.wait(50)
    assert not quits and lock.is_locked and lock.dialog.isVisible() and not window.isVisible()
    unlock_as(qtbot, lock, "quantri", "quantri-123")
    assert window.isVisible()


def test_the_quit_button_of_the_lock_screen_quits(qtbot, window, quits):
    from desktop.views import idle_lock

    lock = idle_lock.current()
    lock.lock()
    lock.dialog.quit.click()
    assert quits == ["quit"] and not window.isVisible()


def test_a_modal_question_opening_while_locked_is_answered_cancel(qtbot, window):
    """A confirmation raised by work ending during the lock never waits on top of the lock screen."""
    from desktop.views import dialogs, idle_lock

    lock = idle_lock.current()
    lock.lock()
    assert dialogs.confirm(window, "Ký 500 bản ghi? / Sign 500 records?", "…") is False
    assert lock.is_locked and lock.dialog.isVisible() and not window.isVisible()
    unlock_as(qtbot, lock, "hoa", "hoa-secret-12")
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
