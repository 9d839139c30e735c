"""A clerk's decisions on checked records: one Decision row, the record's update and an audit event
in one transaction, with who, when, before, after and why.

Actions (contracts/mismatch-kinds.md): ``accept_registry`` takes the registry's name, date of birth,
sex and ID; ``keep_list`` keeps the list's values (reason required); ``edit`` enters corrected values
(reason required); ``reject`` excludes the record from signing (reason required); ``defer`` leaves it
for later. Records resolved by accept_registry, keep_list or edit, and matched records, may be signed
(``VaccinationRecord.ready_to_sign``).

An edit is re-checked, so a typo in the correction cannot slip through: if the ID number changes,
the registry's answer no longer applies and the record returns to ``unchecked`` (no decision; the next
check looks the new ID up). If the ID stays, the new values are compared at once with the registry's
stored answer: when only ``format`` differences remain the record becomes ``matched``; otherwise the
clerk's edited values stand as a deliberate decision (with its reason) and the record may be signed.

A record the central service rejected (stage ``rejected_central``) was signed, and what was signed
never changes. ``reject`` and ``defer`` act on it directly. A decision that would make it signable
(``accept_registry``, ``keep_list``, ``edit``) instead creates a *resubmission*: a new record with the
same list row, vaccination and check result, the decision applied to the new record (so an edited ID
number sends the new record back to ``unchecked``), stage ``loaded`` and no batch, so it is signed
in a new batch. The rejected record gets decision ``reject`` ("resubmitted as record N") and stage
``superseded``, so it leaves the queue and the overview counts the dose once. The new record does not
use ``supersedes_record_id``: that link means "a correction of a valid certificate", and the rejected
record has none. Both records, both Decision rows and both audit events are written in one transaction.

Several clerks may work on one database. Every record carries a ``version`` that goes up with each
change (migration 0012); a decision given the version the clerk saw (``version=``) locks the record
first (PostgreSQL: ``SELECT … FOR UPDATE``; SQLite: the write lock) and is refused with
``record_changed`` when the record has moved on, naming the other decision (who, what, when), so
nothing is silently overwritten.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from desktop.audit import Items, record_event, record_events
from desktop.db_bulk import chunks, write_lock
from desktop.errors import UserError
from desktop.i18n import format_number, tr
from desktop.models import DECISION_ACTIONS, Decision, VaccinationRecord, utcnow
from desktop.registry.check import write_differences
from desktop.registry.compare import Person, compare, id_differences, status_for
from desktop.registry.precheck import id_kind, invalid_reason, normalise_id
from desktop.review.queue import queue_filter, record_view, same_person_in
from desktop.text import fold, tidy
from desktop.workspace import Workspace

log = logging.getLogger(__name__)

REASON_REQUIRED = ("keep_list", "edit", "reject")
RESUBMITTING = ("accept_registry", "keep_list", "edit")  # on a centrally rejected record: a new record
# what a resubmission copies from the rejected record (everything but identity, state and timestamps)
COPIED = ("list_id", "source_ref", "source_row", "facility_code", "full_name", "name_folded", "date_of_birth", "sex",
          "id_number", "id_kind", "nationality", "phone", "insurance_number", "province_code", "district_code",
          "ward_code", "vaccine_name", "vaccine_mp", "vaccine_ma", "vaccine_vp", "lot", "dose_number", "dn", "sd",
          "vaccination_date", "flags", "check_status", "checked_at", "registry_values", "differences")
BULK_ACTIONS = ("accept_registry", "keep_list", "reject", "defer")
EDITABLE = ("full_name", "date_of_birth", "sex", "id_number", "nationality")
SNAPSHOT = ("full_name", "date_of_birth", "sex", "id_number", "id_kind", "nationality", "check_status",
            "checked_at", "registry_values", "differences", "decision", "decision_reason")

ACTION_NAMES = {
    "accept_registry": tr("Chấp nhận dữ liệu CSDL dân cư", "Accept the registry's values"),
    "keep_list": tr("Giữ dữ liệu danh sách", "Keep the list's values"),
    "edit": tr("Sửa", "Edit"),
    "reject": tr("Loại khỏi ký số", "Reject"),
    "defer": tr("Để sau", "Defer"),
}


def _snapshot(record: VaccinationRecord) -> dict[str, Any]:
    out = {}
    for name in SNAPSHOT:
        value = getattr(record, name)
        out[name] = value.isoformat() if isinstance(value, datetime) else value
    return out


def _restore(record: VaccinationRecord, values: dict[str, Any]) -> None:
    for name in SNAPSHOT:
        value = values.get(name)
        if name == "checked_at" and isinstance(value, str):
            value = datetime.fromisoformat(value)
        if name == "differences" and value is None:
            value = []
        setattr(record, name, value)
    record.name_folded = fold(record.full_name)


def _refuse(vi: str, en: str, code: str, **params: Any) -> UserError:
    return UserError(tr(vi, en, **params), code=code)


def _check_action(action: str, reason: str) -> None:
    if action not in DECISION_ACTIONS:
        raise _refuse("Không có thao tác {action}. Các thao tác: {known}",
                      "There is no action {action}. Actions: {known}", "unknown_action",
                      action=action, known=", ".join(DECISION_ACTIONS))
    if action in REASON_REQUIRED and not reason:
        raise _refuse("Thao tác “{name}” cần ghi lý do.", "“{name}” needs a reason.", "reason_required",
                      name=ACTION_NAMES[action])


def _check_keepable(record: VaccinationRecord, action: str) -> None:
    """An ID number that cannot exist is never kept as it is: it would reach a signed certificate."""
    if action != "keep_list" or record.check_status != "invalid_id":
        return
    why = invalid_reason(record.id_number or "", record.nationality or "VN")
    raise _refuse("Dòng {row}: số giấy tờ không hợp lệ ({why}), không thể giữ dữ liệu danh sách. Hãy sửa số giấy "
                  "tờ (E) theo giấy tờ tùy thân, hoặc loại bản ghi (R).",
                  "Row {row}: the ID number is not valid ({why}) and cannot be kept. Edit it (E) from the ID card, "
                  "or reject the record (R).", "invalid_id_kept", row=record.source_row,
                  why=tr(*why) if why else tr("sai định dạng", "malformed"))


def _check_open(record: VaccinationRecord) -> None:
    if record.stage != "loaded" or record.batch_id is not None:
        raise _refuse("Bản ghi {id} đã được ký; hãy dùng chức năng đính chính chứng nhận.",
                      "Record {id} is already signed; use a certificate correction instead.", "record_signed",
                      id=record.id)


# validation of edited values ---------------------------------------------------------------------
_SEX = {"m": "M", "nam": "M", "0": "M", "male": "M", "f": "F", "nữ": "F", "nu": "F", "1": "F", "female": "F"}


def _valid_dob(text: str) -> str:
    text = text.strip()
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if m:
        text = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    ok = bool(m)
    if m:
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        try:
            when = date(year, int(month or 1), int(day or 1))
            ok = 1900 <= year and when <= date.today()
        except ValueError:
            ok = False
    if not ok:
        raise _refuse("Ngày sinh “{value}” không hợp lệ: dùng dd/mm/yyyy, yyyy-mm-dd, yyyy-mm hoặc yyyy, không ở "
                      "tương lai.", "Date of birth “{value}” is not valid: use dd/mm/yyyy, yyyy-mm-dd, yyyy-mm or "
                      "yyyy, not in the future.", "invalid_value", value=text)
    return text


def validate_edit(values: dict[str, Any], nationality: str) -> dict[str, str]:
    """Clean and check the clerk's corrected values; refuse with the field named."""
    if not values:
        raise _refuse("Hãy nhập giá trị cần sửa (họ tên, ngày sinh, giới tính, số định danh).",
                      "Enter the values to correct (name, date of birth, sex, ID number).", "nothing_to_edit")
    clean: dict[str, str] = {}
    unknown = [k for k in values if k not in EDITABLE]
    if unknown:
        raise _refuse("Không sửa được trường {fields}; được sửa: {known}", "Cannot edit {fields}; editable: {known}",
                      "invalid_field", fields=", ".join(unknown), known=", ".join(EDITABLE))
    if "nationality" in values:
        text = str(values["nationality"]).strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", text):
            raise _refuse("Quốc tịch “{value}” phải là mã 2 chữ cái (VN, US…).",
                          "Nationality “{value}” must be a 2-letter code (VN, US…).", "invalid_value", value=text)
        clean["nationality"] = nationality = text
    if "full_name" in values:
        text = tidy(str(values["full_name"]))
        if not text or any(ch.isdigit() for ch in text) or not any(ch.isalpha() for ch in text) or len(text) > 300:
            raise _refuse("Họ tên “{value}” không hợp lệ.", "Full name “{value}” is not valid.", "invalid_value",
                          value=text)
        clean["full_name"] = text
    if "date_of_birth" in values:
        clean["date_of_birth"] = _valid_dob(str(values["date_of_birth"]))
    if "sex" in values:
        sex = _SEX.get(str(values["sex"]).strip().lower())
        if sex is None:
            raise _refuse("Giới tính “{value}” không hợp lệ: dùng M (nam) hoặc F (nữ).",
                          "Sex “{value}” is not valid: use M (male) or F (female).", "invalid_value",
                          value=values["sex"])
        clean["sex"] = sex
    if "id_number" in values:
        number = normalise_id(values["id_number"])
        why = invalid_reason(number, nationality)
        if why:
            raise _refuse("Số định danh không hợp lệ: {why}.", "The ID number is not valid: {why}.", "invalid_value",
                          why=tr(*why))
        clean["id_number"] = number
    return clean


