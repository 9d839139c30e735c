"""Storing the central service's answer for one batch: one transaction, idempotent, audited.

Every certificate is verified before this module writes anything (``check_result``); the write
(``store_result``) then inserts the certificates, moves the records on (``certified`` or
``rejected_central``), sets the batch's state and closes the outbox item, all or nothing. Storing
the same answer twice changes nothing: the outbox item is already ``done`` and each UVCI is unique.
"""

from __future__ import annotations

import base64
import json
import re
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

import cbor2
from sqlalchemy import String, Table, bindparam, select, type_coerce
from sqlalchemy.orm import Session

from desktop.audit import Items, record_event, record_events
from desktop.db import Database
from desktop.db_bulk import (
    IN_LIMIT,
    chunks,
    db_value,
    fast_insert,
    fast_insert_supported,
    gc_paused,
    insert_rows,
    is_sqlite,
    reserve_ids,
    to_db,
    update_rows,
    write_lock,
)
from desktop.dcc.trustlist import TrustList
from desktop.i18n import Message, tr
from desktop.models import Certificate, OutboxItem, SignedRecord, SigningBatch, VaccinationRecord
from desktop.models.base import utcnow
from desktop.models.outbox_lease import OutboxLease
from desktop.sync.verify import Mismatch, VerifiedCertificate, verify_received
from desktop.text import fold


@dataclass(frozen=True)
class Leaf:
    leaf_index: int
    record_id: int
    record_key: str
    attestation: dict[str, Any]


@dataclass
class BatchOutcome:
    batch_id: str
    batch_state: str = ""
    certified: list[int] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    certificates_received: int = 0
    already_stored: bool = False


@dataclass
class CheckedResult:
    verified: dict[int, VerifiedCertificate]  # leaf_index -> certificate (issued results only)
    alarms: list[tuple[int, Mismatch]]  # (record_id, what is wrong)
    structure: Message | None = None  # the answer does not cover the batch record for record

    @property
    def ok(self) -> bool:
        return not self.alarms and self.structure is None

    @property
    def unknown_kid(self) -> bool:
        return any(m.code == "unknown_kid" for _, m in self.alarms)


def load_leaves(db: Database, batch_id: str) -> list[Leaf]:
    table = SignedRecord.__table__
    with db.session() as session:
        rows = session.execute(select(table.c.leaf_index, table.c.record_id, table.c.attestation)
                               .where(table.c.batch_id == batch_id).order_by(table.c.leaf_index)).all()
    return [_leaf(leaf_index, record_id, raw) for leaf_index, record_id, raw in rows]


def _leaf(leaf_index: int, record_id: int, raw: bytes) -> Leaf:
    attestation = cbor2.loads(raw)
    return Leaf(leaf_index, record_id, str(attestation.get("record_key", "")), attestation)


def submission_body(db: Database, batch_id: str) -> bytes:
    """The JSON body of ``POST /v1/batches`` from the stored manifest and signed records."""
    return prepare_submission(db, batch_id, with_leaves=False)[0]


def prepare_submission(db: Database, batch_id: str, *, with_leaves: bool = True) -> tuple[bytes, list[Leaf]]:
    """The body of ``POST /v1/batches`` and the batch's leaves (what the answer is checked
    against), from one read of the signed records: the leaves are ready before the answer comes.

    The body is written piece by piece: a record's proof is JSON text in the database already (on
    SQLite), and the rest is integers and Base64, which need no escaping; it is what ``json.dumps``
    with compact separators writes."""
    table = SignedRecord.__table__
    with db.session() as session:
        manifest = session.scalar(select(SigningBatch.manifest).where(SigningBatch.id == batch_id))
        if manifest is None:
            raise LookupError(batch_id)
        rows = session.execute(select(table.c.leaf_index, table.c.record_id, table.c.attestation,
                                      type_coerce(table.c.proof, String))
                               .where(table.c.batch_id == batch_id).order_by(table.c.leaf_index)).all()
    b64 = base64.b64encode
    parts = [f'{{"manifest":"{b64(manifest).decode("ascii")}","records":[']
    for i, (leaf_index, _, attestation, proof) in enumerate(rows):
        parts.append(f'{"," if i else ""}{{"leaf_index":{int(leaf_index)},'
                     f'"attestation":"{b64(attestation).decode("ascii")}","proof":{_proof_text(proof)}}}')
    parts.append("]}")
    leaves = [_leaf(leaf_index, record_id, raw) for leaf_index, record_id, raw, _ in rows] if with_leaves else []
    return "".join(parts).encode("utf-8"), leaves


