"""“Test connection” for the population registry: one look-up that changes nothing."""

from __future__ import annotations

import httpx

from desktop.diagnosis import Diagnosis, not_configured, unreachable
from desktop.i18n import tr


def check_registry(url: str, token: str, timeout: float = 15.0) -> Diagnosis:
    """One look-up of an ID that cannot exist: 200 or 400 means reachable, 401/403 a bad token."""
    name = tr("CSDL dân cư", "population registry")
    if not url:
        return not_configured(tr("Chưa nhập địa chỉ CSDL dân cư.", "No registry address is set."))
    body = {"requests": [{"ref": "vaxdesk-connection-test", "id_number": "000000000000"}]}
    try:
        response = httpx.post(url.rstrip("/") + "/v1/citizens:lookup", json=body, timeout=timeout,
                              headers={"Authorization": f"Bearer {token}"} if token else {})
    except httpx.HTTPError as exc:
        return unreachable(name, url, exc)
    status = response.status_code
    if status in (401, 403):
        return Diagnosis(False, "bad_token", tr(
            "CSDL dân cư từ chối mã truy cập (HTTP {status}); kiểm tra mã truy cập của cơ sở.",
            "The registry refused the access token (HTTP {status}); check the facility's token.", status=status),
            {"status": status})
    if status in (200, 400):
        return Diagnosis(True, "ok", tr("Kết nối CSDL dân cư tốt.", "The registry is reachable."), {"status": status})
    return Diagnosis(False, "unavailable", tr(
        "CSDL dân cư trả lời HTTP {status}; thử lại sau.", "The registry answered HTTP {status}; try again later.",
        status=status), {"status": status})
