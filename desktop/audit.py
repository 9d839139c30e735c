"""Append-only audit log: every change to a record, with who, when, what, before/after and why.

``AuditChain`` is the one place that appends events, reads the chain's head and verifies it.

- Each event carries the hash of the previous one, so editing or deleting any event breaks the chain.
- The database refuses UPDATE and DELETE on ``audit_event`` (triggers, migration 0008).
- The head (last event id and hash) goes into every signed batch manifest: the token signs it and the
  central service keeps it. Those anchors catch what a chain alone cannot: the newest events cut off,
  or an event edited and every later hash recomputed, anywhere before the last anchor.
- Personal values of vaccination records (names, dates of birth, ID numbers, phones, registry
  answers) are never stored in clear: a keyed hash (HMAC-SHA256, key in the workspace folder)
  stands in their place, so a purge of personal data never needs to rewrite an event.

The chain works on an ORM session or on a Core connection (``Database.connect``) alike: it reads and
writes the Core table ``audit_event``, so signing in and its single events never load the ORM.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from desktop.db_bulk import (
    connection_of,
    db_value,
    dialect_of,
    fast_insert,
    fast_insert_supported,
    write_lock,
)
from desktop.models.tables.audit import audit_event
from desktop.models.tables.base import utcnow

if TYPE_CHECKING:
    from desktop.db_bulk import Db

GENESIS = "0" * 64
SYSTEM = "system"

# values of a person that the log keeps only as keyed hashes
PERSONAL_FIELDS = frozenset({"full_name", "name_folded", "date_of_birth", "id_number", "phone",
                             "insurance_number", "registry_values"})
PROTECTED_PREFIX = "hmac:"
KEY_FILE = "audit.key"
GUARD_TRIGGERS = ("audit_event_no_update", "audit_event_no_delete")  # migration 0008
KEY_INFO = "audit_key_path"  # Session.info / Connection.info entry naming the key file (set by the workspace)
E = audit_event.c

Items = list[tuple[str | int, dict[str, Any] | None, dict[str, Any] | None]]


def _canonical(event: Any) -> bytes:
    """The hashed form of an event; ``event`` is an ``AuditEvent`` (or ``EventCopy``) or a plain mapping of its
    columns."""
    get: Callable[[str], Any] = event.get if isinstance(event, Mapping) else lambda name: getattr(event, name)
    body = {
        "id": get("id"),
        "at": get("at").isoformat(timespec="microseconds"),
        "actor": get("actor"),
        "action": get("action"),
        "entity": get("entity"),
        "entity_id": get("entity_id"),
        "before": get("before"),
        "after": get("after"),
        "reason": get("reason"),
        "prev": get("prev_hash"),
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def _last_hash(session: Db) -> tuple[int, str]:
    row = session.execute(select(E.id, E.hash).order_by(E.id.desc()).limit(1)).first()
    return (row[0], row[1]) if row else (0, GENESIS)


# --------------------------------------------------------------------------------------------
# Personal values: keyed hashes


_keys: dict[str, bytes] = {}
_keys_lock = threading.Lock()


def workspace_key(path: Path) -> bytes:
    """The workspace's audit key (32 random bytes, owner-only file), created on first use."""
    name = str(path)
    with _keys_lock:
        if name in _keys:
            return _keys[name]
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            key = bytes.fromhex(Path(path).read_text(encoding="ascii").strip())
        else:
            key = os.urandom(32)
            with os.fdopen(fd, "w", encoding="ascii") as out:
                out.write(key.hex())
        _keys[name] = key
        return key


def _session_key(session: Db) -> bytes | None:
    path = session.info.get(KEY_INFO)
    return workspace_key(Path(path)) if path else None


def protect_value(key: bytes | None, value: Any) -> Any:
    """A personal value as it may be kept in the log: ``hmac:<128 bits>``, or ``***`` without a key."""
    if value is None or value == "" or (isinstance(value, str) and value.startswith(PROTECTED_PREFIX)):
        return value
    if key is None:
        return "***"
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return PROTECTED_PREFIX + hmac.new(key, text.encode(), hashlib.sha256).hexdigest()[:32]


