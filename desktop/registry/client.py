"""The population registry client (contracts/registry-api.md).

Look-ups go in batches of at most 500 with a bounded number of requests in flight. Whatever the
server does, every asked ref ends either with a valid answer or in ``unanswered`` with the reason:
nothing is guessed, lost or duplicated. Only 401/403 stop the run (``RegistryUnauthorised``):
the settings must be fixed. The token is sent in the Authorization header and never logged.

A 5xx answer or a failed connection is tried again, up to ``attempts`` times per batch, after an
exponentially growing wait with jitter (so that many clients do not return in step), or after the
server's ``Retry-After`` when a 503 or 429 carries one. One batch that fails for good leaves only
its own records unchecked; the run goes on. Only ``down_after`` batches failing in a row count the
registry as down, and the batches not yet sent are then reported as ``skipped``.
"""

from __future__ import annotations

import email.utils
import json
import logging
import random
import re
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

import httpx

from desktop.errors import Cancelled, UserError
from desktop.i18n import tr
from desktop.ids import CCCD, CMND, mask_id
from desktop.progress import Progress

log = logging.getLogger(__name__)

MAX_BATCH = 500
LOOKUP_PATH = "/v1/citizens:lookup"
DOB = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
_ID_LIKE = re.compile(r"[0-9]{9,}")  # ID numbers an error body might echo: masked before logging

# problem codes a batch may end with (all leave the affected records unchecked)
UNAVAILABLE = "unavailable"      # 5xx, connection refused or reset
TIMEOUT = "timeout"
MALFORMED = "malformed"          # not JSON, or JSON not shaped as the contract says
HTML = "html"                    # a web page instead of data (proxy, captive portal, error page)
MISSING = "missing_results"      # some asked refs had no (valid) answer
UNASKED = "unasked_results"      # answers for refs nobody asked about (ignored)
BAD_REQUEST = "bad_request"      # 400: a bug on our side, not retried
RATE_LIMITED = "rate_limited"    # 429 for longer than we are willing to wait
SKIPPED = "skipped"              # not sent: the registry was already found down in this run
# problems that count towards the registry being down (``down_after`` batches in a row)
DOWN = (UNAVAILABLE, TIMEOUT, HTML, MALFORMED, RATE_LIMITED)
RETRY_AFTER_STATUSES = (429, 503)


class RegistryUnauthorised(UserError):
    """401/403: the token is missing, wrong or not allowed."""


@dataclass
class Answer:
    ref: str
    status: str  # found | not_found | invalid
    citizen: dict[str, Any] | None = None
    reason: str = ""


@dataclass
class BatchAnswer:
    """What became of one batch: valid answers, plus refs left unanswered and why."""

    asked: list[str]
    answers: dict[str, Answer] = field(default_factory=dict)
    unanswered: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    detail: str = ""


def _retry_after(value: str | None, default: float = 1.0) -> float:
    if not value:
        return default
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
            return max(0.0, when.timestamp() - time.time())
        except (TypeError, ValueError):
            return default


def _valid_citizen(citizen: Any) -> bool:
    if not isinstance(citizen, dict):
        return False
    name, dob, sex, number = (citizen.get(k) for k in ("full_name", "date_of_birth", "sex", "id_number"))
    old = citizen.get("old_id_number")
    return (
        isinstance(name, str) and bool(name.strip()) and isinstance(dob, str) and bool(DOB.match(dob))
        and sex in ("M", "F") and isinstance(number, str) and bool(number)
        and (old is None or isinstance(old, str))
        and isinstance(citizen.get("nationality", "VN"), (str, type(None)))
    )


def _about_the_asked_person(asked_id: str, citizen: dict[str, Any]) -> bool:
    """A found citizen must be the one asked for: same ID, or the 12-digit ID an old CMND links to."""
    number = citizen["id_number"].upper()
    if number == asked_id or (citizen.get("old_id_number") or "").upper() == asked_id:
        return True
    return bool(CMND.match(asked_id) and CCCD.match(number))


def parse_results(body: Any, asked: dict[str, str], batch: BatchAnswer) -> None:
    """Take the valid answers of a 200 body; everything else leaves its ref unanswered."""
    results = body.get("results") if isinstance(body, dict) else None
    if not isinstance(results, list):
        batch.problems.append(MALFORMED)
        batch.detail = "no results list"
        batch.unanswered = list(batch.asked)
        return
    seen: dict[str, int] = {}
    unasked = 0
    for item in results:
        ref = item.get("ref") if isinstance(item, dict) else None
        if not isinstance(ref, str) or ref not in asked:
            unasked += 1
            continue
        seen[ref] = seen.get(ref, 0) + 1
        status = item.get("status")
        if status == "found" and _valid_citizen(item.get("citizen")) \
                and _about_the_asked_person(asked[ref], item["citizen"]):
            batch.answers[ref] = Answer(ref, "found", dict(item["citizen"]))
        elif status in ("not_found", "invalid"):
            reason = item.get("reason") if isinstance(item.get("reason"), str) else ""
            batch.answers[ref] = Answer(ref, status, None, reason)
    for ref, count in seen.items():
        if count > 1:  # two answers for one ref: trust neither
            batch.answers.pop(ref, None)
    batch.unanswered = [ref for ref in batch.asked if ref not in batch.answers]
    if batch.unanswered:
        batch.problems.append(MISSING)
    if unasked:
        batch.problems.append(UNASKED)


