"""Correct a certified record: the correction takes the same road as new work.

``create_correction`` copies the certified record into a new record with the clerk's edits,
pointing at the old one (``supersedes_record_id``), unchecked — so it is checked against the
registry again, resolved if needed, signed by the facility in a batch of kind "correction" (whose
attestation names the old UVCI in ``supersedes``) and synced. The central service revokes the old
UVCI and issues the new certificate; ``mark_superseded_certificates`` then marks the old one
superseded here, so it is never printed again.

The clerk's edit is kept as a Decision (history with reason) on the new record, but it does not
approve the record: the registry check decides, as for any new record.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop.audit import Items, record_event, record_events
from desktop.certificates.detail import CORRECTION_REQUESTED, SUPERSEDED, pending_correction_id
from desktop.db_bulk import chunks
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.models import Certificate, Decision, VaccinationRecord
from desktop.text import fold
from desktop.workspace import Workspace

# fields a correction may change, and the column(s) each one sets
CORRECTABLE = ("full_name", "date_of_birth", "sex", "id_number", "dose_number", "sd", "vaccination_date")
_ALIASES = {"name": "full_name", "dob": "date_of_birth", "dose": "dose_number", "dn": "dose_number",
            "id": "id_number", "date": "vaccination_date"}
_COPIED = (
    "list_id", "source_ref", "source_row", "facility_code", "full_name", "name_folded", "date_of_birth", "sex",
    "id_number", "id_kind", "nationality", "phone", "insurance_number", "province_code", "district_code",
    "ward_code", "vaccine_name", "vaccine_mp", "vaccine_ma", "vaccine_vp", "lot", "dose_number", "dn", "sd",
    "vaccination_date", "flags",
)
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_PARTIAL_DOB = re.compile(r"^\d{4}(?:-\d{2})?$")


def parse_changes(pairs: list[str]) -> dict[str, str]:
    """``["full_name=Nguyễn Văn A", "dob=1990-01-02"]`` → a dict of canonical field names."""
    changes: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = _ALIASES.get(name.strip(), name.strip())
        if not sep or name not in CORRECTABLE:
            raise UserError(tr(
                "Không sửa được \"{pair}\": viết trường=giá trị, với trường là một trong {fields}.",
                "Cannot apply \"{pair}\": write field=value, the field being one of {fields}.",
                pair=pair, fields=", ".join(CORRECTABLE)), code="bad_field")
        changes[name] = value
    return changes


def _bad(field: str, value: Any, vi: str, en: str) -> UserError:
    return UserError(tr("Giá trị \"{value}\" của {field} không hợp lệ: " + vi,
                        "The value \"{value}\" for {field} is not valid: " + en, value=value, field=field),
                     code="bad_value", details={"field": field})


def _date(field: str, value: str, partial: bool = False) -> str:
    text = value.strip()
    if m := _DMY.match(text):
        text = f"{int(m[3]):04d}-{int(m[2]):02d}-{int(m[1]):02d}"
    if partial and _PARTIAL_DOB.match(text):
        return text
    try:
        parsed = date.fromisoformat(text)
    except ValueError:
        raise _bad(field, value, "viết dd/mm/yyyy hoặc yyyy-mm-dd.", "write dd/mm/yyyy or yyyy-mm-dd.") from None
    if parsed > date.today():
        raise _bad(field, value, "ngày ở tương lai.", "the date is in the future.")
    return parsed.isoformat()


def normalise_changes(changes: dict[str, str]) -> dict[str, Any]:
    """Validate each edited value and give it its stored form (NFC names, ISO dates, integers)."""
    from desktop.dcc.names import normalise_name

    out: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "full_name":
            text = normalise_name(value)
            if not text or not any(ch.isalpha() for ch in text):
                raise _bad(name, value, "họ tên trống.", "the name is empty.")
            out["full_name"] = text
            out["name_folded"] = fold(text)
        elif name == "date_of_birth":
            out[name] = _date(name, value, partial=True)
        elif name == "vaccination_date":
            out[name] = _date(name, value)
        elif name == "sex":
            sex = value.strip().upper()[:1]
            if sex not in ("M", "F"):
                raise _bad(name, value, "chọn M (nam) hoặc F (nữ).", "choose M (male) or F (female).")
            out[name] = sex
        elif name in ("dose_number", "sd"):
            try:
                number = int(value.strip())
            except ValueError:
                number = 0
            if not 1 <= number <= 9:
                raise _bad(name, value, "số mũi từ 1 đến 9.", "a dose number from 1 to 9.")
            out[name] = number
            if name == "dose_number":
                out["dn"] = number
        elif name == "id_number":
            text = re.sub(r"\s+", "", value).upper()
            if not re.fullmatch(r"\d{9}|\d{12}|[A-Z]{1,2}\d{6,8}", text):
                raise _bad(name, "…", "CCCD 12 chữ số, CMND 9 chữ số hoặc số hộ chiếu.",
                           "a 12-digit CCCD, a 9-digit CMND or a passport number.")
            out[name] = text
            out["id_kind"] = "cccd" if len(text) == 12 and text.isdigit() else (
                "cmnd" if len(text) == 9 and text.isdigit() else "passport")
    return out


def valid_certificate_of(session: Session, record_id: int) -> Certificate | None:
    return session.execute(
        select(Certificate).where(Certificate.record_id == record_id, Certificate.status == "valid")
        .order_by(Certificate.id.desc()).limit(1)
    ).scalar_one_or_none()


@dataclass(frozen=True)
class Correction:
    """The correcting record, as created (unchecked, superseding the certified one)."""

    record_id: int
    supersedes_record_id: int | None
    check_status: str
    stage: str
    full_name: str
    date_of_birth: str
    sex: str
    dose_number: int
    dn: int
    sd: int
    vaccination_date: str
    decision_reason: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def correct_record(workspace: Workspace, record_id: int, changes: dict[str, str], reason: str,
                   actor: str = "") -> Correction:
    """Create the correction of ``record_id``'s certificate."""
    with workspace.db.session() as session:
        r = create_correction(session, record_id, changes, reason, actor)
        return Correction(record_id=r.id, supersedes_record_id=r.supersedes_record_id, check_status=r.check_status,
                          stage=r.stage, full_name=r.full_name, date_of_birth=r.date_of_birth, sex=r.sex,
                          dose_number=r.dose_number, dn=r.dn, sd=r.sd, vaccination_date=r.vaccination_date,
                          decision_reason=r.decision_reason)


