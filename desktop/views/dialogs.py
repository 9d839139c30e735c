"""Small ``ask``/``show`` functions for every dialog, so tests can replace them (pytest-qt note_dialogs)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import tr


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return value if ok else None


def ask_item(parent: QWidget | None, title: str, label: str, items: list[str], editable: bool = True) -> str | None:
    value, ok = QInputDialog.getItem(parent, title, label, items, 0, editable)
    return value if ok else None


def ask_secret(parent: QWidget | None, title: str, label: str) -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return value if ok else None


def ask_open_file(parent: QWidget | None, title: str, filters: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return path or None


def ask_save_file(parent: QWidget | None, title: str, filters: str, suggested: str = "") -> str | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


class CrashDialog(QDialog):
    """Shows a bug report the user may copy; nothing is ever sent anywhere (patient data)."""

    def __init__(self, parent: QWidget | None, report: str):
        super().__init__(parent)
        self.setWindowTitle(str(tr("Đã xảy ra lỗi", "Something went wrong")))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(str(tr(
            "VaxDesk gặp lỗi không mong muốn. Dữ liệu đã được giữ nguyên. Bạn có thể sao chép báo cáo để gửi "
            "cho bộ phận CNTT; VaxDesk không tự gửi gì.",
            "VaxDesk hit an unexpected error. Your data is unchanged. You may copy the report for your IT "
            "staff; VaxDesk sends nothing by itself.",
        ))))
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(str(tr("Sao chép báo cáo", "Copy report")))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(700, 420)


def show_crash(parent: QWidget | None, report: str) -> None:
    CrashDialog(parent, report).exec()
