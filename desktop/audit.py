"""Append-only audit log: every change to a record, with who, when, what, before/after and why.

Each event carries the hash of the previous one, so deleting or editing any event breaks the chain
and ``verify_chain`` names the first event that no longer fits.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.models import AuditEvent, utcnow

GENESIS = "0" * 64
SYSTEM = "system"


def _canonical(event: Any) -> bytes:
    """The hashed form of an event; ``event`` is an ``AuditEvent`` or a plain mapping of its columns."""
    get = event.get if isinstance(event, dict) else lambda name: getattr(event, name)
    body = {
        "id": get("id"),
        "at": get("at").isoformat(timespec="microseconds"),
        "actor": get("actor"),
        "action": get("action"),
        "entity": get("entity"),
        "entity_id": get("entity_id"),
        "before": get("before"),
        "after": get("after"),
        "reason": get("reason"),
        "prev": get("prev_hash"),
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def _last_hash(session: Session) -> tuple[int, str]:
    row = session.execute(select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first()
    return (row[0], row[1]) if row else (0, GENESIS)


def record_event(
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: str | int,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditEvent:
    """Append one event in the caller's transaction (it commits or rolls back with the change)."""
    return record_events(session, actor, action, entity, [(entity_id, before, after)], reason)[0]


def record_events(
    session: Session,
    actor: str,
    action: str,
    entity: str,
    items: list[tuple[str | int, dict[str, Any] | None, dict[str, Any] | None]],
    reason: str = "",
) -> list[AuditEvent]:
    """Append many events of one kind at once (an import of 100,000 rows is one call).

    Returns detached copies of the events only for a single event; callers of bulk appends need no objects.
    """
    if session.bind is not None and session.bind.dialect.name == "sqlite":
        # take the write lock now, so two processes cannot both chain onto the same last hash
        session.connection().exec_driver_sql("UPDATE audit_event SET id = id WHERE 0")
    last_id, prev = _last_hash(session)
    at = utcnow()
    rows = []
    for offset, (entity_id, before, after) in enumerate(items, start=1):
        row = {
            "id": last_id + offset, "at": at, "actor": actor or SYSTEM, "action": action, "entity": entity,
            "entity_id": str(entity_id), "before": before, "after": after, "reason": reason or "", "prev_hash": prev,
        }
        row["hash"] = prev = hashlib.sha256(_canonical(row)).hexdigest()
        rows.append(row)
    if rows:
        # plain rows through a core insert: a 10,000-record batch would spend most of its time building ORM objects
        session.flush()
        session.execute(insert(AuditEvent), rows)
    return [AuditEvent(**row) for row in rows] if len(rows) == 1 else []


@dataclass
class ChainReport:
    events: int
    ok: bool
    first_bad_id: int | None = None
    problem: str = ""


def verify_chain(session: Session) -> ChainReport:
    """Recompute every hash in order; report the first event that does not fit."""
    prev = GENESIS
    count = 0
    expected_id = None
    for event in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
        count += 1
        if expected_id is not None and event.id != expected_id:
            return ChainReport(count, False, expected_id, "missing")
        expected_id = event.id + 1
        if event.prev_hash != prev:
            return ChainReport(count, False, event.id, "broken_link")
        if hashlib.sha256(_canonical(event)).hexdigest() != event.hash:
            return ChainReport(count, False, event.id, "altered")
        prev = event.hash
    return ChainReport(count, True)


def snapshot(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """Plain dict of some fields of a model, for before/after."""
    out = {}
    for name in fields:
        value = getattr(obj, name)
        out[name] = value.isoformat() if isinstance(value, datetime) else value
    return out
