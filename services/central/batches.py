"""A facility's signed batch (docs/batch-format.md): read it, check who signed it, check each record.

The whole-batch checks raise ``CentralError`` (bad JSON, unknown signer, broken chain, bad
signature, records missing, any inclusion proof not leading to the signed root). Per-record checks
of the attested content never raise: a record that fails becomes a
``rejected`` result with its reason code and the rest of the batch goes on.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import cbor2
from cryptography import x509

from desktop.dcc import cose
from desktop.dcc.payload import DCC_VERSION, dcc_name_of_full_name
from desktop.dcc.problems import Problem, errors
from desktop.dcc.validate import validate_payload
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.signing.merkle import leaf_hash, verify_inclusion
from services.central.errors import CentralError, bad_request, manifest_mismatch, too_large, unknown_signer
from services.central.reasons import Rejection

KINDS = ("issue", "correction")
MAX_BATCH_ID = 64
MAX_PROOF = 64  # a tree of 2**64 leaves; a longer audit path is an attack, not a proof
_HEX64 = re.compile(r"[0-9a-fA-F]{64}")
_HEX = re.compile(r"[0-9a-fA-F]{1,128}")
# The latest time zone on Earth: a date later than "today" there is in the future everywhere.
_LATEST_OFFSET = timedelta(hours=14)


@dataclass
class SubmittedRecord:
    leaf_index: int
    attestation_b64: str
    proof_hex: list[Any]


@dataclass
class Submission:
    """The JSON body, parsed but not yet trusted."""

    manifest_bytes: bytes
    records: list[SubmittedRecord]
    body_sha256: str

    @property
    def manifest_sha256(self) -> str:
        return hashlib.sha256(self.manifest_bytes).hexdigest()


@dataclass
class Manifest:
    batch_id: str
    kind: str
    signer: str
    on_behalf_of: list[str]
    created_at: str
    count: int
    root: bytes
    message: cose.Sign1Message
    audit_head: tuple[int, str] | None = None  # (event id, hex hash): the facility's audit log at signing

    @property
    def payload_sha256(self) -> str:
        """What a batch id is bound to: the signed payload (batch id, signer, count, Merkle root…),
        not the envelope, whose unprotected header and signature encoding a copier could vary."""
        return hashlib.sha256(self.message.payload).hexdigest()


def parse_submission(body: bytes, max_records: int) -> Submission:
    """The envelope: JSON with a base64 manifest and a list of records (400 / 413 otherwise)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise bad_request("Nội dung gửi lên không phải JSON hợp lệ: {err}", "The request body is not valid JSON: {err}",
                          err=str(exc)[:200]) from exc
    if not isinstance(data, dict) or not isinstance(data.get("manifest"), str) or not isinstance(data.get("records"), list):
        raise bad_request("Lô phải là JSON {{\"manifest\": chuỗi base64, \"records\": danh sách}}.",
                          "A batch is JSON {{\"manifest\": base64 text, \"records\": a list}}.")
    if len(data["records"]) > max_records:
        raise too_large("Lô có {count} bản ghi, vượt giới hạn {limit}; hãy chia nhỏ lô.",
                        "The batch holds {count} records, over the limit of {limit}; split it.",
                        count=len(data["records"]), limit=max_records)
    manifest_bytes = _b64(data["manifest"], "manifest")
    records = []
    for position, item in enumerate(data["records"]):
        if not isinstance(item, dict) or isinstance(item.get("leaf_index"), bool) \
                or not isinstance(item.get("leaf_index"), int):
            raise bad_request("Bản ghi thứ {n} thiếu leaf_index (số nguyên).",
                              "Record {n} has no integer leaf_index.", n=position + 1)
        attestation = item.get("attestation")
        proof = item.get("proof")
        records.append(SubmittedRecord(item["leaf_index"], attestation if isinstance(attestation, str) else "",
                                       proof if isinstance(proof, list) else []))
    canonical = cbor2.dumps([manifest_bytes, sorted([r.leaf_index, r.attestation_b64, [str(p) for p in r.proof_hex]]
                                                    for r in records)])
    return Submission(manifest_bytes, records, hashlib.sha256(canonical).hexdigest())


