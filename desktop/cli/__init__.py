"""The command line (contracts/cli.md): the same core as the window, for IT staff, scripts and tests.

Each command is a module here with ``register(subparsers)`` and ``run(args, ctx)``. Exit status:
0 done, 1 refused or failed for a stated reason, 2 wrong usage. A user error never prints a
traceback; a bug prints a short notice and exits 70 with the details in the log file.

Starting is cheap: ``COMMANDS`` names every command with its module and help text, and only the
module of the command being run is imported (``--help`` and ``--version`` import none).

Every command that changes data or shows personal data runs as a signed-in account, checked by the
same gate as the window (``desktop.accounts.gate``): the user name comes from ``--user`` or
``VAXDESK_USER``, the password from the first line of stdin (``--password-stdin``) or
``VAXDESK_PASSWORD``, never from the command line. A command module declares what its parsers need
with ``set_defaults(permission=ACTION)`` (an action of ``desktop.accounts.roles``), ``PUBLIC`` for
commands that need no account, or a function ``(args, ctx) -> action | PUBLIC`` when it depends on
the arguments. A parser that declares nothing needs an administrator.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop import __version__
from desktop.errors import Cancelled, UserError
from desktop.i18n import Message, set_language, tr

if TYPE_CHECKING:
    from desktop.accounts.users import Account
    from desktop.workspace import Workspace

log = logging.getLogger("vaxdesk.cli")

PUBLIC = "public"
DEFAULT_PERMISSION = "settings"
USER_ENV = "VAXDESK_USER"
PASSWORD_ENV = "VAXDESK_PASSWORD"

# command -> (module in desktop.cli, help text). A module may register several commands.
COMMANDS: dict[str, tuple[str, str]] = {
    "demo": ("demo", "create a demo workspace: settings, token, population, daily lists with faults"),
    "import": ("import_list", "load a daily vaccination list (.xlsx, .xls, .csv)"),
    "records": ("records", "list vaccination records"),
    "audit": ("audit", "audit log"),
    "check": ("check", "check unchecked records against the population registry"),
    "resolve": ("resolve", "decide on a checked record, or many from a CSV file (contracts/mismatch-kinds.md)"),
    "review": ("review", "list the records needing a decision, with counts per kind"),
    "sign": ("sign", "sign the verified, unsigned records with the USB token (one signature per batch)"),
    "sync": ("sync", "send signed batches to the central service and fetch certificates"),
    "certificates": ("certificates", "list (search) issued certificates, export HC1 strings"),
    "print": ("print_certificates", "render certificates into one PDF (A4 page or folded A5 card each)"),
    "verify": ("verify", "decode and verify an HC1 certificate (text or QR picture)"),
    "correct": ("correct", "correct a certified record (name, date of birth, dose …) and have it re-issued"),
    "revoke": ("correct", "revoke a certificate issued in error (signed with the token, sent to the central service)"),
    "registry": ("registry", "the reference population registry service"),
    "central": ("central", "the reference central countersigning service"),
    "users": ("users", "local accounts and roles"),
    "settings": ("settings", "show, change and test the workspace's settings"),
    "trust": ("trust", "import and list the signing certificates other countries publish"),
    "backup": ("backup", "encrypted backups of the workspace, scheduled with rotation; verify a backup"),
    "restore": ("restore", "restore a workspace from an encrypted backup"),
    "purge": ("purge", "remove personal data past the retention period (dry run first)"),
    "report": ("report", "the day's report, the certificate register, the overview chart"),
    "update": ("update", "value sets, vaccine table and trust list from signed bundles"),
    "workspace": ("workspace", "move the workspace from its SQLite file to PostgreSQL (several workstations)"),
}

# Every command module, once (a module may register several commands).
COMMAND_MODULES = tuple(dict.fromkeys(module for module, _ in COMMANDS.values()))

# global options that take a value (to find the command's name without parsing)
_GLOBAL_VALUES = ("--workspace", "--lang", "--user")
# global flags also accepted after the command
_MOVABLE_FLAGS = ("--json",)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # exit 2, as the contract says, without argparse's own exit
        raise UsageError(f"{self.prog}: {message}")


@dataclass
class Context:
    workspace_path: Path | None
    json: bool
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    actor: str = ""
    account: Account | None = None
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)

    @cached_property
    def workspace(self) -> Workspace:
        from desktop.workspace import Workspace

        ws = Workspace.open(self.workspace_path)
        from desktop.updates.activation import activate

        activate(ws.path)  # this workspace's applied value sets and vaccine table
        set_language(ws.settings.get("language") if not _language_forced else _language_forced)
        return ws

    def err(self, message: Message | str) -> None:
        print(str(message), file=sys.stderr, flush=True)

    def require(self, action: str) -> None:
        """Check one more action for the signed-in account (a command whose needs depend on its input)."""
        from desktop.accounts.gate import require

        if self.account is None:
            raise _sign_in_required()
        require(self.workspace, self.account.username, action)


_language_forced: str | None = None


def _command_of(argv: list[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg == "--":
            return None
        if arg in _GLOBAL_VALUES:
            skip = True
            continue
        if arg.startswith("-"):
            continue
        return arg
    return None


def _register(subparsers, module_name: str) -> None:
    try:
        module = importlib.import_module(f"desktop.cli.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"desktop.cli.{module_name}":
            return
        raise
    module.register(subparsers)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; with ``argv``, only the module of the command in it is imported (others get their help line).

    Without ``argv`` every command module is imported, for tools that need the whole tree.
    """
    parser = _Parser(prog="vaxdesk", description="VaxDesk: vaccine passports for vaccination facilities",
                     allow_abbrev=False,
                     epilog=f"Commands that change data or show personal data sign in first: the account from --user "
                            f"or {USER_ENV}, its password from stdin (--password-stdin) or {PASSWORD_ENV}, never "
                            f"from the command line. verify, demo (a new workspace) and the reference services need "
                            f"no account.")
    parser.add_argument("--workspace", type=Path, help="workspace folder (default: VAXDESK_WORKSPACE or user data)")
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout (before or after "
                                                            "the command)")
    parser.add_argument("--lang", choices=("vi", "en"), help="language of messages")
    parser.add_argument("--user", help=f"the account to sign in as (default: {USER_ENV})")
    parser.add_argument("--password-stdin", action="store_true", dest="sign_in_password_stdin",
                        help=f"read the account's password from the first line of stdin (default: {PASSWORD_ENV})")
    parser.add_argument("--version", action="version", version=f"VaxDesk {__version__}")
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    wanted = _command_of(argv) if argv is not None else None
    if argv is None:
        modules = list(dict.fromkeys(module for module, _ in COMMANDS.values()))
    else:
        modules = [COMMANDS[wanted][0]] if wanted in COMMANDS else []
    known = {module for module, _ in COMMANDS.values()}
    modules += [m for m in COMMAND_MODULES if m not in known]
    for module_name in modules:
        _register(subparsers, module_name)
    for name, (_module, help_text) in COMMANDS.items():
        if name not in subparsers.choices:
            subparsers.add_parser(name, help=help_text)
    return parser


