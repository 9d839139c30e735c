"""The home screen: today's picture at a glance and the one thing to do next.

Every number is a way in: clicking it (or pressing Enter on it) opens the page that works on those
records, with a filter ``{"state": ..., "list_id": ..., "vaccination_date": ...}`` sent through
``AppContext.navigate``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QRect, QRectF, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts import can, role_label
from desktop.i18n import format_date, format_number, tr
from desktop.overview import STATES, Picture, state_label, todays_picture
from desktop.overview.picture import NextAction
from desktop.views import theme
from desktop.views.context import AppContext
from desktop.views.operations import DbOp
from desktop.views.pages.report_export import export_chart, export_report

# the page that shows the records of each state ("loaded" ones are listed on the import page's records
# table; the next-action button still leads to Review, where they are checked)
STATE_PAGES = {
    "loaded": "import", "needs_review": "review", "ready_to_sign": "sign", "signed": "sync", "sent": "sync",
    "certified": "certificates", "rejected": "review",
}


@dataclass
class BarRow:
    label: str
    counts: dict[str, int]
    filters: dict[str, Any]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _fit_label(metrics, label: str, width: int) -> str:
    """``label`` within ``width``: a list's file name is shortened, its date " (dd/mm/yyyy)" stays whole."""
    if metrics.horizontalAdvance(label) <= width:
        return label
    name, sep, rest = label.rpartition(" (")
    if sep and name:
        tail = sep + rest
        room = width - metrics.horizontalAdvance(tail)
        if room > metrics.horizontalAdvance("…") * 4:
            return metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, room) + tail
    return metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, width)


