"""Bulk signing: the ready records become batches, each signed with ONE token operation.

For each batch: canonical attestations → Merkle tree → manifest → one signature on the token →
one database transaction storing the batch, every record's proof, the outbox item, the records'
new stage and the audit events. A failure before the commit (card pulled, token busy, power lost)
leaves nothing behind; the clerk signs again and gets a complete batch.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, and_, func, insert, or_, select, update
from sqlalchemy.orm import Session

from desktop.audit import AuditChain, record_event, record_events
from desktop.db_bulk import chunks, db_value, fast_insert, fast_insert_supported, gc_paused, write_lock
from desktop.errors import Cancelled, UserError
from desktop.i18n import Message, format_date, tr
from desktop.models import Certificate, DailyList, OutboxItem, SignedRecord, SigningBatch, VaccinationRecord
from desktop.progress import Progress
from desktop.signing import manifest as mf
from desktop.signing.handler import BatchSummary, SigningHandler
from desktop.signing.merkle import leaf_hash, root_and_proof_texts
from desktop.signing.presign import PreSignReport, check_before_signing
from desktop.signing.token import TokenSession

log = logging.getLogger(__name__)
R = VaccinationRecord


@dataclass(frozen=True)
class Selection:
    """Which ready records the clerk chose: all, one daily list, one vaccination date; at most ``limit``."""

    list_id: int | None = None
    vaccination_date: str | None = None  # YYYY-MM-DD
    limit: int | None = None


@dataclass(frozen=True)
class BatchResult:
    batch_id: str
    records: int
    merkle_root: str
    token_operations: int
    kind: str = "issue"
    on_behalf_of: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"batch_id": self.batch_id, "records": self.records, "merkle_root": self.merkle_root,
                "token_operations": self.token_operations, "kind": self.kind,
                "on_behalf_of": list(self.on_behalf_of)}


@dataclass(frozen=True)
class PlannedBatch:
    kind: str
    record_ids: tuple[int, ...]


# --------------------------------------------------------------------------------------------
# Which records


def ready_condition() -> Any:
    """SQL form of ``VaccinationRecord.ready_to_sign``."""
    decision = func.coalesce(R.decision, "")  # no NULLs, so that NOT (ready) is true for every unready record
    return and_(
        R.stage == "loaded", R.batch_id.is_(None),
        or_(and_(R.check_status == "matched", decision.not_in(("reject", "defer"))),
            decision.in_(mf.RESOLVING_DECISIONS)),
    )


def signer_scope(settings: Any) -> tuple[str, set[str]]:
    """The signer's facility code and the facility codes whose records this workspace may sign."""
    own = settings.get("facility_code") or ""
    allowed = {own}
    if settings.get("focal_agency"):
        allowed |= {str(c).strip() for c in settings.get("represented_facilities") or [] if str(c).strip()}
    return own, allowed


def _scope_condition(settings: Any, selection: Selection) -> Any:
    _own, allowed = signer_scope(settings)
    conds = [or_(R.facility_code.in_(sorted(allowed)), R.facility_code == "")]
    if selection.list_id is not None:
        conds.append(R.list_id == selection.list_id)
    if selection.vaccination_date:
        conds.append(R.vaccination_date == selection.vaccination_date)
    return and_(*conds)


def _valid_certificates(session: Session, record_ids: list[int]) -> dict[int, str]:
    """UVCI of the valid certificate of each superseded record."""
    out: dict[int, str] = {}
    for chunk in chunks(record_ids):
        rows = session.execute(select(Certificate.record_id, Certificate.uvci)
                               .where(Certificate.record_id.in_(chunk), Certificate.status == "valid")
                               .order_by(Certificate.issued_at)).all()
        out.update({rid: uvci for rid, uvci in rows})
    return out