def _b64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise bad_request("Trường {what} không phải base64 hợp lệ.", "The field {what} is not valid base64.",
                          what=what) from exc


def read_manifest(manifest_bytes: bytes, max_records: int) -> Manifest:
    """Decode the COSE_Sign1 and its manifest payload; nothing is verified yet."""
    try:
        message = cose.decode_sign1(manifest_bytes)
        payload = cose.loads_strict(message.payload)
    except cose.CoseError as exc:
        raise bad_request("Bản kê (manifest) không đọc được: {err}", "The manifest cannot be read: {err}",
                          err=str(exc)[:200]) from exc
    if not isinstance(payload, dict) or payload.get("v") != 1:
        raise bad_request("Bản kê phải là một map CBOR có \"v\": 1.", "The manifest must be a CBOR map with \"v\": 1.")
    problems = _manifest_problems(payload)
    if problems:
        raise bad_request("Bản kê không hợp lệ: {detail}", "The manifest is invalid: {detail}", detail="; ".join(problems))
    if payload["count"] > max_records:
        raise too_large("Bản kê khai báo {count} bản ghi, vượt giới hạn {limit}; hãy chia nhỏ lô.",
                        "The manifest declares {count} records, over the limit of {limit}; split the batch.",
                        count=payload["count"], limit=max_records)
    return Manifest(batch_id=payload["batch_id"], kind=payload["kind"], signer=payload["signer"],
                    on_behalf_of=list(payload["on_behalf_of"]), created_at=payload["created_at"],
                    count=payload["count"], root=payload["root"], message=message,
                    audit_head=_audit_head(payload.get("audit_head")))


def _audit_head(value: Any) -> tuple[int, str] | None:
    if value is None:
        return None
    event_id = value.get("event_id") if isinstance(value, dict) else None
    digest = value.get("hash") if isinstance(value, dict) else None
    if isinstance(digest, bytes):
        digest = digest.hex()
    return event_id, digest.lower()  # type: ignore[union-attr]  # checked in _manifest_problems


def _manifest_problems(m: dict[Any, Any]) -> list[str]:
    out = []
    if not isinstance(m.get("batch_id"), str) or not 0 < len(m["batch_id"]) <= MAX_BATCH_ID:
        out.append(f"batch_id must be text of 1-{MAX_BATCH_ID} characters")
    if m.get("kind") not in KINDS:
        out.append("kind must be \"issue\" or \"correction\"")
    if not isinstance(m.get("signer"), str) or not m["signer"]:
        out.append("signer must be a facility code")
    obo = m.get("on_behalf_of")
    if not isinstance(obo, list) or not obo or not all(isinstance(c, str) for c in obo):
        out.append("on_behalf_of must be a non-empty list of facility codes")
    if not isinstance(m.get("created_at"), str):
        out.append("created_at must be ISO 8601 text")
    count = m.get("count")
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        out.append("count must be a positive integer")
    if not isinstance(m.get("root"), bytes) or len(m["root"]) != 32:
        out.append("root must be 32 bytes")
    if m.get("hash_alg", "SHA-256") != "SHA-256" or m.get("tree", "RFC9162") != "RFC9162":
        out.append("only hash_alg SHA-256 and tree RFC9162 are supported")
    head = m.get("audit_head")
    if head is not None:
        event_id = head.get("event_id") if isinstance(head, dict) else None
        digest = head.get("hash") if isinstance(head, dict) else None
        if isinstance(event_id, bool) or not isinstance(event_id, int) or event_id < 0 or not (
                (isinstance(digest, str) and _HEX.fullmatch(digest)) or (isinstance(digest, bytes) and 0 < len(digest) <= 64)):
            out.append("audit_head must be {\"event_id\": integer, \"hash\": hex text}")
    return out


