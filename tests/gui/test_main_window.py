"""The window opens on a workspace with one page per stage."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_main_window_opens(qtbot, workspace):
    from desktop.views.app import build_main_window

    window = build_main_window(workspace, actor="lan")
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith("VaxDesk")
    assert window.nav.count() == len(window.pages)
