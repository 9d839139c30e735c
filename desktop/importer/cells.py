"""Cell rules with few distinct answers, cached: shared by ``RowReader.read`` and the common-row reader."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from desktop.dcc.vaccines import dose_fields as _vaccine_dose_fields
from desktop.dcc.vaccines import lookup_vaccine
from desktop.ids import cccd_digit_disagreements
from desktop.importer.text import cell_text
from desktop.text import fold, title_name

MAX_LENGTHS = {"full_name": 300, "lot": 50, "phone": 30, "insurance_number": 30, "source_ref": 100,
               "province_code": 10, "district_code": 10, "ward_code": 10, "facility_code": 20}
EXTRA_FIELDS = ("source_ref", "phone", "insurance_number", "province_code", "district_code", "ward_code")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1024)
def vaccine_cell(raw: Any) -> tuple[str, Any]:
    """(text, vaccine or None) for a vaccine cell; lists repeat a handful of names."""
    text = cell_text(raw)
    return text, (lookup_vaccine(text) if text else None)


@lru_cache(maxsize=4096)
def short_cell(raw: Any) -> str:
    """cell_text for columns with few distinct values (lot, facility code)."""
    return cell_text(raw)


@lru_cache(maxsize=8192)
def name_cell(raw: Any) -> tuple[str, str, str]:
    """(problem code or "", full name, folded name) for a name cell."""
    text = cell_text(raw)
    if not text:
        return "required", "", ""
    if _DIGIT.search(text) or len(text.replace(" ", "")) < 2:
        return "bad_name", "", ""
    if len(text) > MAX_LENGTHS["full_name"]:
        return "too_long", "", ""
    name = title_name(text)
    return "", name, fold(name)


@lru_cache(maxsize=256)
def dose_fields(dose_number: int, series: int) -> tuple[int, int]:
    return _vaccine_dose_fields(dose_number, series)


@lru_cache(maxsize=4096)
def cccd_agrees(digits: str, sex: str, year: str) -> bool:
    return not cccd_digit_disagreements(digits, sex, year)
