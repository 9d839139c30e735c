"""Which workstation is working on a record, and until when (migration 0012).

The registry check claims records before it looks them up, so two workstations checking at once
share the records instead of looking each one up twice. A claim whose ``claimed_until`` has passed
is free again: a workstation that died or lost its network holds nothing for long.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

import desktop.models.records  # noqa: F401 - the tables of this module's foreign keys
from desktop.models.base import Base


class RecordClaim(Base):
    __tablename__ = "record_claim"

    record_id: Mapped[int] = mapped_column(ForeignKey("vaccination_record.id", ondelete="CASCADE"), primary_key=True)
    claimed_by: Mapped[str] = mapped_column(String(200))  # "<host>:<pid>:<nonce>"
    claimed_until: Mapped[datetime]
