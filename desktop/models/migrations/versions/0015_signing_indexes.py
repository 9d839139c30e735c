"""PostgreSQL: a signed record is entered in five indexes fewer; proofs kept as the text signing wrote.

Signing changes a record's ``stage`` and ``batch_id``, both indexed, so PostgreSQL writes the signed
record as a new row version with an entry in every index of the table (no HOT update). Two of those
indexes only ever serve questions about records that are not signed yet, three others about
records that are certified; on PostgreSQL they become partial, so the new row version of a signed
(matched) record has no entry in them:

- ``ix_record_state`` (check status, stage) holds the records whose check status is not ``matched``:
  the registry check looks for ``unchecked`` records, the review queue for ``mismatch``,
  ``not_found`` and ``invalid_id``, the records table's status filter for one of those. A status
  that is ``matched`` is most records, read in list order without this index anyway.
- ``ix_vaccination_record_batch_id`` holds the records without a batch: every query of the program
  on that column asks ``batch_id IS NULL`` (ready to sign, the review queue, the registry check);
  signing batches are never deleted, so no foreign-key check looks records up by batch.

Three indexes serve only the certificates' search by phone, insurance number and vaccine
(``ix_record_phone_digits``, ``ix_record_insurance_compact``, ``ix_record_vaccine_mp``, migration 0009):
it looks for certificates, and a record has one only once it is certified, after which its stage
never goes back to ``loaded`` or ``signed``. On PostgreSQL they hold the records past those two
stages, and the search repeats that condition; importing, checking and signing write no entry in them.

The trigger that raises ``version`` (migration 0012) is called only when the statement leaves
``version`` as it was (``WHEN``), as its function already decided: a signing ``UPDATE`` that sets
the version itself no longer calls it for every record.

``signed_record.proof`` is ``text`` on PostgreSQL, as on SQLite: the JSON text signing writes is kept as
written, where a ``json`` column parsed every proof of a batch again (5,000 proofs of 13 hashes, a
tenth of the server's work of storing a batch). The proof's form is checked where it is read
(``desktop/sync/store.py``). The immutability trigger of migration 0004 is made again over the column.

SQLite is left as it is: it rewrites only the index entries whose columns changed, and its planner
uses a partial index only for a query that repeats the index's condition literally (the program's
queries bind their values as parameters).

Revision ID: 0015
Revises: 0014
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# every column of vaccination_record a change may set (all but id and version): migration 0012's list
RECORD_COLUMNS = (
    "list_id", "source_ref", "source_row", "facility_code", "full_name", "name_folded", "date_of_birth", "sex",
    "id_number", "id_kind", "nationality", "phone", "insurance_number", "province_code", "district_code",
    "ward_code", "vaccine_name", "vaccine_mp", "vaccine_ma", "vaccine_vp", "lot", "dose_number", "dn", "sd",
    "vaccination_date", "flags", "check_status", "checked_at", "registry_values", "differences", "decision",
    "decision_reason", "stage", "batch_id", "central_reason", "supersedes_record_id", "created_at", "updated_at",
)
STATE_WHERE = "check_status <> 'matched'"
BATCH_WHERE = "batch_id IS NULL"
CERTIFIED_WHERE = "stage NOT IN ('loaded', 'signed')"
# the certificates' search indexes of migration 0009
SEARCH_INDEXES = {
    "ix_record_phone_digits": "replace(replace(replace(replace(replace(replace("
                              "phone, ' ', ''), '.', ''), '-', ''), '+', ''), '(', ''), ')', '')",
    "ix_record_insurance_compact": "upper(replace(insurance_number, ' ', ''))",
    "ix_record_vaccine_mp": "vaccine_mp",
}


# migration 0004's trigger: a signed record's columns never change (JSON compared as text)
SIGNED_RECORD_COLUMNS = ("record_id", "batch_id", "leaf_index", "attestation", "proof")
SIGNED_RECORD_TRIGGER = (
    "CREATE TRIGGER signed_record_no_update BEFORE UPDATE ON signed_record FOR EACH ROW WHEN ("
    + " OR ".join(f"OLD.{c}{'::text' if c == 'proof' else ''} IS DISTINCT FROM NEW.{c}{'::text' if c == 'proof' else ''}"
                  for c in SIGNED_RECORD_COLUMNS)
    + ") EXECUTE FUNCTION vaxdesk_signed_immutable()"
)


def _proof_type(kind: str) -> None:
    op.execute("DROP TRIGGER signed_record_no_update ON signed_record")
    op.execute(f"ALTER TABLE signed_record ALTER COLUMN proof TYPE {kind} USING proof::{kind}")
    op.execute(SIGNED_RECORD_TRIGGER)


def _version_trigger(when: str) -> None:
    op.execute("DROP TRIGGER IF EXISTS vaccination_record_version ON vaccination_record")
    op.execute(f"CREATE TRIGGER vaccination_record_version BEFORE UPDATE OF {', '.join(RECORD_COLUMNS)} "
               f"ON vaccination_record FOR EACH ROW {when}EXECUTE FUNCTION vaxdesk_record_version()")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_record_state")
    op.execute(f"CREATE INDEX ix_record_state ON vaccination_record (check_status, stage) WHERE {STATE_WHERE}")
    op.execute("DROP INDEX ix_vaccination_record_batch_id")
    op.execute(f"CREATE INDEX ix_vaccination_record_batch_id ON vaccination_record (batch_id) WHERE {BATCH_WHERE}")
    for name, expression in SEARCH_INDEXES.items():
        op.execute(f"DROP INDEX {name}")
        op.execute(f"CREATE INDEX {name} ON vaccination_record (({expression})) WHERE {CERTIFIED_WHERE}")
    _version_trigger("WHEN (NEW.version = OLD.version) ")
    _proof_type("text")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _proof_type("json")
    _version_trigger("")
    for name, expression in SEARCH_INDEXES.items():
        op.execute(f"DROP INDEX {name}")
        op.execute(f"CREATE INDEX {name} ON vaccination_record (({expression}))")
    op.execute("DROP INDEX ix_vaccination_record_batch_id")
    op.execute("CREATE INDEX ix_vaccination_record_batch_id ON vaccination_record (batch_id)")
    op.execute("DROP INDEX ix_record_state")
    op.execute("CREATE INDEX ix_record_state ON vaccination_record (check_status, stage)")
