"""Audit log: events can be appended, never changed or deleted.

The database itself refuses UPDATE and DELETE on ``audit_event`` (and TRUNCATE on PostgreSQL), as
migration 0004 does for signed batches. There is deliberately no exception: a purge of personal data
never needs to touch an event, because events keep personal values only as keyed hashes.

Revision ID: 0008
Revises: 0007
"""

from alembic import op
import sqlalchemy as sa  # noqa: F401

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

MESSAGE = "audit events are append-only"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for kind in ("update", "delete"):
            op.execute(f"CREATE TRIGGER audit_event_no_{kind} BEFORE {kind.upper()} ON audit_event "
                       f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END")
    elif dialect == "postgresql":
        op.execute("CREATE FUNCTION vaxdesk_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                   f"$$ BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$")
        for kind in ("update", "delete"):
            op.execute(f"CREATE TRIGGER audit_event_no_{kind} BEFORE {kind.upper()} ON audit_event FOR EACH ROW "
                       "EXECUTE FUNCTION vaxdesk_audit_append_only()")
        op.execute("CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT "
                   "EXECUTE FUNCTION vaxdesk_audit_append_only()")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for kind in ("update", "delete", "truncate"):
        if kind == "truncate" and dialect != "postgresql":
            continue
        op.execute(f"DROP TRIGGER IF EXISTS audit_event_no_{kind}" + (" ON audit_event" if dialect == "postgresql" else ""))
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS vaxdesk_audit_append_only()")
