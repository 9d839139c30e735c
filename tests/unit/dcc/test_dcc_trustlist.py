"""The trust list document the central service publishes: round trip, look-ups, refusals."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from desktop.dcc.cose import ES256, PS256
from desktop.dcc.trustlist import TrustList, uvci_hash, workspace_trust_list_path
from desktop.errors import UserError

UVCI = "URN:UVCI:01:VN:0123456789ABCDEF0123456789ABCDEF"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_round_trip_through_json(trust_list, es256_key, ps256_key, tmp_path):
    trust_list.revoke(UVCI, reason="superseded", revoked_at=datetime(2025, 4, 1, tzinfo=UTC))
    trust_list.revoke("URN:UVCI:01:VN:FEDCBA", reason="error", publish_uvci=True)
    path = tmp_path / "trustlist.json"
    path.write_text(trust_list.to_json(), encoding="utf-8")

    loaded = TrustList.load(path)
    assert len(loaded) == 2
    assert loaded.get(es256_key.kid).alg == ES256 and loaded.get(ps256_key.kid).alg == PS256
    assert loaded.get(es256_key.kid).country == "VN"
    assert loaded.get(es256_key.kid).certificate == es256_key.certificate
    assert loaded.is_revoked(UVCI) and loaded.is_revoked("URN:UVCI:01:VN:FEDCBA")
    assert not loaded.is_revoked(UVCI + "#X")
    assert loaded.revocation_for(UVCI).revoked_at == "2025-04-01T00:00:00Z"
    assert loaded.issued_at == trust_list.issued_at

    document = json.loads(loaded.to_json())
    assert document["version"] == 1
    assert document["certificates"][0] == {
        "kid": _b64(es256_key.kid), "country": "VN", "alg": "ES256",
        "certificate": _b64(es256_key.certificate.public_bytes(Encoding.DER)),
    }
    published = {r.get("uvci"): r["uvci_hash"] for r in document["revocations"]}
    assert published[None] == _b64(uvci_hash(UVCI))  # the UVCI itself is not published by default
    assert "URN:UVCI:01:VN:FEDCBA" in published


def test_minimal_document_with_derived_kid_and_null_alg(es256_key):
    der = es256_key.certificate.public_bytes(Encoding.DER)
    loaded = TrustList.from_json({"version": 1, "certificates": [{"certificate": _b64(der), "alg": None}],
                                  "revocations": [{"uvci": UVCI}]})
    entry = loaded.get(es256_key.kid)
    assert entry is not None and entry.alg is None and entry.country is None
    assert es256_key.kid in loaded
    assert loaded.is_revoked(UVCI)


@pytest.mark.parametrize(("document", "fragment"), [
    ("not json", "not JSON"),
    ({"version": 2}, "version"),
    ({"version": 1, "certificates": {}}, "must be a list"),
    ({"version": 1, "certificates": [{"certificate": "***"}]}, "certificates[0].certificate"),
    ({"version": 1, "certificates": [{"certificate": _b64(b"not a certificate")}]}, "not a DER"),
    ({"version": 1, "revocations": [{}]}, "revocations[0]"),
    ({"version": 1, "revocations": [{"uvci": UVCI, "uvci_hash": _b64(b"x" * 32)}]}, "not the SHA-256"),
    ({"version": 1, "issued_at": "yesterday"}, "issued_at"),
])
def test_malformed_documents_are_refused(document, fragment):
    with pytest.raises(UserError) as caught:
        TrustList.from_json(json.dumps(document) if isinstance(document, dict) else document)
    assert caught.value.code == "trust_list_invalid"
    assert fragment in caught.value.message.en


def test_wrong_kid_length_and_alg_are_refused(es256_key):
    der = _b64(es256_key.certificate.public_bytes(Encoding.DER))
    for entry, fragment in (({"kid": _b64(b"1234567"), "certificate": der}, "8 bytes"),
                            ({"alg": "RS256", "certificate": der}, "alg")):
        with pytest.raises(UserError) as caught:
            TrustList.from_json({"version": 1, "certificates": [entry]})
        assert fragment in caught.value.message.en


def test_missing_file(tmp_path):
    with pytest.raises(UserError) as caught:
        TrustList.load(tmp_path / "absent.json")
    assert caught.value.code == "trust_list_unreadable"


def test_duplicate_kids_keep_every_certificate(es256_key, ps256_key):
    tl = TrustList()
    tl.add_certificate(es256_key.certificate)
    tl.add_certificate(es256_key.certificate)  # same certificate twice: kept once
    tl.add_certificate(ps256_key.certificate, kid=es256_key.kid)  # a colliding kid
    assert len(tl.certificates_for(es256_key.kid)) == 2


def test_workspace_location(tmp_path):
    assert workspace_trust_list_path(tmp_path) == tmp_path / "pki" / "trustlist.json"


def test_central_revocation_list_is_merged():
    tl = TrustList()
    count = tl.add_revocations({"revocations": [
        {"uvci": UVCI, "revoked_at": "2025-04-01T00:00:00Z", "reason": "superseded",
         "superseded_by": "URN:UVCI:01:VN:NEW"}]})
    assert count == 1 and tl.is_revoked(UVCI)
    with pytest.raises(UserError):
        tl.add_revocations('{"revocations": [{"reason": "no uvci"}]}')
