"""Attestations, the batch manifest and its COSE_Sign1 (docs/batch-format.md).

All CBOR here is deterministic (RFC 8949 §4.2) so that anyone can re-encode and compare.
"""

from __future__ import annotations

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
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def record_key(signer_code: str, record_id: int) -> str:
    return f"{signer_code}:{record_id}"


def attestation(record: Any, signer_code: str, supersedes: str | None = None) -> dict[str, Any]:
    """The facts the facility vouches for, from one VaccinationRecord."""
    resolved = record.decision in RESOLVING_DECISIONS
    return {
        "v": FORMAT_VERSION,
        "record_key": record_key(signer_code, record.id),
        "facility": record.facility_code or signer_code,
        "person": {
            "name": record.full_name,
            "dob": record.date_of_birth,
            "sex": record.sex,
            "id": record.id_number,
            "id_kind": record.id_kind,
            "nationality": record.nationality or "VN",
        },
        "vaccination": {
            "tg": TG_COVID19,
            "vp": record.vaccine_vp,
            "mp": record.vaccine_mp,
            "ma": record.vaccine_ma,
            "dn": int(record.dn),
            "sd": int(record.sd),
            "dt": record.vaccination_date,
            "lot": record.lot,
            "dose_number": int(record.dose_number),
            "country": "VN",
        },
        "check": {
            "status": "resolved" if resolved else "matched",
            "decision": record.decision if resolved else None,
            "reason": record.decision_reason or "",
            "checked_at": iso_utc(record.checked_at),
        },
        "supersedes": supersedes,
    }


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
