"""A fault-injecting wrapper around the real PKCS#11 token interface (SoftHSM cannot pull a card out)."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

import pkcs11

from desktop.signing.pkcs11_backend import PIN_COUNT_LOW, PIN_FINAL_TRY, PIN_LOCKED, Pkcs11Token


class FaultyToken:
    """Delegates to a real ``Pkcs11Token``; ``faults[method][n]`` is raised on the n-th call (1-based).

    ``extra_flags`` are OR-ed into the token flags it reports (e.g. USER_PIN_FINAL_TRY), ``side_effects``
    run before a call, and ``threads`` records the thread of every call.
    """

    calls_log: list[tuple[str, str]] = []

    def __init__(self, module_path: str, faults: dict[str, dict[int, BaseException]] | None = None,
                 extra_flags: int = 0, side_effects: dict[str, Any] | None = None):
        self.real = Pkcs11Token(module_path)
        self.faults = faults or {}
        self.extra_flags = extra_flags
        self.side_effects = side_effects or {}
        self.counts: dict[str, int] = {}
        self.threads: set[str] = {threading.current_thread().name}

    @classmethod
    def factory(cls, **kwargs: Any):
        made: list[FaultyToken] = []

        def make(path: str) -> FaultyToken:
            token = cls(path, **kwargs)
            made.append(token)
            return token

        make.made = made  # type: ignore[attr-defined]
        return make

    def _call(self, name: str, *args: Any) -> Any:
        self.threads.add(threading.current_thread().name)
        self.counts[name] = self.counts.get(name, 0) + 1
        if name in self.side_effects:
            self.side_effects[name](self.counts[name])
        fault = self.faults.get(name, {}).get(self.counts[name])
        if fault is not None:
            raise fault
        return getattr(self.real, name)(*args)

    @property
    def sign_calls(self) -> int:
        return self.real.sign_calls

    def select(self, label, serial):
        info = self._call("select", label, serial)
        return replace(info, flags=info.flags | self.extra_flags)

    def info(self):
        info = self._call("info")
        return replace(info, flags=info.flags | self.extra_flags)

    def mechanisms(self):
        return self._call("mechanisms")

    def certificates(self):
        return self._call("certificates")

    def private_keys(self):
        return self._call("private_keys")

    def login(self, pin):
        return self._call("login", pin)

    def sign(self, key_id, mechanism, data, param=None):
        return self._call("sign", key_id, mechanism, data, param)

    def close(self):
        return self._call("close")


class PinCountingCard(FaultyToken):
    """A card with ``tries`` PIN tries in front of the real token, reporting its PIN flags as cards do.

    Each wrong PIN counts down: "count low" once ``low_at`` or fewer tries are left (or after any
    failure, with ``count_low_from_first``, as SoftHSM and some cards do), "final try" with one left,
    "locked" with none (the PIN is then refused without reaching the token). A right PIN resets the
    count. The real token's own PIN flags are hidden.
    """

    PIN_FLAGS = PIN_COUNT_LOW | PIN_FINAL_TRY | PIN_LOCKED

    def __init__(self, module_path: str, tries: int = 5, low_at: int = 2, count_low_from_first: bool = False,
                 **kwargs: Any):
        super().__init__(module_path, **kwargs)
        self.tries = self.left = tries
        self.low_at = low_at
        self.count_low_from_first = count_low_from_first

    def pin_flags(self) -> int:
        if self.left <= 0:
            return PIN_LOCKED
        flags = PIN_FINAL_TRY if self.left == 1 else 0
        if self.left <= self.low_at or (self.count_low_from_first and self.left < self.tries):
            flags |= PIN_COUNT_LOW
        return flags

    def _card(self, info):
        return replace(info, flags=(info.flags & ~self.PIN_FLAGS) | self.pin_flags())

    def select(self, label, serial):
        return self._card(super().select(label, serial))

    def info(self):
        return self._card(super().info())

    def login(self, pin):
        if self.left <= 0:
            raise pkcs11.PinLocked()
        try:
            result = super().login(pin)
        except pkcs11.PinIncorrect:
            self.left -= 1
            raise
        self.left = self.tries
        return result
