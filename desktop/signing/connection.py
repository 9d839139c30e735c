"""“Test connection” for the signing token: which tokens the module sees; no login, no PIN.

The module is loaded and asked on the one token thread (``signing.worker``), like every other
PKCS#11 call; the modules offered by name are ``signing.modules.KNOWN_MODULES``.
"""

from __future__ import annotations

import logging
from typing import Any

import pkcs11

from desktop.diagnosis import Diagnosis, not_configured
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.signing.modules import KNOWN_MODULES, candidate_paths, resolve_module
from desktop.signing.pkcs11_backend import Pkcs11Token
from desktop.signing.token import prepare_module_environment
from desktop.signing.worker import token_worker

log = logging.getLogger(__name__)


def token_module_choices() -> list[tuple[str, str]]:
    """What the settings offer for ``token_module``: (value, where it is looked for)."""
    return [(name, ", ".join(candidate_paths(name))) for name in KNOWN_MODULES]


def _list_tokens(path: str) -> list[dict[str, Any]]:
    """The initialised tokens the module sees (SoftHSM always offers one empty slot more)."""
    return [{"label": t.label, "serial": t.serial, "manufacturer": t.manufacturer, "model": t.model}
            for t in Pkcs11Token(path).list_tokens() if t.flags & pkcs11.TokenFlag.TOKEN_INITIALIZED]


def check_token(module: str, label: str = "", workspace: Any = None) -> Diagnosis:
    """Load the PKCS#11 module and list the tokens it sees; the configured label must be one of them."""
    if not module:
        return not_configured(tr("Chưa chọn mô-đun PKCS#11 của USB ký số.",
                                 "No PKCS#11 module of the signing token is set."))
    try:
        path = resolve_module(module)
    except UserError as exc:
        return Diagnosis(False, "no_module", exc.message)
    if workspace is not None:
        prepare_module_environment(workspace, path)
    try:
        tokens = token_worker().call(_list_tokens, path)
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
