"""The countersigning fast path refuses exactly what the full check refuses.

``countersign`` skips ``validate_payload`` for a payload ``IssuingCheck`` vouches for. These
tests feed every kind of bad record through it and compare each outcome with the full path
(build, ``check_payload``, then ``encode_hc1`` validating again), and check on thousands of random
mutations that the quick check never vouches for a payload the full check refuses.
"""

from __future__ import annotations

import copy
import random
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from desktop.dcc.cose import KeySigner
from desktop.dcc.hc1 import decode_hc1, encode_hc1
from desktop.dcc.problems import errors
from desktop.dcc.uvci import new_uvci
from desktop.dcc.validate import IssuingCheck, validate_payload
from services.central import batches as B
from services.central.issuing import ISSUER_COUNTRY, Item, Job, _wire, countersign
from services.central.reasons import Rejection

ISSUER_TEXT = "Bộ Y tế (Ministry of Health, Viet Nam)"
NOW = datetime(2021, 10, 1, 12, tzinfo=UTC)
IAT = int(NOW.timestamp())
EXP = IAT + 365 * 86400


@pytest.fixture(scope="module")
def signer() -> KeySigner:
    return KeySigner(ec.generate_private_key(ec.SECP256R1()), kid=b"\x01\x02\x03\x04\x05\x06\x07\x08")


def good_person() -> dict:
    return {"name": "Nguyễn Thị Hồng Nhung", "dob": "1990-05-17", "id": "001190012345"}


def good_vaccination() -> dict:
    return {"tg": "840539006", "vp": "1119349007", "mp": "EU/1/20/1528", "ma": "ORG-100030215", "dn": 1, "sd": 2,
            "dt": "2021-09-01", "country": "VN"}


def full_path(signer: KeySigner, item: Item, issuer_text: str = ISSUER_TEXT) -> tuple:
    """The outcome without the fast path: build, the full check, and the encoder's own validation."""
    try:
        dcc = B.build_payload(item.person, item.vaccination, item.uvci, issuer_text)
        B.check_payload(dcc, NOW)
        return ("issued", encode_hc1(dcc, signer, IAT, EXP, ISSUER_COUNTRY))
    except Rejection as rej:
        return ("rejected", rej.code, rej.message.as_dict(), rej.details)


_LONG = "A" * 81
BAD_PERSONS = {
    "name_not_latin": {"name": "王 小明"},
    "name_only_marks": {"name": "' '"},
    "family_name_too_long": {"name": "Nguyễn" + "n" * 80 + " An"},
    "given_name_too_long": {"name": "Nguyễn " + "Hoa " * 25},
    "dob_wrong_century": {"dob": "1890-05-17"},
    "dob_slashes": {"dob": "17/05/1990"},
    "dob_unicode_digits": {"dob": "١٩٩٠-05-17"},
    "dob_inner_newline": {"dob": "1990\n-05"},
    "dob_short_month": {"dob": "1990-5"},
    "dob_time": {"dob": "1990-05-17T00:00:00"},
}
BAD_VACCINATIONS = {
    "unknown_product": {"mp": "EU/1/99/0000"},
    "unknown_prophylaxis": {"vp": "0000"},
    "unknown_manufacturer": {"ma": "ORG-000"},
    "unknown_disease": {"tg": "1234"},
    "inactive_product": {"mp": "Inactivated-SARS-CoV-2-Vero-Cell"},
    "inconsistent_vaccine": {"ma": "ORG-100001699"},
    "lower_case_product": {"mp": "eu/1/20/1528"},
    "unknown_country": {"country": "XX"},
    "lower_case_country": {"country": "vn"},
    "dose_zero": {"dn": 0},
    "dose_negative": {"dn": -1},
    "series_zero": {"sd": 0},
    "dose_bool": {"dn": True},
    "dose_float": {"dn": 1.0},
    "dose_text": {"sd": "2"},
    "dose_none": {"dn": None},
    "future_vaccination": {"dt": "2021-10-03"},
    "impossible_date": {"dt": "2021-02-30"},
    "date_time_vaccination": {"dt": "2021-09-01T10:00:00Z"},
    "unicode_digit_date": {"dt": "２０２１-09-01"},
    "empty_date": {"dt": ""},
    "date_not_text": {"dt": 20210901},
    "code_not_text": {"tg": 840539006},
    "code_list": {"vp": ["1119349007"]},
    "code_bytes": {"ma": b"ORG-100030215"},
}


def bad_items() -> list[tuple[str, Item]]:
    items = []
    for label, change in BAD_PERSONS.items():
        items.append((label, Item({**good_person(), **change}, good_vaccination(), new_uvci())))
    for label, change in BAD_VACCINATIONS.items():
        items.append((label, Item(good_person(), {**good_vaccination(), **change}, new_uvci())))
    uvci = new_uvci()
    wrong_check = uvci[:-1] + ("A" if uvci[-1] != "A" else "B")
    for label, bad_uvci in (("uvci_wrong_check_character", wrong_check), ("uvci_lower_case", uvci.lower()),
                            ("uvci_too_long", "URN:UVCI:01:VN:" + "A" * 70), ("uvci_empty", ""),
                            ("uvci_wrong_version", uvci.replace(":01:", ":02:"))):
        items.append((label, Item(good_person(), good_vaccination(), bad_uvci)))
    return items


@pytest.mark.parametrize("label,item", bad_items(), ids=[label for label, _ in bad_items()])
def test_every_bad_record_gets_the_full_checks_refusal(signer, label, item):
    fast = countersign(signer, Job([item], IAT, EXP, ISSUER_TEXT))[0]
    slow = full_path(signer, item)
    assert fast[0] == slow[0] == "rejected", (label, fast, slow)
    assert fast == slow
    try:
        dcc = B.build_payload(item.person, item.vaccination, item.uvci, ISSUER_TEXT)
    except Rejection:
        return  # refused while building, before any check
    assert not IssuingCheck(NOW).surely_valid(dcc)


