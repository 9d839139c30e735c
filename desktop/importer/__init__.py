"""Loading daily vaccination lists (contracts/daily-list.md): read, recognise, normalise, validate, store.

Public API:
- ``import_file(workspace, path, actor, progress=None, column_map=None) -> ImportResult``
- ``preview_file(path, column_map=None) -> Preview``
- ``export_rejected(workspace, list_id, out_path) -> dict``

The names are loaded on first use, so a module of this package (``queries`` for the record lists)
can be imported without the readers and the validators behind ``import_file``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.importer.export import export_rejected, neutralise
    from desktop.importer.fields import FIELDS
    from desktop.importer.load import ImportResult, import_file
    from desktop.importer.preview import Preview, field_choices, preview_file
    from desktop.importer.reading import MAX_ROWS, MAX_WORKBOOK_BYTES
    from desktop.text import fold

_HOMES = {
    "export_rejected": "export", "neutralise": "export", "FIELDS": "fields", "ImportResult": "load",
    "import_file": "load", "Preview": "preview", "field_choices": "preview", "preview_file": "preview",
    "MAX_ROWS": "reading", "MAX_WORKBOOK_BYTES": "reading", "fold": "text",
}

__all__ = [
    "import_file", "ImportResult", "preview_file", "Preview", "export_rejected", "neutralise", "FIELDS",
    "field_choices", "fold", "MAX_ROWS", "MAX_WORKBOOK_BYTES",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"desktop.importer.{home}"), name)
    globals()[name] = value
    return value
