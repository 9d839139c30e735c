"""The check run: every unchecked record against the registry, one transaction per batch of answers.

An outage in the middle keeps every batch already answered; records without a valid answer stay
``unchecked`` and are the only ones sent the next time. ``format`` differences are applied to the
record (the registry's form) and recorded in the audit log with before and after.

Several workstations may check at once: a run claims its records a slice at a time
(``record_claim``: who, until when) before looking them up, and skips those another run holds, so
two checks share the records and each is looked up once. On PostgreSQL the slice is taken in one
statement (the rows locked with ``FOR UPDATE SKIP LOCKED``, the claims written with ``INSERT … ON
CONFLICT``, the claimed rows returned); on SQLite the write lock serialises the claims. A stored
answer ends its record's claim in the transaction that stores it; a run that dies leaves claims that
expire after ``CLAIM_SECONDS``, and the next check takes those records.
"""

from __future__ import annotations

import gc
import logging
import os
import secrets
import socket
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, cast

from sqlalchemy import Integer, String, Table, any_, bindparam, delete, exists, func, insert, literal, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from desktop.audit import Items, record_events
from desktop.db_bulk import chunks, is_sqlite, update_rows, write_lock
from desktop.errors import UserError
from desktop.i18n import Message, format_number, tr
from desktop.models import RecordClaim, VaccinationRecord, utcnow
from desktop.models.record_difference import RecordDifference
from desktop.progress import NO_PROGRESS, Progress
from desktop.registry import client as rc
from desktop.registry.compare import Person, compare, id_differences, status_for
from desktop.registry.precheck import id_kind, invalid_reason, normalise_id
from desktop.text import fold
from desktop.workspace import Workspace

log = logging.getLogger(__name__)

PROBLEM_TEXT: dict[str, tuple[str, str]] = {
    rc.UNAVAILABLE: ("CSDL dân cư không hoạt động", "registry unavailable"),
    rc.TIMEOUT: ("CSDL dân cư không trả lời kịp", "registry did not answer in time"),
    rc.MALFORMED: ("CSDL dân cư trả về dữ liệu hỏng", "registry answered with malformed data"),
    rc.HTML: ("CSDL dân cư trả về một trang web thay vì dữ liệu (máy chủ trung gian?)",
              "registry answered with a web page instead of data (a proxy?)"),
    rc.MISSING: ("CSDL dân cư bỏ sót một số yêu cầu", "registry left some look-ups unanswered"),
    rc.UNASKED: ("CSDL dân cư trả lời cả những bản ghi không được hỏi (đã bỏ qua)",
                 "registry answered about records not asked (ignored)"),
    rc.BAD_REQUEST: ("CSDL dân cư từ chối yêu cầu là sai dạng (lỗi phần mềm, đã ghi nhật ký)",
                     "registry refused the request as malformed (a software bug, logged)"),
    rc.RATE_LIMITED: ("CSDL dân cư liên tục yêu cầu chờ", "registry kept asking to slow down"),
    rc.SKIPPED: ("chưa gửi vì CSDL dân cư ngừng hoạt động (nhiều lô liên tiếp không được trả lời)",
                 "not sent: registry unavailable (several batches in a row went unanswered)"),
}


def _n(value: int) -> Message:
    return tr(format_number(value, "vi"), format_number(value, "en"))


@dataclass
class CheckResult:
    """What a check run did: counts by status, each record handled, and what went wrong."""

    summary: dict[str, int] = field(default_factory=dict)
    records: list[dict[str, Any]] = field(default_factory=list)
    problems: dict[str, int] = field(default_factory=dict)  # problem code → records affected
    not_checked: int = 0
    corrected: int = 0

    @property
    def registry_unavailable(self) -> bool:
        return self.not_checked > 0

    @property
    def explanation(self) -> Message:
        done = sum(v for k, v in self.summary.items() if k != "unchecked")
        parts = [tr(
            "Đã kiểm tra {done} bản ghi: {matched} khớp, {mismatch} lệch, {not_found} không tìm thấy, "
            "{invalid} số định danh không hợp lệ.",
            "{done} records checked: {matched} matched, {mismatch} mismatched, {not_found} not found, "
            "{invalid} invalid IDs.",
            done=_n(done), matched=_n(self.summary.get("matched", 0)), mismatch=_n(self.summary.get("mismatch", 0)),
            not_found=_n(self.summary.get("not_found", 0)), invalid=_n(self.summary.get("invalid_id", 0)),
        )]
        if self.not_checked:
            reasons = [code for code in PROBLEM_TEXT if code in self.problems and code != rc.UNASKED]
            why_vi = "; ".join(PROBLEM_TEXT[c][0] for c in reasons) or "CSDL dân cư không hoạt động"
            why_en = "; ".join(PROBLEM_TEXT[c][1] for c in reasons) or "registry unavailable"
            parts.append(tr("{n} bản ghi chưa được kiểm tra: {why}; sẽ thử lại.",
                            "{n} records not checked: {why}; will retry.",
                            n=_n(self.not_checked), why=tr(why_vi, why_en)))
        if rc.UNASKED in self.problems:
            parts.append(tr(*PROBLEM_TEXT[rc.UNASKED]))
        if not self.records:
            parts = [tr("Không có bản ghi nào cần kiểm tra.", "No records need checking.")]
        return tr(" ".join(p.vi for p in parts), " ".join(p.en for p in parts))

    def as_dict(self) -> dict[str, Any]:
        return {
            "summary": dict(self.summary),
            "records": self.records,
            "not_checked": self.not_checked,
            "corrected": self.corrected,
            "problems": dict(self.problems),
            "explanation": self.explanation.as_dict(),
        }


