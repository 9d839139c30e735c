"""Is this DCC payload acceptable? Schema, value sets, and the issuer's own rules.

Two audiences use the same checks with one difference:

- the issuer (``issuing=True``, the default) refuses anything doubtful: codes that are inactive
  in the value sets, vaccine codes that do not belong together, floats, a malformed UVCI, a
  vaccination dated after the certificate;
- a verifier (``issuing=False``) judges a certificate someone else issued, possibly years ago: an
  inactive code was legitimate when it was issued (test vector CO28 carries the deprecated
  ``J07BX03``), so only unknown codes and schema violations count.

The schema part uses the fast hand-written check (see ``schema_check``); everything here is
cheap enough for the central service's countersigning loop (≈ 15 µs per payload).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from desktop.dcc import uvci as uvci_rules
from desktop.dcc.problems import Problem, problem
from desktop.dcc.schema_check import (
    Violation,
    _country_search,
    _version_search,
    fast_check_applies,
    is_date,
    schema_violations,
    tolerated_date,
)
from desktop.dcc.valuesets import is_consistent_vaccine, value_set
from desktop.i18n import Message, tr

ENTRY_GROUPS = ("v", "t", "r")

# Which value set each coded field belongs to. A rapid test's device (t/ma) is checked against
# the EU device list the release ships (test-manf-example.json, value set
# covid-19-lab-test-manufacturer-and-name), as the reference verifiers do.
FIELD_VALUE_SETS: dict[str, dict[str, str]] = {
    "v": {"tg": "disease-agent-targeted", "vp": "vaccine-prophylaxis", "mp": "vaccine-medicinal-product",
          "ma": "vaccine-mah-manf", "co": "country-2-codes"},
    "t": {"tg": "disease-agent-targeted", "tt": "test-type", "tr": "test-result", "co": "country-2-codes",
          "ma": "test-manf-example"},
    "r": {"tg": "disease-agent-targeted", "co": "country-2-codes"},
}

# Latest timezone on Earth: a vaccination date later than the issue instant there is impossible
# wherever the certificate was issued.
_LATEST_UTC_OFFSET = timedelta(hours=14)


def validate_payload(dcc: Any, *, issuing: bool = True, issued_at: datetime | None = None) -> list[Problem]:
    """Every problem with ``dcc``; an empty list means it may be signed (or, verifying, accepted)."""
    problems = schema_problems(dcc, tolerant=not issuing)
    problems += value_set_problems(dcc, issuing=issuing)
    if issuing:
        problems += issuer_problems(dcc, issued_at=issued_at)
    return problems


def entry_count(dcc: Any) -> int:
    """How many vaccination/test/recovery entries the payload holds (a DCC must hold one)."""
    if not isinstance(dcc, dict):
        return 0
    return sum(len(dcc[key]) if isinstance(dcc[key], list) else 1 for key in ENTRY_GROUPS if key in dcc)


def _entries(dcc: Any) -> list[tuple[str, int, dict[str, Any]]]:
    if not isinstance(dcc, dict):
        return []
    return [
        (key, index, entry)
        for key in ENTRY_GROUPS if isinstance(dcc.get(key), list)
        for index, entry in enumerate(dcc[key]) if isinstance(entry, dict)
    ]


# ---------------------------------------------------------------------------------------------
# Schema


# Date fields some issuers write as date-times; a verifier reads them as the date they start with.
TOLERATED_DATE_FIELDS = frozenset({("v", "dt"), ("r", "fr"), ("r", "df"), ("r", "du")})


def schema_problems(dcc: Any, engine: str = "auto", *, tolerant: bool = False) -> list[Problem]:
    """Schema findings as problems. The root ``oneOf`` is explained field by field, and several
    entries become one ``multiple_entries`` problem instead of opaque oneOf/maxItems errors.

    ``tolerant`` (verifying only): a date field in ``TOLERATED_DATE_FIELDS`` written as an RFC 3339
    date-time, with or without offset, is a ``date_tolerated`` warning instead of an error.
    """
    violations = schema_violations(dcc, engine)  # type: ignore[arg-type]
    count = entry_count(dcc)
    problems: list[Problem] = []
    if count > 1:
        problems.append(problem("multiple_entries", count=count))
    for violation in violations:
        if violation.keyword == "oneOf" and violation.path == ():
            problems += _root_problems(dcc, count)
        elif violation.keyword == "maxItems" and count > 1:
            continue
        elif tolerant and (tolerated := _tolerated(violation)) is not None:
            problems.append(tolerated)
        else:
            problems.append(_violation_problem(violation))
    return problems


def _root_problems(dcc: Any, count: int) -> list[Problem]:
    if not isinstance(dcc, dict):
        return []  # the "type" violation already says it
    out = [
        _schema_problem(field, tr("thiếu trường bắt buộc", "the required field is missing"))
        for field in ("ver", "nam", "dob") if field not in dcc
    ]
    if count == 0 and not any(key in dcc for key in ENTRY_GROUPS):
        out.append(_schema_problem("", tr("thiếu mục tiêm chủng (v), xét nghiệm (t) hoặc khỏi bệnh (r)",
                                          "a vaccination (v), test (t) or recovery (r) entry is missing")))
    return out


def _tolerated(v: Violation) -> Problem | None:
    if v.keyword != "format" or len(v.path) != 3 or (v.path[0], v.path[2]) not in TOLERATED_DATE_FIELDS:
        return None
    value = v.params.get("value")
    day = tolerated_date(value)
    if day is None:
        return None
    return problem("date_tolerated", path="/".join(str(part) for part in v.path), severity="warning", value=_short(value),
                   day=day, details={"tolerance": "date-time read as date", "value": value})


def _schema_problem(path: str, detail: Message) -> Problem:
    return problem("schema", path=path or None, detail=detail)


def _violation_problem(v: Violation) -> Problem:
    path = "/".join(str(part) for part in v.path)
    return problem("schema", path=path or None, detail=_describe(v), details={"keyword": v.keyword})


def _describe(v: Violation) -> Message:
    limit, value = v.params.get("limit"), _short(v.params.get("value"))
    texts: dict[str, tuple[str, str]] = {
        "type": ("phải có kiểu {limit}", "must be of type {limit}"),
        "required": ("thiếu trường bắt buộc \"{field}\"", "the required field \"{field}\" is missing"),
        "pattern": ("giá trị \"{value}\" không đúng định dạng", "the value \"{value}\" has the wrong format"),
        "maxLength": ("dài quá {limit} ký tự", "is longer than {limit} characters"),
        "minimum": ("phải từ {limit} trở lên", "must be at least {limit}"),
        "minItems": ("không được để trống", "must not be empty"),
        "maxItems": ("chỉ được có {limit} mục", "may hold only {limit} item"),
        "format": ("\"{value}\" không phải ngày/giờ hợp lệ", "\"{value}\" is not a valid {limit}"),
        "anyOf": ("phải có ít nhất một trong fnt, gnt (tên chuẩn hoá ICAO)",
                  "needs at least one of fnt, gnt (ICAO standardised names)"),
    }
    vi, en = texts.get(v.keyword, ("không hợp lệ ({keyword})", "is invalid ({keyword})"))
    return tr(vi, en, limit=limit, value=value, field=v.params.get("field", "?"), keyword=v.keyword)


def _short(value: Any) -> str:
    """At most 40 characters of ``value`` for a message; safe for any value (an integer of a
    million digits is described, never converted to text)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"<{value.bit_length()}-bit integer>"
    if isinstance(value, str):
        text = value
    elif isinstance(value, (dict, list)):
        text = f"<{type(value).__name__} of {len(value)}>"
    else:
        try:
            text = repr(value)
        except (ValueError, RecursionError):
            text = f"<{type(value).__name__}>"
    return text if len(text) <= 40 else text[:37] + "..."


