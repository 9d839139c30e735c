"""``demo [--people N] [--seed S]``: create a complete demo workspace (the list is not loaded: that is the clerk's step).

It needs no account, since it makes a new workspace with its own demo accounts; for that reason it
refuses a folder that already holds a workspace (its accounts would get the documented passwords).
"""

from __future__ import annotations

from pathlib import Path

from desktop.errors import UserError
from desktop.i18n import tr

_WORKSPACE_FILES = ("workspace.sqlite3", "settings.json", "secrets.json")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help="create a demo workspace: settings, token, population, daily lists with faults",
        description="Creates a complete demo workspace in a new folder. It does not load the list; load it "
                    "with `import LIST_FILE` or on the Import page.")
    parser.add_argument("--people", type=int, default=300, help="people in the daily list (default 300)")
    parser.add_argument("--seed", type=int, default=2021, help="random seed (same seed, same people)")
    parser.set_defaults(handler=run, permission="public")


def _refuse_an_existing_workspace(folder: Path) -> None:
    from desktop.demo import COMPLETE_MARKER, DEMO_FOLDER

    if (folder / DEMO_FOLDER / COMPLETE_MARKER).exists():
        return  # the demo itself says it already exists
    if any((folder / name).exists() for name in _WORKSPACE_FILES):
        raise UserError(
            tr("{path} đã là một thư mục làm việc; bản demo chỉ tạo trong thư mục mới (--workspace THƯ_MỤC_MỚI).",
               "{path} already holds a workspace; the demo is only created in a new folder "
               "(--workspace NEW_FOLDER).", path=str(folder)),
            code="workspace_exists",
        )


def run(args, ctx) -> dict:
    from desktop.demo import build_demo
    from desktop.workspace import default_workspace_path

    _refuse_an_existing_workspace(Path(ctx.workspace_path or default_workspace_path()))
    ctx.err(f"demo: {args.people} people, seed {args.seed} → {ctx.workspace.path}")
    return build_demo(ctx.workspace, people=args.people, seed=args.seed, actor=ctx.actor or "demo")
