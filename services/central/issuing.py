"""Countersigning: attestations → DCC payloads → validated, signed HC1 strings, on every core.

An RSA-2048 signature costs ~0.4 ms of pure CPU and ``cryptography`` holds the GIL while it signs,
so threads do not help: a batch is cut into chunks handled by a pool of worker processes, one per
core, each doing the whole build → validate → sign → encode for its chunk. Each worker opens the
encrypted key file itself (the passphrase reaches it through the pool's initialiser pipe, never
argv or a file of its own), so the key never crosses a process boundary. A key on an HSM signs
in this process, on its one token thread.

The encoding is ``desktop.dcc.hc1.encode_hc1``; the payload is validated once, by
``batches.check_payload`` (the same ``desktop.dcc.validate`` rules, answering with the service's
rejection codes), so ``encode_hc1`` is told not to validate it again.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from desktop.dcc.cose import Signer
from desktop.dcc.hc1 import Hc1Encoder, encode_hc1
from desktop.dcc.validate import IssuingCheck
from services.central import batches as B
from services.central.reasons import Rejection

log = logging.getLogger(__name__)

CHUNK = 1000  # items a worker receives at once: the round trip and the per-job set-up are paid per chunk
MIN_PARALLEL = 32  # below this, the round trip to the workers costs more than it saves
ISSUER_COUNTRY = "VN"


def encode(dcc: dict[str, Any], signer: Signer, iat: int, exp: int) -> str:
    """An already validated payload → "HC1:…" (CWT → COSE_Sign1 → zlib 9 → Base45)."""
    return encode_hc1(dcc, signer, iat, exp, ISSUER_COUNTRY, validated=True)


@dataclass(frozen=True)
class Item:
    """One certificate to issue: the checked attestation's person and vaccination, and its UVCI."""

    person: dict[str, Any]
    vaccination: dict[str, Any]
    uvci: str


def _wire(item: Item) -> Item | tuple[Any, ...]:
    """An item as the flat tuple of the fields ``batches.build_payload`` reads (the arguments of
    ``batches.build_payload_from`` before the issuer text): a worker unpickles 11 strings and
    numbers instead of two dicts. An item missing a field travels whole, to fail there as here."""
    person, vaccination = item.person, item.vaccination
    if type(person) is not dict or type(vaccination) is not dict:
        return item
    try:
        return (person["name"], person["dob"], vaccination["tg"], vaccination["vp"], vaccination["mp"],
                vaccination["ma"], vaccination["dn"], vaccination["sd"], vaccination["dt"], vaccination.get("country"),
                item.uvci)
    except KeyError:
        return item


@dataclass(frozen=True)
class Job:
    items: list[Any]  # Item, or the tuple ``_wire`` makes of one
    iat: int
    exp: int
    issuer_text: str


# An outcome: ("issued", hc1) or ("rejected", reason_code, message {vi, en}, details or None).
Outcome = tuple


def countersign(signer: Signer, job: Job) -> list[Outcome]:
    """Build, check, sign and encode each item; the batch's constants are prepared once.

    A payload ``IssuingCheck`` vouches for goes straight to signing; any other payload goes
    through ``batches.check_payload`` (the full ``validate_payload`` rules), which signs it if it
    passes and names the reason if not, so the refusals are exactly the full check's. Every
    payload is built and checked first; the accepted ones are then signed and encoded together
    (``Hc1Encoder.encode_many``, one step at a time over the chunk).
    """
    issued_at = datetime.fromtimestamp(job.iat, UTC)
    encoder = Hc1Encoder(signer, job.iat, job.exp, ISSUER_COUNTRY)
    quick = IssuingCheck(issued_at)
    out: list[Outcome | None] = [None] * len(job.items)
    accepted: list[dict[str, Any]] = []
    places: list[int] = []
    build, build_from, surely_valid, issuer_text = B.build_payload, B.build_payload_from, quick.surely_valid, job.issuer_text
    for place, item in enumerate(job.items):
        try:
            if type(item) is tuple:
                dcc = build_from(*item, issuer_text)
            else:
                dcc = build(item.person, item.vaccination, item.uvci, issuer_text)
            if not surely_valid(dcc):
                B.check_payload(dcc, issued_at)
        except Rejection as rej:
            out[place] = ("rejected", rej.code, rej.message.as_dict(), rej.details)
            continue
        accepted.append(dcc)
        places.append(place)
    for place, hc1 in zip(places, encoder.encode_many(accepted), strict=True):
        out[place] = ("issued", hc1)
    return out  # type: ignore[return-value]  # every place is filled


# -- worker processes ---------------------------------------------------------------------------

_worker_signer: Signer | None = None


def _init_worker(key_path: str, passphrase: bytes, certificate_der: bytes) -> None:
    global _worker_signer
    from services.central.keys import file_signer

    _worker_signer = file_signer(Path(key_path), passphrase, x509.load_der_x509_certificate(certificate_der))
    _prime()


def _prime() -> None:
    """Load what every certificate needs (value sets, vaccine table, schema fingerprint) before the
    first batch arrives, so the first batch does not pay for it."""
    from desktop.dcc.validate import FIELD_VALUE_SETS
    from desktop.dcc.valuesets import is_consistent_vaccine, value_set

    IssuingCheck(datetime.now(UTC))
    for set_name in FIELD_VALUE_SETS["v"].values():
        value_set(set_name).status("")
    is_consistent_vaccine("", "", "")


def _run_job(job: Job) -> list[Outcome]:
    assert _worker_signer is not None, "worker not initialised"
    return countersign(_worker_signer, job)


def _ready(_: int) -> bool:
    return _worker_signer is not None


class Countersigner:
    """Signs with ``signer`` in this process, or with a pool of processes loading ``key_file``."""

    def __init__(self, signer: Signer, key_file: tuple[Path, bytes, bytes] | None = None,
                 workers: int | None = None):
        self.signer = signer
        self._pool: ProcessPoolExecutor | None = None
        count = (os.cpu_count() or 1) if workers is None else workers
        self.workers = 0
        self._key_file = key_file
        if key_file is not None and count > 1:
            self.workers = count
            self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        assert self._key_file is not None
        key_path, passphrase, certificate_der = self._key_file
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(str(key_path), passphrase, certificate_der))

    def warm_up(self) -> None:
        """Start the worker processes now, so the first batch does not pay for it."""
        if self._pool is not None:
            list(self._pool.map(_ready, range(self.workers * 2)))

    def run(self, items: Sequence[Item], iat: int, exp: int, issuer_text: str) -> list[Outcome]:
        if self._pool is None or len(items) < MIN_PARALLEL:
            return countersign(self.signer, Job(list(items), iat, exp, issuer_text))
        size = max(8, min(CHUNK, -(-len(items) // (self.workers * 4))))
        wired = [_wire(item) for item in items]
        jobs = [Job(wired[i:i + size], iat, exp, issuer_text) for i in range(0, len(items), size)]
        out: list[Outcome] = []
        try:
            for part in self._pool.map(_run_job, jobs):
                out.extend(part)
        except BrokenProcessPool:
            # A worker died (killed, out of memory): sign this batch here, start fresh workers.
            log.error("a countersigning worker died; restarting the pool")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
            return countersign(self.signer, Job(list(items), iat, exp, issuer_text))
        return out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        close = getattr(self.signer, "close", None)
        if close is not None:
            close()