def _print_result(result: Any, as_json: bool) -> None:
    if as_json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    elif result is not None:
        print(render_plain(result))


def render_plain(result: Any, indent: str = "") -> str:
    """A readable form of a JSON-like result for people at a terminal."""
    if isinstance(result, dict):
        lines = []
        for key, value in result.items():
            if isinstance(value, (dict, list)) and value:
                lines.append(f"{indent}{key}:")
                lines.append(render_plain(value, indent + "  "))
            else:
                lines.append(f"{indent}{key}: {value}")
        return "\n".join(lines)
    if isinstance(result, list):
        return "\n".join(
            (render_plain(item, indent + "  ") if isinstance(item, (dict, list)) else f"{indent}- {item}")
            if not isinstance(item, dict) else f"{indent}-\n" + render_plain(item, indent + "  ")
            for item in result
        )
    return f"{indent}{result}"


def _password_on_command_line(argv: list[str]) -> bool:
    for arg in argv:
        if arg == "--":
            return False
        if arg == "--password" or arg.startswith("--password="):
            return True
    return False


def _hoist_flags(argv: list[str]) -> list[str]:
    """Accept ``--json`` after the command as well as before it."""
    if "--" in argv:
        head, tail = argv[:argv.index("--")], argv[argv.index("--"):]
    else:
        head, tail = argv, []
    moved = [a for a in head if a in _MOVABLE_FLAGS]
    rest = [a for a in head if a not in _MOVABLE_FLAGS]
    return list(dict.fromkeys(moved)) + rest + tail


