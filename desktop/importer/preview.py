"""A look at a list before loading it: layout, headers, what each column was recognised as, first rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.importer.fields import FIELD_BY_KEY, FIELDS
from desktop.importer.load import build_column_map, headers_seen
from desktop.importer.reading import read_sheet
from desktop.importer.text import clean, value_text

PREVIEW_ROWS = 20


@dataclass
class Preview:
    file: str
    kind: str  # xlsx | xls | csv
    sheet: str
    encoding: str
    delimiter: str
    layout: str | None  # "long" | "pl1" | None (no header recognised)
    header_row: int | None  # 1-based
    headers: list[str]  # one per column
    mapping: dict[str, int]  # person fields and (long layout) dose fields → column index
    doses: dict[int, dict[str, int]]  # PL1 dose blocks
    missing: list[str]  # required fields without a column
    rows: list[list[str]] = field(default_factory=list)  # first data rows as text
    seen: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.layout is not None and not self.missing

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "kind": self.kind, "sheet": self.sheet, "encoding": self.encoding,
                "delimiter": self.delimiter, "layout": self.layout, "header_row": self.header_row,
                "headers": self.headers, "mapping": self.mapping,
                "doses": {str(k): v for k, v in self.doses.items()}, "missing": self.missing, "rows": self.rows}


def field_choices() -> list[tuple[str, str, bool]]:
    """(key, label, required) of every field, for mapping combos."""
    return [(f.key, str(f.label), f.required) for f in FIELDS]


def preview_file(path: Path | str, column_map: dict[str, Any] | None = None) -> Preview:
    """Read the head of ``path`` and say how it would be loaded (nothing is stored)."""
    path = Path(path)
    sheet = read_sheet(path)
    cmap = build_column_map(sheet, column_map)
    width = max((len(r) for r in sheet.head), default=0)
    if cmap is None:
        missing = [f.key for f in FIELDS if f.required]
        start = 0
        for start, row in enumerate(sheet.head):  # noqa: B007 - the first non-empty row is the likely header
            if any(clean(value_text(c)) for c in row):
                break
        headers = [clean(value_text(c)) for c in (sheet.head[start] if sheet.head else [])]
        headers += [""] * (width - len(headers))
        data = sheet.head[start + 1:start + 1 + PREVIEW_ROWS]
        return Preview(path.name, sheet.kind, sheet.name, sheet.encoding, sheet.delimiter, None, None, headers, {},
                       {}, missing, [_texts(r, width) for r in data], headers_seen(sheet))
    headers = [clean(h) for h in cmap.headers] + [""] * max(0, width - len(cmap.headers))
    first = cmap.header_row + cmap.header_rows
    data = [r for r in sheet.head[first:] if any(clean(value_text(c)) for c in r)][:PREVIEW_ROWS]
    return Preview(path.name, sheet.kind, sheet.name, sheet.encoding, sheet.delimiter, cmap.layout, cmap.header_row + 1,
                   headers, dict(cmap.columns), {k: dict(v) for k, v in cmap.doses.items()}, cmap.missing(),
                   [_texts(r, width) for r in data], headers_seen(sheet))


def _texts(row: list, width: int) -> list[str]:
    cells = [clean(value_text(c)) for c in row]
    return cells + [""] * (width - len(cells))


def field_label(key: str) -> str:
    return str(FIELD_BY_KEY[key].label)
