"""The demo's population registry: a population file the reference registry serves, and its token."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from services.registry.population import write

POPULATION_FILE = "registry-population.json"


def citizen_of(person: Any) -> dict[str, Any]:
    """The registry's view of a person (attributes id_number, old_id_number, full_name, date_of_birth, sex,
    nationality)."""
    return {
        "id_number": person.id_number,
        "old_id_number": getattr(person, "old_id_number", None) or None,
        "full_name": person.full_name,
        "date_of_birth": person.date_of_birth,
        "sex": person.sex,
        "nationality": getattr(person, "nationality", None) or "VN",
    }


def write_population(people: Iterable[Any], folder: Path | str, token: str | None = None) -> dict[str, str]:
    """Write the population file into ``folder``; returns its path and the facility's API token."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    token = token or secrets.token_urlsafe(24)
    path = write(folder / POPULATION_FILE, [citizen_of(p) for p in people], [token])
    return {"registry_population": str(path), "registry_token": token}
