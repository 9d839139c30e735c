"""Updates without a new installer: value sets, the vaccine table and the trust list arrive as
bundles signed by the central service, from the central (``GET /v1/updates/{kind}``) or from a
file, are verified against the key the workspace trusts, and are refused unless newer than the
version in use. Applied files live in the workspace (``updates/``, ``pki/trustlist.json``); the
certificate library reads them first (``desktop.dcc._resources.set_override``).
"""

from desktop.updates.bundle import KINDS, Bundle, kind_label, read_bundle, sign_bundle, version_key
from desktop.updates.store import activate, apply_update, trust_key, update_status

__all__ = ["KINDS", "Bundle", "activate", "apply_update", "kind_label", "read_bundle", "sign_bundle",
           "trust_key", "update_status", "version_key"]
