"""One translation helper for every user-visible string.

Messages are written bilingually at the place they are raised (Vietnamese first, English second),
so a message can never exist in one language only, and the same ``Message`` renders in the clerk's
language on screen and in either language in a report or the command line's JSON.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("vi", "en")
_state = threading.local()
_default_language = "vi"


def set_language(language: str) -> None:
    """Set the process-wide language ("vi" or "en")."""
    global _default_language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _default_language = language


def current_language() -> str:
    return getattr(_state, "language", None) or _default_language


@dataclass(frozen=True)
class Message:
    """A bilingual message with its placeholders still open until rendered."""

    vi_template: str
    en_template: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, language: str | None = None) -> str:
        template = self.vi_template if (language or current_language()) == "vi" else self.en_template
        params = {k: (v.render(language) if isinstance(v, Message) else v) for k, v in self.params.items()}
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return template

    @property
    def vi(self) -> str:
        return self.render("vi")

    @property
    def en(self) -> str:
        return self.render("en")

    def as_dict(self) -> dict[str, str]:
        return {"vi": self.vi, "en": self.en}

    def __str__(self) -> str:
        return self.render()


def tr(vi: str, en: str, **params: Any) -> Message:
    """Return a bilingual message; ``str(message)`` renders it in the current language."""
    return Message(vi, en, params)


def format_number(value: int | float, language: str | None = None) -> str:
    """Format a number as the clerk reads it (Vietnamese: 1.234.567,5; English: 1,234,567.5)."""
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
    if (language or current_language()) == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_date(iso: str | None) -> str:
    """Show an ISO date (full or partial) as dd/mm/yyyy, mm/yyyy or yyyy."""
    if not iso:
        return ""
    parts = iso[:10].split("-")
    return "/".join(reversed(parts))


def format_datetime_local(value: Any) -> str:
    """Show a moment as the clerk's local time, dd/mm/yyyy HH:mm.

    ``value`` is a ``datetime`` (naive ones are UTC, as the database stores them) or an ISO 8601
    string ("2021-09-01T08:30:00Z", "...+00:00"); an empty value shows as "", text that is not a
    moment is shown unchanged.
    """
    from datetime import UTC, datetime

    if value is None or value == "":
        return ""
    moment: datetime
    if isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return value
    elif isinstance(value, datetime):
        moment = value
    else:
        return str(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")
