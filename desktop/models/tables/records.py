"""The ``vaccination_record`` table: one dose given to one person, from a list row, on its way to a certificate.

Its foreign keys name ``daily_list`` and ``signing_batch`` by text: reading records needs neither
table; the ORM classes (``desktop.models.records``) bring them in for a flush.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, String, Table, Text, text

from desktop.models.tables.base import METADATA, UTCDateTime, utcnow

vaccination_record = Table(
    "vaccination_record", METADATA,
    Column("id", Integer, primary_key=True),
    Column("list_id", Integer, ForeignKey("daily_list.id"), nullable=True),  # led by ix_record_overview
    Column("source_ref", String(100), default="", nullable=False),  # no index: migration 0013
    Column("source_row", Integer, default=0, nullable=False),
    Column("facility_code", String(20), default="", nullable=False),
    # person
    Column("full_name", String(300), nullable=False),
    Column("name_folded", String(300), default="", index=True, nullable=False),  # no marks, lower: search
    Column("date_of_birth", String(10), nullable=False),  # YYYY-MM-DD | YYYY-MM | YYYY
    Column("sex", String(1), nullable=False),  # "M" | "F"
    Column("id_number", String(30), default="", nullable=False),
    Column("id_kind", String(10), default="", nullable=False),  # cccd | cmnd | passport | ""
    Column("nationality", String(2), default="VN", nullable=False),
    Column("phone", String(30), default="", nullable=False),
    Column("insurance_number", String(30), default="", nullable=False),
    Column("province_code", String(10), default="", nullable=False),
    Column("district_code", String(10), default="", nullable=False),
    Column("ward_code", String(10), default="", nullable=False),
    # vaccination
    Column("vaccine_name", String(100), nullable=False),
    Column("vaccine_mp", String(50), nullable=False),
    Column("vaccine_ma", String(50), nullable=False),
    Column("vaccine_vp", String(50), nullable=False),
    Column("lot", String(50), nullable=False),
    Column("dose_number", Integer, nullable=False),
    Column("dn", Integer, nullable=False),
    Column("sd", Integer, nullable=False),
    Column("vaccination_date", String(10), nullable=False),  # YYYY-MM-DD
    Column("flags", JSON, default=list, nullable=False),  # e.g. ["cccd_inconsistent"]
    # registry check (contracts/mismatch-kinds.md)
    Column("check_status", String(20), default="unchecked", nullable=False),
    Column("checked_at", UTCDateTime(), nullable=True),
    Column("registry_values", JSON, nullable=True),
    Column("differences", JSON, default=list, nullable=False),
    # the clerk's latest decision (history in ``decision``)
    Column("decision", String(20), nullable=True),
    Column("decision_reason", Text, default="", nullable=False),
    # signing, sync, certificate
    Column("stage", String(20), default="loaded", nullable=False),
    # the type of ``signing_batch.id``, given here so the table reads without that one loaded
    Column("batch_id", String(36), ForeignKey("signing_batch.id"), nullable=True),
    Column("central_reason", Text, default="", nullable=False),
    Column("supersedes_record_id", Integer, ForeignKey("vaccination_record.id"), nullable=True),
    Column("created_at", UTCDateTime(), default=utcnow, nullable=False),
    Column("updated_at", UTCDateTime(), default=utcnow, onupdate=utcnow, nullable=False),
    # raised by one with every change, by a trigger (migration 0012): what a decision was taken on
    Column("version", Integer, default=1, server_default=text("1"), nullable=False),
    Index("ix_record_person_dose", "id_number", "dose_number", "vaccination_date"),
    # migration 0015: partial on PostgreSQL, so that signing a matched record writes no entry in them
    Index("ix_record_state", "check_status", "stage", postgresql_where=text("check_status <> 'matched'")),
    Index("ix_vaccination_record_batch_id", "batch_id", postgresql_where=text("batch_id IS NULL")),
    # migration 0010: the Overview counts from this index alone
    Index("ix_record_overview", "list_id", "vaccination_date", "stage", "check_status", "decision", "batch_id"),
)

# migration 0010: the records table's own order (newest list first, then by row), read without sorting
LIST_ORDER_INDEX = Index("ix_record_list_order", vaccination_record.c.list_id.desc(), vaccination_record.c.source_row)
