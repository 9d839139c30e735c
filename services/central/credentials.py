"""Bearer credentials: how a registered facility or focal agency reads its own results.

One random credential per registration code, issued when the code is first registered (or again on
request, which replaces the old one). The service keeps only its SHA-256; the credential itself is
shown once, to be stored owner-only in the facility's workspace (``central_token`` in secrets.json).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from services.central.models import Agency, Credential, Facility, utcnow

PREFIX = "vxc_"
MAX_LENGTH = 200


@dataclass(frozen=True)
class Caller:
    """Who presented a credential: the registration code, and the facilities whose data it may see."""

    code: str
    facilities: frozenset[str]


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def has_credential(session: Session, code: str) -> bool:
    return session.get(Credential, code) is not None


def issue(session: Session, code: str) -> str:
    """A new credential for ``code``, replacing any earlier one; returned once, stored hashed."""
    token = PREFIX + secrets.token_urlsafe(32)
    row = session.get(Credential, code) or Credential(code=code)
    row.token_sha256, row.issued_at = token_sha256(token), utcnow()
    session.add(row)
    return token


def caller_for(session: Session, token: str | None) -> Caller | None:
    """The registration holding ``token``, or None (unknown, malformed, or no longer registered)."""
    if not token or len(token) > MAX_LENGTH or not token.isascii():
        return None
    digest = token_sha256(token)
    row = session.scalars(select(Credential).where(Credential.token_sha256 == digest)).first()
    if row is None or not hmac.compare_digest(row.token_sha256, digest):
        return None
    facilities: set[str] = set()
    if session.get(Facility, row.code) is not None:
        facilities.add(row.code)
    agency = session.get(Agency, row.code)
    if agency is not None:
        facilities.update(agency.facilities)
    return Caller(row.code, frozenset(facilities)) if facilities else None
