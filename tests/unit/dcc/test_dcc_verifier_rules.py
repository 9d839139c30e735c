"""The verifier's promises: a verdict for anything, within a bounded cost, judged as the reference
verifiers judge (exp inclusive, tolerant dates on reading, the test device list)."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

import cbor2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.dcc import schema_check
from desktop.dcc.cbor_scan import CborLimits, CborShapeError, check_cbor
from desktop.dcc.errors import PayloadRefused
from desktop.dcc.hc1 import encode_hc1, verify_hc1
from desktop.dcc.schema_check import is_date_time, tolerated_date
from desktop.dcc.validate import validate_payload
from tests.fuzz import adversarial as adv
from tests.unit.dcc.conftest import CHECKED_AT, EXPIRES_AT, ISSUED_AT, raw_hc1, sample_dcc


def _codes(result) -> list[str]:
    return [p.code for p in result.problems]


@pytest.mark.parametrize("name", sorted(adv.BUILDERS))
def test_hostile_input_gets_a_verdict_quickly(name, trust_list):
    text = adv.BUILDERS[name]()
    assert len(text) <= 8 * 1024
    start = time.thread_time()
    result = verify_hc1(text, trust_list, now=CHECKED_AT)
    assert time.thread_time() - start < 0.05
    assert result.valid is False  # signed with a key this trust list does not hold, or broken
    assert result.problems


def test_the_reported_hang_is_gone():
    """An unsigned code with ver = "1"*3000 + "x" used to take minutes (a backtracking pattern)."""
    text = adv.unsigned(cbor2.dumps(adv.claims_for({**adv.sample_dcc(), "ver": "1" * 3000 + "x"})))
    start = time.thread_time()
    result = verify_hc1(text, None, now=CHECKED_AT)
    assert time.thread_time() - start < 0.05
    assert "schema" in _codes(result) and not result.valid


def test_self_reference_and_bignum_are_verdicts_not_exceptions(trust_list):
    for text in (adv.self_reference(), adv.huge_integer(), adv.deep_nesting(), adv.regex_tag()):
        result = verify_hc1(text, trust_list, now=CHECKED_AT)
        assert _codes(result) == ["cbor"], _codes(result)


def test_anything_at_all_gets_a_verdict(trust_list):
    for value in (None, 42, b"HC1:", "", "HC1:" + "\x00" * 10):
        result = verify_hc1(value, trust_list, now=CHECKED_AT)  # type: ignore[arg-type]
        assert result.valid is False


def test_cbor_scan_limits():
    assert check_cbor(cbor2.dumps({"a": [1, 2, {"b": b"x"}]})) == len(cbor2.dumps({"a": [1, 2, {"b": b"x"}]}))
    for bad, words in [(b"\x81" * 20 + b"\x00", "deeper"), (b"\xd8\x1c\x80", "tag 28"), (b"\x9b" + b"\xff" * 8, "items"),
                       (b"\xc2\x49" + b"\x01" * 9, "bignum"), (b"\x5f\x5f\xff\xff", "indefinite"), (b"\xff", "break"),
                       (b"\x1c", "reserved"), (b"\x62a", "past the end")]:
        with pytest.raises(CborShapeError, match=words):
            check_cbor(bad, CborLimits(max_items=100, max_depth=16))


def test_valid_at_the_exp_instant_and_not_a_second_later(es256_key, trust_list):
    text = raw_hc1(sample_dcc(), es256_key.signer())
    assert verify_hc1(text, trust_list, now=EXPIRES_AT).valid
    assert _codes(verify_hc1(text, trust_list, now=EXPIRES_AT + timedelta(seconds=1))) == ["expired"]


def test_a_clock_without_offset_is_utc(es256_key, trust_list):
    text = raw_hc1(sample_dcc(), es256_key.signer())
    naive = EXPIRES_AT.replace(tzinfo=None)
    assert verify_hc1(text, trust_list, now=naive).valid
    assert _codes(verify_hc1(text, trust_list, now=naive + timedelta(seconds=1))) == ["expired"]


@pytest.mark.parametrize("written", ["2021-09-15T00:00:00Z", "2021-09-15T00:00:00", "2021-09-15T10:20:30.5+07:00"])
def test_date_time_in_a_date_field_is_read_and_reported(es256_key, trust_list, written):
    dcc = sample_dcc()
    dcc["v"][0]["dt"] = written
    result = verify_hc1(raw_hc1(dcc, es256_key.signer()), trust_list, now=CHECKED_AT)
    assert result.valid, [p.as_dict() for p in result.problems]
    tolerated = [p for p in result.problems if p.code == "date_tolerated"]
    assert len(tolerated) == 1 and tolerated[0].severity == "warning" and tolerated[0].path == "v/0/dt"
    assert tolerated[0].details == {"tolerance": "date-time read as date", "value": written}


def test_recovery_dates_are_tolerated_too(es256_key, trust_list):
    dcc = _recovery()
    dcc["r"][0].update(fr="2021-08-01T00:00:00Z", df="2021-08-10T00:00:00Z", du="2022-01-01T00:00:00Z")
    result = verify_hc1(raw_hc1(dcc, es256_key.signer()), trust_list, now=CHECKED_AT)
    assert result.valid
    assert sorted(p.path for p in result.problems if p.code == "date_tolerated") == ["r/0/df", "r/0/du", "r/0/fr"]


def test_issuing_stays_strict(es256_key):
    dcc = sample_dcc()
    dcc["v"][0]["dt"] = "2021-09-15T00:00:00Z"
    assert "schema" in {p.code for p in validate_payload(dcc, issuing=True)}
    with pytest.raises(PayloadRefused):
        encode_hc1(dcc, es256_key.signer(), ISSUED_AT, EXPIRES_AT)


def test_garbage_in_a_date_field_is_still_an_error(es256_key, trust_list):
    for written in ("2021-09-15T25:00:00Z", "2021-09-15 00:00:00", "15.09.2021", "2021-09-15T00:00"):
        dcc = sample_dcc()
        dcc["v"][0]["dt"] = written
        result = verify_hc1(raw_hc1(dcc, es256_key.signer()), trust_list, now=CHECKED_AT)
        assert not result.valid and "schema" in _codes(result), written


def test_rapid_test_device_must_be_in_the_value_set(es256_key, trust_list):
    good = verify_hc1(raw_hc1(_rapid_test("1232"), es256_key.signer()), trust_list, now=CHECKED_AT)
    assert good.valid, [p.as_dict() for p in good.problems]
    bad = verify_hc1(raw_hc1(_rapid_test("9999999"), es256_key.signer()), trust_list, now=CHECKED_AT)
    assert not bad.valid
    assert [(p.code, p.path) for p in bad.problems if p.severity == "error"] == [("value_set", "t/0/ma")]


def test_date_time_format_checks():
    assert is_date_time("2021-05-03T18:00:00Z") and is_date_time("2021-05-03t18:00:00.123+02:00")
    assert not is_date_time("2021-05-03T18:00:00") and not is_date_time("2021-05-03T18:00:00.Z")
    assert tolerated_date("2021-05-03T18:00:00") == "2021-05-03"
    assert tolerated_date("2021-05-03") is None and tolerated_date("2021-02-30T00:00:00Z") is None


def test_huge_integers_in_a_payload_make_messages_not_crashes():
    dcc = sample_dcc()
    dcc["v"][0]["dn"] = -(10 ** 5000)
    dcc["v"][0]["ci"] = 10 ** 5000
    problems = validate_payload(dcc, issuing=False)
    assert [p.path for p in problems] == ["v/0/dn", "v/0/ci"]
    assert all(str(p.message) and p.as_dict() for p in problems)
    assert all(str(p.message) for p in validate_payload(dcc, issuing=True))


def _rapid_test(device: str) -> dict:
    dcc = sample_dcc()
    del dcc["v"]
    dcc["t"] = [{"tg": "840539006", "tt": "LP217198-3", "ma": device, "sc": "2025-03-20T08:00:00Z",
                 "tr": "260415000", "tc": "Bệnh viện Bạch Mai", "co": "VN", "is": "Ministry of Health of Viet Nam",
                 "ci": "URN:UVCI:01:VN:TEST0000001"}]
    return dcc


def _recovery() -> dict:
    dcc = sample_dcc()
    del dcc["v"]
    dcc["r"] = [{"tg": "840539006", "fr": "2021-08-01", "co": "VN", "is": "Ministry of Health of Viet Nam",
                 "df": "2021-08-10", "du": "2022-01-01", "ci": "URN:UVCI:01:VN:RECOVERY0001"}]
    return dcc


def test_recovery_and_test_certificates_verify(es256_key, trust_list):
    for dcc in (_recovery(), _rapid_test("1232")):
        result = verify_hc1(raw_hc1(dcc, es256_key.signer()), trust_list, now=datetime(2025, 4, 1, tzinfo=UTC))
        assert result.valid, [p.as_dict() for p in result.problems]


_PATTERN_TEXT = st.text(alphabet="0123456789.-x\nAZ<a \u0661\u00b2", max_size=14)


@settings(max_examples=300, deadline=None, database=None)
@given(_PATTERN_TEXT)
def test_hand_written_patterns_answer_as_the_schema_patterns(value):
    """Each linear check gives exactly ``re.search(schema pattern, value)``."""
    for pattern in (schema_check._VER, schema_check._DOB, schema_check._COUNTRY, schema_check._STANDARDISED_NAME):
        assert pattern.search(value) == bool(re.search(pattern.pattern, value)), (pattern.pattern, value)


def test_patterns_take_linear_time():
    start = time.thread_time()
    for pattern in (schema_check._VER, schema_check._DOB, schema_check._COUNTRY, schema_check._STANDARDISED_NAME):
        for value in ("1" * 60_000 + "x", "1." * 30_000, "<" * 60_000 + "a", "19" * 30_000 + "\n"):
            pattern.search(value)
    assert time.thread_time() - start < 0.05


@pytest.mark.parametrize("encoded", ["bf616101ff", "9f019fff02ff", "7f61616162ff", "a161769fbf62646e01ffff",
                                     "c11a60000000", "c2480000000000000000", "f93c00", "d903ec6a323032312d30352d3031"])
def test_cbor_scan_accepts_what_issuers_write(encoded):
    """Indefinite lengths, date tags, small bignums, half floats: well-formed, so read."""
    data = bytes.fromhex(encoded)
    assert check_cbor(data) == len(data)
