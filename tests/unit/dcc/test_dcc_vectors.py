"""All 38 official EU DCC test vectors (../shared/dcc/testdata/common), step by step.

Each vector names the steps it tests in EXPECTEDRESULTS (true: the step must pass, false: it
must fail), and every key is judged: a key this test does not know fails it. A step passes when
the decoding steps up to it succeeded and it reported no error of its own; each vector is
verified with its own TESTCTX.CERTIFICATE as the only trusted key, at its
TESTCTX.VALIDATIONCLOCK (a clock without an offset is UTC). Documents are compared with
date-times as instants ("2021-05-03T18:00:00Z" equals "2021-05-03T18:00:00+00:00").

More vectors (the member states' folders of the public EU test data) run when
``VAXDESK_DCC_VECTORS`` names a folder holding them.
"""

from __future__ import annotations

import base64
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cbor2
import pytest

from desktop.dcc.errors import CertificateUnreadable
from desktop.dcc.hc1 import VerificationResult, _unwrap, decode_hc1, verify_hc1
from desktop.dcc.qr import read_qr_text
from desktop.dcc.trustlist import TrustList
from desktop.dcc.validate import schema_problems
from desktop.errors import UserError
from tests.unit.dcc.conftest import VECTORS_DIR, load_vector, vectors_or_skip

DECODING_STEPS = ["unprefix", "base45", "decompress", "decode"]
STEP_OF_KEY = {
    "EXPECTEDUNPREFIX": "unprefix",
    "EXPECTEDB45DECODE": "base45",
    "EXPECTEDCOMPRESSION": "decompress",
    "EXPECTEDDECODE": "decode",
    "EXPECTEDVERIFY": "verify",
    "EXPECTEDKEYUSAGE": "key_usage",
    "EXPECTEDEXPIRATIONCHECK": "expiration",
    "EXPECTEDSCHEMAVALIDATION": "schema",
}
OTHER_KEYS = {"EXPECTEDVALIDJSON", "EXPECTEDPICTUREDECODE", "EXPECTEDVALIDOBJECT", "EXPECTEDENCODE"}


def _vector_files() -> list[Path]:
    files = sorted(VECTORS_DIR.glob("*.json")) if VECTORS_DIR.is_dir() else []
    extra = os.environ.get("VAXDESK_DCC_VECTORS")
    if extra and Path(extra).is_dir():
        files += sorted(Path(extra).rglob("*.json"))
    return [f for f in files if isinstance(load_vector(f), dict) and "EXPECTEDRESULTS" in load_vector(f)]


def _cases() -> list[Any]:
    files = _vector_files()
    if not files:
        return [pytest.param(None, None, marks=pytest.mark.skip(
            reason=f"official DCC test vectors not found in {VECTORS_DIR} (../shared beside the project)"))]
    return [pytest.param(path, key, id=f"{path.stem}-{key}")
            for path in files for key in load_vector(path)["EXPECTEDRESULTS"]]


def test_all_38_vectors_are_present():
    files = sorted(VECTORS_DIR.glob("*.json")) if VECTORS_DIR.is_dir() else []
    if not files:
        pytest.skip(f"official DCC test vectors not found in {VECTORS_DIR}")
    assert len(files) == 38


def _verify(vector: dict[str, Any]) -> VerificationResult:
    context = vector["TESTCTX"]
    trust_list = TrustList()
    trust_list.add_certificate(base64.b64decode(context["CERTIFICATE"]))
    return verify_hc1(vector.get("PREFIX", ""), trust_list, now=_clock(context.get("VALIDATIONCLOCK")))


def _clock(text: str | None) -> datetime | None:
    """The vector's clock; without an offset it is UTC (verify_hc1 reads it so too)."""
    return datetime.fromisoformat(text) if text else None


def _instant(text: str) -> datetime | None:
    if len(text) < 20 or text[10] not in "Tt":
        return None
    try:
        moment = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def same_document(a: Any, b: Any) -> bool:
    """Equal JSON documents, date-times compared as instants."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_document(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_document(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, str) and isinstance(b, str) and a != b:
        left, right = _instant(a), _instant(b)
        return left is not None and right is not None and left == right
    return type(a) is type(b) and a == b


def _payload_of(cbor_hex: str) -> Any:
    """The DCC in a vector's CBOR field (the DCC itself, or a CWT holding it under -260/1)."""
    item = cbor2.loads(bytes.fromhex(cbor_hex))
    if isinstance(item, dict) and isinstance(item.get(-260), dict):
        return item[-260].get(1)
    return item


def _step_passed(result: VerificationResult, step: str) -> bool:
    failed = result.failed_steps()
    if step in DECODING_STEPS:
        return not failed & set(DECODING_STEPS[: DECODING_STEPS.index(step) + 1])
    return not failed & {*DECODING_STEPS, step}


@pytest.mark.parametrize(("path", "key"), _cases())
def test_vector_step(path: Path, key: str):
    vector = load_vector(path)
    expected = vector["EXPECTEDRESULTS"][key]
    if key in STEP_OF_KEY:
        result = _verify(vector)
        assert _step_passed(result, STEP_OF_KEY[key]) is expected, [p.as_dict() for p in result.problems]
    elif key == "EXPECTEDVALIDJSON":
        assert _valid_json(vector) is expected
    elif key == "EXPECTEDVALIDOBJECT":
        assert _valid_object(vector) is expected
    elif key == "EXPECTEDENCODE":
        assert _encodes(vector) is expected
    elif key == "EXPECTEDPICTUREDECODE":
        _check_picture(vector, expected)
    else:
        pytest.fail(f"unknown expectation {key}: the test must learn it")


