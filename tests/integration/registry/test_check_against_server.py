"""The check run and its client against the real reference registry on a free port of 127.0.0.1.

Whatever the server does (outage halfway, 429, malformed JSON, a web page, a hang, a reset mid-body,
missing or foreign results), nothing is lost or mislabelled: affected records stay ``unchecked`` and
the next check sends only those.
"""

from __future__ import annotations

import logging
import time

import httpx
import pytest
from sqlalchemy import func, select

from desktop.audit import matches
from desktop.errors import UserError
from desktop.models import AuditEvent, VaccinationRecord
from desktop.models.record_difference import RecordDifference
from desktop.progress import Progress
from desktop.registry import check_records
from services.registry.population import Population
from services.registry.server import BackgroundServer
from tests.unit.registry.factory import add_records, citizen

pytestmark = pytest.mark.integration
TOKEN = "secret-token"


def make_people(n: int) -> list[dict]:
    people = []
    for i in range(n):
        sex = "M" if i % 2 == 0 else "F"
        g = 0 if sex == "M" else 1
        people.append(citizen(f"001{g}90{i:06d}", None, f"Nguyễn Văn Người{i}", "1990-05-12", sex))
    return people


def rows_for(people: list[dict]) -> list[tuple]:
    return [(p["full_name"], p["date_of_birth"], p["sex"], p["id_number"]) for p in people]


@pytest.fixture
def people():
    return make_people(300)


@pytest.fixture
def server(people):
    srv = BackgroundServer(Population.from_dict({"tokens": [TOKEN], "citizens": people})).start()
    yield srv
    srv.stop()


@pytest.fixture
def ws(workspace):
    workspace.settings.set("registry_token", TOKEN)
    workspace.settings.set("registry_batch_size", 50)
    workspace.settings.set("registry_concurrency", 2)
    workspace.settings.set("registry_timeout", 2.0)
    workspace.settings.set("registry_max_wait", 0.2)  # the reference registry's 503 asks for 5 s
    return workspace


def statuses(ws) -> dict[str, int]:
    with ws.db.session() as session:
        rows = session.execute(select(VaccinationRecord.check_status, func.count()).group_by(VaccinationRecord.check_status))
        return dict(rows.all())


def assert_nothing_mislabelled(ws, people):
    """Every record is either unchecked or exactly matched (all test people are in the registry as listed)."""
    by_id = {p["id_number"]: p for p in people}
    with ws.db.session() as session:
        for record in session.scalars(select(VaccinationRecord)):
            assert record.check_status in ("unchecked", "matched"), record.id
            if record.check_status == "matched":
                assert record.registry_values == by_id[record.id_number]
            else:
                assert record.registry_values is None and record.checked_at is None


def test_check_classifies_and_records_everything(ws, server):
    ids = add_records(ws, [
        ("Nguyen Van An", "1990-05-12", "M", "012345678"),       # accents + linked CMND
        ("NGUYỄN VĂN AN", "1990-05-12", "M", "001090012345"),     # format only: corrected, matched
        ("Ai Đó", "1990", "M", "001090099999"),                   # not in the registry
        ("Ai Đó", "1990", "M", "12345"),                          # invalid ID, never sent
    ])
    server.app.state.registry.population.add(citizen("001090012345", "012345678", "Nguyễn Văn An", "1990-05-12", "M"))
    result = check_records(ws, "lan", registry_url=server.url)
    assert result.summary == {"mismatch": 1, "matched": 1, "not_found": 1, "invalid_id": 1}
    assert result.not_checked == 0 and result.corrected == 1
    by_id = {r["record_id"]: r for r in result.records}
    assert [(d["field"], d["kind"]) for d in by_id[ids[0]]["differences"]] == [("name", "accents"), ("id", "linked")]
    with ws.db.session() as session:
        corrected = session.get(VaccinationRecord, ids[1])
        assert corrected.full_name == "Nguyễn Văn An" and corrected.check_status == "matched"
        assert corrected.registry_values["id_number"] == "001090012345" and corrected.checked_at is not None
        kinds = session.execute(select(RecordDifference.field, RecordDifference.kind)
                                .where(RecordDifference.record_id == ids[0]).order_by(RecordDifference.id)).all()
        assert [tuple(k) for k in kinds] == [("name", "accents"), ("id", "linked")]
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "registry.format_correction")).one()
        assert matches(session, event.before["full_name"], "NGUYỄN VĂN AN")  # kept as a keyed hash
        assert matches(session, event.after["full_name"], "Nguyễn Văn An") and "An" not in repr(event.after)
        assert event.entity_id == str(ids[1]) and event.actor == "lan"
        assert session.scalar(select(func.count()).where(AuditEvent.action == "registry.check")) == 4
    sent = server.registry.stats()["lookups"]
    assert sent == 3  # the invalid ID was never sent
    again = check_records(ws, "lan", registry_url=server.url)
    assert again.records == [] and server.registry.stats()["lookups"] == sent  # nothing re-sent


