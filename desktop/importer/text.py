"""Text as lists deliver it, made comparable: NFC, single spaces, Vietnamese title case, folded forms.

Lists arrive composed (UniKey), decomposed (Windows' Vietnamese keyboard, macOS, Windows-1258
files, which carry tone marks as combining characters) and with non-breaking spaces copied from
web pages; every cell goes through ``clean`` before anything else looks at it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NEUTRALISED = ("=", "+", "-", "@")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x00C0, 0x1F00):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        if base != char and base.isascii():
            table[code] = base
    table[ord("Đ")] = "D"
    table[ord("đ")] = "d"
    table[ord("Ð")] = "D"
    return table


_FOLD = _build_fold_table()


def clean(value: object) -> str:
    """A cell as text: NFC, invisible characters removed, all runs of whitespace (NBSP too) as one space."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text:
        return text
    if not text.isascii():
        text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    text = " ".join(text.split())
    if text[:1] == "'" and text[1:2] in _NEUTRALISED:
        text = text[1:]  # a cell our own export neutralised, coming back
    return text


def fold(text: str) -> str:
    """Lower case without marks, Đ→d: "Nguyễn Văn Đức" → "nguyen van duc" (search and comparison)."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFC", text).translate(_FOLD)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return text.lower()


def _title_word(word: str) -> str:
    parts = word.split("-")
    return "-".join(p[:1].upper() + p[1:].lower() for p in parts)


@lru_cache(maxsize=8192)
def _title_word_cached(word: str) -> str:
    return _title_word(word)


def title_name(text: str) -> str:
    """Vietnamese names in title case, word by word: "NGUYỄN thị hồng" → "Nguyễn Thị Hồng".

    ``str.title`` would also capitalise after apostrophes and inside words with marks in NFD;
    here only the first letter of each word (and of each hyphenated part) is upper case.
    """
    return " ".join(_title_word_cached(w) for w in text.split(" ") if w)


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
        if value.isalnum() and value.isascii():  # type: ignore[union-attr]
            return value  # type: ignore[return-value]  # letters and digits only: nothing to clean
        if value.isascii():  # type: ignore[union-attr]
            text = " ".join(value.split())  # type: ignore[union-attr]
            if text[:1] == "'" and text[1:2] in _NEUTRALISED:
                text = text[1:]
            return text
        return clean(value)
    if value is None:
        return ""
    return clean(value_text(value))
