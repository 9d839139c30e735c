"""Records and a population for registry/review tests, written straight into a workspace."""

from __future__ import annotations

from typing import Any

from desktop.models import VaccinationRecord
from desktop.registry.compare import fold

CITIZENS = [
    # id_number, old_id_number, full_name, date_of_birth, sex
    ("001090012345", "012345678", "Nguyễn Văn An", "1990-05-12", "M"),
    ("001185012346", None, "Trần Thị Thuý", "1985-03-04", "F"),
    ("079201012347", None, "Đặng Minh Đức", "2001-11-30", "M"),
    ("001070012348", None, "Lê Văn Bình", "1970", "M"),
    ("031195012349", None, "Phạm Thị Hồng Nhung", "1995-07-21", "F"),
]


def citizen(id_number: str, old: str | None, name: str, dob: str, sex: str, nationality: str = "VN") -> dict:
    return {"id_number": id_number, "old_id_number": old, "full_name": name, "date_of_birth": dob, "sex": sex,
            "nationality": nationality}


def population(extra: list[dict] | None = None) -> dict[str, Any]:
    return {"tokens": ["secret-token"], "citizens": [citizen(*c) for c in CITIZENS] + (extra or [])}


def add_record(session, full_name: str, date_of_birth: str, sex: str, id_number: str, **extra: Any) -> VaccinationRecord:
    values = dict(
        full_name=full_name, name_folded=fold(full_name), date_of_birth=date_of_birth, sex=sex,
        id_number=id_number, nationality="VN", vaccine_name="Comirnaty", vaccine_mp="EU/1/20/1528",
        vaccine_ma="ORG-100030215", vaccine_vp="1119349007", lot="FK1234", dose_number=1, dn=1, sd=2,
        vaccination_date="2021-09-01", facility_code="01001",
    )
    values.update(extra)
    record = VaccinationRecord(**values)
    session.add(record)
    session.flush()
    return record


def add_records(workspace, rows: list[tuple]) -> list[int]:
    with workspace.db.session() as session:
        ids = []
        for i, row in enumerate(rows, start=1):
            ids.append(add_record(session, *row, source_row=i + 1).id)
        return ids


def add_checked(workspace, rows: list[tuple[tuple, dict | None]], actor: str = "tester") -> list[int]:
    """Records checked against given registry answers (citizen dict, None for not_found, "invalid"), through the
    same code that stores a real check's answers."""
    from desktop.progress import NO_PROGRESS
    from desktop.registry import check as check_module
    from desktop.registry.client import Answer, BatchAnswer

    ids = add_records(workspace, [listed for listed, _ in rows])
    with workspace.db.session() as session:
        loaded = {r.id: r for r in check_module._to_check(session, ids)}
    run = check_module._Run(workspace, actor, list(loaded.values()), NO_PROGRESS)
    run.groups = {str(record_id): [row] for record_id, row in loaded.items()}
    batch = BatchAnswer(asked=[str(i) for i in ids])
    for record_id, (_, found) in zip(ids, rows, strict=True):
        ref = str(record_id)
        if found == "invalid":
            batch.answers[ref] = Answer(ref, "invalid")
        else:
            batch.answers[ref] = Answer(ref, "found", found) if found else Answer(ref, "not_found")
    run.on_batch(batch)
    return ids
