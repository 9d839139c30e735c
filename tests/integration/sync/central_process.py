"""The real central service in its own process, and a data folder that knows a facility."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.helpers import ROOT, free_port, run_cli

FACILITY = "01001"


class CentralProcess:
    """The reference central service in its own process, which a test may stop, kill and restart."""

    def __init__(self, data: Path, port: int | None = None, workers: int = 0, credential: str = ""):
        self.data = data
        self.credential = credential  # the facility's bearer credential, when the test knows it
        self.port = port or free_port()
        self.workers = workers
        self.proc: subprocess.Popen | None = None
        self.log = data.parent / f"central-{self.port}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> CentralProcess:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, str(ROOT / "main.py"), "central", "serve", "--data", str(self.data),
                 "--port", str(self.port), "--workers", str(self.workers)],
                stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the central service exited: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(self.url + "/v1/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.kill()  # not left running behind a failed test
        raise RuntimeError("the central service did not start")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.proc = None


def make_central_data(tmp_path: Path, facility_cert_pem: bytes, ca_pem: Path,
                      algorithm: str = "ES256") -> tuple[Path, str]:
    """A data folder that trusts ``ca_pem`` and knows the facility; with the facility's credential."""
    data = tmp_path / "central"
    for args in (
        ("central", "init", "--data", str(data), "--algorithm", algorithm, "--store-passphrase"),
        ("central", "trust-ca", "--data", str(data), "--certificate", str(ca_pem)),
    ):
        result = run_cli("--json", *args)
        assert result.code == 0, result.stderr
    cert_file = tmp_path / "facility.pem"
    cert_file.write_bytes(facility_cert_pem)
    result = run_cli("--json", "central", "facility", "add", "--data", str(data), "--code", FACILITY,
                     "--name", "Bệnh viện Bạch Mai", "--certificate", str(cert_file))
    assert result.code == 0, result.stderr
    return data, result.json["credential"]
