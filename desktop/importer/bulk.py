"""Bulk writes for an import: 100,000 records and their audit events in one transaction, fast.

Records go in as tuples through ``desktop.db_bulk.fast_insert`` (``executemany`` on SQLite, ``COPY``
on PostgreSQL); their creation events through ``desktop.audit``'s ``EventWriter``, the one home of the
chain (same canonical form, same hash, so ``audit verify`` checks them like any other event).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from desktop.audit import AuditChain, after_encoder
from desktop.db_bulk import (
    db_value,
    fast_insert,
    fast_insert_supported,
    is_sqlite,
    next_id,
    reserve_ids,
    to_db,
    write_lock,
)
from desktop.models import VaccinationRecord
from desktop.models.tables.records import vaccination_record

# the import event locates the row and its dose; the person's name, birth date and ID stay in the record only
AUDIT_FIELDS = ("source_row", "source_ref", "sex", "vaccine_name", "lot", "dose_number", "vaccination_date")
_TABLE: Table = vaccination_record


def lock_for_writing(session: Session) -> None:
    """Take SQLite's write lock now, so what we read for de-duplication stays true until commit."""
    if is_sqlite(session):
        # a larger page cache for this connection: ten indexes take 100,000 inserts each
        session.connection().exec_driver_sql("PRAGMA cache_size = -65536")
    write_lock(session)


def record_defaults(list_id: int, now: dt.datetime) -> dict[str, Any]:
    """The columns every new record of a list starts with."""
    return {"list_id": list_id, "check_status": "unchecked", "checked_at": None, "registry_values": None,
            "differences": [], "decision": None, "decision_reason": "", "stage": "loaded", "batch_id": None,
            "central_reason": "", "supersedes_record_id": None, "created_at": now, "updated_at": now,
            "version": 1}


class RecordWriter:
    """Stores the records of one list, with one "import" audit event each, in pieces of ``add``-ed records."""

    def __init__(self, session: Session, list_id: int, actor: str, reason: str):
        self.session = session
        self.list_id = list_id
        self.events = AuditChain(session).writer(actor, "import", "record", reason=reason)
        self.fast = fast_insert_supported(session)
        self.sqlite = is_sqlite(session)
        self.first_id = next_id(session, _TABLE) if self.sqlite else 0
        self._next_id = self.first_id
        defaults = record_defaults(list_id, dt.datetime.now(dt.UTC))
        self.defaults = defaults
        self.constants = {key: db_value(session, value) for key, value in defaults.items()}
        # rows go to the driver as tuples (id, flags, the reader's fields); the constants are in every row
        self.columns = [c.name for c in _TABLE.columns if c.name not in defaults and c.name not in ("id", "flags")]
        self.insert_columns = ["id", "flags", *self.columns]
        self._values = itemgetter(*self.columns)
        self._after: Callable[[Mapping[str, Any]], str] | None = None
        self.pending: list[dict[str, Any]] = []
        self.stored = 0

    def flush(self) -> None:
        """Write the pending records and their events."""
        pending = self.pending
        if not pending:
            return
        if not self.fast:
            self._flush_plain()
            return
        if self.sqlite:
            ids: Any = range(self._next_id, self._next_id + len(pending))
            self._next_id += len(pending)
        else:
            ids = reserve_ids(self.session, _TABLE, len(pending))
        if self._after is None:
            self._after = after_encoder({"list_id": self.list_id}, AUDIT_FIELDS, pending[0])
        after, values = self._after, self._values
        params = []
        events = []
        for record_id, record in zip(ids, pending, strict=True):
            flags = record["flags"]
            params.append((record_id, "[]" if not flags else to_db(flags, True), *values(record)))
            events.append((str(record_id), after(record)))
        fast_insert(self.session, _TABLE, self.insert_columns, params, self.constants)
        self.events.append_texts(events)
        self.stored += len(pending)
        pending.clear()

    def _flush_plain(self) -> None:
        """Any other database: SQLAlchemy's core insert, ids from the database."""
        pending = self.pending
        ids = self.session.execute(
            insert(VaccinationRecord).returning(VaccinationRecord.id, sort_by_parameter_order=True),
            [{**r, **self.defaults} for r in pending],
        ).scalars().all()
        self.events.append([(rid, None, {"list_id": self.list_id, **{k: r[k] for k in AUDIT_FIELDS}})
                            for r, rid in zip(pending, ids, strict=True)])
        self.stored += len(pending)
        pending.clear()
