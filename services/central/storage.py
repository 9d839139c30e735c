"""The central database: the same SQLAlchemy code on SQLite (WAL) and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop.db import make_engine
from desktop.errors import UserError
from desktop.i18n import tr
from services.central.models import CentralBase


class CentralDatabase:
    def __init__(self, url: str, create: bool = True):
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if create:
            self.create_schema()

    def create_schema(self) -> None:
        try:
            CentralBase.metadata.create_all(self.engine)
        except OperationalError as exc:
            raise UserError(tr("Không mở được cơ sở dữ liệu trung ương: {err}",
                               "Cannot open the central database: {err}", err=str(exc.orig)),
                            code="database_unavailable") from exc

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
