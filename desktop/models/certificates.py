"""Certificates received from the central service."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

import desktop.models.records  # noqa: F401 - the tables of this module's foreign keys
import desktop.models.signing  # noqa: F401 - the tables of this module's foreign keys
from desktop.models.base import Base, utcnow
from desktop.models.records import VaccinationRecord

CERTIFICATE_STATUSES = ("valid", "superseded", "revoked")


class Certificate(Base):
    __tablename__ = "certificate"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("vaccination_record.id"), index=True)
    batch_id: Mapped[str] = mapped_column(ForeignKey("signing_batch.id"), index=True)
    uvci: Mapped[str] = mapped_column(String(80), unique=True)
    hc1: Mapped[str] = mapped_column(Text)
    issued_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="valid")
    superseded_by: Mapped[str | None] = mapped_column(String(80), default=None)
    revoked_reason: Mapped[str] = mapped_column(Text, default="")
    printed_count: Mapped[int] = mapped_column(default=0)
    # denormalised for fast search without joins
    full_name: Mapped[str] = mapped_column(String(300), default="")
    name_folded: Mapped[str] = mapped_column(String(300), default="", index=True)
    id_number: Mapped[str] = mapped_column(String(30), default="", index=True)
    vaccination_date: Mapped[str] = mapped_column(String(10), default="", index=True)


# Indexes of migration 0006 (search by day of issue, the status filters of the certificates page)
ISSUED_AT_INDEX = Index("ix_certificate_issued_at", Certificate.issued_at)
STATE_INDEX = Index("ix_certificate_state", Certificate.status, Certificate.printed_count, Certificate.expires_at)
# Indexes of migration 0014 (the "expiring"/"expired" filters as a range; the corrected records, which
# marking superseded certificates before every print starts from). Substring search has its own
# trigram index there, outside these tables (FTS5 on SQLite, pg_trgm on PostgreSQL).
VALID_EXPIRY_INDEX = Index("ix_certificate_valid_expiry", Certificate.status, Certificate.expires_at)
SUPERSEDES_INDEX = Index("ix_record_supersedes", VaccinationRecord.supersedes_record_id,
                         sqlite_where=VaccinationRecord.supersedes_record_id.isnot(None),
                         postgresql_where=VaccinationRecord.supersedes_record_id.isnot(None))
