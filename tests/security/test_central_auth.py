"""The central service against a curious colleague, another facility and a network attacker.

Reads need the facility's own credential and show only its own batches; the OpenAPI pages are shut
unless asked for; a copy of a facility's signed batch with one record or proof changed, sent first,
neither claims the batch id nor changes what the genuine batch gets; the INFO log names no batch.
Real HTTP on 127.0.0.1, real SQLite files, the real sync client and engine.
"""

from __future__ import annotations

import base64
import json
import logging
import subprocess
import sys
import time
from urllib.parse import quote

import cbor2
import httpx
import pytest
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import select

from desktop.dcc.cose import KeySigner, kid_for_certificate
from desktop.models import Certificate, OutboxItem
from desktop.sync import sync
from desktop.sync.client import CentralClient, CentralUnauthenticated
from desktop.sync.store import submission_body
from services.central.models import Batch, IssuedCertificate
from services.central.server import ServerThread
from tests.helpers import ROOT, free_port
from tests.unit.central.central_factory import attestation, build_batch, database_url, make_env
from tests.unit.sync.sync_factory import FacilityKey, make_records, sign_batch

pytestmark = pytest.mark.integration


@pytest.fixture
def served(tmp_path):
    with database_url("sqlite", tmp_path) as url:
        env = make_env(tmp_path, url)
        try:
            with ServerThread(env.service, free_port()) as base:
                yield env, base
        finally:
            env.service.close()


def _auth(credential: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {credential}"}


# -- authenticated reads --------------------------------------------------------------------------


def test_reads_need_the_facility_credential_and_show_only_its_own_batches(served):
    env, base = served
    other = env.signer("02002")
    body = build_batch(env.facility, [attestation(name="Trần Văn Bình", id_number="001090012345")],
                       audit_head={"event_id": 12, "hash": "ab" * 32})
    with httpx.Client(base_url=base, timeout=60) as client:
        assert client.post("/v1/batches", json=body).status_code == 401  # submitting needs it too
        answer = client.post("/v1/batches", json=body, headers=env.facility.auth)
        assert answer.status_code == 200, answer.text
        batch_id, uvci = answer.json()["batch_id"], answer.json()["results"][0]["uvci"]
        batch, status, anchors = f"/v1/batches/{batch_id}", f"/v1/certificates/{quote(uvci, safe='')}", "/v1/anchors"

        for path in (batch, status, anchors):
            for headers in ({}, _auth("vxc_guessed"), {"Authorization": f"Basic {env.facility.credential}"},
                            _auth(env.facility.credential + "x")):
                refused = client.get(path, headers=headers)
                assert refused.status_code == 401, (path, headers)
                assert refused.json()["error"]["code"] == "unauthenticated"
                assert refused.headers["www-authenticate"] == "Bearer"
                assert "Trần" not in refused.text and "HC1:" not in refused.text

        # the facility sees its own
        assert client.get(batch, headers=env.facility.auth).content == answer.content
        assert client.get(status, headers=env.facility.auth).json()["status"] == "valid"
        assert client.get(anchors, headers=env.facility.auth).json()["anchors"][0]["event_id"] == 12

        # another facility's credential: the same 404 as an id that never existed, not a 403
        for path, missing in ((batch, "/v1/batches/00000000-0000-4000-8000-000000000000"),
                              (status, "/v1/certificates/" + quote("URN:UVCI:01:VN:NOSUCHONE0000000#X", safe=""))):
            theirs, nothing = client.get(path, headers=other.auth), client.get(missing, headers=other.auth)
            assert theirs.status_code == nothing.status_code == 404
            assert theirs.json()["error"]["code"] == nothing.json()["error"]["code"]
            assert "Trần" not in theirs.text and "HC1:" not in theirs.text
        assert client.get(anchors, headers=other.auth).json() == {"anchors": []}
        # a UVCI whose checksum character is "/" (Luhn mod 38) is still one path segment's worth
        slashed = "/v1/certificates/" + quote("URN:UVCI:01:VN:NOSUCHONE0000000#/", safe="")
        assert client.get(slashed, headers=other.auth).status_code == 404
        assert client.get(slashed).status_code == 401

        # another facility cannot submit (and so claim) this facility's batch under its own credential
        copy = build_batch(env.facility, [attestation()])
        wrong = client.post("/v1/batches", json=copy, headers=other.auth)
        assert (wrong.status_code, wrong.json()["error"]["code"]) == (403, "credential_mismatch")
        assert client.post("/v1/batches", json=copy, headers=env.facility.auth).status_code == 200

        # what verifiers need stays public
        assert client.get("/v1/trust-list").status_code == 200
        assert client.get("/v1/revocations").status_code == 200
        assert client.get("/v1/health").status_code == 200


def test_the_sync_client_sends_the_credential_and_keeps_batches_queued_without_it(served, workspace):
    env, base = served
    with CentralClient(base, 30, token=env.facility.credential) as client:
        assert client.fetch_anchors() == []
    with CentralClient(base, 30, token="vxc_wrong") as client, pytest.raises(CentralUnauthenticated) as err:
        client.fetch_anchors()
    assert err.value.code == "central_unavailable" and "central_token" in err.value.message.en

    facility = FacilityKey("01001", KeySigner(env.facility.key, kid=kid_for_certificate(env.facility.cert)),
                           [env.facility.cert.public_bytes(Encoding.DER)])
    batch_id = sign_batch(workspace.db, make_records(workspace.db, 2, seed=7), facility)
    workspace.settings.set("central_url", base)
    workspace.settings.save()
    report = sync(workspace, actor="system")  # no credential set: nothing is lost, the batch waits
    assert report.sent == 0
    with workspace.db.session() as s:
        assert s.get(OutboxItem, batch_id).state == "pending"
    workspace.settings.set("central_token", env.facility.credential)
    workspace.settings.save()
    assert (workspace.path / "secrets.json").stat().st_mode & 0o777 == 0o600
    assert env.facility.credential not in (workspace.path / "settings.json").read_text(encoding="utf-8")
    assert sync(workspace, actor="system").accepted == 2


def test_revocations_are_posted_through_the_sync_client_with_the_credential(served, workspace):
    from desktop.errors import UserError
    from desktop.sync.revocations import post_revocation
    from tests.unit.central.central_factory import sign_revocation

    env, base = served
    answer = env.service.submit_batch(json.dumps(build_batch(env.facility, [attestation()])).encode(), env.caller())
    uvci = json.loads(answer)["results"][0]["uvci"]
    signed = base64.b64decode(sign_revocation(env.facility, uvci)["revocation"])
    workspace.settings.set("central_url", base)
    workspace.settings.save()
    with pytest.raises(CentralUnauthenticated):
        post_revocation(workspace, signed)
    workspace.settings.set("central_token", env.signer("02002").credential)
    with pytest.raises(UserError) as err:
        post_revocation(workspace, signed)
    assert err.value.code == "revocation_refused" and err.value.details["reason_code"] == "credential_mismatch"
    assert env.service.revocations()["revocations"] == []
    workspace.settings.set("central_token", env.facility.credential)
    entry = post_revocation(workspace, signed)
    assert entry["uvci"] == uvci and env.service.revocations()["revocations"] == [entry]


# -- OpenAPI pages --------------------------------------------------------------------------------


def test_openapi_pages_are_closed_unless_served_with_docs(tmp_path):
    with database_url("sqlite", tmp_path) as url:
        env = make_env(tmp_path, url)
        try:
            with ServerThread(env.service, free_port()) as base:
                for path in ("/docs", "/redoc", "/openapi.json", "/docs/oauth2-redirect"):
                    assert httpx.get(base + path).status_code == 404, path
        finally:
            env.service.close()
    port = free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "central", "serve", "--data", str(env.data),
                             "--port", str(port), "--workers", "0", "--docs"], cwd=ROOT, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read()
            try:
                if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert httpx.get(base + "/docs").status_code == 200
        assert httpx.get(base + "/redoc").status_code == 200
        spec = httpx.get(base + "/openapi.json").json()
        assert spec["paths"]["/v1/anchors"]["get"]["security"] == [{"facilityCredential": []}]
        assert "security" not in spec["paths"]["/v1/trust-list"]["get"]
    finally:
        proc.terminate()
        proc.wait(30)


