"""Finding people: indexes on the compact phone and insurance numbers and on the vaccine.

Revision ID: 0009
Revises: 0008
"""

from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

PHONE_DIGITS_SQL = ("replace(replace(replace(replace(replace(replace("
                    "phone, ' ', ''), '.', ''), '-', ''), '+', ''), '(', ''), ')', '')")
INSURANCE_COMPACT_SQL = "upper(replace(insurance_number, ' ', ''))"


def upgrade() -> None:
    op.create_index("ix_record_phone_digits", "vaccination_record", [sa.text(PHONE_DIGITS_SQL)], unique=False)
    op.create_index("ix_record_insurance_compact", "vaccination_record", [sa.text(INSURANCE_COMPACT_SQL)],
                    unique=False)
    op.create_index("ix_record_vaccine_mp", "vaccination_record", ["vaccine_mp"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_record_vaccine_mp", table_name="vaccination_record")
    op.drop_index("ix_record_insurance_compact", table_name="vaccination_record")
    op.drop_index("ix_record_phone_digits", table_name="vaccination_record")
