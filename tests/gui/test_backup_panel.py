"""Settings → Sao lưu: an administrator chooses the folder, sets the passphrase and backs up now."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.backup import backups_in, verify_backup

pytestmark = pytest.mark.gui
PASSPHRASE = "mật khẩu sao lưu 2026"


def _panel(qtbot, workspace, role="administrator"):
    from desktop.views.context import AppContext
    from desktop.views.pages.backup_panel import BackupPanel
    from desktop.views.pages.settings import create_page

    ctx = AppContext(workspace, actor="quantri", role=role)
    page = create_page(ctx)
    qtbot.addWidget(page)
    page.show()
    panel = page.findChild(BackupPanel)
    assert panel is not None and page.tabs.indexOf(panel) >= 0
    qtbot.waitUntil(lambda: panel.last.text() != "")
    return panel


def test_administrator_sets_up_and_backs_up_now(qtbot, workspace, tmp_path, monkeypatch):
    from desktop.views import dialogs
    from desktop.views.pages import backup_panel

    panel = _panel(qtbot, workspace)
    assert panel.last.text() == "chưa có" and panel.passphrase_state.text() == "chưa đặt"
    monkeypatch.setattr(backup_panel, "ask_folder", lambda *a: str(tmp_path / "usb"))
    panel.choose_button.click()
    panel.keep.setValue(3)
    panel.retention.setValue(365)
    panel.save_button.click()
    qtbot.waitUntil(lambda: panel.message.text().startswith("Đã lưu 3"))
    assert (workspace.settings.get("backup_folder"), workspace.settings.get("backup_keep"),
            workspace.settings.get("retention_days")) == (str(tmp_path / "usb"), 3, 365)

    answers = iter([PASSPHRASE, "something else"])
    monkeypatch.setattr(dialogs, "ask_secret", lambda *a: next(answers))
    panel.passphrase_button.click()
    assert "không giống nhau" in panel.message.text() and not workspace.settings.get("backup_passphrase")
    answers = iter([PASSPHRASE, PASSPHRASE])
    panel.passphrase_button.click()
    qtbot.waitUntil(lambda: panel.passphrase_state.text() == "đã đặt")
    assert workspace.settings.get("backup_passphrase") == PASSPHRASE

    panel.backup_button.click()
    qtbot.waitUntil(lambda: panel.message.text().startswith("Đã sao lưu"), timeout=30_000)
    [made] = backups_in(tmp_path / "usb")
    qtbot.waitUntil(lambda: made.name in panel.last.text())
    assert verify_backup(made, PASSPHRASE).audit_chain["ok"]

    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a: str(made))
    panel.verify_button.click()
    qtbot.waitUntil(lambda: panel.message.text().startswith("Bản sao lưu đọc được"), timeout=30_000)


def test_back_up_without_a_folder_says_what_is_missing(qtbot, workspace):
    panel = _panel(qtbot, workspace)
    panel.backup_button.click()
    qtbot.waitUntil(lambda: "thư mục sao lưu" in panel.message.text() or "mật khẩu" in panel.message.text())
    assert not list(Path(workspace.path).glob("*.vxbak"))


def test_a_clerk_cannot_change_backups(qtbot, workspace):
    panel = _panel(qtbot, workspace, role="clerk")
    assert not panel.backup_button.isEnabled() and not panel.passphrase_button.isEnabled()
    assert not panel.folder.isEnabled()
