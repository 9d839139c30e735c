"""The fast schema check reports exactly what jsonschema reports, on thousands of payloads.

Equivalence means the same multiset of (path, keyword) findings, not only the same verdict, for
the official vectors' payloads and for systematic mutants of a vaccination, a test and a
recovery payload (every field deleted, every field and container replaced by values of every
JSON type and by edge-case strings, groups combined).
"""

from __future__ import annotations

import copy
import hashlib
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.dcc._resources import resources_dir
from desktop.dcc.errors import CertificateUnreadable
from desktop.dcc.hc1 import decode_hc1
from desktop.dcc.schema_check import (
    FAST_CHECK_SCHEMA_SHA256,
    fast_check_applies,
    fast_violations,
    is_date,
    is_date_time,
    jsonschema_violations,
)
from desktop.dcc.validate import schema_problems
from tests.unit.dcc.conftest import VECTORS_DIR, load_vector, sample_dcc

VACCINATION = sample_dcc()
TEST = {
    "ver": "1.3.0", "nam": {"fn": "Trần", "fnt": "TRAN", "gn": "Văn An", "gnt": "VAN<AN"}, "dob": "1985",
    "t": [{"tg": "840539006", "tt": "LP6464-4", "nm": "Roche LightCycler qPCR", "sc": "2021-02-20T12:34:56Z",
           "tr": "260415000", "tc": "Bệnh viện Bạch Mai", "co": "VN", "is": "Bộ Y tế", "ci": "URN:UVCI:01:VN:ABC"}],
}
RECOVERY = {
    "ver": "1.3.0", "nam": {"gnt": "AN"}, "dob": "",
    "r": [{"tg": "840539006", "fr": "2021-02-20", "co": "VN", "is": "Bộ Y tế", "df": "2021-03-01",
           "du": "2021-08-01", "ci": "URN:UVCI:01:VN:DEF"}],
}

SAMPLE_VALUES: list[Any] = [
    None, True, False, 0, 1, 2, -1, 1.0, 2.0, 0.5, -1.5, "", "x", "X" * 80, "X" * 81, "ABC<DEF", "abc", "Đức",
    "1.3.0", "1.3.0\n", "1x3y0", "\u0661.\u0663.\u0660", "1990", "1990-05", "1990-05-07", "1899-01-01", "2090-13-45",
    "2021-02-29", "2020-02-29", "2021-02-20T12:34:56Z", "2021-02-20t12:34:56z", "2021-02-20T12:34:56.123+07:00",
    "2021-02-20T24:00:00Z", "2021-02-20T12:34:56", "2021-02-20 12:34:56Z", "2021-02-20T12:34:56+24:00", "AT",
    "at", "ATX", "A1", [], [{}], [1], [VACCINATION["v"][0]], {}, {"fnt": "X"}, {"gn": 3},
]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _replace(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return copy.deepcopy(value)
    out = copy.deepcopy(document)
    parent = out
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = copy.deepcopy(value)
    return out


def _delete(document: Any, path: tuple[Any, ...]) -> Any:
    out = copy.deepcopy(document)
    parent = out
    for part in path[:-1]:
        parent = parent[part]
    del parent[path[-1]]
    return out


def mutants(base: dict[str, Any]) -> Iterator[Any]:
    yield base
    for path in _paths(base):
        if path:
            yield _delete(base, path)
        for value in SAMPLE_VALUES:
            yield _replace(base, path, value)
    for other in (VACCINATION, TEST, RECOVERY):  # several groups, several entries, empty groups
        for key in ("v", "t", "r"):
            if key in other:
                yield {**base, key: other[key]}
                yield {**base, key: other[key] * 2}
                yield {**base, key: []}
    yield {key: value for key, value in base.items() if key not in ("v", "t", "r")}


def _vector_payloads() -> list[Any]:
    payloads = []
    for path in sorted(VECTORS_DIR.glob("*.json")) if VECTORS_DIR.is_dir() else []:
        vector = load_vector(path)
        if "JSON" in vector:
            payloads.append(vector["JSON"])
        try:
            payloads.append(decode_hc1(vector.get("PREFIX", "")).dcc)
        except CertificateUnreadable:
            pass
    return payloads


def _findings(violations: list[Any]) -> Counter[tuple[Any, ...]]:
    return Counter((v.path, v.keyword) for v in violations)


def test_schema_file_is_the_one_the_fast_check_was_proven_for():
    digest = hashlib.sha256(resources_dir().joinpath("dcc", "DCC.combined-schema.json").read_bytes()).hexdigest()
    assert digest == FAST_CHECK_SCHEMA_SHA256, "schema changed: review schema_check.fast_violations, then the digest"
    assert fast_check_applies()


@pytest.mark.parametrize("base", [VACCINATION, TEST, RECOVERY], ids=["vaccination", "test", "recovery"])
def test_fast_check_equals_jsonschema_on_mutants(base):
    checked = 0
    for payload in mutants(base):
        assert _findings(fast_violations(payload)) == _findings(jsonschema_violations(payload)), payload
        checked += 1
    assert checked > 500


def test_fast_check_equals_jsonschema_on_official_vectors():
    payloads = _vector_payloads()
    if not payloads:
        pytest.skip(f"official DCC test vectors not found in {VECTORS_DIR}")
    for payload in payloads:
        assert _findings(fast_violations(payload)) == _findings(jsonschema_violations(payload)), payload


def test_both_engines_give_the_same_problems():
    payload = _replace(_delete(VACCINATION, ("v", 0, "ci")), ("v", 0, "dn"), 0)
    fast = [(p.code, p.path) for p in schema_problems(payload, engine="fast")]
    reference = [(p.code, p.path) for p in schema_problems(payload, engine="jsonschema")]
    assert sorted(fast, key=str) == sorted(reference, key=str)
    assert set(fast) == {("schema", "v/0"), ("schema", "v/0/dn")}


@pytest.mark.parametrize(("text", "ok"), [
    ("2021-02-28", True), ("2020-02-29", True), ("2021-02-29", False), ("2021-2-28", False),
    ("20210228", False), ("2021-02-28T00:00:00Z", False), ("２０２１-02-28", False),
])
def test_date_format(text, ok):
    assert is_date(text) is ok


@pytest.mark.parametrize(("text", "ok"), [
    ("2021-02-20T12:34:56Z", True), ("2021-02-20T12:34:56.5+07:00", True), ("2021-02-20t12:34:56z", True),
    ("2021-02-20T12:34:56", False), ("2021-02-20T25:00:00Z", False), ("2021-02-30T12:00:00Z", False),
    ("2021-02-20T12:34:56+7:00", False),
])
def test_date_time_format(text, ok):
    assert is_date_time(text) is ok
