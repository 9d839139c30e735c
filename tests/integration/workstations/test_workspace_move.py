"""``workspace move --to URL``: a SQLite workspace with records, decisions, accounts, signed batches and
certificates moves to PostgreSQL whole, verified; the SQLite file is left untouched."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select

from desktop.audit import AuditChain
from desktop.models import Base, Certificate, DailyList, VaccinationRecord
from desktop.sync import sync
from desktop.workspace import Workspace
from tests.helpers import run_cli
from tests.pg import POSTGRES, postgres_database, scratch_database  # noqa: F401 - provides the pg_url fixture
from tests.unit.registry.factory import add_checked, citizen
from tests.unit.sync.sync_factory import FacilityKey, FaultyServer, LocalIssuer, make_records, sign_batch

pytestmark = [pytest.mark.integration, *POSTGRES]


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _counts(ws: Workspace) -> dict[str, int]:
    return _counts_of(ws.db)


def _counts_of(db) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t.name: conn.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


@pytest.fixture
def certified(workspace):
    """A facility's day: a list, checked records with a clerk's decision, signed batches, certificates."""
    server = FaultyServer(issuer=LocalIssuer())
    try:
        workspace.settings.set("central_url", server.url)
        workspace.settings.set("central_timeout", 5.0)
        workspace.settings.save()
        with workspace.db.session() as session:
            session.add(DailyList(file_name="2021-09-15.xlsx", file_sha256="0" * 64, layout="long", rows_total=40))
        run_cli("--json", "records", workspace=workspace.path)  # the administrator account
        an = citizen("001090012345", None, "Nguyễn Văn An", "1990-05-12", "M")
        mismatch = add_checked(workspace, [(("Nguyen Van An", "1990-05-12", "M", "001090012345"), an)])[0]
        from desktop.review import resolve

        resolve(workspace, mismatch, "accept_registry", "", "lan")
        facility = FacilityKey.generate("01001")
        ids = make_records(workspace.db, 40)
        for start in range(0, 40, 20):
            sign_batch(workspace.db, ids[start:start + 20], facility)
        report = sync(workspace, actor="lan")
        assert report.certificates_received == 40
    finally:
        server.close()
    workspace.close()
    return workspace


def test_a_workspace_moves_to_postgresql_whole(certified, pg_url):
    ws = certified
    sqlite_file = ws.path / "workspace.sqlite3"
    before = _counts(ws)
    ws.close()
    assert before["certificate"] == 40 and before["signing_batch"] == 2 and before["decision"] == 1
    assert before["user_account"] == 1 and before["audit_event"] > 40

    moved = run_cli("--json", "workspace", "move", "--to", pg_url, workspace=ws.path)
    assert moved.code == 0, moved.stderr
    out = moved.json
    before["audit_event"] += 1  # the administrator's sign-in, before the move
    assert out["tables"] == before and out["audit_chain"] == "verified"
    assert out["audit_events"] == before["audit_event"] and out["sequences_reset"] >= 8
    # the source is left as it was: nothing written to it during or after the move
    from desktop.db import Database

    source = Database(f"sqlite:///{sqlite_file}")
    try:
        assert _counts_of(source) == before
        with source.session() as session:
            assert AuditChain(session).head()["hash"] == out["audit_head"]
    finally:
        source.dispose()
    digest = _digest(sqlite_file)

    again = Workspace.open(ws.path)
    try:
        assert again.database_url == pg_url and again.db.engine.dialect.name == "postgresql"
        after = _counts(again)
        assert after == {**before, "audit_event": before["audit_event"] + 1}  # + the move itself
        with again.db.session() as session:
            assert AuditChain(session).verify().ok
            assert session.scalar(select(func.count()).where(Certificate.status == "valid")) == 40
            highest = session.scalar(select(func.max(VaccinationRecord.id)))
            record = VaccinationRecord(**{c: getattr(session.get(VaccinationRecord, highest), c) for c in (
                "full_name", "name_folded", "date_of_birth", "sex", "id_number", "vaccine_name", "vaccine_mp",
                "vaccine_ma", "vaccine_vp", "lot", "dose_number", "dn", "sd", "vaccination_date")})
            session.add(record)
            session.flush()
            assert record.id == highest + 1  # the sequences continue after the copied ids
    finally:
        again.close()
    listing = run_cli("--json", "certificates", workspace=ws.path)
    assert listing.code == 0, listing.stderr
    assert _digest(sqlite_file) == digest


def test_a_non_empty_target_is_refused(certified, pg_url, tmp_path):
    with scratch_database("workstations") as other:
        first = Workspace.open(tmp_path / "first")
        first.settings.set("database_url", other)
        first.settings.save()
        make_records(first.db, 1)
        first.close()
        refused = run_cli("--json", "workspace", "move", "--to", other, workspace=certified.path)
    assert refused.code == 1 and refused.json["error"]["code"] == "target_not_empty"
    ws = Workspace.open(certified.path)
    try:
        assert ws.database_url.startswith("sqlite")
    finally:
        ws.close()
    not_pg = run_cli("--json", "workspace", "move", "--to", "sqlite:///elsewhere.sqlite3", workspace=certified.path)
    assert not_pg.code == 1 and not_pg.json["error"]["code"] == "not_postgresql"


def test_only_an_administrator_moves_a_workspace(certified, pg_url):
    from desktop.accounts.users import add_user

    add_user(certified, "lan", "clerk", "mat-khau-cua-lan-2021", "Lan", actor="quantri")
    certified.close()
    refused = run_cli("--json", "workspace", "move", "--to", pg_url, workspace=certified.path,
                      env={"VAXDESK_USER": "lan", "VAXDESK_PASSWORD": "mat-khau-cua-lan-2021"}, process=False)
    assert refused.code == 1 and refused.json["error"]["code"] == "not_permitted"
