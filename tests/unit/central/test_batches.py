"""Countersigning a facility's batch: the happy path, per-record rejections, idempotency, corrections."""

from __future__ import annotations

import json

import pytest

from desktop.dcc.hc1 import decode_hc1, verify_hc1
from desktop.dcc.trustlist import TrustList
from services.central.errors import CentralError
from services.central.models import Batch, IssuedCertificate
from tests.unit.central.central_factory import attestation, build_batch


def submit(env, body) -> dict:
    return json.loads(env.service.submit_batch(json.dumps(body).encode()))


def test_batch_is_countersigned_and_verifies_with_the_published_trust_list(central):
    atts = [attestation(), attestation(name="Trần Văn Đức", dn=2, sd=2, dt="2021-10-01")]
    response = submit(central, build_batch(central.facility, atts))
    assert [r["status"] for r in response["results"]] == ["issued", "issued"]
    trust = TrustList.from_json(central.service.trust_list())
    for result, att in zip(response["results"], atts, strict=True):
        assert result["record_key"] == att["record_key"]
        assert result["uvci"].startswith("URN:UVCI:01:VN:")
        verdict = verify_hc1(result["hc1"], trust)
        assert verdict.valid, verdict.problems
        cert = decode_hc1(result["hc1"])
        assert cert.issuer == "VN"
        assert (cert.expires_at - cert.issued_at).days == 365
        assert cert.dcc["v"][0]["ci"] == result["uvci"]
    assert decode_hc1(response["results"][1]["hc1"]).dcc["nam"] == {
        "fn": "Trần", "fnt": "TRAN", "gn": "Văn Đức", "gnt": "VAN<DUC"}


def test_replay_returns_the_same_bytes_and_a_different_body_conflicts(central):
    body = build_batch(central.facility, [attestation(), attestation()])
    first = central.service.submit_batch(json.dumps(body).encode())
    again = central.service.submit_batch(json.dumps(body, indent=2).encode())
    assert again == first
    assert json.loads(central.service.get_batch(json.loads(first)["batch_id"], central.caller())) == json.loads(first)
    other = build_batch(central.facility, [attestation()], batch_id=json.loads(first)["batch_id"])
    with pytest.raises(CentralError) as err:
        central.service.submit_batch(json.dumps(other).encode())
    assert (err.value.status, err.value.code) == (409, "batch_conflict")
    with central.service.db.session() as s:
        assert s.query(IssuedCertificate).count() == 2


def test_each_bad_record_is_rejected_with_its_reason_and_the_rest_issued(central):
    person = attestation()
    atts = [
        person,
        attestation(vp="9999999", mp="EU/1/99/0000"),                               # unknown vaccine
        attestation(name="Nguyễn " + "A" * 500),                                    # over the schema's 80
        attestation(dt="2099-01-01"),                                               # future vaccination
        attestation(dob="2098"),                                                    # future birth
        attestation(facility="79999", signer="01001"),                              # not this signer's facility
        {**attestation(), "record_key": person["record_key"]},                      # same record twice
        {**attestation(), "person": dict(person["person"])},                        # same person and dose twice
        attestation(mp="EU/1/20/1507", ma="ORG-100030215"),                         # codes that do not belong together
        attestation(supersedes="URN:UVCI:01:VN:00000000000000000000000000000000"),  # nothing to supersede
    ]
    response = submit(central, build_batch(central.facility, atts, on_behalf_of=["01001"]))
    codes = [r.get("reason_code", r["status"]) for r in response["results"]]
    assert codes == ["issued", "unknown_vaccine", "schema", "future_date", "future_date", "facility_not_authorised",
                     "duplicate_in_batch", "duplicate_in_batch", "unknown_vaccine", "superseded_unknown"]
    for r in response["results"][1:]:
        assert r["message"]["vi"] and r["message"]["en"] and r["message"]["vi"] != r["message"]["en"]
    assert response["issued"] == 1 and response["rejected"] == 9


def test_the_same_dose_is_never_certified_twice_but_a_correction_supersedes_it(central):
    first = attestation(name="Nguyen Van Tam")
    issued = submit(central, build_batch(central.facility, [first]))["results"][0]
    again = attestation(id_number=first["person"]["id"], name="Nguyễn Văn Tâm")
    rejected = submit(central, build_batch(central.facility, [again]))["results"][0]
    assert rejected["reason_code"] == "dose_already_certified"
    assert issued["uvci"] in rejected["message"]["en"]

    fix = {**again, "record_key": first["record_key"], "supersedes": issued["uvci"]}
    corrected = submit(central, build_batch(central.facility, [fix], kind="correction"))["results"][0]
    assert corrected["status"] == "issued" and corrected["uvci"] != issued["uvci"]
    assert decode_hc1(corrected["hc1"]).dcc["nam"]["fn"] == "Nguyễn"
    revs = central.service.revocations()["revocations"]
    assert revs == [{"uvci": issued["uvci"], "revoked_at": revs[0]["revoked_at"], "reason": "superseded",
                     "superseded_by": corrected["uvci"]}]
    assert central.service.certificate_status(issued["uvci"], central.caller())["status"] == "superseded"
    assert TrustList.from_json(central.service.trust_list()).is_revoked(issued["uvci"])
    # the old certificate cannot be superseded a second time
    twice = {**fix, "record_key": "01001:999999"}
    again = submit(central, build_batch(central.facility, [twice], kind="correction"))["results"][0]
    assert again["reason_code"] == "superseded_unknown"


def test_a_record_signed_again_in_a_new_batch_gets_its_existing_certificate(central):
    att = attestation()
    first = submit(central, build_batch(central.facility, [att]))["results"][0]
    second = submit(central, build_batch(central.facility, [att, attestation()]))["results"]
    assert second[0]["uvci"] == first["uvci"] and second[0]["hc1"] == first["hc1"]
    assert second[1]["status"] == "issued"


def test_nothing_is_stored_when_the_transaction_fails(central, monkeypatch):
    body = build_batch(central.facility, [attestation(), attestation()])
    from services.central import service as svc

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(svc, "insert", boom)
    with pytest.raises(RuntimeError):
        central.service.submit_batch(json.dumps(body).encode())
    with central.service.db.session() as s:
        assert s.query(Batch).count() == 0 and s.query(IssuedCertificate).count() == 0
    monkeypatch.undo()
    assert submit(central, body)["issued"] == 2


def test_tokens_without_pss_sign_rs256_and_rsa_pss_tokens_ps256(central_sqlite):
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    from desktop.dcc.cose import kid_for_certificate
    from tests.unit.central.central_factory import Signed

    rsa_facility = central_sqlite.signer("01777", rsa_key=True)

    class RS256:
        alg = -257
        kid = kid_for_certificate(rsa_facility.cert)

        def sign(self, data: bytes) -> bytes:
            return rsa_facility.key.sign(data, padding.PKCS1v15(), hashes.SHA256())

    class RS256Facility(Signed):
        @property
        def signer(self):
            return RS256()

    legacy = RS256Facility("01777", rsa_facility.key, rsa_facility.cert)
    assert submit(central_sqlite, build_batch(legacy, [attestation("01777")]))["issued"] == 1
    assert submit(central_sqlite, build_batch(rsa_facility, [attestation("01777")]))["issued"] == 1
