"""The common row of a long-layout list, read a piece of rows at a time, column by column.

Lists repeat a few values per column (dates, sex, vaccine, lot, dose, facility): each distinct cell
value is checked once (per-column caches keyed by value and type) and each row then only combines its
columns' answers. A row with any problem, warning or doubt gives None here, and the caller reads it
with ``RowReader.read``, which names every problem; for every other row the record is exactly the one
``read`` gives (tests compare the two on every kind of bad row).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache, partial
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from desktop.ids import cccd_province_ok
from desktop.importer.cells import (
    EXTRA_FIELDS,
    MAX_LENGTHS,
    cccd_agrees,
    dose_fields,
    name_cell,
    vaccine_cell,
)
from desktop.importer.text import cell_text
from desktop.importer.values import BadValue, parse_date, parse_dose, parse_id, parse_nationality, parse_sex

if TYPE_CHECKING:
    from desktop.importer.rows import RowReader

CACHE_SIZE = 1 << 16  # distinct values kept per column


def _plain(value: Any) -> str:
    """``cell_text`` with the check for the usual cell inline: ASCII without spaces, controls or a quote."""
    if value.__class__ is str and value.isascii() and (
            value.isalnum() or (value.isprintable() and " " not in value and value[:1] != "'")):
        return value
    return cell_text(value)


def _within(limit: int, value: Any) -> str | None:
    # ``_plain`` inline: two of these per row (platform id, phone), each a different value
    if value.__class__ is str and value.isascii() and (
            value.isalnum() or (value.isprintable() and " " not in value and value[:1] != "'")):
        text = value
    else:
        text = cell_text(value)
    return text if len(text) <= limit else None


def _lot(limit: int, raw: Any) -> str:
    text = _plain(raw)
    return text if text and len(text) <= limit else ""


def _birth(today: str, raw: Any) -> str:
    try:
        dob = parse_date(raw, True)
    except BadValue:
        return ""
    return "" if dob[:4] < "1900" or dob > today else dob


def _vaccination(today: str, raw: Any) -> str:
    try:
        vdate = parse_date(raw, False)
    except BadValue:
        return ""
    return "" if vdate > today else vdate


def _answer_or(parse: Callable[[Any], Any], fallback: Any, raw: Any) -> Any:
    try:
        return parse(raw)
    except BadValue:
        return fallback


def _identity(raw: Any) -> tuple[str, str] | None:
    """(number, kind) of an ID that needs no warning, else None."""
    if raw.__class__ is str and len(raw) == 12 and raw.isdigit() and raw.isascii() and cccd_province_ok(raw):
        return raw, "cccd"  # as ``parse_id`` answers for the common 12-digit CCCD
    ident = parse_id(raw)
    if ident.problem or ident.restored:
        return None
    return ident.number, ident.kind


def _cached(function: Callable[..., Any]) -> Callable[[Any], Any]:
    # typed: 1, 1.0 and True are equal keys but different cells
    return lru_cache(maxsize=CACHE_SIZE, typed=True)(function)


class CommonRows:
    """The fast reader of one file's common rows; built from its ``RowReader``."""

    def __init__(self, reader: RowReader):
        self.width = reader._width
        self.facility_code = reader.facility_code
        self.person = reader._fetch_person
        self.has_nationality = reader._person_index[3] is not None
        _n, vi, li, di, fi = reader._dose_index[0]
        assert vi is not None and li is not None and di is not None  # the fast path reads mapped cells only
        self.dose_cells: tuple[int, int, int, int | None] = (vi, li, di, fi)
        self.extra_index = {key: index for key, index, _limit in reader._extra_index}
        self.limits = MAX_LENGTHS
        self.birth = _cached(partial(_birth, reader.today))
        self.vaccination = _cached(partial(_vaccination, reader.today))
        self.sex = _cached(partial(_answer_or, parse_sex, ""))
        self.nationality = _cached(partial(_answer_or, parse_nationality, ""))
        self.dose = _cached(partial(_answer_or, parse_dose, 0))
        self.lot = _cached(partial(_lot, MAX_LENGTHS["lot"]))
        self.facility = _cached(partial(_within, MAX_LENGTHS["facility_code"]))

    def read(self, rows: Sequence[list[Any]], numbers: Sequence[int]) -> list[dict[str, Any] | None]:
        """The record of each row (``numbers`` are their 1-based row numbers), or None where ``read`` must look."""
        out: list[dict[str, Any] | None] = [None] * len(rows)
        width = self.width
        places = [k for k, cells in enumerate(rows) if len(cells) >= width and None not in cells]
        if not places:
            return out
        sub = rows if len(places) == len(rows) else [rows[k] for k in places]

        def column(index: int) -> list[Any]:
            return list(map(itemgetter(index), sub))

        f_name, f_dob, f_sex, f_nat, f_id, f_dose = self.person
        vi, li, di, fi = self.dose_cells
        names = map(name_cell, column(f_name))
        births = map(self.birth, column(f_dob))
        sexes = map(self.sex, column(f_sex))
        nations: Iterable[str] = map(self.nationality, column(f_nat)) if self.has_nationality else repeat("VN")
        doses = map(self.dose, column(f_dose))
        ids = column(f_id)
        vaccines = map(vaccine_cell, column(vi))
        lots = map(self.lot, column(li))
        dates = map(self.vaccination, column(di))
        facilities: Iterable[str | None] = map(self.facility, column(fi)) if fi is not None else repeat("")
        # the six optional fields in ``EXTRA_FIELDS`` order: "" for an unmapped one, None for one too long
        extras = [map(partial(_within, self.limits[key]), column(self.extra_index[key]))
                  if key in self.extra_index else repeat("") for key in EXTRA_FIELDS]
        self._combine(out, places, numbers, zip(names, births, sexes, nations, doses, ids, vaccines, lots, dates,
                                                facilities, *extras, strict=False))
        return out

    def _combine(self, out: list[dict[str, Any] | None], places: list[int], numbers: Sequence[int],
                 columns: Iterable[tuple[Any, ...]]) -> None:
        agrees = cccd_agrees
        default_facility = self.facility_code
        for place, (name, dob, sex, nationality, dose, raw_id, vaccine_text, lot, vdate, facility,
                    ref, phone, insurance, province, district, ward) in zip(places, columns, strict=True):
            problem, full_name, name_folded = name
            vaccine = vaccine_text[1]
            if (problem or not dob or not sex or not nationality or not dose or vaccine is None or not lot
                    or not vdate or vdate[:len(dob)] < dob or facility is None or ref is None or phone is None
                    or insurance is None or province is None or district is None or ward is None):
                continue
            # the common 12-digit CCCD as ``parse_id`` answers it (ASCII digits: the text order is the number's)
            if raw_id.__class__ is str and len(raw_id) == 12 and raw_id.isdigit() and raw_id.isascii() \
                    and "001" <= raw_id[:3] <= "096":
                number, id_kind = raw_id, "cccd"
            else:
                ident = _identity(raw_id)
                if ident is None:
                    continue
                number, id_kind = ident
            if id_kind == "cccd" and not agrees(number[3:6], sex, dob[:4]):
                continue
            dn, sd = dose_fields(dose, vaccine.primary_series_doses)
            out[place] = {
                "source_row": numbers[place], "facility_code": facility or default_facility, "full_name": full_name,
                "name_folded": name_folded, "date_of_birth": dob, "sex": sex, "id_number": number,
                "id_kind": id_kind, "nationality": nationality, "vaccine_name": vaccine.display,
                "vaccine_mp": vaccine.mp, "vaccine_ma": vaccine.ma, "vaccine_vp": vaccine.vp, "lot": lot,
                "dose_number": dose, "dn": dn, "sd": sd, "vaccination_date": vdate, "flags": [],
                "source_ref": ref, "phone": phone, "insurance_number": insurance, "province_code": province,
                "district_code": district, "ward_code": ward,
            }