def _valid_json(vector: dict[str, Any]) -> bool:
    """The payload read from the HC1 text is the vector's JSON."""
    try:
        return same_document(decode_hc1(vector["PREFIX"]).dcc, vector.get("JSON"))
    except CertificateUnreadable:
        return False


def _valid_object(vector: dict[str, Any]) -> bool:
    """The vector's JSON object passes the schema (read as a verifier reads it)."""
    if not isinstance(vector.get("JSON"), dict):
        return False
    return not [p for p in schema_problems(vector["JSON"], tolerant=True) if p.severity == "error"]


def _encodes(vector: dict[str, Any]) -> bool:
    """The vector's JSON, encoded as CBOR, is the document its CBOR field holds."""
    if "JSON" not in vector or "CBOR" not in vector:
        return False
    try:
        ours = cbor2.loads(cbor2.dumps(vector["JSON"]))
        theirs = _payload_of(vector["CBOR"])
    except (ValueError, cbor2.CBORError):
        return False
    return same_document(ours, theirs)


def _check_picture(vector: dict[str, Any], expected: bool) -> None:
    if "2DCODE" not in vector:
        pytest.skip("the vector has no 2DCODE picture to decode")
    picture = base64.b64decode(vector["2DCODE"])
    if expected:
        assert read_qr_text(picture) == vector["PREFIX"]
    else:
        with pytest.raises(UserError):
            read_qr_text(picture)


@pytest.mark.parametrize(("path", "key"), [c for c in _cases() if c.values[1] in (None, "EXPECTEDCOMPRESSION")])
def test_intermediate_forms_match(path: Path, key: str):
    """Where a vector publishes the COSE bytes and decompression must succeed, ours are identical."""
    vector = load_vector(path)
    if not vector["EXPECTEDRESULTS"][key] or "COSE" not in vector:
        pytest.skip("no successful decompression to compare")
    assert _unwrap(vector["PREFIX"]).hex() == vector["COSE"].lower()


def test_failed_decoding_names_the_step():
    files = sorted(VECTORS_DIR.glob("*.json")) if VECTORS_DIR.is_dir() else []
    if not files:
        pytest.skip(f"official DCC test vectors not found in {VECTORS_DIR}")
    expected_codes = {"H1": "prefix", "H2": "prefix", "H3": "prefix", "B1": "base45", "Z1": "zlib", "Z2": "zlib"}
    for stem, code in expected_codes.items():
        with pytest.raises(CertificateUnreadable) as caught:
            decode_hc1(load_vector(VECTORS_DIR / f"{stem}.json")["PREFIX"])
        assert caught.value.problem.code == code, stem


def test_precise_codes_for_signature_vectors():
    files = sorted(VECTORS_DIR.glob("*.json")) if VECTORS_DIR.is_dir() else []
    if not files:
        pytest.skip(f"official DCC test vectors not found in {VECTORS_DIR}")
    expected = {"CO5": "signature", "CO22": "unknown_kid", "CO23": "unknown_kid", "CO16": "not_yet_valid",
                "CO17": "expired", "CO6": "key_usage", "DGC2": "multiple_entries", "DGC1": "schema"}
    for stem, code in expected.items():
        result = _verify(load_vector(VECTORS_DIR / f"{stem}.json"))
        assert code in {p.code for p in result.problems}, (stem, [p.code for p in result.problems])
    for stem in ("CO1", "CO2", "CO3", "CO18", "CO19", "CO20", "CO21", "CO28"):
        result = _verify(load_vector(VECTORS_DIR / f"{stem}.json"))
        assert result.valid, (stem, [p.as_dict() for p in result.problems])


def test_documents_compare_date_times_as_instants():
    assert same_document({"sc": "2021-05-03T18:00:00Z"}, {"sc": "2021-05-03T18:00:00+00:00"})
    assert same_document({"sc": "2021-05-03T20:00:00+02:00"}, {"sc": "2021-05-03T18:00:00Z"})
    assert not same_document({"sc": "2021-05-03T18:00:01Z"}, {"sc": "2021-05-03T18:00:00Z"})
    assert not same_document({"dt": "2021-05-03"}, {"dt": "2021-05-04"})
    assert not same_document({"dn": 1}, {"dn": True})


def test_a_clock_without_an_offset_is_utc():
    vector = load_vector(vectors_or_skip()[0].parent / "CO17.json")  # expired at its clock
    naive = vector["TESTCTX"]["VALIDATIONCLOCK"].removesuffix("Z")
    trust_list = TrustList()
    trust_list.add_certificate(base64.b64decode(vector["TESTCTX"]["CERTIFICATE"]))
    with_offset = verify_hc1(vector["PREFIX"], trust_list, now=datetime.fromisoformat(naive + "+00:00"))
    without = verify_hc1(vector["PREFIX"], trust_list, now=datetime.fromisoformat(naive))
    assert [p.code for p in without.problems] == [p.code for p in with_offset.problems]
    assert "expired" in {p.code for p in without.problems}


def test_object_and_encode_expectations_are_judged():
    """EXPECTEDVALIDOBJECT and EXPECTEDENCODE (carried by the member states' vectors) can fail."""
    vector = load_vector(vectors_or_skip()[0].parent / "CO1.json")
    assert _valid_object(vector) and _encodes(vector)
    broken = {**vector, "JSON": {**vector["JSON"], "dob": "26.02.1998"}}
    assert not _valid_object(broken)
    assert not _encodes(broken)
    assert not _valid_object({k: v for k, v in vector.items() if k != "JSON"})