# -- unclaimable batch ids ------------------------------------------------------------------------


def _altered(body: bytes, how: str) -> dict:
    copy = json.loads(body)
    record = copy["records"][1]
    if how == "attestation":
        changed = cbor2.loads(base64.b64decode(record["attestation"]))
        changed["person"]["name"] = "Kẻ Giả Mạo"
        record["attestation"] = base64.b64encode(cbor2.dumps(changed, canonical=True)).decode()
    elif how == "proof":
        first = record["proof"][0]
        record["proof"][0] = ("0" if first[0] != "0" else "1") + first[1:]
    elif how == "record swapped":
        copy["records"][1]["attestation"], copy["records"][2]["attestation"] = (
            copy["records"][2]["attestation"], copy["records"][1]["attestation"])
    return copy


def _central_certificates(env, batch_id: str) -> dict[str, str]:
    with env.service.db.session() as s:
        return dict(s.execute(select(IssuedCertificate.uvci, IssuedCertificate.hc1)
                              .where(IssuedCertificate.batch_id == batch_id)).all())


def _facility_certificates(workspace, batch_id: str) -> dict[str, str]:
    with workspace.db.session() as s:
        return dict(s.execute(select(Certificate.uvci, Certificate.hc1).where(Certificate.batch_id == batch_id)).all())


