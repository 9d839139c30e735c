"""Fuzzing ``verify_hc1``: whatever a QR code holds, a verdict, never an exception, within the bound.

Hypothesis mutates a valid certificate at every layer of the format — the HC1 text, the Base45
text, the zlib stream, the COSE structure, the CWT claims and the DCC payload — and each result
must be a ``VerificationResult`` reached within ``TIME_BOUND`` seconds of CPU time (50 ms, the
verifier's promise; a slow input is run a second time so a scheduling hiccup is not a finding).

- A short run in every CI (profile ``ci``: ``VAXDESK_FUZZ_EXAMPLES`` examples per test, 60 by
  default, a few seconds). Before a release run it long::

      VAXDESK_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/fuzz -q

- Every input a run finds is written to ``tests/fuzz/corpus/`` (``found-<sha256>.txt``) before the
  test fails; commit it. The corpus (the hostile inputs of ``adversarial.py`` plus everything ever
  found) is replayed on every run.
"""

from __future__ import annotations

import hashlib
import os
import time
import zlib
from pathlib import Path
from typing import Any

import cbor2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.dcc.base45 import b45decode, b45encode
from desktop.dcc.hc1 import VerificationResult, verify_hc1
from tests.fuzz import adversarial as adv

CORPUS = Path(__file__).parent / "corpus"
TIME_BOUND = float(os.environ.get("VAXDESK_FUZZ_TIME_BOUND", "0.05"))
EXAMPLES = int(os.environ.get("VAXDESK_FUZZ_EXAMPLES", "60"))

settings.register_profile(
    "vaxdesk-fuzz", max_examples=EXAMPLES, deadline=None, database=None, derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
FUZZ = settings.get_profile("vaxdesk-fuzz")

_TRUST = adv.trust_list()
_VALID = adv.valid_certificate()


def judge(text: str) -> VerificationResult:
    """The verdict on ``text``, asserting the promises; a failing input is kept in the corpus."""
    try:
        result, seconds = _timed(text)
        if seconds > TIME_BOUND:  # a second run tells a slow input from a busy machine
            result, seconds = _timed(text)
        assert isinstance(result, VerificationResult)
        assert seconds <= TIME_BOUND, f"{seconds * 1000:.1f} ms of CPU time"
        assert result.valid == (not [p for p in result.problems if p.severity == "error"])
        result.as_dict()
    except BaseException:
        _keep(text)
        raise
    return result


def _timed(text: str) -> tuple[Any, float]:
    start = time.thread_time()
    result = verify_hc1(text, _TRUST, now=adv.CHECKED_AT)
    return result, time.thread_time() - start


def _keep(text: str) -> None:
    if not isinstance(text, str):
        return
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    path = CORPUS / f"found-{digest}.txt"
    if not path.exists():
        CORPUS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", errors="surrogatepass")


# ---------------------------------------------------------------------------------------------
# The corpus, replayed every run


def _corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.stem)
def test_corpus_input_gets_a_verdict(path: Path):
    text = path.read_text(encoding="utf-8", errors="surrogatepass")
    result = judge(text)
    if not path.stem.startswith("valid"):
        assert not result.valid


def test_corpus_holds_every_hostile_input():
    """Each hand-built hostile input is in the corpus, so a change to a builder cannot drop one."""
    names = {p.stem for p in _corpus_files()}
    assert set(adv.BUILDERS) <= names, sorted(set(adv.BUILDERS) - names)


def test_the_valid_certificate_is_valid():
    assert judge(_VALID).valid


# ---------------------------------------------------------------------------------------------
# Mutations, layer by layer


