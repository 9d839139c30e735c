"""The PKCS#11 modules of the USB tokens Vietnamese facilities hold, offered by name in the settings.

Any other module is accepted by path. Paths are the vendors' usual install locations; a facility
whose installer put the module elsewhere enters the full path.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from desktop.errors import UserError
from desktop.i18n import tr


@dataclass(frozen=True)
class KnownModule:
    name: str
    windows: tuple[str, ...]
    linux: tuple[str, ...]


KNOWN_MODULES: dict[str, KnownModule] = {
    m.name: m
    for m in (
        KnownModule("VNPT-CA", ("C:\\Windows\\System32\\vnptca_p11_v8.dll", "C:\\Windows\\System32\\vnptca_p11_v6.dll"),
                    ("/usr/lib/vnptca/libvnptca_p11_v8.so", "/usr/local/lib/libvnptca_p11_v8.so")),
        KnownModule("Viettel-CA", ("C:\\Windows\\System32\\viettel-ca_v6.dll", "C:\\Windows\\System32\\viettel-ca_v5.dll"),
                    ("/usr/lib/libviettel-ca_v6.so", "/usr/local/lib/libviettel-ca_v6.so")),
        KnownModule("BKAV-CA", ("C:\\Windows\\System32\\BkavCA.dll", "C:\\Windows\\System32\\BkavCAv2S.dll"),
                    ("/usr/lib/libBkavCA.so", "/usr/local/lib/libBkavCA.so")),
        KnownModule("FPT-CA", ("C:\\Windows\\System32\\fpt-ca.dll", "C:\\Windows\\System32\\fptca_p11.dll"),
                    ("/usr/lib/libfpt-ca.so", "/usr/local/lib/libfpt-ca.so")),
        KnownModule("Feitian ePass2003", ("C:\\Windows\\System32\\eps2003csp11.dll",),
                    ("/usr/lib/libcastle.so.1.0.0", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so")),
        KnownModule("SafeNet eToken", ("C:\\Windows\\System32\\eTPKCS11.dll",),
                    ("/usr/lib/libeTPkcs11.so", "/usr/lib/libeToken.so")),
        KnownModule("SoftHSM2 (demo, test)", ("C:\\SoftHSM2\\lib\\softhsm2-x64.dll",),
                    ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                     "/usr/local/lib/softhsm/libsofthsm2.so")),
    )
}


def candidate_paths(name: str) -> tuple[str, ...]:
    module = KNOWN_MODULES[name]
    return module.windows if sys.platform == "win32" else module.linux


def installed_modules() -> dict[str, str]:
    """Known modules found at one of their usual paths on this computer: name → path."""
    found = {}
    for name in KNOWN_MODULES:
        for path in candidate_paths(name):
            if Path(path).is_file():
                found[name] = path
                break
    return found


def resolve_module(setting: str) -> str:
    """The module path for the ``token_module`` setting: a path, or the name of a known module."""
    value = (setting or "").strip()
    if not value:
        raise UserError(
            tr("Chưa chọn thư viện PKCS#11 của USB token. Vào Cài đặt → Token để chọn nhà cung cấp (VNPT-CA, "
               "Viettel-CA, …) hoặc nhập đường dẫn tệp.",
               "No PKCS#11 module is set for the USB token. In Settings → Token choose the vendor (VNPT-CA, "
               "Viettel-CA, …) or enter the module's path."),
            code="token_module_missing",
        )
    if value in KNOWN_MODULES:
        for path in candidate_paths(value):
            if Path(path).is_file():
                return path
        raise UserError(
            tr("Không tìm thấy thư viện của {name} ({paths}). Hãy cài phần mềm token của nhà cung cấp hoặc nhập "
               "đường dẫn tệp trong Cài đặt.",
               "The {name} module is not installed ({paths}). Install the vendor's token software or enter the "
               "module's path in Settings.", name=value, paths=", ".join(candidate_paths(value))),
            code="token_module_missing",
        )
    if not Path(value).is_file():
        raise UserError(
            tr("Không có thư viện PKCS#11 tại {path}. Hãy cài phần mềm token hoặc sửa đường dẫn trong Cài đặt.",
               "There is no PKCS#11 module at {path}. Install the token software or correct the path in "
               "Settings.", path=value),
            code="token_module_missing",
        )
    return value


def is_softhsm(path: str) -> bool:
    return "softhsm" in Path(path).name.lower()
