"""The quick "exactly as signed" decision never accepts what the field-by-field comparison refuses."""

from __future__ import annotations

import copy
import random

from desktop.sync.verify import _exactly_as_signed, _field_mismatches, content_mismatches

ATTESTATION = {
    "person": {"name": "Nguyễn Văn An", "dob": "1980-02-14", "id": "001080000001"},
    "vaccination": {"mp": "EU/1/20/1528", "ma": "ORG-100030215", "vp": "1119349007", "dn": 1, "sd": 2,
                    "dt": "2021-09-15", "tg": "840539006"},
}
UVCI = "URN:UVCI:01:VN:ABCDEF0123456789#X"


def _dcc() -> dict:
    return {"ver": "1.3.0", "nam": {"fn": "Nguyễn", "fnt": "NGUYEN", "gn": "Văn An", "gnt": "VAN<AN"},
            "dob": "1980-02-14",
            "v": [{"tg": "840539006", "vp": "1119349007", "mp": "EU/1/20/1528", "ma": "ORG-100030215", "dn": 1,
                   "sd": 2, "dt": "2021-09-15", "co": "VN", "is": "Ministry of Health of Viet Nam", "ci": UVCI}]}


ODD_VALUES = [None, "", 0, 1, 2, True, False, 1.0, "1", "2", [], {}, [1], {"a": 1}, "Nguyễn", "Văn An",
              "Nguyễn Văn An", "1980-02-14", "2021-09-15", "EU/1/20/1528", "ORG-100030215", "1119349007", UVCI,
              "Nguye\u0302\u0303n", "URN:UVCI:01:VN:OTHER"]


def _mutate(rng: random.Random, dcc: dict, attestation: dict) -> None:
    target = rng.choice(["nam", "dob", "v", "entry", "person", "vaccination", "drop"])
    value = rng.choice(ODD_VALUES)
    if target == "nam":
        if isinstance(dcc.get("nam"), dict):
            dcc["nam"][rng.choice(["fn", "gn"])] = value
    elif target == "dob":
        dcc["dob"] = value
    elif target == "v":
        current = dcc.get("v") if isinstance(dcc.get("v"), list) else []
        dcc["v"] = rng.choice([[], None, "x", [None], [{}], current * 2])
    elif target == "entry":
        if isinstance(dcc.get("v"), list) and dcc["v"] and isinstance(dcc["v"][0], dict):
            dcc["v"][0][rng.choice(["mp", "ma", "vp", "dn", "sd", "dt", "ci"])] = value
    elif target == "person":
        attestation["person"][rng.choice(["name", "dob"])] = value
    elif target == "vaccination":
        attestation["vaccination"][rng.choice(["mp", "ma", "vp", "dn", "sd", "dt"])] = value
    else:
        where = rng.choice([dcc, attestation["person"], attestation["vaccination"]])
        if where:
            where.pop(rng.choice(sorted(where)))


def test_the_untouched_certificate_takes_the_quick_path():
    assert _exactly_as_signed(_dcc(), UVCI, ATTESTATION["person"], ATTESTATION["vaccination"])
    assert content_mismatches(_dcc(), UVCI, ATTESTATION) == []


def test_quick_acceptance_implies_the_full_comparison_finds_nothing():
    rng = random.Random(20261203)
    quick = slow = 0
    for _ in range(5000):
        dcc, attestation = _dcc(), copy.deepcopy(ATTESTATION)
        for _ in range(rng.randint(1, 3)):
            _mutate(rng, dcc, attestation)
        person, vaccination = attestation.get("person") or {}, attestation.get("vaccination") or {}
        full = _field_mismatches(dcc, UVCI, person, vaccination)
        if _exactly_as_signed(dcc, UVCI, person, vaccination):
            quick += 1
            assert full == [], (dcc, attestation)
        else:
            slow += 1
        assert content_mismatches(dcc, UVCI, attestation) == full
    assert quick > 50 and slow > 2500  # both paths were exercised


def test_a_bool_dose_number_or_a_text_date_of_another_form_is_not_taken_quickly():
    dcc = _dcc()
    dcc["v"][0]["dn"] = True
    assert not _exactly_as_signed(dcc, UVCI, ATTESTATION["person"], {**ATTESTATION["vaccination"], "dn": 1})
    assert [m.field for m in content_mismatches(dcc, UVCI, ATTESTATION)] == ["v[0].dn"]