def protect(details: dict[str, Any] | None, key: bytes | None) -> dict[str, Any] | None:
    """``details`` without personal values in clear; differences keep only which field and what kind."""
    if not details:
        return details
    out = {}
    for name, value in details.items():
        if name in PERSONAL_FIELDS:
            out[name] = protect_value(key, value)
        elif name == "differences" and isinstance(value, list):
            out[name] = [f"{d.get('field')}:{d.get('kind')}" if isinstance(d, Mapping) else d for d in value]
        else:
            out[name] = value
    return out


def matches(session: Db, stored: Any, value: Any) -> bool:
    """Whether a protected value in the log stands for ``value`` (for an auditor holding the workspace)."""
    key = _session_key(session)
    return key is not None and stored == protect_value(key, value)


# --------------------------------------------------------------------------------------------
# The chain


@dataclass(frozen=True)
class Anchor:
    """A point of the chain vouched for outside the database: event ``event_id`` had hash ``hash``."""

    event_id: int
    hash: str
    source: str  # "workspace" (a signed manifest kept with its batch) or "central"
    batch_id: str = ""
    signed_at: str = ""


@dataclass
class ChainReport:
    events: int
    ok: bool
    first_bad_id: int | None = None
    # missing | broken_link | altered | truncated | rewritten | anchor_unsigned | batch_event_missing | guard_removed
    problem: str = ""
    anchors: int = 0
    last_anchor_id: int | None = None
    since_id: int | None = None  # with "rewritten": the first event that may have been changed
    anchor: dict[str, Any] | None = field(default=None)  # the anchor that disagrees
    batch_id: str = ""  # with "anchor_unsigned" or "batch_event_missing": the batch concerned
    central_anchors: int | None = None  # how many anchors the central service returned (None: not asked)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class EventCopy:
    """A plain copy of an event just appended (its columns)."""

    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str
    prev_hash: str
    hash: str


