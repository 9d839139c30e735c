"""The central service over real HTTP (uvicorn on a free port), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import socket
import ssl

import httpx
import pytest

from desktop.dcc.hc1 import verify_hc1
from desktop.dcc.trustlist import TrustList
from services.central.server import ServerThread
from tests.helpers import free_port, self_signed_tls
from tests.unit.central.central_factory import (
    attestation,
    backends,
    build_batch,
    database_url,
    make_env,
    sign_revocation,
)

pytestmark = pytest.mark.integration


@pytest.fixture(params=backends())
def served(request, tmp_path):
    with database_url(request.param, tmp_path) as url:
        env = make_env(tmp_path, url)
        try:
            with ServerThread(env.service, free_port(), docs=True) as base:
                yield env, base
        finally:
            env.service.close()


@pytest.fixture
def served_sqlite(tmp_path):
    with database_url("sqlite", tmp_path) as url:
        env = make_env(tmp_path, url)
        env.service.config.max_body_bytes = 200_000
        try:
            with ServerThread(env.service, free_port()) as base:
                yield env, base
        finally:
            env.service.close()


def test_batch_replay_recovery_trust_list_and_revocation_over_http(served):
    env, base = served
    body = build_batch(env.facility, [attestation(), attestation(dt="2099-12-31")])
    with httpx.Client(base_url=base, timeout=30, headers=env.facility.auth) as client:
        assert client.get("/v1/health").json() == {"status": "ok"}
        first = client.post("/v1/batches", json=body)
        assert first.status_code == 200, first.text
        result = first.json()
        assert [r["status"] for r in result["results"]] == ["issued", "rejected"]
        assert result["results"][1]["reason_code"] == "future_date"
        replay = client.post("/v1/batches", json=body)
        assert replay.status_code == 200 and replay.content == first.content
        recovered = client.get(f"/v1/batches/{result['batch_id']}")
        assert recovered.content == first.content
        assert client.get("/v1/batches/nope").json()["error"]["code"] == "unknown_batch"

        trust = TrustList.from_json(client.get("/v1/trust-list").text)
        assert verify_hc1(result["results"][0]["hc1"], trust).valid

        uvci = result["results"][0]["uvci"]
        revoked = client.post("/v1/revocations", json=sign_revocation(env.facility, uvci))
        assert revoked.status_code == 200, revoked.text
        assert client.get("/v1/revocations").json()["revocations"] == [revoked.json()]
        trust = TrustList.from_json(client.get("/v1/trust-list").text)
        assert not verify_hc1(result["results"][0]["hc1"], trust).valid

        spec = client.get("/openapi.json").json()
        assert {"/v1/batches", "/v1/batches/{batch_id}", "/v1/trust-list", "/v1/revocations", "/v1/health"} <= set(spec["paths"])
        schemas = spec["components"]["schemas"]
        assert {"BatchResult", "BatchSubmission", "SubmittedRecordModel", "RevocationRequest", "ErrorResponse"} <= set(schemas)
        refs = set()

        def collect(node):
            if isinstance(node, dict):
                refs.update(v for k, v in node.items() if k == "$ref")
                for v in node.values():
                    collect(v)
            elif isinstance(node, list):
                for v in node:
                    collect(v)

        collect(spec)
        assert {r.rsplit("/", 1)[-1] for r in refs} <= set(schemas), "a $ref points nowhere"


def test_errors_are_json_with_codes_and_no_stack_traces(served_sqlite, monkeypatch):
    env, base = served_sqlite
    with httpx.Client(base_url=base, timeout=30, headers=env.facility.auth) as client:
        for content, status, code in [
            (b"not json", 400, "bad_request"),
            (json.dumps({"manifest": "@@@", "records": []}).encode(), 400, "bad_request"),
        ]:
            response = client.post("/v1/batches", content=content, headers={"content-type": "application/json"})
            assert response.status_code == status
            error = response.json()["error"]
            assert error["code"] == code and error["message"]["vi"] and error["message"]["en"]
        assert client.get("/v1/nothing").json()["error"]["code"] == "not_found"

        def bug(*_args):
            raise ZeroDivisionError("secret detail")

        monkeypatch.setattr(env.service, "submit_batch", bug)
        response = client.post("/v1/batches", content=b"{}")
        assert response.status_code == 500
        assert "ZeroDivision" not in response.text and "Traceback" not in response.text
        assert response.json()["error"]["code"] == "internal"
        monkeypatch.undo()
        assert client.post("/v1/batches", json=build_batch(env.facility, [attestation()])).status_code == 200


def test_oversized_bodies_are_413_by_content_length_and_while_streaming(served_sqlite):
    env, base = served_sqlite
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"POST /v1/batches HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Authorization: Bearer " + env.facility.credential.encode() + b"\r\n"
                     b"Content-Length: 700000000\r\n\r\n{\"manifest\": \"")
        reply = b""
        while b"too_large" not in reply:
            data = sock.recv(65536)
            if not data:
                break
            reply += data
        reply = reply.decode()
    assert reply.startswith("HTTP/1.1 413") and "too_large" in reply

    def chunks():
        for _ in range(100):
            yield b"x" * 10_000

    with httpx.Client(base_url=base, timeout=30, headers=env.facility.auth) as client:
        response = client.post("/v1/batches", content=chunks(), headers={"content-type": "application/json"})
        assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
        assert client.get("/v1/health").status_code == 200


def test_tls_when_given_a_certificate(tmp_path):
    cert_file, key_file = self_signed_tls(tmp_path)
    with database_url("sqlite", tmp_path) as url:
        env = make_env(tmp_path, url)
        try:
            with ServerThread(env.service, free_port(), tls_cert=cert_file, tls_key=key_file) as base:
                assert base.startswith("https://")
                with httpx.Client(base_url=base, verify=ssl.create_default_context(cafile=str(cert_file)), timeout=30,
                                  headers=env.facility.auth) as client:
                    assert client.get("/v1/health").json() == {"status": "ok"}
                    assert client.post("/v1/batches", json=build_batch(env.facility, [attestation()])).json()["issued"] == 1
        finally:
            env.service.close()
