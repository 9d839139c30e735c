"""The settings page: validated saving, test connection, accounts for administrators only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop import accounts
from desktop.errors import UserError
from tests.unit.core.test_settings_and_connections import _Server

pytestmark = pytest.mark.gui


def _page(qtbot, workspace, role="administrator", actor="quantri"):
    from desktop.views.context import AppContext
    from desktop.views.pages.settings import create_page

    ctx = AppContext(workspace, actor=actor, role=role)
    page = create_page(ctx)
    qtbot.addWidget(page)
    page.show()
    return ctx, page


def test_loads_validates_and_saves(qtbot, workspace):
    _ctx, page = _page(qtbot, workspace)
    assert page.fields["facility_name"].text() == "Bệnh viện Bạch Mai"
    assert page.fields["batch_size"].value() == 5000
    page.fields["registry_url"].setText("registry.vn")
    page.fields["facility_name"].setText("Bệnh viện E")
    page.save_button.click()
    qtbot.waitUntil(lambda: "registry_url" in page.message.text())
    assert workspace.settings.get("facility_name") == "Bệnh viện Bạch Mai"  # nothing saved
    page.fields["registry_url"].setText("https://registry.example.vn/")
    page.fields["batch_size"].setValue(2000)
    page.fields["registry_token"].setText("tok-abc")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.message.text().startswith("Đã lưu"))
    from desktop.workspace import Workspace

    saved = Workspace.open(workspace.path).settings
    assert (saved.get("registry_url"), saved.get("batch_size"), saved.get("facility_name"),
            saved.get("registry_token")) == ("https://registry.example.vn", 2000, "Bệnh viện E", "tok-abc")
    assert page.fields["registry_token"].text() == ""  # a secret is never shown back
    assert page.changes() == {}


def test_language_switch_says_when_it_applies(qtbot, workspace):
    _ctx, page = _page(qtbot, workspace)
    language = page.fields["language"]
    language.setCurrentIndex(language.findData("en"))
    page.save_button.click()
    qtbot.waitUntil(lambda: "lần đăng nhập sau" in page.message.text())
    assert workspace.settings.get("language") == "en"


def test_test_connection_buttons(qtbot, workspace):
    _ctx, page = _page(qtbot, workspace)
    with _Server(200, {"status": "ok"}) as server:
        page.fields["central_url"].setText(server.url)  # tried before saving
        page.test_central_button.click()
        qtbot.waitUntil(lambda: page.results["central"].text().startswith("Kết nối hệ thống trung ương tốt"))
    with _Server(401) as server:
        page.fields["registry_url"].setText(server.url)
        page.test_registry_button.click()
        qtbot.waitUntil(lambda: "mã truy cập" in page.results["registry"].text())
    assert page.results["registry"].property("role") == "error"
    module = page.fields["token_module"]
    offered = [module.itemText(i) + " " + (module.itemData(i, Qt.ItemDataRole.ToolTipRole) or "")
               for i in range(module.count())]
    for name in ("VNPT-CA", "Viettel-CA", "BKAV-CA", "FPT-CA", "Feitian", "SafeNet"):
        assert any(name in text for text in offered), name
    module.setEditText("/opt/nowhere/libtoken.so")
    page.test_token_button.click()
    qtbot.waitUntil(lambda: "/opt/nowhere/libtoken.so" in page.results["token"].text())


def test_clerk_sees_but_cannot_change(qtbot, workspace):
    ctx, page = _page(qtbot, workspace, role="clerk", actor="lan")
    assert page.notice.isVisible()
    assert not page.save_button.isEnabled() and not page.save_button.isVisibleTo(page)
    name = page.fields["facility_name"]
    assert name.isReadOnly() and not name.hasFrame()  # reads as text, not as a box to type into
    assert page.fields["idle_lock_minutes"].isReadOnly()
    assert not page.tabs.isTabVisible(page.tabs.indexOf(page.accounts_tab))
    ctx.role = "administrator"
    ctx.user_changed.emit()
    assert page.save_button.isEnabled() and page.tabs.isTabVisible(page.tabs.indexOf(page.accounts_tab))
    assert not name.isReadOnly() and name.hasFrame()


def test_administrator_manages_accounts(qtbot, workspace, monkeypatch):
    from desktop.views import dialogs
    from desktop.views.pages.settings import AddAccountDialog

    accounts.create_administrator(workspace, "quantri", "quantri-123")
    _ctx, page = _page(qtbot, workspace)
    panel = page.accounts_tab
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1)

    def fill(dialog):
        dialog.username.setText("lan")
        dialog.display_name.setText("Nguyễn Thị Lan")
        dialog.role.setCurrentIndex(dialog.role.findData("clerk"))
        dialog.password.setText("lan-secret-9")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddAccountDialog, "exec", fill)
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2)
    assert [panel.table.item(r, 0).text() for r in range(2)] == ["lan", "quantri"]
    assert panel.table.item(0, 2).text() == "Nhân viên nhập liệu"
    assert accounts.authenticate(workspace, "lan", "lan-secret-9").role == "clerk"
    for _ in range(5):
        with pytest.raises(UserError):
            accounts.authenticate(workspace, "lan", "bad-password")
    panel.refresh()
    qtbot.waitUntil(lambda: panel.table.item(0, 3).text() == "Đang khoá")
    panel.table.selectRow(0)
    panel.unlock_button.click()
    qtbot.waitUntil(lambda: panel.table.item(0, 3).text() == "Hoạt động")
    monkeypatch.setattr(dialogs, "ask_secret", lambda *a: "fresh-secret-7")
    panel.table.selectRow(0)
    panel.password_button.click()
    qtbot.waitUntil(lambda: _signs_in(workspace, "lan", "fresh-secret-7"))
    monkeypatch.setattr(dialogs, "ask_item", lambda parent, title, label, items, editable=True: items[1])
    panel.table.selectRow(0)
    panel.role_button.click()
    qtbot.waitUntil(lambda: panel.table.item(0, 2).text() == "Người ký số")
    # column widths are remembered
    panel.table.horizontalHeader().resizeSection(0, 211)
    _ctx2, again = _page(qtbot, workspace)
    assert again.accounts_tab.table.horizontalHeader().sectionSize(0) == 211


def _signs_in(workspace, username, password) -> bool:
    try:
        accounts.authenticate(workspace, username, password)
        return True
    except UserError:
        return False


def test_anyone_changes_their_own_password(qtbot, workspace, monkeypatch):
    from desktop.views.pages.settings import ChangePasswordDialog

    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "lan", "clerk", "lan-secret-9", actor="quantri")
    _ctx, page = _page(qtbot, workspace, role="clerk", actor="lan")
    assert page.my_password_button.isEnabled()
    answers = iter([("wrong-old-1", "lan-new-pass-1", "lan-new-pass-1"),
                    ("lan-secret-9", "lan-new-pass-1", "lan-new-pass-1")])

    def fill(dialog):
        for field, value in zip(dialog.fields, next(answers), strict=True):
            field.setText(value)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ChangePasswordDialog, "exec", fill)
    page.my_password_button.click()
    qtbot.waitUntil(lambda: "hiện tại không đúng" in page.message.text())
    page.my_password_button.click()
    qtbot.waitUntil(lambda: page.message.text() == "Đã đổi mật khẩu.")
    assert accounts.authenticate(workspace, "lan", "lan-new-pass-1").username == "lan"
