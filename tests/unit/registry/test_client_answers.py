"""What the client keeps from a registry answer: only valid answers about the records asked."""

from __future__ import annotations

import email.utils
import time

from desktop.registry.client import (
    MALFORMED,
    MISSING,
    UNASKED,
    BatchAnswer,
    RegistryClient,
    _retry_after,
    parse_results,
)

GOOD = {"id_number": "001090012345", "old_id_number": None, "full_name": "Nguyễn Văn An",
        "date_of_birth": "1990-05-12", "sex": "M", "nationality": "VN"}


def parse(body, asked):
    batch = BatchAnswer(asked=list(asked))
    parse_results(body, asked, batch)
    return batch


def test_valid_answers_are_kept():
    asked = {"1": "001090012345", "2": "012345678", "3": "001090000000", "4": "12"}
    linked = {**GOOD, "old_id_number": "012345678"}
    batch = parse({"results": [
        {"ref": "3", "status": "not_found"}, {"ref": "1", "status": "found", "citizen": GOOD},
        {"ref": "2", "status": "found", "citizen": linked}, {"ref": "4", "status": "invalid", "reason": "2 digits"},
    ]}, asked)
    assert batch.unanswered == [] and batch.problems == []
    assert batch.answers["2"].citizen["id_number"] == "001090012345"
    assert batch.answers["4"].reason == "2 digits"


def test_bad_answers_leave_their_refs_unanswered():
    asked = {str(i): "001090012345" for i in range(1, 8)}
    batch = parse({"results": [
        {"ref": "1", "status": "found", "citizen": {**GOOD, "date_of_birth": "12/05/1990"}},
        {"ref": "2", "status": "found", "citizen": {**GOOD, "sex": "X"}},
        {"ref": "3", "status": "found", "citizen": {**GOOD, "full_name": " "}},
        {"ref": "4", "status": "found", "citizen": {**GOOD, "id_number": "079201012347"}},  # someone else
        {"ref": "5", "status": "maybe"},
        {"ref": "6", "status": "found", "citizen": GOOD}, {"ref": "6", "status": "not_found"},  # twice: neither
        {"ref": "99", "status": "not_found"}, "junk",
    ]}, asked)
    assert batch.answers == {}
    assert batch.unanswered == [str(i) for i in range(1, 8)]
    assert MISSING in batch.problems and UNASKED in batch.problems


def test_a_body_without_results_is_malformed():
    batch = parse([1, 2], {"1": "001090012345"})
    assert batch.problems == [MALFORMED] and batch.unanswered == ["1"]


def test_retry_after_in_seconds_or_as_a_date():
    assert _retry_after("3") == 3.0
    assert _retry_after(None) == 1.0 and _retry_after("soon") == 1.0
    later = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 25 <= _retry_after(later) <= 31


def test_the_client_never_shows_its_token():
    client = RegistryClient("http://127.0.0.1:9", "very-secret", batch_size=5000)
    try:
        assert "very-secret" not in repr(client) and client.batch_size == 500
    finally:
        client.close()
