"""Facts about syncing shared by every process on the workspace: paused, last success, last error."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from desktop.i18n import Message, tr
from desktop.models.base import utcnow
from desktop.models.sync_state import SyncState

PAUSED = "paused"
LAST_RUN = "last_run"  # {at, online, ok}
LAST_SUCCESS = "last_success"  # {at}
LAST_ERROR = "last_error"  # {at, code, vi, en}
TRUST = "trust"  # {fetched_at, keys, revocations_fetched_at, revocations}


def get(session: Session, key: str) -> dict[str, Any]:
    row = session.get(SyncState, key)
    return dict(row.value) if row is not None else {}


def put(session: Session, key: str, value: dict[str, Any]) -> None:
    """Insert or replace in one statement: workstations that finish a run at the same moment on one
    database both write ``last_run`` and must not collide on the key."""
    now = utcnow()
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(SyncState).values(key=key, value=value, updated_at=now)
    session.execute(statement.on_conflict_do_update(index_elements=[SyncState.key],
                                                    set_={"value": statement.excluded.value, "updated_at": now}))
    cached = session.identity_map.get(identity_key(SyncState, key))
    if cached is not None:
        session.expire(cached)


def error_record(code: str, message: Message, at: datetime | None = None) -> dict[str, Any]:
    return {"at": (at or utcnow()).isoformat(), "code": code, "vi": message.vi, "en": message.en}


def error_text(code: str, message: Message) -> str:
    """The form kept in ``OutboxItem.last_error``: JSON with both languages and the code."""
    return json.dumps({"code": code, "vi": message.vi, "en": message.en}, ensure_ascii=False)


def error_message(text: str) -> Message | None:
    """Read back ``OutboxItem.last_error`` (JSON, or plain text written by anyone else)."""
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return tr(text, text)
    if isinstance(data, dict) and ("vi" in data or "en" in data):
        vi, en = str(data.get("vi") or data.get("en")), str(data.get("en") or data.get("vi"))
        return tr(vi.replace("{", "{{").replace("}", "}}"), en.replace("{", "{{").replace("}", "}}"))
    return tr(text, text)


def error_code(text: str) -> str:
    try:
        data = json.loads(text)
    except ValueError:
        return ""
    return str(data.get("code", "")) if isinstance(data, dict) else ""
