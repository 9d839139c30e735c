"""Unique vaccination certificate identifiers (UVCI, eHN guidelines Annex 2).

Viet Nam's identifiers are ``URN:UVCI:01:VN:`` followed by 32 upper-case hex characters: an
opaque random value (it must not encode the person, the facility or the date, which would leak
through a QR code). The optional check character is Luhn mod 38 over the whole string including
``URN:UVCI:``, appended after ``#``. Verifiers must not reject a certificate for a bad check
character; only the issuer insists on it.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:"
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
_N = len(ALPHABET)
_DOUBLED = {ch: 2 * i // _N + 2 * i % _N for ch, i in _INDEX.items()}
# The same two tables over ASCII codes for ``bytes.translate``; 255 marks a character outside the alphabet.
_INDEX_BYTES = bytes(_INDEX.get(chr(code), 255) for code in range(256))
_DOUBLED_BYTES = bytes(_DOUBLED.get(chr(code), 255) for code in range(256))

PREFIX = "URN:UVCI:"
VIETNAM_PREFIX = "URN:UVCI:01:VN:"
OPAQUE_HEX_CHARS = 32

# Version 01, a country, then one or more upper-case alphanumeric parts separated by "/", and an
# optional "#" + check character. The "URN:UVCI:" prefix is optional in the guidelines.
_WELL_FORMED = re.compile(r"(?:URN:UVCI:)?01:[A-Z]{2}:[A-Z0-9]+(?:/[A-Z0-9]+)*(?:#[A-Z0-9/:])?")


def luhn38(text: str) -> str:
    """The Luhn mod 38 check character for ``text`` (A=0 … 9=35, "/"=36, ":"=37).

    Raises ValueError if ``text`` holds a character outside the alphabet (e.g. lower case).
    """
    # From the right, every other character (the last one first) counts twice: its doubled code's
    # base-38 digit sum, looked up in a table; the others count their code. ASCII text is looked
    # up with two ``bytes.translate`` and summed; anything else takes the character loop below.
    if text.isascii():
        reverse = text.encode("ascii")[::-1]
        doubled, single = reverse[::2].translate(_DOUBLED_BYTES), reverse[1::2].translate(_INDEX_BYTES)
        if 255 not in doubled and 255 not in single:
            return ALPHABET[(_N - (sum(doubled) + sum(single)) % _N) % _N]
    try:
        total = sum(map(_DOUBLED.__getitem__, text[::-1][::2])) + sum(map(_INDEX.__getitem__, text[::-1][1::2]))
    except KeyError:
        bad = next(ch for ch in reversed(text) if ch not in _INDEX)
        raise ValueError(f"character {bad!r} is not allowed in a UVCI") from None
    return ALPHABET[(_N - total % _N) % _N]


def new_uvci(checksum: bool = True, prefix: str = VIETNAM_PREFIX) -> str:
    """A fresh UVCI: ``prefix`` + 32 random upper-case hex characters (+ ``#`` + check character).

    128 random bits make a collision practically impossible without a central counter, so
    facilities can mint identifiers offline.
    """
    body = prefix + secrets.token_hex(OPAQUE_HEX_CHARS // 2).upper()
    return f"{body}#{luhn38(body)}" if checksum else body


def split_checksum(uvci: str) -> tuple[str, str | None]:
    """``("URN:UVCI:01:VN:…", "K")`` for a UVCI with a check character, else ``(uvci, None)``."""
    body, sep, check = uvci.rpartition("#")
    if not sep:
        return uvci, None
    return body, check


def uvci_valid_checksum(uvci: str) -> bool:
    """True when ``uvci`` ends in ``#`` + the right Luhn mod 38 character; False otherwise
    (no check character, a wrong one, or characters outside the alphabet)."""
    body, check = split_checksum(uvci)
    if check is None or len(check) != 1:
        return False
    try:
        return luhn38(body) == check
    except ValueError:
        return False


def has_checksum(uvci: str) -> bool:
    return split_checksum(uvci)[1] is not None


def is_well_formed(uvci: str) -> bool:
    """Syntax check an issuer applies before signing (a verifier only warns, see ``hc1``)."""
    if len(uvci) > 80 or not _WELL_FORMED.fullmatch(uvci):
        return False
    # the pattern allows at most one "#", followed by exactly one character of the alphabet
    body, sep, check = uvci.rpartition("#")
    return not sep or luhn38(body) == check
