"""The audit log page: administrators only; filters by person, record, action and date; CSV export; the check."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate

from desktop.audit import record_event
from desktop.views import dialogs

pytestmark = pytest.mark.gui


def _events(workspace):
    with workspace.db.session() as session:
        record_event(session, "lan", "decision.accept_registry", "vaccination_record", 12, {"decision": None},
                     {"decision": "accept_registry", "full_name": "Trần Thị Thuý"}, "registry is right")
        record_event(session, "lan", "decision.reject", "vaccination_record", 13, None, {"decision": "reject"},
                     "=HYPERLINK(\"http://x\")")
        record_event(session, "minh", "sign_batch", "signing_batch", "b-1", None, {"records": 2})
        record_event(session, "quantri", "user_added", "user", "minh", None, {"role": "signer"})


def _page(qtbot, workspace, role="administrator"):
    from desktop.views.context import AppContext
    from desktop.views.pages.audit import create_page

    ctx = AppContext(workspace, actor="quantri", role=role)
    page = create_page(ctx)
    qtbot.addWidget(page)
    page.show()
    return ctx, page


def _ids(page):
    return [row.id for row in page.model.rows]


def _filter(qtbot, page, **fields):
    page.actor_field.setText(fields.get("actor", ""))
    page.record_field.setText(fields.get("record", ""))
    page.action_field.setCurrentText(fields.get("action", ""))
    page.search_button.click()
    expected = fields["expect"]
    qtbot.waitUntil(lambda: _ids(page) == expected)


def test_administrator_sees_and_filters_the_log(qtbot, qtmodeltester, workspace):
    _events(workspace)
    _ctx, page = _page(qtbot, workspace)
    qtbot.waitUntil(lambda: _ids(page) == [4, 3, 2, 1])  # newest first
    qtmodeltester.check(page.model)
    assert page.summary.text() == "4 sự kiện"
    assert page.model.index(0, 2).data() == "quantri" and page.model.index(3, 3).data() == "decision.accept_registry"
    # the person's name is not in the log, only its keyed hash
    assert "Thuý" not in page.model.rows[3].after and "hmac:" in page.model.rows[3].after
    actions = [page.action_field.itemText(i) for i in range(page.action_field.count())]
    assert actions == ["", "decision.accept_registry", "decision.reject", "sign_batch", "user_added"]
    _filter(qtbot, page, actor="lan", expect=[2, 1])
    _filter(qtbot, page, record="b-1", expect=[3])
    _filter(qtbot, page, action="decision.", expect=[2, 1])
    _filter(qtbot, page, action="decision.reject", expect=[2])
    _filter(qtbot, page, actor="lan", record="13", expect=[2])
    _filter(qtbot, page, actor="nobody", expect=[])
    assert page.summary.text() == "0 sự kiện"
    # a date range: today's events, then a range that ended yesterday
    page.by_date.setChecked(True)
    page.since_field.setDate(QDate.currentDate())
    page.until_field.setDate(QDate.currentDate())
    _filter(qtbot, page, expect=[4, 3, 2, 1])
    yesterday = date.today() - timedelta(days=1)
    page.since_field.setDate(QDate(yesterday.year, yesterday.month, yesterday.day).addDays(-3))
    page.until_field.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    _filter(qtbot, page, expect=[])
    page.clear_button.click()
    qtbot.waitUntil(lambda: _ids(page) == [4, 3, 2, 1])
    assert not page.by_date.isChecked()


def test_export_csv_of_the_filtered_events(qtbot, workspace, tmp_path, monkeypatch):
    _events(workspace)
    _ctx, page = _page(qtbot, workspace)
    qtbot.waitUntil(lambda: len(page.model.rows) == 4)
    out = tmp_path / "nhat-ky"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *_a, **_k: str(out))
    _filter(qtbot, page, actor="lan", expect=[2, 1])
    page.export_button.click()
    saved = tmp_path / "nhat-ky.csv"
    qtbot.waitUntil(lambda: page.summary.text().startswith("Đã xuất 2 sự kiện"))
    with saved.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == ["1", "2"]  # oldest first, only the filtered person
    assert rows[0]["actor"] == "lan" and rows[0]["reason"] == "registry is right"
    assert rows[1]["reason"].startswith("'=HYPERLINK")  # never a live formula in a spreadsheet
    assert "Thuý" not in saved.read_text(encoding="utf-8-sig")


def test_check_integrity_reports_an_altered_log(qtbot, workspace):
    _events(workspace)
    _ctx, page = _page(qtbot, workspace)
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.check_result.text().startswith("Nhật ký nguyên vẹn: 4 sự kiện"))
    conn = sqlite3.connect(workspace.path / "workspace.sqlite3", isolation_level=None)
    conn.execute("DROP TRIGGER audit_event_no_update")
    conn.execute("UPDATE audit_event SET actor = 'someone' WHERE id = 2")
    conn.close()
    page.verify_button.click()
    qtbot.waitUntil(lambda: "sự kiện 2" in page.check_result.text())
    assert page.check_result.property("role") == "error"


def test_clerk_cannot_read_the_log(qtbot, workspace):
    _events(workspace)
    ctx, page = _page(qtbot, workspace, role="clerk")
    assert page.notice.isVisible() and not page.body.isVisible()
    assert page.model.rowCount() == 0
    page.export_button.click()  # does nothing for a clerk
    ctx.role = "administrator"
    ctx.user_changed.emit()
    qtbot.waitUntil(lambda: len(page.model.rows) == 4)
    assert page.body.isVisible() and not page.notice.isVisible()
    ctx.role = "signer"
    ctx.user_changed.emit()
    assert page.model.rowCount() == 0 and not page.body.isVisible()
