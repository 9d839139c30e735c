"""Every setting of a workspace, declared once with its type, default and meaning.

Settings live in ``settings.json`` in the workspace. Secrets (registry token) are kept in a
separate ``secrets.json``, never in the database or logs. Both files are written 0600 (owner only). PINs are never
stored anywhere.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from desktop.errors import UserError
from desktop.i18n import tr

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    description: str
    secret: bool = False
    range: tuple[float, float] | None = None  # inclusive bounds of a number


OPTIONS: tuple[Option, ...] = (
    Option("language", str, "vi", "User interface language: vi or en"),
    Option("remember_last_user", bool, False, "Sign-in offers the last user name (off on a shared PC)"),
    Option("database_url", str, "", "SQLAlchemy URL; empty means workspace.sqlite3 in the workspace (WAL)"),
    Option("facility_code", str, "", "The facility's health-insurance facility code (Mã cơ sở)"),
    Option("facility_name", str, "", "The facility's name as printed on certificates"),
    Option("focal_agency", bool, False, "This workspace signs for several facilities (Sở Y tế / CDC)"),
    Option("represented_facilities", list, [], "Facility codes a focal agency signs for"),
    Option("registry_url", str, "", "Population registry base URL"),
    Option("registry_token", str, "", "Facility API token for the registry", secret=True),
    Option("registry_batch_size", int, 500, "Look-ups per registry request (1-500)", range=(1, 500)),
    Option("registry_concurrency", int, 4, "Registry requests in flight at once", range=(1, 32)),
    Option("registry_timeout", float, 15.0, "Seconds before a registry request counts as failed",
           range=(1, 600)),
    Option("registry_attempts", int, 5, "Tries per registry request on 5xx or a failed connection",
           range=(1, 20)),
    Option("registry_max_wait", float, 30.0, "Longest wait in seconds before a registry request is tried again",
           range=(0, 600)),
    Option("registry_claim_seconds", int, 600, "Seconds a check's claim on records holds if its workstation stops",
           range=(1, 86400)),
    Option("central_url", str, "", "Central countersigning service base URL"),
    Option("central_ca_file", str, "", "PEM file to trust for the central service's TLS; empty: system"),
    Option("central_token", str, "", "Facility credential for the central service, issued at registration",
           secret=True),
    Option("central_timeout", float, 30.0, "Seconds before a central request counts as failed",
           range=(1, 600)),
    Option("sync_interval", int, 60, "Seconds between background syncs while online (0: manual only)",
           range=(0, 86400)),
    Option("token_module", str, "", "PKCS#11 module path of the facility's USB token"),
    Option("token_label", str, "", "Label of the token to use"),
    Option("token_serial", str, "", "Serial of the token to use (optional)"),
    Option("signing_algorithm", str, "PS256", "PS256, RS256 (token without PSS) or ES256"),
    Option("batch_size", int, 5000, "Records per signed batch", range=(1, 100_000)),
    Option("idle_lock_minutes", int, 10, "Lock the window after this many idle minutes (0: never)",
           range=(0, 480)),
    Option("certificate_validity_days", int, 365, "Validity of an issued certificate", range=(1, 730)),
    Option("backup_folder", str, "", "Folder (or removable drive) that receives encrypted backups"),
    Option("backup_keep", int, 14, "Scheduled backups to keep in the backup folder (the newest ones)",
           range=(1, 365)),
    Option("backup_passphrase", str, "", "Passphrase of scheduled backups (never inside a backup)", secret=True),
    Option("retention_days", int, 180, "Days after certification that personal data is kept (0: keep)",
           range=(0, 36500)),
)

_BY_KEY = {o.key: o for o in OPTIONS}
_FACILITY_CODE = re.compile(r"^[A-Za-z0-9._-]{1,20}$")


class Settings:
    """The settings of one workspace, validated against ``OPTIONS``."""

    def __init__(self, folder: Path):
        self._file = folder / "settings.json"
        self._secrets_file = folder / "secrets.json"
        self._values: dict[str, Any] = {}
        self._secrets: dict[str, Any] = {}
        if self._file.exists():
            self._values = self._read(self._file)
        if self._secrets_file.exists():
            self._secrets = self._read(self._secrets_file)

    @staticmethod
    def _read(path: Path) -> dict[str, Any]:
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(
                tr("Không đọc được tệp cài đặt {file}: {err}", "Cannot read the settings file {file}: {err}",
                   file=str(path), err=str(exc)),
                code="settings_unreadable",
            ) from exc
        data.pop("_version", None)
        return data

    def get(self, key: str) -> Any:
        option = _BY_KEY[key]
        store = self._secrets if option.secret else self._values
        env = os.environ.get("VAXDESK_" + key.upper())
        if env is not None:
            return _coerce(option, env)
        return store.get(key, option.default)

    def set(self, key: str, value: Any) -> None:
        option = _BY_KEY.get(key)
        if option is None:
            raise UserError(tr("Không có cài đặt {key}", "There is no setting {key}", key=key), code="unknown_setting")
        value = _coerce(option, value)
        (self._secrets if option.secret else self._values)[key] = value

    def as_dict(self, include_secrets: bool = False) -> dict[str, Any]:
        out = {o.key: self.get(o.key) for o in OPTIONS if include_secrets or not o.secret}
        return out

    def save(self) -> None:
        self._file.parent.mkdir(parents=True, exist_ok=True)
        _write(self._file, {"_version": SETTINGS_VERSION, **self._values})
        if self._secrets:
            _write(self._secrets_file, {"_version": SETTINGS_VERSION, **self._secrets}, private=True)


def _write(path: Path, data: dict[str, Any], private: bool = True) -> None:
    """Write through a temporary file created 0600 (owner only) before any byte is in it."""
    tmp = path.with_suffix(".tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    with open(tmp, "w", encoding="utf-8", opener=lambda name, flags: os.open(name, flags, 0o600)) as handle:
        handle.write(json.dumps(data, ensure_ascii=False, indent=2))
    if private and os.name != "nt":
        os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def _coerce(option: Option, value: Any) -> Any:
    try:
        if option.type is bool and isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        if option.type is list and isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        return option.type(value)
    except (TypeError, ValueError) as exc:
        raise UserError(
            tr("Giá trị {value!r} không hợp lệ cho {key}", "Value {value!r} is not valid for {key}",
               value=value, key=option.key),
            code="bad_setting",
        ) from exc


def _bad(key: str, value: Any, vi: str, en: str, **kw: Any) -> UserError:
    return UserError(
        tr("Cài đặt {key} = “{value}” không hợp lệ: " + vi, "Setting {key} = “{value}” is not valid: " + en,
           key=key, value=value, **kw),
        code="bad_setting", details={"key": key},
    )


def validate_setting(key: str, value: Any) -> Any:
    """The value as it will be stored, or a UserError that names the setting and what is allowed."""
    option = _BY_KEY.get(key)
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
    if option.range is not None:
        low, high = option.range
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
    if key == "facility_code" and not _FACILITY_CODE.match(value):
        raise _bad(key, value, "mã cơ sở gồm 1–20 chữ cái, chữ số (ví dụ 01001).",
                   "a facility code has 1–20 letters or digits (e.g. 01001).")
    if key == "facility_name" and not (0 < len(value) <= 200):
        raise _bad(key, value, "cần tên cơ sở (tối đa 200 ký tự).", "enter the facility's name (at most 200 characters).")
    if key == "represented_facilities":
        for code in value:
            if not _FACILITY_CODE.match(code):
                raise _bad(key, code, "mã cơ sở gồm 1–20 chữ cái, chữ số.", "a facility code has 1–20 letters or digits.")
    if key == "central_ca_file" and value and not Path(value).is_file():
        raise _bad(key, value, "không có tệp này.", "there is no such file.")
    if key == "token_module" and value and ("\n" in value or "\0" in value):
        raise _bad(key, value, "đường dẫn không hợp lệ.", "not a valid path.")
    return value
