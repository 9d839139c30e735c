"""Updates without a new installer: value sets, the vaccine table and the trust list arrive as
bundles signed by the central service, from the central (``GET /v1/updates/{kind}``) or from a
file, are verified against the key the workspace trusts, and are refused unless newer than the
version in use. Applied files live in the workspace (``updates/``, ``pki/trustlist.json``); the
certificate library reads them first (``desktop.dcc._resources.set_override``).
"""

from __future__ import annotations

import importlib
from typing import Any

_NAMES = {
    "KINDS": "bundle", "Bundle": "bundle", "kind_label": "bundle", "read_bundle": "bundle", "sign_bundle": "bundle",
    "version_key": "bundle", "activate": "store", "apply_update": "store", "trust_key": "store",
    "update_status": "store", "UpdateStatus": "store", "KindInUse": "store", "UpdateOutcome": "store",
}

__all__ = sorted(_NAMES)


def __getattr__(name: str) -> Any:  # loaded on first use: opening a workspace imports this package
    if name not in _NAMES:
        raise AttributeError(name)
    return getattr(importlib.import_module(f"desktop.updates.{_NAMES[name]}"), name)
