"""The main window: one page per stage of the clerk's day, a status bar, shortcuts.

Pages are built on their first visit, so the window is usable at once after sign-in; the Overview,
shown first, reads its figures off the GUI thread. ``set_language`` rebuilds the pages in another
language, keeping the workspace and the signed-in person.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Iterator, Mapping

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop import __version__
from desktop.i18n import current_language, tr
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


def _page_available(module_name: str) -> bool:
    try:
        return importlib.util.find_spec(f"desktop.views.pages.{module_name}") is not None
    except ModuleNotFoundError:
        return False


class _Pages(Mapping):
    """The window's pages by key; a page is built the first time it is asked for."""

    def __init__(self, window: MainWindow):
        self._window = window

    def __getitem__(self, key: str) -> QWidget:
        return self._window.page(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._window.page_keys)

    def __len__(self) -> int:
        return len(self._window.page_keys)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        ctx.main_window = self
        self.setWindowTitle(f"VaxDesk {__version__} — {ctx.workspace.settings.get('facility_name') or ctx.workspace.path.name}")
        self.nav = QListWidget()
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.page_keys = [key for key, module, _title, _shortcut in PAGES if _page_available(module)]
        self._modules = {key: module for key, module, _title, _shortcut in PAGES}
        self._built: dict[str, QWidget] = {}
        self._slots: dict[str, QWidget] = {}
        self.pages = _Pages(self)
        self.language = current_language()  # the language the pages are built in
        self._retired = QWidget(self)  # pages of a former language, hidden until their work is done
        self._retired.hide()
        self._retire_timer = QTimer(self, interval=300, timeout=self._delete_retired)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        ctx.status_bar = self.statusBar()
        self.language_box = QComboBox()
        self.language_box.addItem("Tiếng Việt", "vi")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(self.language_box.findData(current_language()))
        self.language_box.currentIndexChanged.connect(
            lambda _i: self.set_language(self.language_box.currentData(), remember=True))
        self.user_label = QLabel(ctx.actor)
        ctx.add_status_widget(self.language_box)
        ctx.add_status_widget(self.user_label)
        for key, _module, _title, shortcut in PAGES:
            if key in self.page_keys:
                QShortcut(QKeySequence(shortcut), self, activated=lambda k=key: self.show_page(k))
        self._fill_nav()
        self.nav.currentRowChanged.connect(self._row_changed)
        ctx.navigate.connect(self.open_page)
        ctx.user_changed.connect(self._user_changed)
        if self.nav.count():
            self.nav.setCurrentRow(0)
        self._restore_layout()
        self._start_sync_indicator()  # its figures are read off the GUI thread
        ctx.watch_changes()  # other workstations' changes refresh the pages

    # --- pages ----------------------------------------------------------------------------------
    def _fill_nav(self) -> None:
        """One entry per page, in the current language; the list is as wide as its longest entry."""
        self.nav.setAccessibleName(str(tr("Các bước trong ngày", "Stages of the day")))
        self.nav.clear()
        for key, _module, title, shortcut in PAGES:
            if key not in self.page_keys:
                continue
            item = QListWidgetItem(f"{title}    {shortcut}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{title} ({shortcut})")
            icon = theme.on_selection(theme.icon(key), self.nav.iconSize())
            if not icon.isNull():
                item.setIcon(icon)
            self.nav.addItem(item)
            if key not in self._slots:
                slot = QWidget()  # stands in until the page is first visited
                self._slots[key] = slot
                self.stack.addWidget(slot)
        self.nav.setFixedWidth(self._nav_width())

    def _nav_width(self) -> int:
        metrics = self.nav.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.nav.item(r).text()) for r in range(self.nav.count())),
                     default=120)
        icon = self.nav.iconSize().width() if self.nav.iconSize().isValid() else 16
        # text + icon + the item's padding (style sheet) + the frame, with room to spare
        return max(200, widest + icon + 56)

    def page(self, key: str) -> QWidget:
        """The page ``key``, built now if this is its first use."""
        if key not in self.page_keys:
            raise KeyError(key)
        page = self._built.get(key)
        if page is None:
            page = self._load_page(self._modules[key])
            if page is None:
                raise KeyError(key)
            self._built[key] = page
            slot = self._slots[key]
            index = self.stack.indexOf(slot)
            current = self.stack.currentIndex() == index
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(slot)
            self._slots[key] = page
            if current:
                self.stack.setCurrentIndex(index)
        return page

    def built_pages(self) -> list[str]:
        return list(self._built)

    def _load_page(self, module_name: str) -> QWidget | None:
        try:
            module = importlib.import_module(f"desktop.views.pages.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"desktop.views.pages.{module_name}":
                return None
            raise
        return module.create_page(self.ctx)

    def _row_changed(self, row: int) -> None:
        item = self.nav.item(row)
        if item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        self.page(key)
        self.stack.setCurrentWidget(self._slots[key])

    def _start_sync_indicator(self) -> None:
        """The status bar's sync indicator and background timer, once the window is up."""
        if "sync" not in self.page_keys:
            return
        try:
            from desktop.views import sync_status
        except ModuleNotFoundError:
            return
        sync_status.install(self.ctx)

    def show_page(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.setCurrentRow(row)
                return

    def open_page(self, key: str, filters: dict | None = None) -> None:
        """Show page ``key`` and let it show "those records" (``{"state", "list_id"?, "vaccination_date"?}``)."""
        self.show_page(key)
        page = self._built.get(key)
        apply_filter = getattr(page, "apply_filter", None)
        if callable(apply_filter):
            apply_filter(dict(filters or {}))

    def current_page_key(self) -> str | None:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    # --- language -------------------------------------------------------------------------------
    def _user_changed(self) -> None:
        """Someone else signed in at the lock screen: the window speaks their language."""
        self.user_label.setText(self.ctx.actor)
        from desktop import accounts
        from desktop.views.operations import DbOp

        workspace, actor = self.ctx.workspace, self.ctx.actor

        def language(_progress):
            try:
                return accounts.language_for(workspace, accounts.get_user(workspace, actor))
            except Exception:  # no such account (the OS user without the accounts capability)
                return None

        def apply(value) -> None:
            if value and value != self.language:
                self.set_language(value)

        DbOp(self, language).success(apply).failure(lambda _e: None).run_in_background()

    def set_language(self, language: str, remember: bool = False) -> None:
        """Speak ``language`` at once: the pages are built again, the workspace and person stay.

        ``remember``: keep it as the signed-in person's language (their account), not the workspace's.
        """
        from desktop.views.sign_in import apply_language

        current = self.current_page_key()
        apply_language(language)
        self.language = language
        if remember:
            self._remember_language(language)
        self.language_box.blockSignals(True)
        self.language_box.setCurrentIndex(self.language_box.findData(language))
        self.language_box.blockSignals(False)
        self.nav.blockSignals(True)
        for key, page in list(self._built.items()):
            slot = QWidget()
            index = self.stack.indexOf(page)
            self.stack.insertWidget(index, slot)
            self.stack.removeWidget(page)
            page.hide()
            page.setParent(self._retired)
            self._slots[key] = slot
        self._built.clear()
        self._retire_timer.start()
        self._fill_nav()
        self.nav.blockSignals(False)
        self.show_page(current or "overview")
        self._row_changed(self.nav.currentRow())

    def _delete_retired(self) -> None:
        """Pages of the former language go once no work started from them can still report back."""
        from desktop.views import operations

        if operations._running:
            return
        self._retire_timer.stop()
        for page in self._retired.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            page.deleteLater()

    def _remember_language(self, language: str) -> None:
        from desktop import accounts
        from desktop.views.operations import DbOp

        workspace, actor = self.ctx.workspace, self.ctx.actor

        def store(_progress):
            try:
                return accounts.set_language(workspace, actor, language, actor=actor)
            except Exception:  # an OS user without an account (no accounts capability) has nothing to store
                log.info("language not stored for the signed-in person")
                return None

        DbOp(self, store).success(lambda _a: None).failure(lambda _e: None).run_in_background()

    # --- layout ---------------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = QSettings("VaxDesk", "VaxDesk")
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Shown again after the lock screen, where a language may have been chosen: speak it."""
        super().showEvent(event)
        if self.language != current_language():
            self.set_language(current_language())

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        QSettings("VaxDesk", "VaxDesk").setValue("main_window/geometry", self.saveGeometry())
        self.ctx.stop_watching()
        super().closeEvent(event)
