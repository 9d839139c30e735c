"""The PyInstaller build: a self-contained folder whose program runs ``--version``, ``demo`` and
``users list`` with no Python of the system (installer/build_linux.sh does the smoke test).

About two minutes on a developer machine; marked ``slow``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from tests.helpers import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.integration]


def test_linux_build_runs_version_and_demo(tmp_path):
    pytest.importorskip("PyInstaller")
    if not sys.platform.startswith("linux"):
        pytest.skip("the Linux build; Windows is built as installer/WINDOWS.md says")
    env = {**os.environ, "VAXDESK_BUILD_DIR": str(tmp_path / "dist"), "PYTHON": sys.executable}
    started = time.monotonic()
    result = subprocess.run(["bash", str(ROOT / "installer" / "build_linux.sh")], capture_output=True, text=True,
                            env=env, timeout=900)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "built: VaxDesk " in result.stdout
    assert "accounts: ['administrator', 'automation', 'clerk', 'signer']" in result.stdout
    assert "not bundled: nothing" in result.stdout  # every capability made it into the build
    assert "smoke test passed" in result.stdout
    app = tmp_path / "dist" / "vaxdesk"
    assert (app / "vaxdesk").is_file()
    internal = app / "_internal"
    assert (internal / "resources" / "i18n" / "qtbase_vi.qm").is_file()
    assert (internal / "resources" / "icons" / "vaxdesk.svg").is_file()
    assert (internal / "desktop" / "models" / "migrations" / "versions").is_dir()
    print(f"build and smoke test took {elapsed:.0f} s")
