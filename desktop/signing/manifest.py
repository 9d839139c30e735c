"""Attestations, the batch manifest and its COSE_Sign1 (docs/batch-format.md).

All CBOR here is deterministic (RFC 8949 §4.2) so that anyone can re-encode and compare.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import cbor2

from desktop.dcc import cose

FORMAT_VERSION = 1
HASH_ALG = "SHA-256"
TREE = "RFC9162"
TG_COVID19 = "840539006"
HEADER_X5CHAIN = 33
RS256 = -257
RESOLVING_DECISIONS = ("accept_registry", "keep_list", "edit")


def canonical(value: Any) -> bytes:
    return cbor2.dumps(value, canonical=True)


def iso_utc(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is not None and moment.tzinfo is not UTC:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")  # naive means UTC


def record_key(signer_code: str, record_id: int) -> str:
    return f"{signer_code}:{record_id}"


# the record's columns an attestation is made of, in this order (``attestation_bytes_of`` takes them so)
ATTESTATION_COLUMNS = ("id", "facility_code", "full_name", "date_of_birth", "sex", "id_number", "id_kind",
                       "nationality", "vaccine_vp", "vaccine_mp", "vaccine_ma", "dn", "sd", "vaccination_date", "lot",
                       "dose_number", "decision", "decision_reason")
_PLAIN_TYPES = (str, int, type(None))
_PLAIN = frozenset(_PLAIN_TYPES)


def _attestation_map(values: Sequence[Any], checked_at: str | None, signer_code: str,
                     supersedes: str | None) -> dict[str, Any]:
    """The facts the facility vouches for, from the record's ``ATTESTATION_COLUMNS`` unpacked once.

    Every map is written in its canonical key order (RFC 8949 §4.2.1: shorter keys first, then
    bytewise), so that plain CBOR can encode it without sorting."""
    (rid, facility, name, dob, sex, id_number, id_kind, nationality, vp, mp, ma, dn, sd, dt, lot, dose, decision,
     reason) = values
    resolved = decision in RESOLVING_DECISIONS
    return {
        "v": FORMAT_VERSION,
        "check": {
            "reason": reason or "",
            "status": "resolved" if resolved else "matched",
            "decision": decision if resolved else None,
            "checked_at": checked_at,
        },
        "person": {"id": id_number, "dob": dob, "sex": sex, "name": name, "id_kind": id_kind,
                   "nationality": nationality or "VN"},
        "facility": facility or signer_code,
        "record_key": record_key(signer_code, rid),
        "supersedes": supersedes,
        "vaccination": {"dn": int(dn), "dt": dt, "ma": ma, "mp": mp, "sd": int(sd), "tg": TG_COVID19, "vp": vp,
                        "lot": lot, "country": "VN", "dose_number": int(dose)},
    }


def _values_of(record: Any) -> tuple[Any, ...]:
    return tuple(getattr(record, column) for column in ATTESTATION_COLUMNS)


def attestation(record: Any, signer_code: str, supersedes: str | None = None) -> dict[str, Any]:
    """The facts the facility vouches for, from one VaccinationRecord."""
    return _attestation_map(_values_of(record), iso_utc(record.checked_at), signer_code, supersedes)


def attestation_bytes(record: Any, signer_code: str, supersedes: str | None = None) -> bytes:
    """``canonical(attestation(...))`` at a tenth of the cost (see ``attestation_bytes_of``)."""
    return attestation_bytes_of(_values_of(record), iso_utc(record.checked_at), signer_code, supersedes)


def attestation_bytes_of(values: Sequence[Any], checked_at: str | None, signer_code: str,
                         supersedes: str | None = None) -> bytes:
    """``canonical(attestation(...))`` of the record whose ``ATTESTATION_COLUMNS`` are ``values`` (a plain
    row) and whose ``checked_at`` is already written as ``iso_utc`` writes it.

    The maps are already in canonical order, so plain CBOR encoding writes the same bytes when every value
    is text, an integer or null; anything else (say a float) goes through the sorting encoder."""
    body = _attestation_map(values, checked_at, signer_code, supersedes)
    if (_PLAIN.issuperset(map(type, values)) and type(checked_at) in _PLAIN and type(supersedes) in _PLAIN
            and type(signer_code) is str):
        return cbor2.dumps(body)
    return canonical(body)


def manifest(batch_id: str, kind: str, signer_code: str, on_behalf_of: list[str], created_at: datetime,
             count: int, root: bytes, audit_head: dict[str, Any] | None = None) -> dict[str, Any]:
    """The manifest map; ``audit_head`` (the audit log's last event id and hash) anchors the log in it."""
    body = {
        "v": FORMAT_VERSION,
        "batch_id": batch_id,
        "kind": kind,
        "signer": signer_code,
        "on_behalf_of": sorted(set(on_behalf_of)),
        "created_at": iso_utc(created_at),
        "count": count,
        "root": root,
        "hash_alg": HASH_ALG,
        "tree": TREE,
    }
    if audit_head is not None:
        body["audit_head"] = {"event_id": int(audit_head["event_id"]), "hash": str(audit_head["hash"])}
    return body


def sign_with_chain(payload: bytes, signer: Any, chain: list[bytes]) -> bytes:
    """COSE_Sign1 (tag 18) with protected ``{1: alg, 4: kid, 33: [DER, …]}``: exactly one signature."""
    extra = {HEADER_X5CHAIN: [bytes(c) for c in chain]}
    if signer.alg in cose.ALGORITHM_NAMES:
        return cose.sign1(payload, signer, protected_extra=extra)
    if signer.alg != RS256:
        raise ValueError(f"unsupported COSE algorithm {signer.alg}")
    # RS256 (tokens without PSS): same structure; desktop.dcc.cose only produces DCC algorithms
    protected = cbor2.dumps({cose.HEADER_ALG: RS256, cose.HEADER_KID: bytes(signer.kid), **extra})
    signature = signer.sign(cose.sig_structure(protected, payload))
    return cbor2.dumps(cbor2.CBORTag(cose.TAG_COSE_SIGN1, [protected, {}, payload, signature]))