def _registry_settings(workspace: Workspace, registry_url: str | None) -> tuple[str, str]:
    url = registry_url or workspace.settings.get("registry_url")
    if not url:
        raise UserError(
            tr("Chưa cài đặt địa chỉ CSDL dân cư. Hãy nhập địa chỉ và khoá truy cập trong Cài đặt.",
               "The population registry address is not set. Enter the address and token in Settings."),
            code="registry_not_configured",
        )
    return url, workspace.settings.get("registry_token") or ""


_DIFFERENCES = cast(Table, RecordDifference.__table__)
_CLAIMS = cast(Table, RecordClaim.__table__)


def _id_array(name: str, ids: list[int]) -> Any:
    """PostgreSQL: a list of ids as one array parameter (``= ANY(...)``), whatever its length."""
    return any_(bindparam(name, ids, type_=ARRAY(Integer)))


def write_differences(session: Session, rows: list[tuple[int, list[dict[str, Any]]]]) -> None:
    """Mirror records' differences into ``record_difference`` (the queue's kind filter)."""
    if not rows:
        return
    ids = [record_id for record_id, _ in rows]
    if not is_sqlite(session):  # two statements, the values as arrays
        session.execute(delete(_DIFFERENCES).where(_DIFFERENCES.c.record_id == _id_array("ids", ids)))
        found = [(rid, d["field"], d["kind"]) for rid, diffs in rows for d in diffs]
        if found:
            record_ids, fields, kinds = (list(column) for column in zip(*found, strict=True))
            session.execute(insert(_DIFFERENCES).from_select(["record_id", "field", "kind"], select(
                func.unnest(bindparam("r", record_ids, type_=ARRAY(Integer))),
                func.unnest(bindparam("f", fields, type_=ARRAY(String))),
                func.unnest(bindparam("k", kinds, type_=ARRAY(String))))))
        return
    for part in chunks(ids):
        session.execute(delete(RecordDifference).where(RecordDifference.record_id.in_(part)))
    values = [{"record_id": rid, "field": d["field"], "kind": d["kind"]} for rid, diffs in rows for d in diffs]
    if values:
        session.execute(insert(RecordDifference), values)


_COLUMNS = (VaccinationRecord.id, VaccinationRecord.full_name, VaccinationRecord.date_of_birth,
            VaccinationRecord.sex, VaccinationRecord.id_number, VaccinationRecord.nationality,
            VaccinationRecord.source_ref, VaccinationRecord.source_row, VaccinationRecord.check_status)


CLAIM_SECONDS = 600  # how long a claim holds when its workstation stops answering


def _to_check_query(record_ids: list[int] | None, after: int = 0, columns: tuple[Any, ...] = _COLUMNS,
                    arrays: bool = False) -> Any:
    query = select(*columns).where(
        VaccinationRecord.check_status == "unchecked", VaccinationRecord.stage == "loaded",
        VaccinationRecord.batch_id.is_(None), VaccinationRecord.id > after,
    ).order_by(VaccinationRecord.id)
    if record_ids is not None:
        query = query.where(VaccinationRecord.id == _id_array("record_ids", record_ids) if arrays
                            else VaccinationRecord.id.in_(record_ids))
    return query


def _to_check(session: Session, record_ids: list[int] | None) -> list[Any]:
    return list(session.execute(_to_check_query(record_ids)))


