"""The command line's password check, started before the database layer is loaded.

Signing in costs one Argon2id check, and a command's start costs mostly the loading of SQLAlchemy
and the models; the two need not wait for each other. ``start_password_check`` reads the account's
hash from the workspace's SQLite file with the standard library (read only, one query) and starts the
check on a thread (``passwords.check_early``); the sign-in then proceeds as always
(``users.authenticate`` reads the account in its own transaction, counts failures, locks and audits) and
takes the early result only for the very hash it reads. An unknown name is checked against the
stand-in hash, as the sign-in does. On PostgreSQL, or when anything here fails, nothing is started.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from typing import TYPE_CHECKING
from urllib.parse import quote

from desktop.accounts.names import username_key
from desktop.accounts.passwords import check_early

if TYPE_CHECKING:
    from desktop.workspace import Workspace


def start_password_check(workspace: Workspace, username: str, password: str) -> bool:
    """Start the check of ``password`` for ``username`` on a thread; whether one was started."""
    database = workspace.path / "workspace.sqlite3"
    if workspace.database_url != f"sqlite:///{database}" or not database.is_file():
        return False
    name = username_key(username)
    try:
        with closing(sqlite3.connect(f"file:{quote(str(database))}?mode=ro", uri=True, timeout=0.1)) as conn:
            row = conn.execute("SELECT password_hash FROM user_account WHERE username = ?", (name,)).fetchone()
    except sqlite3.Error:
        return False
    check_early(str(row[0]) if row is not None and row[0] else None, password)
    return True
