"""Moving a workspace's database from its SQLite file to PostgreSQL, for several workstations.

Every table is copied as it is, ids included, in an order that satisfies the foreign keys, into an
empty PostgreSQL database the same migrations have just built; the sequences then continue after
the highest ids. The copy is checked before the workspace is switched to it: the same number of
rows in every table, and the audit log's chain verified from its first event to the same head. Only
then does the workspace's ``database_url`` point at PostgreSQL, and the move is recorded in the new
database's audit log. The SQLite file is never written: it stays as it was, a way back.

One difference is not carried: a JSON column's SQL NULL arrives as JSON ``null`` (no code tells them
apart).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, insert, inspect, select, text
from sqlalchemy.engine import make_url

from desktop.audit import KEY_INFO, AuditChain, record_event
from desktop.db import Database
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.models import Base
from desktop.progress import NO_PROGRESS, Progress
from desktop.workspace import Workspace

log = logging.getLogger(__name__)
CHUNK = 5000  # rows read and written at a time


@dataclass(frozen=True)
class MoveResult:
    """What was moved: rows per table, the audit log checked on arrival, where the workspace now is."""

    target: str  # the new database URL, without its password
    tables: dict[str, int] = field(default_factory=dict)
    audit_events: int = 0
    audit_head: str = ""
    sequences_reset: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {"target": self.target, "tables": dict(self.tables), "rows": sum(self.tables.values()),
                "audit_events": self.audit_events, "audit_head": self.audit_head,
                "audit_chain": "verified", "sequences_reset": self.sequences_reset}


def _refuse(vi: str, en: str, code: str, **params: Any) -> UserError:
    return UserError(tr(vi, en, **params), code=code)


def _shown(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _check_target(target: Database) -> None:
    """Refuse a database that holds anything of ours (or anything at all in our tables' names)."""
    names = set(inspect(target.engine).get_table_names())
    with target.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in names and conn.scalar(select(func.count()).select_from(table)):
                raise _refuse("Cơ sở dữ liệu đích {url} đã có dữ liệu (bảng {table}); chỉ chuyển sang một cơ sở dữ "
                              "liệu trống.",
                              "The target database {url} already holds data (table {table}); a workspace moves "
                              "only into an empty database.", "target_not_empty", url=_shown(target.url),
                              table=table.name)


def _copy(source: Database, target: Database, progress: Progress) -> dict[str, int]:
    counts: dict[str, int] = {}
    tables = Base.metadata.sorted_tables
    with source.engine.connect() as src, target.engine.begin() as dst:
        for number, table in enumerate(tables, start=1):
            progress.update(number - 1, len(tables), str(tr("Đang chuyển bảng {table}…", "Moving table {table}…",
                                                           table=table.name)))
            order = list(table.primary_key.columns)
            result = src.execution_options(yield_per=CHUNK).execute(select(table).order_by(*order)).mappings()
            copied = 0
            for part in result.partitions(CHUNK):
                dst.execute(insert(table), [dict(row) for row in part])
                copied += len(part)
            counts[table.name] = copied
    return counts


def _reset_sequences(target: Database) -> int:
    """Each serial id continues after the highest copied one."""
    reset = 0
    with target.engine.begin() as conn:
        for table in Base.metadata.sorted_tables:
            keys = list(table.primary_key.columns)
            if len(keys) != 1:
                continue
            sequence = conn.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": keys[0].name})
            if sequence is None:
                continue
            highest = conn.scalar(select(func.max(keys[0])))
            conn.execute(text("SELECT setval(:s, :v, :called)"),
                         {"s": sequence, "v": highest or 1, "called": highest is not None})
            reset += 1
    return reset


def _counts(database: Database) -> dict[str, int]:
    with database.engine.connect() as conn:
        return {t.name: conn.scalar(select(func.count()).select_from(t)) or 0 for t in Base.metadata.sorted_tables}


def move_workspace(workspace: Workspace, to_url: str, actor: str, progress: Progress | None = None) -> MoveResult:
    """Copy the workspace's SQLite database into the empty PostgreSQL database ``to_url``, verify the copy,
    and switch the workspace to it. Raises ``UserError`` (and leaves the workspace as it was) when the
    target is not PostgreSQL or not empty, or the copy does not verify."""
    progress = progress or NO_PROGRESS
    if not workspace.database_url.startswith("sqlite"):
        raise _refuse("Thư mục làm việc này đã dùng {url}; chỉ chuyển được từ tệp SQLite.",
                      "This workspace already uses {url}; only a SQLite workspace can be moved.", "not_sqlite",
                      url=_shown(workspace.database_url))
    if make_url(to_url).get_backend_name() != "postgresql":
        raise _refuse("Địa chỉ đích phải là PostgreSQL (postgresql+psycopg://…).",
                      "The target must be a PostgreSQL URL (postgresql+psycopg://…).", "not_postgresql")
    source = workspace.db  # migrated to this version first
    target = Database(to_url, info={KEY_INFO: workspace.path / "audit.key"})
    try:
        try:
            _check_target(target)
            target.migrate()
        except UserError:
            raise
        except Exception as exc:  # noqa: BLE001 - cannot connect, no rights: said plainly
            raise _refuse("Không mở được cơ sở dữ liệu đích {url}: {err}", "Cannot open the target database {url}: "
                          "{err}", "database_unavailable", url=_shown(to_url), err=type(exc).__name__) from exc
        with source.session() as session:
            source_report = AuditChain(session).verify()
            source_head = AuditChain(session).head()
        copied = _copy(source, target, progress)
        sequences = _reset_sequences(target)
        expected, arrived = _counts(source), _counts(target)
        if arrived != expected or copied != expected:
            wrong = sorted(name for name in expected if arrived.get(name) != expected[name])
            raise _refuse("Bản sao không khớp số dòng ở các bảng {tables}; thư mục làm việc vẫn dùng tệp SQLite.",
                          "The copy's row counts differ in tables {tables}; the workspace still uses its SQLite "
                          "file.", "move_mismatch", tables=", ".join(wrong))
        with target.session() as session:
            report = AuditChain(session).verify()
            head = AuditChain(session).head()
        if not report.ok or report.events != source_report.events or head != source_head:
            raise _refuse("Chuỗi nhật ký kiểm toán của bản sao không hợp lệ ({problem}); thư mục làm việc vẫn dùng tệp "
                          "SQLite.", "The copy's audit chain does not verify ({problem}); the workspace still uses "
                          "its SQLite file.", "move_audit_broken", problem=report.problem or "head")
        with target.session() as session:
            record_event(session, actor, "workspace.moved", "workspace", workspace.path.name, None,
                         {"to": _shown(to_url), "rows": sum(arrived.values()), "audit_head": head["hash"]},
                         "moved from SQLite to PostgreSQL")
    finally:
        target.dispose()
    workspace.settings.set("database_url", to_url)
    workspace.settings.save()
    workspace.close()
    workspace.__dict__.pop("db", None)  # the next use opens the new database
    log.info("workspace %s moved to %s: %d rows", workspace.path.name, _shown(to_url), sum(arrived.values()))
    progress.update(1, 1, None)
    return MoveResult(_shown(to_url), arrived, report.events, head["hash"], sequences)