def _sign_in_required() -> UserError:
    return UserError(
        tr("Lệnh này cần đăng nhập: cho tên bằng --user TÊN hoặc biến {user_env}, và mật khẩu trên stdin "
           "(--password-stdin) hoặc trong biến {password_env} — không bao giờ trên dòng lệnh.",
           "This command needs a signed-in account: give the user name with --user NAME or {user_env}, and the "
           "password on stdin (--password-stdin) or in {password_env}, never on the command line.",
           user_env=USER_ENV, password_env=PASSWORD_ENV),
        code="sign_in_required",
    )


def _sign_in(args: argparse.Namespace, ctx: Context, action: str) -> None:
    from desktop.workspace import default_workspace_path

    username = args.user or ctx.environ.get(USER_ENV, "")
    password = ctx.stdin.readline().rstrip("\r\n") if args.sign_in_password_stdin else ctx.environ.get(PASSWORD_ENV, "")
    if ctx.environ is os.environ:
        os.environ.pop(PASSWORD_ENV, None)  # read once; never handed on to a program this one starts
    if not username or not password:
        raise _sign_in_required()
    folder = ctx.workspace_path or default_workspace_path()
    if not Path(folder).is_dir():
        raise UserError(
            tr("Không có thư mục làm việc {path}. Hãy tạo bằng `demo` hoặc tạo quản trị viên đầu tiên với "
               "`users add TÊN --role administrator --password-stdin`.",
               "There is no workspace at {path}. Create one with `demo`, or create the first administrator with "
               "`users add NAME --role administrator --password-stdin`.", path=str(folder)),
            code="no_workspace",
        )
    from desktop.accounts.early import start_password_check

    start_password_check(ctx.workspace, username, password)  # on the other core while the rest loads
    from desktop.accounts.gate import authorize

    ctx.account = authorize(ctx.workspace, username, password, action)
    ctx.actor = ctx.account.username


def _permission(args: argparse.Namespace, ctx: Context) -> str:
    permission = getattr(args, "permission", DEFAULT_PERMISSION)
    if callable(permission):
        permission = permission(args, ctx)
    return permission


def main(argv: list[str] | None = None, *, stdin: TextIO | None = None,
         environ: Mapping[str, str] | None = None) -> int:
    global _language_forced
    argv = list(sys.argv[1:] if argv is None else argv)
    if _password_on_command_line(argv):
        print("Không nhận mật khẩu trên dòng lệnh (ai dùng máy cũng xem được): dùng --password-stdin hoặc biến "
              f"{PASSWORD_ENV}. / A password is never taken from the command line (every user of the computer "
              f"can read it): use --password-stdin or {PASSWORD_ENV}.", file=sys.stderr)
        return 2
    argv = _hoist_flags(argv)
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help, --version
        return exc.code if isinstance(exc.code, int) else 0
    _language_forced = args.lang
    if args.lang:
        set_language(args.lang)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    ctx = Context(workspace_path=args.workspace, json=args.json, stdin=stdin if stdin is not None else sys.stdin,
                  environ=environ if environ is not None else os.environ)
    try:
        permission = _permission(args, ctx)
        if permission != PUBLIC:
            _sign_in(args, ctx, permission)
        result = args.handler(args, ctx)
    except UserError as exc:
        if args.json:
            _print_result({"error": exc.as_dict()}, True)
        print(str(exc.message), file=sys.stderr)
        return 1
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except (Cancelled, KeyboardInterrupt):
        print("Cancelled / Đã huỷ", file=sys.stderr)
        return 130
    except Exception:
        log.exception("unexpected error in command %s", args.command)
        print("Internal error (a bug); details are in the log. / Lỗi nội bộ; chi tiết trong nhật ký.", file=sys.stderr)
        return 70
    finally:
        if "workspace" in ctx.__dict__:
            ctx.workspace.close()
    try:
        _print_result(result, args.json)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (e.g. `head`) stopped early: not an error of this command
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
