"""Roles and what each may do. Each role includes the rights of the roles before it."""

from __future__ import annotations

from typing import Any

from desktop.errors import UserError
from desktop.i18n import Message, tr

ROLES = ("clerk", "signer", "administrator")

_ROLE_LABELS = {
    "clerk": tr("Nhân viên nhập liệu", "Clerk"),
    "signer": tr("Người ký số", "Signer"),
    "administrator": tr("Quản trị viên", "Administrator"),
}

# action -> the least role that may do it
ACTIONS: dict[str, str] = {
    "view": "clerk",
    "import": "clerk",
    "check": "clerk",
    "review": "clerk",
    "print": "clerk",
    "verify": "clerk",
    "sync": "clerk",
    "sign": "signer",
    "correct": "signer",
    "revoke": "signer",
    "settings": "administrator",
    "accounts": "administrator",
}

_ACTION_LABELS = {
    "view": tr("xem dữ liệu", "view data"),
    "import": tr("nhập danh sách", "import lists"),
    "check": tr("kiểm tra với CSDL dân cư", "check against the registry"),
    "review": tr("đối chiếu bản ghi", "review records"),
    "print": tr("in chứng nhận", "print certificates"),
    "verify": tr("kiểm tra mã QR", "verify QR codes"),
    "sync": tr("đồng bộ", "sync"),
    "sign": tr("ký số", "sign"),
    "correct": tr("đính chính chứng nhận", "correct certificates"),
    "revoke": tr("thu hồi chứng nhận", "revoke certificates"),
    "settings": tr("thay đổi cài đặt", "change settings"),
    "accounts": tr("quản lý tài khoản", "manage accounts"),
}


def role_label(role: str) -> Message:
    return _ROLE_LABELS.get(role, tr(role, role))


def _role_of(user: Any) -> str:
    return user if isinstance(user, str) else getattr(user, "role", "")


def can(user: Any, action: str) -> bool:
    """Whether ``user`` (an Account, anything with ``.role``, or a role name) may do ``action``."""
    least = ACTIONS.get(action)
    role = _role_of(user)
    if least is None or role not in ROLES:
        return False
    return ROLES.index(role) >= ROLES.index(least)


def require_role(user: Any, action: str) -> None:
    """Refuse with a clear message when ``user`` may not do ``action``."""
    if can(user, action):
        return
    least = ACTIONS.get(action, "administrator")
    raise UserError(
        tr("Tài khoản {role} không được phép {action}. Cần quyền {least}; hãy nhờ quản trị viên.",
           "A {role} account may not {action}. It needs the {least} role; ask your administrator.",
           role=role_label(_role_of(user)), action=_ACTION_LABELS.get(action, tr(action, action)),
           least=role_label(least)),
        code="not_permitted",
        details={"action": action, "role": _role_of(user)},
    )