class AuditChain:
    """The audit log of one unit of work (an ORM session or a Core connection): append, head, verify."""

    def __init__(self, session: Db):
        self.session = session

    def _lock(self) -> None:
        """Take the write lock now, so two processes cannot both chain onto the same last hash."""
        dialect = dialect_of(self.session).name
        if dialect == "sqlite":
            write_lock(self.session)
        elif dialect == "postgresql":
            connection_of(self.session).exec_driver_sql("LOCK TABLE audit_event IN SHARE ROW EXCLUSIVE MODE")

    def _flush(self) -> None:
        """A session's pending changes go out before the events (a Core connection has none)."""
        if not isinstance(self.session, Connection):
            self.session.flush()

    def append(self, actor: str, action: str, entity: str, items: Items, reason: str = "") -> list[EventCopy]:
        """Append events of one kind in the caller's transaction (they commit or roll back with the change).

        Returns a plain copy of the event for a single item; bulk appends need no objects (they go
        through ``append_many``).
        """
        if len(items) > 1 and fast_insert_supported(self.session):
            self.append_many(actor, action, entity, items, reason)
            return []
        self._lock()
        last_id, prev = _last_hash(self.session)
        key = _session_key(self.session)
        at = utcnow()
        rows: list[dict[str, Any]] = []
        for offset, (entity_id, before, after) in enumerate(items, start=1):
            row: dict[str, Any] = {
                "id": last_id + offset, "at": at, "actor": actor or SYSTEM, "action": action, "entity": entity,
                "entity_id": str(entity_id), "before": protect(before, key), "after": protect(after, key),
                "reason": reason or "", "prev_hash": prev,
            }
            row["hash"] = prev = hashlib.sha256(_canonical(row)).hexdigest()
            rows.append(row)
        if rows:
            self._flush()
            self.session.execute(insert(audit_event), rows)
        return [EventCopy(**row) for row in rows] if len(rows) == 1 else []

    def append_many(self, actor: str, action: str, entity: str, items: Items, reason: str = "") -> None:
        """``append`` for many items, fast: personal values protected as ``append`` does, the same hashes."""
        writer = self.writer(actor, action, entity, reason)
        writer.append(items)

    def writer(self, actor: str, action: str, entity: str, reason: str = "") -> EventWriter:
        """An ``EventWriter`` appending events of one kind, in pieces, in the caller's transaction."""
        return EventWriter(self, actor, action, entity, reason)

    def head(self) -> dict[str, Any]:
        """The last event's id and hash (``0`` and the genesis hash for an empty log), as a manifest carries it."""
        event_id, digest = _last_hash(self.session)
        return {"event_id": event_id, "hash": digest}

    def verify(self, anchors: Iterable[Anchor] = ()) -> ChainReport:
        """Recompute every hash in order and compare the chain with each anchor; report the first disagreement."""
        by_id: dict[int, list[Anchor]] = {}
        for anchor in anchors:
            by_id.setdefault(anchor.event_id, []).append(anchor)
        report = ChainReport(0, True, anchors=sum(len(v) for v in by_id.values()),
                             last_anchor_id=max(by_id) if by_id else None)
        confirmed = 0  # the last anchored event that agreed
        for anchor in by_id.get(0, []):
            if anchor.hash != GENESIS:
                return self._disagree(report, anchor, "rewritten", 0, 1)
        prev = GENESIS
        expected_id = None
        rows = self.session.execute(select(audit_event).order_by(E.id).execution_options(yield_per=2000)).mappings()
        for event in rows:
            report.events += 1
            if event["id"] != (expected_id or 1):  # the log starts at event 1 and has no gaps
                return self._bad(report, expected_id or 1, "missing")
            expected_id = event["id"] + 1
            if event["prev_hash"] != prev:
                return self._bad(report, event["id"], "broken_link")
            if hashlib.sha256(_canonical(event)).hexdigest() != event["hash"]:
                return self._bad(report, event["id"], "altered")
            prev = event["hash"]
            for anchor in by_id.get(event["id"], []):
                if anchor.hash != event["hash"]:
                    return self._disagree(report, anchor, "rewritten", event["id"], confirmed + 1)
            if event["id"] in by_id:
                confirmed = event["id"]
        last = (expected_id or 1) - 1
        beyond = [a for group in by_id.values() for a in group if a.event_id > last]
        if beyond:
            anchor = min(beyond, key=lambda a: a.event_id)
            return self._disagree(report, anchor, "truncated", last + 1, None)
        return report

    def check(self, central: Iterable[Anchor] | None = None) -> ChainReport:
        """The full check: the chain, every anchor of the workspace's signed manifests and, when given,
        the central service's anchors; then that each signed batch still has its own events."""
        local, unsigned = self.workspace_anchors()
        central_list = None if central is None else list(central)
        report = self.verify([*local, *(central_list or [])])
        report.central_anchors = None if central_list is None else len(central_list)
        if not report.ok:
            return report
        if unsigned:
            report.ok, report.problem, report.batch_id = False, "anchor_unsigned", unsigned[0]
            return report
        missing = self.missing_batch_events(local)
        if missing:
            batch_id, anchor_id = missing[0]
            report.ok, report.problem, report.batch_id = False, "batch_event_missing", batch_id
            report.first_bad_id = anchor_id + 1
        elif not self.guarded():
            report.ok, report.problem = False, "guard_removed"
        return report

    def guarded(self) -> bool:
        """Whether the database still has (and runs) the triggers that refuse UPDATE and DELETE."""
        from sqlalchemy import text

        dialect = dialect_of(self.session).name
        if dialect == "sqlite":
            names = self.session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                              "AND tbl_name = 'audit_event'")).all()
        elif dialect == "postgresql":
            names = self.session.scalars(text("SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_event'::regclass "
                                              "AND NOT tgisinternal AND tgenabled <> 'D'")).all()
        else:
            return True
        return set(GUARD_TRIGGERS) <= set(names)

    @staticmethod
    def _bad(report: ChainReport, event_id: int, problem: str) -> ChainReport:
        report.ok, report.first_bad_id, report.problem = False, event_id, problem
        return report

    @staticmethod
    def _disagree(report: ChainReport, anchor: Anchor, problem: str, event_id: int, since: int | None) -> ChainReport:
        report.ok, report.first_bad_id, report.problem, report.since_id = False, event_id, problem, since
        report.anchor = asdict(anchor)
        return report

    # ---------------------------------------------------------------- the workspace's own anchors

    def workspace_anchors(self) -> tuple[list[Anchor], list[str]]:
        """The anchors in the signed manifests kept with the batches, and the batches whose manifest
        signature does not hold (a forged anchor is not an anchor)."""
        from desktop.models import SigningBatch

        anchors, unsigned = [], []
        rows = self.session.execute(select(SigningBatch.id, SigningBatch.manifest, SigningBatch.certificate_sha256,
                                           SigningBatch.created_at).order_by(SigningBatch.created_at)).all()
        for batch_id, manifest, cert_sha256, created in rows:
            head = _signed_audit_head(manifest, cert_sha256)
            if head is False:
                unsigned.append(batch_id)
            elif head is not None:
                anchors.append(Anchor(head["event_id"], head["hash"], "workspace", batch_id,
                                      created.isoformat() if created else ""))
        return anchors, unsigned

    def missing_batch_events(self, anchors: Iterable[Anchor]) -> list[tuple[str, int]]:
        """Batches signed on this workspace whose own ``sign_batch`` event is absent after their anchor.

        The event is written in the batch's transaction, so a log cut after the last anchor that
        takes a signed batch's events with it is caught here."""
        wanted = {a.batch_id: a.event_id for a in anchors if a.source == "workspace" and a.batch_id}
        if not wanted:
            return []
        found: dict[str, int] = {}
        ids = list(wanted)
        for k in range(0, len(ids), 900):
            found.update(self.session.execute(
                select(E.entity_id, E.id).where(E.action == "sign_batch", E.entity == "signing_batch",
                                                E.entity_id.in_(ids[k:k + 900]))).all())
        return sorted(((b, e) for b, e in wanted.items() if found.get(b, -1) <= e), key=lambda x: x[1])


