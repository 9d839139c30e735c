"""The one thread that talks to the token.

PKCS#11 modules of USB tokens are often not safe to call from several threads, and a module loaded
on one thread may misbehave on another. Every PKCS#11 call in the program goes through
``token_worker().call(fn, ...)``, which runs it on the single thread named ``vaxdesk-token``.
"""

from __future__ import annotations

import atexit
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
THREAD_NAME = "vaxdesk-token"


class TokenWorker:
    """A single-thread executor; ``call`` blocks the caller until the token thread has answered."""

    def __init__(self) -> None:
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def _ensure(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=THREAD_NAME)
            return self._executor

    def on_token_thread(self) -> bool:
        return threading.current_thread().name.startswith(THREAD_NAME)

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self.on_token_thread():
            return fn(*args, **kwargs)
        return self._ensure().submit(fn, *args, **kwargs).result()

    def shutdown(self) -> None:
        """Stop the thread once the calls already queued are done (at exit, or by tests)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)


_worker = TokenWorker()


def token_worker() -> TokenWorker:
    return _worker


def run_on_token_thread(fn: Callable[..., T]) -> Callable[..., T]:
    """Decorator: the function always runs on the token thread (Electrum's ``runs_in_hwd_thread``)."""

    def wrapper(*args: Any, **kwargs: Any) -> T:
        return _worker.call(fn, *args, **kwargs)

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


atexit.register(_worker.shutdown)