def test_an_issuer_text_over_80_characters_is_refused_by_both_paths(signer):
    item = Item(good_person(), good_vaccination(), new_uvci())
    fast = countersign(signer, Job([item], IAT, EXP, _LONG))[0]
    assert fast == full_path(signer, item, _LONG) and fast[0] == "rejected" and fast[1] == "schema"


def test_a_mixed_batch_keeps_order_and_refusals(signer):
    items = [Item(good_person(), good_vaccination(), new_uvci()) for _ in range(3)]
    bad = [item for _, item in bad_items()]
    mixed = [items[0], *bad[:10], items[1], *bad[10:], items[2]]
    fast = countersign(signer, Job(mixed, IAT, EXP, ISSUER_TEXT))
    for item, outcome in zip(mixed, fast, strict=True):
        slow = full_path(signer, item)
        if slow[0] == "issued":
            # ES256 signatures are randomised: the certificates must say the same thing
            assert outcome[0] == "issued" and decode_hc1(outcome[1]).claims == decode_hc1(slow[1]).claims
        else:
            assert outcome == slow
    assert [o[0] for o in fast].count("issued") == 3


def test_a_batch_as_the_workers_receive_it_has_the_same_outcomes(signer):
    """``_wire`` flattens each item for the worker processes: the outcomes must not change."""
    items = [Item(good_person(), good_vaccination(), new_uvci()) for _ in range(3)]
    bad = [item for _, item in bad_items()]
    mixed = [items[0], *bad[:10], items[1], *bad[10:], items[2]]
    wired = [_wire(item) for item in mixed]
    assert sum(type(w) is tuple for w in wired) >= 3
    for item, outcome, direct in zip(mixed, countersign(signer, Job(wired, IAT, EXP, ISSUER_TEXT)),
                                     countersign(signer, Job(mixed, IAT, EXP, ISSUER_TEXT)), strict=True):
        assert outcome[0] == direct[0]
        if outcome[0] == "issued":
            assert decode_hc1(outcome[1]).claims == decode_hc1(direct[1]).claims
        else:
            assert outcome == direct == full_path(signer, item)


def test_good_records_take_the_fast_path(signer):
    check = IssuingCheck(NOW)
    dcc = B.build_payload(good_person(), good_vaccination(), new_uvci(), ISSUER_TEXT)
    assert check.surely_valid(dcc)
    assert errors(validate_payload(dcc, issuing=True, issued_at=NOW)) == []
    # a vaccination dated within the latest time zone's "today" is still fine
    dcc["v"][0]["dt"] = (NOW + timedelta(hours=14)).date().isoformat()
    assert IssuingCheck(NOW).surely_valid(dcc)


# Values that break one rule or another, and some that are fine.
_TRICKY = [None, True, False, 0, -1, 1, 2, 9, 2**31, 2**70, 1.0, 1.5, "", " ", "\n", "A", "a", "VN", "XX", "vn",
           "840539006", "1119349007", "EU/1/20/1528", "ORG-100030215", "ORG-100001699", "2021-09-01",
           "2021-10-03", "2021-02-30", "2021-9-1", "1990", "1990-05", "1890-05-17", "1990-05-17\n",
           "２０２１-09-01", "NGUYEN", "NGUYEN<THI", "nguyen", "NGUYỄN", "NGUYEN THI", "Nguyễn", _LONG, "<" * 81,
           [], ["x"], {}, {"fn": "A"}, b"bytes", "1.3.0", "1.3", "x.y.z", "1.3.0\n1"]
_NAME_KEYS = ["fn", "fnt", "gn", "gnt", "xx"]
_ENTRY_KEYS = ["tg", "vp", "mp", "ma", "dn", "sd", "dt", "co", "is", "ci", "xx"]
_ROOT_KEYS = ["ver", "nam", "dob", "v", "t", "r", "xx"]


def _mutate(dcc: dict, rng: random.Random) -> dict:
    dcc = copy.deepcopy(dcc)
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        where = rng.random()
        if where < 0.2:
            target, keys = dcc, _ROOT_KEYS
        elif where < 0.45:
            target, keys = dcc.get("nam") if isinstance(dcc.get("nam"), dict) else dcc, _NAME_KEYS
        else:
            group = dcc.get("v")
            target = group[0] if isinstance(group, list) and group and isinstance(group[0], dict) else dcc
            keys = _ENTRY_KEYS
        key = rng.choice(keys)
        action = rng.random()
        if action < 0.15:
            target.pop(key, None)
        elif action < 0.2 and isinstance(dcc.get("v"), list):
            dcc["v"].append(copy.deepcopy(dcc["v"][0]))
        elif action < 0.25:
            target[rng.choice((1, b"k", None))] = "x"  # a key that is not text
        else:
            target[key] = rng.choice(_TRICKY)
    return dcc


def test_the_quick_check_never_vouches_for_a_payload_the_full_check_refuses():
    rng = random.Random(20211001)
    base = B.build_payload(good_person(), good_vaccination(), new_uvci(), ISSUER_TEXT)
    check = IssuingCheck(NOW)
    vouched = refused = 0
    for _ in range(4000):
        dcc = _mutate(base, rng)
        full = errors(validate_payload(dcc, issuing=True, issued_at=NOW))
        if check.surely_valid(dcc):
            vouched += 1
            assert full == [], (dcc, full)
        elif full:
            refused += 1
    # the mutations reach both sides: some stay valid, most break a rule
    assert vouched > 50 and refused > 2000
