"""Settings in one place (facility, connections, token, general) and, for administrators, accounts.

Values are checked by the core before anything is saved; "test connection" runs in the background
with the values as typed, so they can be tried before saving.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import accounts
from desktop.diagnosis import Diagnosis
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.registry.connection import check_registry
from desktop.settings_changes import apply_settings
from desktop.signing.connection import check_token, token_module_choices
from desktop.sync.connection import check_central
from desktop.views import dialogs, theme
from desktop.views.context import AppContext
from desktop.views.operations import DbOp, NetOp
from desktop.views.pages.backup_panel import BackupPanel
from desktop.views.pages.updates_panel import UpdatesPanel
from desktop.views.records_table import fit_headings

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))


def _hint(text) -> QLabel:
    label = QLabel(str(text))
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label



def _read_only(field: QWidget, read_only: bool) -> None:
    """Values stay readable (and copyable) but look like text, not like boxes to type into."""
    if isinstance(field, QLineEdit):
        field.setEnabled(True)
        field.setReadOnly(read_only)
        field.setFrame(not read_only)
        field.setFocusPolicy(Qt.FocusPolicy.ClickFocus if read_only else Qt.FocusPolicy.StrongFocus)
        field.setProperty("readOnlyLook", read_only)
    elif isinstance(field, (QSpinBox, QDoubleSpinBox)):
        field.setEnabled(True)
        field.setReadOnly(read_only)
        field.setFrame(not read_only)
        field.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons if read_only
                               else QSpinBox.ButtonSymbols.UpDownArrows)
        field.setProperty("readOnlyLook", read_only)
    else:
        field.setEnabled(not read_only)


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.fields: dict[str, QWidget] = {}
        self.results: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        title = QLabel(str(tr("Cài đặt", "Settings")))
        title.setProperty("role", "title")
        layout.addWidget(title)
        self.notice = _hint(tr("Chỉ quản trị viên được thay đổi cài đặt và tài khoản.",
                               "Only an administrator may change settings and accounts."))
        top = QHBoxLayout()
        top.addWidget(self.notice, 1)
        self.my_password_button = QPushButton(theme.icon("user"), str(tr("Đổi mật khẩu của tôi…",
                                                                         "Change my password…")))
        self.my_password_button.setAccessibleName(str(tr("Đổi mật khẩu của tôi", "Change my password")))
        self.my_password_button.clicked.connect(self.change_my_password)
        top.addWidget(self.my_password_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._facility_tab(), str(tr("Cơ sở", "Facility")))
        self.tabs.addTab(self._connections_tab(), str(tr("Kết nối", "Connections")))
        self.tabs.addTab(self._token_tab(), str(tr("USB ký số", "Signing token")))
        self.tabs.addTab(self._general_tab(), str(tr("Chung", "General")))
        self.tabs.addTab(BackupPanel(ctx), str(tr("Sao lưu", "Backup")))
        self.tabs.addTab(UpdatesPanel(ctx), str(tr("Cập nhật dữ liệu", "Data updates")))
        self.accounts_tab = AccountsPanel(ctx)
        self.tabs.addTab(self.accounts_tab, str(tr("Tài khoản", "Accounts")))
        layout.addWidget(self.tabs, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(str(tr("Kết quả lưu cài đặt", "Result of saving")))
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.revert_button = QPushButton(str(tr("Hoàn tác thay đổi", "Undo changes")))
        self.revert_button.clicked.connect(self.load)
        self.save_button = QPushButton(str(tr("&Lưu cài đặt", "&Save settings")))
        self.save_button.setAccessibleName(str(tr("Lưu cài đặt", "Save settings")))
        theme.mark_primary(self.save_button)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.load()
        ctx.user_changed.connect(self._apply_role)
        self._apply_role()

    # --- building -------------------------------------------------------------------------------
    def _line(self, key: str, label, form: QFormLayout, placeholder: str = "", secret: bool = False) -> QLineEdit:
        field = QLineEdit()
        field.setAccessibleName(str(label).replace("&", "").rstrip(":"))
        if placeholder:
            field.setPlaceholderText(placeholder)
        if secret:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(str(label), field)
        self.fields[key] = field
        return field

    def _spin(self, key: str, label, form: QFormLayout, low: float, high: float, decimals: int = 0,
              suffix: str = "") -> QWidget:
        field = QDoubleSpinBox() if decimals else QSpinBox()
        if decimals:
            field.setDecimals(decimals)
        field.setRange(low, high)
        if suffix:
            field.setSuffix(suffix)
        field.setAccessibleName(str(label).replace("&", "").rstrip(":"))
        form.addRow(str(label), field)
        self.fields[key] = field
        return field

    def _test_row(self, target: str, text, form: QFormLayout) -> None:
        button = QPushButton(str(text))
        button.setAccessibleName(str(text))
        result = QLabel()
        result.setWordWrap(True)
        result.setAccessibleName(str(tr("Kết quả kiểm tra", "Test result")))
        row = QHBoxLayout()
        row.addWidget(button)
        row.addWidget(result, 1)
        form.addRow("", row)
        button.clicked.connect(lambda: self.test_connection(target))
        self.results[target] = result
        setattr(self, f"test_{target}_button", button)

    def _facility_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self._line("facility_code", tr("&Mã cơ sở:", "Facility &code:"), form, "01001")
        self._line("facility_name", tr("&Tên cơ sở:", "Facility &name:"), form, "Bệnh viện …")
        focal = QCheckBox(str(tr("Ký thay cho nhiều cơ sở (Sở Y tế / CDC)", "Signs for several facilities "
                                 "(provincial health department / CDC)")))
        focal.setAccessibleName(str(tr("Đầu mối ký thay", "Focal agency")))
        form.addRow("", focal)
        self.fields["focal_agency"] = focal
        self._line("represented_facilities", tr("Các cơ sở được &ký thay:", "Facilities &represented:"), form,
                   "01001, 01002")
        return tab

    def _connections_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self._line("registry_url", tr("Địa chỉ CSDL &dân cư:", "&Registry address:"), form, "https://…")
        self._line("registry_token", tr("&Mã truy cập:", "Access &token:"), form, secret=True)
        self._spin("registry_batch_size", tr("Số tra cứu mỗi &lần:", "Look-ups per &request:"), form, 1, 500)
        self._spin("registry_timeout", tr("Chờ tối đa (CSDL dân cư):", "Registry timeout:"), form, 1, 600, 1, " s")
        self._test_row("registry", tr("Kiểm tra kết nối CSDL dân cư", "Test the registry connection"), form)
        self._line("central_url", tr("Địa chỉ hệ thống &trung ương:", "&Central service address:"), form,
                   "https://…")
        self._line("central_token", tr("Thông tin &xác thực trung ương:", "Central &credential:"), form, secret=True)
        self._line("central_ca_file", tr("Chứng thư TLS (tuỳ chọn):", "TLS certificate file (optional):"), form)
        self._spin("central_timeout", tr("Chờ tối đa (trung ương):", "Central timeout:"), form, 1, 600, 1, " s")
        self._spin("sync_interval", tr("Đồng bộ mỗi (0: thủ công):", "Sync every (0: by hand):"), form, 0, 86400,
                   suffix=" s")
        self._test_row("central", tr("Kiểm tra kết nối trung ương", "Test the central connection"), form)
        return tab

    def _token_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        module = QComboBox()
        module.setEditable(True)
        module.setAccessibleName(str(tr("Mô-đun PKCS#11", "PKCS#11 module")))
        for value, where in token_module_choices():
            module.addItem(value, value)
            module.setItemData(module.count() - 1, where, Qt.ItemDataRole.ToolTipRole)
        form.addRow(str(tr("&Mô-đun PKCS#11:", "PKCS#11 &module:")), module)
        form.addRow("", _hint(tr("Chọn phần mềm của nhà cung cấp (VNPT-CA, Viettel-CA, BKAV-CA, FPT-CA, Feitian, "
                                 "SafeNet) hoặc nhập đường dẫn bất kỳ.",
                                 "Choose the vendor's module (VNPT-CA, Viettel-CA, BKAV-CA, FPT-CA, Feitian, "
                                 "SafeNet) or type any path.")))
        self.fields["token_module"] = module
        self._line("token_label", tr("&Nhãn USB ký số:", "Token &label:"), form)
        algorithm = QComboBox()
        algorithm.addItems(["PS256", "RS256", "ES256"])
        algorithm.setAccessibleName(str(tr("Thuật toán ký", "Signing algorithm")))
        form.addRow(str(tr("Thuật toán &ký:", "Signing &algorithm:")), algorithm)
        self.fields["signing_algorithm"] = algorithm
        self._spin("batch_size", tr("Số bản ghi mỗi &lô ký:", "Records per signed &batch:"), form, 1, 100_000)
        self._test_row("token", tr("Kiểm tra USB ký số", "Test the token"), form)
        self.found_tokens = QComboBox()
        self.found_tokens.setAccessibleName(str(tr("USB ký số tìm thấy", "Tokens found")))
        self.found_tokens.hide()
        self.found_tokens.textActivated.connect(lambda label: self.fields["token_label"].setText(label))
        form.addRow("", self.found_tokens)
        return tab

    def _general_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        language = QComboBox()
        for code, name in LANGUAGES:
            language.addItem(name, code)
        language.setAccessibleName(str(tr("Ngôn ngữ", "Language")))
        form.addRow(str(tr("&Ngôn ngữ mặc định / Language:", "Default &language / Ngôn ngữ:")), language)
        form.addRow("", _hint(tr("Ngôn ngữ của máy khi chưa ai đăng nhập. Mỗi người chọn ngôn ngữ của mình khi "
                                 "đăng nhập (hoặc ở thanh trạng thái); lựa chọn đó được ghi nhớ cho tài khoản.",
                                 "The language before anyone signs in. Each person chooses their own language at "
                                 "sign-in (or in the status bar); it is remembered for their account.")))
        self.fields["language"] = language
        remember = QCheckBox(str(tr("&Gợi ý tên đăng nhập lần trước khi đăng nhập",
                                    "Offer the &last user name at sign-in")))
        remember.setAccessibleName(str(tr("Gợi ý tên đăng nhập lần trước", "Offer the last user name")))
        form.addRow("", remember)
        form.addRow("", _hint(tr("Để tắt trên máy dùng chung: người sau không thấy tên của người trước.",
                                 "Leave off on a shared PC: the next person does not see the previous one's name.")))
        self.fields["remember_last_user"] = remember
        self._spin("idle_lock_minutes", tr("&Khoá màn hình sau (0: không khoá):", "&Lock the screen after (0: never):"),
                   form, 0, 480, suffix=str(tr(" phút", " min")))
        return tab

    # --- values --------------------------------------------------------------------------------
    def _value(self, key: str) -> Any:
        field = self.fields[key]
        if isinstance(field, QCheckBox):
            return field.isChecked()
        if isinstance(field, (QSpinBox, QDoubleSpinBox)):
            return field.value()
        if isinstance(field, QComboBox):
            if key == "language":
                return field.currentData()
            return field.currentText().strip()
        return field.text().strip()

    def load(self) -> None:
        settings = self.ctx.workspace.settings
        for key, field in self.fields.items():
            value = settings.get(key)
            if key in ("registry_token", "central_token"):
                field.clear()
                field.setPlaceholderText(str(tr("(đã lưu; để trống để giữ nguyên)", "(saved; leave empty to keep)"))
                                         if value else "")
            elif isinstance(field, QCheckBox):
                field.setChecked(bool(value))
            elif isinstance(field, (QSpinBox, QDoubleSpinBox)):
                field.setValue(value)
            elif isinstance(field, QComboBox):
                index = field.findData(value) if key == "language" else field.findText(value or "")
                if index >= 0:
                    field.setCurrentIndex(index)
                else:
                    field.setEditText(value or "")
            else:
                field.setText(", ".join(value) if isinstance(value, list) else str(value or ""))
        self.message.clear()

    def changes(self) -> dict[str, Any]:
        settings = self.ctx.workspace.settings
        out = {}
        for key in self.fields:
            value = self._value(key)
            if key in ("registry_token", "central_token") and not value:
                continue
            current = settings.get(key)
            if key == "represented_facilities":
                if value != ", ".join(current):
                    out[key] = value
            elif value != current:
                out[key] = value
        return out

    def save(self) -> None:
        if not accounts.can(self.ctx.role, "settings"):
            self._show(False, str(tr("Chỉ quản trị viên được thay đổi cài đặt.",
                                     "Only an administrator may change settings.")))
            return
        changes = self.changes()
        if not changes:
            self._show(True, str(tr("Không có thay đổi nào.", "Nothing has changed.")))
            return
        workspace, actor = self.ctx.workspace, self.ctx.actor
        language_changed = "language" in changes

        def saved(_values) -> None:
            self.load()
            text = tr("Đã lưu {n} cài đặt.", "Saved {n} settings.", n=len(changes))
            if language_changed:
                text = tr("{saved} Ngôn ngữ mặc định mới dùng từ lần đăng nhập sau của người chưa chọn ngôn ngữ.",
                          "{saved} The new default language applies at the next sign-in of anyone who has not "
                          "chosen their own.", saved=text)
            self._show(True, str(text))
            if "idle_lock_minutes" in changes:
                from desktop.views import idle_lock

                lock = idle_lock.current()
                if lock is not None:
                    lock.set_minutes(workspace.settings.get("idle_lock_minutes"))

        def failed(error: BaseException) -> None:
            if isinstance(error, UserError):
                self._show(False, str(error.message))
            else:
                from desktop.views.errors import present_error

                present_error(self, error)

        (DbOp(self, lambda _p: apply_settings(workspace, changes, actor))
         .success(saved)
         .failure(failed)
         .run_in_background())

    def _show(self, ok: bool, text: str) -> None:
        self.message.setProperty("role", "ok" if ok else "error")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def test_connection(self, target: str) -> None:
        settings = self.ctx.workspace.settings
        result = self.results[target]
        result.setProperty("role", "hint")
        result.setText(str(tr("Đang kiểm tra…", "Testing…")))
        if target == "registry":
            url, token = self._value("registry_url"), self._value("registry_token") or settings.get("registry_token")
            timeout = self._value("registry_timeout")

            def fn(_p, _db):
                return check_registry(url, token, timeout)
        elif target == "central":
            url, ca_file, timeout = self._value("central_url"), self._value("central_ca_file"), self._value(
                "central_timeout")

            def fn(_p, _db):
                return check_central(url, ca_file, timeout)
        else:
            module, label, workspace = self._value("token_module"), self._value("token_label"), self.ctx.workspace

            def fn(_p, _db):
                return check_token(module, label, workspace)

        def done(diagnosis: Diagnosis) -> None:
            result.setProperty("role", "ok" if diagnosis.ok else "error")
            result.style().unpolish(result)
            result.style().polish(result)
            result.setText(str(diagnosis.message))
            if target == "token":
                labels = [t["label"] for t in diagnosis.details.get("tokens", [])]
                self.found_tokens.clear()
                self.found_tokens.addItems(labels)
                self.found_tokens.setVisible(bool(labels))

        NetOp(self, fn).success(done).run_in_background()

    def change_my_password(self) -> None:
        dialog = ChangePasswordDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        old, new, repeat = dialog.values()
        if new != repeat:
            self._show(False, str(tr("Hai mật khẩu mới không giống nhau.", "The two new passwords differ.")))
            return
        workspace, actor = self.ctx.workspace, self.ctx.actor

        def done(_account) -> None:
            self._show(True, str(tr("Đã đổi mật khẩu.", "The password was changed.")))

        def failed(error: BaseException) -> None:
            if isinstance(error, UserError):
                self._show(False, str(error.message))
            else:
                from desktop.views.errors import present_error

                present_error(self, error)

        (DbOp(self, lambda _p: accounts.change_password(workspace, actor, new, actor=actor, old_password=old))
         .success(done)
         .failure(failed)
         .run_in_background())

    def _apply_role(self) -> None:
        admin = accounts.can(self.ctx.role, "settings")
        self.notice.setVisible(not admin)
        for field in self.fields.values():
            _read_only(field, not admin)
        # nothing to save for someone who cannot change settings: no buttons that look pressable
        for button in (self.save_button, self.revert_button):
            button.setEnabled(admin)
            button.setVisible(admin)
        self.tabs.setTabVisible(self.tabs.indexOf(self.accounts_tab), accounts.can(self.ctx.role, "accounts"))
        if accounts.can(self.ctx.role, "accounts"):
            self.accounts_tab.refresh()


class AccountsPanel(QWidget):
    """The administrator adds people, resets passwords, unlocks, changes roles."""

    COLUMNS = (tr("Tên đăng nhập", "User name"), tr("Họ và tên", "Full name"), tr("Vai trò", "Role"),
               tr("Trạng thái", "Status"))

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.accounts: list[accounts.Account] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([str(c) for c in self.COLUMNS])
        self.table.setAccessibleName(str(tr("Danh sách tài khoản", "Accounts")))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        state = QSettings("VaxDesk", "VaxDesk").value("settings/accounts_columns")
        if state is not None:
            header.restoreState(state)
        fit_headings(header)
        header.sectionResized.connect(self._remember_columns)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(theme.icon("user"), str(tr("&Thêm tài khoản…", "&Add account…")))
        self.password_button = QPushButton(str(tr("Đặt lại &mật khẩu…", "Reset &password…")))
        self.unlock_button = QPushButton(str(tr("&Mở khoá", "&Unlock")))
        self.role_button = QPushButton(str(tr("Đổi &vai trò…", "Change &role…")))
        self.active_button = QPushButton(str(tr("Tắt/&bật tài khoản", "Disable/&enable")))
        for button in (self.add_button, self.password_button, self.unlock_button, self.role_button,
                       self.active_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(_hint(tr(
            "Nhân viên nhập liệu: nhập danh sách, đối chiếu, in. Người ký số: thêm ký số bằng USB. Quản trị viên: "
            "thêm cài đặt và tài khoản. Sai mật khẩu {n} lần liên tiếp: khoá {m} phút.",
            "Clerk: import, review, print. Signer: also signs with the token. Administrator: also settings and "
            "accounts. {n} wrong passwords in a row lock an account for {m} minutes.",
            n=accounts.MAX_FAILED_ATTEMPTS, m=accounts.LOCKOUT_MINUTES)))
        self.add_button.clicked.connect(self.add_account)
        self.password_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(lambda: self._act(lambda ws, u, a: accounts.unlock(ws, u, a)))
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)

    def _remember_columns(self, *_args) -> None:
        QSettings("VaxDesk", "VaxDesk").setValue("settings/accounts_columns",
                                                 self.table.horizontalHeader().saveState())

    def refresh(self) -> None:
        workspace = self.ctx.workspace
        (DbOp(self, lambda _p: accounts.list_users(workspace))
         .success(self._show)
         .run_in_background())

    def _show(self, users: list[accounts.Account]) -> None:
        selected = self.selected()
        self.accounts = users
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            status = (tr("Đang khoá", "Locked") if user.locked() else
                      tr("Đã tắt", "Disabled") if not user.active else tr("Hoạt động", "Active"))
            for column, text in enumerate((user.username, user.display_name, str(accounts.role_label(user.role)),
                                           str(status))):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if selected and user.username == selected.username:
                self.table.selectRow(row)

    def selected(self) -> accounts.Account | None:
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def _act(self, fn) -> None:
        user = self.selected()
        if user is None:
            dialogs.show_info(self, str(tr("Tài khoản", "Accounts")), str(tr("Hãy chọn một tài khoản trước.",
                                                                             "Choose an account first.")))
            return
        workspace, actor = self.ctx.workspace, self.ctx.actor
        (DbOp(self, lambda _p: fn(workspace, user.username, actor))
         .success(lambda _r: self.refresh())
         .run_in_background())

    def add_account(self) -> None:
        dialog = AddAccountDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        workspace, actor = self.ctx.workspace, self.ctx.actor
        username, role, password, name = dialog.values()
        (DbOp(self, lambda _p: accounts.add_user(workspace, username, role, password, name, actor=actor))
         .success(lambda _r: self.refresh())
         .run_in_background())

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return self._act(None)
        password = dialogs.ask_secret(self, str(tr("Đặt lại mật khẩu", "Reset password")),
                                      str(tr("Mật khẩu mới cho {user}:", "New password for {user}:",
                                             user=user.username)))
        if password:
            self._act(lambda ws, u, a: accounts.change_password(ws, u, password, actor=a))

    def change_role(self) -> None:
        user = self.selected()
        if user is None:
            return self._act(None)
        labels = [str(accounts.role_label(r)) for r in accounts.ROLES]
        choice = dialogs.ask_item(self, str(tr("Đổi vai trò", "Change role")),
                                  str(tr("Vai trò của {user}:", "Role of {user}:", user=user.username)), labels,
                                  editable=False)
        if choice:
            role = accounts.ROLES[labels.index(choice)]
            self._act(lambda ws, u, a: accounts.set_role(ws, u, role, a))

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return self._act(None)
        self._act(lambda ws, u, a: accounts.set_active(ws, u, not user.active, a))


class ChangePasswordDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(str(tr("Đổi mật khẩu", "Change password")))
        form = QFormLayout(self)
        self.fields = []
        for label, name in ((tr("Mật khẩu &hiện tại:", "&Current password:"), tr("Mật khẩu hiện tại", "Current password")),
                            (tr("Mật khẩu &mới:", "&New password:"), tr("Mật khẩu mới", "New password")),
                            (tr("&Nhập lại:", "&Repeat:"), tr("Nhập lại mật khẩu mới", "Repeat the new password"))):
            field = QLineEdit()
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(str(name))
            form.addRow(str(label), field)
            self.fields.append(field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        return tuple(f.text() for f in self.fields)  # type: ignore[return-value]


class AddAccountDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(str(tr("Thêm tài khoản", "Add an account")))
        form = QFormLayout(self)
        self.username = QLineEdit()
        self.username.setAccessibleName(str(tr("Tên đăng nhập", "User name")))
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName(str(tr("Họ và tên", "Full name")))
        self.role = QComboBox()
        for role in accounts.ROLES:
            self.role.addItem(str(accounts.role_label(role)), role)
        self.role.setAccessibleName(str(tr("Vai trò", "Role")))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(str(tr("Mật khẩu", "Password")))
        self.password.setPlaceholderText(str(tr("ít nhất {n} ký tự", "at least {n} characters",
                                                n=accounts.MIN_PASSWORD_LENGTH)))
        form.addRow(str(tr("&Tên đăng nhập:", "&User name:")), self.username)
        form.addRow(str(tr("&Họ và tên:", "&Full name:")), self.display_name)
        form.addRow(str(tr("&Vai trò:", "&Role:")), self.role)
        form.addRow(str(tr("&Mật khẩu:", "&Password:")), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str, str]:
        return self.username.text(), self.role.currentData(), self.password.text(), self.display_name.text()


def create_page(ctx: AppContext) -> QWidget:
    return SettingsPage(ctx)
