"""Checking a payload against the DCC JSON schema 1.3.3, fast enough for the central service.

The central service countersigns ≥ 1,500 PS256 certificates a second on two cores, and each
payload is checked before it is signed. ``jsonschema`` takes about 300 µs per payload here — as
much as the RSA signature itself — so this module holds a hand-written check of the same schema
(about 10 µs) and keeps ``jsonschema`` as the reference:

- ``fast_violations`` mirrors ``resources/dcc/DCC.combined-schema.json`` keyword for keyword with
  the semantics of ``jsonschema``'s Draft 2020-12 validator (``re.search`` patterns, floats with an
  integral value count as integers, keywords skip instances of other types, ``required`` reports
  each missing property). ``tests/unit/dcc/test_schema_equivalence.py`` proves it reports the same
  (path, keyword) multiset as ``jsonschema`` on every official vector and on thousands of mutants.
- The fast check is tied to the schema file by its SHA-256. If the file is ever replaced, the
  digest no longer matches and ``schema_violations`` silently uses ``jsonschema`` until someone
  updates the fast check and its pinned digest (the equivalence test fails first).

Formats: Draft 2020-12 treats ``format`` as an annotation, but a certificate with an impossible
date must not be issued, so both engines assert ``date`` and ``date-time`` (RFC 3339) with the
same two functions below.
"""

from __future__ import annotations

import hashlib
import numbers
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from collections.abc import Callable

from desktop.dcc._resources import load_json, resources_dir

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_FILE = ("dcc", "DCC.combined-schema.json")
# SHA-256 of the schema file the fast check was written against (DCC schema 1.3.3).
FAST_CHECK_SCHEMA_SHA256 = "3f5103800f6223120588650933e3f1b8042f562538841ab8857c878c0c693873"

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Violation:
    """One schema keyword that failed: where (``path`` into the payload) and which keyword."""

    path: Path_
    keyword: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)


# ---------------------------------------------------------------------------------------------
# Formats shared by both engines

def _digits(text: str) -> bool:
    """Only ASCII digits, at least one."""
    return text.isascii() and text.isdigit()


def is_date(value: object) -> bool:
    """RFC 3339 full-date: YYYY-MM-DD naming a real day."""
    if not isinstance(value, str):
        return True
    if len(value) != 10 or value[4] != "-" or value[7] != "-" or not (
            _digits(value[:4]) and _digits(value[5:7]) and _digits(value[8:])):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _time_of_day(text: str) -> int:
    """Length of an RFC 3339 partial-time (hh:mm:ss[.frac]) at the start of ``text``, 0 if none."""
    if len(text) < 8 or text[2] != ":" or text[5] != ":" or not (
            _digits(text[:2]) and _digits(text[3:5]) and _digits(text[6:8])):
        return 0
    if int(text[:2]) > 23 or int(text[3:5]) > 59 or int(text[6:8]) > 60:
        return 0
    if len(text) > 8 and text[8] == ".":
        fraction = text[9:]
        digits = len(fraction) - len(fraction.lstrip("0123456789"))
        return 9 + digits if digits else 0
    return 8


def _is_offset(text: str) -> bool:
    if text in ("Z", "z"):
        return True
    return (len(text) == 6 and text[0] in "+-" and text[3] == ":" and _digits(text[1:3]) and _digits(text[4:])
            and int(text[1:3]) <= 23 and int(text[4:]) <= 59)


def is_date_time(value: object) -> bool:
    """RFC 3339 date-time with a mandatory offset (Z or ±hh:mm)."""
    if not isinstance(value, str):
        return True
    if len(value) < 20 or value[10] not in "Tt" or not is_date(value[:10]):
        return False
    end = _time_of_day(value[11:])
    return end > 0 and _is_offset(value[11 + end:])


