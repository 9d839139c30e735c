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


def _start_signing(path) -> subprocess.Popen:
    """``sign`` in a process of its own, the PIN given; its progress lines on stderr."""
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--workspace", str(path), "sign", "--pin-stdin"],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=signed_in_env(path), cwd=ROOT)
    proc.stdin.write(PIN + "\n")
    proc.stdin.close()
    return proc


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", ["lô 2/", "lô 4/", 0.35])
def test_kill_9_during_signing_leaves_whole_batches_only(ws, kill_after):
    ws.settings.set("batch_size", 400)
    ws.settings.save()
    add_records(ws, 4000)
    ws.close()
    proc = _start_signing(ws.path)
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


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.0, 0.03, 0.1])
def test_kill_9_while_the_checkpointer_copies_a_signed_batch_loses_nothing(ws, delay):
    """Killed just after batch 2's commit, while the checkpoint thread copies it into the database file."""
    import sqlite3

    from desktop.audit import verify_chain

    ws.settings.set("batch_size", 2000)
    ws.settings.save()
    add_records(ws, 8000)
    ws.close()
    proc = _start_signing(ws.path)
    for line in proc.stderr:
        if "4000/8000" in line:  # printed once batch 2 is committed
            break
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    database = ws.path / "workspace.sqlite3"
    assert (ws.path / "workspace.sqlite3-wal").stat().st_size > 0  # the log the killed process left
    batches, signed = _consistency(ws.path)
    assert batches >= 2 and signed == batches * 2000  # every committed batch is there, whole
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()
    reopened = Workspace.open(ws.path)
    try:
        with reopened.db.session() as s:
            assert verify_chain(s).ok
    finally:
        reopened.close()
    retry = run_cli("--json", "sign", "--pin-stdin", workspace=ws.path, stdin=PIN + "\n", process=True)
    assert retry.code == 0, retry.stderr
    assert sum(b["records"] for b in retry.json["batches"]) == 8000 - signed
    assert _consistency(ws.path) == (4, 8000)


@pytest.mark.slow
def test_the_command_line_leaves_no_large_log_while_another_program_has_the_database_open(ws):
    """SQLite removes the log only when the last connection closes; with the window open, the command's own
    checkpoint at close empties it."""
    import sqlite3

    add_records(ws, 5000)
    ws.close()
    window = sqlite3.connect(ws.path / "workspace.sqlite3")  # stands for the window: keeps the log from going
    try:
        assert window.execute("SELECT count(*) FROM vaccination_record").fetchone()[0] == 5000
        result = run_cli("--json", "sign", "--pin-stdin", workspace=ws.path, stdin=PIN + "\n", process=True)
        assert result.code == 0, result.stderr
        assert result.json["batches"][0]["records"] == 5000
        wal = ws.path / "workspace.sqlite3-wal"
        assert wal.exists() and wal.stat().st_size == 0
        assert window.execute("SELECT count(*) FROM signed_record").fetchone()[0] == 5000
    finally:
        window.close()