def test_outage_halfway_loses_nothing_and_resume_sends_only_the_rest(ws, server, people):
    add_records(ws, rows_for(people))
    batches = []

    def stop_after_two(done, total, label):
        batches.append(done)
        if len(batches) == 2:
            server.stop()  # the registry goes away in the middle of the check

    result = check_records(ws, "lan", registry_url=server.url, progress=Progress(stop_after_two, 0))
    assert 0 < result.not_checked < len(people)
    counts = statuses(ws)
    assert counts["unchecked"] == result.not_checked and counts["matched"] == len(people) - result.not_checked
    assert result.problems.get("unavailable") or result.problems.get("skipped")
    assert "will retry" in result.explanation.en and "sẽ thử lại" in result.explanation.vi
    assert f"{result.not_checked} records not checked" in result.explanation.en
    assert_nothing_mislabelled(ws, people)
    # back online: the next check sends only what is still unchecked
    with BackgroundServer(Population.from_dict({"tokens": [TOKEN], "citizens": people})) as again:
        second = check_records(ws, "lan", registry_url=again.url)
        stats = again.registry.stats()
    assert second.not_checked == 0 and stats["lookups"] == result.not_checked and stats["repeated"] == 0
    assert statuses(ws) == {"matched": len(people)}


def test_rate_limited_requests_wait_for_retry_after(ws, server, people):
    add_records(ws, rows_for(people[:100]))
    server.registry.set_faults({"mode": "rate_limit", "count": 2, "retry_after": 1})
    start = time.monotonic()
    result = check_records(ws, "lan", registry_url=server.url)
    assert time.monotonic() - start >= 1.0
    assert result.not_checked == 0 and result.summary == {"matched": 100}
    assert server.registry.stats()["requests"] == 4  # 2 refused, 2 answered after waiting


@pytest.mark.parametrize("mode", ["malformed", "html", "html_error", "outage", "error500", "reset"])
def test_broken_answers_leave_records_unchecked(ws, server, people, mode):
    add_records(ws, rows_for(people[:200]))
    server.registry.set_faults({"mode": mode, "after": 1})  # first batch answered, then broken
    result = check_records(ws, "lan", registry_url=server.url)
    assert result.summary.get("matched", 0) >= 50 and result.not_checked > 0
    assert result.summary["unchecked"] == result.not_checked
    assert_nothing_mislabelled(ws, people)
    server.registry.set_faults({"mode": "none"})
    assert check_records(ws, "lan", registry_url=server.url).not_checked == 0
    assert statuses(ws) == {"matched": 200}


def test_transient_5xx_is_retried(ws, server, people):
    add_records(ws, rows_for(people[:50]))
    server.registry.set_faults({"mode": "outage", "count": 1})
    result = check_records(ws, "lan", registry_url=server.url)
    assert result.not_checked == 0 and result.summary == {"matched": 50}


def test_hang_times_out_and_leaves_records_unchecked(ws, server, people):
    ws.settings.set("registry_timeout", 0.5)
    add_records(ws, rows_for(people[:20]))
    server.registry.set_faults({"mode": "hang", "hang_seconds": 3, "count": 1})
    start = time.monotonic()
    result = check_records(ws, "lan", registry_url=server.url)
    assert time.monotonic() - start < 3
    assert result.not_checked == 20 and result.problems == {"timeout": 20}
    assert "did not answer in time" in result.explanation.en
    assert_nothing_mislabelled(ws, people)