# ---------------------------------------------------------------------------------------------
# Value sets


def value_set_problems(dcc: Any, *, issuing: bool = True) -> list[Problem]:
    """Codes missing from the value sets; when issuing, also codes that are no longer active."""
    problems: list[Problem] = []
    for key, index, entry in _entries(dcc):
        for field, set_name in FIELD_VALUE_SETS[key].items():
            code = entry.get(field)
            if not isinstance(code, str):
                continue  # the schema check reports it
            status = value_set(set_name).status(code)
            if status == "unknown" or (status == "inactive" and issuing):
                kind = "value_set" if status == "unknown" else "value_set_inactive"
                problems.append(problem(kind, path=f"{key}/{index}/{field}", value=code, value_set=set_name))
    return problems


# ---------------------------------------------------------------------------------------------
# The issuer's own rules


def issuer_problems(dcc: Any, *, issued_at: datetime | None = None) -> list[Problem]:
    """Rules the schema leaves open but an issuer must keep (eHN issuer quality checks)."""
    problems = _encodable_problems(dcc, "")
    for key, index, entry in _entries(dcc):
        base = f"{key}/{index}"
        problems += _uvci_problems(entry.get("ci"), f"{base}/ci")
        if key == "v":
            problems += _vaccine_problems(entry)
            problems += _vaccination_date_problems(entry.get("dt"), issued_at, f"{base}/dt")
    return problems


