"""Print certificates into one PDF and count every print in the certificate and the audit log.

Superseded and revoked certificates are never printed (a corrected person must not leave with the
wrong paper), nor expired ones (the QR would fail at the border; re-issue instead). The PDF is
written first; only when it exists are the prints counted, in one transaction with their audit
events, so a failed print is never counted and a counted print always has its file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.audit import record_events
from desktop.certificates.corrections import mark_superseded_certificates
from desktop.certificates.detail import PRINTED, build_form
from desktop.db_bulk import chunks
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.models import Certificate, VaccinationRecord
from desktop.printing.pdf import PrintJob, render_pdf
from desktop.progress import Progress
from desktop.workspace import Workspace


@dataclass(frozen=True)
class PrintResult:
    pages: int
    out: str
    uvcis: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"pages": self.pages, "out": self.out, "uvcis": self.uvcis}


def print_certificates(
    workspace: Workspace,
    out: str | Path,
    *,
    uvcis: Sequence[str] = (),
    ids: Sequence[int] = (),
    all_new: bool = False,
    layout: str = "a4",
    actor: str = "",
    progress: Progress | None = None,
    printed_on: date | None = None,
) -> PrintResult:
    """Render the chosen certificates (by UVCI, by id, or every valid one never printed) into ``out``
    and count the print; the command line's ``print`` and the window's "Save PDF"."""
    result = render_certificates(workspace, out, uvcis=uvcis, ids=ids, all_new=all_new, layout=layout,
                                 progress=progress, printed_on=printed_on)
    try:
        record_prints(workspace, result.uvcis, actor, destination=Path(out).name, layout=layout)
    except BaseException:
        Path(out).unlink(missing_ok=True)
        raise
    return result


def render_certificates(
    workspace: Workspace,
    out: str | Path,
    *,
    uvcis: Sequence[str] = (),
    ids: Sequence[int] = (),
    all_new: bool = False,
    layout: str = "a4",
    progress: Progress | None = None,
    printed_on: date | None = None,
) -> PrintResult:
    """Write the PDF without counting it: for a print preview, counted by ``record_prints`` once printed."""
    if not (uvcis or ids or all_new):
        raise UserError(tr("Chọn chứng nhận cần in.", "Choose the certificates to print."), code="nothing_to_print")
    out = Path(out)
    now = datetime.now(UTC)
    with workspace.db.session() as session:
        mark_superseded_certificates(session, "")
    with workspace.db.session() as session:
        certs = _select(session, uvcis, ids, all_new, now)
        record_ids = [c.record_id for c in certs]
        for chunk in chunks(record_ids):  # the records in a few queries, not one per certificate
            session.execute(select(VaccinationRecord).where(VaccinationRecord.id.in_(chunk))).scalars().all()
        forms = []
        for index, cert in enumerate(certs):
            if progress is not None:
                progress.update(index, len(certs) * 2, str(tr("Chuẩn bị {n} chứng nhận", "Preparing {n} certificates",
                                                               n=len(certs))))
            forms.append(build_form(session, cert))
        chosen = [c.uvci for c in certs]
    job = PrintJob(out, layout, workspace.settings.get("facility_name"), printed_on)
    pages = render_pdf(forms, job, _Offset(progress, len(forms)) if progress is not None else None)
    return PrintResult(pages, str(out), chosen)


def record_prints(workspace: Workspace, uvcis: Sequence[str], actor: str, destination: str = "",
                  layout: str = "a4") -> int:
    """Count one print of each certificate, with its audit event, in one transaction.

    Refuses (and counts nothing) if any of them was superseded or revoked since it was rendered.
    """
    if not uvcis:
        return 0
    with workspace.db.session() as session:
        certs = list(session.execute(select(Certificate).where(Certificate.uvci.in_(list(uvcis)))).scalars())
        refuse_unprintable([c for c in certs if c.status != "valid"], datetime.now(UTC))
        items: list[tuple[str | int, dict[str, Any] | None, dict[str, Any] | None]] = []
        for cert in certs:
            before: dict[str, Any] = {"printed_count": cert.printed_count}
            cert.printed_count += 1
            items.append((cert.uvci, before, {"printed_count": cert.printed_count, "to": destination,
                                              "layout": layout}))
        record_events(session, actor, PRINTED, "certificate", items)
    return len(items)


class _Offset(Progress):
    """Reports the rendering half of the work after the preparing half."""

    def __init__(self, inner: Progress, offset: int):
        super().__init__()
        self._inner, self._offset = inner, offset

    def update(self, done: int, total: int, label: str | None = None, force: bool = False) -> None:
        self._inner.update(self._offset + done, self._offset + total,
                           label or str(tr("Đang tạo PDF", "Writing the PDF")), force)

    def check_cancelled(self) -> None:
        self._inner.check_cancelled()


def _select(session: Session, uvcis: Sequence[str], ids: Sequence[int], all_new: bool, now: datetime) -> list[Certificate]:
    if all_new:
        certs = list(session.execute(
            select(Certificate).where(Certificate.status == "valid", Certificate.printed_count == 0,
                                      Certificate.expires_at > now).order_by(Certificate.id)
        ).scalars())
        if not certs:
            raise UserError(tr("Không có chứng nhận mới nào chưa in.", "There is no new certificate left to print."),
                            code="nothing_to_print")
        return certs
    wanted_uvcis = list(dict.fromkeys(u.strip() for u in uvcis if u.strip()))
    wanted_ids = list(dict.fromkeys(int(i) for i in ids))
    found: dict[str, Certificate] = {}
    if wanted_uvcis:
        for cert in session.execute(select(Certificate).where(Certificate.uvci.in_(wanted_uvcis))).scalars():
            found[cert.uvci] = cert
        missing = [u for u in wanted_uvcis if u not in found]
        if missing:
            raise UserError(tr("Không tìm thấy chứng nhận: {list}", "No such certificate: {list}",
                               list=", ".join(missing)), code="no_certificate", details={"missing": missing})
    certs = [found[u] for u in wanted_uvcis]
    if wanted_ids:
        by_id = {c.id: c for c in session.execute(select(Certificate).where(Certificate.id.in_(wanted_ids))).scalars()}
        missing_ids = [i for i in wanted_ids if i not in by_id]
        if missing_ids:
            raise UserError(tr("Không tìm thấy chứng nhận: {list}", "No such certificate: {list}",
                               list=", ".join(map(str, missing_ids))), code="no_certificate")
        certs += [by_id[i] for i in wanted_ids if by_id[i].uvci not in found]
    refuse_unprintable(certs, now)
    return certs


def refuse_unprintable(certs: Sequence[Certificate], now: datetime) -> None:
    """Refuse the whole print when any chosen certificate is superseded, revoked or expired."""
    for cert in certs:
        if cert.status == "superseded":
            raise UserError(tr(
                "Không in chứng nhận {uvci}: đã được thay thế bởi {new} sau khi đính chính. Hãy in chứng nhận mới.",
                "Certificate {uvci} is not printed: it was superseded by {new} after a correction. Print the new one.",
                uvci=cert.uvci, new=cert.superseded_by or "?"), code="certificate_superseded",
                details={"uvci": cert.uvci, "superseded_by": cert.superseded_by})
        if cert.status == "revoked":
            raise UserError(tr(
                "Không in chứng nhận {uvci}: đã bị thu hồi ({reason}).",
                "Certificate {uvci} is not printed: it was revoked ({reason}).",
                uvci=cert.uvci, reason=cert.revoked_reason or "—"), code="certificate_revoked",
                details={"uvci": cert.uvci})
        if cert.expires_at <= now:
            raise UserError(tr(
                "Không in chứng nhận {uvci}: mã QR đã hết hạn ngày {date}; cần cấp lại.",
                "Certificate {uvci} is not printed: its QR code expired on {date}; it must be re-issued.",
                uvci=cert.uvci, date=cert.expires_at.strftime("%d/%m/%Y")), code="certificate_expired",
                details={"uvci": cert.uvci})