def new_holder() -> str:
    """The name a run's claims carry: this computer, this process, and a nonce for this run."""
    return f"{socket.gethostname()[:150]}:{os.getpid()}:{secrets.token_hex(4)}"


def _unclaimed(now: Any) -> Any:
    return ~exists().where(RecordClaim.record_id == VaccinationRecord.id, RecordClaim.claimed_until > now)


def claim_records(session: Session, holder: str, limit: int, record_ids: list[int] | None = None, after: int = 0,
                  lease_seconds: float = CLAIM_SECONDS) -> list[Any]:
    """Claim up to ``limit`` records to check (ids above ``after``) that no live claim holds; their rows.

    PostgreSQL: one statement. The candidate rows are locked with ``FOR UPDATE SKIP LOCKED`` (a
    concurrent claimer takes the next ones); their claims are written with ``INSERT … ON CONFLICT DO
    UPDATE … WHERE`` the claim there has expired, which sees the newest claim row whatever the
    statement's snapshot (a claim committed while the rows were being locked, or one still being
    written, which it waits for); only the rows claimed come back. SQLite: the write lock is taken
    first, then the claims are read and written.
    """
    now = utcnow()
    if not is_sqlite(session):
        # A statement whose snapshot predates another claimer's commit can lock the very rows that
        # claimer has just claimed (their locks are gone, their claims not yet visible): every insert
        # then meets a live claim and nothing comes back, though unclaimed records remain. Each new
        # statement sees the other's claims, so the claim is asked again while any unclaimed one is left.
        for _ in range(_CLAIM_TRIES):
            rows = _claim_in_one_statement(session, holder, limit, record_ids, after, now,
                                           now + timedelta(seconds=lease_seconds))
            if rows or not _unclaimed_left(session, record_ids, after, now):
                return rows
        return []
    write_lock(session)  # held until commit: no other claimer reads between this query and the claims
    rows = list(session.execute(_to_check_query(record_ids, after).where(_unclaimed(now)).limit(limit)))
    ids = [row.id for row in rows]
    for part in chunks(ids):
        session.execute(delete(RecordClaim).where(RecordClaim.record_id.in_(part)))  # expired ones
    if ids:
        until = now + timedelta(seconds=lease_seconds)
        session.execute(insert(RecordClaim), [
            {"record_id": record_id, "claimed_by": holder, "claimed_until": until} for record_id in ids])
    return rows


_CLAIM_TRIES = 5


def _unclaimed_left(session: Session, record_ids: list[int] | None, after: int, now: Any) -> bool:
    query = _to_check_query(record_ids, after, (VaccinationRecord.id,), arrays=True).where(_unclaimed(now)).limit(1)
    return session.execute(query).first() is not None


def _claim_in_one_statement(session: Session, holder: str, limit: int, record_ids: list[int] | None, after: int,
                            now: Any, until: Any) -> list[Any]:
    stamp = RecordClaim.claimed_until.type
    candidates = (_to_check_query(record_ids, after, (VaccinationRecord.id,), arrays=True)
                  .where(_unclaimed(now)).limit(limit)
                  .with_for_update(skip_locked=True, of=VaccinationRecord).cte("candidate"))
    claim = pg_insert(_CLAIMS).from_select(
        ["record_id", "claimed_by", "claimed_until"],
        select(candidates.c.id, literal(holder, String), literal(until, stamp)))
    claim = claim.on_conflict_do_update(
        index_elements=[_CLAIMS.c.record_id],
        set_={"claimed_by": claim.excluded.claimed_by, "claimed_until": claim.excluded.claimed_until},
        where=_CLAIMS.c.claimed_until <= literal(now, stamp))
    claimed = claim.returning(_CLAIMS.c.record_id).cte("claimed")
    return list(session.execute(select(*_COLUMNS).join(claimed, claimed.c.record_id == VaccinationRecord.id)
                                .order_by(VaccinationRecord.id)))


def release_claims(session: Session, holder: str, record_ids: list[int]) -> None:
    """End this run's claims on these records (answered, or left for the next run)."""
    if not record_ids:
        return
    if not is_sqlite(session):
        session.execute(delete(_CLAIMS).where(_CLAIMS.c.record_id == _id_array("ids", record_ids),
                                              _CLAIMS.c.claimed_by == holder))
        return
    for part in chunks(record_ids):
        session.execute(delete(RecordClaim).where(RecordClaim.record_id.in_(part), RecordClaim.claimed_by == holder))


