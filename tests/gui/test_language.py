"""The window speaks each person's language: chosen at sign-in, kept per account, applied at once,
down to Qt's own file dialogs; moments on screen read as local dd/mm/yyyy HH:mm."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel

from desktop import accounts
from desktop.i18n import current_language, format_datetime_local
from tests.gui.modal import when_dialog

pytestmark = pytest.mark.gui


def _people(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "lan", "clerk", "lan-secret-9", actor="quantri")
    accounts.add_user(workspace, "minh", "signer", "minh-secret-9", actor="quantri")


def test_file_dialog_buttons_read_in_vietnamese(qtbot, workspace, restore_application):
    from desktop.views.sign_in import prepare_application

    prepare_application(workspace)  # the workspace speaks Vietnamese
    assert QApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    dialog = QFileDialog(None, "Chọn danh sách")
    qtbot.addWidget(dialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.show()
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None  # Qt's own dialog, which reads the translations
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Mở", "Huỷ"}
    labels = {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
    assert "Tìm trong:" in labels and "Tên tệp:" in labels
    from desktop.views import theme

    theme.install_translations(QApplication.instance(), "en")
    english = QFileDialog(None, "Open")
    qtbot.addWidget(english)
    english.show()
    assert "Open" in {b.text().replace("&", "") for b in english.findChild(QDialogButtonBox).buttons()}


def test_print_dialog_reads_in_vietnamese(qtbot, workspace, restore_application):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QAbstractButton, QGroupBox

    from desktop.views.sign_in import prepare_application

    prepare_application(workspace)
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "In"
    buttons = {b.text() for b in dialog.findChildren(QAbstractButton)}
    assert {"&In", "Huỷ", "In tất cả"} <= buttons
    english = {"Print", "&Print", "Cancel", "Print all", "Copies:", "Printer", "Print range", "Options"}
    texts = buttons | {g.title() for g in dialog.findChildren(QGroupBox)} | {
        label.text() for label in dialog.findChildren(QLabel)}
    assert not texts & english


def test_language_chosen_at_sign_in_is_applied_and_kept(qtbot, workspace, restore_application):
    from desktop.views.sign_in import sign_in

    _people(workspace)

    def choose_english(dialog):
        assert dialog.ok.text() == "Đăng nhập"
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        assert dialog.ok.text() == "Sign in" and dialog.username_label.text() == "&User name:"
        dialog.username.setText("lan")
        dialog.password.setText("lan-secret-9")
        dialog.ok.click()

    when_dialog(choose_english)
    assert sign_in(workspace) == ("lan", "clerk")
    assert current_language() == "en"
    assert accounts.get_user(workspace, "lan").language == "en"
    assert workspace.settings.get("language") == "vi"  # the workspace's default is untouched
    from desktop.views import idle_lock

    idle_lock.uninstall()

    def minh_untouched(dialog):
        assert dialog.ok.text() == "Đăng nhập"  # the next person meets the workspace's language
        dialog.username.setText("minh")
        dialog.password.setText("minh-secret-9")
        dialog.ok.click()

    when_dialog(minh_untouched)
    assert sign_in(workspace) == ("minh", "signer")
    assert current_language() == "vi" and accounts.get_user(workspace, "minh").language is None
    idle_lock.uninstall()

    def lan_again(dialog):
        dialog.username.setText("lan")
        dialog.password.setText("lan-secret-9")
        dialog.ok.click()

    when_dialog(lan_again)
    assert sign_in(workspace) == ("lan", "clerk")
    assert current_language() == "en"  # her own language, without choosing it again


def test_window_changes_language_at_once(qtbot, workspace, restore_application):
    from desktop.views.app import build_main_window

    _people(workspace)
    window = build_main_window(workspace, actor="lan", role="clerk")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.nav.item(0).text().startswith("Tổng quan")
    window.show_page("sign")
    before = window.pages["sign"]
    window.language_box.setCurrentIndex(window.language_box.findData("en"))
    assert current_language() == "en"
    assert window.nav.item(0).text().startswith("Overview")
    assert window.current_page_key() == "sign"
    after = window.pages["sign"]
    assert after is not before and window.stack.currentWidget() is after
    assert window.ctx.actor == "lan" and window.ctx.workspace is workspace
    qtbot.waitUntil(lambda: accounts.get_user(workspace, "lan").language == "en")
    window.set_language("vi")
    assert window.nav.item(0).text().startswith("Tổng quan")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_sidebar_entries_are_never_cut(qtbot, workspace, language):
    from desktop.views.app import build_main_window

    window = build_main_window(workspace, actor="lan", language=language)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    metrics = window.nav.fontMetrics()
    room = window.nav.viewport().width()
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        needed = metrics.horizontalAdvance(item.text()) + window.nav.iconSize().width() + 16
        assert needed <= room, item.text()
        assert item.text().endswith(f"Ctrl+{row + 1}")


def test_pages_are_built_on_first_visit(qtbot, workspace):
    from desktop.views.app import build_main_window

    window = build_main_window(workspace, actor="lan")
    qtbot.addWidget(window)
    window.show()
    assert window.built_pages() == ["overview"]
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_page_key() == "review" and "review" in window.built_pages()
    window.show_page("sign")
    assert window.current_page_key() == "sign" and "sign" in window.built_pages()
    assert window.stack.currentWidget() is window.pages["sign"]
    assert len(window.pages) == window.nav.count()


def test_moments_show_as_local_day_and_minute():
    moment = datetime(2021, 9, 1, 8, 30, tzinfo=UTC)
    local = moment.astimezone().strftime("%d/%m/%Y %H:%M")
    assert format_datetime_local(moment) == local
    assert format_datetime_local("2021-09-01T08:30:00Z") == local
    assert format_datetime_local("2021-09-01T08:30:00+00:00") == local
    assert format_datetime_local(datetime(2021, 9, 1, 8, 30)) == local  # the database's naive UTC
    assert format_datetime_local(None) == "" and format_datetime_local("") == ""
    assert format_datetime_local("không phải ngày") == "không phải ngày"


def test_language_chosen_at_the_lock_screen_applies_when_the_window_returns(qtbot, workspace,
                                                                              restore_application):
    from desktop.views.app import build_main_window
    from desktop.views.sign_in import SignInDialog

    _people(workspace)
    window = build_main_window(workspace, actor="lan", role="clerk")
    qtbot.addWidget(window)
    window.show()
    window.hide()  # what the lock screen does
    lock = SignInDialog(workspace, username="lan", lock_screen=True)
    qtbot.addWidget(lock)
    lock.show()
    assert lock.username.text() == "lan"  # the same person resumes
    lock.language.setCurrentIndex(lock.language.findData("en"))
    lock.password.setText("lan-secret-9")
    with qtbot.waitSignal(lock.accepted):
        lock.ok.click()
    assert accounts.get_user(workspace, "lan").language == "en"
    window.show()
    assert window.nav.item(0).text().startswith("Overview")
    assert window.language_box.currentData() == "en"
