"""The main window: one page per stage of the clerk's day, a status bar, shortcuts."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop import __version__
from desktop.i18n import tr
from desktop.views import theme
from desktop.views.context import AppContext

log = logging.getLogger(__name__)

# key, module under desktop.views.pages, title, shortcut
PAGES = (
    ("overview", "overview", tr("Tổng quan", "Overview"), "Ctrl+1"),
    ("import", "import_page", tr("Nhập danh sách", "Import"), "Ctrl+2"),
    ("review", "review", tr("Đối chiếu", "Review"), "Ctrl+3"),
    ("sign", "sign", tr("Ký số", "Sign"), "Ctrl+4"),
    ("sync", "sync", tr("Đồng bộ", "Sync"), "Ctrl+5"),
    ("certificates", "certificates", tr("Chứng nhận", "Certificates"), "Ctrl+6"),
    ("verify", "verify", tr("Kiểm tra mã QR", "Verify"), "Ctrl+7"),
    ("settings", "settings", tr("Cài đặt", "Settings"), "Ctrl+8"),
    ("audit", "audit", tr("Nhật ký kiểm tra", "Audit log"), "Ctrl+9"),
)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        ctx.main_window = self
        self.setWindowTitle(f"VaxDesk {__version__} — {ctx.workspace.settings.get('facility_name') or ctx.workspace.path.name}")
        self.nav = QListWidget()
        self.nav.setAccessibleName(str(tr("Các bước trong ngày", "Stages of the day")))
        self.nav.setFixedWidth(200)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        ctx.status_bar = self.statusBar()
        self.user_label = QLabel(ctx.actor)
        ctx.add_status_widget(self.user_label)
        for key, module, title, shortcut in PAGES:
            page = self._load_page(module)
            if page is None:
                continue
            self.pages[key] = page
            item = QListWidgetItem(f"{title}    {shortcut.replace('Ctrl', 'Ctrl')}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{title} ({shortcut})")
            icon = theme.icon(key)
            if not icon.isNull():
                item.setIcon(icon)
            self.nav.addItem(item)
            self.stack.addWidget(page)
            QShortcut(QKeySequence(shortcut), self, activated=lambda k=key: self.show_page(k))
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        ctx.navigate.connect(self.open_page)
        ctx.user_changed.connect(lambda: self.user_label.setText(ctx.actor))
        if self.nav.count():
            self.nav.setCurrentRow(0)
        self._restore_layout()

    def _load_page(self, module_name: str) -> QWidget | None:
        try:
            module = importlib.import_module(f"desktop.views.pages.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"desktop.views.pages.{module_name}":
                return None
            raise
        return module.create_page(self.ctx)

    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return

    def open_page(self, key: str, filters: dict | None = None) -> None:
        """Show page ``key`` and let it show "those records" (``{"state", "list_id"?, "vaccination_date"?}``)."""
        self.show_page(key)
        page = self.pages.get(key)
        apply_filter = getattr(page, "apply_filter", None)
        if callable(apply_filter):
            apply_filter(dict(filters or {}))

    def current_page_key(self) -> str | None:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _restore_layout(self) -> None:
        settings = QSettings("VaxDesk", "VaxDesk")
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        QSettings("VaxDesk", "VaxDesk").setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
