"""One list row → vaccination records, or the reasons it cannot be one.

Every problem names row, column, value and the fix (``messages.py``). Problems that make a record
wrong are rejections; problems the registry check will settle (missing or malformed ID, CCCD
digits that disagree with sex or date of birth, leading zeros restored) are warnings on an
accepted record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.i18n import Message, tr
from desktop.ids import cccd_digit_disagreements
from desktop.importer.cells import EXTRA_FIELDS, MAX_LENGTHS, dose_fields, name_cell, short_cell, vaccine_cell
from desktop.importer.fields import FIELD_BY_KEY, ColumnMap
from desktop.importer.messages import PART_NAMES, row_message
from desktop.importer.text import cell_text, clean
from desktop.importer.values import (
    BadValue,
    parse_date,
    parse_dose,
    parse_id,
    parse_nationality,
    parse_sex,
)
from desktop.text import fold

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


_NO_EXTRAS = dict.fromkeys(EXTRA_FIELDS, "")


class RowReader:
    """Reads rows of one file with one column map; ``today`` is fixed per import."""

    def __init__(self, cmap: ColumnMap, facility_code: str, today: dt.date | None = None):
        self.cmap = cmap
        self.facility_code = facility_code
        self.today = (today or dt.date.today()).isoformat()
        self.headers = [clean(h) for h in cmap.headers]
        self.person = dict(cmap.columns)
        self.doses: list[tuple[int | None, dict[str, int]]]
        if cmap.layout == "pl1":
            self.doses = [(n, block) for n, block in sorted(cmap.doses.items())]
        else:
            block: dict[str, int] = {k: cmap.columns[k] for k in ("vaccine", "lot", "vaccination_date", "facility_code")
                     if k in cmap.columns}
            self.doses = [(None, block)]
        self.used = cmap.used_columns()
        p = self.person
        self._person_index = (p.get("full_name"), p.get("date_of_birth"), p.get("sex"), p.get("nationality"),
                              p.get("id_number"), p.get("dose_number"))
        self._extra_index = [(key, p[key], MAX_LENGTHS[key]) for key in EXTRA_FIELDS if p.get(key) is not None]
        self._dose_index = [(n, b.get("vaccine"), b.get("lot"), b.get("vaccination_date"), b.get("facility_code"))
                            for n, b in self.doses]
        # read() fetches cells by position; an unmapped field reads the empty cell at ``_pad`` (one past
        # the last mapped column), as ``_cell`` gives "" for a None index. Rows shorter than ``_width``
        # (and rows with None cells) are copied and padded first.
        indexes = [i for i in (*self._person_index, *(i for _k, i, _l in self._extra_index),
                               *(i for d in self._dose_index for i in d[1:])) if i is not None]
        self._pad = max(indexes, default=-1) + 1
        i_name, i_dob, i_sex, _i_nat, i_id, i_dose = self._person_index
        read_always = [i_name, i_dob, i_sex, i_id, *(i for d in self._dose_index for i in d[1:4])]
        if cmap.layout != "pl1":
            read_always.append(i_dose)
        self._width = self._pad + 1 if None in read_always else self._pad

        def at(index: int | None) -> int:
            return self._pad if index is None else index

        self._fetch_person = tuple(at(i) for i in self._person_index)
        self._fetch_extra = [(key, index, at(index), limit) for key, index, limit in self._extra_index]
        self._fetch_dose = [(n, vi, li, di, fi, at(vi), at(li), at(di), at(fi))
                            for n, vi, li, di, fi in self._dose_index]
        # read_valid: long layout, every cell it reads mapped (the fast path never reads the pad cell)
        self._fast = cmap.layout != "pl1" and len(self._dose_index) == 1 and None not in read_always
        self._common = None
        if self._fast:
            from desktop.importer.common_rows import CommonRows

            self._common = CommonRows(self)

    # -------------------------------------------------------------- helpers
    def _column(self, index: int) -> str:
        return self.headers[index] if index < len(self.headers) else f"#{index + 1}"

    @staticmethod
    def _cell(cells: list[Any], index: int | None) -> Any:
        if index is None:
            return ""
        try:
            value = cells[index]
        except IndexError:
            return ""
        return "" if value is None else value

    def is_empty(self, cells: list[Any]) -> bool:
        for index in self.used:
            if index < len(cells):
                value = cells[index]
                if value is not None and value != "" and (not isinstance(value, str) or value.strip()):
                    return False
        return True

    def is_total_row(self, cells: list[Any]) -> bool:
        """"Tổng cộng: 300" at the end of a list: a text cell starting with a total word and no dates."""
        dob = self._cell(cells, self._person_index[1])
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

    # -------------------------------------------------------------- problems
    def _reject(self, result: RowResult, code: str, key: str, index: int | None, value: Any, **extra: Any) -> None:
        column = self._column(index) if index is not None else str(FIELD_BY_KEY[key].label)
        text = cell_text(value)
        result.issues.append(Issue(result.row, "rejected", code, column, text,
                                   row_message(code, row=result.row, column=column, value=text,
                                               field=FIELD_BY_KEY[key].label, **extra)))
        result.rejected = True

    def _warn(self, result: RowResult, code: str, index: int | None, value: Any, **extra: Any) -> None:
        column = self._column(index) if index is not None else str(FIELD_BY_KEY["id_number"].label)
        text = cell_text(value)
        result.issues.append(Issue(result.row, "warning", code, column, text,
                                   row_message(code, row=result.row, column=column, value=text, **extra)))

    # -------------------------------------------------------------- the fast path
    def read_valid(self, cells: list[Any], row: int) -> dict[str, Any] | None:
        """The record of a long-layout row that ``read`` accepts with no issue at all, else None."""
        return self.read_common([cells], [row])[0]

    def read_common(self, rows: Sequence[list[Any]], numbers: Sequence[int]) -> list[dict[str, Any] | None]:
        """For each row, the record ``read`` gives when it accepts the row with no issue at all, else None.

        For the common rows only: any problem, warning, missing or None cell, or the platform's
        template layout answers None, and the caller reads that row with ``read``, which names every
        problem. Every check of ``read`` is made here too (tests compare the two on every kind of bad
        row); only the messages are left to ``read``.
        """
        if self._common is None:
            return [None] * len(rows)
        return self._common.read(rows, numbers)

    # -------------------------------------------------------------- the row
    def read(self, cells: list[Any], row: int) -> RowResult:
        """The row's records, or every reason it cannot give them (each check of the list, in column order)."""
        result = RowResult(row)
        if len(cells) < self._width or None in cells:  # as ``_cell``: missing and None cells read as ""
            cells = [("" if value is None else value) for value in cells]
            cells.extend([""] * (self._pad + 1 - len(cells)))
        full_name, name_folded = self._read_name(result, cells)
        dob = self._read_dob(result, cells)
        sex, nationality = self._read_sex_nationality(result, cells)
        ident, flags = self._read_id(result, cells, sex, dob)
        extras = self._read_extras(result, cells)
        long_dose = self._read_long_dose(result, cells)
        doses = self._read_doses(result, cells, dob, long_dose)
        if not doses and not result.rejected:
            result.issues.append(Issue(row, "rejected", "no_dose", "", "", row_message("no_dose", row=row)))
            result.rejected = True
        if result.rejected:
            return result
        for dose_number, vaccine, lot, vdate, facility in doses:
            dn, sd = dose_fields(dose_number, vaccine.primary_series_doses)
            record = {
                "source_row": row, "facility_code": facility, "full_name": full_name, "name_folded": name_folded,
                "date_of_birth": dob, "sex": sex, "id_number": ident.number, "id_kind": ident.kind,
                "nationality": nationality, "vaccine_name": vaccine.display, "vaccine_mp": vaccine.mp,
                "vaccine_ma": vaccine.ma, "vaccine_vp": vaccine.vp, "lot": lot, "dose_number": dose_number, "dn": dn,
                "sd": sd, "vaccination_date": vdate, "flags": flags,
            }
            record.update(extras)
            result.records.append(record)
        return result

    def _read_name(self, result: RowResult, cells: list[Any]) -> tuple[str, str]:
        raw = cells[self._fetch_person[0]]
        problem, full_name, name_folded = name_cell(raw)
        if problem:
            self._reject(result, problem, "full_name", self._person_index[0], raw, max=MAX_LENGTHS["full_name"])
        return full_name, name_folded

    def _read_dob(self, result: RowResult, cells: list[Any]) -> str:
        index = self._person_index[1]
        raw = cells[self._fetch_person[1]]
        try:
            dob = parse_date(raw, True)
        except BadValue as exc:
            self._reject(result, exc.code, "date_of_birth", index, raw)
            return ""
        if dob[:4] < "1900":
            self._reject(result, "dob_before_1900", "date_of_birth", index, raw)
            return ""
        if dob > self.today:
            self._reject(result, "dob_future", "date_of_birth", index, raw)
            return ""
        return dob

    def _read_sex_nationality(self, result: RowResult, cells: list[Any]) -> tuple[str, str]:
        _i_name, _i_dob, i_sex, i_nat, _i_id, _i_dose = self._person_index
        raw = cells[self._fetch_person[2]]
        sex = ""
        try:
            sex = parse_sex(raw)
        except BadValue as exc:
            self._reject(result, exc.code, "sex", i_sex, raw)
        nationality = "VN"
        if i_nat is not None:
            raw = cells[self._fetch_person[3]]
            try:
                nationality = parse_nationality(raw)
            except BadValue as exc:
                self._reject(result, exc.code, "nationality", i_nat, raw)
        return sex, nationality

    def _read_id(self, result: RowResult, cells: list[Any], sex: str, dob: str) -> tuple[Any, list[str]]:
        """The ID number and the record's flags; its problems are warnings (the registry check settles them)."""
        index = self._person_index[4]
        raw = cells[self._fetch_person[4]]
        ident = parse_id(raw)
        flags: list[str] = []
        if ident.problem:
            self._warn(result, ident.problem, index, raw)
            flags.append(ident.problem)
        elif ident.restored:
            self._warn(result, "id_restored", index, raw, fixed=ident.number)
            flags.append("id_restored")
        if ident.kind == "cccd" and sex and dob:
            parts = cccd_digit_disagreements(ident.number[3:6], sex, dob[:4])
            if parts:
                flags.append("cccd_inconsistent")
                names = [PART_NAMES[p] for p in parts]
                self._warn(result, "cccd_inconsistent", index, raw,
                           parts=tr(", ".join(n.vi for n in names), ", ".join(n.en for n in names)))
        return ident, flags

    def _read_extras(self, result: RowResult, cells: list[Any]) -> dict[str, str]:
        """The optional text fields (platform id, phone, insurance number, place codes)."""
        extras = dict(_NO_EXTRAS)
        for key, index, fetch, limit in self._fetch_extra:
            value = cell_text(cells[fetch])
            if len(value) > limit:
                self._reject(result, "too_long", key, index, value, max=limit)
                value = ""
            extras[key] = value
        return extras

    def _read_long_dose(self, result: RowResult, cells: list[Any]) -> int | None:
        """The dose number of a long-layout row (PL1 rows name the dose by their block)."""
        index = self._person_index[5]
        if index is None and self.cmap.layout == "pl1":
            return None
        raw = cells[self._fetch_person[5]]
        try:
            return parse_dose(raw)
        except BadValue as exc:
            self._reject(result, exc.code, "dose_number", index, raw)
            return None

    def _read_doses(self, result: RowResult, cells: list[Any], dob: str,
                    long_dose: int | None) -> list[tuple[Any, Any, str, str, str]]:
        """(dose number, vaccine, lot, date, facility) of each filled dose block."""
        reject = self._reject
        doses = []
        today = self.today
        for number, vi, li, di, fi, f_vaccine, f_lot, f_date, f_facility in self._fetch_dose:
            raw_vaccine, raw_lot, raw_date = cells[f_vaccine], cells[f_lot], cells[f_date]
            vaccine_text, vaccine = vaccine_cell(raw_vaccine)
            lot = short_cell(raw_lot)
            if number is not None and not (vaccine_text or lot or cell_text(raw_date)):
                continue  # an empty dose block of the template
            if not vaccine_text:
                reject(result, "required", "vaccine", vi, raw_vaccine)
            elif vaccine is None:
                reject(result, "unknown_vaccine", "vaccine", vi, raw_vaccine)
            if not lot:
                reject(result, "required", "lot", li, raw_lot)
            elif len(lot) > MAX_LENGTHS["lot"]:
                reject(result, "too_long", "lot", li, raw_lot, max=MAX_LENGTHS["lot"])
            vdate = ""
            try:
                vdate = parse_date(raw_date, False)
                if vdate > today:
                    reject(result, "future_date", "vaccination_date", di, raw_date)
                elif dob and vdate[:len(dob)] < dob:
                    reject(result, "before_birth", "vaccination_date", di, raw_date, dob=dob)
            except BadValue as exc:
                reject(result, exc.code, "vaccination_date", di, raw_date)
            facility = short_cell(cells[f_facility]) if fi is not None else ""
            if len(facility) > MAX_LENGTHS["facility_code"]:
                reject(result, "too_long", "facility_code", fi, facility, max=MAX_LENGTHS["facility_code"])
            doses.append((number if number is not None else long_dose, vaccine, lot, vdate,
                          facility or self.facility_code))
        return doses
