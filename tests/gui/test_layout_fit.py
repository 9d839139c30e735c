"""Every page at 1366×768, in Vietnamese and in English, shows its words whole.

The window is opened on a workspace with two lists (records in every state, mismatches, batches) and
certificates; each page is reached with its keyboard shortcut, each of its tabs with Ctrl+Tab, and no
label, button, table header section, tab, group-box title or sidebar entry may be narrower than its
text. Grid cells are elided on purpose (the full value is on hover) and are not checked.

With ``VAXDESK_SCREENSHOTS=<folder>`` set, a picture of every page is saved there as
``<page>-<lang>.png`` (the user guide shows them).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)

from tests.unit.certificates.factory import add_people, make_issuer
from tests.unit.overview.seed_records import seed

pytestmark = pytest.mark.gui

SIZE = (1366, 768)
SHORTCUTS = {"overview": "1", "import": "2", "review": "3", "sign": "4", "sync": "5", "certificates": "6",
             "verify": "7", "settings": "8", "audit": "9"}


@pytest.fixture
def styled():
    """The application styled as at sign-in; its font, palette and style sheet are put back afterwards."""
    from desktop.views import theme

    app = QApplication.instance()
    font, palette, style = app.font(), app.palette(), app.style().name()
    theme.apply(app, "vi")
    yield app
    from desktop.views import crash, idle_lock

    crash.uninstall()
    idle_lock.uninstall()
    app.setStyleSheet("")
    app.setFont(font)
    app.setPalette(palette)
    app.setStyle(style)
    theme.install_translations(app, "en")


@pytest.fixture
def busy_workspace(workspace):
    """Two lists with records in every state, and five issued certificates."""
    seed(workspace, "ds-tiem-24-11.xlsx", "2026-11-24",
         {"needs_review": 6, "deferred": 2, "ready_to_sign": 3, "loaded": 2, "rejected_central": 2,
          "rejected_by_clerk": 1, "signed": 1})
    seed(workspace, "ds-tiem-25-11.xlsx", "2026-11-25",
         {"needs_review": 5, "ready_to_sign": 6, "loaded": 3, "rejected_central": 1, "accepted": 2, "sent": 2})
    add_people(workspace, make_issuer())
    _realistic(workspace)
    return workspace


NAMES = ("Huỳnh Thị Ngọc Trâm", "Nguyễn Văn Thành", "Trần Thị Thu Hương", "Lê Hoàng Phúc", "Phạm Minh Quân",
         "Võ Thị Kim Ngân", "Đặng Quốc Bảo", "Bùi Thị Mỹ Duyên", "Đỗ Văn Khánh", "Hồ Thị Thanh Tâm")
# (field, kind, what the list says, what the registry says) for the mismatches, in turn
DIFFERENCES = (
    ("name", "accents", "Huynh Thi Ngoc Tram", "Huỳnh Thị Ngọc Trâm"),
    ("dob", "swapped", "1990-05-03", "1990-03-05"),
    ("name", "middle_name", "Trần Thu Hương", "Trần Thị Thu Hương"),
    ("dob", "placeholder", "1990-01-01", "1990-07-21"),
    ("name", "typo", "Lê Hoàg Phúc", "Lê Hoàng Phúc"),
)


def _realistic(workspace) -> None:
    """Vietnamese names and 12-digit IDs on the seeded records; each mismatch with its registry values."""
    from sqlalchemy import select

    from desktop.audit import AuditChain
    from desktop.models import VaccinationRecord

    with workspace.db.session() as s:
        records = list(s.execute(select(VaccinationRecord).order_by(VaccinationRecord.id)).scalars())
        mismatches = 0
        for i, record in enumerate(records):
            record.full_name = NAMES[i % len(NAMES)]
            record.id_number = f"0791900{i:05d}"
            record.vaccine_name = "Comirnaty (Pfizer-BioNTech)"
            if record.check_status != "mismatch":
                continue
            field, kind, listed, registered = DIFFERENCES[mismatches % len(DIFFERENCES)]
            mismatches += 1
            registry = {"full_name": record.full_name, "date_of_birth": record.date_of_birth, "sex": record.sex,
                        "id_number": record.id_number}
            if field == "name":
                record.full_name, registry["full_name"] = listed, registered
            else:
                record.date_of_birth, registry["date_of_birth"] = listed, registered
            record.registry_values = registry
            record.differences = [{"field": field, "kind": kind, "list": listed, "registry": registered}]
        chain = AuditChain(s)
        chain.append("lan", "import", "daily_list", [(1, None, {"file": "ds-tiem-24-11.xlsx", "rows": 17})])
        chain.append("lan", "registry.check", "daily_list", [(1, None, {"checked": 17})])
        for record in records[:3]:
            chain.append("lan", "decision.accept_registry", "vaccination_record",
                         [(record.id, {"full_name": record.full_name}, {"full_name": NAMES[0]})],
                         reason="Người được tiêm xác nhận thông tin")
        s.commit()


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _text_width(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _where(widget: QWidget) -> str:
    names = []
    while widget is not None and len(names) < 4:
        names.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return "/".join(reversed(names))


def _label_cut(label: QLabel) -> str | None:
    text = label.text()
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    rect = label.contentsRect()
    margin = label.margin() * 2 + (max(label.indent(), 0) if label.indent() > 0 else 0)
    width = rect.width() - margin
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            return f"wraps to {needed}px in {label.height()}px"
        words = text if not rich else _rich_plain(label, text)
        longest = max((label.fontMetrics().horizontalAdvance(w) for w in re.split(r"\s+", words) if w), default=0)
        if longest > width + 1:
            return f"word of {longest}px in {width}px"
        return None
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        needed = int(doc.idealWidth())
    else:
        needed = _text_width(label.fontMetrics(), _plain(text) if label.buddy() is not None else text)
    return f"{needed}px in {width}px" if needed > width + 1 else None


def _rich_plain(label: QLabel, text: str) -> str:
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _button_cut(button: QAbstractButton) -> str | None:
    text = _plain(button.text())
    if not text:
        return None
    metrics = button.fontMetrics()
    needed = _text_width(metrics, text)
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    if isinstance(button, QToolButton):
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly and not button.icon().isNull():
            return None
        width = button.width() - 6
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon:
            icon = 0
    elif isinstance(button, (QCheckBox, QRadioButton)):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        element = (QStyle.SubElement.SE_CheckBoxContents if isinstance(button, QCheckBox)
                   else QStyle.SubElement.SE_RadioButtonContents)
        width = button.style().subElementRect(element, option, button).width()
    else:
        option = QStyleOptionButton()
        button.initStyleOption(option)
        width = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button).width()
        if isinstance(button, QPushButton) and button.menu() is not None:
            icon += button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
    needed += icon
    return f"{needed}px in {width}px" if needed > width + 1 else None


def _header_cuts(header: QHeaderView) -> list[tuple[str, str]]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal or not header.isVisible():
        return []
    style, metrics = header.style(), header.fontMetrics()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    cuts = []
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        text = model.headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        needed = _text_width(metrics, str(text)) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == logical:
            needed += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + margin
        size = header.sectionSize(logical)
        if needed > size + 1:
            cuts.append((f"header {text!r}", f"{needed}px in {size}px"))
    return cuts


def _tab_cuts(bar: QTabBar) -> list[tuple[str, str]]:
    hspace = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    cuts = []
    for index in range(bar.count()):
        text = _plain(bar.tabText(index))
        needed = _text_width(bar.fontMetrics(), text) + hspace
        if not bar.tabIcon(index).isNull():
            needed += bar.iconSize().width() + 4
        rect = bar.tabRect(index)
        visible = rect.intersected(bar.rect())
        if needed > rect.width() + 1 or visible.width() < rect.width():
            cuts.append((f"tab {text!r}", f"{needed}px in {visible.width()}px"))
    return cuts


def _group_cut(box: QGroupBox) -> str | None:
    title = _plain(box.title())
    if not title:
        return None
    font = box.font()
    font.setBold(True)
    needed = QFontMetrics(font).horizontalAdvance(title) + 8 + 8  # the title's left offset and padding
    if box.isCheckable():
        needed += box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box) + 6
    return f"{needed}px in {box.width()}px" if needed > box.width() else None


def _list_cuts(view: QListWidget) -> list[tuple[str, str]]:
    cuts = []
    for row in range(view.count()):
        item = view.item(row)
        rect = view.visualItemRect(item)
        icon = view.iconSize().width() + 6 if not item.icon().isNull() else 0
        needed = view.fontMetrics().horizontalAdvance(item.text()) + icon + 12  # the item's padding
        available = min(rect.width(), view.viewport().width())
        if needed > available + 1:
            cuts.append((f"entry {item.text()!r}", f"{needed}px in {available}px"))
    return cuts


def cuts_in(root: QWidget) -> list[str]:
    """Every visible piece of text under ``root`` that is narrower than its text."""
    found: list[tuple[QWidget, str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            cut = _label_cut(widget)
            if cut:
                found.append((widget, f"label {widget.text()[:60]!r}", cut))
        elif isinstance(widget, QAbstractButton):
            cut = _button_cut(widget)
            if cut:
                found.append((widget, f"button {widget.text()!r}", cut))
        elif isinstance(widget, QHeaderView):
            found += [(widget, what, cut) for what, cut in _header_cuts(widget)]
        elif isinstance(widget, QTabBar):
            found += [(widget, what, cut) for what, cut in _tab_cuts(widget)]
        elif isinstance(widget, QGroupBox):
            cut = _group_cut(widget)
            if cut:
                found.append((widget, f"group {widget.title()!r}", cut))
        elif isinstance(widget, QListWidget):
            found += [(widget, what, cut) for what, cut in _list_cuts(widget)]
    return [f"{_where(w)}: {what} ({cut})" for w, what, cut in found]


def _settle(qtbot) -> None:
    from desktop.views.operations import wait_idle

    for _ in range(3):
        wait_idle()
        qtbot.wait(30)


def _tab_widgets(page: QWidget) -> list[QTabWidget]:
    return [t for t in page.findChildren(QTabWidget) if t.isVisible()]


def visit_every_page(qtbot, window, language: str, shots: Path | None) -> dict[str, list[str]]:
    """Each page by its shortcut (and each tab of it by Ctrl+Tab): the cuts found, per page."""
    found: dict[str, list[str]] = {}
    for key in window.page_keys:
        qtbot.keyClick(window, Qt.Key(ord(SHORTCUTS[key])), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page_key() == key
        page = window.pages[key]
        _settle(qtbot)
        cuts = cuts_in(window)
        if shots is not None:
            window.grab().save(str(shots / f"{key}-{language}.png"))
        for tabs in _tab_widgets(page):
            for index in range(1, tabs.count()):
                tabs.setFocus()
                qtbot.keyClick(tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
                if tabs.currentIndex() != index:  # a page that keeps Ctrl+Tab for itself
                    tabs.setCurrentIndex(index)
                _settle(qtbot)
                cuts += cuts_in(tabs)
            tabs.setCurrentIndex(0)
        found[key] = sorted(set(cuts))
    return found


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_page_shows_its_words_whole(qtbot, busy_workspace, styled, language):
    from desktop.views.app import build_main_window
    from desktop.views.sign_in import apply_language

    apply_language(language)
    window = build_main_window(busy_workspace, actor="lan", role="administrator", language=language)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    assert (window.width(), window.height()) == SIZE
    folder = os.environ.get("VAXDESK_SCREENSHOTS")
    shots = Path(folder) if folder else None
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    found = visit_every_page(qtbot, window, language, shots)
    assert set(found) == set(window.page_keys)
    failing = {key: cuts for key, cuts in found.items() if cuts}
    assert not failing, "\n".join(f"{key}:\n  " + "\n  ".join(cuts) for key, cuts in failing.items())
    _settle(qtbot)


def test_the_check_sees_a_cut_label(qtbot, styled):
    """The check itself: a label squeezed below its text is reported, one with room is not."""
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel("Nguyễn Thị Phương Thảo — 079190001234", holder)
    label.adjustSize()
    holder.resize(600, 100)
    holder.show()
    assert cuts_in(holder) == []
    label.resize(label.width() // 2, label.height())
    assert any("Nguyễn Thị" in cut for cut in cuts_in(holder))
    button = QPushButton("Ký tất cả bản ghi sẵn sàng", holder)
    button.setFixedWidth(60)
    button.show()
    assert any("Ký tất cả" in cut for cut in cuts_in(holder))


def test_the_grid_and_the_card_name_a_record_alike(qtbot, busy_workspace, styled):
    """A mismatch is called the same on the queue grid's chip, on the card and in the kind filter."""
    from desktop.views.context import AppContext
    from desktop.views.operations import wait_idle
    from desktop.views.pages.review import page as review_page
    from desktop.views.records_table import STATUS_NAMES

    page = review_page.create_page(AppContext(busy_workspace, actor="lan", role="administrator"))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitUntil(lambda: page.current is not None and page.model.rowCount() > 0, timeout=10000)
    wait_idle()
    assert page.current["status"] == "mismatch"
    column = next(i for i, c in enumerate(page.model.columns) if c.key == "check_status")
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, column), Qt.ItemDataRole.DisplayRole) is not None)
    chip = page.model.data(page.model.index(0, column), Qt.ItemDataRole.DisplayRole)
    mismatch = str(STATUS_NAMES["mismatch"])
    assert chip == mismatch == "Sai lệch"
    assert f"<b>{mismatch}</b>" in page.view.text()
    kinds = [page.filter_box.itemText(i) for i in range(page.filter_box.count())]
    assert any(k.startswith(mismatch + " (") for k in kinds), kinds
    wait_idle()