def tolerated_date(value: object) -> str | None:
    """The day a date field written as a date-time names, when read tolerantly; else None.

    Several issuers write ``dt``/``fr``/``df``/``du`` as "2021-05-01T00:00:00Z" (or without an
    offset) where the schema says full-date. The reference verifiers accept these on reading;
    VaxDesk does too, reporting it, and never issues one. The day is the date as written.
    """
    if not isinstance(value, str) or len(value) < 11 or value[10] not in "Tt" or not is_date(value[:10]):
        return None
    end = _time_of_day(value[11:])
    rest = value[11 + end:]
    if end == 0 or not (rest == "" or _is_offset(rest)):
        return None
    return value[:10]


def _format_checker() -> FormatChecker:
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    checker.checks("date")(is_date)
    checker.checks("date-time")(is_date_time)
    return checker


# ---------------------------------------------------------------------------------------------
# Reference engine


@cache
def schema_document() -> dict[str, Any]:
    document: dict[str, Any] = load_json(*SCHEMA_FILE)
    return document


@cache
def schema_sha256() -> str:
    return hashlib.sha256(resources_dir().joinpath(*SCHEMA_FILE).read_bytes()).hexdigest()


@cache
def jsonschema_validator() -> Draft202012Validator:
    """The compiled reference validator, built once per process (jsonschema is imported only
    here: the fast path does not need it, and every command-line start would pay for it)."""
    from jsonschema import Draft202012Validator

    schema = schema_document()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=_format_checker())


def jsonschema_violations(dcc: Any) -> list[Violation]:
    return [_from_jsonschema(err) for err in jsonschema_validator().iter_errors(dcc)]


_REQUIRED_SUFFIX = "' is a required property"


def _from_jsonschema(err: Any) -> Violation:
    params: dict[str, Any] = {"limit": err.validator_value, "value": err.instance}
    if err.validator == "required":
        message = err.message
        named = message.startswith("'") and message.endswith(_REQUIRED_SUFFIX) and len(message) > len(_REQUIRED_SUFFIX)
        params = {"field": message[1:-len(_REQUIRED_SUFFIX)] if named else "?"}
    return Violation(tuple(err.absolute_path), err.validator, params)


# ---------------------------------------------------------------------------------------------
# Fast engine: DCC.combined-schema.json 1.3.3, by hand

_Kind = Literal["string", "string80", "posint", "date", "date-time", "country", "name_t"]

class _Pattern:
    """A schema ``pattern`` checked by a hand-written linear function, never by a backtracking
    regular expression: a QR code is attacker-chosen, and ``^\\d+.\\d+.\\d+$`` takes cubic time
    on three thousand digits. ``pattern`` keeps the schema's text for messages; ``search`` gives
    the answer ``re.search(pattern, value)`` would give (the equivalence test proves it)."""

    def __init__(self, pattern: str, search: Callable[[str], bool]):
        self.pattern = pattern
        self.search = search


# Single-character classes: a search for one of them is one linear pass, nothing to backtrack.
_NON_DIGIT = re.compile(r"\D")
_CAPITAL = re.compile("[A-Z]")
_NOT_NAME_CHAR = re.compile("[^A-Z<]")


def _end_anchor(value: str) -> str | None:
    """The text ``$`` may end at: the whole value, or all but one final newline (Python ``$``).
    None when a newline sits anywhere else (no pattern here matches a newline)."""
    body = value[:-1] if value.endswith("\n") else value
    return None if "\n" in body else body


def _version_search(value: str) -> bool:
    """``^\\d+.\\d+.\\d+$``: three runs of (Unicode) digits joined by any two characters."""
    body = _end_anchor(value)
    if body is None:
        return False
    others = [m.start() for m in islice(_NON_DIGIT.finditer(body), 3)]
    n = len(body)
    if len(others) > 2:
        return False
    if len(others) == 2:
        first, second = others
        return first >= 1 and second >= first + 2 and second <= n - 2
    if len(others) == 1:
        # The other separator is a digit, on whichever side leaves at least one digit around it.
        (sep,) = others
        return (sep >= 1 and n - sep - 1 >= 3) or (sep >= 3 and sep <= n - 2)
    return n >= 5


