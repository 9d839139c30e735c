"""Checks on settings: each value before it is saved, and each connection after ("test connection").

The connection checks never change anything anywhere: the registry gets one look-up of an ID that
cannot exist, the central service a health request, the token module is only asked which tokens it
sees (no login, no PIN).
"""

from __future__ import annotations

import logging
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from desktop.errors import UserError
from desktop.i18n import Message, tr
from desktop.settings import OPTIONS

log = logging.getLogger(__name__)

# Vendor PKCS#11 modules of the tokens Vietnamese facilities hold, and where their installers put them.
_SYS32 = r"C:\Windows\System32"
KNOWN_TOKEN_MODULES: tuple[tuple[str, str], ...] = (
    ("VNPT-CA", _SYS32 + r"\vnptca_p11_v8.dll"),
    ("Viettel-CA", _SYS32 + r"\viettel-ca_v6.dll"),
    ("BKAV-CA", _SYS32 + r"\BkavCA.dll"),
    ("FPT-CA", _SYS32 + r"\fpt-ca.dll"),
    ("Feitian ePass2003", _SYS32 + r"\eps2003csp11.dll"),
    ("SafeNet eToken", _SYS32 + r"\eTPKCS11.dll"),
    ("SoftHSM2 (Linux)", "/usr/lib/softhsm/libsofthsm2.so"),
    ("OpenSC (Linux)", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
)

_RANGES: dict[str, tuple[float, float]] = {
    "registry_batch_size": (1, 500),
    "registry_concurrency": (1, 32),
    "registry_timeout": (1, 600),
    "central_timeout": (1, 600),
    "sync_interval": (0, 86400),
    "batch_size": (1, 100_000),
    "idle_lock_minutes": (0, 480),
    "certificate_validity_days": (1, 730),
    "backup_keep": (1, 365),
    "retention_days": (0, 36500),
}
_CODE = re.compile(r"^[A-Za-z0-9._-]{1,20}$")
_OPTIONS = {o.key: o for o in OPTIONS}


def _bad(key: str, value: Any, vi: str, en: str, **kw: Any) -> UserError:
    return UserError(
        tr("Cài đặt {key} = “{value}” không hợp lệ: " + vi, "Setting {key} = “{value}” is not valid: " + en,
           key=key, value=value, **kw),
        code="bad_setting", details={"key": key},
    )


def validate_setting(key: str, value: Any) -> Any:
    """The value as it will be stored, or a UserError that names the setting and what is allowed."""
    option = _OPTIONS.get(key)
    if option is None:
        raise UserError(tr("Không có cài đặt {key}", "There is no setting {key}", key=key), code="unknown_setting")
    if isinstance(value, str) and option.type is not str:
        value = value.strip()
    try:
        if option.type is bool and isinstance(value, str):
            if value.lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                raise ValueError(value)
            value = value.lower() in ("1", "true", "yes", "on")
        elif option.type is list and isinstance(value, str):
            value = [v.strip() for v in value.split(",") if v.strip()]
        elif option.type is int and isinstance(value, float) and not value.is_integer():
            raise ValueError(value)
        else:
            value = option.type(value)
    except (TypeError, ValueError):
        kind = {int: tr("một số nguyên", "a whole number"), float: tr("một số", "a number"),
                bool: tr("có/không", "yes/no")}.get(option.type, tr("một giá trị", "a value"))
        raise _bad(key, value, "cần {kind}.", "it must be {kind}.", kind=kind) from None
    if key in _RANGES:
        low, high = _RANGES[key]
        if not low <= value <= high:
            raise _bad(key, value, "cần trong khoảng {low}–{high}.", "it must be between {low} and {high}.",
                       low=int(low), high=int(high))
    if isinstance(value, str) and option.type is str:
        value = value.strip()
    if key == "language" and value not in ("vi", "en"):
        raise _bad(key, value, "chọn vi hoặc en.", "choose vi or en.")
    if key == "signing_algorithm" and value not in ("PS256", "RS256", "ES256"):
        raise _bad(key, value, "chọn PS256, RS256 hoặc ES256.", "choose PS256, RS256 or ES256.")
    if key in ("registry_url", "central_url") and value:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise _bad(key, value, "cần một địa chỉ dạng https://máy-chủ[:cổng][/đường-dẫn].",
                       "it must look like https://host[:port][/path].")
        value = value.rstrip("/")
    if key == "facility_code" and not _CODE.match(value):
        raise _bad(key, value, "mã cơ sở gồm 1–20 chữ cái, chữ số (ví dụ 01001).",
                   "a facility code has 1–20 letters or digits (e.g. 01001).")
    if key == "facility_name" and not (0 < len(value) <= 200):
        raise _bad(key, value, "cần tên cơ sở (tối đa 200 ký tự).", "enter the facility's name (at most 200 characters).")
    if key == "represented_facilities":
        for code in value:
            if not _CODE.match(code):
                raise _bad(key, code, "mã cơ sở gồm 1–20 chữ cái, chữ số.", "a facility code has 1–20 letters or digits.")
    if key == "central_ca_file" and value and not Path(value).is_file():
        raise _bad(key, value, "không có tệp này.", "there is no such file.")
    if key == "token_module" and value and ("\n" in value or "\0" in value):
        raise _bad(key, value, "đường dẫn không hợp lệ.", "not a valid path.")
    return value


@dataclass
class Diagnosis:
    """The outcome of one connection test, in words the clerk and IT staff understand."""

    ok: bool
    code: str
    message: Message
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "code": self.code, "message": self.message.as_dict(), **self.details}


