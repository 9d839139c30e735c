"""The command line: check, review, resolve, and `registry serve` as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import httpx
import pytest

from services.registry.population import Population
from services.registry.server import BackgroundServer
from tests.helpers import ROOT, free_port, run_cli
from tests.unit.registry.factory import CITIZENS, add_records, population

pytestmark = pytest.mark.integration


@pytest.fixture
def server():
    srv = BackgroundServer(Population.from_dict(population())).start()
    yield srv
    srv.stop()


@pytest.fixture
def ws(workspace, server):
    workspace.settings.set("registry_url", server.url)
    workspace.settings.set("registry_token", "secret-token")
    workspace.settings.save()
    add_records(workspace, [
        ("Nguyen Van An", "1990-05-12", "M", "012345678"),
        ("Trần Thị Thuý", "1985-03-04", "F", "001185012346"),
        ("Ai Đó", "1990", "M", "12345"),
    ])
    workspace.close()
    return workspace


def test_check_review_resolve(ws, server):
    result = run_cli("--json", "check", workspace=ws.path)
    assert result.code == 0, result.stderr
    out = result.json
    assert out["summary"] == {"mismatch": 1, "matched": 1, "invalid_id": 1}
    first = out["records"][0]
    assert set(first) >= {"record_id", "source_ref", "source_row", "id_number", "status", "differences"}
    assert first["differences"][0] == {"field": "name", "kind": "accents", "list": "Nguyen Van An",
                                       "registry": "Nguyễn Văn An"}
    assert "secret-token" not in result.stdout + result.stderr

    review = run_cli("--json", "review", workspace=ws.path)
    assert review.code == 0, review.stderr
    assert review.json["counts"]["kinds"] == {"name:accents": 1, "id:linked": 1}
    assert [r["record_id"] for r in review.json["records"]] == [1, 3]
    assert [r["record_id"] for r in run_cli("--json", "review", "--kind", "id:linked", workspace=ws.path).json["records"]] == [1]

    refused = run_cli("--json", "resolve", "1", "--action", "keep_list", workspace=ws.path)
    assert refused.code == 1 and "reason" in refused.stderr.lower() or "lý do" in refused.stderr
    done = run_cli("--json", "resolve", "1", "--action", "accept_registry", workspace=ws.path)
    assert done.code == 0, done.stderr
    assert done.json["id_number"] == "001090012345" and done.json["decision"] == "accept_registry"
    edited = run_cli("--json", "resolve", "3", "--action", "edit", "--reason", "retyped from card",
                     "--set", "id_number=001070012348", workspace=ws.path)
    assert edited.code == 0, edited.stderr
    assert edited.json["status"] == "unchecked"
    again = run_cli("--json", "check", workspace=ws.path)
    assert again.json["summary"] == {"mismatch": 1}  # the edited ID was looked up, nothing else re-sent
    bad = run_cli("--json", "resolve", "2", "--action", "fly", workspace=ws.path)
    assert bad.code == 2


def test_check_exits_1_when_the_registry_is_down(ws, server):
    server.stop()
    result = run_cli("--json", "check", workspace=ws.path)
    assert result.code == 1
    assert "not checked" in result.stderr or "chưa được kiểm tra" in result.stderr
    error = result.json["error"]
    assert error["code"] == "registry_unavailable"
    assert error["details"]["summary"] == {"invalid_id": 1, "unchecked": 2}


def test_check_exits_1_on_a_wrong_token(ws, server):
    result = run_cli("--lang", "en", "check", workspace=ws.path, env={"VAXDESK_REGISTRY_TOKEN": "nope"})
    assert result.code == 1 and "Settings" in result.stderr and "Traceback" not in result.stderr


def test_registry_serve_runs_in_the_foreground(tmp_path):
    path = tmp_path / "population.json"
    path.write_text(json.dumps(population(), ensure_ascii=False), encoding="utf-8")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "registry", "serve", "--population", str(path), "--port", str(port),
         "--fault", "rate_limit", "--fault-count", "1"],
        cwd=ROOT, env={**os.environ, "VAXDESK_REGISTRY_SERVE_TOKEN": "training-token"}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(url + "/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.1)
        body = {"requests": [{"ref": "x", "id_number": CITIZENS[0][1]}]}
        headers = {"Authorization": "Bearer secret-token"}
        first = httpx.post(url + "/v1/citizens:lookup", json=body, headers=headers)
        assert first.status_code == 429 and first.headers["Retry-After"] == "1"
        found = httpx.post(url + "/v1/citizens:lookup", json=body, headers=headers).json()["results"][0]
        assert found["status"] == "found" and found["citizen"]["id_number"] == CITIZENS[0][0]  # linked CMND
        # the extra token from the environment is accepted too; a wrong one is not
        extra = httpx.post(url + "/v1/citizens:lookup", json=body, headers={"Authorization": "Bearer training-token"})
        assert extra.status_code == 200
        wrong = httpx.post(url + "/v1/citizens:lookup", json=body, headers={"Authorization": "Bearer guessed"})
        assert wrong.status_code == 401
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()


def test_registry_serve_without_population_is_refused(tmp_path):
    result = run_cli("registry", "serve", "--population", str(tmp_path / "none.json"), workspace=tmp_path / "w")
    assert result.code == 1 and "--population" in result.stderr


def test_registry_serve_takes_no_token_on_the_command_line(tmp_path):
    """Secrets never go in argv (contracts/cli.md): the token comes from the file or the environment."""
    path = tmp_path / "population.json"
    path.write_text(json.dumps(population(), ensure_ascii=False), encoding="utf-8")
    result = run_cli("registry", "serve", "--population", str(path), "--port", str(free_port()), "--token", "abc",
                     workspace=tmp_path / "w", timeout=30)
    assert result.code == 2 and "--token" in result.stderr
