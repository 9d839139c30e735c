"""The records list as the command line shows it: the records table's filter, counted and listed at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from desktop.ids import mask_id
from desktop.importer.queries import RecordFilter, count_records, record_ids, record_rows

if TYPE_CHECKING:
    from desktop.workspace import Workspace


@dataclass(frozen=True)
class RecordListing:
    """How many records match a filter, and the first of them with the records table's columns."""

    total: int
    records: tuple[Mapping[str, Any], ...]  # in list order, keys as ``LIST_COLUMNS``

    @property
    def shown(self) -> int:
        return len(self.records)

    def as_dict(self) -> dict[str, Any]:
        return {"total": self.total, "shown": self.shown, "records": [dict(r) for r in self.records]}


def list_records(workspace: Workspace, flt: RecordFilter, limit: int | None = None,
                 mask_ids: bool = False) -> RecordListing:
    """The records matching ``flt`` (at most ``limit``; None: all), with ID numbers masked when asked; one
    unit of work (on a Core connection: no ORM), so the count and the rows agree."""
    with workspace.db.connect() as connection:
        total = count_records(connection, flt)
        ids = record_ids(connection, flt, limit=limit)
        rows = record_rows(connection, ids)
    records = []
    for record_id in ids:
        row = rows[record_id]
        if mask_ids:
            row["id_number"] = mask_id(row["id_number"])
        records.append(MappingProxyType(row))
    return RecordListing(total, tuple(records))