# A proof as SQLite keeps it (``json.dumps`` of a list of lower-case hex digests): written compactly
# by dropping the spaces. Anything else goes through the general check below.
_STORED_PROOF = re.compile(r'\[(?:"[0-9a-f]*"(?:, "[0-9a-f]*")*)?\]')


def _proof_text(proof: Any) -> str:
    """A stored proof (JSON text on SQLite, a list where the driver parses JSON) as compact JSON."""
    if isinstance(proof, str) and _STORED_PROOF.fullmatch(proof):
        return proof.replace(" ", "")
    hashes = json.loads(proof) if isinstance(proof, str) else proof
    if not isinstance(hashes, list) or not all(isinstance(h, str) for h in hashes):
        raise ValueError("a stored inclusion proof is not a list of hex strings")
    return json.dumps(hashes, separators=(",", ":"))


def check_result(result: dict[str, Any], leaves: list[Leaf], trust: TrustList) -> CheckedResult:
    """Verify the answer covers each record exactly once and every certificate is genuine and ours."""
    with gc_paused():
        return _check_result(result, leaves, trust)


def _check_result(result: dict[str, Any], leaves: list[Leaf], trust: TrustList) -> CheckedResult:
    by_index = {leaf.leaf_index: leaf for leaf in leaves}
    seen: set[int] = set()
    checked = CheckedResult({}, [])
    for item in result.get("results", []):
        index = item.get("leaf_index")
        leaf = by_index.get(index) if isinstance(index, int) else None
        if leaf is None or index in seen:
            checked.structure = tr("câu trả lời có kết quả cho bản ghi không có trong lô (vị trí {i})",
                                   "the answer has a result for a record not in the batch (position {i})", i=index)
            return checked
        seen.add(index)
        if item.get("record_key") not in (None, leaf.record_key):
            checked.alarms.append((leaf.record_id, Mismatch("content", "record_key", leaf.record_key,
                                                            str(item.get("record_key")))))
            continue
        if item.get("status") == "issued":
            uvci, hc1 = item.get("uvci"), item.get("hc1")
            if not isinstance(uvci, str) or not isinstance(hc1, str):
                checked.alarms.append((leaf.record_id, Mismatch("undecodable", "hc1", "", "missing uvci or hc1")))
                continue
            certificate = verify_received(hc1, uvci, leaf.attestation, trust)
            if certificate.ok:
                checked.verified[index] = certificate
            else:
                checked.alarms.extend((leaf.record_id, m) for m in certificate.problems)
        elif item.get("status") != "rejected":
            checked.structure = tr("kết quả không rõ \"{s}\" cho bản ghi {r}", "unknown result \"{s}\" for record {r}",
                                   s=item.get("status"), r=leaf.record_id)
            return checked
    missing = [leaf.record_id for leaf in leaves if leaf.leaf_index not in seen]
    if missing:
        checked.structure = tr("câu trả lời thiếu kết quả cho {n} bản ghi (ví dụ bản ghi {r})",
                               "the answer lacks results for {n} records (e.g. record {r})", n=len(missing), r=missing[0])
    return checked


def central_reason(item: dict[str, Any]) -> str:
    """The central's reason in the form kept on the record: ``code: Vietnamese / English``."""
    code = str(item.get("reason_code") or "rejected")
    message = item.get("message")
    if isinstance(message, dict):
        vi, en = str(message.get("vi") or ""), str(message.get("en") or "")
        text = " / ".join(t for t in (vi, en) if t)
        return f"{code}: {text}" if text else code
    return f"{code}: {message}" if message else code


def store_result(db: Database, batch_id: str, holder: str, result: dict[str, Any], leaves: list[Leaf],
                 checked: CheckedResult, actor: str) -> BatchOutcome:
    """Write the verified answer in one transaction. Safe to call again with the same answer."""
    with gc_paused():
        return _store_result(db, batch_id, holder, result, leaves, checked, actor)


def _store_result(db: Database, batch_id: str, holder: str, result: dict[str, Any], leaves: list[Leaf],
                  checked: CheckedResult, actor: str) -> BatchOutcome:
    outcome = BatchOutcome(batch_id)
    by_index = {leaf.leaf_index: leaf for leaf in leaves}
    now = utcnow()
    with db.session() as session:
        write_lock(session)
        item = session.get(OutboxItem, batch_id, with_for_update=True)
        batch = session.get(SigningBatch, batch_id)
        if item is None or batch is None or item.state == "done":
            outcome.already_stored = True
            outcome.batch_state = batch.state if batch else ""
            return outcome
        lease = session.get(OutboxLease, batch_id)
        if lease is not None and lease.holder != holder and item.state == "sending":
            # another live process took over after our lease expired; it will store the same answer
            outcome.already_stored = True
            return outcome
        issued = [(by_index[i], cert) for i, cert in checked.verified.items()]
        rejected = [
            (by_index[r["leaf_index"]], r) for r in result.get("results", [])
            if r.get("status") == "rejected" and r.get("leaf_index") in by_index
        ]
        _insert_certificates(session, batch_id, issued, result, now, actor, outcome)
        _mark_rejected(session, rejected, actor, outcome)
        _apply_supersedes(session, issued, actor)
        before = {"state": batch.state}
        batch.state = ("countersigned" if not rejected else "rejected" if not issued else "partly_rejected")
        outcome.batch_state = batch.state
        record_event(session, actor, "sync.batch_result", "signing_batch", batch_id, before,
                     {"state": batch.state, "issued": len(issued), "rejected": len(rejected),
                      "received_at": result.get("received_at")})
        item.state = "done"
        item.completed_at = now
        item.last_error = ""
        item.next_attempt_at = None
        if lease is not None:
            session.delete(lease)
    return outcome


