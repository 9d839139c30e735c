"""Purging personal data after the retention period: counts, UVCIs and the audit chain stay."""

from __future__ import annotations

import sqlite3

import pytest
from retention_factory import add_records
from sqlalchemy import func, select

from desktop.audit import verify_chain
from desktop.errors import UserError
from desktop.models import AuditEvent, Certificate, Decision, VaccinationRecord
from desktop.retention import purge
from tests.helpers import run_cli


def rows(ws, table):
    conn = sqlite3.connect(ws.path / "workspace.sqlite3")
    try:
        return conn.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()  # noqa: S608
    finally:
        conn.close()


@pytest.fixture
def aged(workspace):
    old = add_records(workspace, [400, 200, 181])
    superseded = add_records(workspace, [300], stage="superseded")
    recent = add_records(workspace, [10, 179])
    loaded = add_records(workspace, [None])
    workspace.settings.set("retention_days", 180)
    workspace.settings.save()
    return workspace, old + superseded, recent + loaded


def test_dry_run_counts_and_changes_nothing(aged):
    ws, due, _ = aged
    before = {t: rows(ws, t) for t in ("vaccination_record", "certificate", "decision", "audit_event")}
    report = purge(ws, dry_run=True)
    assert (report.records, report.certificates, report.decisions, report.already_purged) == (4, 4, 4, 0)
    assert report.dry_run and report.retention_days == 180
    assert {t: rows(ws, t) for t in before} == before


def test_purge_removes_personal_fields_and_keeps_what_is_counted(aged):
    ws, due, kept = aged
    audit_before = rows(ws, "audit_event")
    uvcis_before = rows(ws, "certificate")
    report = purge(ws, actor="admin")
    assert (report.records, report.certificates) == (4, 4)
    with ws.db.session() as s:
        for record in s.execute(select(VaccinationRecord).where(VaccinationRecord.id.in_(due))).scalars():
            assert (record.full_name, record.name_folded, record.id_number, record.phone, record.insurance_number,
                    record.ward_code, record.decision_reason, record.source_ref) == ("",) * 8
            assert record.date_of_birth == "1985" and record.registry_values is None and record.differences == []
            assert (record.vaccine_mp, record.dose_number, record.vaccination_date, record.province_code) == (
                "EU/1/20/1528", 1, "2021-09-15", "01")
            assert record.stage in ("certified", "superseded")
        for record in s.execute(select(VaccinationRecord).where(VaccinationRecord.id.in_(kept))).scalars():
            assert record.full_name.startswith("Nguyễn") and len(record.id_number) == 12
            assert record.date_of_birth.startswith("1985-04")
        for cert in s.execute(select(Certificate).where(Certificate.record_id.in_(due))).scalars():
            assert (cert.full_name, cert.id_number, cert.hc1) == ("", "", "")
        assert sorted(s.execute(select(Certificate.uvci)).scalars()) == sorted(r[3] for r in uvcis_before)
        assert s.scalar(select(func.count(VaccinationRecord.id))) == 7
        for decision in s.execute(select(Decision).where(Decision.record_id.in_(due))).scalars():
            assert decision.before == {} and decision.after == {} and decision.reason == ""
        assert verify_chain(s).ok
        event = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
    after_audit = rows(ws, "audit_event")
    assert after_audit[:len(audit_before)] == audit_before  # no audit event was touched
    assert len(after_audit) == len(audit_before) + 1
    assert event.action == "retention_purge" and event.actor == "admin"
    assert event.after["records"] == 4 and event.after["retention_days"] == 180
    assert "Nguyễn" not in str(event.after)
    again = purge(ws)
    assert (again.records, again.already_purged) == (0, 4)
    assert len(rows(ws, "audit_event")) == len(after_audit)  # nothing purged, nothing logged


def test_a_shorter_period_reaches_more_records(aged):
    ws, _, _ = aged
    assert purge(ws, days=5, dry_run=True).records == 6


def test_no_retention_period_refuses(workspace):
    workspace.settings.set("retention_days", 0)
    with pytest.raises(UserError) as err:
        purge(workspace)
    assert err.value.code == "retention_not_set"


def test_purge_command(aged):
    ws, _, _ = aged
    ws.close()
    dry = run_cli("--json", "purge", "--dry-run", workspace=ws.path)
    assert dry.code == 0, dry.stderr
    assert dry.json["records"] == 4 and dry.json["dry_run"] is True
    done = run_cli("--json", "purge", workspace=ws.path)
    assert done.code == 0 and done.json["records"] == 4
    assert run_cli("--json", "purge", "--dry-run", workspace=ws.path).json["records"] == 0
    # the chain itself (this fixture's batches carry no signed manifests, so no anchors to check)
    from desktop.audit import verify_chain
    from desktop.workspace import Workspace

    reopened = Workspace.open(ws.path)
    try:
        with reopened.db.session() as session:
            assert verify_chain(session).ok
    finally:
        reopened.close()


def test_rejected_rows_of_old_lists_lose_their_cells(workspace):
    from datetime import UTC, datetime, timedelta

    from desktop.models import DailyList, ImportIssue

    now = datetime.now(UTC)
    with workspace.db.session() as s:
        for age in (400, 20):
            daily = DailyList(file_name=f"ds-{age}.xlsx", file_sha256="0" * 64, layout="long",
                              imported_at=now - timedelta(days=age))
            s.add(daily)
            s.flush()
            s.add(ImportIssue(list_id=daily.id, row=7, kind="rejected", column="Ngày sinh", value="31/02/1990",
                              code="bad_date", message_vi="Ngày sinh không hợp lệ", message_en="Bad date of birth",
                              raw=["Nguyễn Văn A", "31/02/1990", "001090000123"]))
    report = purge(workspace, days=180, dry_run=True)
    assert (report.records, report.rejected_rows) == (0, 1)
    assert purge(workspace, days=180).rejected_rows == 1
    with workspace.db.session() as s:
        issues = {i.list_id: i for i in s.execute(select(ImportIssue)).scalars()}
        old, recent = issues[1], issues[2]
        assert (old.value, old.raw, old.row, old.code) == ("", [], 7, "bad_date")
        assert recent.raw[0] == "Nguyễn Văn A"
        assert verify_chain(s).ok
    assert purge(workspace, days=180).rejected_rows == 0