def _signed_audit_head(manifest: bytes, cert_sha256: str) -> dict[str, Any] | None | Literal[False]:
    """The ``audit_head`` of a signed manifest; None when it carries none, False when its signature fails."""
    import cbor2

    from desktop.dcc import cose

    try:
        msg = cose.decode_sign1(bytes(manifest))
        payload = cose.loads_strict(msg.payload)
    except (cose.CoseError, ValueError, TypeError):
        return False
    head = payload.get("audit_head") if isinstance(payload, dict) else None
    if head is None:
        return None
    if not (isinstance(head, dict) and isinstance(head.get("event_id"), int) and isinstance(head.get("hash"), str)):
        return False
    chain = msg.protected.get(cose.HEADER_X5CHAIN)
    leaf = chain[0] if isinstance(chain, list) and chain else chain
    if not isinstance(leaf, bytes) or (cert_sha256 and hashlib.sha256(leaf).hexdigest() != cert_sha256):
        return False
    try:
        _verify_manifest_signature(msg, leaf)
    except (cose.CoseError, ValueError, cbor2.CBORError):
        return False
    return {"event_id": head["event_id"], "hash": head["hash"]}


def _verify_manifest_signature(msg: Any, leaf_der: bytes) -> None:
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    from desktop.dcc import cose

    public_key = x509.load_der_x509_certificate(leaf_der).public_key()
    if msg.alg == -257:  # RS256, for tokens without PSS
        try:
            cast(rsa.RSAPublicKey, public_key).verify(msg.signature, msg.to_be_signed(), padding.PKCS1v15(),
                                                      hashes.SHA256())
        except (InvalidSignature, TypeError, AttributeError) as exc:
            raise ValueError("RS256 signature does not match") from exc
        return
    cose.verify_signature(msg, public_key)


def anchors_from_central(items: Iterable[Mapping[str, Any]]) -> list[Anchor]:
    """Anchors as ``GET /v1/anchors`` returns them (``batch_id``, ``event_id``, ``hash``, ``signed_at``)."""
    return [Anchor(int(i["event_id"]), str(i["hash"]), "central", str(i.get("batch_id", "")),
                   str(i.get("signed_at", ""))) for i in items]


# --------------------------------------------------------------------------------------------
# Bulk appends: the canonical text assembled from pre-encoded parts


_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
_json_str = json.encoder.encode_basestring  # what the encoder above uses for str (C when available)