class StateBars(QWidget):
    """Horizontal stacked bars, one row per list or day, one coloured segment per state.

    Keyboard: Up/Down choose the row, Left/Right the segment, Enter opens those records.
    """

    segment_activated = Signal(str, dict)  # state, filters

    ROW_HEIGHT = 34
    LABEL_WIDTH = 220
    TOTAL_WIDTH = 80

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[BarRow] = []
        self._segments: list[tuple[QRectF, int, str]] = []
        self.current: tuple[int, str] | None = None
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, rows: list[BarRow]) -> None:
        self.rows = rows
        self.current = None
        self._update_description()
        self.updateGeometry()
        self.update()

    def _update_description(self) -> None:
        parts = []
        for row in self.rows:
            counts = ", ".join(f"{state_label(s)} {format_number(n)}" for s, n in row.counts.items() if n)
            parts.append(f"{row.label}: {counts or '0'}")
        self.setAccessibleDescription("; ".join(parts))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(640, max(1, len(self.rows)) * self.ROW_HEIGHT + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(400, self.sizeHint().height())

    def _label_width(self) -> int:
        """Room for the longest label (a list's whole file name and date), at most a third of the chart."""
        widest = max((self.fontMetrics().horizontalAdvance(row.label) for row in self.rows), default=0) + 16
        return max(self.LABEL_WIDTH, min(widest, self.width() // 3))

    def _layout(self) -> None:
        self._segments = []
        label_width = self._label_width()
        width = self.width() - label_width - self.TOTAL_WIDTH - 12
        biggest = max((r.total for r in self.rows), default=0) or 1
        for index, row in enumerate(self.rows):
            x = float(label_width)
            y = 4 + index * self.ROW_HEIGHT + 5
            for state in STATES:
                n = row.counts.get(state, 0)
                if not n:
                    continue
                w = max(4.0, width * n / biggest)
                self._segments.append((QRectF(x, y, w, self.ROW_HEIGHT - 10), index, state))
                x += w

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        self._layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        if not self.rows:
            painter.setPen(QColor("#666"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             str(tr("Chưa có bản ghi nào", "No records yet")))
            return
        label_width = self._label_width()
        for index, row in enumerate(self.rows):
            top = 4 + index * self.ROW_HEIGHT
            label_rect = QRect(4, top, label_width - 12, self.ROW_HEIGHT)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             _fit_label(metrics, row.label, label_rect.width()))
            total_rect = QRect(self.width() - self.TOTAL_WIDTH - 4, top, self.TOTAL_WIDTH, self.ROW_HEIGHT)
            painter.drawText(total_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             format_number(row.total))
        for rect, index, state in self._segments:
            colour = QColor(theme.STATE_COLOURS[state])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect.adjusted(0.5, 0, -0.5, 0), 3, 3)
            text = format_number(self.rows[index].counts[state])
            if metrics.horizontalAdvance(text) + 8 < rect.width():
                painter.setPen(QColor("white"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            if self.current == (index, state):
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(QColor("#0b2a40"), 2 if self.hasFocus() else 1, Qt.PenStyle.DashLine))
                painter.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 3, 3)

    def segment_at(self, x: float, y: float) -> tuple[int, str] | None:
        self._layout()
        for rect, index, state in self._segments:
            if rect.contains(x, y):
                return index, state
        return None

    def segment_rect(self, index: int, state: str) -> QRectF | None:
        self._layout()
        for rect, i, s in self._segments:
            if (i, s) == (index, state):
                return rect
        return None

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        hit = self.segment_at(event.position().x(), event.position().y())
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
        if hit:
            index, state = hit
            self.setToolTip(f"{self.rows[index].label} — {state_label(state)}: "
                            f"{format_number(self.rows[index].counts[state])}")
        else:
            self.setToolTip("")

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        hit = self.segment_at(event.position().x(), event.position().y())
        if hit and event.button() == Qt.MouseButton.LeftButton:
            self.current = hit
            self.update()
            self._activate(*hit)

    def _activate(self, index: int, state: str) -> None:
        self.segment_activated.emit(state, {**self.rows[index].filters, "state": state})

    def _present(self, index: int) -> list[str]:
        return [s for s in STATES if self.rows[index].counts.get(s)]

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if not self.rows:
            return super().keyPressEvent(event)
        key = event.key()
        index, state = self.current or (0, (self._present(0) or [""])[0])
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.current and state:
            self._activate(index, state)
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            index = max(0, min(len(self.rows) - 1, index + (1 if key == Qt.Key.Key_Down else -1)))
            present = self._present(index)
            state = state if state in present else (present[0] if present else "")
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            present = self._present(index)
            if present:
                pos = present.index(state) if state in present else 0
                pos = max(0, min(len(present) - 1, pos + (1 if key == Qt.Key.Key_Right else -1)))
                state = present[pos]
        else:
            return super().keyPressEvent(event)
        self.current = (index, state) if state else None
        self.update()


class StateTile(QPushButton):
    """One state's total, the number large; a button so it can be clicked or reached with Tab."""

    def __init__(self, state: str):
        super().__init__()
        self.state = state
        colour = theme.STATE_COLOURS[state]
        self.setStyleSheet(
            f"QPushButton {{ border: 1px solid #d0d7de; border-left: 6px solid {colour}; background: white;"
            f" border-radius: 4px; }}"
            f"QPushButton:focus {{ border: 2px solid {colour}; border-left: 6px solid {colour}; }}"
            f"QPushButton:hover {{ background: #f0f4f8; }}")
        self.count_label = QLabel()
        self.count_label.setStyleSheet(f"font-size: 18pt; font-weight: 700; color: {colour};")
        self.state_label = QLabel(str(state_label(state)))
        inner = QVBoxLayout(self)
        inner.setContentsMargins(12, 6, 8, 6)
        inner.setSpacing(0)
        for label in (self.count_label, self.state_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            inner.addWidget(label)
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self.count = count
        label = str(state_label(self.state))
        self.count_label.setText(format_number(count))
        self.setAccessibleName(f"{label}: {format_number(count)}")
        self.setToolTip(str(tr("Mở {n} bản ghi “{state}”", "Open the {n} “{state}” records",
                               n=format_number(count), state=label)))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.layout().sizeHint().expandedTo(QSize(120, 64))


class OverviewPage(QWidget):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.picture: Picture | None = None
        self._loading = False
        self._stale = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)

        header = QHBoxLayout()
        self.title = QLabel(str(tr("Hôm nay, {day}", "Today, {day}", day=format_date(date.today().isoformat()))))
        self.title.setProperty("role", "title")
        header.addWidget(self.title)
        header.addStretch(1)
        self.user = QLabel()
        self.user.setProperty("role", "hint")
        header.addWidget(self.user)
        self.refresh_button = QPushButton(str(tr("Làm mới (F5)", "Refresh (F5)")))
        self.refresh_button.setAccessibleName(str(tr("Làm mới số liệu", "Refresh the figures")))
        self.refresh_button.clicked.connect(self.refresh)
        header.addWidget(self.refresh_button)
        self.report_button = QPushButton(str(tr("Xuất báo cáo…", "Export a report…")))
        self.report_button.clicked.connect(lambda: export_report(self, self.ctx))
        self.chart_button = QPushButton(str(tr("Lưu biểu đồ…", "Save the chart…")))
        self.chart_button.clicked.connect(
            lambda: export_chart(self, self.picture, ("lists", "days")[self.tabs.currentIndex()]))
        header.addWidget(self.report_button)
        header.addWidget(self.chart_button)
        self.lock_button = QPushButton(theme.icon("lock"), str(tr("Khoá màn hình (Ctrl+L)", "Lock (Ctrl+L)")))
        self.lock_button.setAccessibleName(str(tr("Khoá màn hình", "Lock the screen")))
        self.lock_button.clicked.connect(self.lock_screen)
        header.addWidget(self.lock_button)
        layout.addLayout(header)

        self.next_button = QPushButton()
        self.next_button.setMinimumHeight(52)
        self.next_button.setStyleSheet(self._next_style(True))
        self.next_button.clicked.connect(self.open_next_action)
        self.next_button.hide()
        self.all_done = QLabel(str(tr("Không còn việc nào đang chờ. ✔", "Nothing is waiting. ✔")))
        self.all_done.setProperty("role", "ok")
        self.all_done.hide()
        layout.addWidget(self.next_button)
        layout.addWidget(self.all_done)

        tiles = QGridLayout()
        tiles.setSpacing(8)
        self.tiles: dict[str, StateTile] = {}
        for column, state in enumerate(STATES):
            tile = StateTile(state)
            tile.clicked.connect(lambda _=False, s=state: self.open_records(s, {"state": s}))
            tiles.addWidget(tile, 0, column)
            self.tiles[state] = tile
        layout.addLayout(tiles)

        self.tabs = QTabWidget()
        self.by_list = StateBars(str(tr("Biểu đồ theo danh sách", "Chart by list")))
        self.by_day = StateBars(str(tr("Biểu đồ theo ngày tiêm", "Chart by vaccination day")))
        for chart, title in ((self.by_list, tr("Theo danh sách", "By list")),
                             (self.by_day, tr("Theo ngày tiêm", "By vaccination day"))):
            chart.segment_activated.connect(self.open_records)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(chart)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            self.tabs.addTab(scroll, str(title))
        layout.addWidget(self.tabs, 1)
        self.tabs.setCurrentIndex(int(QSettings("VaxDesk", "VaxDesk").value("overview/chart_tab", 0) or 0))
        self.tabs.currentChanged.connect(lambda i: QSettings("VaxDesk", "VaxDesk").setValue("overview/chart_tab", i))
        layout.addWidget(self._legend())
        hint = QLabel(str(tr("Bấm vào một con số để mở các bản ghi đó. Trên biểu đồ: mũi tên để chọn, Enter để mở.",
                             "Click a number to open those records. On the chart: arrows to choose, Enter to open.")))
        hint.setProperty("role", "hint")
        layout.addWidget(hint)

        QShortcut(QKeySequence("F5"), self, activated=self.refresh)
        ctx.records_changed.connect(self.refresh)
        ctx.user_changed.connect(self._user_changed)
        self._user_changed()

    @staticmethod
    def _next_style(yours: bool) -> str:
        """Strong when it is this person's to do; quieter when it waits for someone else."""
        background, hover, colour = (theme.PRIMARY, "#174a6d", "white") if yours else ("#e8edf2", "#dde4eb", "#1c1c1c")
        return (f"QPushButton {{ font-size: 14pt; font-weight: 600; background: {background}; color: {colour};"
                " border-radius: 6px; padding: 10px 18px; text-align: left; border: 1px solid #b8c2cc; }"
                f"QPushButton:focus {{ border: 3px solid #0b2a40; }} QPushButton:hover {{ background: {hover}; }}")

    def _legend(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        for state in STATES:
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background: {theme.STATE_COLOURS[state]}; border-radius: 2px;")
            row.addWidget(swatch)
            row.addWidget(QLabel(str(state_label(state))))
            row.addSpacing(10)
        row.addStretch(1)
        return box

    def _user_changed(self) -> None:
        self.user.setText(f"{self.ctx.actor} · {role_label(self.ctx.role)}")
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if self._loading:
            self._stale = True
            return
        self._loading = True
        workspace, role = self.ctx.workspace, self.ctx.role
        (DbOp(self, lambda _p: todays_picture(workspace, role=role))
         .success(self.show_picture)
         .failure(self._failed)
         .run_in_background())

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        from desktop.views.errors import present_error

        present_error(self, error)

    def show_picture(self, picture: Picture) -> None:
        self._loading = False
        picture = for_role(picture, self.ctx.role)
        self.picture = picture
        for state, tile in self.tiles.items():
            tile.set_count(picture.totals.get(state, 0))
        action = picture.next_action
        if action is not None:
            text = str(action.message)
            self.next_button.setText(f"{text}  →")
            self.next_button.setProperty("yours", action.yours)
            self.next_button.setStyleSheet(self._next_style(action.yours))
            self.next_button.setAccessibleName(text)
            self.next_button.show()
            self.all_done.hide()
        else:
            self.next_button.hide()
            self.all_done.setVisible(picture.total > 0)
        self.by_list.set_rows([
            BarRow(f"{r.file_name} ({format_date(r.imported_at[:10])})", r.counts, {"list_id": r.list_id})
            for r in picture.by_list])
        self.by_day.set_rows([BarRow(d.label, d.counts, {"vaccination_date": d.vaccination_date})
                              for d in picture.by_day])
        if self._stale:
            self._stale = False
            self.refresh()

    def open_next_action(self) -> None:
        action = self.picture.next_action if self.picture else None
        if action is not None:
            self.ctx.navigate.emit(action.page, dict(action.filters))

    def open_records(self, state: str, filters: dict) -> None:
        self.ctx.navigate.emit(STATE_PAGES[state], {k: v for k, v in filters.items() if v is not None})

    def lock_screen(self) -> None:
        from desktop.views import idle_lock

        lock = idle_lock.current()
        if lock is not None:
            lock.lock()


def for_role(picture: Picture, role: str) -> Picture:
    """A signer's next action is signing whenever records wait for a signature (not reviewing them)."""
    action = picture.next_action
    ready = picture.totals.get("ready_to_sign", 0)
    if role != "signer" or not ready or not can(role, "sign") or (action is not None and action.page == "sign"):
        return picture
    message = tr("{n} bản ghi chờ bạn ký số", "{n} records wait for your signature", n=format_number(ready))
    return replace(picture, next_action=NextAction("ready_to_sign", ready, "sign", {"state": "ready_to_sign"},
                                                   message))


def create_page(ctx: AppContext) -> QWidget:
    return OverviewPage(ctx)
