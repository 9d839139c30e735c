"""Settings → Sao lưu: where backups go, how many are kept, the passphrase, "back up now", and how
long personal data is kept. Only an administrator changes anything here; restoring is an IT
operation on the command line (``vaxdesk restore``, docs/operations.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import accounts, backup
from desktop.errors import UserError
from desktop.i18n import format_date, tr
from desktop.settings_changes import apply_settings
from desktop.views import dialogs, theme
from desktop.views.context import AppContext
from desktop.views.operations import DbOp, NetOp


def ask_folder(parent: QWidget | None, title: str, start: str = "") -> str | None:
    """The folder the person chooses, or None (replaced in tests)."""
    return QFileDialog.getExistingDirectory(parent, title, start) or None


class BackupPanel(QWidget):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(str(tr("Ví dụ: E:\\SaoLuu (ổ USB) hoặc \\\\may-chu\\saoluu",
                                              "For example E:\\Backups (USB drive) or \\\\server\\backups")))
        self.folder.setAccessibleName(str(tr("Thư mục sao lưu", "Backup folder")))
        self.choose_button = QPushButton(str(tr("Chọn…", "Choose…")))
        self.choose_button.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose_button)
        form.addRow(str(tr("&Thư mục sao lưu:", "Backup &folder:")), row)
        self.keep = QSpinBox()
        self.keep.setRange(1, 365)
        self.keep.setAccessibleName(str(tr("Số bản sao lưu giữ lại", "Backups to keep")))
        form.addRow(str(tr("&Giữ lại (bản mới nhất):", "&Keep (newest):")), self.keep)
        self.retention = QSpinBox()
        self.retention.setRange(0, 36500)
        self.retention.setSuffix(str(tr(" ngày", " days")))
        self.retention.setAccessibleName(str(tr("Thời hạn lưu dữ liệu cá nhân", "Personal data retention")))
        form.addRow(str(tr("Lưu dữ liệu cá nhân sau cấp &chứng nhận:", "Keep personal data after &certification:")),
                    self.retention)
        form.addRow("", self._hint(tr("Sau thời hạn này, lệnh `vaxdesk purge` xoá họ tên, số định danh, điện thoại… "
                                      "của bản ghi đã cấp chứng nhận (0: không xoá).",
                                      "After this period, `vaxdesk purge` removes names, ID numbers, phones… of "
                                      "certified records (0: never).")))
        self.passphrase_state = QLabel()
        self.passphrase_button = QPushButton(str(tr("Đặt &mật khẩu sao lưu…", "Set the backup &passphrase…")))
        self.passphrase_button.clicked.connect(self.set_passphrase)
        row = QHBoxLayout()
        row.addWidget(self.passphrase_state, 1)
        row.addWidget(self.passphrase_button)
        form.addRow(str(tr("Mật khẩu:", "Passphrase:")), row)
        self.last = QLabel()
        self.last.setAccessibleName(str(tr("Lần sao lưu gần nhất", "Last backup")))
        form.addRow(str(tr("Lần sao lưu gần nhất:", "Last backup:")), self.last)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(str(tr("Lưu", "Save")))
        self.save_button.clicked.connect(self.save)
        self.verify_button = QPushButton(str(tr("Kiểm tra một bản sao lưu…", "Check a backup…")))
        self.verify_button.clicked.connect(self.verify)
        self.backup_button = QPushButton(str(tr("&Sao lưu ngay", "&Back up now")))
        theme.mark_primary(self.backup_button)
        self.backup_button.clicked.connect(self.back_up_now)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.verify_button)
        buttons.addStretch(1)
        buttons.addWidget(self.backup_button)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(str(tr("Kết quả sao lưu", "Backup result")))
        layout.addWidget(self.message)
        layout.addWidget(self._hint(tr(
            "Khôi phục trên máy mới: cài VaxDesk rồi chạy `vaxdesk restore TỆP --to THƯ-MỤC` (nhân viên IT; "
            "xem docs/operations.md). Bản sao lưu không chứa khoá của USB ký số, mã PIN hay mật khẩu.",
            "Restoring on a new PC: install VaxDesk, then run `vaxdesk restore FILE --to FOLDER` (IT staff; see "
            "docs/operations.md). A backup holds no token key, PIN or password.")))
        layout.addStretch(1)
        self.load()
        ctx.user_changed.connect(self._apply_role)
        self._apply_role()

    @staticmethod
    def _hint(text) -> QLabel:
        label = QLabel(str(text))
        label.setProperty("role", "hint")
        label.setWordWrap(True)
        return label

    # --- values --------------------------------------------------------------------------------
    def load(self) -> None:
        settings = self.ctx.workspace.settings
        self.folder.setText(settings.get("backup_folder") or "")
        self.keep.setValue(settings.get("backup_keep"))
        self.retention.setValue(settings.get("retention_days"))
        self.passphrase_state.setText(str(tr("đã đặt", "set") if settings.get("backup_passphrase")
                                          else tr("chưa đặt", "not set")))
        workspace = self.ctx.workspace
        (DbOp(self, lambda _p: backup.last_backup(workspace))
         .success(self._show_last)
         .run_in_background())

    def _show_last(self, last: backup.LastBackup | None) -> None:
        if not last:
            self.last.setText(str(tr("chưa có", "none yet")))
            return
        day, _, time = last.at.partition("T")
        self.last.setText(f"{format_date(day)} {time[:5]} UTC — {last.file}")

    def changes(self) -> dict[str, Any]:
        settings = self.ctx.workspace.settings
        values = {"backup_folder": self.folder.text().strip(), "backup_keep": self.keep.value(),
                  "retention_days": self.retention.value()}
        return {k: v for k, v in values.items() if v != settings.get(k)}

    def _say(self, ok: bool, text: str) -> None:
        self.message.setProperty("role", "ok" if ok else "error")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            self._say(False, str(error.message))
        else:
            from desktop.views.errors import present_error

            present_error(self, error)

    def _apply(self, changes: dict[str, Any], done_text) -> None:
        workspace, actor = self.ctx.workspace, self.ctx.actor

        def saved(_values) -> None:
            self.load()
            self._say(True, str(done_text))

        (DbOp(self, lambda _p: apply_settings(workspace, changes, actor))
         .success(saved)
         .failure(self._failed)
         .run_in_background())

    # --- actions -------------------------------------------------------------------------------
    def choose_folder(self) -> None:
        chosen = ask_folder(self, str(tr("Chọn thư mục sao lưu", "Choose the backup folder")), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self._say(True, str(tr("Không có thay đổi nào.", "Nothing has changed.")))
            return
        self._apply(changes, tr("Đã lưu {n} cài đặt sao lưu.", "Saved {n} backup settings.", n=len(changes)))

    def set_passphrase(self) -> None:
        title = str(tr("Mật khẩu sao lưu", "Backup passphrase"))
        first = dialogs.ask_secret(self, title, str(tr("Mật khẩu mới (ít nhất 10 ký tự):",
                                                       "New passphrase (10 characters or more):")))
        if not first:
            return
        again = dialogs.ask_secret(self, title, str(tr("Nhập lại mật khẩu:", "Repeat the passphrase:")))
        if again is None:
            return
        if first != again:
            self._say(False, str(tr("Hai mật khẩu không giống nhau.", "The two passphrases differ.")))
            return
        try:
            backup.passphrase_for(self.ctx.workspace, first)
        except UserError as exc:
            self._say(False, str(exc.message))
            return
        self._apply({"backup_passphrase": first}, tr(
            "Đã đặt mật khẩu sao lưu. Hãy ghi lại và cất ở nơi an toàn: không có nó, không khôi phục được.",
            "The backup passphrase is set. Write it down and keep it safe: without it no backup can be restored."))

    def back_up_now(self) -> None:
        if self.changes():
            self._say(False, str(tr("Hãy lưu các thay đổi trước khi sao lưu.", "Save the changes before backing up.")))
            return
        workspace, actor = self.ctx.workspace, self.ctx.actor
        keep = workspace.settings.get("backup_keep")

        def done(result: backup.BackupResult) -> None:
            self.load()
            self._say(True, str(tr("Đã sao lưu {n} bản ghi, {c} chứng nhận vào {file}.",
                                   "Backed up {n} records and {c} certificates to {file}.",
                                   n=result.counts["records"], c=result.counts["certificates"], file=result.file)))

        (DbOp(self, lambda _p: backup.create_backup(workspace, folder=None, keep=keep, actor=actor))
         .success(done)
         .failure(self._failed)
         .with_progress(str(tr("Đang sao lưu…", "Backing up…")))
         .run_in_background())

    def verify(self) -> None:
        path = dialogs.ask_open_file(self, str(tr("Chọn bản sao lưu", "Choose a backup")),
                                     str(tr("Bản sao lưu VaxDesk (*.vxbak)", "VaxDesk backups (*.vxbak)")))
        if not path:
            return
        workspace = self.ctx.workspace

        def check(_p, _db):
            return backup.verify_backup(Path(path), backup.passphrase_for(workspace, None))

        def done(report: backup.BackupCheck) -> None:
            self._say(True, str(tr("Bản sao lưu đọc được: {n} bản ghi, {c} chứng nhận; nhật ký kiểm tra nguyên vẹn "
                                   "({e} sự kiện).", "The backup reads back: {n} records, {c} certificates; the "
                                   "audit log is intact ({e} events).", n=report.counts["records"],
                                   c=report.counts["certificates"], e=report.audit_chain.get("events", 0))))

        (NetOp(self, check)
         .success(done)
         .failure(self._failed)
         .with_progress(str(tr("Đang kiểm tra bản sao lưu…", "Checking the backup…")))
         .run_in_background())

    def _apply_role(self) -> None:
        admin = accounts.can(self.ctx.role, "settings")
        for widget in (self.folder, self.choose_button, self.keep, self.retention, self.passphrase_button,
                       self.save_button, self.backup_button, self.verify_button):
            widget.setEnabled(admin)
