"""The bar above a page's records when it was opened on "those records" from the Overview.

It says what is shown (the records' state, of one list or day) and offers to show everything again.
The Review and Certificates pages share it, so both say it in the same words.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.i18n import format_date, tr
from desktop.overview import state_label


def describe(scope: dict[str, Any]) -> str:
    """"Cần đối chiếu — danh sách số 3, ngày tiêm 24/11/2026": the state, then the list and day if any."""
    where = []
    if scope.get("list_id") is not None:
        where.append(str(tr("danh sách số {id}", "list {id}", id=scope["list_id"])))
    if scope.get("vaccination_date"):
        where.append(str(tr("ngày tiêm {day}", "vaccinated {day}", day=format_date(scope["vaccination_date"]))))
    label = str(state_label(scope.get("state") or "needs_review"))
    return label + (" — " + ", ".join(where) if where else "")


class ScopeBar(QWidget):
    """The scope's words and a button that clears it (``cleared``); hidden while there is no scope."""

    cleared = Signal()

    def __init__(self, clear_text: str, parent: QWidget | None = None, take_focus: bool = True):
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.clear_button = QPushButton(clear_text)
        if not take_focus:  # a page driven by single keys keeps the focus on its queue
            self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self.cleared)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.clear_button)
        self.setVisible(False)

    def show_scope(self, scope: dict[str, Any] | None, text: str | None = None) -> None:
        """Show ``text`` (default: "Chỉ hiện: <the scope>") or hide the bar when ``scope`` is None."""
        self.setVisible(scope is not None)
        if scope is not None:
            self.label.setText(text if text is not None else str(
                tr("Chỉ hiện: {what}", "Showing only: {what}", what=describe(scope))))
