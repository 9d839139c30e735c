"""Settings → Updates: which value sets, vaccine table and trust list are in use (read only).

Updates are applied by the IT staff with ``vaxdesk update fetch`` or ``vaxdesk update apply FILE``
(docs/operations.md); this panel shows the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.i18n import Message, current_language, tr
from desktop.views.operations import DbOp

if TYPE_CHECKING:
    from desktop.updates.store import UpdateStatus

SOURCES = {
    "bundled": tr("kèm bộ cài", "bundled with VaxDesk"),
    "update": tr("bản cập nhật đã ký", "signed update"),
    "sync": tr("nhận khi đồng bộ", "received by sync"),
    "none": tr("chưa có", "none yet"),
}


class UpdatesPanel(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([str(tr("Dữ liệu", "Data")), str(tr("Phiên bản", "Version")),
                                              str(tr("Nguồn", "Source")), str(tr("Áp dụng lúc", "Applied"))])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(str(tr("Phiên bản dữ liệu đang dùng", "Data versions in use")))
        layout.addWidget(self.table)
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        layout.addWidget(self.key_label)
        hint = QLabel(str(tr("Cập nhật bằng lệnh \"vaxdesk update fetch\" (từ máy chủ trung ương) hoặc "
                             "\"vaxdesk update apply TỆP\"; mỗi bản cập nhật được kiểm tra chữ ký trước khi dùng.",
                             "Update with \"vaxdesk update fetch\" (from the central service) or "
                             "\"vaxdesk update apply FILE\"; every update's signature is checked before use.")))
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        layout.addStretch(1)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        from desktop.updates import update_status

        workspace = self.ctx.workspace
        DbOp(self, lambda _p: update_status(workspace)).success(self.show_status).run_in_background()

    def show_status(self, status: UpdateStatus) -> None:
        kinds = status.kinds
        self.table.setRowCount(len(kinds))
        language = current_language()
        for row, entry in enumerate(kinds):
            label = entry.label.render(language)
            source: Message | None = SOURCES.get(entry.source)
            cells = (label, entry.version, str(source) if source else "", entry.applied_at)
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        key = status.trusted_key
        self.key_label.setText(str(
            tr("Khoá ký bản cập nhật được tin cậy: {key}", "Trusted update signing key: {key}", key=key) if key else
            tr("Chưa tin cậy khoá ký bản cập nhật nào (\"vaxdesk update trust TỆP_KHOÁ\").",
               "No update signing key is trusted yet (\"vaxdesk update trust KEY_FILE\").")))
