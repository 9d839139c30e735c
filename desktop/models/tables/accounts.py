"""The ``user_account`` table: local accounts, their password hashes, failures and locks."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Integer, String, Table

from desktop.models.tables.base import METADATA, UTCDateTime, utcnow

user_account = Table(
    "user_account", METADATA,
    Column("id", Integer, primary_key=True),
    Column("username", String(100), unique=True, nullable=False),
    Column("display_name", String(200), default="", nullable=False),
    Column("role", String(20), nullable=False),
    Column("password_hash", String(300), nullable=False),
    Column("failed_attempts", Integer, default=0, nullable=False),
    Column("locked_until", UTCDateTime(), nullable=True),
    Column("active", Boolean, default=True, nullable=False),
    Column("language", String(5), nullable=True),  # None: the workspace's language
    Column("created_at", UTCDateTime(), default=utcnow, nullable=False),
)
