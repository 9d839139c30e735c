"""The central countersigning service over HTTP (docs/central-api.md), with failures sorted by kind.

Two kinds of failure matter to the outbox:

- ``CentralUnavailable``: nothing is known to be wrong with the batch (no network, refused
  connection, timeout, 5xx, 408/429, an answer that is not the documented JSON). Try again later.
- ``CentralRefused``: the service read the batch and refused all of it (a 4xx with the documented
  error body). Trying again will not help; a person must look at it.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx

from desktop.errors import UserError
from desktop.i18n import Message, tr

log = logging.getLogger(__name__)

TRANSIENT_STATUSES = frozenset({408, 425, 429})


class CentralUnavailable(UserError):
    """The central service could not be reached or gave no usable answer; retry later."""

    def __init__(self, message: Message, kind: str, status: int | None = None):
        super().__init__(message, code="central_unavailable", details={"kind": kind, "status": status})
        self.kind = kind
        self.status = status


class CentralRefused(UserError):
    """The central service refused a whole request with a stated reason; retrying will not help."""

    def __init__(self, message: Message, reason_code: str, status: int):
        super().__init__(message, code="central_refused", details={"reason_code": reason_code, "status": status})
        self.reason_code = reason_code
        self.status = status


class CentralClient:
    """One connection pool to one central service. Not thread-safe: one per sync run."""

    def __init__(self, base_url: str, timeout: float = 30.0, ca_file: str = "", *,
                 transport: httpx.BaseTransport | None = None):
        if not base_url:
            raise UserError(
                tr("Chưa cài đặt địa chỉ máy chủ trung ương (central_url). Hãy nhập nó trong Cài đặt.",
                   "The central service address (central_url) is not set. Enter it in Settings."),
                code="central_url_missing",
            )
        self.base_url = base_url.rstrip("/")
        verify: Any = ca_file if ca_file else True
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            verify=verify,
            transport=transport,
            headers={"Accept": "application/json", "User-Agent": "VaxDesk-sync"},
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # ------------------------------------------------------------------ endpoints

    def health(self) -> bool:
        try:
            data = self._request("GET", "/v1/health")
        except (CentralUnavailable, CentralRefused):
            return False
        return isinstance(data, dict) and data.get("status") == "ok"

    def submit_batch(self, body: bytes) -> dict[str, Any]:
        """POST a signed batch (already-encoded JSON). Returns the per-record results."""
        return self._batch_result(self._request("POST", "/v1/batches", content=body,
                                                headers={"Content-Type": "application/json"}))

    def get_batch(self, batch_id: str) -> dict[str, Any] | None:
        """The stored results of a processed batch, or None if the central never processed it."""
        try:
            data = self._request("GET", f"/v1/batches/{batch_id}")
        except CentralRefused as exc:
            if exc.status == 404:
                return None
            raise
        return self._batch_result(data)

    def trust_list(self) -> dict[str, Any]:
        data = self._request("GET", "/v1/trust-list")
        if not isinstance(data, dict):
            raise _garbage(tr("danh sách tin cậy", "trust list"))
        return data

    def revocations(self) -> dict[str, Any]:
        data = self._request("GET", "/v1/revocations")
        if not isinstance(data, dict) or not isinstance(data.get("revocations"), list):
            raise _garbage(tr("danh sách thu hồi", "revocation list"))
        return data

    # ------------------------------------------------------------------ plumbing

    @staticmethod
    def _batch_result(data: Any) -> dict[str, Any]:
        if not (isinstance(data, dict) and isinstance(data.get("batch_id"), str)
                and isinstance(data.get("results"), list)
                and all(isinstance(r, dict) for r in data["results"])):
            raise _garbage(tr("kết quả lô", "batch result"))
        return data

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException as exc:
            raise CentralUnavailable(
                tr("Máy chủ trung ương không trả lời kịp thời ({url}). Sẽ thử lại sau.",
                   "The central service did not answer in time ({url}). Will retry later.", url=self.base_url),
                kind="timeout",
            ) from exc
        except httpx.TransportError as exc:
            raise CentralUnavailable(
                tr("Không kết nối được máy chủ trung ương ({url}): mạng hoặc máy chủ đang ngừng. Sẽ thử lại sau.",
                   "Cannot reach the central service ({url}): the network or the service is down. "
                   "Will retry later.", url=self.base_url),
                kind="network",
            ) from exc
        status = response.status_code
        if status >= 500 or status in TRANSIENT_STATUSES:
            raise CentralUnavailable(
                tr("Máy chủ trung ương đang gặp sự cố (HTTP {status}). Sẽ thử lại sau.",
                   "The central service is having trouble (HTTP {status}). Will retry later.", status=status),
                kind="server_error", status=status,
            )
        try:
            data = json.loads(response.content)
        except ValueError:
            if status >= 400:
                raise CentralUnavailable(
                    tr("Máy chủ trung ương trả lời HTTP {status} không rõ lý do. Sẽ thử lại sau.",
                       "The central service answered HTTP {status} without a reason. Will retry later.",
                       status=status),
                    kind="garbage", status=status,
                ) from None
            raise _garbage(tr("câu trả lời", "answer")) from None
        if status >= 400:
            raise _refusal(data, status)
        return data


def _garbage(what: Message) -> CentralUnavailable:
    return CentralUnavailable(
        tr("Máy chủ trung ương gửi {what} không đọc được. Sẽ thử lại sau.",
           "The central service sent an unreadable {what}. Will retry later.", what=what),
        kind="garbage",
    )


def _refusal(data: Any, status: int) -> UserError:
    error = data.get("error") if isinstance(data, dict) else None
    if not isinstance(error, dict):
        return CentralUnavailable(
            tr("Máy chủ trung ương trả lời HTTP {status} không rõ lý do. Sẽ thử lại sau.",
               "The central service answered HTTP {status} without a reason. Will retry later.", status=status),
            kind="garbage", status=status,
        )
    code = str(error.get("code") or f"http_{status}")
    message = error.get("message")
    if isinstance(message, dict):
        vi, en = str(message.get("vi") or message.get("en") or code), str(message.get("en") or message.get("vi") or code)
    else:
        vi = en = str(message or code)
    return CentralRefused(
        tr("Máy chủ trung ương từ chối cả lô ({code}): {reason}",
           "The central service refused the whole batch ({code}): {reason}", code=code,
           reason=tr(vi, en)),
        reason_code=code, status=status,
    )