class RegistryClient:
    """Talks to one registry; thread-safe; one pool of keep-alive connections."""

    def __init__(self, base_url: str, token: str, *, batch_size: int = MAX_BATCH, concurrency: int = 4,
                 timeout: float = 15.0, max_rate_limit_wait: float = 120.0, attempts: int = 5,
                 backoff: float = 0.5, max_wait: float = 30.0, down_after: int = 3,
                 transport: httpx.BaseTransport | None = None, rng: random.Random | None = None):
        self.url = base_url.rstrip("/") + LOOKUP_PATH
        self.batch_size = max(1, min(int(batch_size), MAX_BATCH))
        self.concurrency = max(1, int(concurrency))
        self.max_rate_limit_wait = max_rate_limit_wait
        self.attempts = max(1, int(attempts))
        self.backoff = max(0.0, float(backoff))
        self.max_wait = max(0.0, float(max_wait))
        self.down_after = max(1, int(down_after))
        self._rng = rng or random.Random()
        self._token = token
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            limits=httpx.Limits(max_connections=self.concurrency, max_keepalive_connections=self.concurrency),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            transport=transport,
        )
        self._down = threading.Event()
        self._failures_in_a_row = 0
        self._count_lock = threading.Lock()
        self.tries = 0  # requests sent, retries included

    def __repr__(self) -> str:  # never show the token
        return f"RegistryClient({self.url!r})"

    def close(self) -> None:
        self._http.close()

    @property
    def down(self) -> bool:
        """Whether the last ``lookup_many`` found the registry down (``down_after`` failed batches in a row)."""
        return self._down.is_set()

    def __enter__(self) -> RegistryClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # one batch -----------------------------------------------------------------------------------
    def lookup_batch(self, items: list[tuple[str, str]], progress: Progress | None = None) -> BatchAnswer:
        """Look up ≤ batch_size (ref, id_number) pairs; raises only RegistryUnauthorised or Cancelled."""
        asked = {ref: id_number.upper() for ref, id_number in items}
        batch = BatchAnswer(asked=list(asked))
        payload = json.dumps({"requests": [{"ref": r, "id_number": i} for r, i in items]}).encode()
        rate_limited_for = 0.0
        attempt = 0
        while True:
            attempt += 1
            with self._count_lock:
                self.tries += 1
            try:
                response = self._http.post(self.url, content=payload,
                                           headers={"Authorization": f"Bearer {self._token}"})
                body_bytes = response.content
            except httpx.TimeoutException as exc:  # a hang is not hammered again: it would only pile up
                return self._fail(batch, TIMEOUT, type(exc).__name__)
            except httpx.TransportError as exc:  # refused, reset, closed mid-body, protocol errors
                if attempt < self.attempts and not self._down.is_set():
                    self._sleep(self.backoff_delay(attempt), progress)
                    continue
                return self._fail(batch, UNAVAILABLE, f"{type(exc).__name__} after {attempt} tries")
            status = response.status_code
            if status in (401, 403):
                raise RegistryUnauthorised(
                    tr("CSDL dân cư từ chối khoá truy cập của cơ sở (HTTP {status}). Hãy kiểm tra địa chỉ và "
                       "khoá truy cập CSDL dân cư trong Cài đặt, rồi kiểm tra lại.",
                       "The population registry refused the facility's access token (HTTP {status}). Check the "
                       "registry address and token in Settings, then check again.", status=status),
                    code="registry_unauthorised",
                )
            if status == 429:
                delay = min(_retry_after(response.headers.get("Retry-After")), 60.0)  # the server paces us
                if rate_limited_for + delay > self.max_rate_limit_wait:
                    return self._fail(batch, RATE_LIMITED, f"waited {rate_limited_for:.0f}s")
                log.info("registry asks to slow down; waiting %.1f s", delay)
                self._sleep(delay, progress)
                rate_limited_for += delay
                attempt -= 1  # being asked to wait is not a failure
                continue
            if status == 400:
                text = _ID_LIKE.sub(lambda m: mask_id(m.group()), body_bytes[:300].decode("utf-8", "replace"))
                log.error("registry refused a request as malformed (HTTP 400): %s", text)
                return self._fail(batch, BAD_REQUEST, text)
            if status >= 500:
                if attempt < self.attempts and not self._down.is_set():
                    delay = self.backoff_delay(attempt)
                    if status in RETRY_AFTER_STATUSES and response.headers.get("Retry-After"):
                        delay = min(_retry_after(response.headers["Retry-After"], delay), self.max_wait)
                    log.info("registry answered HTTP %d; trying again in %.1f s (try %d of %d)", status, delay,
                             attempt + 1, self.attempts)
                    self._sleep(delay, progress)
                    continue
                return self._fail(batch, UNAVAILABLE, f"HTTP {status} after {attempt} tries")
            if status != 200:
                return self._fail(batch, UNAVAILABLE, f"HTTP {status}")
            return self._read_body(response, body_bytes, asked, batch)

    def backoff_delay(self, attempt: int) -> float:
        """Wait before try ``attempt + 1``: doubling from ``backoff``, capped, half of it random."""
        ceiling: float = min(self.max_wait, self.backoff * (2 ** (attempt - 1)))
        return ceiling / 2 + self._rng.uniform(0, ceiling / 2)

    def _read_body(self, response: httpx.Response, body_bytes: bytes, asked: dict[str, str],
                   batch: BatchAnswer) -> BatchAnswer:
        content_type = response.headers.get("Content-Type", "")
        head = body_bytes.lstrip()[:1]
        if "html" in content_type or head == b"<":
            return self._fail(batch, HTML, content_type)
        try:
            body = json.loads(body_bytes)
        except ValueError as exc:
            return self._fail(batch, MALFORMED, str(exc)[:200])
        parse_results(body, asked, batch)
        self._count(MALFORMED not in batch.problems)
        return batch

    def _fail(self, batch: BatchAnswer, problem: str, detail: str) -> BatchAnswer:
        log.warning("registry batch of %d look-ups failed: %s (%s)", len(batch.asked), problem, detail)
        batch.problems.append(problem)
        batch.detail = detail
        batch.unanswered = list(batch.asked)
        self._count(problem not in DOWN)
        return batch

    def _count(self, answered: bool) -> None:
        """``down_after`` batches failing in a row: the registry is down for the rest of this run."""
        with self._count_lock:
            self._failures_in_a_row = 0 if answered else self._failures_in_a_row + 1
            if self._failures_in_a_row >= self.down_after and not self._down.is_set():
                log.warning("registry counted as down after %d failed batches in a row", self._failures_in_a_row)
                self._down.set()

    @staticmethod
    def _sleep(seconds: float, progress: Progress | None) -> None:  # replaced in tests to record waits
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if progress is not None:
                progress.check_cancelled()
            time.sleep(min(left, 0.1))

    # many batches --------------------------------------------------------------------------------
    def lookup_many(self, items: Iterable[tuple[str, str]], on_batch: Callable[[BatchAnswer], None],
                    progress: Progress | None = None) -> None:
        """Look everything up, ``concurrency`` batches in flight; ``on_batch`` runs on the calling thread.

        A batch that fails leaves its records unanswered and the run goes on; when ``down_after``
        batches in a row have failed, batches not yet sent are not sent (``skipped``): their records
        stay unchecked for the next run. On cancellation or refusal, batches already in flight
        are still handed to ``on_batch`` (their answers are good), then the exception propagates.
        """
        items = list(items)
        batches = [items[i:i + self.batch_size] for i in range(0, len(items), self.batch_size)]
        self._down.clear()
        self._failures_in_a_row = 0
        pending: set[Future[BatchAnswer]] = set()
        stop: BaseException | None = None
        next_index = 0
        with ThreadPoolExecutor(self.concurrency, thread_name_prefix="vaxdesk-registry") as pool:
            while next_index < len(batches) or pending:
                while stop is None and next_index < len(batches) and len(pending) < self.concurrency:
                    if self._down.is_set():
                        break
                    pending.add(pool.submit(self.lookup_batch, batches[next_index], progress))
                    next_index += 1
                if stop is None and self._down.is_set() and not pending:
                    for rest in batches[next_index:]:
                        on_batch(BatchAnswer(asked=[r for r, _ in rest], unanswered=[r for r, _ in rest],
                                             problems=[SKIPPED]))
                    next_index = len(batches)
                    break
                if not pending:
                    break
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    try:
                        answer = future.result()
                    except (RegistryUnauthorised, Cancelled) as exc:
                        stop = stop or exc
                        continue
                    on_batch(answer)
                if stop is None and progress is not None:
                    try:
                        progress.check_cancelled()
                    except Cancelled as exc:
                        stop = exc
                if stop is not None:
                    next_index = len(batches)
        if stop is not None:
            raise stop
