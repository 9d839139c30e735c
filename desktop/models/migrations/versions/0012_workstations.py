"""Several workstations on one database: record versions, claims with leases, change notices.

``vaccination_record.version`` starts at 1 and goes up by one with every change to the record, by
whatever code makes it: a trigger raises it on every UPDATE that sets one of the record's columns
(not ``version`` itself), so a clerk's decision can say which version it was taken on and a stale
one is refused (``desktop/review/decisions.py``).

``record_claim`` holds which workstation is working on a record and until when (the registry check
claims its records first, so two checks share them; ``desktop/registry/check.py``). A claim past
``claimed_until`` is free again: a workstation that died does not hold its records for ever.

On PostgreSQL every statement that inserts, changes or deletes records notifies the channel
``vaxdesk_records`` (LISTEN/NOTIFY, delivered at commit), so the other workstations' windows refresh
(``desktop/changes.py``). SQLite has no notices: the watcher polls there.

A later migration that rebuilds ``vaccination_record`` on SQLite (batch mode) must create the trigger
again, and one that adds a record column must add it to the trigger's column list.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

from desktop.models.base import UTCDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

CHANNEL = "vaxdesk_records"
# every column of vaccination_record a change may set (all but id and version)
RECORD_COLUMNS = (
    "list_id", "source_ref", "source_row", "facility_code", "full_name", "name_folded", "date_of_birth", "sex",
    "id_number", "id_kind", "nationality", "phone", "insurance_number", "province_code", "district_code",
    "ward_code", "vaccine_name", "vaccine_mp", "vaccine_ma", "vaccine_vp", "lot", "dose_number", "dn", "sd",
    "vaccination_date", "flags", "check_status", "checked_at", "registry_values", "differences", "decision",
    "decision_reason", "stage", "batch_id", "central_reason", "supersedes_record_id", "created_at", "updated_at",
)


def upgrade() -> None:
    op.add_column("vaccination_record",
                  sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")))
    op.create_table(
        "record_claim",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("claimed_by", sa.String(length=200), nullable=False),
        sa.Column("claimed_until", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["vaccination_record.id"], ondelete="CASCADE",
                                name=op.f("fk_record_claim_record_id_vaccination_record")),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_record_claim")),
    )
    columns = ", ".join(RECORD_COLUMNS)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(f"CREATE TRIGGER vaccination_record_version AFTER UPDATE OF {columns} ON vaccination_record "  # noqa: S608
                   "FOR EACH ROW WHEN NEW.version = OLD.version "
                   "BEGIN UPDATE vaccination_record SET version = OLD.version + 1 WHERE id = NEW.id; END")
    elif dialect == "postgresql":
        op.execute("CREATE FUNCTION vaxdesk_record_version() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$ BEGIN IF NEW.version = OLD.version THEN NEW.version := OLD.version + 1; END IF; "
                   "RETURN NEW; END $$")
        op.execute(f"CREATE TRIGGER vaccination_record_version BEFORE UPDATE OF {columns} ON vaccination_record "
                   "FOR EACH ROW EXECUTE FUNCTION vaxdesk_record_version()")
        op.execute("CREATE FUNCTION vaxdesk_records_changed() RETURNS trigger LANGUAGE plpgsql AS "
                   f"$$ BEGIN PERFORM pg_notify('{CHANNEL}', TG_OP); RETURN NULL; END $$")
        op.execute(f"CREATE TRIGGER vaccination_record_changed AFTER INSERT OR DELETE OR UPDATE OF {columns} "
                   "ON vaccination_record FOR EACH STATEMENT EXECUTE FUNCTION vaxdesk_records_changed()")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS vaccination_record_changed ON vaccination_record")
        op.execute("DROP TRIGGER IF EXISTS vaccination_record_version ON vaccination_record")
        op.execute("DROP FUNCTION IF EXISTS vaxdesk_records_changed()")
        op.execute("DROP FUNCTION IF EXISTS vaxdesk_record_version()")
    else:
        op.execute("DROP TRIGGER IF EXISTS vaccination_record_version")
    op.drop_table("record_claim")
    with op.batch_alter_table("vaccination_record") as batch:
        batch.drop_column("version")
