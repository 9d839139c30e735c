"""One index fewer to build on every imported record: ``ix_vaccination_record_source_ref``.

No query of the program looks records up by their platform id alone: the records table's search
matches it inside an ``OR`` with a name match anywhere in the name (``LIKE '%…%'``), which no index
serves, so that search reads the list order index whatever the other terms are; de-duplication reads
the keys of every record once, not per row. Sorting the records table by platform id now sorts like
sorting by any other column without its own index. The index cost every import one more sort of all
its records.

Revision ID: 0013
Revises: 0012
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_vaccination_record_source_ref", table_name="vaccination_record")


def downgrade() -> None:
    op.create_index("ix_vaccination_record_source_ref", "vaccination_record", ["source_ref"], unique=False)
