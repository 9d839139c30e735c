"""``registry serve``: the reference population registry, in the foreground, with switchable faults.

The accepted API tokens are the population file's ``tokens`` plus ``VAXDESK_REGISTRY_SERVE_TOKEN``
from the environment; no token is ever taken from the command line (contracts/cli.md).
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.errors import UserError
from desktop.i18n import tr


def register(subparsers) -> None:
    parser = subparsers.add_parser("registry", help="the reference population registry service")
    sub = parser.add_subparsers(dest="registry_command", required=True)
    serve = sub.add_parser("serve", help="run the reference registry until interrupted (Ctrl+C)")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8081, help="port (default 8081)")
    serve.add_argument("--population", type=Path, help="population file written by `demo` (JSON)")
    serve.add_argument("--delay", type=float, default=0.0, help="seconds added to every look-up (slowness)")
    serve.add_argument("--rate-limit", type=float, default=0.0, help="look-up requests per second; more get 429")
    serve.add_argument("--retry-after", type=int, default=1, help="Retry-After seconds sent with 429")
    serve.add_argument("--fail-rate", type=float, default=0.0, help="fraction of look-ups answered 503 (0-1)")
    serve.add_argument("--fault", default="none",
                       help="none, outage, error500, html, html_error, malformed, hang, reset, missing, unasked, "
                            "rate_limit, unauthorized, bad_request")
    serve.add_argument("--fault-after", type=int, default=0, help="serve N look-ups normally before --fault")
    serve.add_argument("--fault-count", type=int, default=-1, help="apply --fault to N look-ups only")
    serve.add_argument("--hang-seconds", type=float, default=30.0, help="how long the hang fault hangs")
    serve.add_argument("--seed", type=int, help="random seed of --fail-rate")
    # the service side: it serves a population file, never a workspace
    serve.set_defaults(handler=run, permission="public")


def run(args, ctx) -> dict:
    from services.registry.app import MODES, Faults
    from services.registry.server import load_population, serve

    if args.population is None or not args.population.is_file():
        raise UserError(
            tr("Không tìm thấy tệp dân cư {file}; hãy chỉ ra bằng --population (lệnh `demo` in ra đường dẫn).",
               "Population file {file} not found; give it with --population (`demo` prints the path).",
               file=str(args.population or "")),
            code="no_population",
        )
    if args.fault not in MODES:
        raise UserError(tr("--fault phải là một trong: {modes}", "--fault must be one of: {modes}",
                           modes=", ".join(MODES)), code="bad_fault")
    try:
        # an extra accepted token comes from the environment, never from the command line (argv is visible
        # to every user of the computer)
        population = load_population(args.population, [os.environ.get("VAXDESK_REGISTRY_SERVE_TOKEN", "")])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UserError(tr("Không đọc được tệp dân cư {file}: {err}", "Cannot read the population file {file}: {err}",
                           file=str(args.population), err=str(exc)), code="bad_population") from exc
    faults = Faults(delay=args.delay, rate_limit=args.rate_limit, retry_after=args.retry_after,
                    fail_rate=args.fail_rate, mode=args.fault, after=args.fault_after, count=args.fault_count,
                    hang_seconds=args.hang_seconds, seed=args.seed)
    ctx.err(tr("CSDL dân cư mẫu: {n} công dân, http://{host}:{port} (Ctrl+C để dừng)",
               "Reference registry: {n} citizens at http://{host}:{port} (Ctrl+C to stop)",
               n=len(population), host=args.host, port=args.port))
    serve(population, host=args.host, port=args.port, faults=faults)
    return None