def _unreachable(name: Message, url: str, exc: Exception) -> Diagnosis:
    return Diagnosis(False, "unreachable", tr(
        "Không kết nối được {name} tại {url}: {err}. Kiểm tra địa chỉ và mạng.",
        "Cannot reach the {name} at {url}: {err}. Check the address and the network.",
        name=name, url=url, err=type(exc).__name__))


def check_registry(url: str, token: str, timeout: float = 15.0) -> Diagnosis:
    """One look-up of an ID that cannot exist: 200 or 400 means reachable, 401/403 a bad token."""
    name = tr("CSDL dân cư", "population registry")
    if not url:
        return Diagnosis(False, "not_configured", tr("Chưa nhập địa chỉ CSDL dân cư.", "No registry address is set."))
    body = {"requests": [{"ref": "vaxdesk-connection-test", "id_number": "000000000000"}]}
    try:
        response = httpx.post(url.rstrip("/") + "/v1/citizens:lookup", json=body, timeout=timeout,
                              headers={"Authorization": f"Bearer {token}"} if token else {})
    except httpx.HTTPError as exc:
        return _unreachable(name, url, exc)
    status = response.status_code
    if status in (401, 403):
        return Diagnosis(False, "bad_token", tr(
            "CSDL dân cư từ chối mã truy cập (HTTP {status}); kiểm tra mã truy cập của cơ sở.",
            "The registry refused the access token (HTTP {status}); check the facility's token.", status=status),
            {"status": status})
    if status in (200, 400):
        return Diagnosis(True, "ok", tr("Kết nối CSDL dân cư tốt.", "The registry is reachable."), {"status": status})
    return Diagnosis(False, "unavailable", tr(
        "CSDL dân cư trả lời HTTP {status}; thử lại sau.", "The registry answered HTTP {status}; try again later.",
        status=status), {"status": status})


def check_central(url: str, ca_file: str = "", timeout: float = 30.0) -> Diagnosis:
    """``GET /v1/health`` must answer ``{"status": "ok"}``."""
    name = tr("hệ thống trung ương", "central service")
    if not url:
        return Diagnosis(False, "not_configured", tr("Chưa nhập địa chỉ hệ thống trung ương.",
                                                     "No central service address is set."))
    try:
        response = httpx.get(url.rstrip("/") + "/v1/health", timeout=timeout, verify=ca_file or True)
        data = response.json() if response.status_code == 200 else {}
    except (httpx.HTTPError, ValueError, OSError) as exc:
        return _unreachable(name, url, exc)
    if response.status_code == 200 and isinstance(data, dict) and data.get("status") == "ok":
        return Diagnosis(True, "ok", tr("Kết nối hệ thống trung ương tốt.", "The central service is reachable."),
                         {"status": 200})
    return Diagnosis(False, "unavailable", tr(
        "Hệ thống trung ương trả lời HTTP {status}; thử lại sau hoặc kiểm tra địa chỉ.",
        "The central service answered HTTP {status}; try again later or check the address.",
        status=response.status_code), {"status": response.status_code})


# Token modules are only ever touched from one thread: the signing capability's token thread when it
# is installed, else this one (PKCS#11 libraries are not reliably thread-safe).
_TOKEN_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vaxdesk-token-check")


def token_module_choices() -> list[tuple[str, str]]:
    """What the settings offer for ``token_module``: (value, where it is looked for)."""
    try:
        from desktop.signing.modules import KNOWN_MODULES, candidate_paths
    except ImportError:
        return [(path, name) for name, path in KNOWN_TOKEN_MODULES]
    return [(name, ", ".join(candidate_paths(name))) for name in KNOWN_MODULES]


def check_token(module: str, label: str = "", workspace: Any = None, timeout: float = 60.0) -> Diagnosis:
    """Load the PKCS#11 module and list the tokens it sees; the configured label must be one of them."""
    if not module:
        return Diagnosis(False, "not_configured", tr("Chưa chọn mô-đun PKCS#11 của USB ký số.",
                                                     "No PKCS#11 module of the signing token is set."))
    try:
        from desktop.signing.modules import resolve_module
        from desktop.signing.pkcs11_backend import Pkcs11Token
        from desktop.signing.token import prepare_module_environment
        from desktop.signing.worker import token_worker
    except ImportError:
        return _TOKEN_THREAD.submit(_check_token, module, label, None).result(timeout=timeout)
    try:
        path = resolve_module(module)
    except UserError as exc:
        return Diagnosis(False, "no_module", exc.message)
    if workspace is not None:
        prepare_module_environment(workspace, path)

    def listing() -> list[dict[str, Any]]:
        import pkcs11

        return [{"label": t.label, "serial": t.serial, "manufacturer": t.manufacturer, "model": t.model}
                for t in Pkcs11Token(path).list_tokens() if t.flags & pkcs11.TokenFlag.TOKEN_INITIALIZED]

    return _check_token(path, label, listing=lambda: token_worker().call(listing))


