"""PostgreSQL for tests: a new, empty database per test on the server VAXDESK_TEST_POSTGRES_URL names.

    from tests.pg import POSTGRES, postgres_database  # noqa: F401 - provides the pg_url fixture
    pytestmark = [pytest.mark.integration, *POSTGRES]

    def test_something(pg_url): ...   # a SQLAlchemy URL of a database dropped after the test

Without VAXDESK_TEST_POSTGRES_URL the tests marked with ``POSTGRES`` are skipped.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

PG_ENV = "VAXDESK_TEST_POSTGRES_URL"
POSTGRES = [pytest.mark.postgres, pytest.mark.skipif(not os.environ.get(PG_ENV), reason=f"{PG_ENV} is not set")]


@contextmanager
def scratch_database(prefix: str, server_url: str | None = None) -> Iterator[str]:
    """Create a database named ``<prefix>_<random>`` on ``server_url`` (default: the server
    VAXDESK_TEST_POSTGRES_URL names) and yield its URL; dropped (connections and all) when the block
    ends, whether the work passed or not. The benchmarks use it too."""
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(server_url or os.environ[PG_ENV])
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(name="pg_url")
def postgres_database(request: pytest.FixtureRequest) -> Iterator[str]:
    """The ``pg_url`` fixture: a scratch database named after the test's folder (``signing_…``,
    ``registry_…``). Importing ``postgres_database`` into a test module makes it available."""
    with scratch_database(request.path.parent.name) as url:
        yield url
