"""Checks that need no registry: is the ID number well formed?

Whether a CCCD's digits agree with the record's sex and year of birth is ``desktop.ids``'s rule; a
record where they disagree carries the difference ``id: inconsistent`` (``compare.id_differences``).
"""

from __future__ import annotations

import re

from desktop.ids import CCCD, CMND

# Vietnamese and most foreign passports: one or two letters then 6-8 digits (e.g. C1234567, B7654321)
PASSPORT = re.compile(r"^[A-Z]{1,2}[0-9]{6,8}$")
# Foreigners: any 6-9 character passport number of capital letters and digits (ICAO 9303 document number)
FOREIGN_PASSPORT = re.compile(r"^[A-Z0-9]{6,9}$")


def normalise_id(id_number: str | None) -> str:
    """Upper-case, without spaces, dots or dashes people type inside numbers."""
    return re.sub(r"[\s.\-]", "", str(id_number or "")).upper()


def id_kind(id_number: str, nationality: str = "VN") -> str | None:
    """``cccd``, ``cmnd``, ``passport``, or None when the number cannot be any of them."""
    if CCCD.match(id_number):
        return "cccd"
    if (nationality or "VN").upper() != "VN" and FOREIGN_PASSPORT.match(id_number):
        return "passport"  # foreigners hold no CMND: a 9-digit number is their passport's
    if CMND.match(id_number):
        return "cmnd"
    if PASSPORT.match(id_number):
        return "passport"
    return None


def invalid_reason(id_number: str, nationality: str = "VN") -> tuple[str, str] | None:
    """Why the ID cannot be a CCCD/CMND/passport number, in (Vietnamese, English); None when it can."""
    if not id_number:
        return ("thiếu số CMND/CCCD/hộ chiếu", "the ID number is missing")
    if id_kind(id_number, nationality) is not None:
        return None
    if id_number.isdigit():
        return (f"số định danh có {len(id_number)} chữ số (cần 12, hoặc 9 với CMND cũ)",
                f"the ID number has {len(id_number)} digits (12 expected, or 9 for an old CMND)")
    return ("số định danh chứa ký tự không hợp lệ", "the ID number contains characters that are not allowed")
