"""What the clerk sees about syncing: online or not, paused, pending work, last success, last error."""

from __future__ import annotations

from typing import Any

from desktop.audit import record_event
from desktop.db import Database
from desktop.db_bulk import write_lock
from desktop.sync import outbox
from desktop.sync import state as sync_state


def sync_status(db: Database, rows: bool = True) -> dict[str, Any]:
    """A plain snapshot for the Sync page, the status bar and ``sync status``."""
    with db.session() as session:
        counts = outbox.pending_counts(session)
        last_run = sync_state.get(session, sync_state.LAST_RUN)
        last_success = sync_state.get(session, sync_state.LAST_SUCCESS)
        last_error = sync_state.get(session, sync_state.LAST_ERROR)
        paused = bool(sync_state.get(session, sync_state.PAUSED).get("paused"))
        items = outbox.outbox_rows(session) if rows else []
    return {
        "online": last_run.get("online") if last_run else None,
        "paused": paused,
        "last_attempt_at": last_run.get("at"),
        "last_success_at": last_success.get("at"),
        "last_error": ({"at": last_error.get("at"), "code": last_error.get("code"), "vi": last_error.get("vi"),
                        "en": last_error.get("en")} if last_error else None),
        **counts,
        "batches": items,
    }


def set_paused(db: Database, paused: bool, actor: str) -> bool:
    """Pause or resume background syncing for every process on this workspace."""
    with db.session() as session:
        write_lock(session)
        before = bool(sync_state.get(session, sync_state.PAUSED).get("paused"))
        if before != paused:
            sync_state.put(session, sync_state.PAUSED, {"paused": paused})
            record_event(session, actor, "sync.paused" if paused else "sync.resumed", "workspace", "sync",
                         {"paused": before}, {"paused": paused})
    return paused
