"""Signing: a signed batch and its records' proofs can never be changed or deleted.

The database itself refuses it (triggers), so no code path — ours, a script, a later feature — can
alter what the facility signed. The batch's ``state`` (sent, countersigned …) stays writable for sync.

Revision ID: 0004
Revises: 0003
"""

from alembic import op
import sqlalchemy as sa  # noqa: F401

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SIGNED_COLUMNS = ("id", "created_at", "created_by", "facility_code", "on_behalf_of", "record_count", "merkle_root",
                  "algorithm", "manifest", "token_serial", "certificate_sha256", "kind")
RECORD_COLUMNS = ("record_id", "batch_id", "leaf_index", "attestation", "proof")
MESSAGE = "signed batches are immutable"


JSON_COLUMNS = ("on_behalf_of", "proof")


def _changed(columns: tuple[str, ...], distinct: str, cast: str = "") -> str:
    """OLD.c differs from NEW.c for any column (JSON compared as text where JSON has no equality)."""
    def side(prefix: str, c: str) -> str:
        return f"{prefix}.{c}{cast}" if c in JSON_COLUMNS else f"{prefix}.{c}"
    return " OR ".join(f"{side('OLD', c)} {distinct} {side('NEW', c)}" for c in columns)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(f"CREATE TRIGGER signing_batch_no_update BEFORE UPDATE ON signing_batch "
                   f"WHEN {_changed(SIGNED_COLUMNS, 'IS NOT')} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
        op.execute(f"CREATE TRIGGER signing_batch_no_delete BEFORE DELETE ON signing_batch "
                   f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
        op.execute(f"CREATE TRIGGER signed_record_no_update BEFORE UPDATE ON signed_record "
                   f"WHEN {_changed(RECORD_COLUMNS, 'IS NOT')} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
        op.execute(f"CREATE TRIGGER signed_record_no_delete BEFORE DELETE ON signed_record "
                   f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
    elif dialect == "postgresql":
        op.execute(f"CREATE FUNCTION vaxdesk_signed_immutable() RETURNS trigger LANGUAGE plpgsql AS "
                   f"$$ BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$")
        op.execute("CREATE TRIGGER signing_batch_no_update BEFORE UPDATE ON signing_batch FOR EACH ROW "
                   f"WHEN ({_changed(SIGNED_COLUMNS, 'IS DISTINCT FROM', '::text')}) "
                   "EXECUTE FUNCTION vaxdesk_signed_immutable()")
        op.execute("CREATE TRIGGER signing_batch_no_delete BEFORE DELETE ON signing_batch FOR EACH ROW "
                   "EXECUTE FUNCTION vaxdesk_signed_immutable()")
        op.execute("CREATE TRIGGER signed_record_no_update BEFORE UPDATE ON signed_record FOR EACH ROW "
                   f"WHEN ({_changed(RECORD_COLUMNS, 'IS DISTINCT FROM', '::text')}) "
                   "EXECUTE FUNCTION vaxdesk_signed_immutable()")
        op.execute("CREATE TRIGGER signed_record_no_delete BEFORE DELETE ON signed_record FOR EACH ROW "
                   "EXECUTE FUNCTION vaxdesk_signed_immutable()")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, kind in (("signing_batch", "update"), ("signing_batch", "delete"), ("signed_record", "update"),
                        ("signed_record", "delete")):
        name = f"{table}_no_{kind}"
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if dialect == "postgresql" else ""))
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS vaxdesk_signed_immutable()")
