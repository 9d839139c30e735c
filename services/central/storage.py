"""The central database: the same SQLAlchemy code on SQLite (WAL) and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError

from desktop.db import Database
from desktop.errors import UserError
from desktop.i18n import tr
from services.central.models import CentralBase


class CentralDatabase:
    """The workspace's engine set-up and unit of work (``desktop.db.Database``) on the central's
    own tables; the schema is created from ``CentralBase.metadata``, never migrated as a workspace."""

    def __init__(self, url: str, create: bool = True):
        self.url = url
        self._database = Database(url)
        self.engine = self._database.engine
        self.session = self._database.session
        if create:
            self.create_schema()

    def create_schema(self) -> None:
        try:
            CentralBase.metadata.create_all(self.engine)
            self._add_missing_columns()
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

    def dispose(self) -> None:
        self._database.dispose()
