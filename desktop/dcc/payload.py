"""Building the DCC payload (schema 1.3.0) for one vaccination, from what a facility's list holds."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.dcc.names import icao_transliterate, normalise_name, split_vietnamese_name
from desktop.dcc.vaccines import Vaccine, dose_fields, lookup_vaccine
from desktop.errors import UserError
from desktop.i18n import tr

DCC_VERSION = "1.3.0"
DEFAULT_COUNTRY = "VN"
DEFAULT_ISSUER = "Cục Y tế dự phòng / Ministry of Health of Viet Nam"


def build_vaccination_dcc(
    *,
    dob: str | date,
    vaccine: Vaccine | str,
    dose_number: int,
    vaccination_date: str | date,
    uvci: str,
    full_name: str | None = None,
    family_name: str | None = None,
    given_name: str | None = None,
    total_series: int | None = None,
    country: str = DEFAULT_COUNTRY,
    issuer_text: str = DEFAULT_ISSUER,
) -> dict[str, Any]:
    """A vaccination DCC: ``{"ver", "nam": {fn, fnt, gn, gnt}, "dob", "v": [{tg, vp, mp, ma, dn, sd, dt, co, is, ci}]}``.

    Name: either ``full_name`` in Vietnamese order (family name first), or ``family_name`` and
    ``given_name`` separately (foreigners, or a split the clerk corrected). ``dob`` is kept as
    given, so partial dates of birth ("1990", "1990-05") stay partial rather than becoming a
    fabricated 01/01. ``vaccine`` may be a name from the list (looked up, never guessed).
    ``total_series`` defaults to the vaccine's primary series (see ``dose_fields``).

    The result is not validated here: ``encode_hc1`` validates every payload before signing.
    """
    resolved = _resolve_vaccine(vaccine)
    dn, sd = dose_fields(dose_number, total_series or resolved.primary_series_doses)
    return {
        "ver": DCC_VERSION,
        "nam": dcc_name(*_family_and_given(full_name, family_name, given_name)),
        "dob": dob.isoformat() if isinstance(dob, date) else dob.strip(),
        "v": [{
            "tg": resolved.tg,
            "vp": resolved.vp,
            "mp": resolved.mp,
            "ma": resolved.ma,
            "dn": dn,
            "sd": sd,
            "dt": vaccination_date.isoformat() if isinstance(vaccination_date, date) else vaccination_date.strip(),
            "co": country,
            "is": issuer_text,
            "ci": uvci,
        }],
    }


def dcc_name(family_name: str, given_name: str) -> dict[str, str]:
    """The ``nam`` object: NFC names as written plus their ICAO 9303 standardised forms."""
    return _name_object(normalise_name(family_name or ""), normalise_name(given_name or ""))


def dcc_name_of_full_name(full_name: str) -> dict[str, str]:
    """``dcc_name(*split_vietnamese_name(full_name))``, normalising the name once: the parts
    ``split_vietnamese_name`` returns are already normalised (NFC, single spaces)."""
    return _name_object(*split_vietnamese_name(full_name))


def _name_object(family_name: str, given_name: str) -> dict[str, str]:
    nam: dict[str, str] = {}
    for key, written in (("fn", family_name), ("gn", given_name)):
        if not written:
            continue
        standardised = icao_transliterate(written)
        if not standardised:
            raise UserError(
                tr("Không chuyển được tên \"{name}\" sang chữ Latinh chuẩn ICAO; hãy nhập tên bằng chữ Latinh.",
                   "The name \"{name}\" cannot be transliterated to ICAO Latin letters; enter it in Latin script.",
                   name=written),
                code="name_not_transliterable",
            )
        nam[key], nam[key + "t"] = written, standardised
    if not nam:
        raise UserError(tr("Họ tên đang để trống.", "The full name is empty."), code="name_empty")
    return nam


def _family_and_given(full_name: str | None, family_name: str | None, given_name: str | None) -> tuple[str, str]:
    if full_name is not None and (family_name is not None or given_name is not None):
        raise ValueError("give either full_name or family_name/given_name, not both")
    if full_name is not None:
        return split_vietnamese_name(full_name)
    return family_name or "", given_name or ""


def _resolve_vaccine(vaccine: Vaccine | str) -> Vaccine:
    if isinstance(vaccine, Vaccine):
        return vaccine
    found = lookup_vaccine(vaccine)
    if found is None:
        raise UserError(
            tr("Không nhận ra vắc xin \"{name}\"; hãy chọn vắc xin trong danh mục.",
               "The vaccine \"{name}\" is not recognised; choose one from the vaccine table.", name=vaccine),
            code="vaccine_unknown",
        )
    return found
