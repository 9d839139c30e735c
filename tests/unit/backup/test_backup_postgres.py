"""A workspace on PostgreSQL: backed up with pg_dump, restored with pg_restore into a new database."""

from __future__ import annotations

import pytest
from backup_factory import PASSPHRASE
from sqlalchemy import create_engine, text
from sync_factory import FacilityKey, make_records, sign_batch

from desktop.backup import create_backup, restore_backup, verify_backup
from desktop.errors import UserError
from desktop.workspace import Workspace
from tests.pg import POSTGRES, postgres_database, scratch_database  # noqa: F401 - pg_url fixture

pytestmark = [pytest.mark.integration, *POSTGRES]
TABLES = ("vaccination_record", "signing_batch", "signed_record", "outbox_item", "audit_event", "user_account")


def rows(url: str) -> dict[str, list]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1"))] for t in TABLES}  # noqa: S608
    finally:
        engine.dispose()


def test_postgres_round_trip(pg_url, tmp_path):
    ws = Workspace.open(tmp_path / "ws")
    ws.settings.set("facility_code", "01001")
    ws.settings.set("database_url", pg_url)
    ws.settings.save()
    sign_batch(ws.db, make_records(ws.db, 5), FacilityKey.generate("01001"))
    before = rows(pg_url)
    made = create_backup(ws, PASSPHRASE, tmp_path / "backups")
    ws.close()
    assert made.database == "postgresql" and made.counts["records"] == 5
    assert verify_backup(made.file, PASSPHRASE).audit_chain == {"checked": False}

    with pytest.raises(UserError) as err:
        restore_backup(made.file, PASSPHRASE, tmp_path / "new")
    assert err.value.code == "restore_needs_database_url"
    with pytest.raises(UserError) as err:
        restore_backup(made.file, PASSPHRASE, tmp_path / "new", database_url=pg_url)
    assert err.value.code == "restore_database_not_empty" and not (tmp_path / "new").exists()

    with scratch_database("backup_target") as target:
        result = restore_backup(made.file, PASSPHRASE, tmp_path / "new", database_url=target)
        assert result["counts"] == made.counts and result["audit_chain"]["ok"]
        after = rows(target)
        for table in TABLES:
            if table == "audit_event":
                assert after[table][:len(before[table])] == before[table]
            else:
                assert after[table] == before[table], table
        assert Workspace(tmp_path / "new").settings.get("database_url") == target
