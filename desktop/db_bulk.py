"""Bulk database work, one rule each: the SQLite write lock, chunked ``IN``, fast inserts, GC pauses.

- ``write_lock``: SQLite's write lock taken at once, so what a transaction reads before it writes
  stays true until commit (two processes cannot both claim the same outbox item or chain onto the
  same audit hash).
- ``chunks``: ``IN (...)`` lists of at most ``IN_LIMIT`` values, under the bound-parameter limit of
  old SQLite builds (999).
- ``insert_rows`` / ``insert_tuples``: on SQLite the rows go straight to the driver's
  ``executemany`` in short slices (the ORM would spend most of the time on per-row bookkeeping, one
  long call would starve the window's thread); elsewhere SQLAlchemy's core insert.
- ``fast_insert``: rows as tuples of database-form values (``db_value``): ``executemany`` on SQLite,
  ``COPY ... FROM STDIN`` on PostgreSQL; ``reserve_ids`` gives PostgreSQL ids for them beforehand.
- ``indexes_set_aside``: a large load into a small table drops the table's secondary indexes and
  builds them again at the end (one sort each instead of a random B-tree insert per row and index).
- ``gc_paused``: no cyclic garbage collection while 100,000 short-lived objects come and go.

Each helper takes the unit of work it runs in: an ORM session or a Core connection (``Database.connect``).
"""

from __future__ import annotations

import gc
import json
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

from sqlalchemy import JSON, DateTime, Table, func, insert, select
from sqlalchemy.engine import Connection

if TYPE_CHECKING:
    from sqlalchemy.engine import Dialect
    from sqlalchemy.orm import Session

    # a unit of work: an ORM session, or a Core connection (``Database.connect``)
    Db: TypeAlias = Session | Connection

T = TypeVar("T")
IN_LIMIT = 900  # values per IN (...): old SQLite builds bind at most 999 parameters per statement
SLICE = 250  # rows per executemany call between yields of the GIL
_LOCK_TABLE = "audit_event"  # every workspace database has it; the lock is on the whole database
_SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"


def connection_of(session: Db) -> Connection:
    """The connection a unit of work runs on: the Core connection itself, or the session's."""
    return session if isinstance(session, Connection) else session.connection()


def dialect_of(session: Db) -> Dialect:
    return session.dialect if isinstance(session, Connection) else session.get_bind().dialect


def is_sqlite(session: Db) -> bool:
    return dialect_of(session).name == "sqlite"


def write_lock(session: Db) -> None:
    """Take SQLite's write lock now, so what we read next is what we update (no lost updates).

    Other databases lock the rows a statement touches; nothing to do there.
    """
    if is_sqlite(session):
        connection_of(session).exec_driver_sql(f"UPDATE {_LOCK_TABLE} SET id = id WHERE 0")  # noqa: S608 - fixed name


