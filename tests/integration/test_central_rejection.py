"""A record the central service rejects comes back to Review, is corrected, re-signed and certified.

The real parts: records checked against the reference registry on 127.0.0.1, signed on a SoftHSM
token by ``python main.py sign``, sent by ``python main.py sync`` to the real central service
(``python main.py central serve``), decided on with ``python main.py review`` / ``resolve``.

The story: Trần Thị Thuý's row in the list carries Nguyễn Văn An's ID number (a copy-paste slip).
The check shows the mismatch; the clerk wrongly keeps the list's values; An's dose 1 is already
certified, so the central service refuses Thuý's record (``dose_already_certified``). The record
comes back to Review with that reason; the clerk corrects the ID number, the new record is checked,
signed in a new batch and certified. An still has exactly one certificate for dose 1.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from desktop.audit import verify_chain
from desktop.models import Certificate, SignedRecord, SigningBatch, VaccinationRecord
from desktop.overview.picture import todays_picture
from desktop.registry import check_records
from services.registry.population import Population
from services.registry.server import BackgroundServer
from tests.helpers import run_cli
from tests.integration.sync.central_process import CentralProcess
from tests.unit.registry.factory import add_checked, citizen

pytestmark = pytest.mark.integration

AN = citizen("001090012345", None, "Nguyễn Văn An", "1990-05-12", "M")
THUY = citizen("001185012346", None, "Trần Thị Thuý", "1985-03-04", "F")
REGISTRY_TOKEN = "registry-token"


@pytest.fixture
def token_workspace(workspace, monkeypatch, tmp_path):
    """The demo SoftHSM token of the facility, and a central data folder that trusts it."""
    from desktop.demo.central import create_central_data
    from desktop.demo.token import create_demo_token

    monkeypatch.setenv("SOFTHSM2_CONF", str(tmp_path / "unused.conf"))  # restored after the test
    info = create_demo_token(workspace)["token"]
    central_data = tmp_path / "central"
    create_central_data(workspace, central_data)
    return workspace, info, central_data


@pytest.fixture
def services(token_workspace):
    workspace, token, central_data = token_workspace
    registry = BackgroundServer(Population.from_dict({"tokens": [REGISTRY_TOKEN], "citizens": [AN, THUY]})).start()
    central = CentralProcess(central_data).start()
    workspace.settings.set("registry_url", registry.url)
    workspace.settings.set("registry_token", REGISTRY_TOKEN)
    workspace.settings.set("central_url", central.url)
    workspace.settings.set("central_timeout", 30.0)
    workspace.settings.save()
    try:
        yield workspace, token
    finally:
        central.stop()
        registry.stop()


def sign(workspace, token) -> dict:
    result = run_cli("--json", "sign", "--pin-stdin", workspace=workspace.path, stdin=token["pin"] + "\n",
                     env={"SOFTHSM2_CONF": token["softhsm2_conf"]})
    assert result.code == 0, result.stderr
    return result.json


def sync(workspace) -> dict:
    result = run_cli("--json", "sync", workspace=workspace.path)
    assert result.code == 0, result.stderr
    return result.json


def test_a_rejected_record_is_corrected_resigned_and_certified_once(services):
    workspace, token = services
    # 1. An's dose 1: matched, signed, certified
    (an,) = add_checked(workspace, [(("Nguyễn Văn An", "1990-05-12", "M", "001090012345"), AN)])
    assert [b["records"] for b in sign(workspace, token)["batches"]] == [1]
    first = sync(workspace)
    assert first["certificates_received"] == 1 and first["rejected"] == []

    # 2. Thuý's row with An's ID number: a mismatch the clerk wrongly keeps; the central refuses it
    (thuy,) = add_checked(workspace, [(("Trần Thị Thuý", "1985-03-04", "F", "001090012345"), AN)])
    kept = run_cli("--json", "resolve", str(thuy), "--action", "keep_list", "--reason", "Người được tiêm xác nhận",
                   workspace=workspace.path)
    assert kept.code == 0 and kept.json["ready_to_sign"], kept.stderr
    # this workspace knows An's dose 1 is signed: the record is held before signing, with the reason
    held = run_cli("--json", "sign", "--pin-stdin", workspace=workspace.path, stdin=token["pin"] + "\n",
                   env={"SOFTHSM2_CONF": token["softhsm2_conf"]})
    assert held.code == 0 and not held.json.get("batches"), held.stdout
    assert "already signed" in held.stdout + held.stderr or "đã được ký" in held.stdout + held.stderr
    # as if An had been vaccinated and certified at another facility: only the central knows
    with workspace.db.session() as s:
        s.execute(update(VaccinationRecord).where(VaccinationRecord.id == an).values(id_number="001090099999"))
    assert [b["records"] for b in sign(workspace, token)["batches"]] == [1]
    second = sync(workspace)
    assert second["certificates_received"] == 0
    assert [(r["record_id"], r["reason"]) for r in second["rejected"]] == [(thuy, "dose_already_certified")]

    # 3. back in Review, under its own status, with the central's reason
    queue = run_cli("--json", "review", "--status", "central", workspace=workspace.path)
    assert queue.code == 0, queue.stderr
    assert queue.json["counts"]["statuses"]["central"] == 1
    (item,) = queue.json["records"]
    assert item["record_id"] == thuy and item["stage"] == "rejected_central"
    assert item["central_reason"].startswith("dose_already_certified: Mũi 1")

    # 4. the clerk corrects the ID number: a new record, checked again (the ID changed)
    edited = run_cli("--json", "resolve", str(thuy), "--action", "edit", "--set", "id_number=001185012346",
                     "--reason", "Sai số CCCD, đã đối chiếu thẻ", workspace=workspace.path)
    assert edited.code == 0, edited.stderr
    new = edited.json["record_id"]
    assert new != thuy and edited.json["resubmission_of"] == thuy and edited.json["status"] == "unchecked"
    assert f"{new}" in edited.stderr  # the clerk is told which record to sign
    outcome = check_records(workspace, "lan")
    assert outcome.summary.get("matched") == 1
    assert run_cli("--json", "review", workspace=workspace.path).json["counts"]["total"] == 0

    # 5. signed in a new batch, synced, certified
    assert [b["records"] for b in sign(workspace, token)["batches"]] == [1]
    third = sync(workspace)
    assert third["certificates_received"] == 1 and third["rejected"] == []
    again = run_cli("--json", "sign", "--pin-stdin", workspace=workspace.path, stdin=token["pin"] + "\n",
                    env={"SOFTHSM2_CONF": token["softhsm2_conf"]})
    assert again.code == 0 and not again.json.get("batches"), again.stdout  # nothing left to sign

    with workspace.db.session() as s:
        certified = dict(s.execute(select(Certificate.record_id, Certificate.id_number)).all())
        assert certified == {an: "001090012345", new: "001185012346"}  # one certificate per person and dose
        assert s.scalar(select(func.count()).select_from(SigningBatch)) == 3
        signed = dict(s.execute(select(SignedRecord.record_id, SignedRecord.batch_id)).all())
        assert set(signed) == {an, thuy, new} and len(set(signed.values())) == 3
        old = s.get(VaccinationRecord, thuy)
        assert (old.stage, old.decision, old.id_number) == ("superseded", "reject", "001090012345")
        assert old.decision_reason == f"resubmitted as record {new}"
        assert s.get(VaccinationRecord, new).stage == "certified"
        assert verify_chain(s).ok
    totals = todays_picture(workspace).totals
    assert totals["certified"] == 2 and sum(totals.values()) == 2  # the dose is counted once