# applying a decision -----------------------------------------------------------------------------
def _recompare(record: VaccinationRecord) -> list[dict[str, Any]]:
    person = Person(record.full_name, record.date_of_birth, record.sex, normalise_id(record.id_number))
    if record.registry_values:
        differences = compare(person, Person.from_citizen(record.registry_values))
        if record.check_status in ("matched", "mismatch"):
            record.check_status = status_for(differences)
        for diff in differences:
            if diff["field"] == "name" and diff["kind"] == "format":
                record.full_name = diff["registry"]
        return differences
    return id_differences(person, None)


def _apply(record: VaccinationRecord, action: str, reason: str, set_fields: dict[str, str] | None) -> bool:
    """Change the record for one decision; returns whether its differences changed."""
    if action == "accept_registry":
        citizen = record.registry_values
        if not citizen:
            raise _refuse("Bản ghi {id} không có dữ liệu CSDL dân cư để chấp nhận (trạng thái {status}); hãy sửa, "
                          "giữ hoặc loại.", "Record {id} has no registry values to accept (status {status}); edit, "
                          "keep or reject it.", "nothing_to_accept", id=record.id, status=record.check_status)
        record.full_name = citizen["full_name"]
        record.date_of_birth = citizen["date_of_birth"]
        record.sex = citizen["sex"]
        record.id_number = citizen["id_number"]
        record.nationality = citizen.get("nationality") or record.nationality
        record.id_kind = id_kind(record.id_number, record.nationality) or ""
    changed_differences = False
    if action == "edit":
        values = set_fields or {}
        id_changed = "id_number" in values and values["id_number"] != normalise_id(record.id_number)
        for name, value in values.items():
            setattr(record, name, value)
        record.id_kind = id_kind(normalise_id(record.id_number), record.nationality) or ""
        if id_changed:
            record.check_status = "unchecked"
            record.registry_values = None
            record.checked_at = None
            record.differences = []
            changed_differences = True
        else:
            record.differences = _recompare(record)
            changed_differences = True
    record.name_folded = fold(record.full_name)
    back_to_check = action == "edit" and record.check_status == "unchecked"
    record.decision = None if back_to_check else action
    record.decision_reason = reason
    record.updated_at = utcnow()
    return changed_differences


