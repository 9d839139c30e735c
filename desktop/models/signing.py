"""Signed batches, the per-record proofs, and the outbox that carries batches upstream."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, LargeBinary, String, Text
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


class SignedRecord(Base):
    """A record's canonical attestation inside a batch, with its Merkle inclusion proof."""

    __tablename__ = "signed_record"

    record_id: Mapped[int] = mapped_column(ForeignKey("vaccination_record.id"), primary_key=True)
    batch_id: Mapped[str] = mapped_column(ForeignKey("signing_batch.id"), index=True)
    leaf_index: Mapped[int]
    attestation: Mapped[bytes] = mapped_column(LargeBinary)  # canonical CBOR
    proof: Mapped[list[Any]] = mapped_column(default=list)  # hex sibling hashes, leaf to root


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