def check_records_match(manifest: Manifest, records: list[SubmittedRecord]) -> None:
    """Exactly the manifest's ``count`` records, leaf indexes 0..count-1 each once (422 otherwise)."""
    if len(records) != manifest.count:
        raise manifest_mismatch("Bản kê có {count} bản ghi nhưng lô gửi {sent}.",
                                "The manifest lists {count} records but the batch carries {sent}.",
                                count=manifest.count, sent=len(records))
    indexes = sorted(r.leaf_index for r in records)
    if indexes != list(range(manifest.count)):
        missing = sorted(set(range(manifest.count)) - set(indexes))[:10]
        raise manifest_mismatch("Chỉ số lá của các bản ghi không khớp bản kê (thiếu: {missing}).",
                                "The records' leaf indexes do not match the manifest (missing: {missing}).",
                                missing=", ".join(map(str, missing)) or "-")


# ---------------------------------------------------------------------------------------------
# One record


@dataclass
class Attestation:
    raw: bytes
    record_key: str
    facility: str
    person: dict[str, Any]
    vaccination: dict[str, Any]
    supersedes: str | None
    sha256: str = field(init=False)

    def __post_init__(self) -> None:
        self.sha256 = hashlib.sha256(self.raw).hexdigest()


def verify_proof(record: SubmittedRecord, manifest: Manifest) -> bytes:
    """The attestation bytes if its inclusion proof leads to the signed root."""
    if len(record.proof_hex) > MAX_PROOF:
        raise Rejection("invalid_proof")
    try:
        raw = base64.b64decode(record.attestation_b64, validate=True)
        proof = [bytes.fromhex(p) for p in record.proof_hex if isinstance(p, str) and _HEX64.fullmatch(p)]
    except (binascii.Error, ValueError) as exc:
        raise Rejection("invalid_attestation", detail="attestation is not base64") from exc
    if not raw:
        raise Rejection("invalid_attestation", detail="attestation is empty")
    if len(proof) != len(record.proof_hex) or \
            not verify_inclusion(leaf_hash(raw), record.leaf_index, manifest.count, proof, manifest.root):
        raise Rejection("invalid_proof")
    return raw


def verify_proofs(manifest: Manifest, records: list[SubmittedRecord]) -> list[bytes]:
    """Every attestation's bytes in leaf order, when EVERY inclusion proof leads to the signed root.

    One record altered after signing (its attestation or its proof) refuses the whole batch
    (422 invalid_proof) before anything is stored, so an altered copy can never claim the batch id
    of the genuine batch. Call after ``check_records_match`` (leaf indexes 0..count-1, each once).
    """
    raws: list[bytes] = []
    bad: list[int] = []
    for record in sorted(records, key=lambda r: r.leaf_index):
        try:
            raws.append(verify_proof(record, manifest))
        except Rejection:
            bad.append(record.leaf_index)
    if bad:
        raise CentralError(422, "invalid_proof", tr(
            "{count} bản ghi không khớp gốc Merkle đã ký (lá {leaves}): lô bị sửa sau khi ký; không bản ghi nào "
            "được xử lý.",
            "{count} records do not match the signed Merkle root (leaves {leaves}): the batch changed after "
            "signing; no record was processed.", count=len(bad), leaves=", ".join(map(str, bad[:10]))),
            details={"leaf_indexes": bad[:100]})
    return raws


def read_attestation(raw: bytes) -> Attestation:
    try:
        data = cose.loads_strict(raw)
    except cose.CoseError as exc:
        raise Rejection("invalid_attestation", detail=f"not CBOR ({exc})"[:200]) from exc
    if not isinstance(data, dict) or data.get("v") != 1:
        raise Rejection("invalid_attestation", detail="not a map with \"v\": 1")
    person, vacc = data.get("person"), data.get("vaccination")
    problems = []
    for key in ("record_key", "facility"):
        if not isinstance(data.get(key), str) or not data[key] or len(data[key]) > 120:
            problems.append(key)
    if not isinstance(person, dict):
        problems.append("person")
    else:
        problems += [f"person.{k}" for k in ("name", "dob", "id") if not isinstance(person.get(k), str) or not person[k]]
    if not isinstance(vacc, dict):
        problems.append("vaccination")
    else:
        problems += [f"vaccination.{k}" for k in ("tg", "vp", "mp", "ma", "dt") if not isinstance(vacc.get(k), str)]
        problems += [f"vaccination.{k}" for k in ("dn", "sd")
                     if isinstance(vacc.get(k), bool) or not isinstance(vacc.get(k), int)]
    supersedes = data.get("supersedes")
    if supersedes is not None and (not isinstance(supersedes, str) or not supersedes):
        problems.append("supersedes")
    if problems:
        raise Rejection("invalid_attestation", detail="missing or wrong type: " + ", ".join(problems))
    return Attestation(raw=raw, record_key=data["record_key"], facility=data["facility"], person=person,
                       vaccination=vacc, supersedes=supersedes)