def _stale(session: Session, record: VaccinationRecord, seen: int) -> UserError:
    """The refusal of a decision taken on an older version: who changed the record, how, and when."""
    last = session.scalars(select(Decision).where(Decision.record_id == record.id)
                           .order_by(Decision.id.desc()).limit(1)).first()
    details: dict[str, Any] = {"record_id": record.id, "version": record.version, "seen_version": seen}
    if last is None or last.at < (record.checked_at or last.at):
        return UserError(tr(
            "Bản ghi dòng {row} đã thay đổi từ khi bạn mở (phiên bản {seen} → {version}): có thể vừa được kiểm "
            "tra lại ở máy khác. Quyết định của bạn chưa được ghi; bản ghi đã được tải lại, hãy xem lại.",
            "The record of row {row} changed since you opened it (version {seen} → {version}), perhaps checked "
            "again on another workstation. Your decision was not recorded; the record has been reloaded, look "
            "at it again.", row=record.source_row, seen=format_number(seen), version=format_number(record.version)),
            code="record_changed", details=details)
    when = last.at.astimezone().strftime("%H:%M:%S %d/%m/%Y")
    what = ACTION_NAMES.get(last.action) or tr(last.action, last.action)
    details.update({"decided_by": last.actor, "action": last.action, "at": last.at.isoformat(),
                    "reason": last.reason, "undone": last.undone})
    if last.undone:
        return UserError(tr(
            "{who} vừa hoàn tác quyết định “{what}” trên bản ghi dòng {row} lúc {when}. Quyết định của bạn chưa được "
            "ghi; bản ghi đã được tải lại, hãy xem lại.",
            "{who} has just undone the decision “{what}” on the record of row {row} at {when}. Your decision was "
            "not recorded; the record has been reloaded, look at it again.",
            who=last.actor, what=what, row=record.source_row, when=when), code="record_changed", details=details)
    return UserError(tr(
        "{who} đã quyết định bản ghi dòng {row} lúc {when}: “{what}”{why}. Quyết định của bạn chưa được ghi; bản "
        "ghi đã được tải lại, hãy xem lại.",
        "{who} decided the record of row {row} at {when}: “{what}”{why}. Your decision was not recorded; the "
        "record has been reloaded, look at it again.",
        who=last.actor, row=record.source_row, when=when, what=what,
        why=f" ({last.reason})" if last.reason else ""), code="record_changed", details=details)