def _dob_search(value: str) -> bool:
    """``^((19|20)\\d\\d(-\\d\\d){0,2}){0,1}$``: empty, YYYY, YYYY-MM or YYYY-MM-DD (19xx/20xx)."""
    body = _end_anchor(value)
    if body is None:
        return False
    if body == "":
        return True
    if len(body) not in (4, 7, 10) or body[:2] not in ("19", "20") or not body[2:4].isdecimal():
        return False
    return all(body[i] == "-" and body[i + 1:i + 3].isdecimal() for i in range(4, len(body), 3))


def _country_search(value: str) -> bool:
    """``[A-Z]{1,10}`` (unanchored): at least one ASCII capital letter anywhere."""
    return _CAPITAL.search(value) is not None


def _standardised_name_search(value: str) -> bool:
    """``^[A-Z<]*$``: only ASCII capitals and "<" (one final newline allowed, as ``$`` does)."""
    body = _end_anchor(value)
    return body is not None and _NOT_NAME_CHAR.search(body) is None


_VER = _Pattern(r"^\d+.\d+.\d+$", _version_search)
_DOB = _Pattern(r"^((19|20)\d\d(-\d\d){0,2}){0,1}$", _dob_search)
_COUNTRY = _Pattern(r"[A-Z]{1,10}", _country_search)
_STANDARDISED_NAME = _Pattern(r"^[A-Z<]*$", _standardised_name_search)

_NAME_FIELDS: dict[str, _Kind] = {"fn": "string80", "fnt": "name_t", "gn": "string80", "gnt": "name_t"}
_VACCINATION: dict[str, _Kind] = {
    "tg": "string", "vp": "string", "mp": "string", "ma": "string", "dn": "posint", "sd": "posint",
    "dt": "date", "co": "country", "is": "string80", "ci": "string80",
}
_TEST: dict[str, _Kind] = {
    "tg": "string", "tt": "string", "nm": "string80", "ma": "string", "sc": "date-time", "tr": "string",
    "tc": "string80", "co": "country", "is": "string80", "ci": "string80",
}
_RECOVERY: dict[str, _Kind] = {
    "tg": "string", "fr": "date", "co": "country", "is": "string80", "df": "date", "du": "date", "ci": "string80",
}
# group key -> (required properties in schema order, property kinds)
_GROUPS: dict[str, tuple[tuple[str, ...], dict[str, _Kind]]] = {
    "v": (("tg", "vp", "mp", "ma", "dn", "sd", "dt", "co", "is", "ci"), _VACCINATION),
    "t": (("tg", "tt", "sc", "tr", "co", "is", "ci"), _TEST),
    "r": (("tg", "fr", "co", "is", "df", "du", "ci"), _RECOVERY),
}
_ROOT_REQUIRED = ("ver", "nam", "dob")


def fast_violations(dcc: Any) -> list[Violation]:
    """The schema's findings for ``dcc``, as ``jsonschema`` would report them (same multiset)."""
    out: list[Violation] = []
    if not isinstance(dcc, dict):
        # Every oneOf branch only has "required", which ignores non-objects: all three pass,
        # so oneOf fails too ("valid under each of").
        out.append(Violation((), "type", {"limit": "object", "value": dcc}))
        out.append(Violation((), "oneOf", {}))
        return out
    groups_present = [key for key in _GROUPS if key in dcc]
    if not (all(key in dcc for key in _ROOT_REQUIRED) and len(groups_present) == 1):
        out.append(Violation((), "oneOf", {}))
    if "ver" in dcc:
        _check_string(out, ("ver",), dcc["ver"], pattern=_VER)
    if "nam" in dcc:
        _check_name(out, dcc["nam"])
    if "dob" in dcc:
        _check_string(out, ("dob",), dcc["dob"], pattern=_DOB)
    for key in groups_present:
        _check_group(out, key, dcc[key])
    return out


