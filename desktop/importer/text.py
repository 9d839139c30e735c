"""Cells as lists deliver them: every cell goes through ``clean`` before anything else looks at it.

The text rules themselves (NFC, spacing, folding, title case) live in ``desktop.text``.
"""

from __future__ import annotations

import re

from desktop.text import fold, tidy

_NEUTRALISED = ("=", "+", "-", "@")


def clean(value: object) -> str:
    """A cell as text: ``tidy`` (NFC, invisible characters removed, single spaces), export quoting undone."""
    text = tidy(value)
    if text[:1] == "'" and text[1:2] in _NEUTRALISED:
        text = text[1:]  # a cell our own export neutralised, coming back
    return text


_HINT = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"[^0-9a-z#]+")


def header_key(text: object) -> str:
    """A header cell reduced to its meaning: "Giới tính (*)\\n(0:nam, 1:nữ)" → "gioi tinh"."""
    folded = fold(clean(value_text(text)))
    folded = _HINT.sub(" ", folded).replace("(*)", " ").replace("*", " ")
    return " ".join(_NON_WORD.sub(" ", folded).split())


def value_text(value: object) -> str:
    """A cell value as the clerk sees it: whole floats without ".0" (calamine returns numbers as floats)."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    return value if isinstance(value, str) else str(value)


def cell_text(value: object) -> str:
    """``clean(value_text(value))`` with a fast path for the common plain-ASCII cell."""
    if value.__class__ is str:
        if value.isalnum() and value.isascii():
            return value  # letters and digits only: nothing to clean
        if value.isascii():
            text = " ".join(value.split())
            if text[:1] == "'" and text[1:2] in _NEUTRALISED:
                text = text[1:]
            return text
        return clean(value)
    if value is None:
        return ""
    return clean(value_text(value))