def _locked(session: Session, record_id: int) -> VaccinationRecord | None:
    """The record, locked until the transaction ends (the write lock on SQLite, the row on PostgreSQL)."""
    write_lock(session)
    return session.get(VaccinationRecord, record_id, with_for_update=True, populate_existing=True)


def resolve(workspace: Workspace, record_id: int, action: str, reason: str | None, actor: str,
            set_fields: dict[str, Any] | None = None, same_person: bool = False,
            version: int | None = None) -> dict[str, Any]:
    """One decision on one record; returns the record after it (with its new ``version``).

    ``version``: the record's version the clerk saw; when the record has changed since (another
    clerk's decision, a new check), the decision is refused with ``record_changed``.

    With ``same_person``, the person's other doses in the queue with the same differences
    (``desktop.review.queue.same_person_in``) get the same decision in the same transaction, at the same
    time, so one undo takes them all back; their ids are returned in ``same_person_ids``.
    """
    reason = (reason or "").strip()
    _check_action(action, reason)
    if set_fields and action != "edit":
        raise _refuse("Chỉ thao tác “sửa” mới nhận giá trị mới.", "Only “edit” takes new values.", "invalid_field")
    with workspace.db.session() as session:
        now = utcnow()
        others: list[int] = []
        record = _locked(session, record_id)
        if version is not None and record is not None and record.version != version:
            raise _stale(session, record, version)
        if same_person:
            others = [other.id for other in same_person_in(session, record)] if record is not None else []
        view = _resolve_one(session, record_id, action, reason, actor, set_fields, now)
        for other in others:
            session.flush()
            _resolve_one(session, other, action, reason, actor, set_fields, now)
        view["same_person_ids"] = others
        return view


