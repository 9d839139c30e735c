"""Daily lists and the vaccination records loaded from them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

import desktop.models.signing  # noqa: F401 - the tables of this module's foreign keys
from desktop.models.base import Base, utcnow

# Registry check status (contracts/mismatch-kinds.md)
CHECK_STATUSES = ("unchecked", "matched", "mismatch", "not_found", "invalid_id")
# Clerk decisions (contracts/mismatch-kinds.md)
DECISION_ACTIONS = ("accept_registry", "keep_list", "edit", "reject", "defer")
# Where the record is on its way to a certificate
STAGES = ("loaded", "signed", "sent", "certified", "rejected_central", "superseded", "revoked")


class DailyList(Base):
    """One loaded file."""

    __tablename__ = "daily_list"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    layout: Mapped[str] = mapped_column(String(20))  # "pl1" | "long"
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(100), default="")
    facility_code: Mapped[str] = mapped_column(String(20), default="")
    rows_total: Mapped[int] = mapped_column(default=0)
    accepted: Mapped[int] = mapped_column(default=0)
    rejected: Mapped[int] = mapped_column(default=0)
    duplicates: Mapped[int] = mapped_column(default=0)
    column_map: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ImportIssue(Base):
    """A rejected or duplicate row of a list, kept so the clerk can export, fix and reload it."""

    __tablename__ = "import_issue"

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("daily_list.id", ondelete="CASCADE"), index=True)
    row: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))  # "rejected" | "duplicate" | "warning"
    column: Mapped[str] = mapped_column(String(200), default="")
    value: Mapped[str] = mapped_column(Text, default="")
    code: Mapped[str] = mapped_column(String(50))
    message_vi: Mapped[str] = mapped_column(Text)
    message_en: Mapped[str] = mapped_column(Text)
    raw: Mapped[list[Any]] = mapped_column(default=list)  # the row's cells, for the annotated export


class VaccinationRecord(Base):
    """One dose given to one person, from a list row, on its way to a certificate."""

    __tablename__ = "vaccination_record"
    __table_args__ = (
        Index("ix_record_person_dose", "id_number", "dose_number", "vaccination_date"),
        # migration 0015: partial on PostgreSQL, so that signing a matched record writes no entry in them
        Index("ix_record_state", "check_status", "stage", postgresql_where=text("check_status <> 'matched'")),
        Index("ix_vaccination_record_batch_id", "batch_id", postgresql_where=text("batch_id IS NULL")),
        # migration 0010: the Overview counts from this index alone (the list order index is below the class)
        Index("ix_record_overview", "list_id", "vaccination_date", "stage", "check_status", "decision", "batch_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int | None] = mapped_column(ForeignKey("daily_list.id"))  # led by ix_record_overview
    source_ref: Mapped[str] = mapped_column(String(100), default="")  # no index: migration 0013
    source_row: Mapped[int] = mapped_column(default=0)
    facility_code: Mapped[str] = mapped_column(String(20), default="")
    # person
    full_name: Mapped[str] = mapped_column(String(300))
    name_folded: Mapped[str] = mapped_column(String(300), default="", index=True)  # no marks, lower: search
    date_of_birth: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD | YYYY-MM | YYYY
    sex: Mapped[str] = mapped_column(String(1))  # "M" | "F"
    id_number: Mapped[str] = mapped_column(String(30), default="")
    id_kind: Mapped[str] = mapped_column(String(10), default="")  # cccd | cmnd | passport | ""
    nationality: Mapped[str] = mapped_column(String(2), default="VN")
    phone: Mapped[str] = mapped_column(String(30), default="")
    insurance_number: Mapped[str] = mapped_column(String(30), default="")
    province_code: Mapped[str] = mapped_column(String(10), default="")
    district_code: Mapped[str] = mapped_column(String(10), default="")
    ward_code: Mapped[str] = mapped_column(String(10), default="")
    # vaccination
    vaccine_name: Mapped[str] = mapped_column(String(100))
    vaccine_mp: Mapped[str] = mapped_column(String(50))
    vaccine_ma: Mapped[str] = mapped_column(String(50))
    vaccine_vp: Mapped[str] = mapped_column(String(50))
    lot: Mapped[str] = mapped_column(String(50))
    dose_number: Mapped[int]
    dn: Mapped[int]
    sd: Mapped[int]
    vaccination_date: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD
    flags: Mapped[list[Any]] = mapped_column(default=list)  # e.g. ["cccd_inconsistent"]
    # registry check (contracts/mismatch-kinds.md)
    check_status: Mapped[str] = mapped_column(String(20), default="unchecked")
    checked_at: Mapped[datetime | None]
    registry_values: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    differences: Mapped[list[Any]] = mapped_column(default=list)
    # the clerk's latest decision (history in ``decision``)
    decision: Mapped[str | None] = mapped_column(String(20), default=None)
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    # signing, sync, certificate
    stage: Mapped[str] = mapped_column(String(20), default="loaded")
    batch_id: Mapped[str | None] = mapped_column(ForeignKey("signing_batch.id"), default=None)
    central_reason: Mapped[str] = mapped_column(Text, default="")
    supersedes_record_id: Mapped[int | None] = mapped_column(ForeignKey("vaccination_record.id"), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # raised by one with every change, by a trigger (migration 0012): what a decision was taken on
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))

    decisions: Mapped[list[Decision]] = relationship(back_populates="record", order_by="Decision.id")

    @property
    def ready_to_sign(self) -> bool:
        return self.stage == "loaded" and self.batch_id is None and (
            (self.check_status == "matched" and self.decision not in ("reject", "defer"))
            or self.decision in ("accept_registry", "keep_list", "edit")
        )


class Decision(Base):
    """A clerk's decision on a record; the latest one not undone is copied onto the record."""

    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("vaccination_record.id"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[datetime] = mapped_column(default=utcnow)
    before: Mapped[dict[str, Any]] = mapped_column(default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(default=dict)
    undone: Mapped[bool] = mapped_column(default=False)

    record: Mapped[VaccinationRecord] = relationship(back_populates="decisions")


# migration 0010: the records table's own order (newest list first, then by row), read without sorting
LIST_ORDER_INDEX = Index("ix_record_list_order", VaccinationRecord.list_id.desc(), VaccinationRecord.source_row)
