"""Indexes the certificates capability adds to the shared ``certificate`` table (migration 0006).

Declared here too so that the models' metadata matches the migrated schema.
"""

from __future__ import annotations

from sqlalchemy import Index

from desktop.models.certificates import Certificate

ISSUED_AT_INDEX = Index("ix_certificate_issued_at", Certificate.issued_at)
STATUS_EXPIRES_INDEX = Index("ix_certificate_status_expires_at", Certificate.status, Certificate.expires_at)
