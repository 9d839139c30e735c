"""Indexes for a workspace of a million records: the Overview's counts from one index.

``ix_record_overview`` holds every column the Overview groups by (list, vaccination day, stage, check
status, decision, batch), so its counts walk that index in order instead of every record row. It starts with ``list_id``, so it
also serves every look-up by list and the list order of the records table, and replaces
``ix_vaccination_record_list_id`` (one index fewer to keep up on each imported record).
``ix_record_list_order`` is the records table's own order (newest list first, then by row), so a page
of it, or all of it, is read in order instead of sorting every record on each call.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

COLUMNS = ["list_id", "vaccination_date", "stage", "check_status", "decision", "batch_id"]


def upgrade() -> None:
    with op.batch_alter_table("vaccination_record", schema=None) as batch_op:
        batch_op.create_index("ix_record_overview", COLUMNS, unique=False)
        batch_op.drop_index("ix_vaccination_record_list_id")
        batch_op.create_index("ix_record_list_order", [sa.text("list_id DESC"), "source_row"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("vaccination_record", schema=None) as batch_op:
        batch_op.drop_index("ix_record_list_order")
        batch_op.create_index("ix_vaccination_record_list_id", ["list_id"], unique=False)
        batch_op.drop_index("ix_record_overview")
