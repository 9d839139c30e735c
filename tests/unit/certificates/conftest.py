from __future__ import annotations

import pytest

from tests.unit.certificates.factory import add_people, make_issuer


@pytest.fixture(scope="session")
def issuer():
    return make_issuer()


@pytest.fixture
def people(workspace, issuer):
    """The sample people's certificate ids, in NAMES order."""
    return add_people(workspace, issuer)