def chunks(values: Sequence[T], size: int = IN_LIMIT) -> Iterator[Sequence[T]]:
    """``values`` in consecutive slices of at most ``size``: one ``IN (...)`` query per slice."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def to_db(value: Any, is_json: bool) -> Any:
    """A value in the form SQLite stores it (JSON as text, datetimes as naive UTC text)."""
    if is_json:
        return None if value is None else json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.strftime(_SQLITE_DATETIME)
    return value


def sqlite_value(value: Any) -> Any:
    """A value as ``insert_rows(..., prepared=True)`` expects it on SQLite (JSON as text, datetimes as text)."""
    if isinstance(value, (list, dict)):
        return to_db(value, True)
    return to_db(value, False)


def _is_datetime(column: Any) -> bool:
    return isinstance(column.type, DateTime) or isinstance(getattr(column.type, "impl", None), DateTime)


def insert_rows(session: Db, table: Table, rows: Sequence[dict[str, Any]], prepared: bool = False) -> None:
    """Insert plain dicts (every column present, ids included) into ``table``.

    ``prepared``: on SQLite the values are already in database form (``sqlite_value``), so rows go to
    the driver as they are.
    """
    if not rows:
        return
    if not is_sqlite(session):
        if not prepared and fast_insert_supported(session):  # PostgreSQL: one COPY stream
            columns = [c.name for c in table.columns]
            if "id" in columns and rows[0].get("id") is None:  # ids left to the database: its sequence's
                rows = [{**row, "id": rid} for row, rid in zip(rows, reserve_ids(session, table, len(rows)),
                                                               strict=True)]
            fast_insert(session, table, columns, [tuple([db_value(session, row[c]) for c in columns]) for row in rows])
            return
        if rows[0].get("id", 0) is None:  # ids left to the database: PostgreSQL takes them from the sequence
            rows = [{k: v for k, v in row.items() if k != "id"} for row in rows]
        session.execute(insert(table), list(rows))
        return
    columns = [c.name for c in table.columns]
    if prepared:
        executemany(session, table, columns, list(map(itemgetter(*columns), rows)))
        return
    special = [(i, isinstance(c.type, JSON)) for i, c in enumerate(table.columns)
               if isinstance(c.type, JSON) or _is_datetime(c)]
    getter = itemgetter(*columns)
    cache: dict[int, Any] = {}
    params = []
    for row in rows:
        values = list(getter(row))
        for i, is_json in special:
            value = values[i]
            if value is None:
                continue
            if is_json:
                values[i] = "[]" if value == [] else json.dumps(value, ensure_ascii=False)
            else:
                key = id(value)
                if key not in cache:
                    cache[key] = to_db(value, False)
                values[i] = cache[key]
        params.append(tuple(values))
    executemany(session, table, columns, params)


def insert_tuples(session: Db, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]],
                  constants: dict[str, Any] | None = None) -> None:
    """SQLite only: insert rows given as tuples of database-form values in the order of ``columns``.

    ``constants``: further columns with the same database-form value (None, int or str) in every
    row; they are written into the statement once instead of being bound for each row.
    """
    executemany(session, table, columns, rows, constants)


def fast_insert_supported(session: Db) -> bool:
    """Whether ``fast_insert`` serves this database: SQLite, or PostgreSQL through psycopg (3)."""
    dialect = dialect_of(session)
    return dialect.name == "sqlite" or (dialect.name == "postgresql" and dialect.driver == "psycopg")


def db_value(session: Db, value: Any) -> Any:
    """A value as ``fast_insert`` takes it: JSON (lists, dicts) as text, datetimes as naive UTC
    (text on SQLite); None, numbers and text as they are."""
    if isinstance(value, (list, dict)):
        return to_db(value, True)
    if isinstance(value, datetime):
        if is_sqlite(session):
            return to_db(value, False)
        return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo is not None else value
    return value


def fast_insert(session: Db, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]],
                constants: dict[str, Any] | None = None) -> None:
    """Insert rows given as tuples of ``db_value`` forms in the order of ``columns``, ids included.

    ``constants``: further columns with the same value in every row. SQLite: the driver's
    ``executemany`` (constants written into the statement once). PostgreSQL: one ``COPY`` stream.
    """
    if is_sqlite(session):
        executemany(session, table, columns, rows, constants)
        return
    if not fast_insert_supported(session):
        raise RuntimeError(f"no fast insert for {dialect_of(session).name}")
    constants = constants or {}
    extra = tuple(constants.values())
    quoted = ", ".join(f'"{c}"' for c in [*columns, *constants])
    cursor = connection_of(session).connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:  # names from the model
        write = copy.write_row
        if extra:
            for row in rows:
                write(row + extra)
        else:
            for row in rows:
                write(row)


def reserve_ids(session: Db, table: Table, count: int) -> list[int]:
    """PostgreSQL: ``count`` ids from the table's id sequence, for rows inserted with ``fast_insert``."""
    if count <= 0:
        return []
    query = (f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) "  # noqa: S608 - name from the model
             f"FROM generate_series(1, {int(count)})")
    return [row[0] for row in connection_of(session).exec_driver_sql(query)]


