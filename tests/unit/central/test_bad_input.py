"""Bad input: each answered with a precise error, nothing stored half-done, the service keeps serving."""

from __future__ import annotations

import base64
import json
import time
from datetime import UTC, datetime, timedelta

import cbor2
import pytest

from services.central.errors import CentralError
from services.central.models import Batch, IssuedCertificate
from services.central.setup import register
from tests.unit.central.central_factory import Signed, attestation, build_batch, make_ca, make_signer, pem


def refused(env, body: bytes | dict) -> CentralError:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    with pytest.raises(CentralError) as err:
        env.service.submit_batch(raw)
    return err.value


def nothing_stored(env) -> None:
    with env.service.db.session() as s:
        assert s.query(Batch).count() == 0 and s.query(IssuedCertificate).count() == 0


def still_serving(env) -> None:
    response = json.loads(env.service.submit_batch(json.dumps(build_batch(env.facility, [attestation()])).encode()))
    assert response["issued"] == 1


@pytest.mark.parametrize("body", [
    b"", b"{", b"[]", b"\xff\xfe", b"[" * 200_000, json.dumps({"manifest": "###", "records": []}).encode(),
    json.dumps({"manifest": base64.b64encode(b"\x84\x40").decode(), "records": []}).encode(),
    json.dumps({"manifest": base64.b64encode(b"garbage that is not cbor \xff").decode(), "records": []}).encode(),
    json.dumps({"manifest": base64.b64encode(cbor2.dumps(cbor2.CBORTag(18, [b"", {}, b"x", b"y"]))).decode(),
                "records": [{"leaf_index": 0}]}).encode(),
    json.dumps({"manifest": "", "records": [{"attestation": ""}]}).encode(),
])
def test_malformed_envelopes_are_400(central_sqlite, body):
    err = refused(central_sqlite, body)
    assert (err.status, err.code) == (400, "bad_request")
    assert err.as_body()["error"]["message"]["vi"]
    nothing_stored(central_sqlite)


