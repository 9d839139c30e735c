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


def _random_dcc(rng: random.Random) -> dict:
    """Varied payloads: names of every length and script the encoder may meet, doses, dates."""
    letters = "abcdeghiklmnopqrstuvxyăâđêôơưáàảãạếềểễệốồổỗộớờởỡợúùủũụứừửữựíìỉĩịýỳỷỹỵ"
    def word() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(1, 12))).capitalize()
    name = " ".join(word() for _ in range(rng.randint(1, 6)))
    return build_vaccination_dcc(full_name=name, dob=f"{rng.randint(1900, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                                 vaccine=rng.choice(["Comirnaty", "Vaxzevria", "Spikevax", "Jcovden"]),
                                 dose_number=rng.randint(1, 9), total_series=rng.randint(1, 9),
                                 vaccination_date=f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                                 issuer_text="Bộ Y tế" * rng.randint(1, 10), uvci=new_uvci(checksum=rng.random() < 0.8))


@pytest.mark.parametrize("alg,size", [(ES256, 64), (PS256, 256)])
def test_encode_many_writes_what_the_generic_pipeline_writes(alg, size):
    """Byte for byte: cbor2 CWT → ``sign1`` → zlib 9 → Base45, for 300 random payloads at once."""
    rng = random.Random(alg)
    signer = FixedSigner(alg, b"\x01\x02\x03\x04\x05\x06\x07\x08", size)
    iat, exp = 1_640_000_000, 1_671_536_000
    dccs = [_random_dcc(rng) for _ in range(300)]
    texts = Hc1Encoder(signer, iat, exp, "VN").encode_many(dccs)
    assert len(texts) == len(dccs)
    for dcc, text in zip(dccs, texts, strict=True):
        cwt = cbor2.dumps({1: "VN", 6: iat, 4: exp, -260: {1: dcc}})
        assert text == PREFIX + b45encode(zlib.compress(sign1(cwt, signer), 9))
        assert decode_hc1(text).dcc == dcc
    assert Hc1Encoder(signer, iat, exp, "VN").encode_many([]) == []


def test_encode_many_with_a_real_key_verifies_with_the_verifier():
    from datetime import UTC, datetime

    from cryptography.hazmat.primitives.asymmetric import ec

    from desktop.dcc.cose import KeySigner, verify_signature

    key = ec.generate_private_key(ec.SECP256R1())
    signer = KeySigner(key, kid=b"\x01\x02\x03\x04\x05\x06\x07\x08")
    rng = random.Random(7)
    dccs = [_random_dcc(rng) for _ in range(200)]
    iat = int(datetime.now(UTC).timestamp())
    for dcc, text in zip(dccs, Hc1Encoder(signer, iat, iat + 86400, "VN").encode_many(dccs), strict=True):
        decoded = decode_hc1(text)
        verify_signature(decoded.message, key.public_key())
        assert decoded.dcc == dcc and decoded.kid == signer.kid and decoded.alg == ES256
        assert cbor2.loads(decoded.message.payload) == {1: "VN", 6: iat, 4: iat + 86400, -260: {1: dcc}}


def test_sign_many_uses_the_signers_batch_call_and_checks_each_signature():
    class BatchSigner(FixedSigner):
        def sign_many(self, items: list[bytes]) -> list[bytes]:
            self.batches = getattr(self, "batches", 0) + 1
            return [self.sign(item) for item in items]

    signer = BatchSigner(ES256, b"12345678", 64)
    payloads = [os.urandom(n) for n in (0, 30, 300, 70000)]
    assert Sign1Writer(signer).sign_many(payloads) == [sign1(p, signer) for p in payloads]
    assert signer.batches == 1
    with pytest.raises(ValueError, match="raw r"):
        Sign1Writer(FixedSigner(ES256, b"12345678", 71)).sign_many([b"payload"])

    class ShortSigner(FixedSigner):
        def sign_many(self, items: list[bytes]) -> list[bytes]:
            return [self.sign(item) for item in items[1:]]

    with pytest.raises(ValueError, match="signatures for"):
        Sign1Writer(ShortSigner(ES256, b"12345678", 64)).sign_many([b"a", b"b"])


