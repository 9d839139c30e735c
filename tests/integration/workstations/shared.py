"""Two workstations on one PostgreSQL database: workspace folders sharing one ``database_url`` (and the
audit key), records to check, and a population that knows every one of them."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from desktop.models import VaccinationRecord
from desktop.text import fold
from desktop.workspace import Workspace
from tests.helpers import ensure_test_administrator


def number(i: int) -> str:
    """A valid CCCD: Hà Nội (001), a man born in 1990, serial ``i``."""
    return f"001090{i:06d}"


def population(count: int) -> dict[str, Any]:
    citizens = [{"id_number": number(i), "old_id_number": None, "full_name": f"Nguyễn Văn Số {i}",
                 "date_of_birth": "1990-05-12", "sex": "M", "nationality": "VN"} for i in range(1, count + 1)]
    return {"tokens": ["secret-token"], "citizens": citizens}


def record_values(i: int, **extra: Any) -> dict[str, Any]:
    name = f"Nguyễn Văn Số {i}"
    values = dict(
        full_name=name, name_folded=fold(name), date_of_birth="1990-05-12", sex="M", id_number=number(i),
        nationality="VN", vaccine_name="Comirnaty", vaccine_mp="EU/1/20/1528", vaccine_ma="ORG-100030215",
        vaccine_vp="1119349007", lot="FK1234", dose_number=1, dn=1, sd=2, vaccination_date="2021-09-01",
        facility_code="01001", source_row=i + 1, source_ref=f"list.csv:{i + 1}",
    )
    values.update(extra)
    return values


def add_records(workspace: Workspace, count: int, **extra: Any) -> None:
    with workspace.db.session() as session:
        session.execute(insert(VaccinationRecord), [record_values(i, **extra) for i in range(1, count + 1)])


def workstations(tmp_path: Path, url: str, registry_url: str = "", names: tuple[str, ...] = ("pc1", "pc2"),
                 **settings: Any) -> list[Path]:
    """Workspace folders on one database: the first creates the schema and the administrator, the others
    get its settings and audit key (the keyed hashes of personal values must agree)."""
    folders = [tmp_path / name for name in names]
    first = Workspace.open(folders[0])
    try:
        first.settings.set("database_url", url)
        first.settings.set("facility_code", "01001")
        if registry_url:
            first.settings.set("registry_url", registry_url)
            first.settings.set("registry_token", "secret-token")
        for key, value in settings.items():
            first.settings.set(key, value)
        first.settings.save()
        first.db  # noqa: B018 - creates the schema
    finally:
        first.close()
    ensure_test_administrator(folders[0])
    for folder in folders[1:]:
        Workspace.open(folder).close()
        for name in ("settings.json", "secrets.json", "audit.key"):
            if (folders[0] / name).exists():
                shutil.copy2(folders[0] / name, folder / name)
    return folders
