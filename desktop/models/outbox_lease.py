"""Who holds an outbox item right now.

The outbox item's ``state`` says where a batch is; the lease says which process may work on it and
until when, so two VaxDesk processes on one workspace never send and store the same batch at once,
and a killed process's claim expires instead of blocking the batch forever.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

import desktop.models.signing  # noqa: F401 - the tables of this module's foreign keys
from desktop.models.base import Base, utcnow


class OutboxLease(Base):
    __tablename__ = "outbox_lease"

    batch_id: Mapped[str] = mapped_column(ForeignKey("outbox_item.batch_id"), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200))  # "<host>:<pid>:<nonce>"
    lease_until: Mapped[datetime]
    claimed_at: Mapped[datetime] = mapped_column(default=utcnow)
