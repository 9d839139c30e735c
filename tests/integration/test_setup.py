"""What scripts/setup.sh installs is enough for a real window."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def test_qt_xcb_platform_plugin_finds_every_library():
    """Qt's own error names only the last missing library; ldd names them all."""
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    assert plugin.exists()
    if not shutil.which("ldd"):
        pytest.fail("ldd is part of Debian's libc-bin")
    done = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True)
    missing = sorted({line.split()[0] for line in done.stdout.splitlines() if "not found" in line})
    assert missing == [], f"scripts/setup.sh must install the Debian packages providing {missing}"

