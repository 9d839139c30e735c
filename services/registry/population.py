"""The reference registry's synthetic population, read from one JSON file.

File format (UTF-8 JSON)::

    {"format": "vaxdesk-registry-population/1",
     "tokens": ["facility API token", ...],
     "citizens": [{"id_number": "001090012345", "old_id_number": "012345678" | null,
                   "full_name": "Nguyễn Văn An", "date_of_birth": "1990-05-12" | "1990-05" | "1990",
                   "sex": "M" | "F", "nationality": "VN"}, ...]}

Look-ups find a citizen by ``id_number`` (12-digit CCCD or passport) or by the ``old_id_number``
(9-digit CMND) linked to it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "vaxdesk-registry-population/1"
FIELDS = ("id_number", "old_id_number", "full_name", "date_of_birth", "sex", "nationality")
DIGITS = re.compile(r"^[0-9]+$")
PASSPORT = re.compile(r"^[A-Z0-9]{6,9}$")


@dataclass
class Population:
    tokens: list[str] = field(default_factory=list)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_old_id: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Population:
        population = cls(tokens=[str(t) for t in data.get("tokens", [])])
        for raw in data.get("citizens", []):
            population.add(raw)
        return population

    @classmethod
    def load(cls, path: Path | str) -> Population:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def add(self, raw: dict[str, Any]) -> None:
        citizen = {k: raw.get(k) for k in FIELDS}
        citizen["full_name"] = unicodedata.normalize("NFC", citizen["full_name"] or "")
        citizen["nationality"] = citizen["nationality"] or "VN"
        self.by_id[str(citizen["id_number"]).upper()] = citizen
        if citizen["old_id_number"]:
            self.by_old_id[str(citizen["old_id_number"])] = citizen

    def __len__(self) -> int:
        return len(self.by_id)

    def lookup(self, id_number: Any) -> dict[str, Any]:
        """One result body without ``ref``: found / not_found / invalid (with a reason)."""
        if not isinstance(id_number, str):
            return {"status": "invalid", "reason": "id_number must be a string"}
        number = id_number.strip().upper()
        if DIGITS.match(number):
            if len(number) not in (9, 12):
                return {"status": "invalid", "reason": f"id_number has {len(number)} digits"}
        elif not PASSPORT.match(number):
            return {"status": "invalid", "reason": "id_number is not a CCCD, CMND or passport number"}
        citizen = self.by_id.get(number)
        if citizen is None and len(number) == 9:
            citizen = self.by_old_id.get(number)
        if citizen is None:
            return {"status": "not_found"}
        return {"status": "found", "citizen": citizen}


def write(path: Path, citizens: list[dict[str, Any]], tokens: list[str]) -> Path:
    data = {"format": FORMAT, "tokens": tokens, "citizens": citizens}
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    return path
