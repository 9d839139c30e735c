"""Kinds of failure, so one presenter can treat each right.

``UserError``: something the user can fix (bad file, wrong PIN, registry down); shown plainly.
``Cancelled``: the user stopped the work; never shown as an error.
Anything else is a bug: the window shows the crash dialog, the command line a short notice.
"""

from __future__ import annotations

from typing import Any

from desktop.i18n import Message, tr


class UserError(Exception):
    """A refusal with a clear, bilingual reason and a stable machine code."""

    def __init__(self, message: Message | str, code: str = "refused", details: dict[str, Any] | None = None):
        if isinstance(message, str):
            message = tr(message, message)
        super().__init__(message.en)
        self.message = message
        self.code = code
        self.details = details or {}

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message.as_dict(), **({"details": self.details} if self.details else {})}

    def __str__(self) -> str:
        return str(self.message)


class Cancelled(Exception):
    """The user cancelled; whatever was in progress has been rolled back."""
