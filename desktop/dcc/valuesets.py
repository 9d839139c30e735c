"""The EU DCC value sets (release 2.12.0, in ``resources/valuesets``), loaded once per process.

The schema only checks that codes are strings; membership in these sets is the issuer's duty, and
a code whose ``active`` is false must never be issued again (verifiers still accept it on old
certificates).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from desktop.dcc._resources import load_json

CodeStatus = Literal["active", "inactive", "unknown"]


@dataclass(frozen=True)
class ValueSet:
    name: str  # file name without ".json", e.g. "vaccine-medicinal-product"
    value_set_id: str
    active: frozenset[str]
    inactive: frozenset[str]
    display: dict[str, str]

    def status(self, code: str) -> CodeStatus:
        if code in self.active:
            return "active"
        if code in self.inactive:
            return "inactive"
        return "unknown"


@dataclass(frozen=True)
class EncodingInstruction:
    """One row of ``vaccine-encoding-instructions.json``: a product with its MAH and allowed vp codes."""

    name: str
    mp: str
    ma: str
    vp_codes: tuple[str, ...]
    note: str


@cache
def value_set(name: str) -> ValueSet:
    data = load_json("valuesets", f"{name}.json")
    values = data["valueSetValues"]
    return ValueSet(
        name=name,
        value_set_id=data["valueSetId"],
        active=frozenset(code for code, v in values.items() if v.get("active", False)),
        inactive=frozenset(code for code, v in values.items() if not v.get("active", False)),
        display={code: v.get("display", code) for code, v in values.items()},
    )


@cache
def encoding_instructions() -> tuple[EncodingInstruction, ...]:
    data = load_json("valuesets", "vaccine-encoding-instructions.json")
    return tuple(
        EncodingInstruction(name, v["vaccine-code"], v["vaccine-manufacturer"], tuple(v["sct-codes"]), v.get("note", ""))
        for name, v in data["valueSetValues"].items()
    )


@cache
def _consistent_triples() -> frozenset[tuple[str, str, str]]:
    return frozenset((vp, row.mp, row.ma) for row in encoding_instructions() for vp in row.vp_codes)


def is_consistent_vaccine(vp: str, mp: str, ma: str) -> bool:
    """True when (vp, mp, ma) is a combination the EU encoding instructions allow."""
    return (vp, mp, ma) in _consistent_triples()
