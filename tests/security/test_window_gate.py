"""The window's door is the command line's: an automation account, made for scheduled check and sync,
cannot open the window, and a refusal there leaves no one signed in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop import accounts

pytestmark = pytest.mark.gui


def test_an_automation_account_cannot_open_the_window(qtbot, workspace, tmp_path):
    from desktop.views.sign_in import SignInDialog

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "tudong", "automation", "tudong-secret-9", actor="quantri")
    dialog = SignInDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("tudong")
    dialog.password.setText("tudong-secret-9")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.ok.isEnabled())
    assert "tự động" in dialog.error.text() and "check, sync" in dialog.error.text()
    assert dialog.result() != dialog.DialogCode.Accepted and getattr(dialog, "account", None) is None
    dialog.username.setText("quantri")
    dialog.password.setText("quantri-123")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.account.role == "administrator"


def test_an_account_disabled_while_the_window_is_open_decides_nothing(qtbot, workspace, tmp_path, monkeypatch):
    from desktop.review import review_item
    from desktop.views import errors
    from desktop.views.context import AppContext
    from desktop.views.operations import wait_idle
    from desktop.views.pages.review import create_page
    from tests.unit.registry.factory import add_checked, citizen

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    an = citizen("001090012345", "012345678", "Nguyễn Văn An", "1990-05-12", "M")
    [record_id] = add_checked(workspace, [(("Nguyen Van An", "1990-05-12", "M", "001090012345"), an)])
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "lan", "clerk", "lan-secret-9", actor="quantri")
    shown = []
    monkeypatch.setattr(errors, "present_error", lambda _parent, error: shown.append(error))
    page = create_page(AppContext(workspace, actor="lan", role="clerk"))  # signed in as a clerk
    qtbot.addWidget(page)
    page.show()
    page.setFocus()
    qtbot.waitUntil(lambda: page.current is not None and not page.busy)
    accounts.set_active(workspace, "lan", False, actor="quantri")  # the administrator stops her account
    qtbot.keyClick(page, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: bool(shown))
    wait_idle()
    assert getattr(shown[0], "code", "") == "not_signed_in"
    assert review_item(workspace, record_id)["decision"] is None
