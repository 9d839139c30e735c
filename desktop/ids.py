"""ID numbers in logs and messages: never in full."""

from __future__ import annotations


def mask_id(id_number: str | None) -> str:
    """Keep the first 3 and last 2 characters: enough to tell records apart, not to identify."""
    if not id_number:
        return ""
    text = str(id_number)
    if len(text) <= 5:
        return "*" * len(text)
    return text[:3] + "*" * (len(text) - 5) + text[-2:]
