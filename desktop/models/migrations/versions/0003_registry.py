"""record_difference: one row per difference of a record, to filter and count the review queue by kind

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "record_difference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=10), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["vaccination_record.id"],
                                name=op.f("fk_record_difference_record_id_vaccination_record"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_difference")),
    )
    with op.batch_alter_table("record_difference", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_record_difference_record_id"), ["record_id"], unique=False)
        batch_op.create_index("ix_record_difference_kind", ["field", "kind", "record_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("record_difference", schema=None) as batch_op:
        batch_op.drop_index("ix_record_difference_kind")
        batch_op.drop_index(batch_op.f("ix_record_difference_record_id"))
    op.drop_table("record_difference")
