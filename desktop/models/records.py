"""Daily lists and the vaccination records loaded from them (the records' table: ``desktop.models.tables.records``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import ForeignKey, FromClause, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

import desktop.models.signing  # noqa: F401 - the tables of this module's foreign keys
from desktop.models.base import Base, utcnow
from desktop.models.tables.records import LIST_ORDER_INDEX, vaccination_record

__all__ = ["CHECK_STATUSES", "DECISION_ACTIONS", "LIST_ORDER_INDEX", "STAGES", "DailyList", "Decision", "ImportIssue",
           "VaccinationRecord"]

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

    __table__: ClassVar[FromClause] = vaccination_record  # typed as declarative's own, so casts elsewhere still hold

    id: Mapped[int]
    list_id: Mapped[int | None]
    source_ref: Mapped[str]
    source_row: Mapped[int]
    facility_code: Mapped[str]
    # person
    full_name: Mapped[str]
    name_folded: Mapped[str]
    date_of_birth: Mapped[str]
    sex: Mapped[str]
    id_number: Mapped[str]
    id_kind: Mapped[str]
    nationality: Mapped[str]
    phone: Mapped[str]
    insurance_number: Mapped[str]
    province_code: Mapped[str]
    district_code: Mapped[str]
    ward_code: Mapped[str]
    # vaccination
    vaccine_name: Mapped[str]
    vaccine_mp: Mapped[str]
    vaccine_ma: Mapped[str]
    vaccine_vp: Mapped[str]
    lot: Mapped[str]
    dose_number: Mapped[int]
    dn: Mapped[int]
    sd: Mapped[int]
    vaccination_date: Mapped[str]
    flags: Mapped[list[Any]]
    # registry check (contracts/mismatch-kinds.md)
    check_status: Mapped[str]
    checked_at: Mapped[datetime | None]
    registry_values: Mapped[dict[str, Any] | None]
    differences: Mapped[list[Any]]
    # the clerk's latest decision (history in ``decision``)
    decision: Mapped[str | None]
    decision_reason: Mapped[str]
    # signing, sync, certificate
    stage: Mapped[str]
    batch_id: Mapped[str | None]
    central_reason: Mapped[str]
    supersedes_record_id: Mapped[int | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    version: Mapped[int]  # raised by one with every change, by a trigger (migration 0012)

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

