"""The GUI-thread stall watch tells work on the GUI thread (CPU) from waiting (wall only), and names the code."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from tests.gui.stall import StallWatch

pytestmark = pytest.mark.gui


def busy_for(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_work_counts_as_cpu_and_waiting_as_wall_only(qtbot):
    watch = StallWatch().start()
    qtbot.wait(30)
    QTimer.singleShot(0, lambda: busy_for(0.060))
    qtbot.wait(150)
    QTimer.singleShot(0, lambda: time.sleep(0.080))
    qtbot.wait(150)
    watch.stop()
    report = watch.report()
    assert report["beats"] > 20
    assert 0.055 <= watch.worst_cpu < 0.5  # the 60 ms of work, between two beats
    assert watch.worst_wall >= 0.075  # the sleep held the loop as long, with no CPU
    assert report["beats_over_30ms_cpu"] == 1
    assert report["beats_over_30ms_wall"] >= 2
    assert any("busy_for" in stack for stack in report["late_stacks"])
    assert any("<lambda>" in stack and "busy_for" not in stack for stack in report["late_stacks"])  # the sleep