def canonical_json(value: Any) -> str:
    """``value`` as the canonical form encodes it (sorted keys, no spaces, UTF-8 text)."""
    return _ENCODER.encode(value)


def _int_text(value: Any) -> str:
    return int.__repr__(value) if value.__class__ is int else canonical_json(value)


def after_encoder(constants: Mapping[str, Any], fields: Sequence[str],
                  sample: Mapping[str, Any]) -> Callable[[Mapping[str, Any]], str]:
    """A function giving ``canonical_json({**constants, **{f: row[f] for f in fields}})`` for rows like ``sample``.

    For ``EventWriter.append_texts``: the fields must not be personal values (they would need the
    keyed hash). The text is assembled from a pre-encoded template (keys in sorted order, constants
    in place) and the row's values, each encoded as ``json`` encodes it (str via
    ``encode_basestring``, int via ``int.__repr__``); a value of another type, or a template that does
    not give ``canonical_json``'s text for ``sample``, falls back to ``canonical_json`` of the dict.
    """
    personal = PERSONAL_FIELDS.intersection(fields) | PERSONAL_FIELDS.intersection(constants)
    if personal:
        raise ValueError(f"personal values need protect(): {sorted(personal)}")

    def slow(row: Mapping[str, Any]) -> str:
        return canonical_json({**constants, **{f: row[f] for f in fields}})

    names = sorted(set(constants) | set(fields))
    variable = [n for n in names if n not in constants or n in fields]
    kinds = [sample[name].__class__ for name in variable]
    if len(variable) < 2 or any(kind not in (str, int) for kind in kinds):
        return slow
    parts = []
    for name in names:
        key = canonical_json(name).replace("{", "{{").replace("}", "}}")
        if name in variable:
            parts.append(f"{key}:{{}}")
        else:
            parts.append(f"{key}:" + canonical_json(constants[name]).replace("{", "{{").replace("}", "}}"))
    # one generated expression per row shape: template.format(str_(row["a"]), int_(row["b"]), ...)
    arguments = ", ".join(f"{'str_' if kind is str else 'int_'}(row[{name!r}])"
                          for name, kind in zip(variable, kinds, strict=True))
    namespace: dict[str, Any] = {"template": "{{" + ",".join(parts) + "}}", "str_": _json_str, "int_": _int_text}
    exec(f"def build(row):\n    return template.format({arguments})\n", namespace)  # noqa: S102 - field names only
    build = namespace["build"]

    def fast(row: Mapping[str, Any]) -> str:
        try:
            return str(build(row))
        except TypeError:  # a value of another type in this row
            return slow(row)

    return fast if fast(sample) == slow(sample) else slow


