"""The append-only, hash-chained audit log (the table: ``desktop.models.tables.audit``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import FromClause
from sqlalchemy.orm import Mapped

from desktop.models.base import Base
from desktop.models.tables.audit import audit_event


class AuditEvent(Base):
    __table__: ClassVar[FromClause] = audit_event  # typed as declarative's own, so casts elsewhere still hold

    id: Mapped[int]
    at: Mapped[datetime]
    actor: Mapped[str]
    action: Mapped[str]
    entity: Mapped[str]
    entity_id: Mapped[str]
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]
    reason: Mapped[str]
    prev_hash: Mapped[str]
    hash: Mapped[str]
