"""The review queue: records that need a clerk's decision, filtered and counted in SQL.

A record is in the queue while it is unsigned and either its check ended ``mismatch``, ``not_found``
or ``invalid_id`` with no decision yet, or its decision is ``defer``. A signed record the central
service rejected (stage ``rejected_central``) is in the queue too, with the central's reason, until the
clerk rejects it or resubmits it as a new record (``desktop.review.decisions``). Filters: ``status``
(one of ``mismatch``, ``not_found``, ``invalid_id``, ``central``, ``deferred``) and ``kind``
(``accents`` for any field, or ``name:accents`` for one field; kinds cover unsigned records only),
``list_id`` (one imported list) and ``day`` (the vaccination date, ``YYYY-MM-DD``); the counts per status
and kind follow the list and day filters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.importer.queries import SORTABLE
from desktop.models import DailyList, VaccinationRecord
from desktop.models.record_difference import RecordDifference
from desktop.registry.compare import ALL_KINDS
from desktop.registry.precheck import normalise_id
from desktop.workspace import Workspace

NEEDS_DECISION = ("mismatch", "not_found", "invalid_id")
CENTRAL = "central"  # the queue status of records the central service rejected
QUEUE_STATUSES = (*NEEDS_DECISION, CENTRAL, "deferred")
R = VaccinationRecord


def open_condition() -> ColumnElement[bool]:
    """Unsigned and still at the facility."""
    return and_(R.stage == "loaded", R.batch_id.is_(None))


def central_condition() -> ColumnElement[bool]:
    """Rejected by the central service and not yet rejected or resubmitted by the clerk (a resubmitted
    record's stage is ``superseded``)."""
    return and_(R.stage == "rejected_central", func.coalesce(R.decision, "") != "reject")


def in_queue() -> ColumnElement[bool]:
    return or_(
        and_(open_condition(), or_(
            and_(R.check_status.in_(NEEDS_DECISION), R.decision.is_(None)),
            R.decision == "defer",
        )),
        central_condition(),
    )


def status_key(stage: str, check_status: str, decision: str | None) -> str:
    """Which queue status a queue record counts under."""
    if decision == "defer":
        return "deferred"
    if stage == "rejected_central":
        return CENTRAL
    return check_status


def parse_kind(kind: str | None) -> tuple[str | None, str | None]:
    """``"name:accents"`` → ("name", "accents"); ``"accents"`` → (None, "accents"); validated."""
    if not kind:
        return None, None
    field, _, name = kind.partition(":") if ":" in kind else ("", "", kind)
    known = {k for _, k in ALL_KINDS}
    if name not in known or (field and (field, name) not in ALL_KINDS):
        raise UserError(
            tr("Không có loại khác biệt {kind}. Các loại: {known}", "There is no difference kind {kind}. Kinds: {known}",
               kind=kind, known=", ".join(f"{f}:{k}" for f, k in ALL_KINDS)),
            code="unknown_kind",
        )
    return field or None, name


def scope_conditions(list_id: int | None = None, day: str | None = None) -> list[ColumnElement[bool]]:
    """Narrow to one list and/or one vaccination day."""
    conditions: list[ColumnElement[bool]] = []
    if list_id is not None:
        conditions.append(R.list_id == list_id)
    if day:
        conditions.append(R.vaccination_date == day)
    return conditions


def queue_filter(kind: str | None = None, status: str | None = None, list_id: int | None = None,
                 day: str | None = None) -> ColumnElement[bool]:
    """The SQL condition for the queue, optionally narrowed by kind, status, list and day."""
    conditions = [in_queue(), *scope_conditions(list_id, day)]
    if status:
        if status not in QUEUE_STATUSES:
            raise UserError(
                tr("Không có trạng thái {status} trong hàng chờ. Các trạng thái: {known}",
                   "There is no queue status {status}. Statuses: {known}", status=status,
                   known=", ".join(QUEUE_STATUSES)),
                code="unknown_status",
            )
        if status == "deferred":
            conditions.append(R.decision == "defer")
        elif status == CENTRAL:
            conditions.append(and_(central_condition(), func.coalesce(R.decision, "") != "defer"))
        else:
            conditions.append(and_(open_condition(), R.check_status == status, R.decision.is_(None)))
    field, name = parse_kind(kind)
    if name:
        conditions.append(open_condition())  # a signed record is never decided on by kind
        sub = select(RecordDifference.id).where(RecordDifference.record_id == R.id, RecordDifference.kind == name)
        if field:
            sub = sub.where(RecordDifference.field == field)
        conditions.append(sub.exists())
    return and_(*conditions)


def queue_ids_in(session: Session, kind: str | None = None, status: str | None = None, list_id: int | None = None,
                 day: str | None = None, sort: str | None = None, descending: bool = False) -> list[int]:
    column = SORTABLE.get(sort or "")
    order: list[ColumnElement[Any] | InstrumentedAttribute[int]]
    if column is None:
        order = [R.id]
    else:
        order = [column.desc(), R.id.desc()] if descending else [column.asc(), R.id]
    return list(session.scalars(select(R.id).where(queue_filter(kind, status, list_id, day)).order_by(*order)))


def queue_ids(workspace: Workspace, kind: str | None = None, status: str | None = None, list_id: int | None = None,
              day: str | None = None, sort: str | None = None, descending: bool = False) -> list[int]:
    """Ids of the records in the queue, oldest first or by ``sort`` (a column of the records grid); the window
    preloads them and fetches one at a time."""
    with workspace.db.session() as session:
        return queue_ids_in(session, kind, status, list_id, day, sort, descending)


def queue_facets(workspace: Workspace) -> dict[str, Any]:
    """The lists and vaccination days that have records in the queue, with their counts:
    {"lists": [(list_id, file_name, n)], "days": [(YYYY-MM-DD, n)]} (newest first)."""
    with workspace.db.session() as session:
        lists = [(list_id, name or "", count) for list_id, name, count in session.execute(
            select(R.list_id, DailyList.file_name, func.count()).outerjoin(DailyList, DailyList.id == R.list_id)
            .where(in_queue(), R.list_id.is_not(None)).group_by(R.list_id, DailyList.file_name)
            .order_by(R.list_id.desc()))]
        days = [(day, count) for day, count in session.execute(
            select(R.vaccination_date, func.count()).where(in_queue()).group_by(R.vaccination_date)
            .order_by(R.vaccination_date.desc()))]
    return {"lists": lists, "days": days}


def queue_counts(workspace: Workspace, list_id: int | None = None, day: str | None = None) -> dict[str, Any]:
    """{"total": n, "statuses": {status: n}, "kinds": {"field:kind": n}, "unchecked": n} over the queue (of one
    list and/or day when given); ``unchecked``: loaded records not yet checked against the registry (not in the
    queue yet)."""
    with workspace.db.session() as session:
        return queue_counts_in(session, list_id, day)


def queue_counts_in(session: Session, list_id: int | None = None, day: str | None = None) -> dict[str, Any]:
    """``queue_counts`` in a session of the caller's."""
    scope = scope_conditions(list_id, day)
    statuses = {s: 0 for s in QUEUE_STATUSES}
    rows = session.execute(
        select(R.stage, R.check_status, R.decision, func.count()).where(in_queue(), *scope)
        .group_by(R.stage, R.check_status, R.decision)
    )
    for stage, check_status, decision, count in rows:
        key = status_key(stage, check_status, decision)
        statuses[key] = statuses.get(key, 0) + count
    kinds: dict[str, int] = {}
    kind_rows = session.execute(
        select(RecordDifference.field, RecordDifference.kind, func.count(func.distinct(RecordDifference.record_id)))
        .join(R, R.id == RecordDifference.record_id).where(in_queue(), open_condition(), *scope)
        .group_by(RecordDifference.field, RecordDifference.kind)
    )
    for field, name, count in kind_rows:
        kinds[f"{field}:{name}"] = count
    order = {f"{f}:{k}": i for i, (f, k) in enumerate(ALL_KINDS)}
    kinds = dict(sorted(kinds.items(), key=lambda kv: order.get(kv[0], 99)))
    unchecked = session.scalar(
        select(func.count()).select_from(R).where(R.stage == "loaded", R.check_status == "unchecked", *scope)) or 0
    return {"total": sum(statuses.values()), "statuses": statuses, "kinds": kinds, "unchecked": unchecked}


# what a queue listing shows of each record (``central_reason`` is "" when there is none)
LISTING_COLUMNS = ("record_id", "source_ref", "source_row", "full_name", "date_of_birth", "sex", "id_number",
                   "status", "decision", "differences", "stage", "central_reason")


@dataclass(frozen=True)
class QueueListing:
    """The queue's counts and its records (oldest first), as the command line lists them."""

    counts: Mapping[str, Any]
    records: tuple[Mapping[str, Any], ...]  # keys as ``LISTING_COLUMNS``

    def as_dict(self) -> dict[str, Any]:
        return {"counts": dict(self.counts), "records": [dict(r) for r in self.records]}


def queue_listing(workspace: Workspace, kind: str | None = None, status: str | None = None,
                  limit: int = 0) -> QueueListing:
    """The records in the queue narrowed by ``kind`` and ``status`` (at most ``limit``; 0: all), oldest first,
    with the counts of the whole queue; one session, so they agree."""
    query = select(R.id, R.source_ref, R.source_row, R.full_name, R.date_of_birth, R.sex, R.id_number,
                   R.check_status, R.decision, R.differences, R.stage, R.central_reason) \
        .where(queue_filter(kind, status)).order_by(R.id)
    if limit > 0:
        query = query.limit(limit)
    with workspace.db.session() as session:
        records = []
        for row in session.execute(query):
            item = dict(zip(LISTING_COLUMNS, row, strict=True))
            item["central_reason"] = item["central_reason"] or ""
            records.append(MappingProxyType(item))
        counts = queue_counts_in(session)
    return QueueListing(MappingProxyType(counts), tuple(records))


def record_view(record: VaccinationRecord) -> dict[str, Any]:
    """A record as the review page, the command line and the decisions return it (plain values)."""
    return {
        "record_id": record.id,
        "source_ref": record.source_ref,
        "source_row": record.source_row,
        "full_name": record.full_name,
        "date_of_birth": record.date_of_birth,
        "sex": record.sex,
        "id_number": record.id_number,
        "nationality": record.nationality,
        "vaccine_name": record.vaccine_name,
        "dose_number": record.dose_number,
        "vaccination_date": record.vaccination_date,
        "status": record.check_status,
        "checked_at": record.checked_at.isoformat() if record.checked_at else None,
        "registry": record.registry_values,
        "differences": list(record.differences or []),
        "decision": record.decision,
        "decision_reason": record.decision_reason,
        "ready_to_sign": record.ready_to_sign,
        "stage": record.stage,
        "central_reason": record.central_reason or "",
        "version": record.version,
    }


def _difference_key(record: VaccinationRecord) -> list[tuple[str, str, str, str]]:
    return sorted((str(d.get("field")), str(d.get("kind")), str(d.get("list")), str(d.get("registry")))
                  for d in record.differences or [])


def same_person_in(session: Session, record: VaccinationRecord) -> list[VaccinationRecord]:
    """The person's other doses waiting for the same decision: unsigned queue records with the same normalised
    ID number, name and date of birth, the same check status and the same differences (oldest first)."""
    if record.stage != "loaded" or record.batch_id is not None:
        return []
    number, key = normalise_id(record.id_number), _difference_key(record)
    candidates = session.scalars(select(R).where(
        in_queue(), open_condition(), R.id != record.id, R.name_folded == record.name_folded,
        R.date_of_birth == record.date_of_birth, R.check_status == record.check_status,
        func.coalesce(R.decision, "") == (record.decision or ""),
    ).order_by(R.id))
    return [c for c in candidates if normalise_id(c.id_number) == number and _difference_key(c) == key]


def review_item(workspace: Workspace, record_id: int) -> dict[str, Any]:
    """One record, fresh from the database, with ``same_person``: the ids of the person's other doses that a
    decision with ``same_person=True`` would decide too."""
    with workspace.db.session() as session:
        record = session.get(R, record_id)
        if record is None:
            raise UserError(tr("Không có bản ghi {id}", "There is no record {id}", id=record_id), code="no_record")
        view = record_view(record)
        view["same_person"] = [other.id for other in same_person_in(session, record)]
        return view


STATUS_LABELS = {
    "unchecked": tr("Chưa kiểm tra", "Not checked"),
    "matched": tr("Khớp", "Matched"),
    "mismatch": tr("Sai lệch", "Mismatch"),
    "not_found": tr("Không tìm thấy", "Not found"),
    "invalid_id": tr("Số định danh không hợp lệ", "Invalid ID"),
    CENTRAL: tr("Trung ương từ chối", "Rejected by the central service"),
    "deferred": tr("Để sau", "Deferred"),
}
FIELD_LABELS = {
    "name": tr("Họ tên", "Name"),
    "dob": tr("Ngày sinh", "Date of birth"),
    "sex": tr("Giới tính", "Sex"),
    "id": tr("Số định danh", "ID number"),
}
KIND_LABELS = {
    "name:format": tr("Họ tên: khác chữ hoa/khoảng trắng", "Name: case/spacing"),
    "name:accents": tr("Họ tên: khác dấu", "Name: accents"),
    "name:order": tr("Họ tên: khác thứ tự", "Name: word order"),
    "name:middle_name": tr("Họ tên: thừa/thiếu tên đệm", "Name: middle name"),
    "name:typo": tr("Họ tên: lỗi gõ", "Name: typo"),
    "name:different": tr("Họ tên: khác hẳn", "Name: different"),
    "dob:partial": tr("Ngày sinh: chỉ có năm/tháng", "DOB: partial"),
    "dob:swapped": tr("Ngày sinh: đảo ngày/tháng", "DOB: day/month swapped"),
    "dob:placeholder": tr("Ngày sinh: 01/01 điền thay", "DOB: 01/01 placeholder"),
    "dob:different": tr("Ngày sinh: khác", "DOB: different"),
    "sex:different": tr("Giới tính: khác", "Sex: different"),
    "id:linked": tr("Số định danh: CMND cũ đã chuyển CCCD", "ID: old CMND linked to CCCD"),
    "id:inconsistent": tr("Số định danh: không khớp giới tính/năm sinh", "ID: inconsistent with sex/year"),
}