class EventWriter:
    """Appends events of one kind in pieces, inside the caller's transaction, as fast as the chain allows.

    The chain's head is read once (under the write lock) and carried from piece to piece; each event's
    canonical text is assembled from pre-encoded constant parts and hashed in one loop, and the rows go
    in through ``db_bulk.fast_insert`` (``executemany`` on SQLite, ``COPY`` on PostgreSQL). At start the
    assembled text is compared with ``_canonical`` for a probe event: any difference (or a database
    without a fast insert) switches to ``AuditChain.append`` for every piece, so the hashes can never
    differ from the general path's.
    """

    def __init__(self, chain: AuditChain, actor: str, action: str, entity: str, reason: str = ""):
        self.chain = chain
        self.session = session = chain.session
        self.actor, self.action, self.entity, self.reason = actor or SYSTEM, action, entity, reason or ""
        self.fast = fast_insert_supported(session)
        self.key = _session_key(session)
        if not self.fast:
            return
        chain._flush()
        chain._lock()
        self.last_id, self.prev = _last_hash(session)
        self.at = utcnow()
        self._at_db = db_value(session, self.at)
        self._head = f'{{"action":{canonical_json(self.action)},"actor":{canonical_json(self.actor)},"after":'
        self._at = f',"at":{canonical_json(self.at.isoformat(timespec="microseconds"))},"before":'
        self._middle = f',"entity":{canonical_json(self.entity)},"entity_id":'
        self._tail = f',"reason":{canonical_json(self.reason)}}}'
        self.fast = self._probe()

    def _probe(self) -> bool:
        after = {"list_id": 1, "full_name": "Nguyễn Văn Đức", "dose_number": 2, "x": None, "f": 1.5}
        before = {"stage": "loaded", "n": [1, "a"]}
        for old in (None, before):
            event = {"id": 7, "at": self.at, "actor": self.actor, "action": self.action, "entity": self.entity,
                     "entity_id": "42", "before": old, "after": after, "reason": self.reason, "prev_hash": "ab" * 32}
            text = self._text(7, "42", canonical_json(old), canonical_json(after), "ab" * 32)
            if _canonical(event) != text.encode():
                return False
        return True

    def _text(self, event_id: int, entity_id: str, before_json: str, after_json: str, prev: str) -> str:
        quoted = f'"{entity_id}"' if entity_id.isdigit() else canonical_json(entity_id)
        return (f'{self._head}{after_json}{self._at}{before_json}{self._middle}{quoted},"id":{event_id},'
                f'"prev":"{prev}"{self._tail}')

    def append(self, items: Items) -> None:
        """Events for items of (entity_id, before, after); personal values are protected as ``append`` does."""
        if not items:
            return
        if not self.fast:
            for item in items:  # one by one: ``append`` sends several items back here
                self.chain.append(self.actor, self.action, self.entity, [item], self.reason)
            return
        key = self.key
        rows = []
        last: tuple[Any, Any, str, str] = (None, None, "null", "null")  # the same dicts are encoded once
        for entity_id, before, after in items:
            if before is not last[0] or after is not last[1]:
                last = (before, after, canonical_json(protect(before, key)) if before is not None else "null",
                        canonical_json(protect(after, key)) if after is not None else "null")
            rows.append((str(entity_id), last[2], last[3]))
        self._write(rows)

    def append_texts(self, items: Sequence[tuple[str, str]]) -> None:
        """Creation events (``before`` null) for items of (entity_id as text, ``after`` as canonical text
        without personal values, e.g. from ``after_encoder``)."""
        if not items:
            return
        if not self.fast:
            for entity_id, after_json in items:
                self.chain.append(self.actor, self.action, self.entity, [(entity_id, None, json.loads(after_json))],
                                  self.reason)
            return
        self._write([(entity_id, "null", after_json) for entity_id, after_json in items])

    def _write(self, items: Sequence[tuple[str, str, str]]) -> None:
        rows: list[tuple[Any, ...]] = []
        add = rows.append
        prev, last_id = self.prev, self.last_id
        head, at, middle, tail = self._head, self._at, self._middle, self._tail
        sha256 = hashlib.sha256
        for entity_text, before_json, after_json in items:
            last_id += 1
            quoted = f'"{entity_text}"' if entity_text.isdigit() else canonical_json(entity_text)
            text = f'{head}{after_json}{at}{before_json}{middle}{quoted},"id":{last_id},"prev":"{prev}"{tail}'
            digest = sha256(text.encode()).hexdigest()
            before = None if before_json == "null" else before_json
            after = None if after_json == "null" else after_json
            add((last_id, entity_text, before, after, prev, digest))
            prev = digest
        constants = {"at": self._at_db, "actor": self.actor, "action": self.action, "entity": self.entity,
                     "reason": self.reason}
        columns = ["id", "entity_id", "before", "after", "prev_hash", "hash"]
        fast_insert(self.session, audit_event, columns, rows, constants)
        self.prev, self.last_id = prev, last_id


# --------------------------------------------------------------------------------------------
# The functions every capability calls (one event, many events, the plain chain check)


