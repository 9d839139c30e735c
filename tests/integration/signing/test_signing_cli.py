"""``python main.py sign --pin-stdin`` on a workspace with the real SoftHSM demo token, and kill -9 mid-signing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from desktop.models import OutboxItem, SignedRecord, SigningBatch, VaccinationRecord
from desktop.workspace import Workspace
from tests.helpers import ROOT, run_cli, signed_in_env
from tests.unit.signing.independent import rfc9162_verify_inclusion, verify_cose_with_x5chain
from tests.unit.signing.support import PIN, add_list, add_records, copy_signing_workspace, template_workspace

pytestmark = pytest.mark.integration


@pytest.fixture
def ws(tmp_path_factory, tmp_path):
    workspace = copy_signing_workspace(template_workspace(tmp_path_factory), tmp_path / "ws")
    yield workspace
    workspace.close()


def test_sign_with_pin_on_stdin(ws):
    list_id = add_list(ws)
    add_records(ws, 25, list_id=list_id)
    add_records(ws, 2, list_id=list_id, check_status="not_found", start=100)
    ws.close()
    result = run_cli("--json", "sign", "--pin-stdin", workspace=ws.path, stdin=PIN + "\n")
    assert result.code == 0, result.stderr
    [batch] = result.json["batches"]
    assert batch["records"] == 25 and batch["token_operations"] == 1 and len(batch["merkle_root"]) == 64
    assert "25 bản ghi" in result.stderr and "2 bản ghi đang chờ đối chiếu" in result.stderr
    assert PIN not in result.stderr and PIN not in result.stdout
    with Workspace.open(ws.path).db.session() as s:
        stored = s.get(SigningBatch, batch["batch_id"])
        payload, _ = verify_cose_with_x5chain(stored.manifest)
        rows = s.execute(select(SignedRecord).where(SignedRecord.batch_id == stored.id)).scalars().all()
        for row in rows:
            assert rfc9162_verify_inclusion(row.attestation, row.leaf_index, payload["count"],
                                            [bytes.fromhex(h) for h in row.proof], payload["root"])
    again = run_cli("--json", "sign", "--pin-stdin", workspace=ws.path, stdin=PIN + "\n")
    assert again.code == 0 and again.json == {"batches": []}


def test_limit_and_status(ws):
    add_records(ws, 10)
    ws.close()
    result = run_cli("--json", "sign", "--limit", "4", "--pin-stdin", workspace=ws.path, stdin=PIN + "\n")
    assert result.code == 0, result.stderr
    assert [b["records"] for b in result.json["batches"]] == [4]
    status = run_cli("--json", "sign", "status", workspace=ws.path)
    assert status.code == 0 and status.json["present"] is True and status.json["label"] == "VAXDESK-DEMO"
    assert status.json["holder"] == "Bệnh viện Bạch Mai"


def test_wrong_pin_is_a_clear_refusal(ws):
    add_records(ws, 3)
    ws.close()
    result = run_cli("--lang", "en", "sign", "--pin-stdin", workspace=ws.path, stdin="00000000\n")
    assert result.code == 1
    assert "Wrong PIN" in result.stderr and "Traceback" not in result.stderr and "00000000" not in result.stderr
    env_pin = run_cli("--json", "sign", workspace=ws.path, env={"VAXDESK_TOKEN_PIN": PIN})
    assert env_pin.code == 0 and env_pin.json["batches"][0]["records"] == 3


def test_no_pin_given(ws):
    add_records(ws, 1)
    ws.close()
    result = run_cli("sign", workspace=ws.path, env={"VAXDESK_TOKEN_PIN": ""})
    assert result.code == 1 and "--pin-stdin" in result.stderr


def _consistency(path):
    workspace = Workspace.open(path)
    try:
        with workspace.db.session() as s:
            batches = s.execute(select(SigningBatch)).scalars().all()
            for b in batches:
                assert s.scalar(select(func.count()).where(SignedRecord.batch_id == b.id)) == b.record_count
                assert s.scalar(select(func.count()).where(VaccinationRecord.batch_id == b.id,
                                                           VaccinationRecord.stage == "signed")) == b.record_count
                assert s.get(OutboxItem, b.id) is not None
            signed = s.scalar(select(func.count()).where(VaccinationRecord.stage == "signed"))
            assert signed == sum(b.record_count for b in batches)
            assert s.scalar(select(func.count()).select_from(SignedRecord)) == signed
            return len(batches), signed
    finally:
        workspace.close()


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", ["lô 2/", "lô 4/", 0.35])
def test_kill_9_during_signing_leaves_whole_batches_only(ws, kill_after):
    ws.settings.set("batch_size", 400)
    ws.settings.save()
    add_records(ws, 4000)
    ws.close()
    env = signed_in_env(ws.path)
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--workspace", str(ws.path), "sign", "--pin-stdin"],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=ROOT)
    proc.stdin.write(PIN + "\n")
    proc.stdin.close()
    if isinstance(kill_after, str):
        for line in proc.stderr:
            if kill_after in line:
                break
    else:
        time.sleep(kill_after)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    batches, signed = _consistency(ws.path)
    assert signed < 4000  # killed while signing
    assert signed % 400 == 0 and batches == signed // 400
    retry = run_cli("--json", "sign", "--pin-stdin", workspace=ws.path, stdin=PIN + "\n")
    assert retry.code == 0, retry.stderr
    assert sum(b["records"] for b in retry.json["batches"]) == 4000 - signed
    assert all(b["token_operations"] == 1 for b in retry.json["batches"])
    assert _consistency(ws.path) == (10, 4000)