@pytest.mark.parametrize("order", ["copy first", "genuine first"])
@pytest.mark.parametrize("how", ["attestation", "proof", "record swapped"])
def test_an_altered_copy_never_blocks_the_genuine_batch(served, workspace, order, how):
    env, base = served
    facility = FacilityKey("01001", KeySigner(env.facility.key, kid=kid_for_certificate(env.facility.cert)),
                           [env.facility.cert.public_bytes(Encoding.DER)])
    batch_id = sign_batch(workspace.db, make_records(workspace.db, 4, seed=11), facility)
    workspace.settings.set("central_url", base)
    workspace.settings.set("central_token", env.facility.credential)
    workspace.settings.save()
    copy = _altered(submission_body(workspace.db, batch_id), how)

    def attack() -> None:
        # the strongest attacker: holds the facility's credential as well as a copy of the batch
        refused = httpx.post(base + "/v1/batches", json=copy, headers=env.facility.auth, timeout=60)
        assert (refused.status_code, refused.json()["error"]["code"]) == (422, "invalid_proof"), refused.text

    if order == "copy first":
        attack()
        with env.service.db.session() as s:
            assert s.get(Batch, batch_id) is None and s.query(IssuedCertificate).count() == 0
    report = sync(workspace, actor="system")
    assert (report.sent, report.accepted, report.rejected) == (1, 4, [])
    if order == "genuine first":
        stored = httpx.get(f"{base}/v1/batches/{batch_id}", headers=env.facility.auth).content
        attack()
        assert httpx.get(f"{base}/v1/batches/{batch_id}", headers=env.facility.auth).content == stored
        assert json.loads(submission_body(workspace.db, batch_id))  # the facility may send it again…
        again = httpx.post(base + "/v1/batches", content=submission_body(workspace.db, batch_id),
                           headers={**env.facility.auth, "Content-Type": "application/json"})
        assert again.content == stored  # …and gets the same certificates, not a conflict
    central, local = _central_certificates(env, batch_id), _facility_certificates(workspace, batch_id)
    assert len(central) == 4 and central == local
    assert "Kẻ Giả Mạo" not in json.dumps(list(central.values()))


def test_a_re_encoded_copy_of_the_genuine_batch_gets_the_genuine_answer(served, workspace):
    """Varying what the signature does not cover (an unprotected COSE header, base64 padding bits)
    yields the same signed batch: whoever sends it first, the facility then gets that batch's
    certificates, not 409."""
    env, base = served
    facility = FacilityKey("01001", KeySigner(env.facility.key, kid=kid_for_certificate(env.facility.cert)),
                           [env.facility.cert.public_bytes(Encoding.DER)])
    batch_id = sign_batch(workspace.db, make_records(workspace.db, 3, seed=13), facility)
    workspace.settings.set("central_url", base)
    workspace.settings.set("central_token", env.facility.credential)
    workspace.settings.save()
    copy = json.loads(submission_body(workspace.db, batch_id))
    envelope = cbor2.loads(base64.b64decode(copy["manifest"]))
    protected, unprotected, payload, signature = envelope.value
    envelope = cbor2.CBORTag(envelope.tag, [protected, {**unprotected, -65537: "added in transit"}, payload, signature])
    copy["manifest"] = base64.b64encode(cbor2.dumps(envelope)).decode()
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    for record in copy["records"]:
        text = record["attestation"]
        if text.endswith("="):
            core = text.rstrip("=")
            record["attestation"] = core[:-1] + alphabet[alphabet.index(core[-1]) ^ 1] + text[len(core):]
            assert record["attestation"] != text and base64.b64decode(record["attestation"]) == base64.b64decode(text)
    first = httpx.post(base + "/v1/batches", json=copy, headers=env.facility.auth, timeout=60)
    assert first.status_code == 200, first.text
    report = sync(workspace, actor="system")
    assert (report.sent, report.accepted) == (1, 3)
    assert _central_certificates(env, batch_id) == _facility_certificates(workspace, batch_id)
    assert len(_facility_certificates(workspace, batch_id)) == 3


# -- logs -----------------------------------------------------------------------------------------


def test_info_logs_carry_no_batch_id_or_personal_data(served, caplog, monkeypatch):
    env, base = served
    caplog.set_level(logging.INFO)
    body = build_batch(env.facility, [attestation(name="Lê Thị Cúc", id_number="079190001234"),
                                      attestation(dt="2099-01-01")])
    with httpx.Client(base_url=base, timeout=60, headers=env.facility.auth) as client:
        answer = client.post("/v1/batches", json=body).json()
        batch_id = answer["batch_id"]
        client.post("/v1/batches", json=body)  # a replay
        conflict = build_batch(env.facility, [attestation()], batch_id=batch_id)
        assert client.post("/v1/batches", json=conflict).status_code == 409

        def bug(*_args):
            raise RuntimeError("a bug")

        monkeypatch.setattr(env.service, "get_batch", bug)
        assert client.get(f"/v1/batches/{batch_id}").status_code == 500
    formatter = logging.Formatter("%(name)s %(message)s")
    # everything the service's process logged at INFO and above (the test's own HTTP client aside)
    text = "\n".join(formatter.format(r) for r in caplog.records if not r.name.startswith(("httpx", "httpcore")))
    assert "batch from 01001: 1 issued, 1 rejected" in text  # the log was captured
    assert "/v1/batches/…" in text
    for secret in (batch_id, "Lê Thị Cúc", "079190001234", answer["results"][0]["uvci"], env.facility.credential):
        assert secret not in text
