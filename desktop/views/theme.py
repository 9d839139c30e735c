"""The look of VaxDesk: one calm palette, generous spacing, sharp SVG icons, Qt's own texts translated.

``apply(app, language)`` is called once at start-up (before any window), so every dialog — including
the sign-in dialog — shares it.
"""

from __future__ import annotations

import logging
import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSize, Qt, QTranslator
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyleFactory

log = logging.getLogger(__name__)

PRIMARY = "#1f5f8b"
ACCENT = "#2e8b57"
WARNING = "#c26a00"
DANGER = "#b3261e"
SPACING = 8

# The colour of each record state in the overview chart (same order as desktop.overview.STATES).
STATE_COLOURS = {
    "loaded": "#8a9bb0",
    "needs_review": "#d9822b",
    "ready_to_sign": "#3c8dbc",
    "signed": "#5b6abf",
    "sent": "#7e57c2",
    "certified": "#2e8b57",
    "rejected": "#b3261e",
}

# Kept short: item views (100,000-row tables) are painted by the plain style, not by style sheets.
_STYLE = f"""
QPushButton {{ padding: 6px 14px; border-radius: 4px; border: 1px solid #b8c2cc; background: #eef2f6; }}
QPushButton:hover {{ background: #e1e8ef; }}
QPushButton:focus {{ border: 2px solid {PRIMARY}; padding: 5px 13px; }}
QPushButton:disabled {{ color: #8a96a3; background: #f1f3f5; border-color: #d5dbe1; }}
QPushButton[primary="true"] {{ background: {PRIMARY}; color: white; border: 1px solid {PRIMARY}; font-weight: 600; }}
QPushButton[primary="true"]:hover {{ background: #174a6d; }}
QPushButton[primary="true"]:disabled {{ background: #a9bccb; border-color: #a9bccb; color: #eef2f6; }}
QPushButton[primary="true"]:focus {{ border: 2px solid #0b2a40; padding: 5px 13px; }}
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox {{ padding: 4px 6px; min-height: 22px; }}
QLabel[role="title"] {{ font-size: 16pt; font-weight: 600; color: {PRIMARY}; }}
QLabel[role="hint"] {{ color: #555; }}
QLabel[role="error"] {{ color: {DANGER}; font-weight: 600; }}
QLabel[role="ok"] {{ color: {ACCENT}; font-weight: 600; }}
QListWidget::item {{ padding: 8px 6px; }}
QListWidget::item:selected {{ background: {PRIMARY}; color: white; }}
QGroupBox {{ font-weight: 600; margin-top: 14px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; }}
"""

_translators: list[QTranslator] = []
_system_locale: QLocale | None = None


def resources_dir() -> Path:
    """``resources/`` of the source tree or of a frozen build."""
    frozen = getattr(sys, "_MEIPASS", None)
    return (Path(frozen) if frozen else Path(__file__).resolve().parents[2]) / "resources"


@cache
def icon(name: str) -> QIcon:
    """An icon from ``resources/icons/<name>.svg`` (scales to any screen); empty when missing."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def palette() -> QPalette:
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#f5f7fa"))
    pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#eef2f6"))
    pal.setColor(QPalette.ColorRole.Text, QColor("#1c1c1c"))
    pal.setColor(QPalette.ColorRole.WindowText, QColor("#1c1c1c"))
    pal.setColor(QPalette.ColorRole.Button, QColor("#e8edf2"))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor("#1c1c1c"))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(PRIMARY))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.Link, QColor(PRIMARY))
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffe8"))
    pal.setColor(QPalette.ColorRole.ToolTipText, QColor("#1c1c1c"))
    return pal


def install_translations(app: QApplication, language: str) -> list[str]:
    """Load Qt's own translations for ``language`` so standard buttons and menus speak it.

    Qt's ``qtbase_vi.qm`` is used when the Qt build ships it; otherwise VaxDesk's own
    ``resources/i18n/qtbase_vi.qm`` (the standard buttons, text-field menus, file dialogs).
    Returns the files loaded.
    """
    global _system_locale
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if _system_locale is None:
        _system_locale = QLocale()
    if language == "en":
        QLocale.setDefault(_system_locale)
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    loaded = []
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for path in (qt_dir / f"qtbase_{language}.qm", resources_dir() / "i18n" / f"qtbase_{language}.qm"):
        translator = QTranslator(app)
        if path.is_file() and translator.load(str(path)):
            app.installTranslator(translator)
            _translators.append(translator)
            loaded.append(str(path))
            break
    if not loaded:
        log.info("no Qt translation for %s", language)
    return loaded


def apply(app: QApplication, language: str = "vi") -> None:
    """Style, palette, program icon and Qt translations for the whole application."""
    if "Fusion" in QStyleFactory.keys():
        app.setStyle("Fusion")
    app.setPalette(palette())
    font = app.font()
    if font.pointSizeF() < 10.5:
        font.setPointSizeF(10.5)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
    app.setStyleSheet(_STYLE)
    app.setWindowIcon(icon("vaxdesk"))
    install_translations(app, language)


def on_selection(icon: QIcon, size: QSize) -> QIcon:
    """``icon`` with a white form for a selected row (the dark form would vanish on the selection colour)."""
    if icon.isNull():
        return icon
    side = size if size.isValid() and not size.isEmpty() else QSize(16, 16)
    both = QIcon()
    for scale in (1, 2):
        normal = icon.pixmap(side * scale)
        white = QPixmap(normal.size())
        white.fill(Qt.GlobalColor.transparent)
        painter = QPainter(white)
        painter.drawPixmap(0, 0, normal)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(white.rect(), QColor("white"))
        painter.end()
        both.addPixmap(normal, QIcon.Mode.Normal)
        both.addPixmap(white, QIcon.Mode.Selected)
    return both


def mark_primary(button) -> None:
    """The one button to press next gets the strong colour."""
    button.setProperty("primary", True)
    button.style().unpolish(button)
    button.style().polish(button)