def _mutate_bytes(data: bytes, draw: Any) -> bytes:
    """One of: flip bits, overwrite, insert, delete, truncate, duplicate a slice."""
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate", "repeat"]))
        at = draw(st.integers(0, max(len(buf) - 1, 0)))
        if op == "flip" and buf:
            buf[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and buf:
            buf[at] = draw(st.sampled_from([0x00, 0x18, 0x19, 0x1b, 0x1f, 0x5f, 0x7f, 0x9f, 0xbf, 0xc2, 0xd8,
                                            0xdb, 0xf9, 0xfb, 0xff, draw(st.integers(0, 255))]))
        elif op == "insert":
            buf[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete" and buf:
            del buf[at:at + draw(st.integers(1, 8))]
        elif op == "truncate":
            del buf[at:]
        elif op == "repeat" and buf:
            piece = bytes(buf[at:at + draw(st.integers(1, 32))])
            buf[at:at] = piece * draw(st.integers(1, 64))
    return bytes(buf)


def _layers() -> dict[str, bytes]:
    cose = zlib.decompress(b45decode(_VALID[4:]))
    message = cbor2.loads(cose).value
    return {"cose": cose, "claims": message[2], "protected": message[0]}


LAYERS = _layers()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=True)
    | st.text(max_size=40) | st.binary(max_size=16) | st.sampled_from(["1" * 400 + "x", "2021-05-01T00:00:00Z"]),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=5) | st.integers(), inner, max_size=5),
    max_leaves=20,
)


@FUZZ
@given(st.data())
def test_hc1_text_mutations(data):
    text = _VALID
    op = data.draw(st.sampled_from(["bytes", "prefix", "whitespace", "unicode", "truncate"]))
    if op == "bytes":
        text = _mutate_bytes(text.encode("ascii"), data.draw).decode("latin-1")
    elif op == "prefix":
        text = data.draw(st.sampled_from(["", "hc1:", "HC1", "HC2:", "HC1:HC1:", "\ufeffHC1:"])) + text[4:]
    elif op == "whitespace":
        text = text[:40] + data.draw(st.sampled_from([" ", "\n", "\r\n", "\t", "\x00"])) + text[40:]
    elif op == "unicode":
        text = text[:50] + data.draw(st.text(min_size=1, max_size=20)) + text[50:]
    else:
        text = text[:data.draw(st.integers(0, len(text)))]
    judge(text)


@FUZZ
@given(st.data())
def test_base45_mutations(data):
    raw = bytearray(_VALID[4:].encode("ascii"))
    alphabet = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.sampled_from(list(alphabet)))
    judge("HC1:" + raw.decode("ascii"))


@FUZZ
@given(st.data())
def test_zlib_mutations(data):
    compressed = b45decode(_VALID[4:])
    judge("HC1:" + b45encode(_mutate_bytes(compressed, data.draw)))


@FUZZ
@given(st.data(), st.sampled_from(sorted(LAYERS)))
def test_cbor_and_cose_mutations(data, layer):
    mutated = _mutate_bytes(LAYERS[layer], data.draw)
    if layer == "cose":
        judge(adv.wrap_cose(mutated))
        return
    message = list(cbor2.loads(LAYERS["cose"]).value)
    message[2 if layer == "claims" else 0] = mutated
    judge(adv.wrap_cose(cbor2.dumps(cbor2.CBORTag(18, message))))


@FUZZ
@given(st.data())
def test_cose_structure_mutations(data):
    message: list[Any] = list(cbor2.loads(LAYERS["cose"]).value)
    index = data.draw(st.integers(0, 3))
    message[index] = data.draw(json_values)
    if data.draw(st.booleans()):
        message = message[:data.draw(st.integers(0, 4))]
    tag = data.draw(st.sampled_from([18, 61, 98, None]))
    try:
        cose = cbor2.dumps(cbor2.CBORTag(tag, message) if tag is not None else message)
    except (ValueError, TypeError, cbor2.CBOREncodeError):
        return
    judge(adv.wrap_cose(cose))


@FUZZ
@given(st.data())
def test_payload_mutations(data):
    """The DCC and the claims around it, with values of every type (signed with the trusted key,
    so every check after the signature runs too)."""
    dcc = adv.sample_dcc()
    where = data.draw(st.sampled_from(["root", "nam", "v", "claims"]))
    claims = adv.claims_for(dcc)
    key = data.draw(st.sampled_from(["ver", "dob", "dt", "dn", "sd", "ma", "co", "ci", "fnt", "t", "r", "extra"]))
    value = data.draw(json_values)
    if where == "root":
        dcc[key] = value
    elif where == "nam":
        dcc["nam"][key] = value
    elif where == "v":
        dcc["v"][0][key] = value
    else:
        claims[data.draw(st.sampled_from([1, 4, 6, -260, 99]))] = value
    try:
        payload = cbor2.dumps(claims)
    except (ValueError, TypeError, cbor2.CBOREncodeError):
        return
    judge(adv.signed(payload))
