"""Cell values → the record's forms: dates, sex, ID numbers, dose numbers, nationality.

Each parser returns the normalised value or raises ``BadValue`` with a code; the row reader turns
that into a bilingual message naming row, column and value. The rules are documented in
docs/importing.md; the tests pin each of them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.ids import cccd_province_ok
from desktop.importer.text import cell_text
from desktop.text import fold

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01, after Excel's phantom 1900-02-29
FIRST_YEAR = 1900
MAX_DOSE = 10


class BadValue(ValueError):
    def __init__(self, code: str, **params: object):
        super().__init__(code)
        self.code = code
        self.params = params


# ---------------------------------------------------------------- dates
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_MY = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
_YEAR = re.compile(r"^\d{4}$")
_SERIAL = re.compile(r"^\d{1,7}(?:[.,]\d+)?$")
_SHORT_YEAR = re.compile(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}$")


def _iso(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError as exc:
        raise BadValue("bad_date") from exc


def _from_serial(number: float) -> str:
    whole = int(number)
    if whole < 1 or whole > 2958465:
        raise BadValue("bad_date")
    if whole < 60:  # Excel counts a 29 February 1900 that never was; serials before it are one day off
        whole += 1
    return (EXCEL_EPOCH + dt.timedelta(days=whole)).isoformat()


@lru_cache(maxsize=16384)
def parse_date(value: object, partial_ok: bool) -> str:
    """ISO date (or "YYYY" / "YYYY-MM" when ``partial_ok``) from any form a list uses.

    Text: dd/mm/yyyy, d/m/yyyy (also with "." or "-"), yyyy-mm-dd, mm/yyyy, yyyy. Numbers: a whole
    number between 1900 and this year is a year of birth; any other number is an Excel serial.
    Spreadsheet date cells arrive as date/datetime objects.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        raise BadValue("bad_date")
    if isinstance(value, (int, float)):
        if float(value).is_integer() and FIRST_YEAR <= value <= dt.date.today().year:
            if not partial_ok:
                raise BadValue("date_year_only")
            return str(int(value))
        return _from_serial(float(value))
    return _parse_date_text(cell_text(value), partial_ok)


@lru_cache(maxsize=8192)
def _parse_date_text(text: str, partial_ok: bool) -> str:
    if not text:
        raise BadValue("required")
    m = _DMY.match(text)
    if m:
        return _iso(int(m[3]), int(m[2]), int(m[1]))
    m = _YMD.match(text)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if _YEAR.match(text):
        year = int(text)
        if FIRST_YEAR <= year <= dt.date.today().year:
            if not partial_ok:
                raise BadValue("date_year_only")
            return text
        return _from_serial(float(year))
    m = _MY.match(text)
    if m:
        if not partial_ok:
            raise BadValue("date_year_only")
        month, year = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            raise BadValue("bad_date")
        return f"{year:04d}-{month:02d}"
    if _SHORT_YEAR.match(text):
        raise BadValue("date_short_year")
    if _SERIAL.match(text):
        return _from_serial(float(text.replace(",", ".")))
    raise BadValue("bad_date")


# ---------------------------------------------------------------- sex
_SEX = {
    "nam": "M", "m": "M", "male": "M", "0": "M", "trai": "M", "nam gioi": "M", "man": "M",
    "nu": "F", "f": "F", "female": "F", "1": "F", "gai": "F", "nu gioi": "F", "woman": "F", "w": "F",
}


@lru_cache(maxsize=512)
def parse_sex(value: object) -> str:
    """"Nam"/"Nữ", 0/1 (0 = male, as the platform's template says), M/F → "M" | "F"."""
    return _parse_sex_text(cell_text(value))


@lru_cache(maxsize=1024)
def _parse_sex_text(value: str) -> str:
    text = fold(value)
    if not text:
        raise BadValue("required")
    try:
        return _SEX[text]
    except KeyError:
        raise BadValue("bad_sex") from None


# ---------------------------------------------------------------- dose
_DOSE_TEXT = re.compile(r"^[a-z ]*?(\d+)(?:[.,]0+)?(?:\D.*)?$")


@lru_cache(maxsize=512)
def parse_dose(value: object) -> int:
    """1..10 from 1, 1.0, "2", "Mũi 3", "3 (nhắc lại)"."""
    if isinstance(value, float):
        if not value.is_integer():
            raise BadValue("bad_dose")
        number = int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = cell_text(value)
        if not text:
            raise BadValue("required")
        m = _DOSE_TEXT.match(fold(text))
        if m is None:
            raise BadValue("bad_dose")
        number = int(m[1])
    if not 1 <= number <= MAX_DOSE:
        raise BadValue("bad_dose")
    return number


