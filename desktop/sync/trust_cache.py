"""The central service's trust list and revocation list, cached in the workspace for offline use.

The trust list is kept where every part of VaxDesk looks for it (``pki/trustlist.json``,
``desktop.dcc.trustlist.workspace_trust_list_path``), in the trust list format of
docs/certificate-format.md, with the central's revocations merged in, so verifying a certificate
works offline and flags revoked ones. The revocation list is kept as received in
``pki/revocations.json``. Files are replaced atomically.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from desktop.dcc.trustlist import TrustList, uvci_hash, workspace_trust_list_path
from desktop.sync.verify import load_trust_list_document
from desktop.workspace import Workspace

REVOCATIONS_FILE = "revocations.json"


def trust_list_path(workspace: Workspace) -> Path:
    path = workspace_trust_list_path(workspace.path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def revocations_path(workspace: Workspace) -> Path:
    return workspace.pki_dir / REVOCATIONS_FILE


def save_document(path: Path, data: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def load_trust_list(workspace: Workspace) -> TrustList:
    """The cached trust list (empty if never fetched or unreadable)."""
    data = _load(trust_list_path(workspace))
    return load_trust_list_document(data) if data is not None else TrustList()


def load_revocations(workspace: Workspace) -> list[dict[str, Any]]:
    data = _load(revocations_path(workspace))
    if isinstance(data, dict) and isinstance(data.get("revocations"), list):
        return [r for r in data["revocations"] if isinstance(r, dict) and isinstance(r.get("uvci"), str)]
    return []


def merge_revocations(workspace: Workspace, revocations: list[dict[str, Any]]) -> None:
    """Add the central's revocations to the cached trust list, so offline verification sees them."""
    path = trust_list_path(workspace)
    document = _load(path)
    if not isinstance(document, dict) or not isinstance(document.get("certificates"), list):
        return
    listed = document.setdefault("revocations", [])
    if not isinstance(listed, list):
        return
    known = {r.get("uvci") for r in listed if isinstance(r, dict)}
    known_hashes = {r.get("uvci_hash") for r in listed if isinstance(r, dict)}
    import base64

    added = False
    for entry in revocations:
        uvci = entry.get("uvci")
        if not isinstance(uvci, str) or uvci in known:
            continue
        digest = base64.b64encode(uvci_hash(uvci)).decode("ascii")
        if digest in known_hashes:
            continue
        listed.append({"uvci": uvci, "revoked_at": str(entry.get("revoked_at") or ""),
                       "reason": str(entry.get("reason") or "")})
        added = True
    if added and len(load_trust_list_document(document)):
        save_document(path, document)
