"""Opening a workspace whose database an older VaxDesk wrote says so before the migrations run (they can
take minutes), in the log and to whoever asks ``needs_update``; a new workspace is not announced."""

from __future__ import annotations

import logging

import pytest

from desktop.workspace import UPDATING, Workspace


def older_workspace(path) -> Workspace:
    """A workspace whose database stopped at migration 0013."""
    from alembic import command
    from alembic.config import Config

    from desktop.db import MIGRATIONS

    workspace = Workspace.open(path)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = workspace.db.engine
    command.downgrade(config, "0013")
    workspace.close()
    return Workspace.open(path)


def test_a_new_workspace_needs_no_update(tmp_path, caplog):
    workspace = Workspace.open(tmp_path / "ws")
    try:
        assert not workspace.needs_update()
        with caplog.at_level(logging.INFO, logger="vaxdesk.workspace"):
            workspace.db  # noqa: B018 - the first use makes the database
        assert UPDATING.en not in caplog.text
        assert not workspace.needs_update()
    finally:
        workspace.close()


@pytest.mark.fresh_migration
def test_an_older_database_is_announced_and_updated(tmp_path, caplog):
    workspace = older_workspace(tmp_path / "ws")
    try:
        assert workspace.needs_update()
        with caplog.at_level(logging.INFO, logger="vaxdesk.workspace"):
            with workspace.db.session() as session:
                assert session.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar() > "0013"
        assert UPDATING.en in caplog.text and "updated in" in caplog.text
        assert not workspace.needs_update()
    finally:
        workspace.close()
    again = Workspace.open(tmp_path / "ws")
    try:
        assert not again.needs_update()
    finally:
        again.close()
