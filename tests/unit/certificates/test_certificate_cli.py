"""The command line drives the same core: list, export, print, correct."""

from __future__ import annotations

import subprocess

from desktop.models import Certificate, VaccinationRecord
from desktop.printing.qr import read_qr_codes
from tests.helpers import run_cli


def test_certificates_list_search_and_export(workspace, people, tmp_path):
    ws = workspace.path
    listed = run_cli("--json", "certificates", workspace=ws)
    assert listed.code == 0, listed.stderr
    items = listed.json
    assert len(items) == 5
    assert set(items[0]) >= {"record_id", "uvci", "hc1", "issued_at", "expires_at", "status"}
    found = run_cli("--json", "certificates", "--search", "dang van duc", workspace=ws).json
    assert [i["full_name"] for i in found] == ["Đặng Văn Đức"]
    with workspace.db.session() as session:
        session.get(Certificate, people[0]).status = "revoked"
    out = tmp_path / "hc1.txt"
    exported = run_cli("--json", "certificates", "--export", str(out), workspace=ws)
    assert exported.code == 0
    lines = out.read_text().splitlines()
    assert len(lines) == 4 and all(line.startswith("HC1:") for line in lines)
    assert {i["hc1"] for i in exported.json if i["status"] == "valid"} == set(lines)
    bad = run_cli("certificates", "--status", "lost", workspace=ws)
    assert bad.code == 2
    shown = run_cli("--json", "certificates", "--show", items[0]["uvci"], workspace=ws)
    assert shown.code == 0, shown.stderr
    detail = shown.json
    assert detail["uvci"] == items[0]["uvci"] and detail["validity"]["state"] == "valid"
    assert detail["form"]["full_name"] == items[0]["full_name"] and detail["history"][0]["kind"] == "issued"
    assert detail["dcc"]["v"][0]["ci"] == items[0]["uvci"]


def test_print_command_and_refusal(workspace, people, tmp_path):
    ws = workspace.path
    out = tmp_path / "all.pdf"
    done = run_cli("--json", "print", "--all-new", "--out", str(out), "--layout", "card", workspace=ws)
    assert done.code == 0, done.stderr
    assert done.json["pages"] == 5 and done.json["out"] == str(out)
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")], check=True)
    with workspace.db.session() as session:
        newest = session.get(Certificate, people[0])
        assert newest.printed_count == 1
        newest.status = "superseded"
        newest.superseded_by = "URN:UVCI:01:VN:AAAA"
        first_hc1 = newest.hc1
        uvci = newest.uvci
    assert read_qr_codes(next(tmp_path.glob("p-*.png"))) == [first_hc1]
    refused = run_cli("--json", "print", "--uvci", uvci, "--out", str(tmp_path / "x.pdf"), workspace=ws)
    assert refused.code == 1 and "superseded" in refused.stdout and "Traceback" not in refused.stderr
    assert refused.json["error"]["code"] == "certificate_superseded"
    usage = run_cli("print", "--out", str(tmp_path / "y.pdf"), workspace=ws)
    assert usage.code == 2


def test_correct_command(workspace, people):
    ws = workspace.path
    with workspace.db.session() as session:
        record_id = session.get(Certificate, people[1]).record_id
    result = run_cli("--json", "correct", str(record_id), "--set", "full_name=Đặng Văn Đứt", "--set", "dob=1985-11-21",
                     "--reason", "Sai tên", workspace=ws)
    assert result.code == 0, result.stderr
    data = result.json
    assert data["supersedes_record_id"] == record_id and data["check_status"] == "unchecked"
    assert data["full_name"] == "Đặng Văn Đứt" and data["date_of_birth"] == "1985-11-21"
    with workspace.db.session() as session:
        assert session.get(VaccinationRecord, data["record_id"]).supersedes_record_id == record_id
    no_reason = run_cli("--json", "correct", str(record_id), "--set", "dob=1985-11-22", workspace=ws)
    assert no_reason.code == 1
    bad_field = run_cli("correct", str(record_id), "--set", "colour=red", "--reason", "x", workspace=ws)
    assert bad_field.code == 1 and "colour" in bad_field.stderr
