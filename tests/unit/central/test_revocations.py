"""Signed revocations from facilities, and what the trust list publishes."""

from __future__ import annotations

import json

import pytest

from desktop.dcc.trustlist import TrustList
from services.central.errors import CentralError
from tests.unit.central.central_factory import attestation, build_batch, sign_revocation


def issue_one(env, att=None) -> str:
    body = build_batch(env.facility, [att or attestation()])
    return json.loads(env.service.submit_batch(json.dumps(body).encode()))["results"][0]["uvci"]


def test_facility_revokes_its_certificate_once_and_it_is_published(central):
    att = attestation()
    uvci = issue_one(central, att)
    request = json.dumps(sign_revocation(central.facility, uvci, "vaccination never happened")).encode()
    first = central.service.submit_revocation(request)
    assert first["uvci"] == uvci and first["reason"] == "vaccination never happened" and first["superseded_by"] is None
    assert central.service.submit_revocation(request) == first  # idempotent
    assert central.service.revocations()["revocations"] == [first]
    assert central.service.certificate_status(uvci, central.caller())["status"] == "revoked"
    assert TrustList.from_json(central.service.trust_list()).is_revoked(uvci)
    # the revoked dose may be certified again, under a new record
    again = issue_one(central, {**att, "record_key": "01001:424242"})
    assert again.startswith("URN:UVCI:01:VN:") and again != uvci


def test_revocation_of_another_facilitys_certificate_is_refused(central_sqlite):
    env = central_sqlite
    uvci = issue_one(env)
    other = env.signer("08008")
    with pytest.raises(CentralError) as err:
        env.service.submit_revocation(json.dumps(sign_revocation(other, uvci)).encode())
    assert (err.value.status, err.value.code) == (403, "signer_not_authorised")
    with pytest.raises(CentralError) as err:
        env.service.submit_revocation(json.dumps(sign_revocation(env.facility, "URN:UVCI:01:VN:NOPE")).encode())
    assert (err.value.status, err.value.code) == (404, "unknown_certificate")
    with pytest.raises(CentralError) as err:
        env.service.submit_revocation(b'{"revocation": "AAAA"}')
    assert err.value.code == "bad_request"
    assert env.service.revocations()["revocations"] == []


def test_revocation_list_since_a_time(central_sqlite):
    from datetime import UTC, datetime, timedelta

    env = central_sqlite
    uvci = issue_one(env)
    env.service.submit_revocation(json.dumps(sign_revocation(env.facility, uvci)).encode())
    assert env.service.revocations(since=datetime.now(UTC) - timedelta(hours=1))["revocations"][0]["uvci"] == uvci
    assert env.service.revocations(since=datetime.now(UTC) + timedelta(hours=1))["revocations"] == []
