"""A received certificate is accepted only if the central signed it and it is the record we signed."""

from __future__ import annotations

import base64
import json

import cbor2
import pytest
from sync_factory import make_records, self_signed, sign_batch

from desktop.dcc.cose import KeySigner, kid_for_certificate
from desktop.dcc.trustlist import TrustList
from desktop.sync.store import check_result, load_leaves, submission_body
from desktop.sync.verify import content_mismatches, verify_received


@pytest.fixture
def batch(workspace, facility):
    ids = make_records(workspace.db, 4)
    batch_id = sign_batch(workspace.db, ids, facility)
    body = json.loads(submission_body(workspace.db, batch_id))
    return batch_id, body, load_leaves(workspace.db, batch_id)


def test_genuine_certificates_pass(batch, issuer):
    _, body, leaves = batch
    answer = issuer.answer(body)
    checked = check_result(answer, leaves, TrustList.from_json(issuer.trust_list()))
    assert checked.ok and len(checked.verified) == 4


@pytest.mark.parametrize("tamper,field", [
    ({"dt": "2021-09-16"}, "v[0].dt"), ({"dn": 3, "sd": 3}, "v[0].dn"), ({"sd": 3}, "v[0].sd"),
    ({"mp": "EU/1/20/1507", "ma": "ORG-100031184"}, "v[0].mp"),
    ({"mp": "EU/1/20/1507", "ma": "ORG-100031184"}, "v[0].ma"),
    ({"mp": "EU/1/21/1529", "ma": "ORG-100001699", "vp": "29061000087103"}, "v[0].vp"),
    ({"nam": {"fn": "Nguyễn", "fnt": "NGUYEN", "gn": "Văn Bình", "gnt": "VAN<BINH"}}, "name"),
])
def test_content_that_differs_from_the_attestation_is_an_alarm(batch, issuer, tamper, field):
    _, body, leaves = batch
    issuer_answer = issuer.answer(body, tamper={2: tamper})
    checked = check_result(issuer_answer, leaves, TrustList.from_json(issuer.trust_list()))
    assert not checked.ok
    fields = {m.field for _, m in checked.alarms}
    assert field in fields
    assert {r for r, _ in checked.alarms} == {leaves[2].record_id}


def test_signature_by_a_key_not_on_the_trust_list_is_an_alarm(batch, issuer):
    _, body, leaves = batch
    key, cert = self_signed("Impostor")
    from cryptography.hazmat.primitives.serialization import Encoding

    impostor = KeySigner(key, kid=kid_for_certificate(cert.public_bytes(Encoding.DER)))
    answer = issuer.answer(body, signer=impostor)
    checked = check_result(answer, leaves, TrustList.from_json(issuer.trust_list()))
    assert checked.unknown_kid and len(checked.alarms) == 4


def test_forged_signature_under_a_trusted_kid_is_an_alarm(batch, issuer):
    _, body, leaves = batch
    key, _ = self_signed("Impostor")
    forger = KeySigner(key, kid=issuer.signer.kid)  # claims the central's kid
    answer = issuer.answer(body, signer=forger)
    checked = check_result(answer, leaves, TrustList.from_json(issuer.trust_list()))
    assert not checked.ok and not checked.unknown_kid
    assert {m.code for _, m in checked.alarms} == {"bad_signature"}


def test_a_result_missing_for_a_record_is_refused(batch, issuer):
    _, body, leaves = batch
    answer = dict(issuer.answer(body))
    answer["results"] = answer["results"][:-1]
    checked = check_result(answer, leaves, TrustList.from_json(issuer.trust_list()))
    assert checked.structure is not None and not checked.ok


def test_uvci_must_match_the_reported_one(batch, issuer):
    _, body, leaves = batch
    answer = json.loads(json.dumps(issuer.answer(body)))
    answer["results"][0]["uvci"] = "URN:UVCI:01:VN:" + "A" * 32
    checked = check_result(answer, leaves, TrustList.from_json(issuer.trust_list()))
    assert ("v[0].ci" in {m.field for _, m in checked.alarms})


def test_name_comparison_ignores_composition_and_spacing():
    attestation = {"person": {"name": "Nguyễn  Văn Đức", "dob": "1990"},
                   "vaccination": {"mp": "a", "ma": "b", "vp": "c", "dn": 1, "sd": 2, "dt": "2021-01-01"}}
    import unicodedata

    dcc = {"nam": {"fn": unicodedata.normalize("NFD", "Nguyễn"), "gn": "Văn Đức"}, "dob": "1990",
           "v": [{"mp": "a", "ma": "b", "vp": "c", "dn": 1, "sd": 2, "dt": "2021-01-01", "ci": "U"}]}
    assert content_mismatches(dcc, "U", attestation) == []
    dcc["v"][0]["dn"] = True  # a boolean is not the integer 1
    assert [m.field for m in content_mismatches(dcc, "U", attestation)] == ["v[0].dn"]


def test_undecodable_hc1_is_reported_not_raised(issuer):
    result = verify_received("HC1:garbage!!", "U", {}, TrustList.from_json(issuer.trust_list()))
    assert not result.ok and result.problems[0].code == "undecodable"


def test_submission_body_follows_the_batch_format(workspace, facility):
    ids = make_records(workspace.db, 3)
    batch_id = sign_batch(workspace.db, ids, facility)
    body = json.loads(submission_body(workspace.db, batch_id))
    assert [r["leaf_index"] for r in body["records"]] == [0, 1, 2]
    manifest = cbor2.loads(cbor2.loads(base64.b64decode(body["manifest"])).value[2])
    assert manifest["batch_id"] == batch_id and manifest["count"] == 3
    from desktop.signing.merkle import leaf_hash, verify_inclusion

    for rec in body["records"]:
        leaf = leaf_hash(base64.b64decode(rec["attestation"]))
        proof = [bytes.fromhex(p) for p in rec["proof"]]
        assert verify_inclusion(leaf, rec["leaf_index"], 3, proof, manifest["root"])