def plan_batches(session: Session, settings: Any, selection: Selection,
                 report: list[PreSignReport] | None = None) -> tuple[list[PlannedBatch], int, int]:
    """Batches to sign (issue and correction kept apart, each ≤ batch_size), records held, corrections.

    Records the central service would refuse (``presign``) are held out; their report is appended to
    ``report`` when one is given."""
    rows = session.execute(select(R.id, R.supersedes_record_id)
                           .where(ready_condition(), _scope_condition(settings, selection))
                           .order_by(R.id)).all()
    if selection.limit is not None:
        rows = rows[:max(selection.limit, 0)]
    checked = check_before_signing(session, [i for i, _s in rows])
    if checked.blocked:
        rows = [r for r in rows if r[0] not in checked.blocked]
    if report is not None:
        report.append(replace(checked, other_facilities=_other_facilities(session, settings, selection)))
    superseded = [s for _i, s in rows if s is not None]
    valid = _valid_certificates(session, superseded) if superseded else {}
    issue = [i for i, s in rows if s is None]
    correction = [i for i, s in rows if s is not None and s in valid]
    waiting = sum(1 for _i, s in rows if s is not None and s not in valid)
    size = max(int(settings.get("batch_size") or 5000), 1)
    batches = [PlannedBatch(kind, tuple(ids[k:k + size]))
               for kind, ids in (("issue", issue), ("correction", correction)) for k in range(0, len(ids), size)]
    return batches, waiting, len(correction)


def _other_facilities(session: Session, settings: Any, selection: Selection) -> dict[str, int]:
    """Ready records of facilities this workspace does not sign for, by facility code."""
    _own, allowed = signer_scope(settings)
    conds = [ready_condition(), R.facility_code.not_in(sorted(allowed)), R.facility_code != ""]
    if selection.list_id is not None:
        conds.append(R.list_id == selection.list_id)
    if selection.vaccination_date:
        conds.append(R.vaccination_date == selection.vaccination_date)
    rows = session.execute(select(R.facility_code, func.count()).where(and_(*conds)).group_by(R.facility_code))
    return {code: n for code, n in rows.all()}


def _held_count(session: Session, settings: Any, selection: Selection) -> int:
    not_ready = and_(R.stage == "loaded", R.batch_id.is_(None), ~ready_condition(),
                     func.coalesce(R.decision, "") != "reject")
    return session.scalar(select(func.count()).select_from(R).where(not_ready, _scope_condition(settings, selection))) or 0


def _scope_message(session: Session, selection: Selection) -> Message:
    if selection.list_id is not None:
        dates = session.execute(select(R.vaccination_date, func.count()).where(R.list_id == selection.list_id)
                                .group_by(R.vaccination_date).order_by(func.count().desc()).limit(1)).first()
        if dates:
            day = format_date(dates[0])[:5]
        else:
            imported = session.scalar(select(DailyList.imported_at).where(DailyList.id == selection.list_id))
            day = imported.strftime("%d/%m") if imported else str(selection.list_id)
        return tr("của danh sách {day}", "from the list of {day}", day=day)
    if selection.vaccination_date:
        return tr("tiêm ngày {day}", "vaccinated on {day}", day=format_date(selection.vaccination_date))
    return tr("đang chờ ký", "ready to sign")


def summarize(workspace: Any, selection: Selection = Selection()) -> BatchSummary:
    """The confirmation the clerk sees before anything is signed."""
    settings = workspace.settings
    reports: list[PreSignReport] = []
    with gc_paused(), workspace.db.session() as session:
        batches, waiting, corrections = plan_batches(session, settings, selection, reports)
        held = _held_count(session, settings, selection) + waiting
        ids = [i for b in batches for i in b.record_ids]
        facilities: Counter[str] = Counter()
        own = settings.get("facility_code") or ""
        for chunk in chunks(ids):
            for code, n in session.execute(select(R.facility_code, func.count()).where(R.id.in_(chunk))
                                           .group_by(R.facility_code)).all():
                facilities[code or own] += n
        scope = _scope_message(session, selection)
    kinds = {b.kind for b in batches}
    kind = kinds.pop() if len(kinds) == 1 else ("mixed" if kinds else "issue")
    checked = reports[0]
    return BatchSummary(ready=len(ids), held=held, batches=len(batches), kind=kind, scope=scope,
                        facilities=tuple(sorted(facilities)) if settings.get("focal_agency") else (),
                        corrections=corrections, obstacles=checked.counts(), obstacle_note=checked.message())


# --------------------------------------------------------------------------------------------
# Signing


