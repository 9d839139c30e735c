"""How a user name is compared: composed (NFC), without surrounding spaces, lower case.

Standard library only, so the command line's early password check (``desktop.accounts.early``) can use
it before the database layer is loaded; ``users.normalise_username`` adds the rules of a valid name.
"""

from __future__ import annotations

import unicodedata


def username_key(username: str | None) -> str:
    return unicodedata.normalize("NFC", (username or "").strip()).lower()
