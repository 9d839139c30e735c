"""One row per difference of a record from the registry, for the review queue.

The record's ``differences`` JSON is the source of truth; ``record_difference`` mirrors it so the
queue can be filtered and counted by kind in SQL (``desktop.review.queue``).
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

import desktop.models.records  # noqa: F401 - the tables of this module's foreign keys
from desktop.models.base import Base


class RecordDifference(Base):
    __tablename__ = "record_difference"
    __table_args__ = (Index("ix_record_difference_kind", "field", "kind", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("vaccination_record.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(20))
