"""“Test connection” for the central countersigning service: its health answer, nothing sent."""

from __future__ import annotations

import httpx

from desktop.diagnosis import Diagnosis, not_configured, unreachable
from desktop.i18n import tr


def check_central(url: str, ca_file: str = "", timeout: float = 30.0) -> Diagnosis:
    """``GET /v1/health`` must answer ``{"status": "ok"}``."""
    name = tr("hệ thống trung ương", "central service")
    if not url:
        return not_configured(tr("Chưa nhập địa chỉ hệ thống trung ương.", "No central service address is set."))
    try:
        response = httpx.get(url.rstrip("/") + "/v1/health", timeout=timeout, verify=ca_file or True)
        data = response.json() if response.status_code == 200 else {}
    except (httpx.HTTPError, ValueError, OSError) as exc:
        return unreachable(name, url, exc)
    if response.status_code == 200 and isinstance(data, dict) and data.get("status") == "ok":
        return Diagnosis(True, "ok", tr("Kết nối hệ thống trung ương tốt.", "The central service is reachable."),
                         {"status": 200})
    return Diagnosis(False, "unavailable", tr(
        "Hệ thống trung ương trả lời HTTP {status}; thử lại sau hoặc kiểm tra địa chỉ.",
        "The central service answered HTTP {status}; try again later or check the address.",
        status=response.status_code), {"status": response.status_code})
