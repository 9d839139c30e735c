"""Progress reporting and cancellation for long core operations, free of any UI."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from desktop.errors import Cancelled

ProgressCallback = Callable[[int, int, str | None], None]


class Progress:
    """Passed into long operations; the caller sees counts and may cancel.

    Updates are throttled so that a 100,000-row loop does not flood a GUI thread with signals.
    """

    def __init__(self, callback: ProgressCallback | None = None, min_interval: float = 0.05):
        self._callback = callback
        self._cancel = threading.Event()
        self._min_interval = min_interval
        self._last = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def update(self, done: int, total: int, label: str | None = None, force: bool = False) -> None:
        self.check_cancelled()
        if self._callback is None:
            return
        now = time.monotonic()
        if force or done >= total or now - self._last >= self._min_interval:
            self._last = now
            self._callback(done, total, label)


NO_PROGRESS = Progress()
