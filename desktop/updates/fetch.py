"""Fetching update bundles from the central service (``GET /v1/updates/{kind}``) and applying them.

The connection is only a courier: what counts is the bundle's signature, checked against the key
the workspace trusts, so a bundle from a mirror or a USB stick is worth the same.
"""

from __future__ import annotations

import httpx

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.updates.bundle import KINDS, MAX_BUNDLE_BYTES
from desktop.updates.store import UpdateOutcome, apply_update
from desktop.workspace import Workspace


def fetch_bundle(workspace: Workspace, kind: str, central_url: str | None = None,
                 transport: httpx.BaseTransport | None = None) -> bytes | None:
    """The central's published bundle of ``kind``, or ``None`` when it has published none."""
    settings = workspace.settings
    url = (central_url or settings.get("central_url") or "").rstrip("/")
    if not url:
        raise UserError(tr("Chưa cài đặt địa chỉ máy chủ trung ương (central_url). Hãy nhập nó trong Cài đặt.",
                           "The central service address (central_url) is not set. Enter it in Settings."),
                        code="central_url_missing")
    timeout = float(settings.get("central_timeout"))
    ca_file = settings.get("central_ca_file")
    try:
        with httpx.Client(base_url=url, timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
                          verify=ca_file or True, transport=transport,
                          headers={"Accept": "application/json", "User-Agent": "VaxDesk-update"}) as client:
            response = client.get(f"/v1/updates/{kind}")
    except httpx.HTTPError as exc:
        raise UserError(tr("Không kết nối được máy chủ trung ương {url}: {err}",
                           "Cannot reach the central service {url}: {err}", url=url, err=str(exc) or type(exc).__name__),
                        code="central_unreachable") from exc
    if response.status_code == 404:
        return None
    if response.status_code != 200:
        raise UserError(tr("Máy chủ trung ương trả lời {status} khi lấy bản cập nhật {kind}.",
                           "The central service answered {status} when asked for the {kind} update.",
                           status=response.status_code, kind=kind), code="central_refused")
    if len(response.content) > MAX_BUNDLE_BYTES:
        raise UserError(tr("Bản cập nhật quá lớn.", "The update is too large."), code="update_invalid")
    return response.content


def update_from_central(workspace: Workspace, kinds: tuple[str, ...] = KINDS, actor: str = "cli",
                        central_url: str | None = None, transport: httpx.BaseTransport | None = None
                        ) -> list[UpdateOutcome]:
    """Fetch and apply each kind; one already in use is reported as current, not as an error."""
    results: list[UpdateOutcome] = []
    for kind in kinds:
        data = fetch_bundle(workspace, kind, central_url, transport)
        if data is None:
            results.append(UpdateOutcome(kind=kind, result="none_published"))
            continue
        try:
            results.append(apply_update(workspace, data, actor, source="central"))
        except UserError as exc:
            if exc.code != "update_not_newer":
                raise
            in_use = exc.details.get("in_use")
            results.append(UpdateOutcome(kind=kind, result="current", version=None if in_use is None else str(in_use)))
    return results
