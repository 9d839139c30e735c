"""The issue's "done when", end to end on the demo workspace with the real services and the real
(SoftHSM) token, all through the command line: find a certificate, print it, scan the printout's
QR with verify, correct it and get a new certificate while the old one is superseded (never
printed again), and revoke one issued in error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import httpx
import pytest

from desktop.printing.qr import read_qr_codes
from tests.helpers import ROOT, free_port, run_cli

pytestmark = [pytest.mark.integration, pytest.mark.slow]


class Server:
    def __init__(self, args: list[str], log):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args, "--port", str(self.port)],
                                     stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
                                     env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, "the server exited"
            try:
                if httpx.get(self.url + "/v1/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def demo(tmp_path):
    ws = tmp_path / "ws"
    created = run_cli("--json", "demo", "--people", "20", workspace=ws, timeout=600)
    assert created.code == 0, created.stderr
    info = created.json
    log = open(tmp_path / "servers.log", "ab")  # noqa: SIM115 - closed below
    servers = []
    try:
        servers.append(Server(["registry", "serve", "--population", info["registry_population"]], log))
        servers.append(Server(["central", "serve", "--data", info["central_data"]], log))
        settings = json.loads((ws / "settings.json").read_text(encoding="utf-8"))
        settings.update(registry_url=servers[0].url, central_url=servers[1].url, sync_interval=0)
        (ws / "settings.json").write_text(json.dumps(settings, ensure_ascii=False), encoding="utf-8")
        yield ws, info
    finally:
        for server in servers:
            server.stop()
        log.close()


def cli(ws, *args, stdin=None):
    result = run_cli("--json", *args, workspace=ws, stdin=stdin, timeout=600)
    assert result.code == 0, (args, result.stderr)
    return result.json


def certified(ws, info):
    cli(ws, "import", info["list_file"])
    cli(ws, "check")
    cli(ws, "sign", "--pin-stdin", stdin=info["token"]["pin"] + "\n")
    report = cli(ws, "sync")
    assert report["certificates_received"] > 0
    return report


def test_find_print_verify_correct_reissue_and_revoke(demo, tmp_path):
    ws, info = demo
    certified(ws, info)
    certificates = cli(ws, "certificates")
    first = certificates[-1]
    name = first["full_name"]
    # find: by name without diacritics, by UVCI tail
    from desktop.text import fold

    found = cli(ws, "certificates", "--search", fold(name))
    assert first["uvci"] in {c["uvci"] for c in found}
    assert [c["uvci"] for c in cli(ws, "certificates", "--search", first["uvci"][15:30])] == [first["uvci"]]
    # print, scan the printout, verify offline with the trust list sync cached
    pdf = tmp_path / "one.pdf"
    assert cli(ws, "print", "--uvci", first["uvci"], "--out", str(pdf))["pages"] == 1
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "scan")], check=True)
    scan = next(tmp_path.glob("scan-*.png"))
    assert read_qr_codes(scan) == [first["hc1"]]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert name in text
    verdict = cli(ws, "verify", "--image", str(scan))
    assert verdict["valid"] is True, verdict["problems"]
    # correct a misspelt name: a new record, re-checked, re-signed as a correction, synced
    misspelt = name + "x"
    corrected = cli(ws, "correct", str(first["record_id"]), "--set", f"full_name={misspelt}",
                    "--reason", "Sai chính tả tên")
    new_id = corrected["record_id"]
    assert corrected["supersedes_record_id"] == first["record_id"] and corrected["check_status"] == "unchecked"
    check = cli(ws, "check")
    [row] = [r for r in check["records"] if r["record_id"] == new_id]
    assert row["status"] == "mismatch"  # the registry disagrees with the new name; the clerk decides
    cli(ws, "resolve", str(new_id), "--action", "keep_list", "--reason", "Giấy khai sinh ghi như vậy")
    signed = cli(ws, "sign", "--pin-stdin", stdin=info["token"]["pin"] + "\n")
    assert [b["kind"] for b in signed["batches"]] == ["correction"]
    assert cli(ws, "sync")["certificates_received"] == 1
    after = {c["uvci"]: c for c in cli(ws, "certificates")}
    old = after[first["uvci"]]
    [new] = [c for c in after.values() if c["record_id"] == new_id]
    assert old["status"] == "superseded" and old["superseded_by"] == new["uvci"]
    assert new["status"] == "valid" and new["full_name"] == misspelt
    # the old certificate is never printed again; the new one prints
    refused = run_cli("--json", "print", "--uvci", first["uvci"], "--out", str(tmp_path / "old.pdf"), workspace=ws)
    assert refused.code == 1 and refused.json["error"]["code"] == "certificate_superseded"
    assert cli(ws, "print", "--uvci", new["uvci"], "--out", str(tmp_path / "new.pdf"))["pages"] == 1
    # the central service has revoked the old UVCI: the verifier says so after the next sync
    cli(ws, "sync")
    old_verdict = cli(ws, "verify", first["hc1"])
    assert old_verdict["valid"] is False and "revoked" in {p["code"] for p in old_verdict["problems"]}
    # revoke another certificate issued in error: signed with the token, accepted centrally
    victim = next(c for c in after.values() if c["status"] == "valid" and c["uvci"] != new["uvci"])
    revoked = cli(ws, "revoke", victim["uvci"], "--reason", "Cấp nhầm", "--pin-stdin",
                  stdin=info["token"]["pin"] + "\n")
    assert revoked["status"] == "revoked"
    central = httpx.get(json.loads((ws / "settings.json").read_text())["central_url"] + "/v1/revocations").json()
    assert victim["uvci"] in {r["uvci"] for r in central["revocations"]}
    assert {c["uvci"]: c["status"] for c in cli(ws, "certificates")}[victim["uvci"]] == "revoked"
    again = run_cli("--json", "revoke", victim["uvci"], "--reason", "x", "--pin-stdin", workspace=ws, stdin="1\n")
    assert again.code == 1 and again.json["error"]["code"] == "already_revoked"
