"""The trust list parses each published Document Signer certificate once, and still names exactly the
certificates the shared database publishes at the moment it is asked, whichever replica changed them."""

from __future__ import annotations

import base64

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import delete

from services.central import dscs
from services.central.models import PublishedDsc
from services.central.pki import der_sha256
from services.central.storage import CentralDatabase
from tests.unit.central.central_factory import make_signer


def published(central) -> set[bytes]:
    return {base64.b64decode(c["certificate"]) for c in central.service.trust_list()["certificates"]}


def test_a_certificate_another_replica_publishes_or_withdraws_shows_at_once(central):
    own = central.service.dsc.public_bytes(Encoding.DER)
    assert published(central) == {own}
    _key, other = make_signer(central.ca_key, central.ca, "DSC-2")
    replica = CentralDatabase(central.database_url)  # another replica's connection to the same database
    try:
        dscs.publish(replica, other)
        assert published(central) == {own, other.public_bytes(Encoding.DER)}
        with replica.session() as session:
            session.execute(delete(PublishedDsc).where(PublishedDsc.sha256 == der_sha256(other)))
        assert published(central) == {own}
        dscs.publish(replica, other)
        assert published(central) == {own, other.public_bytes(Encoding.DER)}
    finally:
        replica.engine.dispose()


def test_each_certificate_is_parsed_once(central_sqlite, monkeypatch):
    central = central_sqlite
    _key, other = make_signer(central.ca_key, central.ca, "DSC-2")
    dscs.publish(central.service.db, other)
    parsed = []
    load = x509.load_pem_x509_certificate

    def counting(data, *args):
        parsed.append(data)
        return load(data, *args)

    monkeypatch.setattr(x509, "load_pem_x509_certificate", counting)
    first = central.service.trust_list()
    for _ in range(3):
        again = central.service.trust_list()
        assert again["certificates"] == first["certificates"]
    assert len(first["certificates"]) == 2
    assert len(parsed) == 1
