"""Creating accounts, signing in, locking out, changing passwords. Every change is audited.

The audit log never holds a password or a hash: only who changed which account, and how.

Everything here runs on a Core connection (``Database.connect``) with the ``user_account`` table: a
command signs in without loading the ORM. An account is read as a plain dict of its columns.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from desktop.accounts.names import username_key
from desktop.accounts.passwords import hash_password, needs_rehash, verify_password
from desktop.accounts.roles import ROLES, role_label
from desktop.audit import record_event
from desktop.errors import UserError
from desktop.i18n import LANGUAGES, format_number, tr
from desktop.models.tables.accounts import user_account
from desktop.models.tables.base import utcnow
from desktop.workspace import Workspace

log = logging.getLogger(__name__)

MAX_FAILED_ATTEMPTS = 5
LOCKOUT_MINUTES = 15
MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,49}$")
_ENTITY = "user_account"
U = user_account.c


@dataclass(frozen=True)
class Account:
    """A plain copy of an account for the window and the command line (never the hash)."""

    id: int
    username: str
    display_name: str
    role: str
    active: bool
    failed_attempts: int
    locked_until: datetime | None
    created_at: datetime | None
    language: str | None = None  # None: the workspace's default language

    def locked(self, now: datetime | None = None) -> bool:
        return self.locked_until is not None and self.locked_until > (now or utcnow())

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "username": self.username, "display_name": self.display_name, "role": self.role,
            "active": self.active, "locked": self.locked(), "failed_attempts": self.failed_attempts,
            "locked_until": self.locked_until.isoformat() if self.locked_until else None,
            "language": self.language,
        }


def _account(user: dict[str, Any]) -> Account:
    return Account(user["id"], user["username"], user["display_name"], user["role"], user["active"],
                   user["failed_attempts"], user["locked_until"], user["created_at"], user["language"])


def normalise_username(username: str) -> str:
    name = username_key(username)
    if not _USERNAME.match(name):
        raise UserError(
            tr("Tên đăng nhập “{name}” không hợp lệ: dùng 2–50 chữ cái không dấu, chữ số, dấu chấm, gạch "
               "dưới hoặc gạch nối, bắt đầu bằng chữ hoặc số (ví dụ: lan.nguyen).",
               "The user name “{name}” is not valid: use 2–50 unaccented letters, digits, dots, underscores "
               "or hyphens, starting with a letter or digit (e.g. lan.nguyen).", name=username),
            code="bad_username",
        )
    return name


def check_password_rules(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise UserError(
            tr("Mật khẩu phải có ít nhất {n} ký tự.", "The password must have at least {n} characters.",
               n=MIN_PASSWORD_LENGTH),
            code="weak_password",
        )
    if password != password.strip():
        raise UserError(
            tr("Mật khẩu không được bắt đầu hoặc kết thúc bằng dấu cách.",
               "The password must not begin or end with a space."),
            code="weak_password",
        )


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise UserError(
            tr("Vai trò “{role}” không tồn tại; chọn một trong: {roles}.",
               "There is no role “{role}”; choose one of: {roles}.", role=role, roles=", ".join(ROLES)),
            code="bad_role",
        )


def _find(connection: Connection, username: str) -> dict[str, Any] | None:
    """The account's row as a dict of its columns, or None."""
    row = connection.execute(select(user_account).where(U.username == username)).mappings().first()
    return dict(row) if row is not None else None


def _get(connection: Connection, username: str) -> dict[str, Any]:
    user = _find(connection, normalise_username(username))
    if user is None:
        raise UserError(tr("Không có tài khoản “{name}”.", "There is no account “{name}”.", name=username),
                        code="no_such_user")
    return user


def _change(connection: Connection, user: dict[str, Any], **values: Any) -> None:
    """Set ``values`` on the account ``user``, in the database and in the dict; a value that does not
    change is not written."""
    changed = {name: value for name, value in values.items() if user[name] != value}
    if changed:
        connection.execute(update(user_account).where(U.id == user["id"]).values(**changed))
        user.update(changed)


def _count(connection: Connection) -> int:
    return int(connection.execute(select(func.count()).select_from(user_account)).scalar_one())


def has_accounts(workspace: Workspace) -> bool:
    with workspace.db.connect() as connection:
        return bool(_count(connection))


