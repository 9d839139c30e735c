"""Names on a certificate: Vietnamese name order and ICAO 9303 transliteration.

A DCC carries each name twice: as written (``fn``/``gn``, NFC so that composed and decomposed
input compare equal) and standardised for machines and border officers (``fnt``/``gnt``,
ICAO Doc 9303 Part 3: only A–Z and the filler ``<``).

The transliteration maps the letters ICAO lists explicitly *before* removing diacritics, because
several letters have no Unicode decomposition: "Đ" (U+0110) would otherwise vanish and
"Nguyễn Văn Đức" would become a mangled name — a failure seen in a peer system, which deleted
every non-A–Z letter and printed ``NGUY<N<V<N<C``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from desktop.errors import UserError
from desktop.i18n import tr

MAX_STANDARDISED_LENGTH = 80
FILLER = "<"

# ICAO 9303 Part 3 transliteration of multinational Latin characters, where it differs from
# "drop the diacritic", plus the letters without a Unicode decomposition. Upper case only: the
# text is upper-cased first (which already turns ß into SS).
_ICAO_LETTERS = {
    "Ä": "AE", "Ö": "OE", "Ü": "UE", "Å": "AA", "Æ": "AE", "Ø": "OE", "Œ": "OE", "ẞ": "SS",
    "Þ": "TH", "Ĳ": "IJ", "Đ": "D", "Ð": "D", "Ħ": "H", "Ł": "L", "Ŀ": "L", "Ŧ": "T", "Ŋ": "N",
}
# Hyphen-like characters become a filler like spaces do (ICAO: "hyphens ... replaced by <").
_HYPHENS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d")
_FILLER_RUN = re.compile("<{2,}")


def normalise_name(text: str) -> str:
    """NFC, single spaces, no leading or trailing space: the form stored and printed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def split_vietnamese_name(full_name: str) -> tuple[str, str]:
    """("Nguyễn", "Thị Hồng Nhung") from "Nguyễn Thị Hồng Nhung": family name (họ) first.

    Vietnamese order puts the family name first and everything after it (middle names such as
    Văn/Thị, then the given name) is ``gn``. Do not use this for names written in Western
    order; pass family and given names separately instead.
    """
    words = normalise_name(full_name).split(" ")
    if words == [""]:
        raise UserError(tr("Họ tên đang để trống.", "The full name is empty."), code="name_empty")
    return words[0], " ".join(words[1:])


@lru_cache(maxsize=16384)
def icao_transliterate(text: str) -> str:
    """ICAO 9303 standardised form: "Nguyễn Thị Hồng Nhung" -> "NGUYEN<THI<HONG<NHUNG".

    Upper-case, map the ICAO letters (Đ→D, Ä→AE, Ö→OE, Ü→UE, ß→SS, Å→AA, Æ→AE, Ø→OE, …), strip
    diacritics, turn spaces and hyphens into one ``<``, drop apostrophes and every other character,
    and cut to 80 characters. Characters of non-Latin scripts are dropped, so the result may be
    empty; callers must treat an empty result as "cannot be transliterated".

    Memoised per name part: family and middle names repeat across a batch (Nguyễn, Văn, Thị), and
    the result depends on the text alone.
    """
    upper = unicodedata.normalize("NFC", text).upper()
    mapped = "".join(_ICAO_LETTERS.get(ch, ch) for ch in upper)
    kept = []
    for ch in unicodedata.normalize("NFD", mapped):
        if "A" <= ch <= "Z":
            kept.append(ch)
        elif ch.isspace() or ch in _HYPHENS:
            kept.append(FILLER)
        # combining marks, apostrophes, dots, digits and other scripts are dropped
    standardised = _FILLER_RUN.sub(FILLER, "".join(kept)).strip(FILLER)
    return truncate_standardised(standardised)


def truncate_standardised(name: str, limit: int = MAX_STANDARDISED_LENGTH) -> str:
    """Cut a standardised name to ``limit`` characters without leaving a trailing filler.

    ICAO truncates at the end of the name; a name must never end in ``<`` after the cut, or the
    last component would read as an empty one.
    """
    if len(name) <= limit:
        return name
    return name[:limit].rstrip(FILLER)
