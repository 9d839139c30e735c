"""UVCI generation and the Luhn mod 38 check character."""

from __future__ import annotations

import re

import pytest

from desktop.dcc.uvci import is_well_formed, luhn38, new_uvci, uvci_valid_checksum

# Check characters published in the official EU test vectors (Austria's issuer).
KNOWN = [
    "URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B",
    "URN:UVCI:01:AT:858CC18CFCF5965EF82F60E493349AA5#K",
    "URN:UVCI:01:AT:B5921A35D6A0D696421B3E2462178297#I",
    "URN:UVCI:01:AT:71EE2559DE38C6BF7304FB65A1A451EC#3",
]


@pytest.mark.parametrize("uvci", KNOWN)
def test_known_check_characters(uvci):
    body, check = uvci.split("#")
    assert luhn38(body) == check
    assert uvci_valid_checksum(uvci)


@pytest.mark.parametrize("uvci", [
    "URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#C",  # wrong character
    "URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813",  # none
    "URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#",  # empty
    "urn:uvci:01:at:10807843f94aee0ee5093fbc254bd813#B",  # lower case is outside the alphabet
    "URN:UVCI:01:SE:EHM/100000024GI5HMGZKSMS",
])
def test_invalid_or_missing_check_characters(uvci):
    assert not uvci_valid_checksum(uvci)


def test_single_substitution_is_detected():
    body = KNOWN[0].split("#")[0]
    for i, ch in enumerate(body):
        for other in "A0/:":
            if other != ch:
                changed = body[:i] + other + body[i + 1:]
                assert luhn38(changed) != luhn38(body), (i, other)


def test_luhn38_refuses_foreign_characters():
    with pytest.raises(ValueError):
        luhn38("URN:UVCI:01:VN:abc")


def test_new_uvci_shape():
    seen = set()
    for _ in range(200):
        uvci = new_uvci()
        assert re.fullmatch(r"URN:UVCI:01:VN:[0-9A-F]{32}#[A-Z0-9/:]", uvci)
        assert uvci_valid_checksum(uvci) and is_well_formed(uvci)
        seen.add(uvci)
    assert len(seen) == 200
    plain = new_uvci(checksum=False)
    assert re.fullmatch(r"URN:UVCI:01:VN:[0-9A-F]{32}", plain)


@pytest.mark.parametrize(("uvci", "ok"), [
    ("URN:UVCI:01:VN:0123456789ABCDEF0123456789ABCDEF", True),
    ("01:VN:ABC/DEF", True),
    ("URN:UVCI:01:SE:EHM/100000024GI5HMGZKSMS", True),
    ("URN:UVCI:02:VN:ABC", False),
    ("URN:UVCI:01:VN:", False),
    ("URN:UVCI:01:VN:abc", False),
    ("URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#C", False),
    ("URN:UVCI:01:VN:" + "A" * 70, False),
])
def test_well_formed(uvci, ok):
    assert is_well_formed(uvci) is ok
