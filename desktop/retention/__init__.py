"""Retention: personal data of certified records is kept ``retention_days`` after certification.

``purge`` blanks the personal fields of records whose certificate was issued longer ago (name, ID
number, phone, insurance number, ward, the registry's copy of the person, the clerk's notes; the
date of birth keeps its year for age statistics) and the person's fields copied onto their
certificates, HC1 included; and the cells of rejected or duplicate rows of lists loaded before the
cut-off (their row number, column and reason stay). What is counted stays: the records themselves,
their vaccine, dose, date, list and stage, the certificates with their UVCI and state, and the audit
log, which is never edited: the purge adds one event of its own, with the counts and a digest of the
records it touched.

A purged record is one whose ``full_name`` is empty (a loaded record always has a name).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    cast,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)

from desktop.audit import record_event
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.models import Certificate, DailyList, Decision, ImportIssue, VaccinationRecord

ACTION = "retention_purge"
CERTIFIED_STAGES = ("certified", "superseded", "revoked")
_R, _C = VaccinationRecord, Certificate
# the records one purge works on, gathered once (a session-private table, dropped at the end)
_IDS = Table("retention_purge_ids", MetaData(), Column("id", Integer, primary_key=True), prefixes=["TEMPORARY"])

# what a purge writes over each personal field of a record
RECORD_BLANKS: dict[str, Any] = {
    "full_name": "", "name_folded": "", "id_number": "", "phone": "", "insurance_number": "", "ward_code": "",
    "registry_values": None, "differences": [], "decision_reason": "", "source_ref": "",
}
CERTIFICATE_BLANKS: dict[str, Any] = {"full_name": "", "name_folded": "", "id_number": "", "hc1": ""}


@dataclass
class PurgeReport:
    dry_run: bool
    retention_days: int
    cutoff: str
    records: int
    certificates: int
    decisions: int
    rejected_rows: int
    already_purged: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _days(workspace: Any, days: int | None) -> int:
    value = workspace.settings.get("retention_days") if days is None else days
    if not value or value < 1:
        raise UserError(tr("Chưa đặt thời hạn lưu giữ (retention_days); không xoá gì.",
                           "No retention period is set (retention_days); nothing is purged."),
                        code="retention_not_set")
    return int(value)


def _due(cutoff: datetime) -> ColumnElement[bool]:
    """Records certified before ``cutoff`` (their first certificate's issue time) and not yet purged."""
    certified_before = exists().where(and_(_C.record_id == _R.id, _C.issued_at <= cutoff))
    return and_(_R.stage.in_(CERTIFIED_STAGES), _R.full_name != "", certified_before)


def purge(workspace: Any, *, days: int | None = None, dry_run: bool = False, actor: str = "",
          now: datetime | None = None) -> PurgeReport:
    """Blank the personal fields of records certified more than ``days`` ago; one transaction."""
    started = datetime.now(UTC)
    days = _days(workspace, days)
    cutoff = (now or started) - timedelta(days=days)
    with workspace.db.session() as session:
        already = session.scalar(select(func.count(_R.id)).where(_R.full_name == "")) or 0
        _IDS.create(session.connection())
        sqlite = session.bind.dialect.name == "sqlite"
        if sqlite:  # the updates touch most pages of the indexes: keep them in memory
            session.connection().exec_driver_sql("PRAGMA cache_size=-131072")
        try:
            session.execute(insert(_IDS).from_select(["id"], select(_R.id).where(_due(cutoff))))
            due = select(_IDS.c.id)
            ids = list(session.execute(due.order_by(_IDS.c.id)).scalars())
            certificates = session.scalar(select(func.count(_C.id)).where(_C.record_id.in_(due))) or 0
            decisions = session.scalar(select(func.count(Decision.id)).where(Decision.record_id.in_(due))) or 0
            stale_rows = _stale_rows(cutoff)
            rejected_rows = session.scalar(select(func.count(ImportIssue.id)).where(stale_rows)) or 0
            report = PurgeReport(dry_run, days, cutoff.isoformat(timespec="seconds"), len(ids), certificates,
                                 decisions, rejected_rows, already, 0.0)
            if rejected_rows and not dry_run:
                session.execute(update(ImportIssue).where(stale_rows).values(value="", raw=[])
                                .execution_options(synchronize_session=False))
            if (ids or rejected_rows) and not dry_run:
                _apply(session, due)
                digest = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()
                record_event(session, actor, ACTION, "retention", report.cutoff, after={
                    "retention_days": days, "cutoff": report.cutoff, "records": len(ids),
                    "certificates": certificates, "decisions": decisions, "rejected_rows": rejected_rows,
                    "first_record_id": ids[0] if ids else None, "last_record_id": ids[-1] if ids else None,
                    "record_ids_sha256": digest})
        finally:
            _IDS.drop(session.connection())
            if sqlite:
                session.connection().exec_driver_sql("PRAGMA cache_size=-2000")
    report.seconds = round((datetime.now(UTC) - started).total_seconds(), 3)
    return report


def _stale_rows(cutoff: datetime) -> ColumnElement[bool]:
    """Rejected and duplicate rows of lists loaded before ``cutoff`` that still hold their cells."""
    old_lists = select(DailyList.id).where(DailyList.imported_at <= cutoff)
    return and_(ImportIssue.list_id.in_(old_lists), or_(ImportIssue.value != "", cast(ImportIssue.raw, String) != "[]"))


def _apply(session: Any, due: Any) -> None:
    quick = {"synchronize_session": False}
    session.execute(update(_C).where(_C.record_id.in_(due)).values(**CERTIFICATE_BLANKS).execution_options(**quick))
    session.execute(update(Decision).where(Decision.record_id.in_(due)).values(before={}, after={}, reason="")
                    .execution_options(**quick))
    session.execute(update(_R).where(_R.id.in_(due)).values(**RECORD_BLANKS, date_of_birth=func.substr(
        _R.date_of_birth, 1, 4)).execution_options(**quick))


def purge_preview(workspace: Any, days: int | None = None) -> PurgeReport:
    return purge(workspace, days=days, dry_run=True)
