"""The countersigning pipeline: byte-identical to the format library, the same on every core."""

from __future__ import annotations

import json
import os

import pytest

from desktop.dcc.hc1 import decode_hc1, encode_hc1, verify_hc1
from desktop.dcc.trustlist import TrustList
from services.central.issuing import encode
from tests.unit.central.central_factory import attestation, build_batch, database_url, make_env


def test_encode_is_what_the_format_library_produces(central_sqlite):
    signer = central_sqlite.service.countersigner.signer
    body = build_batch(central_sqlite.facility, [attestation()])
    hc1 = json.loads(central_sqlite.service.submit_batch(json.dumps(body).encode()))["results"][0]["hc1"]
    cert = decode_hc1(hc1)
    iat, exp = int(cert.issued_at.timestamp()), int(cert.expires_at.timestamp())
    ours, library = encode(cert.dcc, signer, iat, exp), encode_hc1(cert.dcc, signer, iat, exp)
    # ES256 signatures are randomised: compare everything but the signature
    assert decode_hc1(ours).claims == decode_hc1(library).claims
    assert decode_hc1(ours).message.protected == decode_hc1(library).message.protected


@pytest.mark.slow
def test_worker_processes_sign_with_the_encrypted_key_file(tmp_path):
    with database_url("sqlite", tmp_path) as url:
        env = make_env(tmp_path, url, algorithm="PS256", workers=2)
        try:
            assert env.service.countersigner.workers == 2
            atts = [attestation() for _ in range(120)] + [attestation(vp="0000")]
            result = json.loads(env.service.submit_batch(json.dumps(build_batch(env.facility, atts)).encode()))
            assert result["issued"] == 120 and result["results"][-1]["reason_code"] == "unknown_vaccine"
            trust = TrustList.from_json(env.service.trust_list())
            assert all(verify_hc1(r["hc1"], trust).valid for r in result["results"][:120])
            assert len({r["uvci"] for r in result["results"][:120]}) == 120
        finally:
            env.service.close()


@pytest.mark.slow
def test_a_dead_worker_does_not_stop_the_service(tmp_path):
    import signal

    with database_url("sqlite", tmp_path) as url:
        env = make_env(tmp_path, url, algorithm="ES256", workers=2)
        try:
            env.service.countersigner.warm_up()
            for pid in list(env.service.countersigner._pool._processes):
                os.kill(pid, signal.SIGKILL)
            atts = [attestation() for _ in range(40)]
            result = json.loads(env.service.submit_batch(json.dumps(build_batch(env.facility, atts)).encode()))
            assert result["issued"] == 40
            result = json.loads(env.service.submit_batch(json.dumps(build_batch(env.facility, [
                attestation() for _ in range(40)])).encode()))
            assert result["issued"] == 40
        finally:
            env.service.close()
