"""How a record compares with the registry (contracts/mismatch-kinds.md).

Each differing field gets exactly one kind, tried from the most harmless to the most serious:

name: ``format`` (only case, spacing or Unicode form NFC/NFD differ) → ``accents`` (equal once tone
and vowel marks are removed, Đ/đ mapped to D/d explicitly since they do not decompose; this
includes tone placement, old style "Thúy" vs new style "Thuý") → ``order`` (same words, another
order) → ``middle_name`` (same first and last word, one side has extra middle words, e.g. Văn/Thị)
→ ``typo`` (at most 2 letter edits apart after removing marks; an edit is an insertion, deletion,
substitution or swap of two neighbouring letters) → ``different``.

dob: ``placeholder`` (the list has 01/01 of the registry's year while the registry says otherwise)
→ ``partial`` (one side has only the year or year-month, and it agrees with the other) → ``swapped``
(day and month exchanged) → ``different``.

sex: ``different``. id: ``linked`` (the list has a 9-digit CMND, the registry answers with the
12-digit ID it is linked to) and ``inconsistent`` (a CCCD's century/sex or year digits disagree
with the record; see ``precheck``).

A record is ``matched`` when every difference is of kind ``format``; those are corrected to the
registry's form automatically.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from desktop.ids import CCCD, CMND, cccd_inconsistency
from desktop.text import fold, nfc, tidy

DOB = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")

# (field, kind) pairs in the order they are shown and counted
NAME_KINDS = ("format", "accents", "order", "middle_name", "typo", "different")
DOB_KINDS = ("placeholder", "partial", "swapped", "different")
ALL_KINDS = (
    *(("name", k) for k in NAME_KINDS), *(("dob", k) for k in DOB_KINDS),
    ("sex", "different"), ("id", "linked"), ("id", "inconsistent"),
)


@dataclass(frozen=True)
class Person:
    """The four compared fields, as the list or the registry has them."""

    full_name: str
    date_of_birth: str
    sex: str
    id_number: str

    @classmethod
    def from_citizen(cls, citizen: dict[str, Any]) -> Person:
        return cls(citizen["full_name"], citizen["date_of_birth"], citizen["sex"], citizen["id_number"])


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment distance (swap of neighbours = 1 edit), capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)


def _is_middle_subset(short: list[str], long: list[str]) -> bool:
    """Same first and last word; the shorter side's middle words appear, in order, in the longer's."""
    if len(short) < 2 or len(long) <= len(short) or short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long[1:-1])
    return all(word in rest for word in short[1:-1])


def name_kind(listed: str, registry: str) -> str | None:
    """The kind of a name difference, or None when the names are identical (after NFC)."""
    if nfc(listed) == nfc(registry):
        return None
    if tidy(listed).casefold() == tidy(registry).casefold():
        return "format"
    a, b = fold(listed), fold(registry)
    if a == b:
        return "accents"
    wa, wb = a.split(), b.split()
    if sorted(wa) == sorted(wb):
        return "order"
    if _is_middle_subset(wa, wb) or _is_middle_subset(wb, wa):
        return "middle_name"
    if edit_distance(a, b) <= 2:
        return "typo"
    return "different"


def dob_kind(listed: str, registry: str) -> str | None:
    """The kind of a date-of-birth difference, or None when the dates are equal."""
    if listed == registry:
        return None
    ml, mr = DOB.match(listed or ""), DOB.match(registry or "")
    if not ml or not mr:
        return "different"
    if ml.group(1) == mr.group(1) and listed[5:] == "01-01" and registry[5:] != "01-01":
        return "placeholder"
    if listed.startswith(registry) or registry.startswith(listed):
        return "partial"
    if ml.group(3) and mr.group(3) and ml.group(1) == mr.group(1) and ml.group(2) != ml.group(3) \
            and ml.group(2) == mr.group(3) and ml.group(3) == mr.group(2):
        return "swapped"
    return "different"


def difference(field: str, kind: str, listed: Any, registry: Any) -> dict[str, Any]:
    return {"field": field, "kind": kind, "list": listed, "registry": registry}


def id_differences(person: Person, registry_id: str | None) -> list[dict[str, Any]]:
    """``linked`` and ``inconsistent``; the latter needs no registry answer (``registry_id`` may be None)."""
    out = []
    if registry_id and CMND.match(person.id_number) and CCCD.match(registry_id) and registry_id != person.id_number:
        out.append(difference("id", "linked", person.id_number, registry_id))
    if cccd_inconsistency(person.id_number, person.sex, person.date_of_birth):
        out.append(difference("id", "inconsistent", person.id_number, registry_id))
    return out


def compare(listed: Person, registry: Person) -> list[dict[str, Any]]:
    """Every difference between the list's person and the registry's, in the order name, dob, sex, id."""
    out = []
    kind = name_kind(listed.full_name, registry.full_name)
    if kind:
        out.append(difference("name", kind, listed.full_name, registry.full_name))
    kind = dob_kind(listed.date_of_birth, registry.date_of_birth)
    if kind:
        out.append(difference("dob", kind, listed.date_of_birth, registry.date_of_birth))
    if listed.sex != registry.sex:
        out.append(difference("sex", "different", listed.sex, registry.sex))
    out.extend(id_differences(listed, registry.id_number))
    return out


def status_for(differences: list[dict[str, Any]]) -> str:
    """``matched`` when only ``format`` differences remain, else ``mismatch``."""
    return "matched" if all(d["kind"] == "format" for d in differences) else "mismatch"


def queue_key(field: str, kind: str) -> str:
    """The name of a difference kind in filters and counts: ``name:accents``."""
    return f"{field}:{kind}"
