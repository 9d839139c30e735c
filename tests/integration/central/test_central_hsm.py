"""The Document Signer key on a PKCS#11 HSM (a private SoftHSM token), through the command line.

Each process gets its own SOFTHSM2_CONF (set before the module loads), so the service runs in
subprocesses: ``central init --hsm-module`` creates the key on the token, ``central serve`` signs
with it, and the certificates verify with the published trust list.
"""

from __future__ import annotations

import shutil
import subprocess

import httpx
import pytest

from desktop.dcc.hc1 import verify_hc1
from desktop.dcc.trustlist import TrustList
from tests.helpers import free_port, run_cli
from tests.integration.central.test_central_cli import _serve, _stop, _wait_healthy
from tests.unit.central.central_factory import Signed, attestation, build_batch, make_ca, make_signer, pem

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(not shutil.which("softhsm2-util"), reason="softhsm2 is not installed")]
MODULE = "/usr/lib/softhsm/libsofthsm2.so"


@pytest.mark.parametrize("algorithm", ["PS256", "ES256"])
def test_hsm_key_signs_certificates_and_never_lands_on_disk(tmp_path, monkeypatch, algorithm):
    tokens = tmp_path / "tokens"
    tokens.mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    monkeypatch.setenv("VAXDESK_CENTRAL_HSM_PIN", "24681357")
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "central-dsc", "--pin", "24681357",
                    "--so-pin", "11112222"], check=True, capture_output=True)
    data = tmp_path / "central"
    # a process of its own: SoftHSM reads SOFTHSM2_CONF once per process, and each case has its own tokens
    init = run_cli("--json", "central", "init", "--data", str(data), "--algorithm", algorithm,
                   "--hsm-module", MODULE, "--hsm-label", "central-dsc", "--store-passphrase", process=True)
    assert init.code == 0, init.stderr
    assert init.json["key"] == "pkcs11" and not (data / "dsc-key.pem").exists()
    assert "24681357" not in (data / "central.json").read_text()

    ca_key, ca = make_ca()
    key, cert = make_signer(ca_key, ca, "01001")
    (tmp_path / "ca.pem").write_bytes(pem(ca))
    (tmp_path / "facility.pem").write_bytes(pem(cert))
    assert run_cli("central", "trust-ca", "--data", str(data), "--certificate", str(tmp_path / "ca.pem")).code == 0
    added = run_cli("--json", "central", "facility", "add", "--data", str(data), "--code", "01001",
                    "--certificate", str(tmp_path / "facility.pem"))
    assert added.code == 0, added.stderr
    auth = {"Authorization": f"Bearer {added.json['credential']}"}

    port = free_port()
    proc = _serve(data, port)
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_healthy(base, proc)
        body = build_batch(Signed("01001", key, cert), [attestation() for _ in range(40)])
        result = httpx.post(base + "/v1/batches", json=body, timeout=120, headers=auth).json()
        assert result["issued"] == 40
        trust = TrustList.from_json(httpx.get(base + "/v1/trust-list").text)
        for r in result["results"][:5]:
            verdict = verify_hc1(r["hc1"], trust)
            assert verdict.valid and verdict.alg == (-37 if algorithm == "PS256" else -7)
    finally:
        assert _stop(proc) == 0
