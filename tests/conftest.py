"""Strict tests: no display needed, Qt warnings fail GUI tests, every test gets its own workspace."""

from __future__ import annotations

import os
import threading

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
