"""The outbox: signed batches waiting for the central service, claimed by one process at a time.

States (``OutboxItem.state``):

- ``pending``: waiting; sent when ``next_attempt_at`` has passed (or at once on "Sync now").
- ``sending``: a process holds a lease on it and is talking to the central service.
- ``done``: the central's answer is stored (certificates and rejections).
- ``failed``: needs a person: the central refused the whole batch, or a received certificate did
  not match what was signed (an alarm). ``retry_failed`` puts it back to ``pending``.

Claiming is a compare-and-set inside one write transaction, so two processes can never both hold
the same batch; a lease whose holder died (same machine, process gone) or expired can be taken over.
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, and_, delete, func, or_, select, true, update
from sqlalchemy.orm import Session

from desktop.audit import record_event, record_events
from desktop.db import Database
from desktop.db_bulk import write_lock
from desktop.models import OutboxItem, SignedRecord, SigningBatch
from desktop.models.base import utcnow
from desktop.models.outbox_lease import OutboxLease
from desktop.sync import state as sync_state
from desktop.sync.backoff import next_attempt

HOSTNAME = socket.gethostname()


def new_holder() -> str:
    return f"{HOSTNAME}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def holder_is_dead(holder: str) -> bool:
    """True when the holder ran on this machine and its process is gone (killed, crashed)."""
    try:
        host, pid_text, _nonce = holder.rsplit(":", 2)
        pid = int(pid_text)
    except ValueError:
        return False
    if host != HOSTNAME:
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@dataclass(frozen=True)
class Claim:
    batch_id: str
    attempts: int
    resend: bool  # an earlier attempt may have reached the central: ask for stored results first
    record_count: int


def claim_next(db: Database, holder: str, *, force: bool, lease_seconds: float, actor: str,
               exclude: set[str] | frozenset[str] = frozenset(), now: datetime | None = None) -> Claim | None:
    """Atomically take the oldest batch that is due (or any pending one when ``force``)."""
    now = now or utcnow()
    with db.session() as session:
        write_lock(session)
        due = or_(OutboxItem.next_attempt_at.is_(None), OutboxItem.next_attempt_at <= now) if not force else true()
        rows = session.execute(
            select(OutboxItem.batch_id, OutboxItem.state, OutboxLease.holder, OutboxLease.lease_until)
            .outerjoin(OutboxLease, OutboxLease.batch_id == OutboxItem.batch_id)
            .where(or_(and_(OutboxItem.state == "pending", due), OutboxItem.state == "sending"))
            .order_by(OutboxItem.created_at, OutboxItem.batch_id)
        ).all()
        for batch_id, state, lease_holder, lease_until in rows:
            if batch_id in exclude:
                continue
            if state == "sending" and lease_holder is not None and lease_until is not None \
                    and lease_until > now and not holder_is_dead(lease_holder):
                continue  # someone alive is working on it
            taken = cast(CursorResult[Any], session.execute(  # an UPDATE's result is a cursor result
                update(OutboxItem)
                .where(OutboxItem.batch_id == batch_id, OutboxItem.state == state)
                .values(state="sending", attempts=OutboxItem.attempts + 1, last_attempt_at=now)
            )).rowcount
            if taken != 1:
                continue
            if lease_holder is None:
                session.add(OutboxLease(batch_id=batch_id, holder=holder,
                                        lease_until=now + timedelta(seconds=lease_seconds), claimed_at=now))
            else:
                session.execute(update(OutboxLease).where(OutboxLease.batch_id == batch_id).values(
                    holder=holder, lease_until=now + timedelta(seconds=lease_seconds), claimed_at=now))
            # present: the UPDATE above has just taken it in this transaction
            item = cast(OutboxItem, session.get(OutboxItem, batch_id, with_for_update=True))
            batch = session.get(SigningBatch, batch_id)
            resend = item.sent_at is not None
            if item.sent_at is None:
                item.sent_at = now
            if batch is not None and batch.state == "signed":
                _mark_sent(session, batch, actor)
            session.flush()
            return Claim(batch_id, item.attempts, resend, batch.record_count if batch else 0)
    return None


def _mark_sent(session: Session, batch: SigningBatch, actor: str) -> None:
    """The batch is on its way. Its records keep stage ``signed`` until the central's answer is stored
    (one audit event for the batch here; each record gets its own when its result is stored)."""
    batch.state = "sent"
    record_event(session, actor, "sync.sent", "signing_batch", batch.id, {"state": "signed"}, {"state": "sent"})


def _release(session: Session, batch_id: str, holder: str) -> bool:
    """Drop our lease; False when someone else holds the batch now (ours expired)."""
    lease = session.get(OutboxLease, batch_id)
    if lease is not None and lease.holder != holder:
        return False
    session.execute(delete(OutboxLease).where(OutboxLease.batch_id == batch_id))
    return True


def schedule_retry(db: Database, batch_id: str, holder: str, code: str, message: Any,
                   now: datetime | None = None) -> datetime | None:
    """A transient failure: back to ``pending`` with a later ``next_attempt_at``."""
    now = now or utcnow()
    with db.session() as session:
        write_lock(session)
        item = session.get(OutboxItem, batch_id, with_for_update=True)
        if item is None or item.state != "sending" or not _release(session, batch_id, holder):
            return None
        item.state = "pending"
        item.next_attempt_at = next_attempt(now, item.attempts)
        item.last_error = sync_state.error_text(code, message)
        return item.next_attempt_at


def release(db: Database, batch_id: str, holder: str) -> None:
    """Give a claimed batch back untouched (cancelled run, unexpected error): due again at once."""
    with db.session() as session:
        write_lock(session)
        item = session.get(OutboxItem, batch_id, with_for_update=True)
        if item is not None and item.state == "sending" and _release(session, batch_id, holder):
            item.state = "pending"
            item.next_attempt_at = None


def mark_failed(db: Database, batch_id: str, holder: str, code: str, message: Any, actor: str,
                action: str = "sync.batch_failed", details: dict[str, Any] | None = None) -> bool:
    """The batch needs a person (refused by the central, or an alarm): ``failed`` with the reason."""
    with db.session() as session:
        write_lock(session)
        item = session.get(OutboxItem, batch_id, with_for_update=True)
        if item is None or item.state != "sending" or not _release(session, batch_id, holder):
            return False
        before = {"state": item.state}
        item.state = "failed"
        item.last_error = sync_state.error_text(code, message)
        item.next_attempt_at = None
        record_event(session, actor, action, "outbox_item", batch_id, before,
                     {"state": "failed", "code": code, **(details or {})}, reason=f"{message.vi} / {message.en}")
        return True


def retry_failed(db: Database, actor: str, batch_ids: list[str] | None = None) -> list[str]:
    """Put batches that needed attention back in the queue (after the cause was dealt with)."""
    with db.session() as session:
        write_lock(session)
        query = select(OutboxItem).where(OutboxItem.state == "failed")
        if batch_ids:
            query = query.where(OutboxItem.batch_id.in_(batch_ids))
        items = session.execute(query).scalars().all()
        for item in items:
            item.state = "pending"
            item.next_attempt_at = None
        if items:
            record_events(session, actor, "sync.retry", "outbox_item",
                          [(i.batch_id, {"state": "failed"}, {"state": "pending"}) for i in items])
        return [i.batch_id for i in items]


def pending_counts(session: Session) -> dict[str, int]:
    """Batches and records not yet done, by outbox state."""
    rows = session.execute(
        select(OutboxItem.state, func.count(OutboxItem.batch_id), func.coalesce(func.sum(SigningBatch.record_count), 0))
        .join(SigningBatch, SigningBatch.id == OutboxItem.batch_id)
        .group_by(OutboxItem.state)
    ).all()
    out = {"pending_batches": 0, "pending_records": 0, "sending_batches": 0, "failed_batches": 0,
           "failed_records": 0, "done_batches": 0}
    for state, batches, records in rows:
        if state in ("pending", "sending"):
            out["pending_batches"] += batches
            out["pending_records"] += int(records)
        if state == "sending":
            out["sending_batches"] += batches
        if state == "failed":
            out["failed_batches"] += batches
            out["failed_records"] += int(records)
        if state == "done":
            out["done_batches"] += batches
    return out


def outbox_rows(session: Session, limit: int = 500) -> list[dict[str, Any]]:
    """Plain rows for the Sync page and ``sync status``: newest work first, done batches last."""
    rank = {"failed": 0, "sending": 1, "pending": 2, "done": 3}
    items = session.execute(
        select(OutboxItem, SigningBatch.record_count, SigningBatch.state, SigningBatch.kind)
        .join(SigningBatch, SigningBatch.id == OutboxItem.batch_id)
        .order_by(OutboxItem.created_at.desc()).limit(limit)
    ).all()
    rows: list[dict[str, Any]] = []
    for item, records, batch_state, kind in items:
        message = sync_state.error_message(item.last_error)
        rows.append({
            "batch_id": item.batch_id, "state": item.state, "batch_state": batch_state, "kind": kind,
            "records": records, "attempts": item.attempts,
            "created_at": _iso(item.created_at), "last_attempt_at": _iso(item.last_attempt_at),
            "next_attempt_at": _iso(item.next_attempt_at), "completed_at": _iso(item.completed_at),
            "last_error": message.as_dict() if message else None,
            "last_error_code": sync_state.error_code(item.last_error),
        })
    rows.sort(key=lambda r: rank.get(r["state"], 9))
    return rows


def signed_records(session: Session, batch_id: str) -> list[SignedRecord]:
    return list(session.execute(
        select(SignedRecord).where(SignedRecord.batch_id == batch_id).order_by(SignedRecord.leaf_index)
    ).scalars())


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
