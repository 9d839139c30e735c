"""Base45 (RFC 9285): the RFC's examples, and the same answer as the ``base45`` package on every
16-bit word and on random data, valid or not."""

from __future__ import annotations

import os
import random
import struct

import base45
import pytest

from desktop.dcc.base45 import ALPHABET, b45decode, b45encode, b45encode_many


def _package_decode(text: str) -> bytes | None:
    try:
        return base45.b45decode(text)
    except ValueError:
        return None


def _our_decode(text: str) -> bytes | None:
    try:
        return b45decode(text)
    except ValueError:
        return None


@pytest.mark.parametrize(("data", "text"), [
    (b"AB", "BB8"), (b"Hello!!", "%69 VD92EX0"), (b"base-45", "UJCLQE7W581"), (b"ietf!", "QED8WEX0"),
    (b"", ""), (b"\x00", "00"), (b"\xff", "U5"), (b"\xff\xff", "FGW"),
])
def test_rfc_9285_examples(data, text):
    assert b45encode(data) == text
    assert b45decode(text) == data
    assert b45decode(text.encode("ascii")) == data


@pytest.mark.parametrize("text", [
    "GGW",        # 16 + 16·45 + 32·45² = 65536: more than two bytes hold (the RFC's own example)
    ":::",        # the largest triple, 91124
    "V5",         # 31 + 5·45 = 256: more than one byte holds
    "0",          # 3n + 1 characters
    "BB8A",
    "bb8",        # lower case is not in the alphabet
    "BB\n",       # nor is a newline: callers strip what scanners append
    "BB8=",
    "ÀB8",        # not ASCII
])
def test_invalid_text_is_refused(text):
    with pytest.raises(ValueError):
        b45decode(text)


def test_non_text_is_a_type_error():
    with pytest.raises(TypeError):
        b45decode(12345)  # type: ignore[arg-type]


@pytest.mark.parametrize("size", [0, 1, 2, 3, 44, 45, 255, 256, 257, 1001])
def test_table_base45_matches_the_reference(size):
    data = os.urandom(size) if size else b""
    assert b45encode(data) == base45.b45encode(data).decode("ascii")
    assert b45encode(b"\xff\xff\xff") == base45.b45encode(b"\xff\xff\xff").decode("ascii")


def test_fast_base45_encoder_equals_the_package():
    every_word = b"".join(struct.pack(">H", word) for word in range(65536))
    assert b45encode(every_word) == base45.b45encode(every_word).decode("ascii")
    for length in range(0, 601):
        data = os.urandom(length)
        assert b45encode(data) == base45.b45encode(data).decode("ascii"), length
    assert b45encode(b"\xff") == base45.b45encode(b"\xff").decode("ascii")


def test_decoder_equals_the_package_on_valid_text():
    every_word = b"".join(struct.pack(">H", word) for word in range(65536))
    text = base45.b45encode(every_word).decode("ascii")
    assert b45decode(text) == base45.b45decode(text) == every_word
    for length in range(0, 601):
        data = os.urandom(length)
        text = base45.b45encode(data).decode("ascii")
        assert b45decode(text) == base45.b45decode(text) == data, length


def test_decoder_equals_the_package_on_random_text():
    """Random strings, most of them invalid: both refuse the same ones and agree on the rest."""
    rng = random.Random(9285)
    every_triple = [a + b + c for a in ALPHABET for b in ALPHABET for c in ALPHABET]
    assert [_our_decode(t) for t in every_triple] == [_package_decode(t) for t in every_triple]
    every_pair = [a + b for a in ALPHABET for b in ALPHABET]
    assert [_our_decode(t) for t in every_pair] == [_package_decode(t) for t in every_pair]
    outcomes = set()
    for _ in range(20000):
        length = rng.randrange(0, 40)
        pool = ALPHABET if rng.random() < 0.9 else ALPHABET + "abc=é\t"
        text = "".join(rng.choice(pool) for _ in range(length))
        ours = _our_decode(text)
        assert ours == _package_decode(text), text
        outcomes.add(ours is None)
    assert outcomes == {True, False}  # both kinds were exercised


def test_lane_encoder_keeps_neighbouring_words_apart():
    """Each word's digits come from its own lane of a big integer: the largest products beside
    the smallest, in every order, must not leak into each other."""
    extremes = [0x0000, 0x0001, 0x002C, 0x002D, 0x07E8, 0x07E9, 0xFFFE, 0xFFFF, 0x8000, 0x7FFF]
    for first in extremes:
        for second in extremes:
            data = b"".join(struct.pack(">H", w) for w in [first, second] * 6) + b"\x9c"
            assert b45encode(data) == base45.b45encode(data).decode("ascii"), (first, second)


def test_encode_many_equals_one_at_a_time():
    rng = random.Random(45)
    for _ in range(40):
        datas = [os.urandom(rng.choice((0, 1, 2, 3, rng.randint(0, 700)))) for _ in range(rng.randint(0, 60))]
        assert b45encode_many(datas) == [b45encode(d) for d in datas] == [base45.b45encode(d).decode() for d in datas]
    assert b45encode_many([bytearray(b"ab"), memoryview(b"abc")]) == [b45encode(b"ab"), b45encode(b"abc")]
    assert b45encode(memoryview(b"\xff\xff\x00")) == base45.b45encode(b"\xff\xff\x00").decode()
