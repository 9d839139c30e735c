from __future__ import annotations

import pytest
from sync_factory import FacilityKey, FaultyServer, LocalIssuer


@pytest.fixture
def facility():
    return FacilityKey.generate("01001")


@pytest.fixture
def issuer():
    return LocalIssuer()


@pytest.fixture
def server(issuer):
    srv = FaultyServer(issuer=issuer)
    yield srv
    srv.close()


@pytest.fixture
def ws(workspace, server):
    workspace.settings.set("central_url", server.url)
    workspace.settings.set("central_timeout", 5.0)
    workspace.settings.save()
    return workspace