def _encodable_problems(value: Any, path: str) -> list[Problem]:
    """Only JSON types go into a certificate: no floats, bytes, None or dates (CBOR would encode
    them as types a verifier's JSON schema rejects; eHN I-CO5 "no undefined values")."""
    if isinstance(value, dict):
        out: list[Problem] = []
        for key, item in value.items():
            if not isinstance(key, str):
                out.append(_schema_problem(path, tr("khoá {key} không phải chuỗi", "key {key} is not a string",
                                                    key=_short(key))))
            out += _encodable_problems(item, f"{path}/{key}" if path else str(key))
        return out
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in _encodable_problems(item, f"{path}/{i}")]
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return []
    return [_schema_problem(path, tr("giá trị kiểu {kind} không được phép trong chứng nhận (phải là số nguyên hoặc chuỗi)",
                                     "a value of type {kind} is not allowed in a certificate (use an integer or text)",
                                     kind=type(value).__name__))]


def _uvci_problems(ci: Any, path: str) -> list[Problem]:
    if isinstance(ci, str) and not uvci_rules.is_well_formed(ci):
        return [problem("uvci", path=path, value=ci)]
    return []


def _vaccine_problems(entry: dict[str, Any]) -> list[Problem]:
    vp, mp, ma = entry.get("vp"), entry.get("mp"), entry.get("ma")
    if not all(isinstance(x, str) for x in (vp, mp, ma)):
        return []
    if is_consistent_vaccine(vp, mp, ma):  # type: ignore[arg-type]
        return []
    return [problem("vaccine_inconsistent", path=None, vp=vp, mp=mp, ma=ma)]


def _vaccination_date_problems(dt: Any, issued_at: datetime | None, path: str) -> list[Problem]:
    if issued_at is None or not isinstance(dt, str):
        return []
    try:
        day = date.fromisoformat(dt)
    except ValueError:
        return []  # the schema check reports it
    if day > (issued_at.astimezone(UTC) + _LATEST_UTC_OFFSET).date():
        return [problem("vaccination_in_future", path=path, dt=dt)]
    return []


# ---------------------------------------------------------------------------------------------
# The issuer's fast path


_ROOT_KEYS = frozenset({"ver", "nam", "dob", "v"})
_NAME_KEYS = frozenset({"fn", "fnt", "gn", "gnt"})
_VACCINATION_KEYS = frozenset({"tg", "vp", "mp", "ma", "dn", "sd", "dt", "co", "is", "ci"})
_ASCII_DOB = re.compile(r"(?:19|20)[0-9]{2}(?:-[0-9]{2}){0,2}")
_ASCII_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_STANDARDISED = re.compile(r"[A-Z<]*")
_MAX_DOSE = 2**31 - 1


