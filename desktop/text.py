"""Text made comparable, one rule each: NFC, tidy spacing, folded forms, Vietnamese title case.

Names arrive composed (UniKey), decomposed (Windows' Vietnamese keyboard, macOS, Windows-1258
files, which carry tone marks as combining characters) and with non-breaking or zero-width
characters copied from web pages. Everything that stores, searches or compares a name uses these.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Made on first use: a command that folds no name does not pay for it."""
    table: dict[int, str] = {}
    for code in range(0x00C0, 0x1F00):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        if base != char and base.isascii():
            table[code] = base
    for char in "ĐÐ":
        table[ord(char)] = "D"
    for char in "đð":
        table[ord(char)] = "d"
    return table


def nfc(text: str | None) -> str:
    """The composed form, so that "ễ" typed either way is the same string."""
    return unicodedata.normalize("NFC", text or "")


def tidy(value: object) -> str:
    """Text as stored: NFC, invisible characters removed, every run of whitespace (NBSP too) one space."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    return " ".join(text.split())


def fold(text: str | None) -> str:
    """Lower case without marks, Đ→d, single spaces: "Nguyễn  Văn Đức" → "nguyen van duc".

    The form names are searched and compared in; stored ``name_folded`` columns hold it.
    """
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_fold_table())
        if not text.isascii():
            text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(text.lower().split())


@lru_cache(maxsize=8192)
def _title_word(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def title_name(text: str) -> str:
    """Vietnamese names in title case, word by word: "NGUYỄN thị hồng" → "Nguyễn Thị Hồng".

    ``str.title`` would also capitalise after apostrophes and inside words with marks in NFD;
    here only the first letter of each word (and of each hyphenated part) is upper case.
    """
    return " ".join(_title_word(w) for w in text.split(" ") if w)