def resolve_many(workspace: Workspace, decisions: list[tuple[int, str, str, dict[str, Any] | None]],
                 actor: str) -> list[dict[str, Any]]:
    """Several decisions ``(record_id, action, reason, set_fields)`` in one transaction: all or none.

    A refusal names the decision's position (0-based) in ``details["index"]``.
    """
    out: list[dict[str, Any]] = []
    with workspace.db.session() as session:
        for index, (record_id, action, reason, set_fields) in enumerate(decisions):
            reason = (reason or "").strip()
            try:
                _check_action(action, reason)
                if set_fields and action != "edit":
                    raise _refuse("Chỉ thao tác “sửa” mới nhận giá trị mới.", "Only “edit” takes new values.",
                                  "invalid_field")
                out.append(_resolve_one(session, record_id, action, reason, actor, set_fields))
                session.flush()
            except UserError as exc:
                exc.details = {**exc.details, "index": index}
                raise
    return out


def _resolve_one(session: Session, record_id: int, action: str, reason: str, actor: str,
                 set_fields: dict[str, Any] | None, now: datetime | None = None) -> dict[str, Any]:
    record = session.get(VaccinationRecord, record_id)
    if record is None:
        raise _refuse("Không có bản ghi {id}", "There is no record {id}", "no_record", id=record_id)
    if record.stage == "rejected_central" or (record.stage == "superseded" and record.decision == "reject"):
        clean = validate_edit(set_fields or {}, record.nationality) if action == "edit" else None
        return _resolve_central(session, record, action, reason, actor, clean, now or utcnow())
    _check_open(record)
    _check_keepable(record, action)
    clean = validate_edit(set_fields or {}, record.nationality) if action == "edit" else None
    before = _snapshot(record)
    changed = _apply(record, action, reason, clean)
    after = _snapshot(record)
    session.add(Decision(record_id=record.id, action=action, reason=reason, actor=actor, at=now or utcnow(),
                         before=before, after=after))
    if changed:
        session.flush()
        write_differences(session, [(record.id, record.differences)])
    record_event(session, actor, f"decision.{action}", "vaccination_record", record.id, before, after, reason)
    return _fresh_view(session, record)


def _fresh_view(session: Session, record: VaccinationRecord) -> dict[str, Any]:
    """The record's view with the version the database gave it (a trigger raises it on each change)."""
    _fresh_versions(session, [record])
    return record_view(record)


def _fresh_versions(session: Session, records: list[VaccinationRecord]) -> None:
    """Read back the versions the database's trigger gave these records (one query per 900)."""
    session.flush()
    by_id = {record.id: record for record in records}
    for part in chunks(list(by_id)):
        for record_id, version in session.execute(
                select(VaccinationRecord.id, VaccinationRecord.version).where(VaccinationRecord.id.in_(part))):
            set_committed_value(by_id[record_id], "version", version)


# records the central service rejected -----------------------------------------------------------
def _check_central_open(record: VaccinationRecord) -> None:
    if record.stage != "rejected_central" or record.decision == "reject":
        raise _refuse("Bản ghi {id} bị trung ương từ chối đã được xử lý (loại hoặc gửi lại): {why}",
                      "Record {id}, rejected by the central service, has already been dealt with (rejected or "
                      "resubmitted): {why}", "central_closed", id=record.id, why=record.decision_reason)


def _resolve_central(session: Session, record: VaccinationRecord, action: str, reason: str, actor: str,
                     clean: dict[str, str] | None, now: datetime) -> dict[str, Any]:
    """A decision on a centrally rejected record: reject/defer it, or resubmit it as a new record."""
    _check_central_open(record)
    if action not in RESUBMITTING:
        before = _snapshot(record)
        record.decision = action
        record.decision_reason = reason
        record.updated_at = now
        after = _snapshot(record)
        session.add(Decision(record_id=record.id, action=action, reason=reason, actor=actor, at=now, before=before,
                             after=after))
        record_event(session, actor, f"decision.{action}", "vaccination_record", record.id, before, after, reason)
        return _fresh_view(session, record)
    return _resubmit(session, record, action, reason, actor, clean, now)


