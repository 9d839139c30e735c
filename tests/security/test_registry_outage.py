"""A registry that fails half its requests: the check retries, never abandons the run, and says what is left.

Against the reference registry on 127.0.0.1, switched through its ``/_control`` endpoint.
"""

from __future__ import annotations

import time

import httpx
import pytest
from sqlalchemy import select

from desktop.models import VaccinationRecord
from desktop.registry import check_records
from services.registry.app import Faults
from services.registry.population import Population
from services.registry.server import BackgroundServer
from tests.integration.registry.test_check_against_server import make_people, rows_for
from tests.unit.registry.factory import add_records

pytestmark = pytest.mark.integration
TOKEN = "secret-token"
RECORDS = 399
SEED = 20213  # with two tries per batch, the 1st and 5th batches fail for good


@pytest.fixture
def people():
    return make_people(RECORDS)


@pytest.fixture
def server(people):
    srv = BackgroundServer(Population.from_dict({"tokens": [TOKEN], "citizens": people}), Faults(seed=SEED)).start()
    yield srv
    srv.stop()


@pytest.fixture
def ws(workspace, people):
    workspace.settings.set("registry_token", TOKEN)
    workspace.settings.set("registry_batch_size", 50)  # 8 batches
    workspace.settings.set("registry_timeout", 5.0)
    workspace.settings.set("registry_max_wait", 0.05)  # the reference registry's 503 asks for 5 s
    add_records(workspace, rows_for(people))
    return workspace


def switch(server, **faults) -> None:
    answer = httpx.post(server.url + "/_control", json=faults, headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status_code == 200, answer.text


def unchecked_in_database(ws) -> set[int]:
    with ws.db.session() as session:
        return set(session.scalars(select(VaccinationRecord.id).where(VaccinationRecord.check_status == "unchecked")))


def test_half_the_requests_failing_still_checks_every_record(ws, server):
    ws.settings.set("registry_concurrency", 2)
    switch(server, fail_rate=0.5)
    result = check_records(ws, "lan", registry_url=server.url)
    requests = server.registry.stats()["requests"]
    assert requests > 8  # failed requests were tried again
    reported = {r["record_id"] for r in result.records if r["status"] == "unchecked"}
    assert reported == unchecked_in_database(ws) and len(reported) == result.not_checked
    assert result.summary.get("matched", 0) + result.not_checked == RECORDS
    assert "skipped" not in result.problems
    if result.not_checked:  # a batch failed 5 times (1 chance in 32): the next run finishes the job
        assert f"{result.not_checked} records not checked" in result.explanation.en
        again = check_records(ws, "lan", registry_url=server.url)
        assert again.summary.get("matched", 0) == result.not_checked
    assert unchecked_in_database(ws) == set()


def test_a_batch_that_fails_for_good_stays_unchecked_and_the_others_go_on(ws, server):
    """With only two tries per batch some batches fail for good; exactly their records are left and named."""
    ws.settings.set("registry_concurrency", 1)
    ws.settings.set("registry_attempts", 2)
    switch(server, fail_rate=0.5)
    result = check_records(ws, "lan", registry_url=server.url)
    left = unchecked_in_database(ws)
    assert len(left) == 100 and result.summary["matched"] == RECORDS - 100
    assert {r["record_id"] for r in result.records if r["status"] == "unchecked"} == left
    assert result.problems == {"unavailable": len(left)}
    assert server.registry.stats()["requests"] == 8 + 3  # three batches failed once and were tried again
    assert f"{len(left)} records not checked" in result.explanation.en
    assert f"{len(left)} bản ghi chưa được kiểm tra" in result.explanation.vi
    switch(server, fail_rate=0.0)
    assert check_records(ws, "lan", registry_url=server.url).summary == {"matched": len(left)}
    assert unchecked_in_database(ws) == set()


def test_a_registry_that_is_down_ends_the_run_quickly_and_reports_every_record(ws, server):
    ws.settings.set("registry_concurrency", 1)
    switch(server, mode="outage")
    started = time.monotonic()
    result = check_records(ws, "lan", registry_url=server.url)
    assert time.monotonic() - started < 10
    assert result.not_checked == RECORDS and len(unchecked_in_database(ws)) == RECORDS
    assert result.problems == {"unavailable": 150, "skipped": RECORDS - 150}  # three batches in a row, then stop
    assert server.registry.stats()["requests"] == 3 * 5
    assert "will retry" in result.explanation.en