def _check_token(module: str, label: str, listing=None) -> Diagnosis:
    path = module
    if listing is None:
        if not os.path.isabs(module) and sys.platform != "win32" and not Path(module).exists():
            return Diagnosis(False, "no_module", tr(
                "Không tìm thấy mô-đun {module}; nhập đường dẫn đầy đủ.",
                "The module {module} was not found; enter the full path.", module=module))
        if os.path.isabs(module) and not Path(module).is_file():
            return Diagnosis(False, "no_module", tr(
                "Không có tệp {module}; cài phần mềm của nhà cung cấp USB ký số hoặc sửa đường dẫn.",
                "There is no file {module}; install the token vendor's software or fix the path.", module=module))
    try:
        tokens = listing() if listing is not None else _list_tokens(path)
    except Exception as exc:  # noqa: BLE001 - vendor modules fail in many ways; report, never crash
        log.info("token module %s failed to load: %s", module, type(exc).__name__)
        return Diagnosis(False, "module_failed", tr(
            "Không nạp được mô-đun {module} ({err}). Kiểm tra phần mềm của USB ký số.",
            "Could not load the module {module} ({err}). Check the token's software.",
            module=module, err=type(exc).__name__))
    details = {"module": path, "tokens": tokens}
    if not tokens:
        return Diagnosis(False, "no_token", tr("Mô-đun đã nạp nhưng không thấy USB ký số nào; hãy cắm USB.",
                                               "The module loaded but sees no token; plug the token in."), details)
    labels = [t["label"] for t in tokens]
    if label and label not in labels:
        return Diagnosis(False, "wrong_label", tr(
            "Không thấy USB ký số có nhãn “{label}”; đang cắm: {labels}.",
            "No token labelled “{label}” is present; present: {labels}.", label=label, labels=", ".join(labels)),
            details)
    return Diagnosis(True, "ok", tr("Thấy USB ký số: {labels}.", "Tokens found: {labels}.",
                                    labels=", ".join(labels)), details)


def _list_tokens(path: str) -> list[dict[str, Any]]:
    import pkcs11

    lib = pkcs11.lib(path)
    tokens = []
    for slot in lib.get_slots(token_present=True):
        token = slot.get_token()
        if not token.flags & pkcs11.TokenFlag.TOKEN_INITIALIZED:
            continue  # an empty slot (SoftHSM always offers one)
        tokens.append({"label": token.label, "serial": _text(token.serial),
                       "manufacturer": token.manufacturer_id, "model": token.model})
    return tokens


def _text(value: Any) -> str:
    return value.decode(errors="replace").strip() if isinstance(value, bytes) else str(value or "").strip()


def installed_token_modules() -> list[tuple[str, str]]:
    """The known vendor modules present on this computer (name, path)."""
    return [(name, path) for name, path in KNOWN_TOKEN_MODULES if Path(path).is_file()]


def apply_settings(workspace, changes: dict[str, Any], actor: str) -> dict[str, Any]:
    """Validate every change (all problems reported at once), save, and audit who changed what.

    Secrets are audited as changed, never with their value. Returns the stored values.
    """
    from desktop.audit import record_event

    problems, values = [], {}
    for key, value in changes.items():
        try:
            values[key] = validate_setting(key, value)
        except UserError as exc:
            problems.append(exc)
    if problems:
        if len(problems) == 1:
            raise problems[0]
        raise UserError(
            tr("Có {n} cài đặt không hợp lệ:\n{list}", "{n} settings are not valid:\n{list}", n=len(problems),
               list=_Lines([p.message for p in problems])),
            code="bad_setting", details={"keys": [p.details.get("key") for p in problems]},
        )
    settings = workspace.settings
    before, after = {}, {}
    for key, value in values.items():
        old = settings.get(key)
        if old == value:
            continue
        secret = _OPTIONS[key].secret
        before[key] = ("***" if old else "") if secret else old
        after[key] = ("***" if value else "") if secret else value
        settings.set(key, value)
    if after:
        settings.save()
        with workspace.db.session() as session:
            record_event(session, actor, "settings_changed", "settings", "workspace", before, after)
    return {key: (bool(v) if _OPTIONS[key].secret else v) for key, v in values.items()}


class _Lines(Message):
    """Several messages, one per line, each rendered in the language of the whole."""

    def __init__(self, messages: list[Message]):
        super().__init__("\n".join(m.vi for m in messages), "\n".join(m.en for m in messages), {})
        object.__setattr__(self, "messages", messages)

    def render(self, language: str | None = None) -> str:
        return "\n".join("• " + m.render(language) for m in self.messages)
