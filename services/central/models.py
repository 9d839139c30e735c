"""The central service's own tables: registered signers, trusted CAs, batches, certificates.

There are no migrations: ``storage.CentralDatabase`` creates missing tables and adds missing nullable
columns to an older database. A declarative base and metadata of its own, separate from ``desktop.models``: the service runs on
its own database (SQLite by default, PostgreSQL by URL) and never shares tables with a workspace.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, LargeBinary, MetaData, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop.models.base import NAMING, Base, utcnow

CERTIFICATE_STATUSES = ("valid", "superseded", "revoked")


class CentralBase(DeclarativeBase):
    """The workspace tables' column types (``UTCDateTime``, JSON) and naming convention, in a
    metadata of the central's own."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = Base.type_annotation_map


class Facility(CentralBase):
    """A vaccination facility allowed to submit batches, with its Ministry-issued certificate."""

    __tablename__ = "facility"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    certificate_pem: Mapped[str] = mapped_column(Text)
    spki_sha256: Mapped[str] = mapped_column(String(64), index=True)  # hex, of the public key
    active: Mapped[bool] = mapped_column(default=True)
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)


class Agency(CentralBase):
    """A focal agency (Sở Y tế, CDC) allowed to sign for a set of facilities."""

    __tablename__ = "agency"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    certificate_pem: Mapped[str] = mapped_column(Text)
    spki_sha256: Mapped[str] = mapped_column(String(64), index=True)
    facilities: Mapped[list[Any]] = mapped_column(default=list)
    active: Mapped[bool] = mapped_column(default=True)
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)


class TrustedCA(CentralBase):
    """A Ministry CA whose certificates may sign batches."""

    __tablename__ = "trusted_ca"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)  # hex, of the DER
    subject: Mapped[str] = mapped_column(Text)
    certificate_pem: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class SignerRevocation(CentralBase):
    """A facility or agency certificate that may no longer sign (lost token, staff left)."""

    __tablename__ = "signer_revocation"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)  # hex, of the certificate DER
    serial: Mapped[str] = mapped_column(String(80), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    revoked_at: Mapped[datetime] = mapped_column(default=utcnow)


class Credential(CentralBase):
    """The bearer credential of a registered facility or agency: only its SHA-256 is kept."""

    __tablename__ = "credential"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)  # the facility's or agency's code
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)  # hex
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)


class Batch(CentralBase):
    """A processed batch with the exact response it got, so a replay returns the same bytes."""

    __tablename__ = "batch"

    batch_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    body_sha256: Mapped[str] = mapped_column(String(64))  # hex, canonical form of the submission
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    signer: Mapped[str] = mapped_column(String(20), index=True)
    signer_certificate_sha256: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(20))
    record_count: Mapped[int]
    issued_count: Mapped[int]
    rejected_count: Mapped[int]
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    response: Mapped[bytes] = mapped_column(LargeBinary)  # zlib(JSON of the response)
    # hex SHA-256 of the signed manifest payload: what the batch id is bound to once claimed (null on
    # batches stored before it existed, which are matched on body_sha256)
    content_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    # the facility's audit head at signing (manifest "audit_head"), its anchor outside the workspace
    audit_event_id: Mapped[int | None] = mapped_column(default=None)
    audit_hash: Mapped[str | None] = mapped_column(String(128), default=None)
    signed_at: Mapped[str | None] = mapped_column(String(40), default=None)  # the manifest's created_at


class IssuedCertificate(CentralBase):
    """One HC1 certificate. ``person_dose_key`` keeps one valid certificate per person and dose,
    ``record_key`` one per record, by unique indexes over the valid ones."""

    __tablename__ = "issued_certificate"

    uvci: Mapped[str] = mapped_column(String(80), primary_key=True)
    batch_id: Mapped[str] = mapped_column(ForeignKey("batch.batch_id"), index=True)
    leaf_index: Mapped[int]
    record_key: Mapped[str] = mapped_column(String(120), index=True)
    attestation_sha256: Mapped[str] = mapped_column(String(64))  # hex: a re-signed identical record gets this one
    facility: Mapped[str] = mapped_column(String(20), index=True)
    # HMAC of (ID number, dose number) under the service's secret: no ID numbers in this table.
    person_dose_key: Mapped[str] = mapped_column(String(64))
    hc1: Mapped[str] = mapped_column(Text)
    issued_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(20), default="valid")
    superseded_by: Mapped[str | None] = mapped_column(String(80), default=None)

    __table_args__ = (
        Index("uq_issued_certificate_valid_person_dose", "person_dose_key", unique=True,
              sqlite_where=text("status = 'valid'"), postgresql_where=text("status = 'valid'")),
        Index("ix_issued_certificate_person_dose_key", "person_dose_key"),
        # a record has one valid certificate: replicas that race on the same record cannot both issue
        Index("uq_issued_certificate_valid_record_key", "record_key", unique=True,
              sqlite_where=text("status = 'valid'"), postgresql_where=text("status = 'valid'")),
    )


class Revocation(CentralBase):
    """A published revocation (superseded by a correction, or revoked by a facility)."""

    __tablename__ = "revocation"

    uvci: Mapped[str] = mapped_column(String(80), primary_key=True)
    revoked_at: Mapped[datetime] = mapped_column(default=utcnow)
    reason: Mapped[str] = mapped_column(String(40))
    superseded_by: Mapped[str | None] = mapped_column(String(80), default=None)
    facility: Mapped[str] = mapped_column(String(20), default="")
    request_sha256: Mapped[str] = mapped_column(String(64), default="")  # of the signed request, if any


class PublishedDsc(CentralBase):
    """A Document Signer certificate the trust list publishes. Every replica adds its own when it
    starts, so replicas with a key each (and a key rotated out, whose certificates stay valid) are
    all in the list whichever replica answers."""

    __tablename__ = "published_dsc"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)  # hex, of the DER
    kid: Mapped[str] = mapped_column(String(16))  # hex, SHA-256(DER)[:8]
    certificate_pem: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
