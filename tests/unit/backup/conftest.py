"""A workspace that has lived a little: certified records, a batch still in the outbox, a trust list,
secrets and a demo token's files that must never leave it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from sync_factory import FacilityKey, FaultyServer, LocalIssuer, make_records, sign_batch  # noqa: E402


@pytest.fixture
def server():
    srv = FaultyServer(issuer=LocalIssuer())
    yield srv
    srv.close()


def add_token_files(ws) -> None:
    """What a demo token leaves in a workspace, plus a secret: none of it may be backed up."""
    (ws.path / "softhsm" / "tokens").mkdir(parents=True)
    (ws.path / "softhsm" / "tokens" / "token.object").write_bytes(b"KEY MATERIAL")
    (ws.path / "softhsm2.conf").write_text("directories.tokendir = softhsm/tokens\n")
    (ws.pki_dir / "ministry-ca.key").write_text("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n")
    (ws.pki_dir / "ministry-ca.pass").write_text("ca passphrase")
    (ws.pki_dir / "facility.pem").write_text("-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----\n")
    ws.settings.set("registry_token", "registry-secret-token")
    ws.settings.save()


@pytest.fixture
def lived_in(workspace, server):
    """6 certified records (batch done), 3 signed records still pending in the outbox."""
    from desktop.sync import sync

    workspace.settings.set("central_url", server.url)
    workspace.settings.set("central_timeout", 5.0)
    workspace.settings.save()
    facility = FacilityKey.generate("01001")
    sign_batch(workspace.db, make_records(workspace.db, 6, seed=1), facility)
    report = sync(workspace)
    assert report.error is None and report.certificates_received == 6
    sign_batch(workspace.db, make_records(workspace.db, 3, seed=2), facility)
    add_token_files(workspace)
    return workspace
