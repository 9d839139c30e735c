"""Two submissions at once: the database keeps one certificate per person and dose, and one batch per id."""

from __future__ import annotations

import json
import threading

from services.central.models import Batch, IssuedCertificate
from services.central.service import CentralService
from tests.unit.central.central_factory import attestation, build_batch


def _in_threads(*calls):
    results, errors = [None] * len(calls), []

    def run(i, fn):
        try:
            results[i] = fn()
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    return results


def test_the_same_batch_twice_at_once_is_stored_once(central):
    body = json.dumps(build_batch(central.facility, [attestation() for _ in range(5)])).encode()
    first, second = _in_threads(lambda: central.service.submit_batch(body), lambda: central.service.submit_batch(body))
    assert first == second
    with central.service.db.session() as s:
        assert s.query(Batch).count() == 1 and s.query(IssuedCertificate).count() == 5


def test_two_service_processes_racing_on_the_same_dose_issue_it_once(central):
    """Two services (separate locks, one database) sign the same person and dose at the same moment:
    the unique index refuses the second commit, which is retried and answers dose_already_certified."""
    other = CentralService(central.data, workers=0)
    try:
        barrier = threading.Barrier(2, timeout=30)
        for service in (central.service, other):
            original = service.countersigner.run

            def run(*args, _original=original, _first=[True], **kwargs):  # noqa: B006 - one flag per service
                if _first.pop() if _first else False:
                    barrier.wait()  # the first attempts sign side by side; the retry runs alone
                return _original(*args, **kwargs)

            service.countersigner.run = run
        person = attestation()
        a = json.dumps(build_batch(central.facility, [person])).encode()
        b = json.dumps(build_batch(central.facility, [{**person, "record_key": "01001:777777"}])).encode()
        ra, rb = _in_threads(lambda: central.service.submit_batch(a), lambda: other.submit_batch(b))
        statuses = sorted(json.loads(r)["results"][0].get("reason_code", "issued") for r in (ra, rb))
        assert statuses == ["dose_already_certified", "issued"]
        with central.service.db.session() as s:
            assert s.query(IssuedCertificate).count() == 1 and s.query(Batch).count() == 2
    finally:
        other.close()
