"""One list row → vaccination records, or the reasons it cannot be one.

Every problem names row, column, value and the fix (``messages.py``). Problems that make a record
wrong are rejections; problems the registry check will settle (missing or malformed ID, CCCD
digits that disagree with sex or date of birth, leading zeros restored) are warnings on an
accepted record.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from desktop.dcc.vaccines import dose_fields, lookup_vaccine
from desktop.i18n import Message, tr
from desktop.importer.fields import FIELD_BY_KEY, ColumnMap
from desktop.importer.messages import PART_NAMES, row_message
from desktop.importer.text import cell_text, clean, fold, title_name
from desktop.importer.values import (
    BadValue,
    cccd_inconsistency,
    parse_date,
    parse_dose,
    parse_id,
    parse_nationality,
    parse_sex,
)

MAX_LENGTHS = {"full_name": 300, "lot": 50, "phone": 30, "insurance_number": 30, "source_ref": 100,
               "province_code": 10, "district_code": 10, "ward_code": 10, "facility_code": 20}
_DIGIT = re.compile(r"\d")
_TOTAL_WORDS = ("tong cong", "tong so", "tong", "cong", "total", "sum")


@dataclass
class Issue:
    row: int
    kind: str  # "rejected" | "duplicate" | "warning"
    code: str
    column: str
    value: str
    message: Message

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "value": self.value, "code": self.code,
                "message": str(self.message), "message_vi": self.message.vi, "message_en": self.message.en}


@dataclass
class RowResult:
    row: int
    records: list[dict[str, Any]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    rejected: bool = False
    cells: list[str] = field(default_factory=list)


@lru_cache(maxsize=256)
def _vaccine(text: str):
    return lookup_vaccine(text)


@lru_cache(maxsize=4096)
def _name(text: str) -> tuple[str, str]:
    name = title_name(text)
    return name, fold(name)


class RowReader:
    """Reads rows of one file with one column map; ``today`` is fixed per import."""

    def __init__(self, cmap: ColumnMap, facility_code: str, today: dt.date | None = None):
        self.cmap = cmap
        self.facility_code = facility_code
        self.today = (today or dt.date.today()).isoformat()
        self.headers = [clean(h) for h in cmap.headers]
        self.person = dict(cmap.columns)
        if cmap.layout == "pl1":
            self.doses = [(n, block) for n, block in sorted(cmap.doses.items())]
        else:
            block = {k: cmap.columns[k] for k in ("vaccine", "lot", "vaccination_date", "facility_code")
                     if k in cmap.columns}
            self.doses = [(None, block)]
        self.used = cmap.used_columns()

    # -------------------------------------------------------------- helpers
    def _column(self, index: int) -> str:
        return self.headers[index] if index < len(self.headers) else f"#{index + 1}"

    @staticmethod
    def _cell(cells: list, index: int | None) -> Any:
        if index is None or index >= len(cells):
            return ""
        value = cells[index]
        return "" if value is None else value

    def is_empty(self, cells: list) -> bool:
        for index in self.used:
            if index < len(cells):
                value = cells[index]
                if value is not None and value != "" and (not isinstance(value, str) or value.strip()):
                    return False
        return True

    def is_total_row(self, cells: list) -> bool:
        """"Tổng cộng: 300" at the end of a list: a text cell starting with a total word and no dates."""
        dob = self._cell(cells, self.person.get("date_of_birth"))
        if dob != "" and not (isinstance(dob, str) and not dob.strip()):
            return False
        has_word = False
        for value in cells:
            if isinstance(value, str) and value.strip():
                key = fold(clean(value))
                if any(key == w or key.startswith(w + " ") or key.startswith(w + ":") for w in _TOTAL_WORDS):
                    has_word = True
                    break
        if not has_word:
            return False
        dates = [self._cell(cells, block.get("vaccination_date")) for _n, block in self.doses]
        return not cell_text(dob) and not any(cell_text(d) for d in dates)

    # -------------------------------------------------------------- the row
    def read(self, cells: list, row: int) -> RowResult:
        result = RowResult(row)
        issues = result.issues

        def reject(code: str, key: str, index: int | None, value: Any, **extra: Any) -> None:
            column = self._column(index) if index is not None else str(FIELD_BY_KEY[key].label)
            text = cell_text(value)
            issues.append(Issue(row, "rejected", code, column, text,
                                row_message(code, row=row, column=column, value=text,
                                            field=FIELD_BY_KEY[key].label, **extra)))
            result.rejected = True

        def warn(code: str, key: str, index: int | None, value: Any, **extra: Any) -> None:
            column = self._column(index) if index is not None else str(FIELD_BY_KEY[key].label)
            text = cell_text(value)
            issues.append(Issue(row, "warning", code, column, text,
                                row_message(code, row=row, column=column, value=text, **extra)))

        person = self.person
        get = self._cell
        # name
        index = person.get("full_name")
        raw_name = get(cells, index)
        name_text = cell_text(raw_name)
        full_name = name_folded = ""
        if not name_text:
            reject("required", "full_name", index, raw_name)
        elif _DIGIT.search(name_text) or len(name_text.replace(" ", "")) < 2:
            reject("bad_name", "full_name", index, raw_name)
        elif len(name_text) > MAX_LENGTHS["full_name"]:
            reject("too_long", "full_name", index, raw_name, max=MAX_LENGTHS["full_name"])
        else:
            full_name, name_folded = _name(name_text)
        # date of birth
        index = person.get("date_of_birth")
        raw = get(cells, index)
        dob = ""
        try:
            dob = parse_date(raw, partial_ok=True)
            if dob[:4] < "1900":
                reject("dob_before_1900", "date_of_birth", index, raw)
                dob = ""
            elif dob > self.today:
                reject("dob_future", "date_of_birth", index, raw)
                dob = ""
        except BadValue as exc:
            reject(exc.code, "date_of_birth", index, raw)
        # sex
        index = person.get("sex")
        raw = get(cells, index)
        sex = ""
        try:
            sex = parse_sex(raw)
        except BadValue as exc:
            reject(exc.code, "sex", index, raw)
        # nationality
        index = person.get("nationality")
        nationality = "VN"
        if index is not None:
            raw = get(cells, index)
            try:
                nationality = parse_nationality(raw)
            except BadValue as exc:
                reject(exc.code, "nationality", index, raw)
        # ID number
        index = person.get("id_number")
        raw_id = get(cells, index)
        ident = parse_id(raw_id)
        flags: list[str] = []
        if ident.problem:
            warn(ident.problem, "id_number", index, raw_id)
            flags.append(ident.problem)
        elif ident.restored:
            warn("id_restored", "id_number", index, raw_id, fixed=ident.number)
            flags.append("id_restored")
        if ident.kind == "cccd" and sex and dob:
            parts = cccd_inconsistency(ident.number, sex, dob)
            if parts:
                flags.append("cccd_inconsistent")
                names = [PART_NAMES[p] for p in parts]
                warn("cccd_inconsistent", "id_number", index, raw_id,
                     parts=tr(", ".join(n.vi for n in names), ", ".join(n.en for n in names)))
        # optional text fields
        extras = {}
        for key in ("source_ref", "phone", "insurance_number", "province_code", "district_code", "ward_code"):
            index = person.get(key)
            value = cell_text(get(cells, index)) if index is not None else ""
            if len(value) > MAX_LENGTHS[key]:
                reject("too_long", key, index, value, max=MAX_LENGTHS[key])
                value = ""
            extras[key] = value
        # dose number (long layout)
        long_dose = None
        if self.cmap.layout != "pl1":
            index = person.get("dose_number")
            raw = get(cells, index)
            try:
                long_dose = parse_dose(raw)
            except BadValue as exc:
                reject(exc.code, "dose_number", index, raw)
        # doses
        doses = []
        for number, block in self.doses:
            vi, li, di, fi = (block.get("vaccine"), block.get("lot"), block.get("vaccination_date"),
                              block.get("facility_code"))
            raw_vaccine, raw_lot, raw_date = get(cells, vi), get(cells, li), get(cells, di)
            vaccine_text = cell_text(raw_vaccine)
            lot = cell_text(raw_lot)
            date_text = cell_text(raw_date)
            if number is not None and not (vaccine_text or lot or date_text):
                continue  # an empty dose block of the template
            vaccine = None
            if not vaccine_text:
                reject("required", "vaccine", vi, raw_vaccine)
            else:
                vaccine = _vaccine(vaccine_text)
                if vaccine is None:
                    reject("unknown_vaccine", "vaccine", vi, raw_vaccine)
            if not lot:
                reject("required", "lot", li, raw_lot)
            elif len(lot) > MAX_LENGTHS["lot"]:
                reject("too_long", "lot", li, raw_lot, max=MAX_LENGTHS["lot"])
            vdate = ""
            try:
                vdate = parse_date(raw_date, partial_ok=False)
                if vdate > self.today:
                    reject("future_date", "vaccination_date", di, raw_date)
                elif dob and vdate[:len(dob)] < dob:
                    reject("before_birth", "vaccination_date", di, raw_date, dob=dob)
            except BadValue as exc:
                reject(exc.code, "vaccination_date", di, raw_date)
            facility = cell_text(get(cells, fi)) if fi is not None else ""
            if len(facility) > MAX_LENGTHS["facility_code"]:
                reject("too_long", "facility_code", fi, facility, max=MAX_LENGTHS["facility_code"])
            doses.append((number if number is not None else long_dose, vaccine, lot, vdate,
                          facility or self.facility_code))
        if not doses and not result.rejected:
            issues.append(Issue(row, "rejected", "no_dose", "", "", row_message("no_dose", row=row)))
            result.rejected = True
        if result.rejected:
            return result
        for dose_number, vaccine, lot, vdate, facility in doses:
            dn, sd = dose_fields(dose_number, vaccine.primary_series_doses)
            result.records.append({
                "source_ref": extras["source_ref"], "source_row": row, "facility_code": facility,
                "full_name": full_name, "name_folded": name_folded, "date_of_birth": dob, "sex": sex,
                "id_number": ident.number, "id_kind": ident.kind, "nationality": nationality,
                "phone": extras["phone"], "insurance_number": extras["insurance_number"],
                "province_code": extras["province_code"], "district_code": extras["district_code"],
                "ward_code": extras["ward_code"], "vaccine_name": vaccine.display, "vaccine_mp": vaccine.mp,
                "vaccine_ma": vaccine.ma, "vaccine_vp": vaccine.vp, "lot": lot, "dose_number": dose_number,
                "dn": dn, "sd": sd, "vaccination_date": vdate, "flags": flags,
            })
        return result