# Compiled once: the IN lists are bound at execution, not built into a new statement per chunk.
_KNOWN_UVCIS = select(Certificate.uvci).where(Certificate.uvci.in_(bindparam("values", expanding=True)))
_VALID_HELD = select(Certificate.record_id, Certificate.uvci).where(
    Certificate.record_id.in_(bindparam("values", expanding=True)), Certificate.status == "valid")
# A new certificate's columns: per row, then the same for the whole batch; ``id`` from the database.
_ROW_COLUMNS = ("record_id", "uvci", "hc1", "issued_at", "expires_at", "full_name", "name_folded", "id_number",
                "vaccination_date")
_BATCH_COLUMNS = ("batch_id", "received_at", "status", "superseded_by", "revoked_reason", "printed_count")


def _insert_certificates(session: Session, batch_id: str, issued: list[tuple[Leaf, VerifiedCertificate]],
                         result: dict[str, Any], now: datetime, actor: str, outcome: BatchOutcome) -> None:
    if not issued:
        return
    results = {r.get("leaf_index"): r for r in result.get("results", [])}
    uvcis = [cert.uvci for _, cert in issued]
    existing: set[str] = set()
    for chunk in chunks(uvcis):
        existing.update(session.execute(_KNOWN_UVCIS, {"values": list(chunk)}).scalars())
    record_ids = [leaf.record_id for leaf, _ in issued]
    holding: dict[int, str] = {}
    for id_chunk in chunks(record_ids):
        holding.update((r, u) for r, u in session.execute(_VALID_HELD, {"values": list(id_chunk)}))
    rows: list[tuple[Any, ...]] = []
    certified: list[int] = []
    events: Items = []
    times: dict[Any, datetime | None] = {}  # a batch's certificates share their two timestamps

    def parse_time(value: Any) -> datetime | None:
        if value not in times:
            times[value] = _parse_time(value)
        return times[value]

    stored: dict[datetime, Any] = {}  # each distinct moment in database form, once

    def stored_time(moment: datetime) -> Any:
        if moment not in stored:
            stored[moment] = db_value(session, moment)
        return stored[moment]

    for leaf, cert in issued:
        if cert.uvci in existing:
            continue
        if leaf.record_id in holding and holding[leaf.record_id] != cert.uvci:
            # the record already has a different valid certificate: refuse to create a second one
            raise DuplicateCertificate(leaf.record_id, holding[leaf.record_id], cert.uvci)
        person, vaccination = leaf.attestation.get("person", {}), leaf.attestation.get("vaccination", {})
        raw = results.get(leaf.leaf_index, {})
        issued_at = parse_time(raw.get("issued_at")) or cert.issued_at or now
        expires_at = parse_time(raw.get("expires_at")) or cert.expires_at or issued_at + timedelta(days=365)
        full_name = str(person.get("name", ""))
        rows.append((leaf.record_id, cert.uvci, raw["hc1"], stored_time(issued_at), stored_time(expires_at),
                     full_name, fold(full_name), str(person.get("id", "")), str(vaccination.get("dt", ""))))
        certified.append(leaf.record_id)
        events.append((leaf.record_id, {"stage": "signed"}, {"stage": "certified", "uvci": cert.uvci, "batch_id": batch_id}))
    if rows:
        _insert_certificate_rows(session, batch_id, rows, now)
        _set_stage(session, certified, "certified", "")
        record_events(session, actor, "sync.certified", "vaccination_record", events)
    outcome.certified.extend(certified)
    outcome.certificates_received = len(rows)


