"""Certificates: indexes for finding certificates by day of issue and listing them by state
(valid, new = never printed, expiring, expired) from the index alone.

Revision ID: 0006
Revises: 0005
"""

from alembic import op
import sqlalchemy as sa  # noqa: F401

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_certificate_issued_at", "certificate", ["issued_at"], unique=False)
    op.create_index("ix_certificate_state", "certificate", ["status", "printed_count", "expires_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_certificate_state", table_name="certificate")
    op.drop_index("ix_certificate_issued_at", table_name="certificate")
