"""Bulk writes for an import: 100,000 records and their audit events in one transaction, fast.

Rows go in through ``desktop.db_bulk`` (the driver's ``executemany`` on SQLite). Audit events are
chained exactly as ``desktop.audit.record_events`` chains them (same canonical form, same hash),
so ``audit verify`` checks them like any other event.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from types import SimpleNamespace
from typing import Any

from sqlalchemy.orm import Session

from desktop import audit
from desktop.db_bulk import executemany, is_sqlite, to_db, write_lock
from desktop.models import AuditEvent


def lock_for_writing(session: Session) -> None:
    """Take SQLite's write lock now, so what we read for de-duplication stays true until commit."""
    if is_sqlite(session):
        # a larger page cache for this connection: six indexes take 100,000 inserts each
        session.connection().exec_driver_sql("PRAGMA cache_size = -65536")
    write_lock(session)


_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
_json_str = json.encoder.encode_basestring  # what the encoder above uses for str (C when available)


def _dumps(value: Any) -> str:
    return _ENCODER.encode(value)


def _int_text(value: Any) -> str:
    return int.__repr__(value) if value.__class__ is int else _dumps(value)


def flat_json(constants: Mapping[str, Any], fields: Sequence[str],
              sample: Mapping[str, Any]) -> Callable[[Mapping[str, Any]], str]:
    """A function giving ``_dumps({**constants, **{f: row[f] for f in fields}})`` for rows like ``sample``.

    The text is assembled from a pre-serialised template (keys in sorted order, constants in place)
    and the row's values, each encoded as ``json`` encodes it (str via ``encode_basestring``, int
    via ``int.__repr__``); a value of any other type, or a template that does not reproduce
    ``_dumps`` exactly for ``sample``, falls back to ``_dumps`` of the dict.
    """
    def slow(row: Mapping[str, Any]) -> str:
        return _dumps({**constants, **{f: row[f] for f in fields}})

    names = sorted(set(constants) | set(fields))
    variable = [n for n in names if n not in constants or n in fields]
    converters = []
    for name in variable:
        kind = sample[name].__class__
        if kind is str:
            converters.append(_json_str)
        elif kind is int:
            converters.append(_int_text)
        else:
            return slow
    if len(variable) < 2:
        return slow
    parts = []
    for name in names:
        key = _dumps(name).replace("{", "{{").replace("}", "}}")
        if name in variable:
            parts.append(f"{key}:{{}}")
        else:
            parts.append(f"{key}:" + _dumps(constants[name]).replace("{", "{{").replace("}", "}}"))
    # one generated expression per row shape: template.format(str_(row["a"]), int_(row["b"]), ...)
    arguments = ", ".join(f"{'str_' if convert is _json_str else 'int_'}(row[{name!r}])"
                          for name, convert in zip(variable, converters, strict=True))
    namespace = {"template": "{{" + ",".join(parts) + "}}", "str_": _json_str, "int_": _int_text}
    exec(f"def build(row):\n    return template.format({arguments})\n", namespace)  # our own field names only
    build = namespace["build"]

    def fast(row: Mapping[str, Any]) -> str:
        try:
            return build(row)
        except TypeError:  # a value of another type in this row
            return slow(row)

    return fast if fast(sample) == slow(sample) else slow


class AuditChain:
    """Appends events to the audit chain in pieces, inside the caller's transaction.

    The canonical text of each event is assembled from pre-serialised constant parts; at start the
    result is compared with ``desktop.audit``'s own canonical form for a probe event, and any
    difference switches to the general path (``record_events``), so the chain can never diverge.
    """

    def __init__(self, session: Session, actor: str, action: str, entity: str, reason: str = ""):
        self.session = session
        self.actor = actor or audit.SYSTEM
        self.action = action
        self.entity = entity
        self.reason = reason
        self.fast = is_sqlite(session)
        if self.fast:
            session.connection().exec_driver_sql("UPDATE audit_event SET id = id WHERE 0")
            self.last_id, self.prev = audit._last_hash(session)
            self.at = audit.utcnow()
            self._at_db = to_db(self.at, False)
            self._head = (f'{{"action":{_dumps(self.action)},"actor":{_dumps(self.actor)},"after":')
            self._middle = (f',"at":{_dumps(self.at.isoformat(timespec="microseconds"))},"before":null,'
                            f'"entity":{_dumps(self.entity)},"entity_id":')
            self._tail = f',"reason":{_dumps(self.reason)}}}'
            self.fast = self._probe()

    def _text(self, event_id: int, entity_id: str, after_json: str, prev: str) -> bytes:
        entity = f'"{entity_id}"' if entity_id.isdigit() else _dumps(entity_id)
        return (f'{self._head}{after_json}{self._middle}{entity},"id":{event_id},'
                f'"prev":"{prev}"{self._tail}').encode()

    def _probe(self) -> bool:
        after = {"list_id": 1, "full_name": "Nguyễn Văn Đức", "dose_number": 2, "x": None}
        event = SimpleNamespace(id=7, at=self.at, actor=self.actor, action=self.action, entity=self.entity,
                                entity_id="42", before=None, after=after, reason=self.reason, prev_hash="ab" * 32)
        return audit._canonical(event) == self._text(7, "42", _dumps(after), "ab" * 32)  # type: ignore[arg-type]

    def append(self, items: Sequence[tuple[str | int, dict[str, Any] | None, dict[str, Any] | None]]) -> None:
        """Events for items of (entity_id, before, after); ``before`` must be None on the fast path."""
        if not items:
            return
        if not self.fast or any(before is not None for _id, before, _after in items):
            audit.record_events(self.session, self.actor, self.action, self.entity, list(items), self.reason)
            if self.fast:
                self.last_id, self.prev = audit._last_hash(self.session)
            return
        self.append_texts([(str(entity_id), _dumps(after)) for entity_id, _before, after in items])

    def append_texts(self, items: Sequence[tuple[str, str]]) -> None:
        """Creation events (``before`` None) for items of (entity_id as text, ``after`` as ``_dumps`` text).

        Only on the fast path (``self.fast``); callers with other needs use ``append``.
        """
        if not items:
            return
        if not self.fast:
            raise RuntimeError("append_texts needs the SQLite fast path")
        rows = []
        add = rows.append
        prev, last_id, at = self.prev, self.last_id, self._at_db
        actor, action, entity, reason = self.actor, self.action, self.entity, self.reason
        head, middle, tail = self._head, self._middle, self._tail
        sha256 = hashlib.sha256
        for entity_text, after_json in items:
            last_id += 1
            quoted = f'"{entity_text}"' if entity_text.isdigit() else _dumps(entity_text)
            text = f'{head}{after_json}{middle}{quoted},"id":{last_id},"prev":"{prev}"{tail}'
            digest = sha256(text.encode()).hexdigest()
            add((last_id, entity_text, after_json, prev, digest))
            prev = digest
        constants = {"at": at, "actor": actor, "action": action, "entity": entity, "before": None,
                     "reason": reason}
        executemany(self.session, AuditEvent.__table__, ["id", "entity_id", "after", "prev_hash", "hash"],
                     rows, constants)
        self.prev, self.last_id = prev, last_id
