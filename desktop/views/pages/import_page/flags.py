"""Problem cells on a grid: a colour for how serious, a tooltip in the clerk's language naming the problem and the fix."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem

from desktop.i18n import tr
from desktop.importer.preview import CellProblem

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the codes of a cell's problems, comma-separated
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2  # "rejected" | "warning"
COLOURS = {"rejected": (QColor("#f8d7da"), QColor("#842029")), "warning": (QColor("#fff3cd"), QColor("#664d03"))}


def tooltip(problems: Sequence[CellProblem]) -> str:
    parts = []
    for problem in problems:
        fix = str(tr("Cách sửa:", "How to fix:"))
        parts.append(f"<p>{escape(str(problem.message))}</p><p><b>{escape(fix)}</b> {escape(str(problem.fix))}</p>")
    return "".join(parts)


def severity(problems: Iterable[CellProblem]) -> str:
    return "rejected" if any(p.severity == "rejected" for p in problems) else "warning"


def mark(item: QTableWidgetItem, problems: Sequence[CellProblem]) -> None:
    """Colour ``item`` and give it the problems' tooltip (nothing for no problems)."""
    if not problems:
        return
    level = severity(problems)
    background, foreground = COLOURS[level]
    item.setBackground(background)
    item.setForeground(foreground)
    item.setToolTip(tooltip(problems))
    item.setData(PROBLEM_ROLE, ",".join(p.code for p in problems))
    item.setData(SEVERITY_ROLE, level)


def by_cell(problems: Iterable[CellProblem]) -> dict[tuple[int, int | None], list[CellProblem]]:
    out: dict[tuple[int, int | None], list[CellProblem]] = {}
    for problem in problems:
        out.setdefault((problem.row, problem.column), []).append(problem)
    return out


def mark_row_header(table: QTableWidget, index: int, row: int, problems: Sequence[CellProblem]) -> None:
    """The row number in the vertical header; a mark when the row has problems of its own (no cell)."""
    item = QTableWidgetItem(str(row))
    if problems:
        item.setText(f"⚠ {row}")
        item.setToolTip(tooltip(problems))
    table.setVerticalHeaderItem(index, item)


class ProblemDetail(QLabel):
    """The problems of the current cell of a grid, in words, for the keyboard as well as the mouse."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setVisible(False)
        self.table = table
        table.currentCellChanged.connect(self.follow)

    def follow(self, row: int, column: int, *_previous: int) -> None:
        item = self.table.item(row, column) if row >= 0 and column >= 0 else None
        text = item.toolTip() if item is not None and item.data(PROBLEM_ROLE) else ""
        self.setText(text)
        self.setVisible(bool(text))
