"""The attestation's quick encoding writes exactly the canonical CBOR the central service re-encodes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace

import cbor2
import pytest

from desktop.signing import manifest as mf
from desktop.signing.merkle import leaf_hash, root_and_proof_texts, root_and_proofs


def _record(**changes):
    base = dict(id=41, decision=None, decision_reason=None, checked_at=datetime(2026, 11, 26, 8, 30, 5, 123456),
                id_number="001190000041", date_of_birth="1990-05-17", sex="F", full_name="Nguyễn Thị Hồng Nhung",
                id_kind="cccd", nationality="VN", facility_code="01001", dn=2, sd=2, dose_number=2,
                vaccination_date="2026-11-26", vaccine_ma="ORG-100030215", vaccine_mp="EU/1/20/1528",
                vaccine_vp="1119349007", lot="FK1234")
    base.update(changes)
    return SimpleNamespace(**base)


@pytest.mark.parametrize("changes", [
    {},
    {"decision": "accept_registry", "decision_reason": "Sổ hộ khẩu đúng"},
    {"decision": "edit", "checked_at": None, "lot": None, "nationality": None, "facility_code": ""},
    {"decision": "keep_list", "checked_at": datetime(2026, 11, 26, 15, 30, tzinfo=timezone(timedelta(hours=7)))},
    {"checked_at": datetime(2026, 11, 26, 8, 30, tzinfo=UTC), "dn": 3, "sd": 3, "dose_number": 3},
    {"full_name": "Đặng Văn Đức " * 20, "id_number": "", "sex": None, "id_kind": "passport"},
    {"lot": 1.5},  # a value of an unexpected type goes through the sorting encoder
    {"vaccine_vp": b"\x01"},
])
@pytest.mark.parametrize("supersedes", [None, "URN:UVCI:01:VN:ABC#X"])
def test_quick_encoding_equals_canonical_cbor(changes, supersedes):
    record = _record(**changes)
    expected = cbor2.dumps(mf.attestation(record, "01001", supersedes), canonical=True)
    assert mf.attestation_bytes(record, "01001", supersedes) == expected


def test_every_map_is_in_canonical_key_order():
    body = mf.attestation(_record(), "01001")

    def check(value):
        if isinstance(value, dict):
            assert list(value) == list(cbor2.loads(cbor2.dumps(value, canonical=True))), list(value)
            for inner in value.values():
                check(inner)

    check(body)


def test_times_are_written_in_utc():
    assert mf.iso_utc(datetime(2026, 11, 26, 15, 30, 1, tzinfo=timezone(timedelta(hours=7)))) == "2026-11-26T08:30:01Z"
    assert mf.iso_utc(datetime(2026, 11, 26, 8, 30, 1, 999999)) == "2026-11-26T08:30:01Z"
    assert mf.iso_utc(None) is None


@pytest.mark.parametrize("changes", [
    {},
    {"decision": "accept_registry", "decision_reason": "Sổ hộ khẩu đúng"},
    {"decision": "edit", "checked_at": None, "lot": None, "nationality": None, "facility_code": ""},
    {"decision": "reject", "decision_reason": None, "facility_code": None},
    {"full_name": "Đặng Văn Đức " * 20, "id_number": "", "sex": None, "id_kind": "passport", "dn": 3},
    {"lot": 1.5},
    {"vaccine_vp": b"\x01"},
    {"dn": True, "sd": 2.0},
])
@pytest.mark.parametrize("supersedes", [None, "URN:UVCI:01:VN:ABC#X"])
def test_attestation_from_a_plain_row_is_the_records_attestation(changes, supersedes):
    record = _record(**changes)
    values = tuple(getattr(record, name) for name in mf.ATTESTATION_COLUMNS)
    expected = cbor2.dumps(mf.attestation(record, "01001", supersedes), canonical=True)
    assert mf.attestation_bytes_of(values, mf.iso_utc(record.checked_at), "01001", supersedes) == expected


@pytest.mark.parametrize("size", [1, 2, 3, 5, 6, 7, 8, 13, 64, 100, 257, 1000])
def test_proof_column_text_is_the_json_of_each_proof(size):
    leaves = [leaf_hash(f"record {i}".encode()) for i in range(size)]
    root, proofs = root_and_proofs(leaves)
    text_root, texts = root_and_proof_texts(leaves)
    assert text_root == root
    assert texts == [json.dumps([p.hex() for p in proof], separators=(",", ":")) for proof in proofs]
