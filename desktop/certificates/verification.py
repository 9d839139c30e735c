"""Check a certificate someone shows: an HC1 string or a photo/scan of its QR, offline.

The trust list is the one sync last cached from the central service (``trust/trust-list.json``,
the same document the central serves), with the revocation list cached next to it; a trust list
file named by the clerk can be used instead. Foreign EU certificates verify when their signer's
certificate is in the trust list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.dcc.hc1 import VerificationResult, verify_hc1
from desktop.dcc.qr import read_qr_text
from desktop.dcc.trust_import import foreign_trust_path, load_foreign
from desktop.dcc.trustlist import TrustList, workspace_trust_list_path
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.printing.form import CertificateForm, form_from_dcc
from desktop.workspace import Workspace


@dataclass(frozen=True)
class TrustSource:
    trust_list: TrustList | None
    path: str  # where it came from ("" when there is none)
    certificates: int
    revocations: int
    imported: int = 0  # of ``certificates``, how many came from other publishers (trust import)


@dataclass(frozen=True)
class Verdict:
    """What the verify page and ``verify`` show: the verdict, each problem, the decoded content."""

    text: str
    result: VerificationResult
    form: CertificateForm | None
    source: TrustSource

    def as_dict(self) -> dict[str, Any]:
        return {**self.result.as_dict(), "trust_list": self.source.path,
                "form": {k: v for k, v in self.form.__dict__.items() if k != "hc1"} if self.form else None}


def load_trust(workspace: Workspace | None, path: str | Path | None = None) -> TrustSource:
    """The trust list to verify with: ``path`` if given, else the workspace's cached one (or none)."""
    candidates = [Path(path)] if path else _cached_paths(workspace)
    foreign = load_foreign(workspace.path) if workspace is not None and not path else None
    for candidate in candidates:
        if candidate.is_file():
            trust = TrustList.load(candidate)
            if workspace is not None and not path:
                _add_cached_revocations(workspace, trust)
            imported = trust.merge(foreign) if foreign is not None else 0
            return TrustSource(trust, str(candidate), len(trust), len(trust.revocations), imported)
    if foreign is not None:
        return TrustSource(foreign, str(foreign_trust_path(workspace.path)), len(foreign),  # type: ignore[union-attr]
                           len(foreign.revocations), len(foreign))
    return TrustSource(None, "", 0, 0)


def _cached_paths(workspace: Workspace | None) -> list[Path]:
    if workspace is None:
        return []
    paths = []
    try:
        from desktop.sync.trust_cache import trust_list_path

        paths.append(trust_list_path(workspace))
    except ImportError:
        pass
    paths.append(workspace_trust_list_path(workspace.path))
    return paths


def _add_cached_revocations(workspace: Workspace, trust: TrustList) -> None:
    try:
        from desktop.sync.trust_cache import load_revocations
    except ImportError:
        return
    for entry in load_revocations(workspace):
        if not trust.is_revoked(entry["uvci"]):
            trust.revoke(entry["uvci"], str(entry.get("reason") or "revoked"), _time(entry.get("revoked_at")))


def _time(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def verify_text(text: str, source: TrustSource, now: datetime | None = None) -> Verdict:
    text = (text or "").strip()
    if not text:
        raise UserError(tr("Hãy dán chuỗi HC1 hoặc mở ảnh mã QR.", "Paste an HC1 string or open a picture of the QR."),
                        code="nothing_to_verify")
    result = verify_hc1(text, source.trust_list, now=now)
    form = form_from_dcc(text, result.dcc) if isinstance(result.dcc, dict) and result.dcc.get("v") else None
    return Verdict(text, result, form, source)


def verify_image(path: str | Path, source: TrustSource, now: datetime | None = None) -> Verdict:
    """Read the QR from a photo or scan (zxing-cpp), then verify its text."""
    return verify_text(read_qr_text(path), source, now)
