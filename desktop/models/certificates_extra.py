"""Indexes the certificates capability adds to the shared ``certificate`` table (migration 0006).

Declared here too so that the models' metadata matches the migrated schema.
"""

from __future__ import annotations

from sqlalchemy import Index

from desktop.models.certificates import Certificate

ISSUED_AT_INDEX = Index("ix_certificate_issued_at", Certificate.issued_at)
STATE_INDEX = Index("ix_certificate_state", Certificate.status, Certificate.printed_count, Certificate.expires_at)
