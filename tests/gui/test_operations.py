"""Typed operations: handlers in order on the GUI thread, one change notice, the page's life, and a
network operation that never holds the database worker while it waits."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from desktop.errors import Cancelled, UserError
from desktop.i18n import tr
from desktop.views.context import AppContext
from desktop.views.operations import DbOp, NetOp, change_initiator, wait_idle


@pytest.fixture
def ctx(workspace):
    context = AppContext(workspace, actor="clerk")
    yield context
    wait_idle()


def notices(ctx) -> list[object]:
    heard: list[object] = []
    ctx.records_changed.connect(lambda: heard.append(change_initiator()))
    return heard


def test_success_and_progress_reach_the_page_in_order_then_one_notice(qtbot, ctx):
    page = QWidget()
    qtbot.addWidget(page)
    heard = notices(ctx)
    events: list[tuple] = []
    workers: list[str] = []

    def work(progress):
        workers.append(threading.current_thread().name)
        for done in range(1, 4):
            progress.update(done, 3, "step", force=True)
        return 42

    op = (DbOp(page, work, changes=ctx)
          .success(lambda value: events.append(("success", value, list(heard))))
          .failure(lambda error: events.append(("failure", error)))
          .progress(lambda done, total, label: events.append(("progress", done, total, label)))
          .run_in_background())
    qtbot.waitUntil(lambda: any(e[0] == "success" for e in events) and op.done())
    qtbot.wait(20)
    assert [e for e in events if e[0] == "progress"] == [("progress", n, 3, "step") for n in (1, 2, 3)]
    assert events[-1] == ("success", 42, [])  # the handler runs before the notice
    assert heard == [page]  # once, naming the page that caused it
    assert workers[0].startswith("vaxdesk-db")


def test_failure_goes_to_its_handler_and_changes_nothing(qtbot, ctx):
    page = QWidget()
    qtbot.addWidget(page)
    heard = notices(ctx)
    failures: list[BaseException] = []
    successes: list[object] = []

    def work(_progress):
        raise UserError(tr("Hỏng", "Broken"))

    op = DbOp(page, work, changes=ctx).success(successes.append).failure(failures.append).run_in_background()
    qtbot.waitUntil(lambda: bool(failures) and op.done())
    qtbot.wait(20)
    assert isinstance(failures[0], UserError) and not successes
    assert heard == []


def test_work_that_stores_as_it_goes_announces_even_when_stopped(qtbot, ctx):
    page = QWidget()
    qtbot.addWidget(page)
    heard = notices(ctx)
    failures: list[BaseException] = []

    def work(_progress, _db):
        raise Cancelled()

    op = NetOp(page, work, changes=ctx, keeps_partial=True).failure(failures.append).run_in_background()
    qtbot.waitUntil(op.done)
    qtbot.waitUntil(lambda: heard == [page])
    assert failures == []  # a cancellation is silent


def test_changed_if_decides_whether_the_result_changed_records(qtbot, ctx):
    heard = notices(ctx)
    results: list[int] = []
    for value in (0, 5):
        DbOp(None, lambda _p, v=value: v, changes=ctx, changed_if=bool).success(results.append).run_in_background()
    qtbot.waitUntil(lambda: results == [0, 5])
    qtbot.wait(20)
    assert heard == [None]


def test_page_destroyed_mid_operation_gets_no_callback(qtbot, ctx):
    page = QWidget()
    heard = notices(ctx)
    release = threading.Event()
    started = threading.Event()
    calls: list[str] = []

    def work(_progress):
        started.set()
        release.wait(10)
        return "done"

    op = (DbOp(page, work, changes=ctx)
          .success(lambda _r: calls.append(f"success {page.objectName()}"))
          .failure(lambda _e: calls.append("failure"))
          .progress(lambda *_a: calls.append("progress"))
          .run_in_background())
    assert started.wait(5)
    page.deleteLater()
    qtbot.waitUntil(lambda: not isValid(page))
    release.set()
    qtbot.waitUntil(op.done)
    qtbot.wait(50)
    assert calls == []  # nothing calls into the destroyed page
    assert len(heard) == 1  # the records did change: the other pages still hear it


def test_page_destroyed_before_a_failure_presents_nothing(qtbot, ctx, monkeypatch):
    from desktop.views import errors

    presented: list[BaseException] = []
    monkeypatch.setattr(errors, "present_error", lambda parent, error: presented.append(error))
    page = QWidget()
    release = threading.Event()

    def work(_progress):
        release.wait(10)
        raise UserError(tr("Hỏng", "Broken"))

    op = DbOp(page, work).run_in_background()
    page.deleteLater()
    qtbot.waitUntil(lambda: not isValid(page))
    release.set()
    qtbot.waitUntil(op.done)
    qtbot.wait(50)
    assert presented == []


def test_database_worker_stays_free_while_a_network_operation_waits(qtbot, ctx):
    page = QWidget()
    qtbot.addWidget(page)
    answer = threading.Event()
    waiting = threading.Event()
    order: list[str] = []

    def network(_progress, db):
        before = db(lambda: threading.current_thread().name)
        waiting.set()
        assert answer.wait(10)  # the PIN, the registry or the central service
        after = db(lambda: "stored")
        return before, after

    net_results: list[tuple[str, str]] = []
    net = NetOp(page, network).success(net_results.append).run_in_background()
    assert waiting.wait(5)
    db_results: list[str] = []
    DbOp(page, lambda _p: threading.current_thread().name).success(db_results.append).run_in_background()
    qtbot.waitUntil(lambda: bool(db_results), timeout=3000)  # not blocked behind the waiting NetOp
    order.append("db done")
    assert not net.done()
    answer.set()
    qtbot.waitUntil(lambda: bool(net_results))
    step_thread, stored = net_results[0]
    assert step_thread.startswith("vaxdesk-db") and stored == "stored"  # its steps hopped to the worker
    assert db_results[0].startswith("vaxdesk-db")


def test_a_database_step_asked_from_the_database_worker_runs_at_once(qtbot, ctx):
    from desktop.views.operations import run_on_db_worker

    results: list[str] = []
    DbOp(None, lambda _p: run_on_db_worker(lambda: "inline")).success(results.append).run_in_background()
    qtbot.waitUntil(lambda: results == ["inline"], timeout=3000)
