"""Every number on the overview opens those records; who may sign; the navigation's icons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select, update

from desktop.models import Certificate, VaccinationRecord
from desktop.overview import record_ids
from tests.unit.overview.seed_records import seed

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def settle(qtbot):
    """Background work a test started is delivered while its widgets still exist."""
    from desktop.views.operations import wait_idle

    yield
    wait_idle()
    qtbot.wait(20)
    wait_idle()


@pytest.fixture
def warnings(monkeypatch):
    from desktop.views import dialogs

    seen: list[str] = []
    monkeypatch.setattr(dialogs, "show_warning", lambda _p, _title, text: seen.append(text))
    return seen


def _window(qtbot, workspace, role="administrator"):
    from desktop.views.app import build_main_window
    from desktop.views.operations import wait_idle

    window = build_main_window(workspace, actor="lan", role=role)
    qtbot.addWidget(window)
    window.show()
    overview = window.pages["overview"]
    qtbot.waitUntil(lambda: overview.picture is not None and not overview._loading, timeout=10000)
    wait_idle()
    return window


def _two_lists(workspace) -> tuple[int, int]:
    first = seed(workspace, "ds-24-11.xlsx", "2026-11-24",
                 {"needs_review": 4, "deferred": 2, "ready_to_sign": 3, "loaded": 2, "rejected_central": 2,
                  "rejected_by_clerk": 1, "signed": 1})
    second = seed(workspace, "ds-25-11.xlsx", "2026-11-25",
                  {"needs_review": 5, "ready_to_sign": 6, "loaded": 3, "rejected_central": 1, "accepted": 2})
    return first, second


def test_overview_tile_opens_the_loaded_records(qtbot, workspace):
    _two_lists(workspace)
    window = _window(qtbot, workspace)
    overview, page = window.pages["overview"], window.pages["import"]
    expected = record_ids(workspace, "loaded")
    assert len(expected) == 5
    qtbot.mouseClick(overview.tiles["loaded"], Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "import"
    assert page.tabs.currentWidget() is page.records
    qtbot.waitUntil(lambda: not page.records.busy and page.records.model.rowCount() == len(expected), timeout=5000)
    assert sorted(page.records.model.record_id(r) for r in range(len(expected))) == sorted(expected)


def test_a_list_segment_opens_its_records_needing_review(qtbot, workspace):
    first, second = _two_lists(workspace)
    window = _window(qtbot, workspace)
    overview, review = window.pages["overview"], window.pages["review"]
    chart = overview.by_list
    index = next(i for i, row in enumerate(chart.rows) if row.filters["list_id"] == first)
    chart._activate(index, "needs_review")  # what a click or Enter on the segment does
    assert window.current_page_key() == "review"
    expected = record_ids(workspace, "needs_review", list_id=first)
    assert len(expected) == 6  # 4 mismatches and 2 deferred of the first list only
    qtbot.waitUntil(lambda: sorted(review.ids) == sorted(expected), timeout=5000)
    assert review.scope_bar.isVisibleTo(window)
    qtbot.waitUntil(lambda: review.position.text() == f"1 / {len(expected)}", timeout=5000)
    assert review.current is not None and review.current["record_id"] in expected
    # the clerk picks another filter: the whole queue again
    review.clear_scope()
    qtbot.waitUntil(lambda: len(review.ids) == len(record_ids(workspace, "needs_review"))
                    + len(record_ids(workspace, "rejected")) - 1, timeout=5000)  # less the one the clerk rejected
    assert not review.scope_bar.isVisibleTo(window)
    assert second


def test_rejected_opens_the_centrally_rejected_queue(qtbot, workspace):
    _two_lists(workspace)
    window = _window(qtbot, workspace)
    review = window.pages["review"]
    window.ctx.navigate.emit("review", {"state": "rejected"})
    assert window.current_page_key() == "review"
    rejected = record_ids(workspace, "rejected")
    assert len(rejected) == 4
    qtbot.waitUntil(lambda: len(review.ids) == 3, timeout=5000)
    assert set(review.ids) <= set(rejected)
    assert review.filter == (None, "central")
    with workspace.db.session() as session:
        stages = set(session.scalars(select(VaccinationRecord.stage).where(VaccinationRecord.id.in_(review.ids))))
    assert stages == {"rejected_central"}
    assert "4" in review.scope_label.text()  # one of the four was already rejected by the clerk


def test_loaded_next_action_lands_on_review_with_the_check(qtbot, workspace):
    seed(workspace, "a.xlsx", "2026-11-25", {"loaded": 7})
    window = _window(qtbot, workspace)
    review = window.pages["review"]
    window.ctx.navigate.emit("review", {"state": "loaded"})
    assert window.current_page_key() == "review"
    qtbot.waitUntil(lambda: "7" in review.outcome.text(), timeout=5000)
    assert review.check_button.isEnabled()


def test_ready_to_sign_preselects_the_list_or_the_day(qtbot, workspace):
    first, _second = _two_lists(workspace)
    window = _window(qtbot, workspace, role="signer")
    sign = window.pages["sign"]
    window.ctx.navigate.emit("sign", {"state": "ready_to_sign", "vaccination_date": "2026-11-25"})
    assert window.current_page_key() == "sign"
    by_day = record_ids(workspace, "ready_to_sign", vaccination_date="2026-11-25")
    assert len(by_day) == 8  # 6 matched and 2 accepted from the registry
    qtbot.waitUntil(lambda: sign.scope.currentData() == "date" and sign.choice.currentData() == "2026-11-25"
                    and sign.ready == len(by_day), timeout=5000)
    window.ctx.navigate.emit("sign", {"state": "ready_to_sign", "list_id": first})
    by_list = record_ids(workspace, "ready_to_sign", list_id=first)
    qtbot.waitUntil(lambda: sign.scope.currentData() == "list" and sign.choice.currentData() == first
                    and sign.ready == len(by_list) == 3, timeout=5000)
    window.ctx.navigate.emit("sign", {"state": "ready_to_sign"})
    from desktop.signing.batch import summarize

    whole = summarize(workspace)  # the same person's dose in both seeded lists is held out before signing
    assert whole.ready + sum(whole.obstacles.values()) == len(record_ids(workspace, "ready_to_sign"))
    qtbot.waitUntil(lambda: sign.scope.currentData() == "all" and sign.ready == whole.ready, timeout=5000)
    # two clicks in quick succession: the last one wins, whatever order the answers come back in
    from desktop.views.operations import wait_idle

    window.ctx.navigate.emit("sign", {"state": "ready_to_sign", "vaccination_date": "2026-11-25"})
    window.ctx.navigate.emit("sign", {"state": "ready_to_sign", "list_id": first})
    qtbot.waitUntil(lambda: sign.choice.currentData() == first and sign.ready == 3, timeout=5000)
    wait_idle()
    qtbot.wait(50)
    assert sign.scope.currentData() == "list" and sign.choice.currentData() == first and sign.ready == 3


def test_signed_and_sent_open_the_sync_page(qtbot, workspace):
    _two_lists(workspace)
    window = _window(qtbot, workspace)
    window.pages["overview"].tiles["signed"].click()
    assert window.current_page_key() == "sync"


def test_certified_opens_the_certificates_of_those_records(qtbot, workspace, warnings, monkeypatch):
    from tests.unit.certificates.factory import add_certificate, add_people, make_issuer, new_batch

    issuer = make_issuer()
    add_people(workspace, issuer)  # five, vaccinated 2021-09-01
    with workspace.db.session() as session:
        batch = new_batch(session, count=2)
        later = [add_certificate(session, issuer, name, "1980-01-01", "M", f"00108001234{n}",
                                 vaccination_date="2021-10-05", batch_id=batch)
                 for n, name in enumerate(("Lê Văn Hùng", "Phạm Thị Mai"))]
        revoked = later[0]
        revoked.status = "revoked"
        session.execute(update(VaccinationRecord).where(VaccinationRecord.id == revoked.record_id)
                        .values(stage="revoked"))
    window = _window(qtbot, workspace, role="clerk")
    page = window.pages["certificates"]
    window.ctx.navigate.emit("certificates", {"state": "certified", "vaccination_date": "2021-10-05"})
    assert window.current_page_key() == "certificates"
    records = record_ids(workspace, "certified", vaccination_date="2021-10-05")
    assert len(records) == 1
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    with workspace.db.session() as session:
        shown = set(session.scalars(select(Certificate.record_id).where(Certificate.id.in_(page.model.ids()))))
    assert shown == set(records)
    assert page.scope_bar.isVisibleTo(window)
    window.ctx.navigate.emit("certificates", {"state": "certified"})
    qtbot.waitUntil(lambda: page.model.rowCount() == len(record_ids(workspace, "certified")) == 6, timeout=5000)
    page.clear_scope()
    qtbot.waitUntil(lambda: page.model.rowCount() == 7, timeout=5000)  # the revoked one too
    # a clerk may not revoke: the button says who may, and the handler refuses
    qtbot.waitUntil(lambda: page.detail is not None, timeout=5000)
    assert not page.revoke_button.isEnabled()
    assert "Người ký số" in page.revoke_button.toolTip()
    monkeypatch.setattr("desktop.views.pages.certificates.ask_revocation_reason",
                        lambda *_a: pytest.fail("a clerk was asked for a revocation reason"))
    page.revoke_current()
    assert warnings and "Người ký số" in warnings[-1]


def test_a_clerk_cannot_sign(qtbot, workspace, warnings):
    from desktop.views.context import AppContext
    from desktop.views.operations import wait_idle
    from desktop.views.pages.sign import create_page

    seed(workspace, "a.xlsx", "2026-11-25", {"ready_to_sign": 4})
    ctx = AppContext(workspace, actor="hoa", role="clerk")
    page = create_page(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.ready == 4, timeout=5000)
    wait_idle()
    assert not page.sign_button.isEnabled()
    assert "Người ký số" in page.sign_button.toolTip()  # names who may sign
    page.start_signing()  # reached anyway (a shortcut, a stale button): refused before any token work
    assert page.operation is None
    assert warnings and "Người ký số" in warnings[-1]
    assert "Người ký số" in page.message.text()
    assert len(record_ids(workspace, "ready_to_sign")) == 4
    ctx.role = "signer"
    ctx.user_changed.emit()
    assert page.sign_button.isEnabled()
    assert page.sign_button.toolTip() == ""


def test_navigation_has_an_icon_per_page(qtbot, workspace):
    from desktop.views import theme

    window = _window(qtbot, workspace)
    assert window.nav.count() == len(window.pages)
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        key = item.data(Qt.ItemDataRole.UserRole)
        assert (theme.resources_dir() / "icons" / f"{key}.svg").is_file()
        assert not item.icon().isNull(), key
        assert not item.icon().pixmap(24, 24).isNull(), key
