"""The batch encoder writes exactly what the one-certificate path writes, byte for byte."""

from __future__ import annotations

import hashlib
import os
import random
import zlib

import cbor2
import pytest

from desktop.dcc.base45 import b45encode
from desktop.dcc.cose import ES256, PS256, Sign1Writer, sign1
from desktop.dcc.hc1 import PREFIX, Hc1Encoder, decode_hc1, encode_hc1
from desktop.dcc.names import icao_transliterate
from desktop.dcc.payload import build_vaccination_dcc
from desktop.dcc.uvci import ALPHABET, luhn38, new_uvci
from desktop.errors import UserError


class FixedSigner:
    """A signer whose signature depends only on what it signs, so outputs can be compared."""

    def __init__(self, alg: int, kid: bytes | None, size: int):
        self.alg, self.kid, self.size = alg, kid, size
        self.signed: list[bytes] = []

    def sign(self, to_be_signed: bytes) -> bytes:
        self.signed.append(to_be_signed)
        return (hashlib.sha256(to_be_signed).digest() * 20)[:self.size]


@pytest.mark.parametrize("alg,size", [(ES256, 64), (PS256, 256), (PS256, 512)])
@pytest.mark.parametrize("kid", [b"\x01\x02\x03\x04\x05\x06\x07\x08", None])
def test_sign1_writer_matches_sign1(alg, size, kid):
    signer = FixedSigner(alg, kid, size)
    writer = Sign1Writer(signer)
    for length in (0, 1, 23, 24, 255, 256, 65535, 65536, 400):
        payload = os.urandom(length)
        assert writer.sign(payload) == sign1(payload, signer)
    # both signed the same Sig_structure each time
    assert signer.signed[0::2] == signer.signed[1::2]


def test_sign1_writer_refuses_a_der_signature():
    signer = FixedSigner(ES256, b"12345678", 71)
    with pytest.raises(ValueError, match="raw r"):
        Sign1Writer(signer).sign(b"payload")


def _dcc():
    return build_vaccination_dcc(full_name="Nguyễn Văn Đức", dob="1985-03-09", vaccine="Comirnaty",
                                 dose_number=2, total_series=2, vaccination_date="2021-09-01",
                                 issuer_text="Bộ Y tế", uvci=new_uvci())


def test_encoder_matches_the_step_by_step_pipeline():
    signer = FixedSigner(ES256, b"\x01\x02\x03\x04\x05\x06\x07\x08", 64)
    iat, exp = 1_640_000_000, 1_671_536_000
    encoder = Hc1Encoder(signer, iat, exp, "VN")
    for _ in range(5):
        dcc = _dcc()
        cwt = cbor2.dumps({1: "VN", 6: iat, 4: exp, -260: {1: dcc}})
        expected = PREFIX + b45encode(zlib.compress(sign1(cwt, signer), 9))
        assert encoder.encode(dcc) == expected == encode_hc1(dcc, signer, iat, exp, "VN")
        assert decode_hc1(expected).dcc == dcc


def test_encoder_checks_its_parameters_once_made():
    signer = FixedSigner(ES256, b"\x01\x02\x03\x04\x05\x06\x07\x08", 64)
    with pytest.raises(UserError):
        Hc1Encoder(signer, 100, 100, "VN")  # expires when issued
    with pytest.raises(UserError):
        Hc1Encoder(signer, 100, 200, "XX")
    with pytest.raises(UserError):
        Hc1Encoder(FixedSigner(ES256, b"short", 64), 100, 200, "VN")


def _luhn38_reference(text: str) -> str:
    index = {ch: i for i, ch in enumerate(ALPHABET)}
    factor, total = 2, 0
    for ch in reversed(text):
        if ch not in index:
            raise ValueError(f"character {ch!r} is not allowed in a UVCI")
        addend = factor * index[ch]
        factor = 1 if factor == 2 else 2
        total += addend // 38 + addend % 38
    return ALPHABET[(38 - total % 38) % 38]


def test_luhn38_matches_the_step_by_step_algorithm():
    rng = random.Random(38)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 70)))
        assert luhn38(text) == _luhn38_reference(text)
    for bad in ("urn:uvci", "URN:UVCI:01:VN:ab", "A#B", "Ä"):
        with pytest.raises(ValueError) as ours:
            luhn38(bad)
        with pytest.raises(ValueError) as reference:
            _luhn38_reference(bad)
        assert str(ours.value) == str(reference.value)


def test_memoised_transliteration_gives_the_same_answers():
    icao_transliterate.cache_clear()
    names = ["Nguyễn Thị Hồng Nhung", "Đặng", "Müller-Lüdenscheidt", "王", "O'Brien", "Nguyễn Thị Hồng Nhung"]
    first = [icao_transliterate(n) for n in names]
    assert first == [icao_transliterate(n) for n in names]
    assert first[0] == "NGUYEN<THI<HONG<NHUNG" and first[1] == "DANG" and first[3] == ""
    assert icao_transliterate.cache_info().hits >= 6