def test_missing_and_foreign_results(ws, server, people):
    add_records(ws, rows_for(people[:40]))
    server.registry.set_faults({"mode": "missing", "count": 1})
    result = check_records(ws, "lan", registry_url=server.url)
    assert result.summary == {"matched": 20, "unchecked": 20} and result.problems["missing_results"] == 20
    assert_nothing_mislabelled(ws, people)
    server.registry.set_faults({"mode": "unasked", "count": 1})
    result = check_records(ws, "lan", registry_url=server.url)
    assert result.summary == {"matched": 20} and "unasked_results" in result.problems
    assert "not asked" in result.explanation.en


def test_bad_request_is_not_retried(ws, server, people):
    ws.settings.set("registry_concurrency", 1)
    add_records(ws, rows_for(people[:50]))
    server.registry.set_faults({"mode": "bad_request"})
    result = check_records(ws, "lan", registry_url=server.url)
    assert result.problems == {"bad_request": 50} and server.registry.stats()["requests"] == 1
    assert "software bug" in result.explanation.en


def test_wrong_token_stops_with_a_clear_error_and_never_logs_it(ws, server, people, caplog):
    caplog.set_level(logging.DEBUG)
    ws.settings.set("registry_token", "wrong-token-xyz")
    add_records(ws, rows_for(people[:10]))
    with pytest.raises(UserError) as info:
        check_records(ws, "lan", registry_url=server.url)
    assert info.value.code == "registry_unauthorised"
    assert "Settings" in info.value.message.en and "Cài đặt" in info.value.message.vi
    assert "wrong-token-xyz" not in caplog.text and "wrong-token-xyz" not in str(info.value.message.as_dict())
    assert statuses(ws) == {"unchecked": 10}


def test_revoked_token_mid_check_keeps_what_was_done(ws, server, people):
    ws.settings.set("registry_concurrency", 1)
    add_records(ws, rows_for(people[:150]))
    server.registry.set_faults({"mode": "unauthorized", "after": 1})
    with pytest.raises(UserError):
        check_records(ws, "lan", registry_url=server.url)
    assert statuses(ws) == {"matched": 50, "unchecked": 100}


def test_registry_not_configured(workspace):
    with pytest.raises(UserError) as info:
        check_records(workspace, "lan")
    assert info.value.code == "registry_not_configured"


def test_server_contract_errors(server):
    url = server.url + "/v1/citizens:lookup"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert httpx.post(url, json={"requests": [{"ref": "a", "id_number": "001090000000"}]}).status_code == 401
    assert httpx.post(url, json={"requests": []}, headers={"Authorization": "Bearer nope"}).status_code == 401
    too_many = [{"ref": str(i), "id_number": "001090000000"} for i in range(501)]
    assert httpx.post(url, json={"requests": too_many}, headers=auth).status_code == 400
    assert httpx.post(url, content=b"{not json", headers=auth).status_code == 400
    assert httpx.post(url, json={"requests": [{"id_number": "1"}]}, headers=auth).status_code == 400
    body = httpx.post(url, headers=auth, json={"requests": [
        {"ref": "a", "id_number": "00109000000"}, {"ref": "b", "id_number": "AB-12"},
        {"ref": "c", "id_number": "001090000000"}, {"ref": "d", "id_number": "001090000001"},
    ]}).json()
    by_ref = {r["ref"]: r for r in body["results"]}
    assert by_ref["a"] == {"ref": "a", "status": "invalid", "reason": "id_number has 11 digits"}
    assert by_ref["b"]["status"] == "invalid"
    assert by_ref["c"]["status"] == "found" and by_ref["c"]["citizen"]["full_name"] == "Nguyễn Văn Người0"
    assert by_ref["d"]["status"] == "not_found"
    control = httpx.post(server.url + "/_control", json={"mode": "outage"})
    assert control.status_code == 401


def test_a_persons_doses_are_looked_up_once(ws, server, people):
    person = people[0]
    row = (person["full_name"], person["date_of_birth"], person["sex"], person["id_number"])
    ids = add_records(ws, [row, row, ("Nguyen Van Nguoi0", *row[1:])])
    result = check_records(ws, "lan", registry_url=server.url)
    assert server.registry.stats()["lookups"] == 1
    by_id = {r["record_id"]: r for r in result.records}
    assert [by_id[i]["status"] for i in ids] == ["matched", "matched", "mismatch"]
    assert by_id[ids[2]]["differences"][0]["kind"] == "accents"