def _insert_certificate_rows(session: Session, batch_id: str, rows: list[tuple[Any, ...]], now: datetime) -> None:
    """New certificates, ``_ROW_COLUMNS`` in database form, through ``db_bulk.fast_insert``. Every
    column of the table is named here: a column added to the model fails loudly until it is."""
    table = cast(Table, Certificate.__table__)
    named = {"id", *_ROW_COLUMNS, *_BATCH_COLUMNS}
    if named != set(table.c.keys()):
        raise RuntimeError(f"certificate columns not written by sync: {sorted(set(table.c.keys()) ^ named)}")
    constants = dict(zip(_BATCH_COLUMNS, (batch_id, db_value(session, now), "valid", None, "", 0), strict=True))
    if not fast_insert_supported(session):
        insert_rows(session, table, [{"id": None, **dict(zip(_ROW_COLUMNS, row, strict=True)), **constants}
                                     for row in rows], prepared=False)
        return
    if is_sqlite(session):
        fast_insert(session, table, _ROW_COLUMNS, rows, constants)
        return
    ids = reserve_ids(session, table, len(rows))
    fast_insert(session, table, ("id", *_ROW_COLUMNS), [(i, *row) for i, row in zip(ids, rows, strict=True)],
                constants)


def _set_stage(session: Session, record_ids: list[int], stage: str, central_reason: str) -> None:
    """The same stage and central reason for many records."""
    _update_records(session, [{"id": r, "stage": stage, "central_reason": central_reason} for r in record_ids])


def _update_records(session: Session, updates: list[dict[str, Any]]) -> None:
    """Stage and central reason of many records, one statement per ``IN`` list of records that get
    the same values (no ORM bookkeeping)."""
    table = cast(Table, VaccinationRecord.__table__)
    now = utcnow()
    if not is_sqlite(session):
        update_rows(session, table, ("stage", "central_reason", "updated_at"),
                    [{**u, "updated_at": now} for u in updates])
        return
    stamp = to_db(now, False)
    same: dict[tuple[str, str], list[int]] = {}
    for u in updates:
        same.setdefault((u["stage"], u["central_reason"]), []).append(u["id"])
    connection = session.connection()
    for (stage, reason), ids in same.items():
        # straight to the driver; one statement per IN list, the window's thread gets the GIL between them
        for chunk in chunks(ids, IN_LIMIT):
            marks = ", ".join("?" * len(chunk))
            connection.exec_driver_sql(
                f"UPDATE vaccination_record SET stage = ?, central_reason = ?, updated_at = ? WHERE id IN ({marks})",  # noqa: S608
                (stage, reason, stamp, *chunk))
            time.sleep(0)


class DuplicateCertificate(Exception):
    def __init__(self, record_id: int, held: str, received: str):
        super().__init__(f"record {record_id} already holds {held}; received {received}")
        self.record_id, self.held, self.received = record_id, held, received


def _mark_rejected(session: Session, rejected: list[tuple[Leaf, dict[str, Any]]], actor: str,
                   outcome: BatchOutcome) -> None:
    if not rejected:
        return
    updates: list[dict[str, Any]] = []
    events: Items = []
    for leaf, item in rejected:
        reason = central_reason(item)
        updates.append({"id": leaf.record_id, "stage": "rejected_central", "central_reason": reason})
        events.append((leaf.record_id, {"stage": "signed"}, {"stage": "rejected_central", "reason_code": item.get("reason_code")}))
        message = cast(dict[str, Any], item.get("message") if isinstance(item.get("message"), dict) else {})
        outcome.rejected.append({"record_id": leaf.record_id, "reason": item.get("reason_code") or "rejected",
                                 "message": {"vi": message.get("vi", ""), "en": message.get("en", "")}})
    _update_records(session, updates)
    record_events(session, actor, "sync.rejected_central", "vaccination_record", events,
                  reason="the central service refused these records")


def _apply_supersedes(session: Session, issued: list[tuple[Leaf, VerifiedCertificate]], actor: str) -> None:
    """A correction's new certificate replaces the old one locally at once."""
    for leaf, cert in issued:
        old_uvci = leaf.attestation.get("supersedes")
        if not old_uvci:
            continue
        old = session.execute(select(Certificate).where(Certificate.uvci == old_uvci)).scalar_one_or_none()
        if old is None or old.status == "superseded":
            continue
        before = {"status": old.status}
        old.status, old.superseded_by, old.revoked_reason = "superseded", cert.uvci, "superseded"
        record_event(session, actor, "sync.superseded", "certificate", old.uvci, before,
                     {"status": "superseded", "superseded_by": cert.uvci})
        record = session.get(VaccinationRecord, old.record_id)
        if record is not None and record.stage == "certified":
            record.stage = "superseded"
            record_event(session, actor, "sync.superseded", "vaccination_record", record.id,
                         {"stage": "certified"}, {"stage": "superseded", "superseded_by": cert.uvci})


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    from datetime import UTC

    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
