"""Building a vaccination payload and the issuer's validation rules."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.dcc import DEFAULT_ISSUER, build_vaccination_dcc, validate_payload
from desktop.dcc.schema_check import jsonschema_violations
from desktop.errors import UserError
from tests.unit.dcc.conftest import sample_dcc

UVCI = "URN:UVCI:01:VN:0123456789ABCDEF0123456789ABCDEF"


def test_build_vaccination_dcc():
    dcc = build_vaccination_dcc(full_name="Nguyễn Bảo Duy", dob=date(1990, 5, 7), vaccine="Comirnaty",
                                dose_number=3, vaccination_date=date(2022, 1, 20), uvci=UVCI)
    assert dcc == {
        "ver": "1.3.0",
        "nam": {"fn": "Nguyễn", "fnt": "NGUYEN", "gn": "Bảo Duy", "gnt": "BAO<DUY"},
        "dob": "1990-05-07",
        "v": [{"tg": "840539006", "vp": "1119349007", "mp": "EU/1/20/1528", "ma": "ORG-100030215", "dn": 3,
               "sd": 3, "dt": "2022-01-20", "co": "VN", "is": DEFAULT_ISSUER, "ci": UVCI}],
    }
    assert validate_payload(dcc) == []


@pytest.mark.parametrize("dob", ["1990", "1990-05", "1990-05-07", ""])
def test_partial_dates_of_birth_are_kept(dob):
    dcc = sample_dcc(dob=dob)
    assert dcc["dob"] == dob
    assert validate_payload(dcc) == []


def test_separate_names_and_single_dose_vaccine():
    dcc = sample_dcc(full_name=None, family_name="Smith", given_name="John Paul", vaccine="J&J", dose_number=1)
    assert dcc["nam"] == {"fn": "Smith", "fnt": "SMITH", "gn": "John Paul", "gnt": "JOHN<PAUL"}
    assert (dcc["v"][0]["dn"], dcc["v"][0]["sd"]) == (1, 1)
    only_given = sample_dcc(full_name=None, given_name="Mai")
    assert only_given["nam"] == {"gn": "Mai", "gnt": "MAI"}
    assert validate_payload(only_given) == []


def test_builder_refusals():
    with pytest.raises(UserError) as caught:
        sample_dcc(vaccine="Sinovac")
    assert caught.value.code == "vaccine_unknown"
    with pytest.raises(UserError) as caught:
        sample_dcc(full_name="王小明")
    assert caught.value.code == "name_not_transliterable"
    with pytest.raises(UserError) as caught:
        sample_dcc(full_name=None, family_name=" ", given_name="")
    assert caught.value.code == "name_empty"
    with pytest.raises(ValueError):
        sample_dcc(family_name="Nguyễn")  # full_name is given too


def _codes(dcc, **kwargs) -> set[tuple[str, str | None]]:
    return {(p.code, p.path) for p in validate_payload(dcc, **kwargs)}


def test_inactive_codes_are_refused_when_issuing_only():
    dcc = sample_dcc()
    dcc["v"][0]["vp"] = "J07BX03"  # deprecated ATC code
    assert ("value_set_inactive", "v/0/vp") in _codes(dcc)
    assert _codes(dcc, issuing=False) == set()


def test_unknown_codes_are_refused_always():
    dcc = sample_dcc()
    dcc["v"][0]["co"] = "XX"
    dcc["v"][0]["tg"] = "123"
    expected = {("value_set", "v/0/co"), ("value_set", "v/0/tg")}
    assert _codes(dcc) == expected
    assert _codes(dcc, issuing=False) == expected


def test_inconsistent_vaccine_codes():
    dcc = sample_dcc()
    dcc["v"][0]["ma"] = "ORG-100031184"  # Moderna's MAH with Pfizer's product
    assert _codes(dcc) == {("vaccine_inconsistent", None)}


def test_issuer_rules():
    dcc = sample_dcc()
    dcc["v"][0]["dn"] = 2.0  # schema-valid, but CBOR would carry a float
    dcc["v"][0]["ci"] = "VN-123"
    dcc["extra"] = b"bytes"
    assert jsonschema_violations(dcc) == []
    assert _codes(dcc) == {("schema", "v/0/dn"), ("uvci", "v/0/ci"), ("schema", "extra")}


def test_vaccination_after_issue_date():
    dcc = sample_dcc(vaccination_date="2025-03-02")
    issued = datetime(2025, 3, 1, 3, 0, tzinfo=UTC)  # 10:00 in Viet Nam: still 1 March there
    assert _codes(dcc, issued_at=issued) == {("vaccination_in_future", "v/0/dt")}
    late_evening = datetime(2025, 3, 1, 17, 30, tzinfo=UTC)  # 00:30 on 2 March in Viet Nam
    assert _codes(dcc, issued_at=late_evening) == set()


def test_multiple_entries_and_missing_fields_are_explained():
    dcc = sample_dcc()
    dcc["v"] = dcc["v"] * 2
    assert ("multiple_entries", None) in _codes(dcc, issuing=False)
    assert not any(code == "schema" for code, _ in _codes(dcc, issuing=False))
    del dcc["nam"]
    del dcc["v"]
    assert _codes(dcc, issuing=False) == {("schema", "nam"), ("schema", None)}


def test_messages_are_bilingual():
    dcc = sample_dcc()
    dcc["v"][0]["mp"] = "X"
    problem = validate_payload(dcc)[0]
    assert "X" in problem.message.vi and "X" in problem.message.en
    assert problem.message.vi != problem.message.en
    assert problem.as_dict()["message"] == {"vi": problem.message.vi, "en": problem.message.en}
