"""A certificate's detail: its decoded fields, the form it prints as, its validity and its history.

History is assembled from the certificate's own fields (issued, received, superseded, revoked)
and the audit log (every print, correction request and revocation, with who and when), so it
cannot disagree with what was recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.certificates.content import Validity, decode_payload, validity
from desktop.certificates.search import CertificateRow, to_row
from desktop.errors import UserError
from desktop.i18n import Message, format_date, tr
from desktop.models import AuditEvent, Certificate, VaccinationRecord
from desktop.printing.form import CertificateForm, form_from_dcc
from desktop.workspace import Workspace

# audit actions written by this capability
PRINTED = "certificate_printed"
CORRECTION_REQUESTED = "certificate_correction_requested"
SUPERSEDED = "certificate_superseded"
REVOKED = "certificate_revoked"

_EVENT_TEXT = {
    PRINTED: ("Đã in (lần {n})", "Printed (time {n})"),
    CORRECTION_REQUESTED: ("Yêu cầu đính chính: {reason}", "Correction requested: {reason}"),
    SUPERSEDED: ("Được thay thế bởi {uvci}", "Superseded by {uvci}"),
    REVOKED: ("Thu hồi: {reason}", "Revoked: {reason}"),
    "sync.superseded": ("Được thay thế bởi {uvci} (đồng bộ)", "Superseded by {uvci} (sync)"),
    "sync.revocation": ("Trung ương thu hồi: {reason}", "Revoked centrally: {reason}"),
}


@dataclass(frozen=True)
class HistoryEntry:
    at: str  # ISO 8601 UTC
    kind: str  # "issued" | "received" | an audit action
    actor: str
    message: Message

    def as_dict(self) -> dict[str, Any]:
        return {"at": self.at, "kind": self.kind, "actor": self.actor, "message": self.message.as_dict()}


@dataclass(frozen=True)
class CertificateDetail:
    row: CertificateRow
    hc1: str
    dcc: dict[str, Any]
    form: CertificateForm
    validity: Validity
    history: list[HistoryEntry] = field(default_factory=list)
    correction_record_id: int | None = None  # a pending correction of this certificate's record

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.row.as_dict(), "hc1": self.hc1, "dcc": self.dcc, "form": dict(
                (key, value) for key, value in self.form.__dict__.items() if key != "hc1"),
            "validity": self.validity.as_dict(), "history": [h.as_dict() for h in self.history],
            "correction_record_id": self.correction_record_id,
        }


def find_certificate(session: Session, key: int | str) -> Certificate:
    """A certificate by its id or its UVCI; a clear refusal when there is none."""
    if isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
        cert = session.get(Certificate, int(key))
    else:
        cert = session.execute(select(Certificate).where(Certificate.uvci == key.strip())).scalar_one_or_none()
    if cert is None:
        raise UserError(tr("Không tìm thấy chứng nhận {key}.", "There is no certificate {key}.", key=key),
                        code="no_certificate")
    return cert


def build_form(session: Session, cert: Certificate, dcc: dict[str, Any] | None = None) -> CertificateForm:
    """The printed form of ``cert``; nationality comes from its vaccination record."""
    if dcc is None:
        dcc = decode_payload(cert.hc1)["dcc"]
    record = session.get(VaccinationRecord, cert.record_id)
    nationality = record.nationality if record is not None else ""
    return form_from_dcc(cert.hc1, dcc, nationality, format_date(cert.expires_at.date().isoformat()))


def certificate_detail(session: Session, key: int | str, now: datetime | None = None) -> CertificateDetail:
    cert = find_certificate(session, key)
    content = decode_payload(cert.hc1)
    return CertificateDetail(
        row=to_row(cert), hc1=cert.hc1, dcc=content["dcc"], form=build_form(session, cert, content["dcc"]),
        validity=validity(cert.status, cert.expires_at, now, cert.superseded_by, cert.revoked_reason),
        history=history(session, cert), correction_record_id=pending_correction_id(session, cert.record_id),
    )


def certificate_detail_of(workspace: Workspace, certificate_id: int, now: datetime | None = None) -> CertificateDetail:
    """One certificate's detail, read in its own session (what the window and the command line show)."""
    with workspace.db.session() as session:
        return certificate_detail(session, certificate_id, now)


def pending_correction_id(session: Session, record_id: int) -> int | None:
    """The newest record that corrects ``record_id`` and is still on its way to a certificate."""
    return session.execute(
        select(VaccinationRecord.id)
        .where(VaccinationRecord.supersedes_record_id == record_id,
               VaccinationRecord.stage.not_in(("certified", "superseded", "revoked", "rejected_central")))
        .order_by(VaccinationRecord.id.desc()).limit(1)
    ).scalar_one_or_none()


def history(session: Session, cert: Certificate) -> list[HistoryEntry]:
    entries = [
        HistoryEntry(_iso(cert.issued_at), "issued", "", tr("Cấp chứng nhận", "Certificate issued")),
        HistoryEntry(_iso(cert.received_at), "received", "", tr("Nhận về máy", "Received from the central service")),
    ]
    events = session.execute(
        select(AuditEvent).where(
            AuditEvent.entity == "certificate",
            or_(AuditEvent.entity_id == cert.uvci, AuditEvent.entity_id == str(cert.id)),
        ).order_by(AuditEvent.id)
    ).scalars()
    seen: set[str] = set()
    aliases = {"sync.superseded": SUPERSEDED, "sync.revocation": REVOKED}
    for event in events:
        after = event.after or {}
        vi, en = _EVENT_TEXT.get(event.action, (event.action, event.action))
        params = {"n": after.get("printed_count", ""), "reason": event.reason or "—",
                  "uvci": after.get("superseded_by", "")}
        entries.append(HistoryEntry(_iso(event.at), event.action, event.actor, tr(vi, en, **params)))
        seen.add(aliases.get(event.action, event.action))
        if event.action == "sync.revocation" and after.get("status") == "superseded":
            seen.add(SUPERSEDED)
    if cert.status == "superseded" and SUPERSEDED not in seen:
        entries.append(HistoryEntry("", SUPERSEDED, "", tr(*_EVENT_TEXT[SUPERSEDED], uvci=cert.superseded_by or "?")))
    if cert.status == "revoked" and REVOKED not in seen:
        entries.append(HistoryEntry("", REVOKED, "", tr(*_EVENT_TEXT[REVOKED], reason=cert.revoked_reason or "—")))
    return entries


def _iso(moment: datetime | None) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z") if moment else ""
