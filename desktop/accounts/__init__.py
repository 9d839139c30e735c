"""Local accounts of a workspace: who may do what, and who did it.

Roles: ``clerk`` loads lists, reviews mismatches, prints and verifies certificates; ``signer`` also
signs batches with the facility's card; ``administrator`` also changes settings and accounts;
``automation`` runs only the scheduled registry check and sync. The window and the command line ask
the same check (``roles.can``/``gate.authorize``). Passwords are hashed with Argon2id; five wrong
passwords in a row lock the account for fifteen minutes.

The names are loaded on first use, so a module of this package (``early`` for the command line's
password check) can be imported without the database layer behind ``users``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.accounts.passwords import hash_password, needs_rehash, verify_password
    from desktop.accounts.roles import (
        ACTIONS,
        PERMISSIONS,
        ROLES,
        can,
        may_use_window,
        require_role,
        role_label,
    )
    from desktop.accounts.users import (
        LOCKOUT_MINUTES,
        MAX_FAILED_ATTEMPTS,
        MIN_PASSWORD_LENGTH,
        Account,
        add_user,
        authenticate,
        change_password,
        create_administrator,
        get_user,
        has_accounts,
        language_for,
        list_users,
        set_active,
        set_language,
        set_role,
        unlock,
    )

__all__ = [
    "ACTIONS", "PERMISSIONS", "ROLES", "may_use_window", "LOCKOUT_MINUTES", "MAX_FAILED_ATTEMPTS", "MIN_PASSWORD_LENGTH", "Account",
    "add_user", "authenticate", "can", "change_password", "create_administrator", "get_user",
    "has_accounts", "hash_password", "language_for", "list_users", "needs_rehash", "require_role", "role_label",
    "set_active", "set_language", "set_role", "unlock", "verify_password",
]

_HOMES = {
    **dict.fromkeys(("hash_password", "needs_rehash", "verify_password"), "passwords"),
    **dict.fromkeys(("ACTIONS", "PERMISSIONS", "ROLES", "can", "may_use_window", "require_role", "role_label"), "roles"),
}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOMES.get(name, 'users')}"), name)
    globals()[name] = value
    return value
