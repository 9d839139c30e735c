"""The central countersigning service over HTTP (docs/central-api.md), with failures sorted by kind.

Two kinds of failure matter to the outbox:

- ``CentralUnavailable``: nothing is known to be wrong with the batch (no network, refused
  connection, timeout, 5xx, 408/429, an answer that is not the documented JSON). Try again later.
- ``CentralRefused``: the service read the batch and refused all of it (a 4xx with the documented
  error body). Trying again will not help; a person must look at it.

Every request carries the facility's credential (``central_token``, issued at registration and kept
owner-only in the workspace's secrets.json) as ``Authorization: Bearer``. A 401 is
``CentralUnauthenticated``, a kind of ``CentralUnavailable``: the batches stay queued while the
setting is fixed. The credential is never logged.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import ssl
from typing import Any
from urllib.parse import quote, urlsplit

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


class CentralUnauthenticated(CentralUnavailable):
    """The central service did not accept the facility's credential (missing, wrong or replaced)."""

    def __init__(self) -> None:
        super().__init__(tr(
            "Máy chủ trung ương không chấp nhận thông tin xác thực của cơ sở (central_token): thiếu, sai hoặc đã "
            "được cấp lại. Hãy nhập thông tin mới trong Cài đặt; các lô vẫn chờ gửi.",
            "The central service did not accept the facility's credential (central_token): missing, wrong or "
            "replaced. Enter the current one in Settings; the batches stay queued."), kind="unauthenticated",
            status=401)


class CentralClient:
    """One connection pool to one central service. Not thread-safe: one per sync run."""

    @classmethod
    def for_workspace(cls, workspace: Any, *, central_url: str | None = None, timeout: float | None = None,
                      transport: httpx.BaseTransport | None = None) -> CentralClient:
        """A client with the workspace's address, TLS trust, timeout and credential."""
        settings = workspace.settings
        return cls(central_url or settings.get("central_url"),
                   float(timeout if timeout is not None else settings.get("central_timeout")),
                   settings.get("central_ca_file"), token=settings.get("central_token"), transport=transport)

    def __init__(self, base_url: str, timeout: float = 30.0, ca_file: str = "", *, token: str = "",
                 transport: httpx.BaseTransport | None = None):
        if not base_url:
            raise UserError(
                tr("Chưa cài đặt địa chỉ máy chủ trung ương (central_url). Hãy nhập nó trong Cài đặt.",
                   "The central service address (central_url) is not set. Enter it in Settings."),
                code="central_url_missing",
            )
        self.base_url = base_url.rstrip("/")
        verify: Any = True
        if ca_file:  # only this CA (a file, or a folder of hashed certificates)
            verify = (ssl.create_default_context(capath=ca_file) if os.path.isdir(ca_file)
                      else ssl.create_default_context(cafile=ca_file))
        if not ca_file and urlsplit(self.base_url).scheme.lower() != "https":
            # Plain HTTP (127.0.0.1, a test service) needs no trust store, and loading the system's
            # costs ~0.1 s of CPU per run; a context that trusts nothing refuses any TLS connection.
            verify = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            verify=verify,
            transport=transport,
            headers={"Accept": "application/json", "User-Agent": "VaxDesk-sync",
                     **({"Authorization": f"Bearer {token}"} if token else {})},
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
            data = self._request("GET", f"/v1/batches/{quote(batch_id, safe='')}")
        except CentralRefused as exc:
            if exc.status == 404:
                return None
            raise
        return self._batch_result(data)

    def fetch_anchors(self) -> list[dict[str, Any]]:
        """The audit anchors the central holds for this facility's signed batches, by event id:
        ``[{"batch_id", "event_id", "hash", "signed_at"}]``."""
        data = self._request("GET", "/v1/anchors")
        anchors = data.get("anchors") if isinstance(data, dict) else None
        if not isinstance(anchors, list) or not all(
                isinstance(a, dict) and isinstance(a.get("event_id"), int) and isinstance(a.get("hash"), str)
                and isinstance(a.get("batch_id"), str) for a in anchors):
            raise _garbage(tr("danh sách mốc nhật ký", "audit anchor list"))
        return sorted(anchors, key=lambda a: a["event_id"])

    def certificate_status(self, uvci: str) -> dict[str, Any] | None:
        """The central's status of one of this facility's certificates, or None if it knows none."""
        try:
            data = self._request("GET", f"/v1/certificates/{quote(uvci, safe='')}")
        except CentralRefused as exc:
            if exc.status == 404:
                return None
            raise
        if not isinstance(data, dict) or not isinstance(data.get("status"), str):
            raise _garbage(tr("trạng thái chứng nhận", "certificate status"))
        return data

    def post_revocation(self, signed: bytes) -> dict[str, Any]:
        """``POST /v1/revocations`` with a revocation signed by the token; the revocation the
        central holds (an earlier correction may have superseded the certificate first)."""
        body = {"revocation": base64.b64encode(signed).decode("ascii")}
        data = self._request("POST", "/v1/revocations", json=body)
        if not isinstance(data, dict) or not isinstance(data.get("uvci"), str):
            raise _garbage(tr("xác nhận thu hồi", "revocation receipt"))
        return data

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
        if status == 401 and _error_code(response) == "unauthenticated":
            raise CentralUnauthenticated()
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


def _error_code(response: httpx.Response) -> str | None:
    try:
        error = json.loads(response.content).get("error")
    except (ValueError, AttributeError):
        return None
    return error.get("code") if isinstance(error, dict) else None


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
