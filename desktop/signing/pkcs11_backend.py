"""The thin layer over python-pkcs11 that every token call goes through (on the token thread).

Kept small and free of policy so that tests can wrap it to produce what SoftHSM cannot: a card pulled
out mid-signature, a busy token, a locked PIN. ``sign_calls`` counts the real C_Sign calls.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from typing import Any

import pkcs11
from pkcs11 import Attribute, KeyType, Mechanism, ObjectClass, TokenFlag

_lock = threading.Lock()
_initialised_with: dict[str, str | None] = {}  # module path -> SOFTHSM2_CONF it was initialised with


@dataclass(frozen=True)
class TokenInfo:
    label: str
    serial: str
    manufacturer: str
    model: str
    flags: int


@dataclass(frozen=True)
class TokenObject:
    """A certificate or private key on the token, by its CKA_ID."""

    id: bytes
    label: str
    value: bytes = b""  # DER of a certificate
    key_type: str = ""  # "rsa" | "ec" for a private key


def load_library(path: str) -> Any:
    """Load (or reuse) a module; re-initialise it when SOFTHSM2_CONF changed since it was loaded."""
    with _lock:
        conf = os.environ.get("SOFTHSM2_CONF")
        lib = pkcs11.lib(path)
        if path in _initialised_with and _initialised_with[path] != conf:
            lib.reinitialize()
        _initialised_with[path] = conf
        return lib


class Pkcs11Token:
    """One token in one module: find it, read its objects, log in, sign. Call only on the token thread."""

    def __init__(self, module_path: str):
        self.module_path = module_path
        self.lib = load_library(module_path)
        self._token: Any = None
        self._session: Any = None
        self.sign_calls = 0

    # -- finding ------------------------------------------------------------------------------
    def list_tokens(self) -> list[TokenInfo]:
        out = []
        for slot in self.lib.get_slots(token_present=True):
            try:
                out.append(_info(slot.get_token()))
            except (pkcs11.TokenNotPresent, pkcs11.TokenNotRecognised):
                continue
        return out

    def select(self, label: str | None, serial: str | None) -> TokenInfo:
        """Choose the token; raises NoSuchToken / MultipleTokensReturned."""
        matches = []
        for slot in self.lib.get_slots(token_present=True):
            try:
                token = slot.get_token()
            except (pkcs11.TokenNotPresent, pkcs11.TokenNotRecognised):
                continue
            info = _info(token)
            if label and info.label != label:
                continue
            if serial and info.serial != serial:
                continue
            matches.append((token, info))
        if not matches:
            raise pkcs11.NoSuchToken(f"no token label={label!r} serial={serial!r}")
        if len(matches) > 1:
            raise pkcs11.MultipleTokensReturned(f"{len(matches)} tokens match")
        self._token, info = matches[0]
        return info

    def info(self) -> TokenInfo:
        """Fresh token information (the PIN flags change after each login attempt)."""
        return _info(self._token.slot.get_token())

    def mechanisms(self) -> set[int]:
        return {int(m) for m in self._token.slot.get_mechanisms()}

    # -- session ------------------------------------------------------------------------------
    def open_public(self) -> None:
        if self._session is None:
            self._session = self._token.open()

    def login(self, pin: str) -> None:
        """Close the public session and open a logged-in one (C_Login)."""
        self.close()
        try:
            self._session = self._token.open(user_pin=pin)
        except pkcs11.PKCS11Error:
            # python-pkcs11 leaves the session it opened for C_Login open when the login fails;
            # re-initialising the module closes it (every call is on this thread, none is in flight)
            try:
                self.lib.reinitialize()
            except pkcs11.PKCS11Error:
                pass
            raise

    def certificates(self) -> list[TokenObject]:
        self.open_public()
        out = []
        for obj in self._session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
            out.append(TokenObject(id=bytes(_attr(obj, Attribute.ID, b"")), label=_attr(obj, Attribute.LABEL, ""),
                                   value=bytes(obj[Attribute.VALUE])))
        return out

    def private_keys(self) -> list[TokenObject]:
        out = []
        for obj in self._session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}):
            kt = obj[Attribute.KEY_TYPE]
            kind = "rsa" if kt == KeyType.RSA else "ec" if kt == KeyType.EC else str(kt)
            out.append(TokenObject(id=bytes(_attr(obj, Attribute.ID, b"")), label=_attr(obj, Attribute.LABEL, ""),
                                   key_type=kind))
        return out

    def sign(self, key_id: bytes, mechanism: int, data: bytes, param: Any = None) -> bytes:
        key = self._session.get_key(object_class=ObjectClass.PRIVATE_KEY, id=key_id)
        self.sign_calls += 1
        if param is None:
            return bytes(key.sign(data, mechanism=Mechanism(mechanism)))
        return bytes(key.sign(data, mechanism=Mechanism(mechanism), mechanism_param=param))

    def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            try:
                session.close()
            except pkcs11.PKCS11Error:
                pass  # the token may be gone; nothing left to close


def _attr(obj: Any, attribute: Attribute, default: Any) -> Any:
    try:
        return obj[attribute]
    except (pkcs11.AttributeTypeInvalid, pkcs11.AttributeSensitive, KeyError):
        return default


def _info(token: Any) -> TokenInfo:
    serial = token.serial
    if isinstance(serial, bytes):
        serial = serial.decode("ascii", "replace")
    return TokenInfo(label=token.label.strip(), serial=serial.strip(), manufacturer=token.manufacturer_id.strip(),
                     model=token.model.strip(), flags=int(token.flags))


PIN_COUNT_LOW = int(TokenFlag.USER_PIN_COUNT_LOW)
PIN_FINAL_TRY = int(TokenFlag.USER_PIN_FINAL_TRY)
PIN_LOCKED = int(TokenFlag.USER_PIN_LOCKED)
