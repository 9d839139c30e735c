"""Vaccine names from Vietnamese lists -> EU DCC codes, and dose numbering.

The table is ``resources/vaccines.json``. A name matches only when it equals one of a vaccine's
listed names after normalisation (case, accents, spaces, hyphens, punctuation, a leading
"vắc xin"/"vaccine"); anything else is unknown and returned as None, never guessed — a
wrong vaccine on a passport is worse than a row the clerk must fix.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from desktop.dcc._resources import load_json
from desktop.errors import UserError
from desktop.i18n import tr

TARGET_COVID19 = "840539006"

_LEADING_WORD = re.compile(r"^(?:vac\s*xin|vaccine|vaccin)\b\s*")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Vaccine:
    key: str
    display: str
    mp: str
    ma: str
    vp: str
    primary_series_doses: int
    names: tuple[str, ...]
    tg: str = TARGET_COVID19


def normalise_vaccine_name(name: str) -> str:
    """"Vắc xin Pfizer-BioNTech" -> "pfizerbiontech": the form names are compared in."""
    text = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))  # also folds full-width
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().strip()
    text = _LEADING_WORD.sub("", text)
    return _NOT_ALNUM.sub("", text)


@cache
def all_vaccines() -> tuple[Vaccine, ...]:
    data = load_json("vaccines.json")
    return tuple(
        Vaccine(key=row["key"], display=row["display"], mp=row["mp"], ma=row["ma"], vp=row["vp"],
                primary_series_doses=int(row["primary_series_doses"]), names=tuple(row["names"]))
        for row in data["vaccines"]
    )


@cache
def _by_normalised_name() -> dict[str, Vaccine]:
    index: dict[str, Vaccine] = {}
    for vaccine in all_vaccines():
        for name in (*vaccine.names, vaccine.key, vaccine.mp):
            key = normalise_vaccine_name(name)
            other = index.setdefault(key, vaccine)
            if other is not vaccine:
                raise ValueError(f"vaccines.json: {name!r} names both {other.key} and {vaccine.key}")
    return index


def lookup_vaccine(name: str) -> Vaccine | None:
    """The vaccine a list calls ``name``, or None when the name is not in the table."""
    key = normalise_vaccine_name(name or "")
    return _by_normalised_name().get(key) if key else None


def dose_fields(dose_number: int, total_series: int | None = None) -> tuple[int, int]:
    """(dn, sd) for the ``dose_number``-th dose a person received (EU eHN dose-numbering rule).

    ``total_series`` is the number of doses of the person's primary series (2 for most vaccines,
    1 for Janssen, 3 for Abdala; default 2). A primary-series dose is ``n/total`` (1/2, 2/2, 1/1);
    a booster after a complete primary series is ``n/n`` (3/3 after two doses, 2/2 after
    Janssen, 4/4 for a second booster). See docs/certificate-format.md.
    """
    total = 2 if total_series is None else total_series
    if isinstance(dose_number, bool) or not isinstance(dose_number, int) or dose_number < 1:
        raise UserError(tr("Số mũi tiêm phải là số nguyên từ 1 trở lên, không phải \"{value}\".",
                           "The dose number must be a whole number from 1, not \"{value}\".", value=dose_number),
                        code="dose_number_invalid")
    if isinstance(total, bool) or not isinstance(total, int) or total < 1:
        raise ValueError(f"total_series must be a positive integer, not {total_series!r}")
    if dose_number <= total:
        return dose_number, total
    return dose_number, dose_number
