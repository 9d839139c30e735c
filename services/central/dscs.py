"""The Document Signer certificates the trust list publishes, kept in the database.

One key shared by every replica (an encrypted key file copied to each, or one HSM token they all
reach) publishes one certificate. One key per replica (each replica's own data folder with its own
``dsc.pem`` and key) publishes one certificate per replica: each adds its own when it starts
(``publish``), and every replica's trust list names them all (``PublishedEntries``), so a verifier trusts
a certificate whichever replica signed it and whichever replica it asked.

The trust list is asked often; ``PublishedEntries`` parses each certificate once. Which certificates
are published is read from the database on every request (their digests only), and a parsed entry
is kept by the SHA-256 of its DER: a certificate any replica publishes or withdraws is in, or out
of, the very next answer of every replica.
"""

from __future__ import annotations

import logging
import threading

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.dcc.cose import kid_for_certificate
from desktop.dcc.trustlist import TrustedCertificate, TrustList
from services.central.models import PublishedDsc
from services.central.pki import der_sha256
from services.central.storage import CentralDatabase

log = logging.getLogger("vaxdesk.central")


def publish(db: CentralDatabase, dsc: x509.Certificate) -> None:
    """Add ``dsc`` to the published certificates (nothing when it is there already)."""
    digest = der_sha256(dsc)
    try:
        with db.session() as session:
            if session.get(PublishedDsc, digest) is None:
                session.add(PublishedDsc(sha256=digest, kid=kid_for_certificate(dsc).hex(),
                                         certificate_pem=dsc.public_bytes(Encoding.PEM).decode("ascii")))
                log.info("Document Signer certificate %s published", kid_for_certificate(dsc).hex())
    except IntegrityError:
        pass  # another replica published the same certificate at the same moment


class PublishedEntries:
    """The published certificates as trust-list entries (``own`` first, each once), parsed once each."""

    def __init__(self, own: x509.Certificate) -> None:
        self._own_digest = der_sha256(own)
        self._own = _entry(own)
        self._parsed: dict[str, TrustedCertificate] = {}
        self._lock = threading.Lock()

    def entries(self, session: Session) -> list[TrustedCertificate]:
        digests = [d for d in session.scalars(select(PublishedDsc.sha256).order_by(
            PublishedDsc.added_at, PublishedDsc.sha256)) if d != self._own_digest]
        with self._lock:
            parsed = dict(self._parsed)
        missing = [d for d in digests if d not in parsed]
        for row in session.scalars(select(PublishedDsc).where(PublishedDsc.sha256.in_(missing))) if missing else ():
            parsed[row.sha256] = _entry(x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii")))
        if len(parsed) != len(digests) or missing:
            with self._lock:  # keep only what is published now: a withdrawn certificate is forgotten
                self._parsed = {d: parsed[d] for d in digests if d in parsed}
        return [self._own, *(parsed[d] for d in digests if d in parsed)]


def _entry(certificate: x509.Certificate) -> TrustedCertificate:
    return TrustList().add_certificate(certificate, country="VN")