def list_users(workspace: Workspace) -> list[Account]:
    with workspace.db.connect() as connection:
        rows = connection.execute(select(user_account).order_by(U.username)).mappings()
        return [_account(dict(row)) for row in rows]


def get_user(workspace: Workspace, username: str) -> Account:
    with workspace.db.connect() as connection:
        return _account(_get(connection, username))


def _insert(connection: Connection, username: str, role: str, password: str, display_name: str,
            actor: str) -> dict[str, Any]:
    name = normalise_username(username)
    _check_role(role)
    check_password_rules(password)
    if _find(connection, name) is not None:
        raise UserError(tr("Tài khoản “{name}” đã có.", "The account “{name}” already exists.", name=name),
                        code="user_exists")
    shown_name = (display_name or "").strip()
    connection.execute(insert(user_account).values(username=name, display_name=shown_name, role=role,
                                                   password_hash=hash_password(password), failed_attempts=0,
                                                   active=True))
    record_event(connection, actor or name, "user_added", _ENTITY, name, None,
                 {"username": name, "role": role, "display_name": shown_name})
    return _get(connection, name)


def create_administrator(workspace: Workspace, username: str, password: str, display_name: str = "") -> Account:
    """The first account of a workspace; refused once any account exists."""
    with workspace.db.connect() as connection:
        if _count(connection):
            raise UserError(
                tr("Đã có tài khoản; quản trị viên hãy đăng nhập để thêm người dùng.",
                   "Accounts already exist; an administrator signs in to add users."),
                code="accounts_exist",
            )
        return _account(_insert(connection, username, "administrator", password, display_name, ""))


def add_user(workspace: Workspace, username: str, role: str, password: str, display_name: str = "",
             actor: str = "") -> Account:
    with workspace.db.connect() as connection:
        return _account(_insert(connection, username, role, password, display_name, actor))


def authenticate(workspace: Workspace, username: str, password: str, now: datetime | None = None) -> Account:
    """Check a password; count failures, lock after ``MAX_FAILED_ATTEMPTS`` for ``LOCKOUT_MINUTES``."""
    now = now or utcnow()
    refusal: UserError | None = None
    with workspace.db.connect() as connection:
        try:
            name = normalise_username(username)
        except UserError:
            name = ""
        user = _find(connection, name) if name else None
        if user is None:
            verify_password(None, password or "")  # same cost as a real check
            refusal = _wrong_password()
        elif user["locked_until"] is not None and user["locked_until"] > now:
            refusal = _locked(user["locked_until"], now)
        elif not user["active"]:
            refusal = UserError(tr("Tài khoản “{name}” đã bị tắt; hãy nhờ quản trị viên.",
                                   "The account “{name}” is disabled; ask your administrator.", name=name),
                                code="account_disabled")
        elif not verify_password(user["password_hash"], password or ""):
            _change(connection, user, failed_attempts=user["failed_attempts"] + 1)
            record_event(connection, name, "sign_in_failed", _ENTITY, name, None,
                         {"failed_attempts": user["failed_attempts"]})
            if user["failed_attempts"] >= MAX_FAILED_ATTEMPTS:
                _change(connection, user, locked_until=now + timedelta(minutes=LOCKOUT_MINUTES), failed_attempts=0)
                record_event(connection, "system", "account_locked", _ENTITY, name, None,
                             {"locked_until": user["locked_until"].isoformat()},
                             reason=f"{MAX_FAILED_ATTEMPTS} wrong passwords")
                log.warning("account %s locked after %d failed sign-ins", name, MAX_FAILED_ATTEMPTS)
                refusal = _locked(user["locked_until"], now)
            else:
                refusal = _wrong_password(MAX_FAILED_ATTEMPTS - user["failed_attempts"])
        else:
            rehashed = hash_password(password) if needs_rehash(user["password_hash"]) else user["password_hash"]
            _change(connection, user, failed_attempts=0, locked_until=None, password_hash=rehashed)
            record_event(connection, name, "sign_in", _ENTITY, name)
            account = _account(user)
    if refusal is not None:
        raise refusal
    return account


def _wrong_password(remaining: int | None = None) -> UserError:
    if remaining is None:
        return UserError(tr("Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password."),
                         code="bad_credentials")
    return UserError(
        tr("Sai tên đăng nhập hoặc mật khẩu. Còn {n} lần thử trước khi tài khoản bị khoá {m} phút.",
           "Wrong user name or password. {n} more tries before the account is locked for {m} minutes.",
           n=remaining, m=LOCKOUT_MINUTES),
        code="bad_credentials", details={"remaining_attempts": remaining},
    )


