"""ID numbers: what a CCCD's digits say about its holder, and ID numbers in logs (never in full).

A 12-digit personal ID (CCCD) reads ``PPP G YY RRRRRR``: PPP the province where the birth was
registered (001–096), G century and sex, YY the last two digits of the year of birth, then six
digits with no meaning. G is even for men and odd for women, and counts centuries from 1900:
0/1 the 1900s, 2/3 the 2000s, 4/5 the 2100s (and on: 6/7, 8/9 for centuries still to come).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

CCCD = re.compile(r"^[0-9]{12}$")
CMND = re.compile(r"^[0-9]{9}$")


def mask_id(id_number: str | None) -> str:
    """Keep the first 3 and last 2 characters: enough to tell records apart, not to identify."""
    if not id_number:
        return ""
    text = str(id_number)
    if len(text) <= 5:
        return "*" * len(text)
    return text[:3] + "*" * (len(text) - 5) + text[-2:]


def cccd_province_ok(number: str) -> bool:
    """The first three digits are a province code (001–096)."""
    return 1 <= int(number[:3]) <= 96


def cccd_century_sex(digit: int) -> tuple[int, str]:
    """(first year of the century, "M" or "F") that a CCCD's 4th digit encodes."""
    return 1900 + 100 * (digit // 2), ("M" if digit % 2 == 0 else "F")


def cccd_century_digit(year: int, sex: str) -> int:
    """The 4th digit of the CCCD of someone born in ``year``: ``cccd_century_sex`` the other way."""
    return 2 * ((year - 1900) // 100) + (0 if sex == "M" else 1)


@lru_cache(maxsize=4096)
def cccd_digit_disagreements(digits: str, sex: str, year: str) -> tuple[str, ...]:
    """What of sex and birth year disagrees with a CCCD's digits G YY (its 4th–6th digits).

    ``year`` is the birth date's first four characters (may be empty). The answer is a subset of
    ("sex", "century", "year") in that order: "century" when G's century is not the birth year's, or
    is still to come; "year" when YY are not the birth year's last two digits.
    """
    century, id_sex = cccd_century_sex(int(digits[0]))
    problems = []
    if sex in ("M", "F") and sex != id_sex:
        problems.append("sex")
    known = len(year) == 4 and year.isdigit()
    if (known and int(year) // 100 * 100 != century) or century > dt.date.today().year:
        problems.append("century")
    if known and digits[1:3] != year[2:]:
        problems.append("year")
    return tuple(problems)


def cccd_inconsistency(id_number: str | None, sex: str | None, date_of_birth: str | None) -> list[str]:
    """``cccd_digit_disagreements`` for a whole record; any number that is not 12 digits has none."""
    if not id_number or not CCCD.match(id_number):
        return []
    return list(cccd_digit_disagreements(id_number[3:6], sex or "", (date_of_birth or "")[:4]))