def create_correction(session: Session, record_id: int, changes: dict[str, str], reason: str,
                      actor: str) -> VaccinationRecord:
    """Make the correcting record (unchecked, superseding ``record_id``); return it (flushed, with its id)."""
    reason = (reason or "").strip()
    if not reason:
        raise UserError(tr("Cần ghi lý do đính chính.", "A reason for the correction is required."),
                        code="reason_required")
    old = session.get(VaccinationRecord, record_id)
    if old is None:
        raise UserError(tr("Không có bản ghi {id}.", "There is no record {id}.", id=record_id), code="no_record")
    cert = valid_certificate_of(session, record_id)
    if cert is None:
        raise UserError(tr(
            "Bản ghi {id} chưa có chứng nhận còn hiệu lực; hãy sửa ở bước Đối chiếu thay vì đính chính.",
            "Record {id} has no valid certificate; correct it in Review instead of issuing a correction.",
            id=record_id), code="no_valid_certificate")
    pending = pending_correction_id(session, record_id)
    if pending is not None:
        raise UserError(tr(
            "Bản ghi {id} đã có bản đính chính đang chờ (bản ghi {pending}); hãy hoàn tất bản đó trước.",
            "Record {id} already has a correction on its way (record {pending}); finish that one first.",
            id=record_id, pending=pending), code="correction_pending", details={"pending_record_id": pending})
    values = normalise_changes(changes)
    changed = {k: v for k, v in values.items() if getattr(old, k) != v}
    if not changed:
        raise UserError(tr("Giá trị mới giống giá trị cũ; không có gì để đính chính.",
                           "The new values equal the old ones; there is nothing to correct."), code="nothing_changed")
    new = VaccinationRecord(**{name: getattr(old, name) for name in _COPIED})
    for name, value in changed.items():
        setattr(new, name, value)
    new.flags = list(old.flags or [])
    new.check_status = "unchecked"
    new.stage = "loaded"
    new.decision = None
    new.decision_reason = reason
    new.supersedes_record_id = old.id
    session.add(new)
    session.flush()
    before = {k: getattr(old, k) for k in changed if k != "name_folded"}
    after = {k: v for k, v in changed.items() if k != "name_folded"}
    session.add(Decision(record_id=new.id, action="edit", reason=reason, actor=actor, before=before, after=after))
    record_event(session, actor, "record_correction_created", "vaccination_record", new.id,
                 before={"supersedes_record_id": old.id, **_masked(before)}, after=_masked(after), reason=reason)
    record_event(session, actor, CORRECTION_REQUESTED, "certificate", cert.uvci, before={"status": cert.status},
                 after={"correction_record_id": new.id, "fields": sorted(after)}, reason=reason)
    session.flush()
    return new


def _masked(values: dict[str, Any]) -> dict[str, Any]:
    from desktop.ids import mask_id

    return {k: (mask_id(v) if k == "id_number" else v) for k, v in values.items()}


def mark_superseded_certificates(session: Session, actor: str = "") -> list[tuple[str, str]]:
    """Mark superseded every valid certificate whose record has a certified correction.

    Idempotent; called after each sync and before printing. Returns ``[(old_uvci, new_uvci)]``.
    """
    new_cert = aliased(Certificate)
    old_cert = aliased(Certificate)
    # the corrections first (a partial index holds only them), not every valid certificate
    corrections = list(session.execute(select(VaccinationRecord.id)
                                       .where(VaccinationRecord.supersedes_record_id.isnot(None))).scalars())
    rows = sorted((row for chunk in chunks(corrections) for row in session.execute(
        select(old_cert, new_cert.uvci, new_cert.id)
        .join(VaccinationRecord, VaccinationRecord.supersedes_record_id == old_cert.record_id)
        .join(new_cert, new_cert.record_id == VaccinationRecord.id)
        .where(VaccinationRecord.id.in_(chunk), old_cert.status == "valid", new_cert.status == "valid")
    ).all()), key=lambda row: row[2])
    done: list[tuple[str, str]] = []
    items: Items = []
    for old, new_uvci, _new_id in rows:
        if old.status != "valid":
            continue
        old.status = "superseded"
        old.superseded_by = new_uvci
        record = session.get(VaccinationRecord, old.record_id)
        if record is not None:
            record.stage = "superseded"
        items.append((str(old.uvci), {"status": "valid"}, {"status": "superseded", "superseded_by": new_uvci}))
        done.append((old.uvci, new_uvci))
    if items:
        record_events(session, actor, SUPERSEDED, "certificate", items)
    return done
