"""Two workstations check one PostgreSQL database at once: the records are shared, each looked up once,
none missed; a checker killed in the middle holds its records only until its claims expire."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from desktop.models import RecordClaim, VaccinationRecord
from desktop.workspace import Workspace
from services.registry.app import Faults
from services.registry.population import Population
from services.registry.server import BackgroundServer
from tests.helpers import ROOT, signed_in_env
from tests.integration.workstations.shared import add_records, population, workstations
from tests.pg import POSTGRES, postgres_database  # noqa: F401 - provides the pg_url fixture

pytestmark = [pytest.mark.integration, *POSTGRES]

COUNT = 2400


def start_check(folder) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--workspace", str(folder), "--json", "check"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env=signed_in_env())


def statuses(folder) -> dict[str, int]:
    ws = Workspace.open(folder)
    try:
        with ws.db.session() as session:
            return dict(session.execute(select(VaccinationRecord.check_status, func.count())
                                        .group_by(VaccinationRecord.check_status)).all())
    finally:
        ws.close()


def test_two_checks_share_the_records_and_look_each_up_once(tmp_path, pg_url):
    import json

    # slow answers keep both checks running long enough to claim at the same moments (a claim whose
    # snapshot predates the other's commit once came back empty and ended a check with nothing done)
    with BackgroundServer(Population.from_dict(population(COUNT)), Faults(delay=0.25)) as server:
        pc1, pc2 = workstations(tmp_path, pg_url, server.url, registry_batch_size=50, registry_concurrency=2)
        ws = Workspace.open(pc1)
        add_records(ws, COUNT)
        ws.close()
        checks = [start_check(pc1), start_check(pc2)]
        outputs = [proc.communicate(timeout=300) for proc in checks]
        stats = server.registry.stats()
    for proc, (_out, err) in zip(checks, outputs, strict=True):
        assert proc.returncode == 0, err
    results = [json.loads(out) for out, _ in outputs]
    mine = [{r["record_id"] for r in result["records"]} for result in results]
    assert all(mine), "both workstations checked records"
    assert not mine[0] & mine[1], "no record checked by both"
    assert len(mine[0] | mine[1]) == COUNT, "none missed"
    assert stats["lookups"] == COUNT and stats["distinct"] == COUNT and stats["repeated"] == 0
    assert statuses(pc1) == {"matched": COUNT}
    ws = Workspace.open(pc2)
    try:
        with ws.db.session() as session:
            assert session.scalar(select(func.count()).select_from(RecordClaim)) == 0  # every claim ended
    finally:
        ws.close()


def wait_until_claims_expire(folder) -> None:
    """Sleep until the last claim's lease has run out (by the database's clock of record)."""
    from datetime import UTC, datetime

    ws = Workspace.open(folder)
    try:
        with ws.db.session() as session:
            until = session.scalar(select(func.max(RecordClaim.claimed_until)))
    finally:
        ws.close()
    assert until is not None, "the dead checker's claims are still there"
    until = until if until.tzinfo else until.replace(tzinfo=UTC)
    time.sleep(max(0.0, (until - datetime.now(UTC)).total_seconds()) + 0.5)


def test_a_killed_checkers_claims_expire(tmp_path, pg_url):
    with BackgroundServer(Population.from_dict(population(600)), Faults(delay=30)) as slow:
        pc1, pc2 = workstations(tmp_path, pg_url, slow.url, registry_batch_size=100, registry_concurrency=1,
                                registry_claim_seconds=12)
        ws = Workspace.open(pc1)
        add_records(ws, 600)
        try:
            victim = start_check(pc1)
            deadline = time.monotonic() + 60
            held: list[int] = []
            while not held and time.monotonic() < deadline:
                time.sleep(0.2)
                with ws.db.session() as session:
                    held = list(session.scalars(select(RecordClaim.record_id)))
            assert held, "the checker claimed records"
            os.kill(victim.pid, signal.SIGKILL)
            victim.communicate(timeout=30)
        finally:
            ws.close()
    assert len(held) == 500  # one slice: max(500, batch size × concurrency)
    with BackgroundServer(Population.from_dict(population(600))) as server:
        from tests.helpers import run_cli

        first = run_cli("--json", "check", "--registry", server.url, workspace=pc2)
        assert first.code == 0, first.stderr
        assert {r["record_id"] for r in first.json["records"]} == set(range(501, 601))  # the dead one's are held
        wait_until_claims_expire(pc2)
        second = run_cli("--json", "check", "--registry", server.url, workspace=pc2)
        assert second.code == 0, second.stderr
        assert sorted(r["record_id"] for r in second.json["records"]) == sorted(held)
        assert server.registry.stats()["repeated"] == 0
    assert statuses(pc2) == {"matched": 600}


def test_a_check_on_postgresql_stores_what_it_stores_on_sqlite(tmp_path, pg_url):
    from tests.unit.registry.factory import add_records as add_listed
    from tests.unit.registry.factory import population as known

    answers = {}
    for engine, url in (("sqlite", None), ("postgresql", pg_url)):
        ws = Workspace.open(tmp_path / engine)
        try:
            if url:
                ws.settings.set("database_url", url)
            add_listed(ws, [
                ("NGUYỄN VĂN AN", "1990-05-12", "M", "001090012345"),  # format only: corrected, matched
                ("Tran Thi Thuy", "1985-03-04", "F", "001185012346"),  # accents: a mismatch
                ("Ai Đó", "1990", "M", "001090099999"),  # not found
            ])
            with BackgroundServer(Population.from_dict(known())) as server:
                check = run_check(ws, server.url)
            assert check.summary == {"matched": 1, "mismatch": 1, "not_found": 1}
            with ws.db.session() as session:
                answers[engine] = [
                    (r.full_name, r.name_folded, r.check_status, r.registry_values, r.differences,
                     r.checked_at is not None, r.version)
                    for r in session.scalars(select(VaccinationRecord).order_by(VaccinationRecord.id))]
        finally:
            ws.close()
    assert answers["postgresql"] == answers["sqlite"]
    assert answers["sqlite"][0][:3] == ("Nguyễn Văn An", "nguyen van an", "matched")
    assert answers["sqlite"][2][3] is None and all(row[6] == 2 for row in answers["sqlite"])


def run_check(ws, url):
    from desktop.registry import check_records

    ws.settings.set("registry_token", "secret-token")
    return check_records(ws, "lan", registry_url=url)
