"""Replicas with a Document Signer key each (``central replica-key``) on one database: every
replica's trust list names every replica's certificate, and person+dose uniqueness holds across them
because they share the person key."""

from __future__ import annotations

import json

import pytest

from desktop.dcc.hc1 import verify_hc1
from desktop.dcc.trustlist import TrustList
from services.central.service import PERSON_KEY_FILE, CentralService
from tests.helpers import run_cli
from tests.unit.central.central_factory import attestation, backends, build_batch, database_url, make_env

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("kind", backends())
def test_a_key_per_replica_is_published_by_every_replica(kind, tmp_path):
    with database_url(kind, tmp_path) as url:
        env = make_env(tmp_path, url)
        done = run_cli("central", "replica-key", "--data", str(env.data), "--out", str(tmp_path / "b"), "--json",
                       sign_in=False)
        assert done.code == 0, done.stderr
        made = done.json
        other = CentralService(tmp_path / "b", database_url=url, workers=0)
        try:
            assert made["kid"] != env.service.kid.hex()
            assert (tmp_path / "b" / PERSON_KEY_FILE).read_bytes() == (env.data / PERSON_KEY_FILE).read_bytes()
            assert not (tmp_path / "b" / "csca-key.pem").exists()

            person = attestation(id_number="079090001234")
            first = json.loads(other.submit_batch(json.dumps(build_batch(env.facility, [person])).encode()))
            assert first["results"][0]["status"] == "issued"
            # the same person and dose through the other replica: refused, the uniqueness is shared
            again = attestation(id_number="079090001234")
            second = json.loads(env.service.submit_batch(json.dumps(build_batch(env.facility, [again])).encode()))
            assert second["results"][0]["reason_code"] == "dose_already_certified"

            for service in (env.service, other):
                trust = TrustList.from_json(service.trust_list())
                assert verify_hc1(first["results"][0]["hc1"], trust).valid
                for kid in (made["kid"], env.service.kid.hex()):
                    assert len(trust.certificates_for(bytes.fromhex(kid))) == 1
        finally:
            other.close()
            env.service.close()


def test_readiness_needs_a_usable_key_and_turns_503_while_draining(tmp_path):
    import httpx
    from cryptography.hazmat.primitives.asymmetric import ec

    from desktop.dcc.cose import KeySigner
    from services.central.health import Health
    from services.central.server import ServerThread
    from tests.helpers import free_port

    with database_url("sqlite", tmp_path) as url:
        env = make_env(tmp_path, url)
        try:
            health = Health(env.service)
            assert health.readiness().ready
            with ServerThread(env.service, free_port()) as base:
                assert httpx.get(base + "/readyz").json()["status"] == "ready"
            good = env.service.countersigner.signer
            env.service.countersigner.signer = KeySigner(ec.generate_private_key(ec.SECP256R1()), kid=env.service.kid)
            try:
                state = Health(env.service).readiness()
                assert (state.ready, state.key, state.database) == (False, "unusable", "ok")
            finally:
                env.service.countersigner.signer = good
            health.start_draining()
            assert health.readiness().as_dict()["status"] == "draining" and not health.readiness().ready
        finally:
            env.service.close()
