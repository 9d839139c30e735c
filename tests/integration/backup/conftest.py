"""The real central service of the sync integration tests, for backup and restore."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from tests.integration.sync.conftest import central, central_template, file_facility, ws  # noqa: E402, F401
