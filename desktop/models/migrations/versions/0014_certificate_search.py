"""Certificate search over a million certificates: substring indexes and the state indexes.

Names and UVCIs are searched by substring (every word of the query anywhere in the folded name, the
tail of a UVCI read off a printout). A B-tree cannot serve ``LIKE '%word%'``; a trigram index can:

- SQLite: ``certificate_search``, an FTS5 table with the ``trigram`` tokenizer over ``name_folded``
  and ``uvci``, external content (``content='certificate'``: it stores only the index, not a second
  copy of the text), kept by triggers on every insert, update and delete of a certificate. The search
  asks it for the candidates of each word of three or more characters, newest first, and still checks
  every word with LIKE, so the answer is exactly the LIKE answer.
- PostgreSQL: GIN ``pg_trgm`` indexes on the same two columns, which serve ``LIKE '%word%'`` as
  written, when the extension can be created; without it the search stays a LIKE scan.

``ix_certificate_valid_expiry`` (status, expires_at) serves the "expiring" and "expired" filters as a
range. ``ix_record_supersedes`` (partial: only corrections) lets marking superseded certificates,
done before every print, start from the few corrected records instead of every valid certificate.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_FTS_TRIGGERS = {
    "certificate_search_ai": "AFTER INSERT ON certificate BEGIN "
    "INSERT INTO certificate_search(rowid, name_folded, uvci) VALUES (new.id, new.name_folded, new.uvci); END",
    "certificate_search_ad": "AFTER DELETE ON certificate BEGIN "
    "INSERT INTO certificate_search(certificate_search, rowid, name_folded, uvci) "
    "VALUES ('delete', old.id, old.name_folded, old.uvci); END",
    "certificate_search_au": "AFTER UPDATE OF name_folded, uvci ON certificate BEGIN "
    "INSERT INTO certificate_search(certificate_search, rowid, name_folded, uvci) "
    "VALUES ('delete', old.id, old.name_folded, old.uvci); "
    "INSERT INTO certificate_search(rowid, name_folded, uvci) VALUES (new.id, new.name_folded, new.uvci); END",
}


def upgrade() -> None:
    bind = op.get_bind()
    op.create_index("ix_certificate_valid_expiry", "certificate", ["status", "expires_at"], unique=False)
    corrected = sa.text("supersedes_record_id IS NOT NULL")
    op.create_index("ix_record_supersedes", "vaccination_record", ["supersedes_record_id"], unique=False,
                    sqlite_where=corrected, postgresql_where=corrected)
    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE certificate_search USING fts5(name_folded, uvci, "
                   "content='certificate', content_rowid='id', tokenize='trigram', detail='column')")
        op.execute("INSERT INTO certificate_search(certificate_search) VALUES ('rebuild')")
        for name, body in _FTS_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
        return
    available = bind.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").first()
    if available is None:
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE INDEX ix_certificate_name_trgm ON certificate USING gin (name_folded gin_trgm_ops)")
    op.execute("CREATE INDEX ix_certificate_uvci_trgm ON certificate USING gin (uvci gin_trgm_ops)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in _FTS_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS certificate_search")
    else:
        op.execute("DROP INDEX IF EXISTS ix_certificate_uvci_trgm")
        op.execute("DROP INDEX IF EXISTS ix_certificate_name_trgm")
    op.drop_index("ix_record_supersedes", table_name="vaccination_record")
    op.drop_index("ix_certificate_valid_expiry", table_name="certificate")
