"""Finding records: the one filter used by the records table in the window and by ``records`` on the command line.

The queries are written on the Core table's columns, so they run on a Core connection
(``Database.connect``, no ORM loaded: the command line) as well as in an ORM session.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Select, func, or_, select

from desktop.db_bulk import gc_paused
from desktop.importer.text import clean
from desktop.models.tables.records import vaccination_record
from desktop.text import fold

if TYPE_CHECKING:
    from desktop.db_bulk import Db

_T = TypeVar("_T")  # the one column a filtered query selects

R = vaccination_record.c
FETCH_SLICE = 5000

# what the table and the command line show, in order
LIST_COLUMNS = ("id", "source_row", "source_ref", "full_name", "date_of_birth", "sex", "id_number", "vaccine_name",
                "dose_number", "vaccination_date", "check_status", "stage", "list_id", "flags")


@dataclass(frozen=True)
class RecordFilter:
    status: str | None = None  # check status (contracts/mismatch-kinds.md)
    stage: str | None = None
    search: str = ""  # name with or without marks, ID number, or platform record id
    list_id: int | None = None
    sort: str | None = None  # one of SORTABLE; None keeps list order
    descending: bool = False

    def apply(self, query: Select[_T]) -> Select[_T]:
        if self.status:
            query = query.where(R.check_status == self.status)
        if self.stage:
            query = query.where(R.stage == self.stage)
        if self.list_id is not None:
            query = query.where(R.list_id == self.list_id)
        text = clean(self.search)
        if text:
            folded = fold(text)
            escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            raw = text.upper().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            query = query.where(or_(
                R.name_folded.like(f"%{escaped}%", escape="\\"),
                R.id_number.like(f"{raw}%", escape="\\"),
                R.source_ref == text,
            ))
        return query


# Columns a records grid may sort by; names sort by their folded form (no marks, upper case).
SORTABLE = {
    "full_name": R.name_folded, "source_row": R.source_row, "date_of_birth": R.date_of_birth, "sex": R.sex,
    "id_number": R.id_number, "vaccine_name": R.vaccine_name, "dose_number": R.dose_number,
    "vaccination_date": R.vaccination_date, "check_status": R.check_status, "stage": R.stage,
    "source_ref": R.source_ref,
}


_CHUNK = 30_000


def record_ids(session: Db, flt: RecordFilter, limit: int | None = None) -> list[int]:
    """Ids of the matching records in list order (newest list first, then by row), or by ``flt.sort``."""
    column = SORTABLE.get(flt.sort or "")
    if column is not None:
        key = column.desc() if flt.descending else column.asc()
        query = flt.apply(select(R.id)).order_by(key, R.id.desc() if flt.descending else R.id)
    else:
        query = flt.apply(select(R.id)).order_by(R.list_id.desc(), R.source_row, R.id)
    if limit:
        query = query.limit(limit)
    ids: list[int] = []
    with gc_paused():
        result = session.execute(query.execution_options(yield_per=FETCH_SLICE))
        for part in result.scalars().partitions():
            ids.extend(part)
            time.sleep(0)  # let the window's thread run between slices (the fetch loop holds the GIL)
    return ids


def count_records(session: Db, flt: RecordFilter) -> int:
    return session.execute(flt.apply(select(func.count(R.id)))).scalar() or 0


def record_rows(session: Db, ids: list[int], columns: tuple[str, ...] = LIST_COLUMNS) -> dict[int, dict[str, Any]]:
    """Plain dicts for the given ids, keyed by id (one query per 30,000 ids)."""
    if not ids:
        return {}
    cols = [R[c] for c in columns]
    out = {}
    for start in range(0, len(ids), _CHUNK):  # SQLite allows only so many bound values in one statement
        for row in session.execute(select(*cols).where(R.id.in_(ids[start:start + _CHUNK]))):
            item = dict(zip(columns, row, strict=True))
            out[item["id"]] = item
    return out


def find_record_ids(workspace: Any, flt: RecordFilter) -> list[int]:
    """The ids of the records matching ``flt``, in its order (what the records grid holds)."""
    with workspace.db.connect() as connection:
        return record_ids(connection, flt)


def record_rows_of(workspace: Any, ids: list[int], columns: tuple[str, ...] = LIST_COLUMNS) -> dict[int, dict[str, Any]]:
    """``record_rows`` in a unit of work of its own (one page of the records grid)."""
    with workspace.db.connect() as connection:
        return record_rows(connection, ids, columns)
