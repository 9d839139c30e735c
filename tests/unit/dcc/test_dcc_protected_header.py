"""The protected header is checked and decoded once per distinct header, and still refused every time."""

from __future__ import annotations

import cbor2
import pytest

from desktop.dcc.cbor_scan import DCC_LIMITS
from desktop.dcc.cose import CoseStructureError, decode_sign1


def _message(protected: bytes) -> bytes:
    return cbor2.dumps(cbor2.CBORTag(18, [protected, {}, b"payload", b"\x00" * 64]))


def test_each_message_gets_its_own_header_map():
    protected = cbor2.dumps({1: -7, 4: b"\x01" * 8})
    first = decode_sign1(_message(protected), DCC_LIMITS)
    first.protected[1] = -37  # a caller changing its copy changes no other message
    second = decode_sign1(_message(protected), DCC_LIMITS)
    assert second.protected == {1: -7, 4: b"\x01" * 8}
    assert second.alg == -7 and second.kid == b"\x01" * 8


@pytest.mark.parametrize("protected", [
    b"\xa1\x01",  # truncated map
    cbor2.dumps([1, 2]),  # not a map
    cbor2.dumps(cbor2.CBORTag(28, {1: -7})),  # a tag a DCC never uses (shared reference)
    b"\x9f" * 40 + b"\xff" * 40,  # nested deeper than the limit
])
def test_a_bad_header_is_refused_every_time(protected):
    for _ in range(3):
        with pytest.raises(CoseStructureError):
            decode_sign1(_message(protected), DCC_LIMITS)