def _resubmit(session: Session, old: VaccinationRecord, action: str, reason: str, actor: str,
              clean: dict[str, str] | None, now: datetime) -> dict[str, Any]:
    if action == "accept_registry" and not old.registry_values:
        raise _refuse("Bản ghi {id} không có dữ liệu CSDL dân cư để chấp nhận; hãy sửa, giữ hoặc loại.",
                      "Record {id} has no registry values to accept; edit, keep or reject it.", "nothing_to_accept",
                      id=old.id)
    new = VaccinationRecord(**{name: getattr(old, name) for name in COPIED})
    new.flags = list(old.flags or [])
    new.differences = list(old.differences or [])
    new.registry_values = dict(old.registry_values) if old.registry_values else None
    new.stage, new.batch_id, new.central_reason, new.supersedes_record_id = "loaded", None, "", None
    new.decision, new.decision_reason = None, ""
    new.created_at = now
    old_before = _snapshot(old)
    _apply(new, action, reason, clean)
    session.add(new)
    session.flush()
    new_after = _snapshot(new)
    old.decision = "reject"
    old.decision_reason = f"resubmitted as record {new.id}"
    old.stage = "superseded"
    old.updated_at = now
    old_after = {**_snapshot(old), "stage": "superseded", "resubmitted_as": new.id}
    origin = {**old_before, "stage": "rejected_central", "central_reason": old.central_reason,
              "resubmission_of": old.id}
    session.add_all([
        Decision(record_id=new.id, action=action, reason=reason, actor=actor, at=now, before=origin, after=new_after),
        Decision(record_id=old.id, action="reject", reason=old.decision_reason, actor=actor, at=now,
                 before={**old_before, "stage": "rejected_central"}, after=old_after),
    ])
    session.flush()
    write_differences(session, [(new.id, new.differences)])
    link = {"resubmission_of": old.id}
    record_event(session, actor, "review.resubmitted", "vaccination_record", old.id,
                 {"stage": "rejected_central", "decision": old_before["decision"]},
                 {"stage": "superseded", "decision": "reject", "resubmitted_as": new.id}, reason)
    record_event(session, actor, f"decision.{action}", "vaccination_record", new.id, link, {**new_after, **link},
                 reason)
    view = record_view(new)
    view["resubmission_of"] = old.id
    return view


def undo_last(workspace: Workspace, actor: str) -> dict[str, Any]:
    """Undo the actor's latest decision not yet undone — all of it when it was a bulk decision — if the
    records have not changed since. Returns the (first) record after the undo, with ``undone_count``."""
    with workspace.db.session() as session:
        last = session.scalars(
            select(Decision).where(Decision.actor == actor, Decision.undone.is_(False)).order_by(Decision.id.desc())
            .limit(1)
        ).first()
        if last is None:
            raise _refuse("Không có quyết định nào để hoàn tác.", "There is no decision to undo.", "nothing_to_undo")
        if "resubmission_of" in (last.before or {}) or "resubmitted_as" in (last.after or {}):
            new_id = (last.after or {}).get("resubmitted_as") or last.record_id
            raise _refuse("Quyết định cuối đã gửi lại bản ghi bị trung ương từ chối thành bản ghi {id}; không hoàn tác "
                          "được. Nếu cần, hãy loại bản ghi {id}.",
                          "Your last decision resubmitted a record the central service rejected as record {id}; it "
                          "cannot be undone. If needed, reject record {id}.", "undo_resubmission", id=new_id)
        # a bulk decision's rows share one timestamp
        group = list(session.scalars(
            select(Decision).where(Decision.actor == actor, Decision.undone.is_(False), Decision.at == last.at,
                                   Decision.action == last.action).order_by(Decision.id)
        )) or [last]
        events: Items = []
        views: list[dict[str, Any]] = []
        restored: list[VaccinationRecord] = []
        for decision in group:
            record = session.get(VaccinationRecord, decision.record_id)
            assert record is not None, "a decision's record is never deleted"
            if record.stage != "rejected_central":  # a central rejection's reject/defer can be undone
                _check_open(record)
            current = _snapshot(record)
            if current != decision.after:
                raise _refuse("Bản ghi {id} đã thay đổi sau quyết định này; không hoàn tác được.",
                              "Record {id} changed after this decision; it cannot be undone.", "undo_stale",
                              id=record.id)
            _restore(record, decision.before)
            record.updated_at = utcnow()
            decision.undone = True
            events.append((record.id, current, decision.before))
            restored.append(record)
        session.flush()
        write_differences(session, [(record.id, record.differences) for record in restored])
        record_events(session, actor, "decision.undo", "vaccination_record", events, f"undo of {last.action}")
        _fresh_versions(session, restored)
        views = [record_view(record) for record in restored]
        view = views[0]
        view["undone_action"] = last.action
        view["undone_count"] = len(views)
        return view


