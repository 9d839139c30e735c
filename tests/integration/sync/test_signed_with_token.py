"""End to end with the real parts: records signed by the real signing code on a SoftHSM token,
sent by ``python main.py sync`` to the real central service on 127.0.0.1, certificates verified
locally, stored, and readable offline with the cached trust list."""

from __future__ import annotations

import pytest
from central_process import CentralProcess
from sqlalchemy import func, select
from sync_factory import make_records

from desktop.models import Certificate, OutboxItem, SigningBatch, VaccinationRecord
from tests.helpers import run_cli

pytestmark = pytest.mark.integration


@pytest.fixture
def token_workspace(workspace, monkeypatch, tmp_path):
    from desktop.demo.central import create_central_data
    from desktop.demo.token import create_demo_token

    monkeypatch.setenv("SOFTHSM2_CONF", str(tmp_path / "unused.conf"))  # restored after the test
    info = create_demo_token(workspace)["token"]
    central_data = tmp_path / "central"
    create_central_data(workspace, central_data)
    return workspace, info, central_data


def test_token_signed_batches_sync_end_to_end(token_workspace):
    workspace, token, central_data = token_workspace
    workspace.settings.set("batch_size", 40)
    workspace.settings.save()
    make_records(workspace.db, 100)
    env = {"SOFTHSM2_CONF": token["softhsm2_conf"]}
    signed = run_cli("--json", "sign", "--pin-stdin", workspace=workspace.path, stdin=token["pin"] + "\n", env=env)
    assert signed.code == 0, signed.stderr
    assert [b["records"] for b in signed.json["batches"]] == [40, 40, 20]
    assert all(b["token_operations"] == 1 for b in signed.json["batches"])

    central = CentralProcess(central_data)
    # the central service is down: signing worked, sync waits, nothing is lost
    down = run_cli("--json", "sync", "--central", central.url, workspace=workspace.path)
    assert down.code == 1 and down.json["error"]["code"] == "central_unavailable"
    assert down.json["error"]["details"]["pending"] == 100

    central.start()
    try:
        result = run_cli("--json", "sync", "--central", central.url, workspace=workspace.path)
        assert result.code == 0, result.stderr
        report = result.json
        assert (report["sent"], report["accepted"], report["certificates_received"], report["pending"]) == (3, 100, 100, 0)
        assert report["rejected"] == []
        status = run_cli("--json", "sync", "status", workspace=workspace.path)
        assert status.json["pending_batches"] == 0 and status.json["last_success_at"]
    finally:
        central.stop()

    with workspace.db.session() as s:
        assert s.scalar(select(func.count(Certificate.id))) == 100
        assert set(s.execute(select(VaccinationRecord.stage)).scalars()) == {"certified"}
        assert set(s.execute(select(SigningBatch.state)).scalars()) == {"countersigned"}
        assert set(s.execute(select(OutboxItem.state)).scalars()) == {"done"}
        hc1 = s.execute(select(Certificate.hc1).limit(1)).scalar_one()
    # offline now: the cached trust list verifies a stored certificate
    from desktop.dcc.hc1 import verify_hc1
    from desktop.sync import load_trust_list

    verdict = verify_hc1(hc1, load_trust_list(workspace))
    assert verdict.valid, [p.as_dict() for p in verdict.problems]