def check_dates(att: Attestation, now: datetime) -> None:
    latest = (now.astimezone(UTC) + _LATEST_OFFSET).date()
    dt = att.vaccination["dt"]
    try:
        if date.fromisoformat(dt) > latest:
            raise Rejection("future_date", field="dt", value=dt)
    except ValueError:
        pass  # the schema check names a malformed date
    dob = att.person["dob"]
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", dob) and dob > latest.isoformat()[:len(dob)]:
        raise Rejection("future_date", field="dob", value=dob)


def person_dose_key(secret: bytes, att: Attestation) -> str:
    """One valid certificate per person (ID number, whatever the facility) and dose number."""
    id_number = re.sub(r"\s+", "", att.person["id"]).upper()
    return hmac.new(secret, f"{id_number}|{att.vaccination['dn']}".encode(), hashlib.sha256).hexdigest()


def build_payload(person: dict[str, Any], vaccination: dict[str, Any], uvci: str, issuer_text: str) -> dict[str, Any]:
    """The DCC for an attestation's person and vaccination, the codes exactly as attested."""
    return build_payload_from(person["name"], person["dob"], vaccination["tg"], vaccination["vp"], vaccination["mp"],
                              vaccination["ma"], vaccination["dn"], vaccination["sd"], vaccination["dt"],
                              vaccination.get("country"), uvci, issuer_text)


def build_payload_from(name: Any, dob: Any, tg: Any, vp: Any, mp: Any, ma: Any, dn: Any, sd: Any, dt: Any,
                       country: Any, uvci: str, issuer_text: str) -> dict[str, Any]:
    """``build_payload`` from the fields it reads (what a countersigning worker receives)."""
    try:
        nam = dcc_name_of_full_name(name)
    except UserError as exc:
        raise Rejection("schema", detail=exc.message.en) from exc
    return {
        "ver": DCC_VERSION,
        "nam": nam,
        "dob": dob.strip(),
        "v": [{
            "tg": tg, "vp": vp, "mp": mp, "ma": ma, "dn": dn, "sd": sd, "dt": dt,
            "co": country or "VN", "is": issuer_text, "ci": uvci,
        }],
    }


_VACCINE_FIELDS = {"tg", "vp", "mp", "ma"}


def check_payload(dcc: dict[str, Any], now: datetime) -> None:
    """Schema, value sets and issuer rules (desktop.dcc.validate): the record's reason if any fails."""
    problems = errors(validate_payload(dcc, issuing=True, issued_at=now))
    if not problems:
        return
    first = problems[0]
    raise Rejection(_reason_for(first), detail=first.message.en,
                    details={"problems": [p.as_dict() for p in problems]})


def _reason_for(p: Problem) -> str:
    field_name = (p.path or "").rsplit("/", 1)[-1]
    if p.code == "value_set" and field_name in _VACCINE_FIELDS:
        return "unknown_vaccine"
    if p.code == "vaccine_inconsistent":
        return "unknown_vaccine"
    if p.code == "value_set_inactive":
        return "inactive_code"
    if p.code == "vaccination_in_future":
        return "future_date"
    return "schema"


def signer_cert(msg: cose.Sign1Message, chain: list[x509.Certificate],
                registered: list[x509.Certificate]) -> list[x509.Certificate]:
    """The signer's chain: x5chain, or a registered certificate found by kid when x5chain is absent."""
    if chain:
        return chain
    if msg.kid is not None:
        for cert in registered:
            if cose.kid_for_certificate(cert) == msg.kid:
                return [cert]
    raise unknown_signer("Lô không mang chứng thư ký (x5chain) và kid không thuộc cơ sở nào đã đăng ký.",
                         "The message carries no signer certificate (x5chain) and its kid matches no registered "
                         "facility.")
