"""What a stored certificate says: its decoded DCC payload and its validity period.

The certificate's content is read from the HC1 string itself (what a verifier will see), not from
the vaccination record, so the detail pane and the printout show exactly what the QR carries.
Signature checks belong to the verifier (``desktop.certificates.verification``); here the string
was already verified by sync when it arrived.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop.dcc.hc1 import decode_hc1
from desktop.i18n import Message, tr

EXPIRING_DAYS = 30


def decode_payload(hc1: str) -> dict[str, Any]:
    """``{"iss", "iat", "exp", "dcc"}`` of an HC1 string, without checking its signature.

    Raises ``CertificateUnreadable`` (a ``UserError``) naming the step that failed.
    """
    decoded = decode_hc1(hc1)
    return {"iss": decoded.issuer, "iat": decoded.issued_at, "exp": decoded.expires_at, "dcc": decoded.dcc}


@dataclass(frozen=True)
class Validity:
    state: str  # "valid" | "expiring" | "expired" | "superseded" | "revoked"
    days_left: int
    message: Message

    def as_dict(self) -> dict[str, Any]:
        return {"state": self.state, "days_left": self.days_left, "message": self.message.as_dict()}


def validity(status: str, expires_at: datetime, now: datetime | None = None,
             superseded_by: str | None = None, revoked_reason: str = "") -> Validity:
    """The QR is valid 12 months; it is re-issued when it expires. Superseded or revoked ends it now."""
    now = now or datetime.now(UTC)
    days_left = (expires_at - now).days
    until = expires_at.astimezone(UTC).strftime("%d/%m/%Y")
    if status == "superseded":
        return Validity("superseded", 0, tr(
            "Đã được thay thế bởi chứng nhận {uvci}; không in chứng nhận này nữa.",
            "Superseded by certificate {uvci}; this one is no longer printed.", uvci=superseded_by or "?"))
    if status == "revoked":
        return Validity("revoked", 0, tr("Đã bị thu hồi ({reason}).", "Revoked ({reason}).",
                                         reason=revoked_reason or "—"))
    if expires_at <= now:
        return Validity("expired", days_left, tr(
            "Mã QR đã hết hạn ngày {date}; cấp lại khi người dân cần.",
            "The QR code expired on {date}; re-issue it when the person needs it.", date=until))
    if expires_at - now <= timedelta(days=EXPIRING_DAYS):
        return Validity("expiring", days_left, tr(
            "Mã QR sắp hết hạn ({date}, còn {days} ngày); cấp lại khi hết hạn.",
            "The QR code expires soon ({date}, {days} days left); re-issue it when it expires.",
            date=until, days=days_left))
    return Validity("valid", days_left, tr("Có hiệu lực đến {date}.", "Valid until {date}.", date=until))
