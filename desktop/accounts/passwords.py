"""Argon2id password hashes (RFC 9106's second recommended parameter set: t=3, 64 MiB, p=4).

A check may be started early, on a thread of its own (``check_early``): the next ``verify_password``
about the same hash and password then takes its result instead of checking again. The command line
starts it before it loads the database layer (``desktop.accounts.early``), so the check runs on the
other core meanwhile. Whatever was started, the answer is the same as a check made on the spot.
"""

from __future__ import annotations

import hmac
import threading
from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4, hash_len=32, salt_len=16,
                         type=Type.ID)


# a hash of a forgotten random text, with the parameters above: checking a password against it costs one
# check, as for a real account
_STAND_IN = "$argon2id$v=19$m=65536,t=3,p=4$QXXQBJkV85Ldfem8j46XDQ$wVFizMqkQsxMasa+AhFmteYXwcJGP5VlnPlevyRNzpg"


@cache
def _dummy_hash() -> str:
    """A real hash to verify against when the user name is unknown, so a wrong name costs the same time.

    The stand-in above while the hasher's parameters are its own (no hash to make first: an unknown name
    then costs one check, as a known one does); otherwise made on first use, never at import.
    """
    if not _HASHER.check_needs_rehash(_STAND_IN):
        return _STAND_IN
    return _HASHER.hash("vaxdesk-no-such-user")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def _verify_now(password_hash: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


class _EarlyCheck:
    """One check running on its own thread; its result is given once, for the same hash and password only."""

    def __init__(self, password_hash: str | None, password: str):
        self.password_hash = password_hash
        self._password = password
        self._result: bool | None = None
        self._thread = threading.Thread(target=self._run, name="password-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self._result = _verify_now(self.password_hash, self._password)

    def result_for(self, password_hash: str | None, password: str) -> bool | None:
        """The result when asked about the same hash and password (None otherwise, or if the check failed)."""
        same = password_hash == self.password_hash and hmac.compare_digest(password.encode(),
                                                                           self._password.encode())
        if not same:
            return None
        self._thread.join()
        self._password = ""
        return self._result


_early: _EarlyCheck | None = None
_early_lock = threading.Lock()


def check_early(password_hash: str | None, password: str) -> None:
    """Start checking ``password`` against ``password_hash`` (None: an unknown name) on a thread now."""
    global _early
    with _early_lock:
        _early = _EarlyCheck(password_hash, password)


def verify_password(password_hash: str | None, password: str) -> bool:
    global _early
    with _early_lock:
        early, _early = _early, None
    if early is not None:
        result = early.result_for(password_hash, password)
        if result is not None:
            return result
    return _verify_now(password_hash, password)


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with older parameters; rehash after a successful sign-in."""
    try:
        return _HASHER.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True
