"""Checks that need no registry: is the ID number well formed, and does a CCCD agree with the record?

A 12-digit personal ID (CCCD) reads ``PPP G YY RRRRRR``: G encodes century and sex (1900s: 0 male,
1 female; 2000s: 2/3; 2100s: 4/5) and YY the last two digits of the birth year. A record whose sex
or year of birth disagrees with those digits carries a difference ``id: inconsistent``.
"""

from __future__ import annotations

import re

CCCD = re.compile(r"^[0-9]{12}$")
CMND = re.compile(r"^[0-9]{9}$")
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


def cccd_century_sex(digit: int) -> tuple[int, str] | None:
    """(first year of the century, sex) encoded by a CCCD's 4th digit; None for digits 6-9."""
    if 0 <= digit <= 5:
        return 1900 + 100 * (digit // 2), ("M" if digit % 2 == 0 else "F")
    return None


def cccd_inconsistency(id_number: str, sex: str, date_of_birth: str) -> list[str]:
    """What of the record disagrees with a 12-digit ID: a subset of ["sex", "year"]; [] when consistent.

    Non-CCCD numbers are never inconsistent. Digits 6-9 in the century position fit no year at all.
    """
    if not CCCD.match(id_number or ""):
        return []
    problems = []
    decoded = cccd_century_sex(int(id_number[3]))
    year = date_of_birth[:4] if date_of_birth and date_of_birth[:4].isdigit() else None
    if decoded is None:
        return ["sex", "year"]
    century, id_sex = decoded
    if sex in ("M", "F") and sex != id_sex:
        problems.append("sex")
    if year is not None and int(year) != century + int(id_number[4:6]):
        problems.append("year")
    return problems
