"""Who is at the keyboard: the first start creates the administrator, then everyone signs in.

``sign_in(workspace)`` is called by the application before the main window opens; it returns the
signed-in person's user name and role, or ``(None, "")`` when the person closed the dialog.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import accounts
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.views import theme
from desktop.views.operations import run_op
from desktop.workspace import Workspace


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "title")
    return label


def _error_label() -> QLabel:
    label = QLabel("")
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setAccessibleName(str(tr("Thông báo lỗi", "Error message")))
    label.hide()
    return label


def _password_field(name) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(str(name))
    return field


def _while_alive(widget: QWidget, fn):
    def call(*args):
        if shiboken6.isValid(widget):
            fn(*args)
    return call


class _AccountDialog(QDialog):
    """Shared busy/error handling: the password check runs off the GUI thread (Argon2 takes ~0.1 s)."""

    def __init__(self, parent: QWidget | None, workspace: Workspace):
        super().__init__(parent)
        self.workspace = workspace
        self.account: accounts.Account | None = None
        self.error = _error_label()
        self.setWindowIcon(theme.icon("vaxdesk"))
        self.setMinimumWidth(420)

    def _run(self, fn, ok_button: QPushButton) -> None:
        self.error.hide()
        ok_button.setEnabled(False)

        def done(account):
            ok_button.setEnabled(True)
            self.account = account
            self.accept()

        def failed(error: BaseException):
            ok_button.setEnabled(True)
            ok_button.setDefault(True)
            focus = getattr(self, "password", None)
            if focus is not None:
                focus.setFocus()  # so Enter presses the main button again, not whichever got focus
            if isinstance(error, UserError):
                self.show_error(str(error.message))
            else:
                from desktop.views.errors import present_error

                present_error(self, error)

        run_op(self, lambda _progress: fn(), _while_alive(self, done), _while_alive(self, failed), show_progress=False)

    def accept(self) -> None:
        if self.account is not None:
            QSettings("VaxDesk", "VaxDesk").setValue("sign_in/last_user", self.account.username)
        super().accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class CreateAdministratorDialog(_AccountDialog):
    """First start: the person installing VaxDesk becomes its administrator."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent, workspace)
        self.setWindowTitle(str(tr("VaxDesk — tạo quản trị viên", "VaxDesk — create the administrator")))
        layout = QVBoxLayout(self)
        layout.addWidget(_title(str(tr("Chào mừng đến với VaxDesk", "Welcome to VaxDesk"))))
        hint = QLabel(str(tr(
            "Chưa có tài khoản nào. Hãy tạo tài khoản quản trị viên: người này cài đặt chương trình và thêm "
            "tài khoản cho nhân viên nhập liệu và người ký số.",
            "There are no accounts yet. Create the administrator's account: this person sets VaxDesk up and "
            "adds accounts for the clerks and the signer.")))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setAccessibleName(str(tr("Tên đăng nhập", "User name")))
        self.username.setPlaceholderText("quantri")
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(str(tr("Họ và tên", "Full name")))
        self.password = _password_field(tr("Mật khẩu", "Password"))
        self.password.setPlaceholderText(str(tr("ít nhất {n} ký tự", "at least {n} characters",
                                                n=accounts.MIN_PASSWORD_LENGTH)))
        self.repeat = _password_field(tr("Nhập lại mật khẩu", "Repeat the password"))
        form.addRow(str(tr("&Tên đăng nhập:", "&User name:")), self.username)
        form.addRow(str(tr("&Họ và tên:", "&Full name:")), self.display_name)
        form.addRow(str(tr("&Mật khẩu:", "&Password:")), self.password)
        form.addRow(str(tr("&Nhập lại:", "&Repeat:")), self.repeat)
        layout.addLayout(form)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(str(tr("Tạo và đăng nhập", "Create and sign in")),
                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        theme.mark_primary(self.ok)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.ok.clicked.connect(self.submit)
        layout.addWidget(buttons)
        self.username.setFocus()

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.show_error(str(tr("Hai mật khẩu không giống nhau.", "The two passwords differ.")))
            self.repeat.setFocus()
            return
        username, password, name = self.username.text(), self.password.text(), self.display_name.text()
        self._run(lambda: accounts.create_administrator(self.workspace, username, password, name), self.ok)


class SignInDialog(_AccountDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None, username: str = "",
                 lock_screen: bool = False):
        super().__init__(parent, workspace)
        self.lock_screen = lock_screen
        facility = workspace.settings.get("facility_name") or workspace.path.name
        self.setWindowTitle(str(tr("VaxDesk — đăng nhập", "VaxDesk — sign in")) if not lock_screen
                            else str(tr("VaxDesk — đã khoá", "VaxDesk — locked")))
        layout = QVBoxLayout(self)
        layout.addWidget(_title(facility))
        if lock_screen:
            hint = QLabel(str(tr("Màn hình đã khoá vì không dùng. Nhập mật khẩu để tiếp tục, hoặc đăng nhập "
                                 "bằng tài khoản khác.",
                                 "The screen was locked while unused. Enter the password to continue, or sign "
                                 "in as someone else.")))
            hint.setWordWrap(True)
            hint.setProperty("role", "hint")
            layout.addWidget(hint)
        form = QFormLayout()
        self.username = QLineEdit(username or QSettings("VaxDesk", "VaxDesk").value("sign_in/last_user", "") or "")
        self.username.setAccessibleName(str(tr("Tên đăng nhập", "User name")))
        self.password = _password_field(tr("Mật khẩu", "Password"))
        form.addRow(str(tr("&Tên đăng nhập:", "&User name:")), self.username)
        form.addRow(str(tr("&Mật khẩu:", "&Password:")), self.password)
        layout.addLayout(form)
        layout.addWidget(self.error)
        note = QLabel(str(tr("Nhập sai mật khẩu {n} lần liên tiếp, tài khoản bị khoá {m} phút.",
                             "After {n} wrong passwords in a row the account is locked for {m} minutes.",
                             n=accounts.MAX_FAILED_ATTEMPTS, m=accounts.LOCKOUT_MINUTES)))
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(str(tr("Đăng nhập", "Sign in")), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        theme.mark_primary(self.ok)
        quit_text = tr("Thoát VaxDesk", "Quit VaxDesk")
        self.quit = buttons.addButton(str(quit_text), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit.setAccessibleName(str(quit_text))
        buttons.rejected.connect(self.reject)
        self.ok.clicked.connect(self.submit)
        layout.addWidget(buttons)
        (self.password if self.username.text() else self.username).setFocus()

    def submit(self) -> None:
        username, password = self.username.text(), self.password.text()
        self.password.clear()

        def check():
            from desktop.accounts.gate import sign_in

            return sign_in(self.workspace, username, password, window=True)

        self._run(check, self.ok)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        """At the lock screen Escape does nothing: a key meant for a menu must not quit VaxDesk."""
        if self.lock_screen and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)


def prepare_application(workspace: Workspace) -> None:
    """Look, Qt's translations and the crash dialog, before the first window appears."""
    from desktop.views import crash

    app = QApplication.instance()
    if app is not None:
        theme.apply(app, workspace.settings.get("language"))
    crash.install()


def sign_in(workspace: Workspace) -> tuple[str | None, str]:
    """Create the administrator on first start, then ask for a user name and password."""
    from desktop.i18n import set_language

    set_language(workspace.settings.get("language"))
    prepare_application(workspace)
    account = None
    if not accounts.has_accounts(workspace):
        dialog = CreateAdministratorDialog(workspace)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.account is None:
            return None, ""
        account = dialog.account
    else:
        dialog = SignInDialog(workspace)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.account is None:
            return None, ""
        account = dialog.account
    from desktop.views import idle_lock

    idle_lock.install(workspace, account.username)
    return account.username, account.role


__all__ = ["CreateAdministratorDialog", "SignInDialog", "prepare_application", "sign_in"]
