"""``records`` signs in and lists on Core connections: the ORM is never imported, and the listing is the one
the ORM gives."""

from __future__ import annotations

import json
import subprocess
import sys

from sqlalchemy import select

from desktop.audit import verify_chain
from desktop.importer.queries import LIST_COLUMNS
from desktop.models import AuditEvent, VaccinationRecord
from tests.helpers import ROOT, TEST_USER, run_cli, signed_in_env


def _imported(stderr: str) -> set[str]:
    """The modules ``-X importtime`` reports (one line each: ``import time: self | cumulative | name``)."""
    names = set()
    for line in stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            names.add(line.rsplit("|", 1)[1].strip())
    return names


def _orm_listing(workspace, limit):
    """What ``records --limit`` shows, read through the ORM classes in a session."""
    with workspace.db.session() as session:
        total = session.query(VaccinationRecord).count()
        records = session.scalars(select(VaccinationRecord).order_by(
            VaccinationRecord.list_id.desc(), VaccinationRecord.source_row, VaccinationRecord.id).limit(limit)).all()
        rows = [{c: getattr(r, c) for c in LIST_COLUMNS} for r in records]
    return {"total": total, "shown": len(rows), "records": rows}


def test_records_runs_without_the_orm_and_lists_what_the_orm_reads(workspace):
    from tests.unit.signing.support import add_list, add_records

    first, second = add_list(workspace, "a.xlsx"), add_list(workspace, "b.xlsx")
    add_records(workspace, 4, list_id=first)
    add_records(workspace, 3, list_id=second, start=10, check_status="mismatch")
    env = signed_in_env(workspace.path)
    done = subprocess.run([sys.executable, "-X", "importtime", str(ROOT / "main.py"), "--workspace",
                           str(workspace.path), "--json", "records", "--limit", "5"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    imported = _imported(done.stderr)
    assert {"sqlalchemy.engine", "desktop.importer.listing", "desktop.accounts.gate"} <= imported  # read right
    assert not {m for m in imported if m == "sqlalchemy.orm" or m.startswith("sqlalchemy.orm.")}
    assert not {m for m in imported if m.startswith("desktop.models.") and not m.startswith("desktop.models.tables")}
    listed = json.loads(done.stdout)
    assert listed == json.loads(json.dumps(_orm_listing(workspace, 5), default=str))
    assert [r["list_id"] for r in listed["records"]] == [second] * 3 + [first] * 2
    # the sign-in was audited on the chain as ever, and the in-process command line prints the same
    with workspace.db.session() as session:
        signed = session.scalars(select(AuditEvent.actor).where(AuditEvent.action == "sign_in")).all()
        assert signed == [TEST_USER] and verify_chain(session).ok
    again = run_cli("--json", "records", "--limit", "5", workspace=workspace.path)
    assert again.code == 0 and again.json == listed


def test_records_masks_and_filters_on_core_columns(workspace):
    from tests.unit.signing.support import add_list, add_records

    list_id = add_list(workspace)
    add_records(workspace, 3, list_id=list_id)
    found = run_cli("--json", "records", "--search", "nguyen thi hong nhung 1", "--mask-ids", workspace=workspace.path)
    assert found.code == 0, found.stderr
    assert found.json["total"] == 1 and found.json["records"][0]["full_name"] == "Nguyễn Thị Hồng Nhung 1"
    assert found.json["records"][0]["id_number"] != "001190000001"
    by_id = run_cli("--json", "records", "--search", "0011900000", workspace=workspace.path)
    assert by_id.json["total"] == 3
    assert run_cli("--json", "records", "--status", "mismatch", workspace=workspace.path).json["total"] == 0
