"""The outcome of a "test connection": the registry's, the central service's or the token's.

Each capability tests its own connection (``registry.connection``, ``sync.connection``,
``signing.connection``); they answer in this one form, which the settings page and the
``settings test`` command show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.i18n import Message, tr


@dataclass
class Diagnosis:
    """The outcome of one connection test, in words the clerk and IT staff understand."""

    ok: bool
    code: str
    message: Message
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "code": self.code, "message": self.message.as_dict(), **self.details}


def unreachable(name: Message, url: str, exc: Exception) -> Diagnosis:
    """The service at ``url`` did not answer (refused, timed out, TLS failed)."""
    return Diagnosis(False, "unreachable", tr(
        "Không kết nối được {name} tại {url}: {err}. Kiểm tra địa chỉ và mạng.",
        "Cannot reach the {name} at {url}: {err}. Check the address and the network.",
        name=name, url=url, err=type(exc).__name__))


def not_configured(message: Message) -> Diagnosis:
    return Diagnosis(False, "not_configured", message)
