"""Where the certificate library finds its data files (schema, value sets, vaccine table).

The application reads only its own ``resources/`` folder, never ``../shared``: a facility's
installation has no shared folder beside it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def resources_dir() -> Path:
    """``resources/`` of the source tree, or of a frozen build (PyInstaller's ``_MEIPASS``)."""
    frozen = getattr(sys, "_MEIPASS", None)
    base = Path(frozen) if frozen else Path(__file__).resolve().parents[2]
    return base / "resources"


def load_json(*parts: str) -> Any:
    with open(resources_dir().joinpath(*parts), encoding="utf-8") as fh:
        return json.load(fh)