def sign_ready(workspace: Any, handler: SigningHandler, selection: Selection = Selection(),
               progress: Progress | None = None, actor: str = "", backend_factory: Callable[[str], Any] | None = None,
               ) -> list[BatchResult]:
    """Confirm with the clerk, open the token once (one PIN), sign every planned batch."""
    progress = progress or Progress()
    summary = summarize(workspace, selection)
    if summary.ready == 0:
        nothing = tr("Không có bản ghi nào sẵn sàng để ký.", "No record is ready to sign.")
        if summary.obstacle_note is not None:
            nothing = tr(f"{nothing.vi} {summary.obstacle_note.vi}", f"{nothing.en} {summary.obstacle_note.en}")
        handler.show_message(nothing)
        return []
    if not handler.confirm(summary):
        raise Cancelled()
    with gc_paused(), workspace.db.session() as session:
        batches, _waiting, _c = plan_batches(session, workspace.settings, selection)
    total = sum(len(b.record_ids) for b in batches)
    results: list[BatchResult] = []
    done = 0
    progress.update(0, total, str(tr("Đang mở USB token…", "Opening the USB token…")), force=True)
    with TokenSession.open(workspace, handler, backend_factory=backend_factory) as token:
        for number, planned in enumerate(batches, start=1):
            progress.check_cancelled()
            label = str(tr("Đang ký lô {n}/{m}…", "Signing batch {n} of {m}…", n=number, m=len(batches)))
            progress.update(done, total, label, force=True)
            results.append(sign_batch(workspace, token, planned, actor=actor))
            done += len(planned.record_ids)
            progress.update(done, total, label, force=True)
    return results


# the columns a batch reads of each record: the attestation's, then what decides whether it may be signed
_RECORD_COLUMNS = (*mf.ATTESTATION_COLUMNS, "checked_at", "check_status", "stage", "batch_id", "supersedes_record_id",
                   "version")
_ATTESTED = len(mf.ATTESTATION_COLUMNS)
_FACILITY, _DECISION = _RECORD_COLUMNS.index("facility_code"), _RECORD_COLUMNS.index("decision")
_SUPERSEDES = _RECORD_COLUMNS.index("supersedes_record_id")
_SELECT_RECORDS = f"SELECT {', '.join(_RECORD_COLUMNS)} FROM vaccination_record WHERE id "  # noqa: S608 - names


