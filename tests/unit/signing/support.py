"""Shared by the signing tests: records in a real workspace database, a workspace with a real SoftHSM token."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from sqlalchemy import insert

from desktop.models import DailyList, VaccinationRecord

PIN = "12345678"


def add_list(workspace, file_name="danh-sach-26-11.xlsx", facility_code="01001") -> int:
    with workspace.db.session() as session:
        lst = DailyList(file_name=file_name, file_sha256=hashlib.sha256(file_name.encode()).hexdigest(), layout="pl1",
                        facility_code=facility_code)
        session.add(lst)
        session.flush()
        return lst.id


def add_records(workspace, n, list_id=None, facility_code="01001", check_status="matched", decision=None,
                vaccination_date="2026-11-26", supersedes_record_id=None, start=0) -> list[int]:
    """``n`` realistic records straight into the database (as the import and the registry check leave them)."""
    now = datetime.now(UTC)
    rows = []
    for i in range(start, start + n):
        rows.append({
            "list_id": list_id, "source_ref": f"REF{i:07d}", "source_row": i + 2, "facility_code": facility_code,
            "full_name": f"Nguyễn Thị Hồng Nhung {i}", "name_folded": f"nguyen thi hong nhung {i}",
            "date_of_birth": "1990-05-17", "sex": "F", "id_number": f"001190{i:06d}", "id_kind": "cccd",
            "nationality": "VN", "phone": "", "insurance_number": "", "province_code": "01", "district_code": "",
            "ward_code": "", "vaccine_name": "Pfizer", "vaccine_mp": "EU/1/20/1528", "vaccine_ma": "ORG-100030215",
            "vaccine_vp": "1119349007", "lot": "FK1234", "dose_number": 2, "dn": 2, "sd": 2,
            "vaccination_date": vaccination_date, "flags": [], "check_status": check_status, "checked_at": now,
            "registry_values": None, "differences": [], "decision": decision, "decision_reason": "",
            "stage": "loaded", "batch_id": None, "central_reason": "", "supersedes_record_id": supersedes_record_id,
            "created_at": now, "updated_at": now,
        })
    with workspace.db.session() as session:
        first = session.execute(insert(VaccinationRecord).returning(VaccinationRecord.id), rows).scalars().all()
    return list(first)


def make_signing_workspace(path, facility_code="01001", facility_name="Bệnh viện Bạch Mai", algorithm=None):
    from desktop.demo.token import create_demo_token
    from desktop.workspace import Workspace

    ws = Workspace.open(path)
    ws.settings.set("facility_code", facility_code)
    ws.settings.set("facility_name", facility_name)
    ws.settings.save()
    create_demo_token(ws, algorithm=algorithm)
    return ws


_TEMPLATES: dict[str, object] = {}


def copy_signing_workspace(template, target):
    """A fresh copy of a workspace with its own SoftHSM token folder (fast: no key generation)."""
    import shutil

    from desktop.workspace import Workspace

    shutil.copytree(template, target)
    conf = target / "softhsm2.conf"
    conf.write_text(conf.read_text(encoding="utf-8").replace(str(template), str(target)), encoding="utf-8")
    for suffix in ("", "-wal", "-shm"):
        p = target / ("workspace.sqlite3" + suffix)
        if p.exists():
            p.unlink()
    return Workspace.open(target)


def template_workspace(tmp_path_factory, algorithm=None, facility_code="01001"):
    key = f"{algorithm}:{facility_code}"
    if key not in _TEMPLATES:
        path = tmp_path_factory.mktemp("signing-template") / "ws"
        ws = make_signing_workspace(path, facility_code=facility_code, algorithm=algorithm)
        ws.close()
        _TEMPLATES[key] = ws.path
    return _TEMPLATES[key]
