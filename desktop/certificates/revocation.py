"""Revoke a certificate issued in error, without a replacement.

The facility signs a revocation with its token (payload CBOR ``{"v": 1, "uvci", "reason",
"facility", "at"}``, COSE_Sign1 with the x5chain as for batches, docs/central-api.md) and sends it
to ``POST /v1/revocations``. Only when the central service has accepted it is the local certificate
marked revoked (with its audit event): a revocation the central service never received must not
look done here. Sending again after a failure is safe; nothing changed locally.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import cbor2

from desktop.audit import record_event
from desktop.certificates.detail import REVOKED, find_certificate
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.models import VaccinationRecord
from desktop.workspace import Workspace


@dataclass(frozen=True)
class RevocationResult:
    uvci: str
    status: str
    reason: str
    revoked_at: str

    def as_dict(self) -> dict[str, Any]:
        return {"uvci": self.uvci, "status": self.status, "reason": self.reason, "revoked_at": self.revoked_at}


def revocation_payload(uvci: str, reason: str, facility: str, at: datetime) -> bytes:
    """The signed document's payload: deterministic CBOR."""
    return cbor2.dumps({"v": 1, "uvci": uvci, "reason": reason, "facility": facility,
                        "at": at.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")},
                       canonical=True)


def check_revocable(workspace: Workspace, uvci: str, reason: str) -> None:
    """Refuse before the token is touched: no reason, unknown, superseded or already revoked."""
    if not (reason or "").strip():
        raise UserError(tr("Cần ghi lý do thu hồi.", "A reason for the revocation is required."),
                        code="reason_required")
    with workspace.db.session() as session:
        cert = find_certificate(session, uvci)
        if cert.status == "revoked":
            raise UserError(tr("Chứng nhận {uvci} đã bị thu hồi trước đó.", "Certificate {uvci} is already revoked.",
                               uvci=cert.uvci), code="already_revoked")
        if cert.status == "superseded":
            raise UserError(tr(
                "Chứng nhận {uvci} đã được thay thế bởi {new} và trung ương đã thu hồi nó; hãy thu hồi chứng nhận mới nếu cần.",
                "Certificate {uvci} was superseded by {new} and already revoked centrally; revoke the new one if needed.",
                uvci=cert.uvci, new=cert.superseded_by or "?"), code="already_superseded")


def revoke_certificate(
    workspace: Workspace,
    uvci: str,
    reason: str,
    handler: Any,
    actor: str = "",
    sign: Callable[[Workspace, bytes, Any], bytes] | None = None,
    send: Callable[[Workspace, bytes], dict[str, Any]] | None = None,
    run_db: Callable[[Callable[[], Any]], Any] | None = None,
) -> RevocationResult:
    """Sign (one token operation), send, then mark revoked locally.

    ``sign`` defaults to ``desktop.signing.batch.sign_cose_payload``; ``send`` to posting to the
    workspace's central service. Both are parameters so the window can run them its own way.
    ``run_db`` runs each database step (the window hands its database worker's; by default here), so
    waiting for the PIN and the central service never holds the database.
    """
    step = run_db or _here
    reason = (reason or "").strip()
    step(lambda: check_revocable(workspace, uvci, reason))
    facility = workspace.settings.get("facility_code")
    at = datetime.now(UTC)
    if sign is None:
        from desktop.signing.batch import sign_cose_payload

        sign = sign_cose_payload
    signed = sign(workspace, revocation_payload(uvci, reason, facility, at), handler)
    answer = (send or post_revocation)(workspace, signed)
    revoked_at = str(answer.get("revoked_at") or at.isoformat(timespec="seconds"))
    # the central service answers with the revocation it holds: an earlier correction may have won
    superseded_by = answer.get("superseded_by") or None
    status = "superseded" if superseded_by else "revoked"
    def store() -> str:
        with workspace.db.session() as session:
            cert = find_certificate(session, uvci)
            before = {"status": cert.status}
            cert.status = status
            cert.revoked_reason = str(answer.get("reason") or "superseded") if superseded_by else reason
            cert.superseded_by = superseded_by or cert.superseded_by
            record = session.get(VaccinationRecord, cert.record_id)
            if record is not None and record.stage == "certified":
                record.stage = status
            record_event(session, actor, REVOKED, "certificate", cert.uvci, before,
                         {"status": status, "revoked_at": revoked_at, "superseded_by": superseded_by}, reason=reason)
            return str(cert.revoked_reason)

    revoked_reason: str = step(store)
    return RevocationResult(uvci, status, revoked_reason, revoked_at)


def _here(step: Callable[[], Any]) -> Any:
    return step()


def post_revocation(workspace: Workspace, signed: bytes) -> dict[str, Any]:
    """``POST /v1/revocations`` through the sync client (``desktop.sync.revocations``)."""
    from desktop.sync.revocations import post_revocation as post

    return post(workspace, signed)
