"""Loading daily vaccination lists (contracts/daily-list.md): read, recognise, normalise, validate, store.

Public API:
- ``import_file(workspace, path, actor, progress=None, column_map=None) -> ImportResult``
- ``preview_file(path, column_map=None) -> Preview``
- ``export_rejected(workspace, list_id, out_path) -> dict``
"""

from desktop.importer.export import export_rejected, neutralise
from desktop.importer.fields import FIELDS
from desktop.importer.load import ImportResult, import_file
from desktop.importer.preview import Preview, field_choices, preview_file
from desktop.importer.reading import MAX_ROWS, MAX_WORKBOOK_BYTES
from desktop.text import fold

__all__ = [
    "import_file", "ImportResult", "preview_file", "Preview", "export_rejected", "neutralise", "FIELDS",
    "field_choices", "fold", "MAX_ROWS", "MAX_WORKBOOK_BYTES",
]
