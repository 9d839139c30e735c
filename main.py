"""VaxDesk entry point: no command opens the window, a command runs the command line."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

_QUICK = ("--version", "-h", "--help")


def run(argv: list[str]) -> int:
    # everything VaxDesk writes (database, logs, exports) is its owner's alone
    if os.name != "nt":
        os.umask(0o077)
    args = _strip_options([a for a in argv if a not in ("--json", "--password-stdin")])
    wants_window = not any(not a.startswith("-") for a in args) and not any(q in argv for q in _QUICK)
    if not any(q in argv for q in _QUICK):
        _setup_logging(argv)
    if wants_window:
        from desktop.views.app import run_window

        return run_window(argv)
    from desktop.cli import main

    return main(argv)


def _setup_logging(argv: list[str]) -> None:
    from desktop.logs import setup_logging
    from desktop.workspace import default_workspace_path

    workspace = _option_value(argv, "--workspace")
    # log beside an existing workspace; never create a workspace folder just to log into it
    logs = Path(workspace) / "logs" if workspace and Path(workspace).is_dir() else default_workspace_path().parent / "logs"
    setup_logging(logs)


def _option_value(args: list[str], name: str) -> str | None:
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _strip_options(args: list[str]) -> list[str]:
    """Drop the global options (and their values) that come before a command."""
    out, skip = [], False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("--workspace", "--lang", "--user"):
            skip = True
            continue
        out.append(arg)
    return out


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
