"""When to try a batch again after a transient failure: exponential backoff, full jitter, a ceiling.

Transient failures (no network, timeouts, 5xx, unreadable answers) never make a batch give up: a
hospital may be offline for days and the outbox must drain once the network is back. The delay
grows from ``BASE`` to at most ``CEILING`` seconds; jitter spreads many workstations apart so they
do not all hit a recovering central service in the same second.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

BASE = 5.0  # seconds before the first retry (on average half of it, with jitter)
CEILING = 15 * 60.0  # no batch waits longer than this between attempts
FLOOR = 1.0


def retry_delay(attempts: int, rng: random.Random | None = None, base: float = BASE,
                ceiling: float = CEILING) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt (1 = first failure).

    "Full jitter": uniform between ``FLOOR`` and ``min(ceiling, base * 2**(attempts-1))``.
    """
    attempts = max(1, attempts)
    cap = min(ceiling, base * (2 ** min(attempts - 1, 30)))
    return max(FLOOR, (rng or random).uniform(0, cap))


def next_attempt(now: datetime, attempts: int, rng: random.Random | None = None) -> datetime:
    return now + timedelta(seconds=retry_delay(attempts, rng))