def _cursor_rows(session: Session, sql: str, parameters: Any) -> list[Any]:
    """Plain tuples straight from the driver (no result rows to wrap: 10,000 of them cost a tenth of a batch)."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(sql, parameters)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _int_array(values: Any) -> str:
    """PostgreSQL's text form of an integer array (``{1,2,3}``), sent as one value: the driver would
    check and convert each of a batch's 5,000 ids as a list element (≈ 40 ms for a batch's arrays)."""
    return "{" + ",".join(map(str, map(int, values))) + "}"


def _load_records(session: Session, ids: tuple[int, ...]) -> list[Any]:
    """The records' signed fields as plain tuples in ``_RECORD_COLUMNS`` order, by id (no ORM objects:
    10,000 of them would cost a second)."""
    rows: list[Any] = []
    if session.get_bind().dialect.name == "postgresql":
        rows = _cursor_rows(session, _SELECT_RECORDS + "= ANY(%s::integer[])", (_int_array(ids),))
    else:
        for chunk in chunks(ids):
            rows += _cursor_rows(session, _SELECT_RECORDS + f"IN ({', '.join('?' * len(chunk))})", tuple(chunk))
    rows.sort()
    return rows


def _time_text(session: Session) -> Callable[[Any], str | None]:
    """``iso_utc`` of a ``checked_at`` as the driver hands it over. SQLite gives the text SQLAlchemy
    stored (``YYYY-MM-DD HH:MM:SS.ffffff``, naive UTC), which is rewritten without parsing; anything
    else (PostgreSQL's datetimes) goes through the column's own conversion first, once per value."""
    processor = R.__table__.c.checked_at.type.result_processor(session.get_bind().dialect, None)
    seen: dict[Any, str | None] = {}  # a check stores one time for a whole slice of records: format each once

    def text(value: Any) -> str | None:
        if value is None:
            return None
        if value.__class__ is str and len(value) >= 19 and value[10] == " " and value[4] == "-" and value[13] == ":":
            return f"{value[:10]}T{value[11:19]}Z"
        found = seen.get(value)
        if found is None:
            found = seen[value] = mf.iso_utc(processor(value) if processor is not None else value)
        return found

    return text


def _is_ready(check_status: Any, decision: Any, stage: Any, batch_id: Any) -> bool:
    """``VaccinationRecord.ready_to_sign`` for a plain row's values."""
    return stage == "loaded" and batch_id is None and (
        (check_status == "matched" and decision not in ("reject", "defer")) or decision in mf.RESOLVING_DECISIONS
    )


def sign_batch(workspace: Any, token: TokenSession, planned: PlannedBatch, actor: str = "") -> BatchResult:
    """One batch, one signature, one transaction: all of it is stored, or none of it."""
    with gc_paused():
        return _sign_batch(workspace, token, planned, actor)


def _sign_batch(workspace: Any, token: TokenSession, planned: PlannedBatch, actor: str = "") -> BatchResult:
    settings = workspace.settings
    signer, allowed = signer_scope(settings)
    with workspace.db.session() as session:
        records = _load_records(session, planned.record_ids)
        uvcis = _valid_certificates(session, [r[_SUPERSEDES] for r in records if r[_SUPERSEDES]])
        audit_head = AuditChain(session).head()  # committed events only: the token signs this point of the log
        time_text = _time_text(session)
    if not records:
        raise _changed_error()
    attestations: list[bytes] = []
    versions: list[tuple[int, int]] = []  # (id, version) as shown: what storing the batch expects to find
    facilities: set[str] = set()
    correction = planned.kind == "correction"
    attest = mf.attestation_bytes_of
    for r in records:
        values = r[:_ATTESTED]
        facility, decision = r[_FACILITY], r[_DECISION]
        checked_at, check_status, stage, batch_id, supersedes_id, version = r[_ATTESTED:]
        if not _is_ready(check_status, decision, stage, batch_id) or (facility or signer) not in allowed:
            raise _changed_error()
        supersedes = None
        if correction:
            supersedes = uvcis.get(supersedes_id)
            if supersedes is None:
                raise _changed_error()
        facilities.add(facility or signer)
        attestations.append(attest(values, time_text(checked_at), signer, supersedes))
        versions.append((r[0], version))
    root, proofs = root_and_proof_texts([leaf_hash(a) for a in attestations])
    batch_id = str(uuid.uuid4())
    created = datetime.now(UTC).replace(microsecond=0)
    payload = mf.canonical(mf.manifest(batch_id, planned.kind, signer, sorted(facilities), created, len(records), root,
                                       audit_head))
    before = token.token_operations
    cose_bytes = mf.sign_with_chain(payload, token, token.chain)
    operations = token.token_operations - before
    _store(workspace, planned, versions, attestations, proofs, root, batch_id, created, cose_bytes,
           signer, sorted(facilities), token, actor)
    log.info("signed batch %s: %d records, %s, token %s", batch_id, len(records), token.alg_name, token.token_serial)
    return BatchResult(batch_id, len(records), root.hex(), operations, planned.kind, tuple(sorted(facilities)))


def _changed_error() -> UserError:
    return UserError(
        tr("Một số bản ghi vừa được thay đổi trong khi ký (ở cửa sổ hoặc máy khác). Lô này chưa được ký; hãy ký lại.",
           "Some records changed while signing (in another window or computer). This batch was not signed; "
           "sign again."),
        code="records_changed",
    )


def _store(workspace: Any, planned: PlannedBatch, versions: list[tuple[int, int]], attestations: list[bytes],
           proofs: list[str], root: bytes, batch_id: str, created: datetime, cose_bytes: bytes, signer: str,
           facilities: list[str], token: TokenSession, actor: str) -> None:
    ids = [rid for rid, _version in versions]
    with workspace.db.session() as session:
        write_lock(session)
        session.add(SigningBatch(
            id=batch_id, created_at=created, created_by=actor or "", facility_code=signer, on_behalf_of=facilities,
            record_count=len(ids), merkle_root=root.hex(), algorithm=token.alg_name, manifest=cose_bytes,
            token_serial=token.token_serial, certificate_sha256=token.certificate_sha256, state="signed",
            kind=planned.kind,
        ))
        session.flush()  # the batch row first: the records' batch_id refers to it
        if _mark_signed(session, batch_id, versions) != len(ids):
            raise _changed_error()  # the session's rollback takes the batch and every record's change back
        _insert_signed_records(session, batch_id, ids, attestations, proofs)
        session.add(OutboxItem(batch_id=batch_id, state="pending"))
        record_event(session, actor, "sign_batch", "signing_batch", batch_id, None, {
            "kind": planned.kind, "records": len(ids), "merkle_root": root.hex(), "algorithm": token.alg_name,
            "signer": signer, "on_behalf_of": facilities, "token_serial": token.token_serial,
            "token_label": token.token_label, "certificate_sha256": token.certificate_sha256,
        })
        before, after = {"stage": "loaded", "batch_id": None}, {"stage": "signed", "batch_id": batch_id}
        record_events(session, actor, "sign", "vaccination_record", [(rid, before, after) for rid in ids],
                      reason=f"batch {batch_id}")


_ready_sql: dict[str, str] = {}


def _mark_signed(session: Session, batch_id: str, versions: list[tuple[int, int]]) -> int:
    """Set the records' stage and batch, each only if it is still at the version shown and ready to
    sign; returns how many were set. No separate locking read: on PostgreSQL one
    ``UPDATE … FROM unnest(ids, versions)``, whose row locks make a concurrent signer wait and then
    see the new version (and skip the row); on SQLite, under the write lock already held, one
    ``UPDATE … WHERE id IN (…) AND version = ?`` per version and 900 ids (an ``executemany`` by
    primary key costs three times as much: a statement journal per row). Setting ``version`` here
    keeps the version trigger (migration 0012) from writing every row a second time."""
    connection = session.connection()
    dialect = connection.dialect
    ready = _ready_sql.get(dialect.name)
    if ready is None:
        ready = _ready_sql[dialect.name] = str(ready_condition().compile(dialect=dialect,
                                                                          compile_kwargs={"literal_binds": True}))
    now = db_value(session, datetime.now(UTC))
    if dialect.name == "postgresql":
        result = connection.exec_driver_sql(
            "UPDATE vaccination_record SET stage = 'signed', batch_id = %(batch)s, updated_at = %(now)s, "  # noqa: S608
            "version = vaccination_record.version + 1 "
            "FROM unnest(%(ids)s::integer[], %(versions)s::integer[]) AS shown(id, version) "
            f"WHERE vaccination_record.id = shown.id AND vaccination_record.version = shown.version AND {ready}",
            {"batch": batch_id, "now": now, "ids": _int_array([i for i, _v in versions]),
             "versions": _int_array([v for _i, v in versions])})
        return int(result.rowcount)
    if dialect.name != "sqlite":
        marked = 0
        for rid, version in versions:
            marked += connection.execute(update(R).where(R.id == rid, R.version == version, ready_condition())
                                         .values(stage="signed", batch_id=batch_id, updated_at=now,
                                                 version=version + 1)).rowcount
        return marked
    by_version: dict[int, list[int]] = {}
    for rid, version in versions:
        by_version.setdefault(version, []).append(rid)
    marked = 0
    for version, ids in by_version.items():  # usually one or two versions: a few statements of 900 ids
        for chunk in chunks(ids):
            result = connection.exec_driver_sql(
                "UPDATE vaccination_record SET stage = 'signed', batch_id = ?, updated_at = ?, "  # noqa: S608
                f"version = version + 1 WHERE id IN ({', '.join('?' * len(chunk))}) AND version = ? AND {ready}",
                (batch_id, now, *chunk, version))
            marked += result.rowcount
    return marked


def _insert_signed_records(session: Session, batch_id: str, ids: list[int], attestations: list[bytes],
                           proofs: list[str]) -> None:
    """The batch's signed records; ``proofs`` are the proof column's JSON text (``merkle.root_and_proof_texts``).
    SQLite: the driver's ``executemany`` in short slices (no per-row parameter processing, and the
    window's thread gets the interpreter between slices); PostgreSQL: one ``COPY`` stream, its text
    written here when nothing in it needs escaping."""
    if session.get_bind().dialect.name == "postgresql" and fast_insert_supported(session) \
            and _copy_signed_records(session, batch_id, ids, attestations, proofs):
        return
    if fast_insert_supported(session):
        fast_insert(session, cast(Table, SignedRecord.__table__), ("record_id", "leaf_index", "attestation", "proof"),
                    [(rid, i, att, proof)
                     for i, (rid, att, proof) in enumerate(zip(ids, attestations, proofs, strict=True))],
                    constants={"batch_id": batch_id})
        return
    session.connection().execute(insert(cast(Table, SignedRecord.__table__)), [
        {"record_id": rid, "batch_id": batch_id, "leaf_index": i, "attestation": att, "proof": json.loads(proof)}
        for i, (rid, att, proof) in enumerate(zip(ids, attestations, proofs, strict=True))
    ])


_COPY_SPECIAL = ("\\", "\t", "\n", "\r")  # what COPY's text format escapes


def _copy_signed_records(session: Session, batch_id: str, ids: list[int], attestations: list[bytes],
                         proofs: list[str]) -> bool:
    """PostgreSQL: the signed records as COPY text lines made here (ids, the attestation's bytes in hex,
    the proof's JSON text as it is), a third of the driver's cost of formatting 5,000 rows one by one.
    A proof is hex digits in ``["…","…"]``; should a proof or the batch id ever hold a character COPY
    escapes, nothing is written and the caller takes the general path (returns False)."""
    joined = "".join(proofs) + batch_id
    if any(special in joined for special in _COPY_SPECIAL):
        return False
    tail = f"\t{batch_id}\n"
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy("COPY signed_record (record_id, leaf_index, attestation, proof, batch_id) FROM STDIN") as copy:
        for start in range(0, len(ids), 1000):
            copy.write("".join([f"{int(rid)}\t{start + k}\t\\\\x{att.hex()}\t{proof}{tail}" for k, (rid, att, proof)
                                in enumerate(zip(ids[start:start + 1000], attestations[start:start + 1000],
                                                 proofs[start:start + 1000], strict=True))]))
    return True


# --------------------------------------------------------------------------------------------
# Other documents signed with the token (revocations)


def sign_cose_payload(workspace: Any, payload: bytes, handler: SigningHandler,
                      backend_factory: Callable[[str], Any] | None = None) -> bytes:
    """COSE_Sign1 over ``payload`` with the facility token: one token operation, x5chain as for batches."""
    with TokenSession.open(workspace, handler, backend_factory=backend_factory) as token:
        return mf.sign_with_chain(payload, token, token.chain)


# --------------------------------------------------------------------------------------------
# What the Sign page shows


def batch_history(workspace: Any, limit: int = 200) -> list[dict[str, Any]]:
    with workspace.db.session() as session:
        rows = session.execute(select(SigningBatch.id, SigningBatch.created_at, SigningBatch.kind,
                                      SigningBatch.record_count, SigningBatch.state, SigningBatch.algorithm,
                                      SigningBatch.on_behalf_of, SigningBatch.token_serial, SigningBatch.merkle_root)
                               .where(SigningBatch.kind.in_(("issue", "correction")))
                               .order_by(SigningBatch.created_at.desc()).limit(limit)).all()
    return [{"batch_id": r[0], "created_at": r[1].isoformat() if r[1] else "", "kind": r[2], "records": r[3],
             "state": r[4], "algorithm": r[5], "on_behalf_of": list(r[6] or []), "token_serial": r[7],
             "merkle_root": r[8]} for r in rows]


def selection_choices(workspace: Any) -> dict[str, Any]:
    """Lists and vaccination dates that have ready records, with their counts."""
    settings = workspace.settings
    scope = _scope_condition(settings, Selection())
    with workspace.db.session() as session:
        lists = session.execute(select(R.list_id, DailyList.file_name, func.count())
                                .join(DailyList, DailyList.id == R.list_id)
                                .where(ready_condition(), scope).group_by(R.list_id, DailyList.file_name)
                                .order_by(R.list_id.desc())).all()
        dates = session.execute(select(R.vaccination_date, func.count()).where(ready_condition(), scope)
                                .group_by(R.vaccination_date).order_by(R.vaccination_date.desc())).all()
    return {"lists": [{"list_id": i, "file_name": n, "ready": c} for i, n, c in lists],
            "dates": [{"date": d, "ready": c} for d, c in dates]}

