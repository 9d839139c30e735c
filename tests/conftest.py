"""Strict tests: no display needed, Qt warnings fail GUI tests, every test gets its own workspace.

Password hashes are Argon2id at its lowest cost in the test process (the production parameters cost ~0.3 s of
CPU per sign-in and dominated the suite); tests marked ``production_password_hash`` keep the real parameters.
A hash of either cost verifies under the other, so workspaces are shared freely with ``main.py`` subprocesses.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_DATA_HOME", "/tmp/vaxdesk-test-xdg")


@pytest.fixture
def workspace(tmp_path):
    from desktop.workspace import Workspace

    ws = Workspace.open(tmp_path / "ws")
    ws.settings.set("facility_code", "01001")
    ws.settings.set("facility_name", "Bệnh viện Bạch Mai")
    ws.settings.save()
    yield ws
    ws.close()


@pytest.fixture(scope="session", autouse=True)
def _quick_password_hashes():
    """Yields the production hasher of ``desktop.accounts.passwords`` while the quick one stands in for it."""
    from argon2 import PasswordHasher, Type

    from desktop.accounts import passwords

    production = passwords._HASHER
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, hash_len=32,
                                                           salt_len=16, type=Type.ID))
        passwords._dummy_hash.cache_clear()
        yield production
    passwords._dummy_hash.cache_clear()


@pytest.fixture(autouse=True)
def _production_password_hash(request, _quick_password_hashes):
    if request.node.get_closest_marker("production_password_hash") is None:
        yield
        return
    from desktop.accounts import passwords

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "_HASHER", _quick_password_hashes)
        passwords._dummy_hash.cache_clear()
        yield
    passwords._dummy_hash.cache_clear()


_FRESH_MIGRATION = {"on": False}


@pytest.fixture(scope="session", autouse=True)
def _migrated_schema(tmp_path_factory):
    """A new SQLite workspace database starts as a copy of one migrated here, by the real migrations, once.

    The migrations create tables, indexes and triggers and no rows, so the copy is what they would make; tests
    marked ``fresh_migration`` run them on their own new database as the program does.
    """
    from desktop.db import Database

    template = tmp_path_factory.mktemp("schema") / "workspace.sqlite3"
    database = Database(f"sqlite:///{template}")
    database.migrate()
    database.dispose()
    schema = template.read_bytes()
    migrate = Database.migrate

    def migrate_from_copy(self):
        path = Path(self.url.removeprefix("sqlite:///")) if self.url.startswith("sqlite:///") else None
        if (path is not None and path.is_absolute() and not _FRESH_MIGRATION["on"]
                and (not path.exists() or path.stat().st_size == 0)
                and not any(path.with_name(path.name + s).exists() for s in ("-wal", "-journal"))):
            fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
            try:
                os.write(fd, schema)
            finally:
                os.close(fd)
        migrate(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Database, "migrate", migrate_from_copy)
        yield


@pytest.fixture(autouse=True)
def _fresh_migration(request, _migrated_schema):
    _FRESH_MIGRATION["on"] = request.node.get_closest_marker("fresh_migration") is not None
    yield
    _FRESH_MIGRATION["on"] = False


@pytest.fixture(autouse=True)
def _language_reset():
    from desktop.i18n import set_language

    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture(autouse=True)
def _no_dangling_threads(request):
    """A test must stop the threads it starts (the shared executors of the window are exempt)."""
    before = {t.ident for t in threading.enumerate()}
    yield
    if request.node.get_closest_marker("allow_threads"):
        return
    leftover = [
        t for t in threading.enumerate()
        if t.ident not in before and t.is_alive() and not t.daemon
        and not t.name.startswith(("vaxdesk-db", "vaxdesk-work", "vaxdesk-token", "asyncio", "ThreadPoolExecutor"))
    ]
    assert not leftover, f"threads left running: {[t.name for t in leftover]}"
