"""``python main.py central …`` as IT staff run it, and the demo workspace's central data folder."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

from desktop.workspace import Workspace
from services.central.keys import PASSPHRASE_ENV
from tests.helpers import ROOT, free_port, run_cli
from tests.unit.central.central_factory import (
    Signed,
    attestation,
    backends,
    build_batch,
    database_url,
    make_ca,
    make_signer,
    pem,
)

pytestmark = pytest.mark.integration


def _wait_healthy(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the service exited: {proc.stderr.read()}")
        try:
            if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("the service did not answer")


def _serve(data, port: int, *extra: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "central", "serve", "--data", str(data),
                             "--port", str(port), *extra], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, text=True, env={**os.environ, **(env or {})})


def _stop(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGINT)
    try:
        return proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_init_register_serve_and_submit_through_the_command_line(tmp_path, monkeypatch):
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    data = tmp_path / "central"
    bare = run_cli("--json", "central", "init", "--data", str(data), "--algorithm", "ES256", stdin="")
    assert bare.code == 1 and json.loads(bare.stdout)["error"]["code"] == "key_passphrase_missing"
    secret = {PASSPHRASE_ENV: "a passphrase from the secret store"}
    init = run_cli("--json", "central", "init", "--data", str(data), "--algorithm", "ES256", env=secret)
    assert init.code == 0, init.stderr
    assert len(bytes.fromhex(init.json["kid"])) == 8 and init.json["algorithm"] == "ES256"
    assert init.json["passphrase"] == "environment" and not (data / "key-passphrase").exists()
    assert b"ENCRYPTED PRIVATE KEY" in (data / "dsc-key.pem").read_bytes()

    again = run_cli("--json", "central", "init", "--data", str(data))
    assert again.code == 1 and json.loads(again.stdout)["error"]["code"] == "central_exists"
    assert run_cli("central", "init").code == 2

    ca_key, ca = make_ca()
    key, cert = make_signer(ca_key, ca, "01001")
    (tmp_path / "ca.pem").write_bytes(pem(ca))
    (tmp_path / "facility.pem").write_bytes(pem(cert))
    assert run_cli("central", "trust-ca", "--data", str(data), "--certificate", str(tmp_path / "ca.pem")).code == 0
    added = run_cli("--json", "central", "facility", "add", "--data", str(data), "--code", "01001",
                    "--name", "Bệnh viện Bạch Mai", "--certificate", str(tmp_path / "facility.pem"))
    assert added.code == 0 and added.json["code"] == "01001"
    credential = added.json["credential"]
    assert credential.startswith("vxc_") and credential.encode() not in (data / "central.sqlite3").read_bytes()
    bad = run_cli("central", "facility", "add", "--data", str(data), "--code", "01001",
                  "--certificate", str(tmp_path / "missing.pem"))
    assert bad.code == 1 and "missing.pem" in bad.stderr and "Traceback" not in bad.stderr

    with socket.create_server(("127.0.0.1", 0)) as busy:
        taken = run_cli("central", "serve", "--data", str(data), "--port", str(busy.getsockname()[1]))
    assert taken.code == 1 and "cổng đang bận" in taken.stderr and "Traceback" not in taken.stderr

    without = run_cli("--json", "central", "serve", "--data", str(data), "--port", str(free_port()), stdin="")
    assert without.code == 1 and json.loads(without.stdout)["error"]["code"] == "key_passphrase_missing"

    port = free_port()
    proc = _serve(data, port, env=secret)  # one signing process per core
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_healthy(base, proc)
        body = build_batch(Signed("01001", key, cert), [attestation() for _ in range(100)])
        assert httpx.post(base + "/v1/batches", json=body, timeout=120).status_code == 401
        auth = {"Authorization": f"Bearer {credential}"}
        response = httpx.post(base + "/v1/batches", json=body, timeout=120, headers=auth)
        assert response.status_code == 200, response.text
        assert response.json()["issued"] == 100
        batch_url = base + "/v1/batches/" + response.json()["batch_id"]
        assert httpx.get(batch_url, headers=auth).status_code == 200
        assert httpx.get(base + "/docs").status_code == 404
        # a new credential replaces the old one at once
        renewed = run_cli("--json", "central", "credential", "--data", str(data), "--code", "01001")
        assert renewed.code == 0, renewed.stderr
        assert httpx.get(batch_url, headers=auth).status_code == 401
        fresh = {"Authorization": f"Bearer {renewed.json['credential']}"}
        assert httpx.get(batch_url, headers=fresh).json() == response.json()
    finally:
        assert _stop(proc) == 0


def test_demo_central_data_serves_what_the_workspace_reaches(tmp_path):
    from desktop.demo.central import create_central_data
    from services.central.server import ServerThread
    from services.central.service import CentralService

    ws = Workspace.open(tmp_path / "ws")
    ws.settings.set("facility_code", "01001")
    ws.settings.set("facility_name", "Bệnh viện Bạch Mai")
    ws.settings.save()
    ca_key, ca = make_ca("Bộ Y tế - Demo CA")
    key, cert = make_signer(ca_key, ca, "01001", rsa_key=True)
    ws.pki_dir.joinpath("ministry-ca.pem").write_bytes(pem(ca))
    ws.pki_dir.joinpath("facility.pem").write_bytes(pem(cert))
    out = create_central_data(ws, tmp_path / "central")
    assert out == {"central_data": str((tmp_path / "central").resolve())}
    credential = ws.settings.get("central_token")
    assert credential.startswith("vxc_")
    assert credential not in (ws.path / "settings.json").read_text(encoding="utf-8")
    assert (ws.path / "secrets.json").stat().st_mode & 0o777 == 0o600
    assert create_central_data(ws, tmp_path / "central") == out  # a second run refreshes, keeps the keys
    assert ws.settings.get("central_token") == credential

    service = CentralService(out["central_data"], workers=0)
    try:
        with ServerThread(service, free_port()) as base:
            body = build_batch(Signed("01001", key, cert), [attestation()])
            result = httpx.post(base + "/v1/batches", json=body, timeout=60,
                                headers={"Authorization": f"Bearer {credential}"}).json()
            assert result["issued"] == 1
            trust = httpx.get(base + "/v1/trust-list").json()
            assert trust["certificates"][0]["alg"] == "PS256"
    finally:
        service.close()
        ws.close()


@pytest.mark.parametrize("backend", backends())
def test_database_by_url_from_the_command_line(tmp_path, backend):
    from services.central.models import Facility
    from services.central.service import CentralService

    with database_url(backend, tmp_path) as url:
        data = tmp_path / "central"
        assert run_cli("central", "init", "--data", str(data), "--algorithm", "ES256", "--database-url", url,
                       "--store-passphrase").code == 0
        ca_key, ca = make_ca()
        _, cert = make_signer(ca_key, ca, "01001")
        (tmp_path / "f.pem").write_bytes(pem(cert))
        added = run_cli("--json", "central", "facility", "add", "--data", str(data), "--code", "01001",
                        "--certificate", str(tmp_path / "f.pem"))
        assert added.code == 0, added.stderr
        service = CentralService(data, workers=0)
        try:
            assert service.db.url == url
            with service.db.session() as s:
                assert s.get(Facility, "01001").active
        finally:
            service.close()
