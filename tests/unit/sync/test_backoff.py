import random

from desktop.sync.backoff import CEILING, FLOOR, retry_delay


def test_delay_grows_then_stays_under_the_ceiling():
    rng = random.Random(7)
    caps = [max(retry_delay(n, rng) for _ in range(200)) for n in range(1, 15)]
    assert caps[0] <= 5.0
    assert caps[4] > caps[0] * 4  # exponential growth of the window
    assert all(c <= CEILING for c in caps)
    assert max(caps) > CEILING * 0.9  # the ceiling is reached, not exceeded


def test_jitter_spreads_retries():
    rng = random.Random(1)
    delays = {round(retry_delay(6, rng), 3) for _ in range(50)}
    assert len(delays) > 40
    assert min(delays) >= FLOOR