def _outcome(row: Any, answer: rc.Answer) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The record's new column values and its differences, for one registry answer."""
    person = Person(row.full_name, row.date_of_birth, row.sex, normalise_id(row.id_number))
    if answer.status == "invalid":
        return {"check_status": "invalid_id", "registry_values": None}, []
    if answer.status == "not_found":
        return {"check_status": "not_found", "registry_values": None}, id_differences(person, None)
    citizen = answer.citizen or {}
    registry = Person.from_citizen(citizen)
    differences = compare(person, registry)
    values: dict[str, Any] = {"check_status": status_for(differences), "registry_values": citizen}
    if any(d["field"] == "name" and d["kind"] == "format" for d in differences):
        values["full_name"] = registry.full_name
        values["name_folded"] = fold(registry.full_name)
    return values, differences


_TABLE = cast(Table, VaccinationRecord.__table__)
_CHECK_COLUMNS = ("check_status", "registry_values", "differences", "checked_at", "updated_at")


class _Run:
    def __init__(self, workspace: Workspace, actor: str, rows: list[Any], progress: Progress, holder: str = ""):
        self.workspace = workspace
        self.holder = holder
        self.actor = actor
        self.groups: dict[str, list[Any]] = {}  # ref → the records sharing one ID number (one look-up)
        self.progress = progress
        self.result = CheckResult()
        self.total = len(rows)
        self.done = 0
        self.released: set[int] = set()  # records whose claim a stored answer ended

    def note(self, row: Any, status: str, differences: list[dict[str, Any]], id_number: str) -> None:
        self.result.summary[status] = self.result.summary.get(status, 0) + 1
        self.result.records.append({
            "record_id": row.id, "source_ref": row.source_ref, "source_row": row.source_row,
            "id_number": id_number, "status": status, "differences": differences,
        })

    def store(self, outcomes: list[tuple[Any, dict[str, Any], list[dict[str, Any]]]]) -> None:
        """One transaction: the records' new values, their differences, and the audit events."""
        if not outcomes:
            return
        # full garbage collections over thousands of fresh objects cost more than the work itself
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._store(outcomes)
        finally:
            if enabled:
                gc.enable()

    def _store(self, outcomes: list[tuple[Any, dict[str, Any], list[dict[str, Any]]]]) -> None:
        now = utcnow()
        updates: list[dict[str, Any]] = []
        renames: list[dict[str, Any]] = []
        checks: Items = []
        corrections: Items = []
        for row, values, differences in outcomes:
            update_row = {
                "id": row.id, "check_status": values["check_status"], "registry_values": values["registry_values"],
                "differences": differences, "checked_at": now, "updated_at": now,
            }
            if "full_name" in values:
                renames.append({**update_row, "full_name": values["full_name"], "name_folded": values["name_folded"]})
            else:
                updates.append(update_row)
            checks.append((row.id, {"check_status": row.check_status}, {
                "check_status": values["check_status"],
                "differences": [f"{d['field']}:{d['kind']}" for d in differences],
            }))
            if "full_name" in values:
                corrections.append((row.id, {"full_name": row.full_name}, {"full_name": values["full_name"]}))
        with self.workspace.db.session() as session:
            if updates:
                update_rows(session, _TABLE, _CHECK_COLUMNS, updates)
            if renames:
                update_rows(session, _TABLE, (*_CHECK_COLUMNS, "full_name", "name_folded"), renames)
            write_differences(session, [(row.id, diffs) for row, _, diffs in outcomes])
            record_events(session, self.actor, "registry.check", "vaccination_record", checks)
            if corrections:
                record_events(session, self.actor, "registry.format_correction", "vaccination_record", corrections,
                              reason="format difference corrected to the registry's form")
            if self.holder:
                release_claims(session, self.holder, [row.id for row, _, _ in outcomes])
        if self.holder:
            self.released.update(row.id for row, _, _ in outcomes)
        self.result.corrected += len(corrections)
        for row, values, differences in outcomes:
            self.note(row, values["check_status"], differences, values.get("id_number", normalise_id(row.id_number)))

    def on_batch(self, batch: rc.BatchAnswer) -> None:
        outcomes = []
        for ref, answer in batch.answers.items():
            for row in self.groups[ref]:
                values, differences = _outcome(row, answer)
                outcomes.append((row, values, differences))
        self.store(outcomes)
        unanswered = [row for ref in batch.unanswered for row in self.groups[ref]]
        for row in unanswered:
            self.note(row, "unchecked", [], normalise_id(row.id_number))
        self.result.not_checked += len(unanswered)
        for problem in batch.problems:
            affected = len(unanswered) if problem != rc.UNASKED else 1
            self.result.problems[problem] = self.result.problems.get(problem, 0) + affected
        self.done += sum(len(self.groups[ref]) for ref in batch.asked)
        self.progress.update(self.done, self.total, str(tr("Đang kiểm tra với CSDL dân cư…",
                                                           "Checking with the population registry…")))


