"""Where the certificate library finds its data files (schema, value sets, vaccine table).

The application reads only its own ``resources/`` folder, never ``../shared``: a facility's
installation has no shared folder beside it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Where a workspace's applied updates (value sets, vaccine table) are read from first; set by
# ``desktop.updates`` for the open workspace. It returns a file for the given parts, or None.
_override: Callable[[tuple[str, ...]], Path | None] | None = None


def set_override(resolver: Callable[[tuple[str, ...]], Path | None] | None) -> None:
    global _override
    _override = resolver


def resources_dir() -> Path:
    """``resources/`` of the source tree, or of a frozen build (PyInstaller's ``_MEIPASS``)."""
    frozen = getattr(sys, "_MEIPASS", None)
    base = Path(frozen) if frozen else Path(__file__).resolve().parents[2]
    return base / "resources"


def load_json(*parts: str) -> Any:
    path = (_override(parts) if _override is not None else None) or resources_dir().joinpath(*parts)
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)
