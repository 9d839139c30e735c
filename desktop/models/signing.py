"""Signed batches, the per-record proofs, and the outbox that carries batches upstream."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, cast

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, Text, TypeDecorator
from sqlalchemy.orm import Mapped, mapped_column

import desktop.models.records  # noqa: F401 - the tables of this module's foreign keys
from desktop.models.base import Base, utcnow

BATCH_STATES = ("signed", "sent", "countersigned", "partly_rejected", "rejected")
OUTBOX_STATES = ("pending", "sending", "done", "failed")


class SigningBatch(Base):
    """One token operation: a signed manifest over the Merkle root of its records. Immutable."""

    __tablename__ = "signing_batch"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    facility_code: Mapped[str] = mapped_column(String(20))  # the signer
    on_behalf_of: Mapped[list[Any]] = mapped_column(default=list)  # facility codes covered
    record_count: Mapped[int]
    merkle_root: Mapped[str] = mapped_column(String(64))  # hex
    algorithm: Mapped[str] = mapped_column(String(10))
    manifest: Mapped[bytes] = mapped_column(LargeBinary)  # COSE_Sign1 bytes
    token_serial: Mapped[str] = mapped_column(String(64), default="")
    certificate_sha256: Mapped[str] = mapped_column(String(64), default="")
    state: Mapped[str] = mapped_column(String(20), default="signed")
    kind: Mapped[str] = mapped_column(String(20), default="issue")  # issue | correction | revocation


class ProofText(TypeDecorator[list[Any]]):
    """A proof as JSON text in a ``text`` column (PostgreSQL, migration 0015): the database keeps the
    text signing wrote, as SQLite does, without parsing 5,000 proofs on every batch it stores; the
    proof's form is checked where it is read (``sync.store``), and the Merkle root over it by the
    central service."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else json.dumps(value, separators=(",", ":"))

    def process_result_value(self, value: Any, dialect: Any) -> list[Any] | None:
        return None if value is None else cast(list[Any], json.loads(value))


PROOF_TYPE = JSON().with_variant(ProofText(), "postgresql")


class SignedRecord(Base):
    """A record's canonical attestation inside a batch, with its Merkle inclusion proof."""

    __tablename__ = "signed_record"

    record_id: Mapped[int] = mapped_column(ForeignKey("vaccination_record.id"), primary_key=True)
    batch_id: Mapped[str] = mapped_column(ForeignKey("signing_batch.id"), index=True)
    leaf_index: Mapped[int]
    attestation: Mapped[bytes] = mapped_column(LargeBinary)  # canonical CBOR
    proof: Mapped[list[Any]] = mapped_column(PROOF_TYPE, default=list)  # hex sibling hashes, leaf to root


class OutboxItem(Base):
    """A batch waiting to be, being, or done being sent to the central service."""

    __tablename__ = "outbox_item"

    batch_id: Mapped[str] = mapped_column(ForeignKey("signing_batch.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    last_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
