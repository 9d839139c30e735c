"""The Document Signer certificates the trust list publishes, kept in the database.

One key shared by every replica (an encrypted key file copied to each, or one HSM token they all
reach) publishes one certificate. One key per replica (each replica's own data folder with its own
``dsc.pem`` and key) publishes one certificate per replica: each adds its own when it starts
(``publish``), and every replica's trust list names them all (``published``), so a verifier trusts
a certificate whichever replica signed it and whichever replica it asked.
"""

from __future__ import annotations

import logging

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from desktop.dcc.cose import kid_for_certificate
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


def published(db: CentralDatabase, own: x509.Certificate) -> list[x509.Certificate]:
    """Every published certificate, ``own`` first, each once."""
    out, seen = [own], {der_sha256(own)}
    with db.session() as session:
        for row in session.scalars(select(PublishedDsc).order_by(PublishedDsc.added_at, PublishedDsc.sha256)):
            if row.sha256 not in seen:
                seen.add(row.sha256)
                out.append(x509.load_pem_x509_certificate(row.certificate_pem.encode("ascii")))
    return out
