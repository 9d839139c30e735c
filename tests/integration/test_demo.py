"""``demo`` end to end: the workspace it writes, the lists it generates, and that its ground truth is exact
(the import gives the outcomes it states, and, when the registry capability is installed, so does the check)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.helpers import ROOT, free_port, run_cli

pytestmark = pytest.mark.integration

PEOPLE = 150


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = tmp_path_factory.mktemp("demo") / "ws"
    result = run_cli("--json", "demo", "--people", str(PEOPLE), "--seed", "7", workspace=ws, timeout=600)
    assert result.code == 0, result.stderr
    return ws, result.json


def test_demo_output_follows_the_contract(demo):
    ws, data = demo
    for key in ("workspace", "list_file", "token", "registry_url", "registry_population", "registry_token",
                "central_url", "central_data", "list_files", "truth_file", "missing"):
        assert key in data, key
    assert Path(data["workspace"]) == ws.resolve()
    for path in data["list_files"].values():
        assert Path(path).exists()
    assert data["list_file"] == data["list_files"]["long_xlsx"]
    assert data["registry_url"].startswith("http://127.0.0.1:") and data["central_url"].startswith("http://127.0.0.1:")
    assert data["registry_url"] != data["central_url"]
    settings = json.loads((ws / "settings.json").read_text(encoding="utf-8"))
    assert settings["facility_code"] == "01001" and settings["facility_name"] == "Bệnh viện Bạch Mai"
    assert settings["registry_url"] == data["registry_url"]
    if "registry" not in data["missing"]:
        secrets = json.loads((ws / "secrets.json").read_text(encoding="utf-8"))
        assert secrets["registry_token"] == data["registry_token"]
    listing = run_cli("--json", "records", workspace=ws).json
    assert listing["total"] == 0  # the demo does not load the list: the clerk does


def test_demo_refuses_a_second_run(demo):
    ws, _data = demo
    again = run_cli("--json", "demo", "--people", "10", workspace=ws)
    assert again.code == 1 and again.json["error"]["code"] == "demo_exists"


def test_truth_describes_every_row(demo):
    _ws, data = demo
    truth = json.loads(Path(data["truth_file"]).read_text(encoding="utf-8"))
    assert truth["format"] == "vaxdesk-demo-truth/1"
    layouts = {entry["layout"]: entry for entry in truth["lists"]}
    assert set(layouts) == {"long", "pl1"}
    faults = Counter(f for entry in truth["lists"] for row in entry["rows"] for f in row["faults"])
    for fault in ("nfd", "accents", "order", "middle_name", "typo", "different_name", "swapped", "partial",
                  "placeholder", "wrong_sex", "linked", "cccd_year", "not_found", "invalid_id", "excel_id",
                  "excel_date", "duplicate", "unknown_vaccine", "future_date"):
        assert faults[fault] > 0, fault
    for entry in truth["lists"]:
        assert entry["ignored_rows"]
        for row in entry["rows"]:
            assert row["import"]["outcome"] in ("accepted", "rejected", "duplicate")
            assert (row["check"] is None) == (row["import"]["outcome"] != "accepted")


def _import(ws: Path, path: str) -> dict:
    result = run_cli("--json", "import", path, workspace=ws, timeout=600)
    assert result.code == 0, result.stderr
    return result.json


def _assert_import_matches(entry: dict, result: dict) -> None:
    summary = entry["summary"]
    assert (result["rows"], result["accepted"], result["rejected"], result["duplicates"], result["records"]) == (
        summary["rows"], summary["accepted"], summary["rejected"], summary["duplicates"], summary["records"])
    assert result["ignored_rows"] == entry["ignored_rows"]
    errors: dict[int, set[str]] = {}
    for e in result["errors"]:
        errors.setdefault(e["row"], set()).add(e["code"])
    warnings: dict[int, set[str]] = {}
    for w in result["warnings"]:
        warnings.setdefault(w["row"], set()).add(w["code"])
    for row in entry["rows"]:
        expected = row["import"]
        got = errors.get(row["row"], set())
        if expected["outcome"] == "rejected":
            assert got == set(expected["codes"]), row
        elif expected["outcome"] == "duplicate":
            assert got == {"duplicate_in_file"}, row
        else:
            assert not got, row
            assert warnings.get(row["row"], set()) == set(expected["warnings"]), row


def _copy_workspace(ws: Path, target: Path) -> Path:
    target.mkdir(parents=True)
    for name in ("settings.json", "secrets.json"):
        if (ws / name).exists():
            shutil.copy(ws / name, target / name)
    return target


@pytest.mark.parametrize("layout_file", ["long_xlsx", "long_csv", "pl1_xls"])
def test_import_gives_what_the_truth_says(demo, tmp_path, layout_file):
    ws, data = demo
    truth = json.loads(Path(data["truth_file"]).read_text(encoding="utf-8"))
    entry = next(e for e in truth["lists"] if Path(data["list_files"][layout_file]).name in e["files"])
    fresh = _copy_workspace(ws, tmp_path / "ws")
    _assert_import_matches(entry, _import(fresh, data["list_files"][layout_file]))
    again = _import(fresh, data["list_files"][layout_file])
    assert again["already_loaded"] and again["records"] == 0


def _wait_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on {port}")


@pytest.mark.parametrize("layout_file", ["long_xlsx", "pl1_xls"])
def test_registry_check_gives_what_the_truth_says(demo, tmp_path, layout_file):
    ws, data = demo
    if "registry" in data["missing"] or not (ROOT / "desktop" / "cli" / "check.py").exists():
        pytest.skip("the registry capability is not installed")
    truth = json.loads(Path(data["truth_file"]).read_text(encoding="utf-8"))
    entry = next(e for e in truth["lists"] if Path(data["list_files"][layout_file]).name in e["files"])
    fresh = _copy_workspace(ws, tmp_path / "ws")
    _import(fresh, data["list_files"][layout_file])
    port = free_port()
    server = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "registry", "serve", "--port", str(port),
                               "--population", data["registry_population"]], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_port(port)
        result = run_cli("--json", "check", "--registry", f"http://127.0.0.1:{port}", workspace=fresh, timeout=600)
        assert result.code == 0, result.stderr
        records = result.json["records"]
    finally:
        server.terminate()
        server.wait(timeout=30)
    by_row = {row["row"]: row for row in entry["rows"]}
    assert len(records) == entry["summary"]["records"]
    wrong = []
    for record in records:
        expected = by_row[record["source_row"]]["check"]
        got = sorted((d["field"], d["kind"]) for d in record["differences"])
        want = sorted((d["field"], d["kind"]) for d in expected["differences"])
        if record["status"] != expected["status"] or got != want:
            wrong.append((record["source_row"], by_row[record["source_row"]]["faults"], expected, record["status"], got))
    assert not wrong, wrong[:5]
