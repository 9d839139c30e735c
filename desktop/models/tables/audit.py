"""The ``audit_event`` table: the append-only, hash-chained audit log (written by ``desktop.audit`` alone)."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Integer, String, Table, Text

from desktop.models.tables.base import METADATA, UTCDateTime, utcnow

audit_event = Table(
    "audit_event", METADATA,
    Column("id", Integer, primary_key=True),
    Column("at", UTCDateTime(), default=utcnow, nullable=False),
    Column("actor", String(100), nullable=False),
    Column("action", String(50), index=True, nullable=False),
    Column("entity", String(50), nullable=False),
    Column("entity_id", String(100), index=True, nullable=False),
    Column("before", JSON, nullable=True),
    Column("after", JSON, nullable=True),
    Column("reason", Text, default="", nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)
