"""Revocations both ways: a facility's signed revocation posted to the central service
(``post_revocation``), and certificates revoked or superseded centrally updated locally on sync."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from desktop.audit import record_event
from desktop.db import Database
from desktop.db_bulk import chunks, write_lock
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.models import Certificate, VaccinationRecord


def post_revocation(workspace: Any, signed: bytes) -> dict[str, Any]:
    """Send a revocation signed with the token through the workspace's ``CentralClient``; a
    refusal is reported with the central service's own reason (``revocation_refused``)."""
    from desktop.sync.client import CentralClient, CentralRefused

    with CentralClient.for_workspace(workspace) as client:
        try:
            return client.post_revocation(signed)
        except CentralRefused as exc:
            inner = exc.message.params.get("reason", exc.message)
            raise UserError(
                tr("Máy chủ trung ương từ chối thu hồi ({code}): {reason}",
                   "The central service refused the revocation ({code}): {reason}",
                   code=exc.reason_code, reason=inner),
                code="revocation_refused", details={"reason_code": exc.reason_code, "status": exc.status},
            ) from exc


def apply_revocations(db: Database, revocations: list[dict[str, Any]], actor: str) -> list[str]:
    """Mark local certificates named in the central's revocation list; returns the UVCIs changed."""
    wanted = {r["uvci"]: r for r in revocations if isinstance(r.get("uvci"), str)}
    if not wanted:
        return []
    changed: list[str] = []
    uvcis = list(wanted)
    with db.session() as session:
        write_lock(session)
        for chunk in chunks(uvcis):
            for cert in session.execute(select(Certificate).where(Certificate.uvci.in_(chunk))).scalars():
                entry = wanted[cert.uvci]
                superseded = entry.get("reason") == "superseded" or bool(entry.get("superseded_by"))
                status = "superseded" if superseded else "revoked"
                if cert.status == status and (cert.superseded_by or None) == (entry.get("superseded_by") or None):
                    continue
                before = {"status": cert.status, "superseded_by": cert.superseded_by}
                cert.status = status
                cert.superseded_by = entry.get("superseded_by") or cert.superseded_by
                cert.revoked_reason = str(entry.get("reason") or status)
                record_event(session, actor, "sync.revocation", "certificate", cert.uvci, before,
                             {"status": status, "superseded_by": cert.superseded_by,
                              "revoked_at": entry.get("revoked_at")}, reason=cert.revoked_reason)
                record = session.get(VaccinationRecord, cert.record_id)
                if record is not None and record.stage == "certified":
                    record.stage = status
                    record_event(session, actor, "sync.revocation", "vaccination_record", record.id,
                                 {"stage": "certified"}, {"stage": status, "uvci": cert.uvci})
                changed.append(cert.uvci)
    return changed