def test_review_and_certificates_share_one_scope_bar(qtbot, busy_workspace, styled):
    from desktop.views.context import AppContext
    from desktop.views.operations import wait_idle
    from desktop.views.pages import certificates
    from desktop.views.pages.review import page as review_page
    from desktop.views.pages.scope_bar import ScopeBar

    ctx = AppContext(busy_workspace, actor="lan", role="administrator")
    pages = [review_page.create_page(ctx), certificates.create_page(ctx)]
    for page in pages:
        qtbot.addWidget(page)
        page.show()
        assert isinstance(page.scope_bar, ScopeBar) and not page.scope_bar.isVisible()
        page.apply_filter({"state": "needs_review", "list_id": 1})
        wait_idle()
        qtbot.waitUntil(lambda p=page: p.scope_bar.isVisible() and "danh sách số 1" in p.scope_bar.label.text(),
                        timeout=10000)
        assert str(STATE_NEEDS_REVIEW()) in page.scope_bar.label.text()
        qtbot.mouseClick(page.scope_bar.clear_button, Qt.MouseButton.LeftButton)
        assert not page.scope_bar.isVisible() and page.scope is None
        wait_idle()


def STATE_NEEDS_REVIEW():  # noqa: N802 - reads as the constant it stands for
    from desktop.overview import state_label

    return state_label("needs_review")
