"""The window's pages hear of another workstation's changes: ``records_changed`` fires on the GUI thread."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from desktop.models import VaccinationRecord
from desktop.workspace import Workspace
from tests.integration.workstations.shared import add_records, workstations

pytestmark = [pytest.mark.integration]


def test_records_changed_fires_when_another_workstation_changes_records(qtbot, tmp_path):
    from PySide6.QtCore import QThread

    from desktop.views.context import AppContext

    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    pc1, pc2 = (Workspace.open(folder) for folder in workstations(tmp_path, url))
    add_records(pc1, 2)
    ctx = AppContext(pc1, "lan", "clerk")
    threads: list[object] = []
    ctx.records_changed.connect(lambda: threads.append(QThread.currentThread()))
    try:
        ctx.watch_changes()
        qtbot.wait(500)
        with pc2.db.session() as session:
            session.execute(update(VaccinationRecord).where(VaccinationRecord.id == 1).values(lot="FK0001"))
        qtbot.waitUntil(lambda: bool(threads), timeout=10000)
        assert threads[0] is ctx.thread()  # delivered on the GUI thread
    finally:
        ctx.stop_watching()
        pc1.close()
        pc2.close()


def test_the_review_page_tells_of_another_clerks_decision_and_reloads(qtbot, workspace, monkeypatch):
    from desktop.review import resolve
    from desktop.review.queue import review_item
    from desktop.views import dialogs
    from desktop.views.context import AppContext
    from desktop.views.operations import wait_idle
    from desktop.views.pages.review import create_page
    from tests.unit.registry.factory import add_checked, citizen

    an = citizen("001090012345", None, "Nguyễn Văn An", "1990-05-12", "M")
    thuy = citizen("001185012346", None, "Trần Thị Thuý", "1985-03-04", "F")
    first, second = add_checked(workspace, [(("Nguyen Van An", "1990-05-12", "M", "001090012345"), an),
                                            (("Tran Thi Thuy", "1985-03-04", "F", "001185012346"), thuy)])
    warnings: list[str] = []
    monkeypatch.setattr(dialogs, "show_warning", lambda _parent, _title, text: warnings.append(text))
    page = create_page(AppContext(workspace, actor="lan"))
    qtbot.addWidget(page)
    page.show()
    try:
        qtbot.waitUntil(lambda: page.current is not None and page.current["record_id"] == first and not page.busy)
        resolve(workspace, first, "reject", "hồ sơ trùng", "minh")  # on another workstation, meanwhile
        page.decide("accept_registry")
        qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
        assert "minh" in warnings[0] and "hồ sơ trùng" in warnings[0]
        # reloaded: the record another clerk decided has left the queue, the next one is shown
        qtbot.waitUntil(lambda: page.current is not None and page.current["record_id"] == second and not page.busy,
                        timeout=10000)
        assert first not in page.ids
        assert review_item(workspace, first)["decision"] == "reject"
    finally:
        wait_idle()
