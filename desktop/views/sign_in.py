"""Who is at the keyboard: the first start creates the administrator, then everyone signs in.

``sign_in(workspace)`` is called by the application before the main window opens; it returns the
signed-in person's user name and role, or ``(None, "")`` when the person closed the dialog.
"""

from __future__ import annotations

import importlib
import logging
import threading

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import accounts
from desktop.errors import UserError
from desktop.i18n import current_language, set_language, tr
from desktop.views import theme
from desktop.views.operations import DbOp
from desktop.workspace import Workspace

log = logging.getLogger(__name__)


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


def _busy_indicator() -> QWidget:
    """A moving bar and a line of text while the password is checked."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setMaximumWidth(120)
    bar.setAccessibleName(str(tr("Đang kiểm tra", "Checking")))
    box.text = QLabel(str(tr("Đang kiểm tra mật khẩu…", "Checking the password…")))
    box.text.setProperty("role", "hint")
    row.addWidget(bar)
    row.addWidget(box.text, 1)
    box.hide()
    return box


def remember_last_user(workspace: Workspace) -> bool:
    """Whether sign-in offers the last user name (off by default: a shared PC offers nobody's)."""
    try:
        return bool(workspace.settings.get("remember_last_user"))
    except KeyError:
        return False


def last_user(workspace: Workspace) -> str:
    if not remember_last_user(workspace):
        return ""
    return str(QSettings("VaxDesk", "VaxDesk").value("sign_in/last_user", "") or "")


class _AccountDialog(QDialog):
    """Shared busy/error handling: the password check runs off the GUI thread (Argon2 takes ~0.1 s)."""

    def __init__(self, parent: QWidget | None, workspace: Workspace):
        super().__init__(parent)
        self.workspace = workspace
        self.account: accounts.Account | None = None
        self.error = _error_label()
        self.busy = _busy_indicator()
        self.setWindowIcon(theme.icon("vaxdesk"))
        self.setMinimumWidth(420)

    def _base_layout(self) -> QVBoxLayout:
        """Fields, then the error line, then the buttons (see ``_fit`` for the error's room)."""
        return QVBoxLayout(self)

    def _fit(self) -> None:
        """Grow the dialog so every line of a wrapped error shows below the fields, overlapping nothing."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > self.height():
            self.setMinimumHeight(needed)
            self.resize(self.width(), needed)
        layout.activate()

    def _run(self, fn, ok_button: QPushButton) -> None:
        self.error.hide()
        ok_button.setEnabled(False)
        self.busy.show()
        self._fit()

        def done(account):
            self.busy.hide()
            ok_button.setEnabled(True)
            self.account = account
            self.accept()

        def failed(error: BaseException):
            self.busy.hide()
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

        (DbOp(self, lambda _progress: fn())
         .success(done)
         .failure(failed)
         .run_in_background())

    def accept(self) -> None:
        settings = QSettings("VaxDesk", "VaxDesk")
        if self.account is not None and remember_last_user(self.workspace):
            settings.setValue("sign_in/last_user", self.account.username)
        else:
            settings.remove("sign_in/last_user")  # a shared PC offers nobody's name to the next person
        super().accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self._fit()


class CreateAdministratorDialog(_AccountDialog):
    """First start: the person installing VaxDesk becomes its administrator."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent, workspace)
        self.setWindowTitle(str(tr("VaxDesk — tạo quản trị viên", "VaxDesk — create the administrator")))
        layout = self._base_layout()
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
        layout.addWidget(self.busy)
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
    """User name, password and the language this person works in (applied at once, kept per account)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None, username: str = "",
                 lock_screen: bool = False):
        super().__init__(parent, workspace)
        self.lock_screen = lock_screen
        self.chosen_language: str | None = None  # None: the person keeps the language stored for them
        layout = self._base_layout()
        top = QHBoxLayout()
        self.heading = _title(workspace.settings.get("facility_name") or workspace.path.name)
        top.addWidget(self.heading, 1)
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(current_language()))
        top.addWidget(self.language, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.hint.setVisible(lock_screen)
        layout.addWidget(self.hint)
        self.form = QFormLayout()
        self.username = QLineEdit(username or last_user(workspace))
        self.password = _password_field("")
        self.username_label = QLabel()
        self.password_label = QLabel()
        self.username_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        self.form.addRow(self.username_label, self.username)
        self.form.addRow(self.password_label, self.password)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        self.note = QLabel()
        self.note.setProperty("role", "hint")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        theme.mark_primary(self.ok)
        self.quit = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.ok.clicked.connect(self.submit)
        layout.addWidget(buttons)
        self.retranslate()
        self.language.currentIndexChanged.connect(self._language_chosen)
        (self.password if self.username.text() else self.username).setFocus()

    def retranslate(self) -> None:
        """Every text of the dialog in the current language."""
        lock_screen = self.lock_screen
        self.setWindowTitle(str(tr("VaxDesk — đăng nhập", "VaxDesk — sign in")) if not lock_screen
                            else str(tr("VaxDesk — đã khoá", "VaxDesk — locked")))
        self.language.setAccessibleName(str(tr("Ngôn ngữ", "Language")))
        self.language.setToolTip(str(tr("Ngôn ngữ của bạn; được ghi nhớ cho tài khoản này.",
                                        "Your language; remembered for this account.")))
        self.hint.setText(str(tr("Màn hình đã khoá vì không dùng. Nhập mật khẩu để tiếp tục, hoặc đăng nhập "
                                 "bằng tài khoản khác.",
                                 "The screen was locked while unused. Enter the password to continue, or sign "
                                 "in as someone else.")))
        self.username.setAccessibleName(str(tr("Tên đăng nhập", "User name")))
        self.password.setAccessibleName(str(tr("Mật khẩu", "Password")))
        self.username_label.setText(str(tr("&Tên đăng nhập:", "&User name:")))
        self.password_label.setText(str(tr("&Mật khẩu:", "&Password:")))
        self.error.setAccessibleName(str(tr("Thông báo lỗi", "Error message")))
        self.busy.text.setText(str(tr("Đang kiểm tra mật khẩu…", "Checking the password…")))
        self.note.setText(str(tr("Nhập sai mật khẩu {n} lần liên tiếp, tài khoản bị khoá {m} phút.",
                                 "After {n} wrong passwords in a row the account is locked for {m} minutes.",
                                 n=accounts.MAX_FAILED_ATTEMPTS, m=accounts.LOCKOUT_MINUTES)))
        self.ok.setText(str(tr("Đăng nhập", "Sign in")))
        quit_text = tr("Thoát VaxDesk", "Quit VaxDesk")
        self.quit.setText(str(quit_text))
        self.quit.setAccessibleName(str(quit_text))

    def _language_chosen(self) -> None:
        language = self.language.currentData()
        self.chosen_language = language
        apply_language(language)
        self.error.hide()
        self.retranslate()

    def submit(self) -> None:
        username, password, language = self.username.text(), self.password.text(), self.chosen_language
        self.password.clear()
        workspace = self.workspace

        def check():
            from desktop.accounts.gate import sign_in

            account = sign_in(workspace, username, password, window=True)
            if language is not None and account.language != language:
                account = accounts.set_language(workspace, account.username, language)
            return account

        self._run(check, self.ok)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        """At the lock screen Escape does nothing: a key meant for a menu must not quit VaxDesk."""
        if self.lock_screen and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)


def apply_language(language: str) -> None:
    """Speak ``language`` from now on: VaxDesk's messages and Qt's own dialogs and buttons."""
    set_language(language)
    app = QApplication.instance()
    if app is not None:
        theme.install_translations(app, language)


# what the main window needs in its first second; loaded while the person types the password
_WINDOW_MODULES = ("desktop.views.main_window", "desktop.views.sync_status", "desktop.views.pages.overview",
                   "desktop.overview", "desktop.views.pages.import_page", "desktop.views.pages.sign")
preloaded = threading.Event()


def preload_window_modules() -> threading.Event:
    """Import the main window's modules off the GUI thread (about a second of Python imports)."""
    if preloaded.is_set() or any(t.name == "vaxdesk-preload" for t in threading.enumerate()):
        return preloaded

    def load() -> None:
        for name in _WINDOW_MODULES:
            try:
                importlib.import_module(name)
            except Exception:  # a missing capability is the window's business, not the preload's
                log.debug("preload of %s failed", name, exc_info=True)
        preloaded.set()

    threading.Thread(target=load, name="vaxdesk-preload", daemon=True).start()
    return preloaded


def prepare_application(workspace: Workspace) -> None:
    """Look, Qt's translations and the crash dialog, before the first window appears."""
    from desktop.views import crash

    preload_window_modules()

    app = QApplication.instance()
    if app is not None:
        # Qt's own file dialogs read the translations; the desktop's native ones would not
        QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
        theme.apply(app, current_language())
    crash.install()


def sign_in(workspace: Workspace) -> tuple[str | None, str]:
    """Create the administrator on first start, then ask for a user name and password.

    The window then speaks the signed-in person's language (``current_language()``).
    """
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
    apply_language(accounts.language_for(workspace, account))
    from desktop.views import idle_lock

    idle_lock.install(workspace, account.username)
    return account.username, account.role


__all__ = ["CreateAdministratorDialog", "SignInDialog", "apply_language", "last_user", "prepare_application",
           "remember_last_user", "sign_in"]
