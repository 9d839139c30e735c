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