def _check_name(out: list[Violation], nam: Any) -> None:
    if not isinstance(nam, dict):
        out.append(Violation(("nam",), "type", {"limit": "object", "value": nam}))
        return
    if "fnt" not in nam and "gnt" not in nam:
        out.append(Violation(("nam",), "anyOf", {}))
    _check_properties(out, ("nam",), nam, _NAME_FIELDS)


def _check_group(out: list[Violation], key: str, entries: Any) -> None:
    if not isinstance(entries, list):
        out.append(Violation((key,), "type", {"limit": "array", "value": entries}))
        return
    if len(entries) < 1:
        out.append(Violation((key,), "minItems", {"limit": 1, "value": entries}))
    if len(entries) > 1:
        out.append(Violation((key,), "maxItems", {"limit": 1, "value": entries}))
    required, kinds = _GROUPS[key]
    for index, entry in enumerate(entries):
        path = (key, index)
        if not isinstance(entry, dict):
            out.append(Violation(path, "type", {"limit": "object", "value": entry}))
            continue
        for name in required:
            if name not in entry:
                out.append(Violation(path, "required", {"field": name}))
        _check_properties(out, path, entry, kinds)


def _check_properties(out: list[Violation], path: Path_, obj: dict[Any, Any], kinds: dict[str, _Kind]) -> None:
    for name, kind in kinds.items():
        if name in obj:
            _check_value(out, (*path, name), obj[name], kind)


def _check_value(out: list[Violation], path: Path_, value: Any, kind: _Kind) -> None:
    if kind == "posint":
        _check_positive_integer(out, path, value)
    elif kind == "string":
        _check_string(out, path, value)
    elif kind == "string80":
        _check_string(out, path, value, max_length=80)
    elif kind == "name_t":
        _check_string(out, path, value, max_length=80, pattern=_STANDARDISED_NAME)
    elif kind == "country":
        _check_string(out, path, value, pattern=_COUNTRY)
    else:
        _check_string(out, path, value, fmt=kind)


def _check_string(out: list[Violation], path: Path_, value: Any, *, max_length: int | None = None,
                  pattern: _Pattern | None = None, fmt: str | None = None) -> None:
    if not isinstance(value, str):
        out.append(Violation(path, "type", {"limit": "string", "value": value}))
        return
    if pattern is not None and not pattern.search(value):
        out.append(Violation(path, "pattern", {"limit": pattern.pattern, "value": value}))
    if max_length is not None and len(value) > max_length:
        out.append(Violation(path, "maxLength", {"limit": max_length, "value": value}))
    if fmt is not None and not (is_date(value) if fmt == "date" else is_date_time(value)):
        out.append(Violation(path, "format", {"limit": fmt, "value": value}))


def _check_positive_integer(out: list[Violation], path: Path_, value: Any) -> None:
    is_bool = isinstance(value, bool)
    if is_bool or not (isinstance(value, int) or (isinstance(value, float) and value.is_integer())):
        out.append(Violation(path, "type", {"limit": "integer", "value": value}))
    if not is_bool and isinstance(value, numbers.Number) and value < 1:  # type: ignore[operator]
        out.append(Violation(path, "minimum", {"limit": 1, "value": value}))


# ---------------------------------------------------------------------------------------------


def fast_check_applies() -> bool:
    """True when the schema on disk is the one the fast check was proven against."""
    return schema_sha256() == FAST_CHECK_SCHEMA_SHA256


def schema_violations(dcc: Any, engine: Literal["auto", "fast", "jsonschema"] = "auto") -> list[Violation]:
    """The schema findings for ``dcc``; ``auto`` uses the fast check when it applies."""
    if engine == "fast" or (engine == "auto" and fast_check_applies()):
        return fast_violations(dcc)
    return jsonschema_violations(dcc)
