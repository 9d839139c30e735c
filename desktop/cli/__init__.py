"""The command line (contracts/cli.md): the same core as the window, for IT staff, scripts and tests.

Each command is a module here with ``register(subparsers)`` and ``run(args, ctx)``. Exit status:
0 done, 1 refused or failed for a stated reason, 2 wrong usage. A user error never prints a
traceback; a bug prints a short notice and exits 70 with the details in the log file.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TextIO

from desktop import __version__
from desktop.errors import Cancelled, UserError
from desktop.i18n import Message, set_language
from desktop.workspace import Workspace

log = logging.getLogger("vaxdesk.cli")

# One module per command; a module may register several commands.
COMMAND_MODULES = (
    "demo", "import_list", "records", "audit", "check", "resolve", "review", "sign", "sync",
    "certificates", "print_certificates", "verify", "correct", "registry", "central", "users", "settings",
    "backup", "restore", "purge", "trust", "report", "update",
)


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
    actor: str = "cli"

    @cached_property
    def workspace(self) -> Workspace:
        ws = Workspace.open(self.workspace_path)
        set_language(ws.settings.get("language") if not _language_forced else _language_forced)
        return ws

    def err(self, message: Message | str) -> None:
        print(str(message), file=sys.stderr, flush=True)


_language_forced: str | None = None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="vaxdesk", description="VaxDesk: vaccine passports for vaccination facilities")
    parser.add_argument("--workspace", type=Path, help="workspace folder (default: VAXDESK_WORKSPACE or user data)")
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    parser.add_argument("--lang", choices=("vi", "en"), help="language of messages")
    parser.add_argument("--version", action="version", version=f"VaxDesk {__version__}")
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"desktop.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"desktop.cli.{name}":
                continue
            raise
        module.register(subparsers)
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


def main(argv: list[str] | None = None) -> int:
    global _language_forced
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    _language_forced = args.lang
    if args.lang:
        set_language(args.lang)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    ctx = Context(workspace_path=args.workspace, json=args.json)
    try:
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
    _print_result(result, args.json)
    return 0
