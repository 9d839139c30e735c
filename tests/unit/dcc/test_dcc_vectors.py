"""All 38 official EU DCC test vectors (../shared/dcc/testdata/common), step by step.

Each vector names the steps it tests in EXPECTEDRESULTS (true: the step must pass, false: it
must fail). A step passes when the decoding steps up to it succeeded and it reported no error of
its own; each vector is verified with its own TESTCTX.CERTIFICATE as the only trusted key, at its
TESTCTX.VALIDATIONCLOCK.
"""

from __future__ import annotations

import base64
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.dcc.errors import CertificateUnreadable
from desktop.dcc.hc1 import VerificationResult, _unwrap, decode_hc1, verify_hc1
from desktop.dcc.qr import read_qr_text
from desktop.dcc.trustlist import TrustList
from desktop.errors import UserError
from tests.unit.dcc.conftest import VECTORS_DIR, load_vector

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
OTHER_KEYS = {"EXPECTEDVALIDJSON", "EXPECTEDPICTUREDECODE"}


def _cases() -> list[Any]:
    files = sorted(VECTORS_DIR.glob("*.json")) if VECTORS_DIR.is_dir() else []
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
    return verify_hc1(vector.get("PREFIX", ""), trust_list, now=datetime.fromisoformat(context["VALIDATIONCLOCK"]))


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
        assert (decode_hc1(vector["PREFIX"]).dcc == vector["JSON"]) is expected
    elif key == "EXPECTEDPICTUREDECODE":
        _check_picture(vector, expected)
    else:
        pytest.fail(f"unknown expectation {key}: the test must learn it")


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
