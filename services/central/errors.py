"""Whole-request refusals of the central service, each with its HTTP status and stable code.

The codes are the contract in docs/central-api.md; clients (the facility's sync) act on them, so
never rename one. Per-record rejections are not errors: they are results (see ``reasons``).
"""

from __future__ import annotations

from typing import Any

from desktop.i18n import Message, tr


class CentralError(Exception):
    def __init__(self, status: int, code: str, message: Message, details: dict[str, Any] | None = None):
        super().__init__(message.en)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}

    def as_body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message.as_dict()}
        if self.details:
            error["details"] = self.details
        return {"error": error}


def bad_request(vi: str, en: str, **params: Any) -> CentralError:
    return CentralError(400, "bad_request", tr(vi, en, **params))


def unknown_signer(vi: str, en: str, **params: Any) -> CentralError:
    return CentralError(401, "unknown_signer", tr(vi, en, **params))


def signer_not_authorised(vi: str, en: str, **params: Any) -> CentralError:
    return CentralError(403, "signer_not_authorised", tr(vi, en, **params))


def certificate_invalid(vi: str, en: str, **params: Any) -> CentralError:
    return CentralError(403, "certificate_invalid", tr(vi, en, **params))


def too_large(vi: str, en: str, **params: Any) -> CentralError:
    return CentralError(413, "too_large", tr(vi, en, **params))


def bad_signature(vi: str, en: str, **params: Any) -> CentralError:
    return CentralError(422, "bad_signature", tr(vi, en, **params))


def manifest_mismatch(vi: str, en: str, **params: Any) -> CentralError:
    return CentralError(422, "manifest_mismatch", tr(vi, en, **params))