def check_records(workspace: Workspace, actor: str, registry_url: str | None = None,
                  progress: Progress | None = None, record_ids: list[int] | None = None,
                  lease_seconds: float | None = None) -> CheckResult:
    """Check every unchecked, unsigned record (or those of ``record_ids``) against the registry.

    The records are claimed a slice at a time (``claim_records``); those another workstation holds
    are left to it. Raises ``UserError`` when the registry is not configured or refuses the token
    (records answered before the refusal stay stored). An unavailable registry is not an exception:
    the result says how many records were left unchecked and why.
    """
    progress = progress or NO_PROGRESS
    url, token = _registry_settings(workspace, registry_url)
    settings = workspace.settings
    client = rc.RegistryClient(
        url, token, batch_size=settings.get("registry_batch_size"), concurrency=settings.get("registry_concurrency"),
        timeout=settings.get("registry_timeout"), attempts=settings.get("registry_attempts"),
        max_wait=settings.get("registry_max_wait"),
    )
    lease_seconds = lease_seconds or settings.get("registry_claim_seconds") or CLAIM_SECONDS
    slice_size = max(500, settings.get("registry_batch_size") * settings.get("registry_concurrency"))
    holder = new_holder()
    with workspace.db.session() as session:
        query = _to_check_query(record_ids, arrays=not is_sqlite(session))
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    run = _Run(workspace, actor, [], progress, holder)
    run.total = total
    log.info("registry check of up to %d records by %s", total, actor)
    after = 0
    try:
        with client:
            while True:
                with workspace.db.session() as session:
                    rows = claim_records(session, holder, slice_size, record_ids, after, lease_seconds)
                if not rows:
                    break
                after = rows[-1].id
                try:
                    _check_slice(run, client, rows, progress)
                finally:  # what was not answered waits for the next run
                    left = [row.id for row in rows if row.id not in run.released]
                    run.released.clear()
                    if left:
                        with workspace.db.session() as session:
                            release_claims(session, holder, left)
                if client.down:
                    _note_skipped(run, workspace, record_ids, after)
                    break
    finally:
        run.result.records.sort(key=lambda r: r["record_id"])
    log.info("registry check done: %s; not checked %d (%s)", run.result.summary, run.result.not_checked,
             ",".join(run.result.problems))
    return run.result


def _check_slice(run: _Run, client: rc.RegistryClient, rows: list[Any], progress: Progress) -> None:
    """The invalid IDs of a claimed slice at once, the rest through the registry (a person's doses: one look-up)."""
    by_number: dict[str, list[Any]] = {}
    invalid: list[tuple[Any, dict[str, Any], list[dict[str, Any]]]] = []
    for row in rows:
        number = normalise_id(row.id_number)
        if invalid_reason(number, row.nationality) is not None:
            invalid.append((row, {"check_status": "invalid_id", "registry_values": None}, []))
        else:
            by_number.setdefault(number, []).append(row)
    items: list[tuple[str, str]] = []
    for number, group in by_number.items():
        ref = str(group[0].id)
        run.groups[ref] = group
        items.append((ref, number))
    run.store(invalid)
    run.done += len(invalid)
    if items:
        client.lookup_many(items, run.on_batch, progress)


def _note_skipped(run: _Run, workspace: Workspace, record_ids: list[int] | None, after: int) -> None:
    """The registry is down: the records not yet claimed are not sent in this run either."""
    with workspace.db.session() as session:
        query = _to_check_query(record_ids, after, arrays=not is_sqlite(session))
        rest = list(session.execute(query.where(_unclaimed(utcnow()))))
    for row in rest:
        run.note(row, "unchecked", [], normalise_id(row.id_number))
    if rest:
        run.result.not_checked += len(rest)
        run.result.problems[rc.SKIPPED] = run.result.problems.get(rc.SKIPPED, 0) + len(rest)


def id_kind_of(id_number: str, nationality: str = "VN") -> str:
    """The ``id_kind`` column value for an ID ("" when it is none of the known kinds)."""
    return id_kind(normalise_id(id_number), nationality) or ""
