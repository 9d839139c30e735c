"""The central database: the same SQLAlchemy code on SQLite (WAL) and PostgreSQL.

Several replicas of the service share one PostgreSQL database and no state of their own: what must
hold across them is held by the database's constraints (one batch per batch id, one UVCI each,
one valid certificate per person and dose and per record). Each PostgreSQL session gives up a lock
it waits for after ``LOCK_TIMEOUT_MS`` and is ended by the server when it sits
``IDLE_IN_TRANSACTION_MS`` inside a transaction, so a replica that is stopped (SIGSTOP, a frozen VM)
in the middle of storing a batch cannot hold the other replicas back for longer than that.
"""

from __future__ import annotations

import logging

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError

from desktop.db import Database
from desktop.errors import UserError
from desktop.i18n import tr
from services.central.models import CentralBase

log = logging.getLogger("vaxdesk.central")

CONNECT_TIMEOUT_S = 5
LOCK_TIMEOUT_MS = 10_000
IDLE_IN_TRANSACTION_MS = 10_000


def engine_url(url: str) -> str:
    """``url`` with the session settings above on PostgreSQL (any the URL already sets are kept)."""
    parsed = make_url(url)
    if not parsed.get_backend_name().startswith("postgresql"):
        return url
    query = dict(parsed.query)
    query.setdefault("connect_timeout", str(CONNECT_TIMEOUT_S))
    query.setdefault("options", f"-c lock_timeout={LOCK_TIMEOUT_MS} "
                                f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS}")
    return parsed.set(query=query).render_as_string(hide_password=False)


class CentralDatabase:
    """The workspace's engine set-up and unit of work (``desktop.db.Database``) on the central's
    own tables; the schema is created from ``CentralBase.metadata``, never migrated as a workspace."""

    def __init__(self, url: str, create: bool = True):
        self.url = url
        self._database = Database(engine_url(url))
        self.engine = self._database.engine
        self.session = self._database.session
        if create:
            self.create_schema()

    def create_schema(self) -> None:
        try:
            CentralBase.metadata.create_all(self.engine)
            self._add_missing_columns()
            self._add_missing_indexes()
        except OperationalError as exc:
            raise UserError(tr("Không mở được cơ sở dữ liệu trung ương: {err}",
                               "Cannot open the central database: {err}", err=str(exc.orig)),
                            code="database_unavailable") from exc

    def _add_missing_columns(self) -> None:
        """A database made by an older version lacks the newer nullable columns: add them."""
        inspector = inspect(self.engine)
        with self.engine.begin() as connection:
            for table in CentralBase.metadata.sorted_tables:
                present = {c["name"] for c in inspector.get_columns(table.name)}
                for column in table.columns:
                    if column.name in present or not column.nullable:
                        continue
                    kind = column.type.compile(dialect=self.engine.dialect)
                    connection.execute(text(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}'))

    def _add_missing_indexes(self) -> None:
        """An older database lacks the newer indexes (e.g. one valid certificate per record): add
        them. One that its data already breaks is left out, with a warning, rather than refusing to start."""
        inspector = inspect(self.engine)
        for table in CentralBase.metadata.sorted_tables:
            present = {i["name"] for i in inspector.get_indexes(table.name)}
            for index in table.indexes:
                if index.name in present:
                    continue
                try:
                    index.create(self.engine, checkfirst=True)
                except DatabaseError as exc:
                    log.warning("index %s not created: %s", index.name, type(exc.orig).__name__)

    def dispose(self) -> None:
        self._database.dispose()
