"""Each person's language is kept on their account; the workspace's language is the default."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from desktop import accounts
from desktop.audit import verify_chain
from desktop.errors import UserError
from desktop.models import AuditEvent


def test_language_is_kept_per_account_and_audited(workspace):
    accounts.create_administrator(workspace, "quantri", "quantri-123")
    accounts.add_user(workspace, "lan", "clerk", "lan-secret-9", actor="quantri")
    lan = accounts.get_user(workspace, "lan")
    assert lan.language is None
    assert accounts.language_for(workspace, lan) == workspace.settings.get("language") == "vi"
    assert accounts.set_language(workspace, "lan", "en").language == "en"
    assert accounts.get_user(workspace, "lan").language == "en"
    assert accounts.language_for(workspace, accounts.get_user(workspace, "lan")) == "en"
    assert accounts.get_user(workspace, "quantri").language is None  # only hers changed
    assert accounts.authenticate(workspace, "lan", "lan-secret-9").language == "en"
    assert accounts.get_user(workspace, "lan").as_dict()["language"] == "en"
    with pytest.raises(UserError) as err:
        accounts.set_language(workspace, "lan", "fr")
    assert err.value.code == "bad_language"
    accounts.set_language(workspace, "lan", "en")  # unchanged: nothing to record
    with workspace.db.session() as session:
        events = session.execute(select(AuditEvent).where(AuditEvent.action == "user_language_changed")).scalars().all()
        assert len(events) == 1 and events[0].entity_id == "lan"
        assert verify_chain(session).ok
    accounts.set_language(workspace, "lan", None)
    workspace.settings.set("language", "en")
    assert accounts.language_for(workspace, accounts.get_user(workspace, "lan")) == "en"  # the default again


def test_language_column_comes_with_migration_0011(workspace):
    assert not accounts.has_accounts(workspace)  # opens (and migrates) the database
    path = workspace.path / "workspace.sqlite3"
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(user_account)")}
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert "language" in columns
    assert version >= "0011"
