"""Roles and what each may do: the one permission check shared by the window and the command line.

``clerk`` loads lists, checks them against the registry, reviews mismatches, prints and verifies
certificates and syncs; ``signer`` also signs batches, corrects and revokes certificates;
``administrator`` also changes settings and accounts and reads the audit log. ``automation`` is for
scheduled tasks and may only run the registry check, sync and the scheduled backup: it cannot see
records or sign.
"""

from __future__ import annotations

from typing import Any

from desktop.errors import UserError
from desktop.i18n import Message, tr

ROLES = ("clerk", "signer", "administrator", "automation")

_ROLE_LABELS = {
    "clerk": tr("Nhân viên nhập liệu", "Clerk"),
    "signer": tr("Người ký số", "Signer"),
    "administrator": tr("Quản trị viên", "Administrator"),
    "automation": tr("Tác vụ tự động", "Automation"),
}

_CLERK = frozenset({
    "view", "view_personal", "import", "check", "review", "resolve", "print", "verify", "sync", "own_password",
})
_SIGNER = _CLERK | {"sign", "correct", "revoke"}
_ADMINISTRATOR = _SIGNER | {"settings", "accounts", "manage_users", "audit", "backup"}
_AUTOMATION = frozenset({"check", "sync", "backup"})

# role -> the actions it may do
PERMISSIONS: dict[str, frozenset[str]] = {
    "clerk": _CLERK,
    "signer": frozenset(_SIGNER),
    "administrator": frozenset(_ADMINISTRATOR),
    "automation": _AUTOMATION,
}

_ACTION_LABELS = {
    "view": tr("xem dữ liệu", "view data"),
    "view_personal": tr("xem dữ liệu cá nhân", "see personal data"),
    "import": tr("nhập danh sách", "import lists"),
    "check": tr("kiểm tra với CSDL dân cư", "check against the registry"),
    "review": tr("đối chiếu bản ghi", "review records"),
    "resolve": tr("quyết định về bản ghi lệch", "decide on mismatched records"),
    "print": tr("in chứng nhận", "print certificates"),
    "verify": tr("kiểm tra mã QR", "verify QR codes"),
    "sync": tr("đồng bộ", "sync"),
    "sign": tr("ký số", "sign"),
    "correct": tr("đính chính chứng nhận", "correct certificates"),
    "revoke": tr("thu hồi chứng nhận", "revoke certificates"),
    "settings": tr("thay đổi cài đặt", "change settings"),
    "accounts": tr("quản lý tài khoản", "manage accounts"),
    "manage_users": tr("quản lý tài khoản", "manage accounts"),
    "audit": tr("xem nhật ký kiểm tra", "read the audit log"),
    "backup": tr("sao lưu theo lịch", "take scheduled backups"),
    "own_password": tr("đổi mật khẩu của mình", "change their own password"),
}

# every action any role may do, with the roles that may do it (for messages and documentation)
ACTIONS: dict[str, tuple[str, ...]] = {
    action: tuple(role for role in ROLES if action in PERMISSIONS[role]) for action in _ACTION_LABELS
}


def role_label(role: str) -> Message:
    return _ROLE_LABELS.get(role, tr(role, role))


def _role_of(user: Any) -> str:
    return user if isinstance(user, str) else getattr(user, "role", "")


def can(user: Any, action: str) -> bool:
    """Whether ``user`` (an Account, anything with ``.role``, or a role name) may do ``action``."""
    return action in PERMISSIONS.get(_role_of(user), frozenset())


def require_role(user: Any, action: str) -> None:
    """Refuse with a clear message when ``user`` may not do ``action``."""
    if can(user, action):
        return
    allowed = ACTIONS.get(action, ("administrator",))
    role = _role_of(user)
    raise UserError(
        tr("Vai trò {role} không được phép {action}. Cần một trong các vai trò: {least}; hãy nhờ quản trị viên.",
           "The {role} role may not {action}. It needs one of these roles: {least}; ask your administrator.",
           role=role_label(role) if role else tr("chưa đăng nhập", "signed-out"),
           action=_ACTION_LABELS.get(action, tr(action, action)),
           least=_join(allowed)),
        code="not_permitted",
        details={"action": action, "role": role},
    )


def _join(roles: tuple[str, ...]) -> Message:
    vi = ", ".join(role_label(r).vi for r in roles)
    en = ", ".join(role_label(r).en for r in roles)
    return tr(vi.replace("{", "{{").replace("}", "}}"), en.replace("{", "{{").replace("}", "}}"))


def may_use_window(user: Any) -> bool:
    """Automation accounts run scheduled commands only; they never open the window."""
    return _role_of(user) in ROLES and _role_of(user) != "automation"