def record_event(
    session: Db,
    actor: str,
    action: str,
    entity: str,
    entity_id: str | int,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> EventCopy:
    """Append one event in the caller's transaction (it commits or rolls back with the change)."""
    return AuditChain(session).append(actor, action, entity, [(entity_id, before, after)], reason)[0]


def record_events(session: Db, actor: str, action: str, entity: str, items: Items,
                  reason: str = "") -> list[EventCopy]:
    """Append many events of one kind at once (an import of 100,000 rows is one call)."""
    return AuditChain(session).append(actor, action, entity, items, reason)


def verify_chain(session: Db) -> ChainReport:
    """Recompute every hash in order; report the first event that does not fit."""
    return AuditChain(session).verify()


def check_log(workspace: Any, central: Iterable[Anchor] | None = None) -> ChainReport:
    """The workspace's log checked whole: every hash, and the anchors (the central's, when given)."""
    with workspace.db.session() as session:
        return AuditChain(session).check(central)


def snapshot(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """Plain dict of some fields of a model, for before/after."""
    out = {}
    for name in fields:
        value = getattr(obj, name)
        out[name] = value.isoformat() if isinstance(value, datetime) else value
    return out


# --------------------------------------------------------------------------------------------
# Reading the log: the administrator's viewer and its CSV export


@dataclass(frozen=True)
class EventFilter:
    """Which events to show; empty fields match everything. Dates are local calendar days, inclusive."""

    actor: str = ""
    record: str = ""  # the entity's id: a record number, a batch id, a UVCI, an account name
    action: str = ""  # exact action, or a prefix ending in "." (``decision.``)
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class EventRow:
    id: int
    at: str  # local time, ``YYYY-MM-DD HH:MM:SS``
    actor: str
    action: str
    entity: str
    entity_id: str
    reason: str
    before: str  # JSON text
    after: str


@dataclass(frozen=True)
class EventPage:
    rows: tuple[EventRow, ...]
    total: int  # all events matching the filter (``rows`` holds at most the limit, newest first)


def _local_day_start(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def _conditions(filt: EventFilter) -> list[Any]:
    out: list[Any] = []
    if filt.actor.strip():
        out.append(E.actor == filt.actor.strip())
    if filt.record.strip():
        out.append(E.entity_id == filt.record.strip())
    action = filt.action.strip()
    if action.endswith("."):
        out.append(E.action.startswith(action, autoescape=True))
    elif action:
        out.append(E.action == action)
    if filt.since:
        out.append(E.at >= _local_day_start(filt.since))
    if filt.until:
        out.append(E.at < _local_day_start(filt.until + timedelta(days=1)))
    return out


def _row(event: Any) -> EventRow:
    def text(value: Any) -> str:
        return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)

    return EventRow(event.id, event.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), event.actor, event.action,
                    event.entity, event.entity_id, event.reason or "", text(event.before), text(event.after))


def find_events(workspace: Any, filt: EventFilter = EventFilter(), limit: int = 5000) -> EventPage:
    """The newest ``limit`` events matching ``filt``, and how many match in all."""
    from sqlalchemy import func

    where = _conditions(filt)
    with workspace.db.session() as session:
        total = session.scalar(select(func.count()).select_from(audit_event).where(*where)) or 0
        events = session.execute(select(audit_event).where(*where).order_by(E.id.desc()).limit(limit))
        rows = tuple(_row(e) for e in events)
    return EventPage(rows, total)


def event_actions(workspace: Any) -> list[str]:
    """Every action the log holds, for the viewer's filter."""
    with workspace.db.session() as session:
        return sorted(session.scalars(select(E.action).distinct()))


CSV_COLUMNS = ("id", "at", "actor", "action", "entity", "entity_id", "reason", "before", "after")


def _cell(value: Any) -> Any:
    """A spreadsheet never runs a cell as a formula: text starting with = + - @ gets a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_events_csv(workspace: Any, filt: EventFilter, path: str | Path, actor: str = "") -> int:
    """Every event matching ``filt`` (oldest first) into a UTF-8 CSV that Excel opens; returns the count.

    The export itself is an event (who took which part of the log out of the workspace)."""
    import csv

    where = _conditions(filt)
    count = 0
    target = Path(path)
    with workspace.db.session() as session, target.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        query = select(audit_event).where(*where).order_by(E.id).execution_options(yield_per=2000)
        for event in session.execute(query):
            row = _row(event)
            writer.writerow([_cell(getattr(row, c)) for c in CSV_COLUMNS])
            count += 1
    with workspace.db.session() as session:
        shown = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(filt).items() if v}
        record_event(session, actor, "audit.exported", "audit_log", "csv", None, {"events": count, "filter": shown})
    return count
