"""Every GUI test keeps Qt's remembered settings (window layout, last user name) in its own folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path):
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def restore_application():
    """sign_in() styles the whole application and installs the crash hook: undo both afterwards."""
    yield
    from desktop.views import crash, idle_lock, theme

    app = QApplication.instance()
    crash.uninstall()
    idle_lock.uninstall()
    app.setStyleSheet("")
    theme.install_translations(app, "en")