def test_p256_der_slicing_matches_the_asn1_parser():
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    from desktop.dcc.cose import _p256_der_to_raw, ecdsa_der_to_raw

    key = ec.generate_private_key(ec.SECP256R1())
    ders = [key.sign(os.urandom(20), ec.ECDSA(hashes.SHA256())) for _ in range(2000)]
    # short and long integers: leading zero bytes dropped, a 0x00 before a high bit
    rng = random.Random(256)
    ders += [encode_dss_signature(rng.getrandbits(rng.choice((1, 8, 200, 248, 255, 256))),
                                  rng.getrandbits(rng.choice((1, 8, 200, 248, 255, 256)))) for _ in range(2000)]
    for der in ders:
        assert _p256_der_to_raw(der) == ecdsa_der_to_raw(der)
    with pytest.raises(OverflowError):  # a 257-bit value is not a P-256 signature: refused, not cut
        _p256_der_to_raw(encode_dss_signature(2**256 + 5, 7))


def test_zlib_level9_writes_what_zlib_compress_9_writes():
    """Every length up to and past the small compressor's limit, data of every kind."""
    from desktop.dcc.hc1 import _SMALL_WINDOW_MAX_INPUT, zlib_level9

    rng = random.Random(9)
    kinds = [lambda n: os.urandom(n),
             lambda n: bytes(rng.choice(b"abcAB\x00\x01") for _ in range(n)),
             lambda n: (os.urandom(rng.randint(1, 40)) * (n // 3 + 1))[:n],
             lambda n: bytes(rng.choice(b"NGUYEN<THI:/-0123456789") if rng.random() < 0.7 else rng.randrange(256)
                             for _ in range(n)),
             lambda n: b"\x00" * n]
    for size in [*range(0, _SMALL_WINDOW_MAX_INPUT + 40), 1000, 5000]:
        for kind in kinds:
            data = kind(size)
            stream = zlib_level9(data)
            assert stream == zlib.compress(data, 9), size
            assert zlib.decompress(stream) == data


def test_uvci_well_formed_matches_its_rules_step_by_step():
    import re

    from desktop.dcc.uvci import has_checksum, is_well_formed, uvci_valid_checksum

    pattern = re.compile(r"(?:URN:UVCI:)?01:[A-Z]{2}:[A-Z0-9]+(?:/[A-Z0-9]+)*(?:#[A-Z0-9/:])?")
    rng = random.Random(80)
    samples = [new_uvci(), new_uvci(checksum=False), "URN:UVCI:01:VN:ABC#", "URN:UVCI:01:VN:ABC##A", "01:VN:A/B#Q",
               "URN:UVCI:01:VN:" + "A" * 70, "urn:uvci:01:VN:ABC", "URN:UVCI:01:VN:ÄBC"]
    for _ in range(3000):
        uvci = new_uvci(checksum=rng.random() < 0.5)
        at = rng.randrange(len(uvci))
        samples.append(uvci[:at] + rng.choice(ALPHABET + "#a Ä") + uvci[at + 1:])
    for uvci in samples:
        expected = bool(pattern.fullmatch(uvci)) and len(uvci) <= 80 and (not has_checksum(uvci) or uvci_valid_checksum(uvci))
        assert is_well_formed(uvci) == expected, uvci


def test_name_object_of_a_full_name_normalises_once_with_the_same_result():
    from desktop.dcc.names import split_vietnamese_name
    from desktop.dcc.payload import dcc_name, dcc_name_of_full_name

    rng = random.Random(9303)
    pieces = ["Nguyễn", "Thị", "Hồng", "Nhung", "Đặng", "O'Brien", "Müller-Lüdenscheidt", "王", "e\u0301", "\u0301",
              "A\u0323\u0302", " ", "  ", "\t", "\u00a0", "\u2003", "-", "", "x" * 90, "Ǆ", "ﬁ", "Å", "A\u030a"]
    names = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 7))) for _ in range(4000)]
    for name in names:
        try:
            expected = dcc_name(*split_vietnamese_name(name))
        except UserError as exc:
            with pytest.raises(UserError) as ours:
                dcc_name_of_full_name(name)
            assert ours.value.code == exc.code
            continue
        assert dcc_name_of_full_name(name) == expected, name
