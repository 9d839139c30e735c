"""``users add|list|passwd|unlock|role|disable|enable``: local accounts, for IT staff and scripts.

Only a signed-in administrator manages accounts. The one exception is the first administrator of a
workspace without accounts, created once with ``users add NAME --role administrator``. Anyone may
change their own password (``users passwd`` with their own name). Passwords come from stdin
(``--password-stdin``), never from the command line; when the signed-in account's password also comes
from stdin, it is the first line and the new password the second.
"""

from __future__ import annotations

from desktop import accounts
from desktop.cli import PUBLIC, USER_ENV
from desktop.errors import UserError
from desktop.i18n import tr


def _permission(args, ctx) -> str:
    if args.users_command == "add" and not accounts.has_accounts(ctx.workspace):
        return PUBLIC  # the first administrator of a new workspace
    claimed = args.user or ctx.environ.get(USER_ENV, "")
    if args.users_command == "passwd" and claimed and claimed.strip().lower() == args.username.strip().lower():
        return "own_password"
    return "accounts"


def register(subparsers) -> None:
    parser = subparsers.add_parser("users", help="local accounts and roles")
    parser.set_defaults(permission=_permission)
    sub = parser.add_subparsers(dest="users_command", required=True)
    add = sub.add_parser("add", help="add an account (password on stdin)")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=accounts.ROLES)
    add.add_argument("--display-name", default="")
    add.add_argument("--password-stdin", action="store_true", required=True)
    add.set_defaults(handler=run)
    sub.add_parser("list", help="list accounts").set_defaults(handler=run)
    passwd = sub.add_parser("passwd", help="set an account's password (new password on stdin)")
    passwd.add_argument("username")
    passwd.add_argument("--password-stdin", action="store_true", required=True)
    passwd.set_defaults(handler=run)
    for name, help_text in (("unlock", "unlock an account locked after wrong passwords"),
                            ("disable", "stop an account from signing in"),
                            ("enable", "let a disabled account sign in again")):
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("username")
        cmd.set_defaults(handler=run)
    role = sub.add_parser("role", help="change an account's role")
    role.add_argument("username")
    role.add_argument("role", choices=accounts.ROLES)
    role.set_defaults(handler=run)


def _read_password(ctx) -> str:
    line = ctx.stdin.readline()
    password = line.rstrip("\r\n")
    if not password:
        raise UserError(tr("Không nhận được mật khẩu trên stdin.", "No password was given on stdin."),
                        code="no_password")
    return password


def run(args, ctx) -> dict | list:
    ws = ctx.workspace
    command = args.users_command
    if command == "list":
        return [a.as_dict() for a in accounts.list_users(ws)]
    if command == "add":
        password = _read_password(ctx)
        if ctx.account is None:
            if args.role != "administrator":
                raise UserError(
                    tr("Tài khoản đầu tiên phải là quản trị viên (--role administrator).",
                       "The first account must be an administrator (--role administrator)."),
                    code="first_account_administrator",
                )
            return accounts.create_administrator(ws, args.username, password, args.display_name).as_dict()
        return accounts.add_user(ws, args.username, args.role, password, args.display_name, actor=ctx.actor).as_dict()
    if command == "passwd":
        return accounts.change_password(ws, args.username, _read_password(ctx), actor=ctx.actor).as_dict()
    if command == "unlock":
        return accounts.unlock(ws, args.username, actor=ctx.actor).as_dict()
    if command in ("disable", "enable"):
        return accounts.set_active(ws, args.username, command == "enable", actor=ctx.actor).as_dict()
    if command == "role":
        return accounts.set_role(ws, args.username, args.role, actor=ctx.actor).as_dict()
    raise AssertionError(command)
