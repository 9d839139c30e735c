"""``scripts/demo.sh`` run twice: the second launch rebuilds nothing, reaches the sign-in window and
stops the services it started."""

from __future__ import annotations

import os
import socket
import time

import pytest

from benchmarks.demo_launch import _HOOK, launch

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def _listening(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_a_later_launch_reuses_the_demo_workspace(tmp_path):
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(_HOOK)
    ws = tmp_path / "VaxDesk-demo"
    launch(ws, hook, people=40, setup=False)
    built = {p: p.stat().st_mtime_ns for p in (ws / "demo.json", ws / "demo.env", ws / "softhsm2.conf")}
    ports = [int(p) for p in (ws / "demo.env").read_text().split()[:2]]
    seconds = launch(ws, hook, people=40, setup=False)
    assert {p: p.stat().st_mtime_ns for p in built} == built, "a later launch rebuilt the demo"
    assert seconds < 60
    deadline = time.monotonic() + 10
    while any(_listening(p) for p in ports) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_listening(p) for p in ports), "the demo services outlived the window"
    assert os.access(ws / "logs" / "central.out", os.R_OK)
