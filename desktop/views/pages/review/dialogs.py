"""The Edit form: corrected values for the compared fields, checked before the dialog closes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.errors import UserError
from desktop.i18n import format_date, tr
from desktop.review.decisions import validate_edit
from desktop.review.queue import FIELD_LABELS


class EditDialog(QDialog):
    """Corrected values for the four compared fields, checked before the dialog closes.

    Sex is chosen (Nam/Nữ), the date of birth is typed as dd/mm/yyyy (or a year alone), and a value
    the core refuses is shown under the fields with the dialog still open and every edit kept.
    """

    def __init__(self, parent: QWidget | None, item: dict[str, Any]):
        super().__init__(parent)
        self.setWindowTitle(str(tr("Sửa bản ghi", "Edit the record")))
        self.nationality = item.get("nationality") or "VN"
        form = QFormLayout(self)
        registry = item.get("registry") or {}
        sex = QComboBox()
        sex.addItem(str(tr("Nam", "Male")), "M")
        sex.addItem(str(tr("Nữ", "Female")), "F")
        sex.setCurrentIndex(max(sex.findData(item.get("sex")), 0))
        dob = QLineEdit(format_date(item["date_of_birth"]))
        dob.setPlaceholderText(str(tr("dd/mm/yyyy (hoặc chỉ năm sinh)", "dd/mm/yyyy (or the year alone)")))
        self.fields: dict[str, QLineEdit | QComboBox] = {
            "full_name": QLineEdit(item["full_name"]),
            "date_of_birth": dob,
            "sex": sex,
            "id_number": QLineEdit(item["id_number"]),
        }
        self.original = self._values()
        shown = {"full_name": "full_name", "date_of_birth": "date_of_birth", "sex": "sex", "id_number": "id_number"}
        for key, widget in self.fields.items():
            hint = registry.get(shown[key])
            if key == "sex" and hint:
                hint = str({"M": tr("Nam", "Male"), "F": tr("Nữ", "Female")}.get(hint, hint))
            elif key == "date_of_birth" and hint:
                hint = format_date(hint)
            label = str(FIELD_LABELS[{"full_name": "name", "date_of_birth": "dob", "sex": "sex", "id_number": "id"}[key]])
            form.addRow(label + (f" ({tr('CSDL', 'registry')}: {hint})" if hint else ""), widget)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b71c1c")
        self.error.setVisible(False)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _values(self) -> dict[str, str]:
        return {k: (w.currentData() if isinstance(w, QComboBox) else w.text()) for k, w in self.fields.items()}

    def values(self) -> dict[str, str]:
        return {k: v for k, v in self._values().items() if v != self.original[k]}

    def accept(self) -> None:
        """Close only with values the core accepts; otherwise say what is wrong and keep every edit."""
        changed = self.values()
        if not changed:
            self._show_error(str(tr("Chưa có giá trị nào được sửa.", "No value was changed.")))
            return
        try:
            validate_edit(changed, self.nationality)
        except UserError as error:
            self._show_error(str(error.message))
            return
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)


def ask_edit(parent: QWidget | None, item: dict[str, Any]) -> dict[str, str] | None:
    """The changed values, or None when cancelled (tests replace this)."""
    dialog = EditDialog(parent, item)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


