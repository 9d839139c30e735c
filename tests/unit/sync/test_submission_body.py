"""The submission body written piece by piece is the JSON document the central service reads."""

from __future__ import annotations

import base64
import json

import pytest
from sqlalchemy import select
from sync_factory import make_records, sign_batch

from desktop.models import SignedRecord, SigningBatch
from desktop.sync.store import _proof_text, load_leaves, submission_body


def _expected(ws, batch_id: str) -> bytes:
    """The body as one ``json.dumps`` of ORM-loaded rows writes it."""
    with ws.db.session() as session:
        batch = session.get(SigningBatch, batch_id)
        rows = session.execute(select(SignedRecord).where(SignedRecord.batch_id == batch_id)
                               .order_by(SignedRecord.leaf_index)).scalars()
        records = [{"leaf_index": r.leaf_index, "attestation": base64.b64encode(r.attestation).decode("ascii"),
                    "proof": list(r.proof)} for r in rows]
        body = {"manifest": base64.b64encode(batch.manifest).decode("ascii"), "records": records}
    return json.dumps(body, separators=(",", ":")).encode("utf-8")


@pytest.mark.parametrize("size", [1, 2, 7])
def test_body_equals_the_json_document(workspace, facility, size):
    batch_id = sign_batch(workspace.db, make_records(workspace.db, size, seed=size), facility)
    body = submission_body(workspace.db, batch_id)
    assert body == _expected(workspace, batch_id)
    parsed = json.loads(body)
    assert [r["leaf_index"] for r in parsed["records"]] == list(range(size))
    leaves = load_leaves(workspace.db, batch_id)
    assert [leaf.leaf_index for leaf in leaves] == list(range(size))
    assert all(leaf.record_key == leaf.attestation["record_key"] for leaf in leaves)


def test_unknown_batch_is_refused(workspace):
    with pytest.raises(LookupError):
        submission_body(workspace.db, "no-such-batch")


@pytest.mark.parametrize("stored", ['{"a": 1}', '[1, 2]', "[null]", "not json"])
def test_a_proof_that_is_not_a_list_of_hashes_is_refused_not_sent(stored):
    with pytest.raises(ValueError):
        _proof_text(stored)


def test_a_proof_is_written_compactly_whatever_its_stored_spacing():
    assert _proof_text('["ab", "cd"]') == _proof_text(["ab", "cd"]) == '["ab","cd"]'
