"""Argon2id password hashes (RFC 9106's second recommended parameter set: t=3, 64 MiB, p=4)."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4, hash_len=32, salt_len=16,
                         type=Type.ID)


@cache
def _dummy_hash() -> str:
    """A real hash to verify against when the user name is unknown, so a wrong name costs the same time.

    Made on first use, not at import: starting the command line must not pay for a hash.
    """
    return _HASHER.hash("vaxdesk-no-such-user")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with older parameters; rehash after a successful sign-in."""
    try:
        return _HASHER.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True
