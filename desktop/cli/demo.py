"""``demo [--people N] [--seed S]``: create a complete demo workspace (the list is not loaded: that is the clerk's step)."""

from __future__ import annotations


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo", help="create a demo workspace: settings, token, population, daily lists with faults",
        description="Creates a complete demo workspace. It does not load the list; load it with "
                    "`import LIST_FILE` or on the Import page.")
    parser.add_argument("--people", type=int, default=300, help="people in the daily list (default 300)")
    parser.add_argument("--seed", type=int, default=2021, help="random seed (same seed, same people)")
    # creates a new workspace (with its demo accounts): no account exists yet to sign in with
    parser.set_defaults(handler=run, permission="public")


def run(args, ctx) -> dict:
    from desktop.demo import build_demo

    ctx.err(f"demo: {args.people} people, seed {args.seed} → {ctx.workspace.path}")
    return build_demo(ctx.workspace, people=args.people, seed=args.seed, actor=ctx.actor or "demo")