def _bulk_query(kind: str | None, status: str | None, action: str | None, list_id: int | None = None,
                day: str | None = None) -> Select[VaccinationRecord]:
    query = select(VaccinationRecord).where(queue_filter(kind, status, list_id, day))
    if action == "accept_registry":
        # only records the registry found have values to accept (JSON null is not SQL NULL: use the status)
        query = query.where(VaccinationRecord.check_status.in_(("mismatch", "matched")))
    return query.order_by(VaccinationRecord.id)


def count_affected(workspace: Workspace, kind: str | None = None, status: str | None = None,
                   action: str | None = None, list_id: int | None = None, day: str | None = None) -> int:
    """How many queue records a bulk decision would change (for the confirmation)."""
    with workspace.db.session() as session:
        sub = _bulk_query(kind, status, action, list_id, day).subquery()
        return session.scalar(select(func.count()).select_from(sub)) or 0


def bulk_resolve(workspace: Workspace, action: str, reason: str | None, actor: str, kind: str | None = None,
                 status: str | None = None, list_id: int | None = None, day: str | None = None) -> int:
    """The same decision for every queue record of a kind/status (of one list/day when given), in one
    transaction; returns the count."""
    reason = (reason or "").strip()
    _check_action(action, reason)
    if action not in BULK_ACTIONS:
        raise _refuse("Không thể “{name}” hàng loạt; hãy sửa từng bản ghi.",
                      "“{name}” cannot be done in bulk; edit records one by one.", "not_bulk",
                      name=ACTION_NAMES[action])
    if not kind and not status:
        raise _refuse("Hãy chọn loại khác biệt hoặc trạng thái cho quyết định hàng loạt.",
                      "Choose a difference kind or status for a bulk decision.", "bulk_needs_filter")
    with workspace.db.session() as session:
        records = list(session.scalars(_bulk_query(kind, status, action, list_id, day)))
        for record in records:
            _check_keepable(record, action)
        events: Items = []
        decisions: list[Decision] = []
        now = utcnow()  # one timestamp: undo takes the bulk decision back as a whole
        central = 0
        for record in records:
            if record.stage == "rejected_central":
                _resolve_central(session, record, action, reason, actor, None, now)
                central += 1
                continue
            before = _snapshot(record)
            _apply(record, action, reason, None)
            after = _snapshot(record)
            decisions.append(Decision(record_id=record.id, action=action, reason=reason, actor=actor, at=now,
                                      before=before, after=after))
            events.append((record.id, before, after))
        session.add_all(decisions)
        session.flush()
        if central:
            log.info("bulk %s: %d records rejected by the central service decided too", action, central)
        if events:
            record_events(session, actor, f"decision.{action}", "vaccination_record", events,
                          reason=f"bulk ({kind or status}): {reason}" if reason else f"bulk ({kind or status})")
        return len(records)
