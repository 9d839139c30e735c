"""Command-line start-up: ``main.py --version``, ``--help`` and ``records`` on a small workspace.

Each is started as a fresh process N times, as a user or a scheduled task starts it; the median is
reported beside the raw start of the interpreter (``python -c pass``) measured in the same run.
``records`` signs in (one Argon2id check, as every command that shows personal data must) and lists
the records of a workspace of ``--records`` records. Each figure has its wall time and the CPU time
the process used (user + system): on a busy shared machine the wall time mostly measures the wait
for a core. The programs run with their bytecode written, as an installed copy has it: the warm-up
run writes it even when ``PYTHONDONTWRITEBYTECODE`` is set around the benchmark (otherwise every
start would compile VaxDesk's own modules again). Prints ONE JSON document.

    python benchmarks/cli_startup.py [--runs 7] [--records 200]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._machine import machine  # noqa: E402

TARGETS = {"version": 0.3, "help": 0.3, "records": 0.8}
USER, PASSWORD = "quantri", "quantri-demo"


def _workspace(folder: Path, records: int) -> Path:
    from benchmarks.overview import fill
    from desktop import accounts
    from desktop.workspace import Workspace

    ws = Workspace.open(folder / "ws")
    try:
        fill(ws, records, lists=2)
        accounts.create_administrator(ws, USER, PASSWORD)
    finally:
        ws.close()
    return folder / "ws"


def _time(cmd: list[str], runs: int, env: dict[str, str], cpu: list[float] | None = None) -> list[float]:
    """Wall seconds of each run; the CPU seconds (user + system) of each go to ``cpu``."""
    times = []
    for _ in range(runs):
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT, check=False)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if cpu is not None:
            cpu.append(after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime)
        if done.returncode != 0:
            raise SystemExit(f"{cmd} failed ({done.returncode}): {done.stderr.decode(errors='replace')[-500:]}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--records", type=int, default=200)
    args = parser.parse_args()
    main_py = str(ROOT / "main.py")
    with tempfile.TemporaryDirectory() as tmp:
        workspace = _workspace(Path(tmp), args.records)
        env = {**os.environ, "VAXDESK_USER": USER, "VAXDESK_PASSWORD": PASSWORD, "QT_QPA_PLATFORM": "offscreen",
               "XDG_DATA_HOME": tmp}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        commands = {
            "python": [sys.executable, "-c", "pass"],
            "version": [sys.executable, main_py, "--version"],
            "help": [sys.executable, main_py, "--help"],
            "records": [sys.executable, main_py, "--workspace", str(workspace), "--json", "records", "--limit", "50"],
        }
        for name in ("version", "help", "records"):
            _time(commands[name], 1, env)  # warm the file cache and write the bytecode once
        results = {}
        baseline = statistics.median(_time(commands["python"], args.runs, env))
        for name in ("version", "help", "records"):
            cpu: list[float] = []
            times = _time(commands[name], args.runs, env, cpu)
            median = statistics.median(times)
            results[name] = {"median_s": round(median, 3), "min_s": round(min(times), 3),
                             "median_cpu_s": round(statistics.median(cpu), 3),
                             "target_s": TARGETS[name], "meets_target": median <= TARGETS[name],
                             "ratio_to_python_start": round(median / baseline, 1)}
    print(json.dumps({"benchmark": "cli_startup", "runs": args.runs, "records": args.records,
                      "baseline_python_start_s": round(baseline, 3), "results": results, "machine": machine()},
                     indent=2))


if __name__ == "__main__":
    main()
