from __future__ import annotations

import pytest

from tests.unit.central.central_factory import backends, database_url, make_env


@pytest.fixture(params=backends())
def central(request, tmp_path):
    with database_url(request.param, tmp_path) as url:
        env = make_env(tmp_path, url)
        try:
            yield env
        finally:
            env.service.close()


@pytest.fixture
def central_sqlite(tmp_path):
    with database_url("sqlite", tmp_path) as url:
        env = make_env(tmp_path, url)
        try:
            yield env
        finally:
            env.service.close()
