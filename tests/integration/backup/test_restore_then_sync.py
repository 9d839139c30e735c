"""A facility's PC dies after a backup; restored on a new PC, it syncs on without sending anything twice.

The real central service runs in its own process; a counting proxy in front of it sees every request.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from sqlalchemy import func, select
from sync_factory import FaultyServer, make_records, sign_batch

from desktop.audit import verify_chain
from desktop.backup import create_backup, restore_backup
from desktop.models import Certificate, OutboxItem, VaccinationRecord
from desktop.sync import sync
from desktop.workspace import Workspace

pytestmark = pytest.mark.integration
PASSPHRASE = "sao lưu hằng ngày 2026"


def central_certificates(central) -> int:
    conn = sqlite3.connect(central.data / "central.sqlite3")
    try:
        return conn.execute("SELECT count(*) FROM issued_certificate").fetchone()[0]
    finally:
        conn.close()


def local_state(workspace):
    with workspace.db.session() as s:
        uvcis = sorted(s.execute(select(Certificate.uvci)).scalars())
        outbox = sorted(s.execute(select(OutboxItem.batch_id, OutboxItem.state)).all())
        stages = dict(s.execute(select(VaccinationRecord.stage, func.count()).group_by(VaccinationRecord.stage)).all())
        duplicates = s.execute(select(Certificate.record_id).group_by(Certificate.record_id)
                               .having(func.count() > 1)).all()
        assert verify_chain(s).ok
    return uvcis, outbox, stages, duplicates


def test_restore_after_the_central_already_answered(ws, central, file_facility, tmp_path):
    facility, _ = file_facility
    sign_batch(ws.db, make_records(ws.db, 5, seed=11), facility)
    sign_batch(ws.db, make_records(ws.db, 3, seed=12), facility)
    assert sync(ws).certificates_received == 8
    late = sign_batch(ws.db, make_records(ws.db, 4, seed=13), facility)

    # the nightly backup holds one batch still in the outbox …
    backup = create_backup(ws, PASSPHRASE, tmp_path / "usb-drive")
    # … which the next sync sends; then the PC dies
    assert sync(ws).certificates_received == 4
    uvcis_before, _, _, _ = local_state(ws)
    assert central_certificates(central) == 12
    ws.close()
    shutil.rmtree(ws.path)

    restored = restore_backup(backup.file, PASSPHRASE, tmp_path / "new-pc", actor="it")
    assert restored["counts"]["certificates"] == 8 and restored["audit_chain"]["ok"]
    new = Workspace.open(tmp_path / "new-pc")
    proxy = FaultyServer(upstream=central.url)
    try:
        new.settings.set("central_url", proxy.url)
        assert not new.settings.get("central_token")  # secrets never travel in a backup
        new.settings.set("central_token", ws.settings.get("central_token"))  # IT enters it again
        report = sync(new)
        assert report.error is None, report.error
        posts = [path for method, path in proxy.requests if method == "POST"]
        assert posts == ["/v1/batches"]  # only the batch that was pending in the backup
        assert report.certificates_received == 4
        uvcis, outbox, stages, duplicates = local_state(new)
        assert uvcis == uvcis_before  # the central answered with the certificates it had issued
        assert all(state == "done" for _, state in outbox) and late in {b for b, _ in outbox}
        assert stages == {"certified": 12} and duplicates == []
        assert central_certificates(central) == 12

        # and again: nothing left to send, nothing new anywhere
        proxy.requests.clear()
        report = sync(new)
        assert report.sent == 0 and report.certificates_received == 0
        assert not [m for m, _ in proxy.requests if m == "POST"]
        assert central_certificates(central) == 12
    finally:
        proxy.close()
        new.close()
