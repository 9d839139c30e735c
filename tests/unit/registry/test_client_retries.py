"""Retries: backoff with jitter, Retry-After on 503 and 429, bounded tries, one failed batch never ends the run.

The server is an ``httpx.MockTransport`` scripted per request; the client's waits are recorded
instead of slept.
"""

from __future__ import annotations

import email.utils
import json
import random
import time

import httpx

from desktop.registry.client import SKIPPED, UNAVAILABLE, RegistryClient

GOOD = {"id_number": "001090012345", "old_id_number": None, "full_name": "Nguyễn Văn An",
        "date_of_birth": "1990-05-12", "sex": "M", "nationality": "VN"}


def found(request: httpx.Request) -> httpx.Response:
    asked = json.loads(request.content)["requests"]
    return httpx.Response(200, json={"results": [
        {"ref": r["ref"], "status": "found", "citizen": {**GOOD, "id_number": r["id_number"]}} for r in asked]})


def scripted(*answers):
    """Answers in order (a status, (status, headers), or a callable); then every request is found."""
    queue = list(answers)
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if not queue:
            return found(request)
        answer = queue.pop(0)
        if callable(answer):
            return answer(request)
        status, headers = answer if isinstance(answer, tuple) else (answer, {})
        return httpx.Response(status, headers=headers, json={"error": "unavailable"})

    return handle, seen


def client_for(handler, **options) -> tuple[RegistryClient, list[float]]:
    waits: list[float] = []
    client = RegistryClient("http://registry.test", "t0ken", transport=httpx.MockTransport(handler),
                            rng=random.Random(7), **options)
    client._sleep = lambda seconds, progress: waits.append(seconds)
    return client, waits


def items(n: int, start: int = 0) -> list[tuple[str, str]]:
    return [(str(i), f"001090{i:06d}") for i in range(start, start + n)]


def test_503_retry_after_is_honoured():
    handler, seen = scripted((503, {"Retry-After": "7"}), (503, {"Retry-After": "3"}))
    client, waits = client_for(handler)
    with client:
        batch = client.lookup_batch(items(3))
    assert waits == [7.0, 3.0] and len(seen) == 3
    assert batch.unanswered == [] and len(batch.answers) == 3 and batch.problems == []


def test_503_retry_after_as_a_date_and_capped_by_the_longest_wait():
    later = email.utils.formatdate(time.time() + 20, usegmt=True)
    handler, _ = scripted((503, {"Retry-After": later}), (503, {"Retry-After": "3600"}))
    client, waits = client_for(handler, max_wait=30)
    with client:
        assert client.lookup_batch(items(1)).problems == []
    assert 15 <= waits[0] <= 20 and waits[1] == 30


def test_5xx_backs_off_exponentially_with_jitter_and_gives_up_after_the_last_try():
    handler, seen = scripted(*[500] * 10)
    client, waits = client_for(handler, attempts=5, backoff=0.5, max_wait=30)
    with client:
        batch = client.lookup_batch(items(4))
    assert len(seen) == 5 and len(waits) == 4
    for attempt, wait in enumerate(waits, start=1):
        ceiling = 0.5 * 2 ** (attempt - 1)
        assert ceiling / 2 <= wait <= ceiling
    assert len(set(waits)) == 4  # jittered, so no two clients come back in step
    assert batch.problems == [UNAVAILABLE] and batch.unanswered == [r for r, _ in items(4)]
    assert "after 5 tries" in batch.detail


def test_jitter_differs_between_clients_and_respects_the_cap():
    one = RegistryClient("http://x", "t", rng=random.Random(1), max_wait=2.0)
    two = RegistryClient("http://x", "t", rng=random.Random(2), max_wait=2.0)
    assert [one.backoff_delay(a) for a in range(1, 6)] != [two.backoff_delay(a) for a in range(1, 6)]
    assert all(1.0 <= one.backoff_delay(a) <= 2.0 for a in range(3, 10))
    one.close()
    two.close()


def test_connection_failures_are_retried_too():
    calls = {"n": 0}

    def flaky(request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] <= 2:
            raise httpx.ConnectError("refused", request=request)
        return found(request)

    client, waits = client_for(flaky)
    with client:
        assert client.lookup_batch(items(2)).problems == []
    assert len(waits) == 2 and calls["n"] == 3


def test_429_waits_without_using_up_tries():
    handler, seen = scripted(*[(429, {"Retry-After": "1"})] * 6)
    client, waits = client_for(handler, attempts=2)
    with client:
        assert client.lookup_batch(items(1)).problems == []
    assert waits == [1.0] * 6 and len(seen) == 7


def test_one_batch_failing_for_good_leaves_only_its_records_and_the_run_goes_on():
    def handler(request: httpx.Request) -> httpx.Response:
        refs = {r["ref"] for r in json.loads(request.content)["requests"]}
        if "12" in refs:  # the second batch (refs 10-19) always fails
            return httpx.Response(503, headers={"Retry-After": "1"})
        return found(request)

    client, _ = client_for(handler, batch_size=10, concurrency=1, attempts=3)
    answers = []
    with client:
        client.lookup_many(items(50), answers.append)
    failed = [a for a in answers if a.problems]
    assert len(answers) == 5 and len(failed) == 1
    assert failed[0].problems == [UNAVAILABLE] and failed[0].unanswered == [str(i) for i in range(10, 20)]
    assert sum(len(a.answers) for a in answers) == 40
    assert client.tries == 4 + 3


def test_batches_failing_in_a_row_count_the_registry_as_down():
    handler, seen = scripted(*[500] * 1000)
    client, _ = client_for(handler, batch_size=10, concurrency=1, attempts=2, down_after=3)
    answers = []
    with client:
        client.lookup_many(items(100), answers.append)
    assert [a.problems for a in answers[:3]] == [[UNAVAILABLE]] * 3
    assert all(a.problems == [SKIPPED] for a in answers[3:]) and len(answers) == 10
    assert sum(len(a.unanswered) for a in answers) == 100 and len(seen) == 6