def test_truncated_manifest_is_400(central_sqlite):
    body = build_batch(central_sqlite.facility, [attestation()])
    raw = base64.b64decode(body["manifest"])
    body["manifest"] = base64.b64encode(raw[: len(raw) // 2]).decode()
    err = refused(central_sqlite, body)
    assert err.code == "bad_request" and "manifest" in err.message.en
    nothing_stored(central_sqlite)
    still_serving(central_sqlite)


def test_unknown_signer_is_401(central_sqlite):
    stranger = central_sqlite.signer("02002", register_as=None)
    err = refused(central_sqlite, build_batch(stranger, [attestation(facility="02002")]))
    assert (err.status, err.code) == (401, "unknown_signer")
    nothing_stored(central_sqlite)


def test_expired_and_not_yet_valid_certificates_are_403(central_sqlite):
    now = datetime.now(UTC)
    old = central_sqlite.signer("03003", not_before=now - timedelta(days=400), not_after=now - timedelta(days=1))
    err = refused(central_sqlite, build_batch(old, [attestation(facility="03003")]))
    assert (err.status, err.code) == (403, "certificate_invalid") and "expired" in err.message.en
    future = central_sqlite.signer("03004", not_before=now + timedelta(days=2))
    err = refused(central_sqlite, build_batch(future, [attestation(facility="03004")]))
    assert (err.status, err.code) == (403, "certificate_invalid") and "not valid yet" in err.message.en
    nothing_stored(central_sqlite)


def test_certificate_from_another_ca_is_403_even_if_registered(central_sqlite):
    rogue_key, rogue_ca = make_ca("Rogue CA")
    key, cert = make_signer(rogue_key, rogue_ca, "04004")
    register(central_sqlite.data, "facility", code="04004", certificate=pem(cert))
    err = refused(central_sqlite, build_batch(Signed("04004", key, cert), [attestation(facility="04004")]))
    assert (err.status, err.code) == (403, "certificate_invalid") and "not issued by a Ministry CA" in err.message.en


def test_revoked_signer_and_wrong_key_usage_are_403(central_sqlite):
    register(central_sqlite.data, "revoke_signer", certificate=pem(central_sqlite.facility.cert), reason="token lost")
    err = refused(central_sqlite, build_batch(central_sqlite.facility, [attestation()]))
    assert (err.status, err.code) == (403, "certificate_invalid") and "revoked" in err.message.en
    no_sign = central_sqlite.signer("05005", digital_signature=False)
    err = refused(central_sqlite, build_batch(no_sign, [attestation(facility="05005")]))
    assert (err.status, err.code) == (403, "certificate_invalid") and "key usage" in err.message.en


def test_signer_claiming_another_code_or_foreign_facilities_is_403(central_sqlite):
    env = central_sqlite
    impostor = Signed("06006", env.facility.key, env.facility.cert)  # the 01001 key, claiming to be 06006
    err = refused(env, build_batch(impostor, [attestation(facility="06006")]))
    assert (err.status, err.code) == (403, "signer_not_authorised")
    err = refused(env, build_batch(env.facility, [attestation(facility="01001")], on_behalf_of=["01001", "07007"]))
    assert (err.status, err.code) == (403, "signer_not_authorised") and "07007" in err.message.en


def test_focal_agency_signs_only_for_its_facilities(central_sqlite):
    env = central_sqlite
    agency = env.signer("SYT01", register_as="agency", facilities=["01001", "01002"])
    ok = json.loads(env.service.submit_batch(json.dumps(build_batch(
        agency, [attestation("01001", "SYT01"), attestation("01002", "SYT01")])).encode()))
    assert ok["issued"] == 2
    err = refused(env, build_batch(agency, [attestation("09009", "SYT01")]))
    assert (err.status, err.code) == (403, "signer_not_authorised")


def test_bad_manifest_signature_is_422(central_sqlite):
    body = build_batch(central_sqlite.facility, [attestation()])
    msg = cbor2.loads(base64.b64decode(body["manifest"]))
    protected, unprotected, payload, signature = msg.value
    forged = cbor2.CBORTag(18, [protected, unprotected, payload, bytes([signature[0] ^ 1]) + signature[1:]])
    body["manifest"] = base64.b64encode(cbor2.dumps(forged)).decode()
    err = refused(central_sqlite, body)
    assert (err.status, err.code) == (422, "bad_signature")


def test_manifest_listing_more_records_than_sent_is_422(central_sqlite):
    body = build_batch(central_sqlite.facility, [attestation(), attestation(), attestation()])
    body["records"] = body["records"][:2]
    err = refused(central_sqlite, body)
    assert (err.status, err.code) == (422, "manifest_mismatch") and "3" in err.message.en
    body = build_batch(central_sqlite.facility, [attestation(), attestation()])
    body["records"][1]["leaf_index"] = 0
    assert refused(central_sqlite, body).code == "manifest_mismatch"
    nothing_stored(central_sqlite)


def test_records_not_matching_the_signed_root_refuse_the_whole_batch_and_store_nothing(central_sqlite):
    genuine = build_batch(central_sqlite.facility, [attestation(), attestation(), attestation(), attestation()])
    body = json.loads(json.dumps(genuine))
    tampered = cbor2.loads(base64.b64decode(body["records"][1]["attestation"]))
    tampered["vaccination"]["dn"] = 3
    body["records"][1]["attestation"] = base64.b64encode(cbor2.dumps(tampered, canonical=True)).decode()
    body["records"][2]["proof"] = body["records"][2]["proof"][:-1]
    body["records"][0]["attestation"] = "!!not base64!!"
    err = refused(central_sqlite, body)
    assert (err.status, err.code) == (422, "invalid_proof")
    assert err.details["leaf_indexes"] == [0, 1, 2]
    nothing_stored(central_sqlite)
    # the untouched batch under the same id still goes through
    results = json.loads(central_sqlite.service.submit_batch(json.dumps(genuine).encode()))["results"]
    assert [r["status"] for r in results] == ["issued"] * 4


def test_a_million_records_are_refused_from_the_manifest_count_quickly(central_sqlite):
    body = build_batch(central_sqlite.facility, [attestation()], count=1_000_000)
    start = time.perf_counter()
    err = refused(central_sqlite, body)
    assert (err.status, err.code) == (413, "too_large")
    assert time.perf_counter() - start < 1
    many = {"manifest": body["manifest"], "records": [{"leaf_index": i} for i in range(20_001)]}
    assert refused(central_sqlite, many).code == "too_large"


def test_attestation_without_required_fields_is_invalid_attestation(central_sqlite):
    att = attestation()
    del att["person"]["dob"]
    att["vaccination"]["dn"] = "1"
    result = json.loads(central_sqlite.service.submit_batch(json.dumps(
        build_batch(central_sqlite.facility, [att])).encode()))["results"][0]
    assert result["reason_code"] == "invalid_attestation"
    assert "person.dob" in result["message"]["en"] and "vaccination.dn" in result["message"]["en"]


def test_without_x5chain_the_signer_is_found_by_kid_among_registered_certificates(central_sqlite):
    from desktop.dcc import cose

    env = central_sqlite
    body = build_batch(env.facility, [attestation()])
    msg = cose.decode_sign1(base64.b64decode(body["manifest"]))
    body["manifest"] = base64.b64encode(cose.sign1(msg.payload, env.facility.signer)).decode()  # no header 33
    assert json.loads(env.service.submit_batch(json.dumps(body).encode()))["issued"] == 1
    stranger = env.signer("02002", register_as=None)
    body = build_batch(stranger, [attestation(facility="02002")])
    msg = cose.decode_sign1(base64.b64decode(body["manifest"]))
    body["manifest"] = base64.b64encode(cose.sign1(msg.payload, stranger.signer)).decode()
    err = refused(env, body)
    assert (err.status, err.code) == (401, "unknown_signer")
