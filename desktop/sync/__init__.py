"""Offline work and sync with the central countersigning service (docs/sync.md).

Public entry points:

- ``sync(workspace, central_url=None, timeout=None, actor=..., force=True, background=False,
  progress=None, run_db=None) -> SyncReport``: one run (trust list, outbox, revocations).
- ``sync_status(db) -> dict``; ``set_paused(db, paused, actor)``; ``retry_failed(db, actor, ids)``.
- ``trust_list_path(workspace)``, ``load_trust_list(workspace)``: the cached trust list.
"""

from desktop.sync.engine import KILL_AFTER_RECEIVE, SyncReport, SyncRun, sync
from desktop.sync.outbox import retry_failed
from desktop.sync.status import set_paused, sync_status
from desktop.sync.trust_cache import load_revocations, load_trust_list, revocations_path, trust_list_path

__all__ = [
    "sync", "SyncRun", "SyncReport", "KILL_AFTER_RECEIVE", "sync_status", "set_paused", "retry_failed",
    "trust_list_path", "load_trust_list", "revocations_path", "load_revocations",
]