class IssuingCheck:
    """A quick yes-or-"look closer" for one vaccination payload, for an issuer signing thousands.

    ``surely_valid(dcc)`` is True only when ``validate_payload(dcc, issuing=True,
    issued_at=issued_at)`` finds nothing: it accepts a narrower set of payloads (exact ``str`` and
    ``int`` types, ASCII digits, exactly the fields a vaccination certificate carries) and decides
    the costly parts once per distinct value: the value-set and consistency verdict per code
    combination, the date verdict per date. False means nothing but "run ``validate_payload``",
    which then names the problems, so a refusal is always the full check's own refusal.
    """

    def __init__(self, issued_at: datetime):
        self._latest = (issued_at.astimezone(UTC) + _LATEST_UTC_OFFSET).date()
        self._enabled = fast_check_applies()
        self._codes: dict[tuple[str, str, str, str, str], bool] = {}
        self._dates: dict[str, bool] = {}
        self._texts: dict[str, bool] = {}
        self._dobs: dict[str, bool] = {}
        self._standardised: dict[str, bool] = {}  # ICAO name parts (family names repeat)

    def surely_valid(self, dcc: Any) -> bool:
        if not self._enabled or type(dcc) is not dict or dcc.keys() != _ROOT_KEYS:
            return False
        ver, nam, dob, group = dcc["ver"], dcc["nam"], dcc["dob"], dcc["v"]
        if type(ver) is not str or not self._version_ok(ver):
            return False
        if type(dob) is not str or not self._dob_ok(dob):
            return False
        if not self._name_ok(nam):
            return False
        if type(group) is not list or len(group) != 1:
            return False
        entry = group[0]
        if type(entry) is not dict or entry.keys() != _VACCINATION_KEYS:
            return False
        dn, sd = entry["dn"], entry["sd"]
        if type(dn) is not int or not 1 <= dn <= _MAX_DOSE or type(sd) is not int or not 1 <= sd <= _MAX_DOSE:
            return False
        tg, vp, mp, ma, co = codes = (entry["tg"], entry["vp"], entry["mp"], entry["ma"], entry["co"])
        dt, issuer, ci = entry["dt"], entry["is"], entry["ci"]
        if not (type(tg) is str and type(vp) is str and type(mp) is str and type(ma) is str and type(co) is str
                and type(dt) is str and type(issuer) is str and type(ci) is str):
            return False
        if len(issuer) > 80 or len(ci) > 80 or not uvci_rules.is_well_formed(ci):
            return False
        return self._codes_ok(codes) and self._date_ok(dt)

    def _version_ok(self, ver: str) -> bool:
        verdict = self._texts.get(ver)
        if verdict is None:
            verdict = self._texts[ver] = _version_search(ver)
        return verdict

    def _dob_ok(self, dob: str) -> bool:
        verdict = self._dobs.get(dob)
        if verdict is None:
            verdict = self._dobs[dob] = bool(_ASCII_DOB.fullmatch(dob))
        return verdict

    def _name_ok(self, nam: Any) -> bool:
        if type(nam) is not dict or not nam or not nam.keys() <= _NAME_KEYS or ("fnt" not in nam and "gnt" not in nam):
            return False
        standardised = self._standardised
        for key, text in nam.items():
            if type(text) is not str or len(text) > 80:
                return False
            if key[-1] == "t":
                verdict = standardised.get(text)
                if verdict is None:
                    verdict = standardised[text] = bool(_STANDARDISED.fullmatch(text))
                if not verdict:
                    return False
        return True

    def _codes_ok(self, codes: tuple[str, str, str, str, str]) -> bool:
        verdict = self._codes.get(codes)
        if verdict is None:
            tg, vp, mp, ma, co = codes
            sets = FIELD_VALUE_SETS["v"]
            verdict = (all(value_set(sets[field]).status(code) == "active"
                           for field, code in zip(("tg", "vp", "mp", "ma", "co"), codes, strict=True))
                       and is_consistent_vaccine(vp, mp, ma) and _country_search(co))
            self._codes[codes] = verdict
        return verdict

    def _date_ok(self, dt: str) -> bool:
        verdict = self._dates.get(dt)
        if verdict is None:
            verdict = bool(_ASCII_DATE.fullmatch(dt)) and is_date(dt) and date.fromisoformat(dt) <= self._latest
            self._dates[dt] = verdict
        return verdict