# ---------------------------------------------------------------- ID numbers
@dataclass(frozen=True)
class IdNumber:
    number: str  # as stored: digits for CCCD/CMND, upper-case letters and digits for passports
    kind: str  # "cccd" | "cmnd" | "passport" | "" (not a valid form: the registry check marks it)
    restored: bool = False  # leading zeros put back (Excel dropped them)
    problem: str = ""  # "" | "id_missing" | "id_invalid"


_ID_SEPARATORS = re.compile(r"[\s.\-/]+")
_PASSPORT = re.compile(r"^(?=.*[A-Z])(?=.*\d)[A-Z0-9]{6,9}$")
_DIGITS = re.compile(r"^\d+$")


def _parse_id_text(text: str) -> IdNumber:
    compact = _ID_SEPARATORS.sub("", text).upper()
    if not compact:
        return IdNumber("", "", problem="id_missing")
    if compact.endswith(".0") and _DIGITS.match(compact[:-2]):
        compact = compact[:-2]
    if _DIGITS.match(compact):
        length = len(compact)
        if length == 12:
            return IdNumber(compact, "cccd") if cccd_province_ok(compact) else IdNumber(compact, "", problem="id_invalid")
        if length == 9:
            return IdNumber(compact, "cmnd")
        if length in (10, 11) and compact[0] != "0":
            restored = compact.zfill(12)
            if cccd_province_ok(restored):
                return IdNumber(restored, "cccd", restored=True)
        if length == 8 and compact[0] != "0":
            return IdNumber(compact.zfill(9), "cmnd", restored=True)
        return IdNumber(compact, "", problem="id_invalid")
    if _PASSPORT.match(compact):
        return IdNumber(compact, "passport")
    return IdNumber(compact, "", problem="id_invalid")


def parse_id(value: object) -> IdNumber:
    """The ID number as text, with the leading zeros Excel drops put back.

    12 digits with a province code 001–096: CCCD. 9 digits: CMND. 11 or 10 digits not starting
    with 0 whose 12-digit zero-padded form has a valid province code: a CCCD whose leading zeros a
    spreadsheet dropped (restored, with a warning). 8 digits not starting with 0: a CMND of
    provinces 01–09 that lost its leading zero (restored, with a warning). 6–9 letters and digits
    with at least one of each: passport. Anything else is kept as written and marked invalid.
    """
    if value.__class__ is str and len(value) == 12 and value.isdigit() and value.isascii():
        if cccd_province_ok(value):
            return IdNumber(value, "cccd")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _parse_id_text(cell_text(value))


# ---------------------------------------------------------------- nationality
_COUNTRY_NAMES = {
    "vn": "VN", "viet nam": "VN", "vietnam": "VN", "vietnamese": "VN", "vnm": "VN",
    "han quoc": "KR", "korea": "KR", "south korea": "KR", "nhat ban": "JP", "nhat": "JP", "japan": "JP",
    "trung quoc": "CN", "china": "CN", "dai loan": "TW", "taiwan": "TW", "my": "US", "hoa ky": "US",
    "usa": "US", "united states": "US", "phap": "FR", "france": "FR", "duc": "DE", "germany": "DE",
    "anh": "GB", "united kingdom": "GB", "uk": "GB", "uc": "AU", "australia": "AU", "nga": "RU",
    "russia": "RU", "lao": "LA", "laos": "LA", "campuchia": "KH", "cambodia": "KH", "thai lan": "TH",
    "thailand": "TH", "singapore": "SG", "an do": "IN", "india": "IN", "philippines": "PH",
    "malaysia": "MY", "indonesia": "ID", "canada": "CA", "y": "IT", "italy": "IT", "ha lan": "NL",
    "netherlands": "NL", "thuy dien": "SE", "sweden": "SE", "cuba": "CU", "new zealand": "NZ",
}


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    try:
        from desktop.dcc.valuesets import value_set

        vs = value_set("country-2-codes")
        return frozenset(vs.active | vs.inactive)
    except Exception:  # noqa: BLE001 - the value set file is optional for reading nationality
        return frozenset(_COUNTRY_NAMES.values())


@lru_cache(maxsize=1024)
def _parse_nationality_text(text: str) -> str:
    if not text:
        return "VN"
    key = fold(text).strip(" .")
    if key in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[key]
    if len(key) == 2 and key.upper() in _country_codes():
        return key.upper()
    raise BadValue("bad_nationality")


@lru_cache(maxsize=1024)
def parse_nationality(value: object) -> str:
    """ISO 3166 alpha-2 code; empty means Viet Nam."""
    return _parse_nationality_text(cell_text(value))