def _locked(until: datetime, now: datetime) -> UserError:
    minutes = max(1, int((until - now).total_seconds() + 59) // 60)
    return UserError(
        tr("Tài khoản đang bị khoá do nhập sai mật khẩu nhiều lần. Thử lại sau {m} phút, hoặc nhờ quản trị "
           "viên mở khoá.",
           "The account is locked after too many wrong passwords. Try again in {m} minutes, or ask an "
           "administrator to unlock it.", m=format_number(minutes)),
        code="account_locked", details={"locked_until": until.isoformat()},
    )


def change_password(workspace: Workspace, username: str, new_password: str, actor: str,
                    old_password: str | None = None) -> Account:
    """Set a new password; the person themself must give the old one, an administrator need not."""
    check_password_rules(new_password)
    with workspace.db.connect() as connection:
        user = _get(connection, username)
        if old_password is not None and not verify_password(user["password_hash"], old_password):
            raise UserError(tr("Mật khẩu hiện tại không đúng.", "The current password is wrong."),
                            code="bad_credentials")
        _change(connection, user, password_hash=hash_password(new_password), failed_attempts=0, locked_until=None)
        record_event(connection, actor or user["username"], "password_changed", _ENTITY, user["username"])
        return _account(user)


def unlock(workspace: Workspace, username: str, actor: str) -> Account:
    with workspace.db.connect() as connection:
        user = _get(connection, username)
        before = {"failed_attempts": user["failed_attempts"],
                  "locked_until": user["locked_until"].isoformat() if user["locked_until"] else None}
        _change(connection, user, failed_attempts=0, locked_until=None)
        record_event(connection, actor, "user_unlocked", _ENTITY, user["username"], before,
                     {"failed_attempts": 0, "locked_until": None})
        return _account(user)


def set_role(workspace: Workspace, username: str, role: str, actor: str) -> Account:
    _check_role(role)
    with workspace.db.connect() as connection:
        user = _get(connection, username)
        _keep_an_administrator(connection, user, role, user["active"])
        before = {"role": user["role"]}
        _change(connection, user, role=role)
        record_event(connection, actor, "user_role_changed", _ENTITY, user["username"], before, {"role": role})
        return _account(user)


def set_active(workspace: Workspace, username: str, active: bool, actor: str) -> Account:
    with workspace.db.connect() as connection:
        user = _get(connection, username)
        _keep_an_administrator(connection, user, user["role"], active)
        before = {"active": user["active"]}
        _change(connection, user, active=active)
        record_event(connection, actor, "user_enabled" if active else "user_disabled", _ENTITY, user["username"],
                     before, {"active": active})
        return _account(user)


def _keep_an_administrator(connection: Connection, user: dict[str, Any], new_role: str, new_active: bool) -> None:
    if user["role"] != "administrator" or (new_role == "administrator" and new_active):
        return
    others = connection.execute(
        select(func.count()).select_from(user_account)
        .where(U.role == "administrator", U.active.is_(True), U.id != user["id"])
    ).scalar_one()
    if not others:
        raise UserError(
            tr("Không thể bỏ quyền {role} của quản trị viên cuối cùng.",
               "The last active administrator cannot lose the {role} role.", role=role_label("administrator")),
            code="last_administrator",
        )


def set_language(workspace: Workspace, username: str, language: str | None, actor: str = "") -> Account:
    """Remember the language ``username`` works in ("vi", "en", or None for the workspace's default)."""
    if language is not None and language not in LANGUAGES:
        raise UserError(tr("Ngôn ngữ “{lang}” không có; chọn vi hoặc en.",
                           "There is no language “{lang}”; choose vi or en.", lang=language),
                        code="bad_language")
    with workspace.db.connect() as connection:
        user = _get(connection, username)
        if user["language"] != language:
            before = {"language": user["language"]}
            _change(connection, user, language=language)
            record_event(connection, actor or user["username"], "user_language_changed", _ENTITY, user["username"],
                         before, {"language": language})
        return _account(user)


def language_for(workspace: Workspace, account: Account | None) -> str:
    """The language the window speaks to ``account``: theirs, else the workspace's default."""
    if account is not None and account.language in LANGUAGES:
        return account.language
    return workspace.settings.get("language") or "vi"