@contextmanager
def indexes_set_aside(session: Db, table: Table, incoming: int, existing: int,
                      least: int = 5000) -> Iterator[bool]:
    """SQLite: drop ``table``'s secondary (non-unique) indexes for a load of ``incoming`` rows into a
    table of about ``existing`` rows, and create them again from their own definitions when the block
    ends without an error. Yields whether it did.

    Building an index once sorts its keys; keeping it during the load costs a random B-tree insert per
    row and index, about 2.5 times as much per row (measured), so it pays when the load is at least
    as large as what the table holds. DDL is transactional in SQLite: on an error the caller's
    rollback brings the indexes back with everything else.
    """
    if not is_sqlite(session) or incoming < least or incoming < existing:
        yield False
        return
    write_lock(session)  # opens the transaction first: the driver would run a lone DROP INDEX in autocommit
    connection = connection_of(session)
    found = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        (table.name,)).fetchall()
    indexes = [(name, sql) for name, sql in found if not sql.lstrip().upper().startswith("CREATE UNIQUE")]
    for name, _sql in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield bool(indexes)
    for _name, sql in indexes:
        connection.exec_driver_sql(sql)


def next_id(session: Db, table: Table) -> int:
    """The id the next inserted row gets when ids are given explicitly (bulk inserts)."""
    return (session.execute(select(func.max(table.c.id))).scalar() or 0) + 1


def _sql_literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if value.__class__ is int:
        return str(value)
    if value.__class__ is str:
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for {type(value).__name__}")


def executemany(session: Db, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]],
                constants: dict[str, Any] | None = None) -> None:
    """The driver's executemany in slices, yielding the GIL between them.

    sqlite3 releases the GIL around each step but takes it back at once, so a long executemany
    starves other threads (the window's); short slices with a yield keep the window responsive.
    """
    constants = constants or {}
    quoted = ", ".join(f'"{c}"' for c in [*columns, *constants])
    marks = ", ".join(["?"] * len(columns) + [_sql_literal(v) for v in constants.values()])
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'  # noqa: S608 - names from the model
    connection = connection_of(session)
    for start in range(0, len(rows), SLICE):
        connection.exec_driver_sql(sql, list(rows[start:start + SLICE]))
        time.sleep(0)


_gc_lock = threading.Lock()
_gc_users = 0
_gc_restore = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection inside the block (nested and concurrent uses are counted).

    Loading a list, building a batch or storing certificates creates hundreds of thousands of
    short-lived objects (none cyclic, freed by reference counting); the full collections they would
    trigger walk the whole heap and stop every thread, the window's included, for 50–500 ms.
    """
    global _gc_users, _gc_restore
    with _gc_lock:
        if _gc_users == 0:
            _gc_restore = gc.isenabled()
            gc.disable()
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0 and _gc_restore:
                gc.enable()


def update_rows(session: Db, table: Table, columns: Sequence[str], rows: Sequence[dict[str, Any]],
                key: str = "id") -> None:
    """Set ``columns`` of many rows, each dict naming its row by ``key``.

    SQLite: one ``executemany`` of an ``UPDATE … WHERE key = ?``. PostgreSQL (psycopg): the new values
    go through ``COPY`` into a temporary table shaped like ``table``'s columns, then one
    ``UPDATE … FROM`` it; one round trip instead of one statement per row.
    """
    unknown = {key, *columns} - set(table.c.keys())
    if unknown:
        raise ValueError(f"not columns of {table.name}: {sorted(unknown)}")
    if not rows:
        return
    if is_sqlite(session) or not fast_insert_supported(session):
        from sqlalchemy import bindparam, update

        statement = update(table).where(table.c[key] == bindparam("_key")).values(
            **{c: bindparam(c) for c in columns})
        connection_of(session).execute(statement, [{"_key": row[key], **{c: row[c] for c in columns}} for row in rows])
        return
    names = [key, *columns]
    quoted = ", ".join(f'"{c}"' for c in names)  # names checked against the model above
    temp = f"_new_{table.name}"
    connection = connection_of(session)
    connection.exec_driver_sql(
        f'CREATE TEMPORARY TABLE "{temp}" ON COMMIT DROP AS SELECT {quoted} FROM "{table.name}" WITH NO DATA')  # noqa: S608
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f'COPY "{temp}" ({quoted}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(tuple([db_value(session, row[c]) for c in names]))
    assignments = ", ".join(f'"{c}" = t."{c}"' for c in columns)
    connection.exec_driver_sql(
        f'UPDATE "{table.name}" AS r SET {assignments} FROM "{temp}" AS t WHERE r."{key}" = t."{key}"')  # noqa: S608
    connection.exec_driver_sql(f'DROP TABLE "{temp}"')
