"""Local user accounts and roles (the table: ``desktop.models.tables.accounts``)."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from sqlalchemy import FromClause
from sqlalchemy.orm import Mapped

from desktop.models.base import Base
from desktop.models.tables.accounts import user_account

ROLES = ("clerk", "signer", "administrator", "automation")


class User(Base):
    __table__: ClassVar[FromClause] = user_account  # typed as declarative's own, so casts elsewhere still hold

    id: Mapped[int]
    username: Mapped[str]
    display_name: Mapped[str]
    role: Mapped[str]
    password_hash: Mapped[str]
    failed_attempts: Mapped[int]
    locked_until: Mapped[datetime | None]
    active: Mapped[bool]
    language: Mapped[str | None]  # None: the workspace's language
    created_at: Mapped[datetime]
