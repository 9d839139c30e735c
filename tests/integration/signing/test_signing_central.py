"""A batch signed on the real SoftHSM token is accepted, record by record, by the reference central service."""

from __future__ import annotations

import base64
import json

import pytest
from sqlalchemy import select

from desktop.models import SignedRecord, SigningBatch
from desktop.signing.batch import sign_ready
from desktop.signing.handler import ScriptedHandler
from tests.unit.signing.support import PIN, add_records, copy_signing_workspace, template_workspace

pytestmark = pytest.mark.integration


@pytest.fixture
def ws(tmp_path_factory, tmp_path):
    workspace = copy_signing_workspace(template_workspace(tmp_path_factory), tmp_path / "ws")
    yield workspace
    workspace.close()


def test_central_service_issues_every_record_of_a_token_signed_batch(ws, tmp_path):
    central = pytest.importorskip("services.central.setup")
    from services.central.service import CentralService

    data = tmp_path / "central"
    central.init_data(data, store_passphrase=True)  # a test folder: the passphrase beside the key
    central.register(data, "trust_ca", certificate=(ws.path / "pki" / "ministry-ca.pem").read_bytes())
    central.register(data, "facility", code="01001", name="Bệnh viện Bạch Mai",
                     certificate=(ws.path / "pki" / "facility.pem").read_bytes())
    add_records(ws, 6)
    [result] = sign_ready(ws, ScriptedHandler.with_pin(PIN))
    with ws.db.session() as s:
        batch = s.get(SigningBatch, result.batch_id)
        rows = s.execute(select(SignedRecord).where(SignedRecord.batch_id == batch.id)
                         .order_by(SignedRecord.leaf_index)).scalars().all()
        body = {"manifest": base64.b64encode(batch.manifest).decode(),
                "records": [{"leaf_index": r.leaf_index, "attestation": base64.b64encode(r.attestation).decode(),
                             "proof": r.proof} for r in rows]}
    service = CentralService(data)
    try:
        answer = json.loads(service.submit_batch(json.dumps(body).encode()))
    finally:
        service.close()
    assert answer["batch_id"] == result.batch_id
    assert [r["status"] for r in answer["results"]] == ["issued"] * 6, answer
    assert all(r["hc1"].startswith("HC1:") for r in answer["results"])
