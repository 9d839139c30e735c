"""The one door to every operation that changes data or shows personal data.

The window and the command line both sign a person in here and ask here whether that person may do
an action (``desktop.accounts.roles``). A refusal is written to the audit log under the account's
own name, so an attempt is as visible as a success. Like the sign-in, the checks run on a Core
connection (no ORM).
"""

from __future__ import annotations

from desktop.accounts.roles import can, may_use_window, require_role, role_label
from desktop.accounts.users import Account, _account, _find, authenticate, has_accounts, normalise_username
from desktop.audit import record_event
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.models.tables.base import utcnow
from desktop.workspace import Workspace

USER_ENV = "VAXDESK_USER"
PASSWORD_ENV = "VAXDESK_PASSWORD"


def no_accounts_error() -> UserError:
    return UserError(
        tr("Thư mục làm việc chưa có tài khoản nào. Hãy tạo quản trị viên đầu tiên: "
           "`users add TÊN --role administrator --password-stdin`.",
           "The workspace has no accounts yet. Create the first administrator: "
           "`users add NAME --role administrator --password-stdin`."),
        code="no_accounts",
    )


def sign_in(workspace: Workspace, username: str, password: str, *, window: bool = False) -> Account:
    """Check the password (with the window's lockout rules) and return the account."""
    try:
        account = authenticate(workspace, username, password)
    except UserError as error:  # asked only after a refusal: a sign-in that succeeds reads the accounts once
        if error.code == "bad_credentials" and not has_accounts(workspace):
            raise no_accounts_error() from None
        raise
    if window and not may_use_window(account):
        raise UserError(
            tr("Tài khoản {role} chỉ dùng cho tác vụ tự động trên dòng lệnh (check, sync), không mở cửa sổ.",
               "A {role} account is for scheduled command-line tasks (check, sync) only; it cannot open the "
               "window.", role=role_label(account.role)),
            code="not_permitted", details={"role": account.role},
        )
    return account


def authorize(workspace: Workspace, username: str, password: str, action: str) -> Account:
    """Sign in and check the role for ``action``; a refusal is audited under the account's name."""
    account = sign_in(workspace, username, password)
    _require(workspace, account, action)
    return account


def require(workspace: Workspace, username: str, action: str) -> Account:
    """Check, at the moment of acting, that the signed-in account still exists, is enabled and unlocked,
    and that its current role (read from the database, not remembered) allows ``action``."""
    try:
        name = normalise_username(username)
    except UserError:
        name = ""
    with workspace.db.connect() as connection:
        user = _find(connection, name) if name else None
    account = _account(user) if user is not None else None
    if account is None or not account.active or account.locked(utcnow()):
        raise UserError(
            tr("Tài khoản “{name}” không còn dùng được (đã tắt, bị khoá hoặc không tồn tại); hãy đăng nhập lại.",
               "The account “{name}” can no longer be used (disabled, locked or missing); sign in again.",
               name=username),
            code="not_signed_in",
        )
    _require(workspace, account, action)
    return account


def require_acting(workspace: Workspace, username: str, role: str, action: str) -> None:
    """The window's check when an action starts: the account's current role, state and lock in the
    database. Only a workspace without any account (before its first administrator exists, which the
    window's first start asks for) falls back to the role the window was given."""
    if has_accounts(workspace):
        require(workspace, username, action)
    else:
        require_role(role, action)


def _require(workspace: Workspace, account: Account, action: str) -> None:
    if can(account, action):
        return
    with workspace.db.connect() as connection:
        record_event(connection, account.username, "not_permitted", "user_account", account.username, None,
                     {"action": action, "role": account.role})
    require_role(account, action)
