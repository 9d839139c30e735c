"""Pausing Python's cyclic garbage collector during bulk work.

Loading a list or 100,000 record ids creates hundreds of thousands of short-lived objects (none
cyclic); the full collections they trigger walk the whole heap (Qt wrappers, SQLAlchemy) and stop
every thread, the window's included, for hundreds of milliseconds.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_gc_lock = threading.Lock()
_gc_users = 0


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection inside the block (nested and concurrent uses are counted)."""
    global _gc_users
    with _gc_lock:
        _gc_users += 1
        if _gc_users == 1:
            gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0:
                gc.enable()
