"""``scripts/demo.sh``: seconds from the command to the sign-in window, first and later launches.

The first launch builds the demo workspace (people, lists, SoftHSM token, registry and central data);
a later launch must reuse all of it. Each launch runs the real script (the reference services start
in the background as usual); a ``sitecustomize`` on ``PYTHONPATH`` notes the moment VaxDesk opens its
first dialog (the sign-in window) and ends the program there, so the script stops its services.

    python benchmarks/demo_launch.py [--later 3] [--people 300] [--no-setup]

``--no-setup`` runs the script with ``VAXDESK_DEMO_SETUP=0`` (setup.sh skipped) and times setup.sh's
own checks apart: one ``dpkg-query`` over its package list and the requirements hash. Without it the
script runs setup.sh, so the benchmark refuses to start unless the virtual environment's install
stamp matches the requirements (a launch then installs nothing). Prints one JSON document.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._machine import machine  # noqa: E402

TARGET_SECONDS = 5.0
TIMEOUT = 600

_HOOK = '''
import os, sys, time
_mark = os.environ.get("VAXDESK_BENCH_SIGN_IN_MARK")
if _mark:
    import builtins
    _import = builtins.__import__

    def _watch(name, *args, **kwargs):
        module = _import(name, *args, **kwargs)
        if "PySide6.QtWidgets" in sys.modules and not getattr(_watch, "done", False):
            _watch.done = True
            from PySide6.QtWidgets import QDialog

            def _exec(self):
                with open(_mark, "w") as out:
                    out.write(repr(time.time()))
                sys.stdout.flush()
                os._exit(0)

            QDialog.exec = _exec
            builtins.__import__ = _import
        return module

    builtins.__import__ = _watch
'''


def _stamp_matches() -> bool:
    """setup.sh's pip stamp for requirements.txt equals the requirements' hash (nothing to install)."""
    want = hashlib.sha256((ROOT / "requirements.txt").read_bytes()).hexdigest()
    stamp = ROOT / ".venv" / ".vaxdesk-installed-requirements_txt_"
    return stamp.is_file() and stamp.read_text().strip() == want


def launch(workspace: Path, hook_dir: Path, people: int, setup: bool) -> float:
    """Seconds from starting scripts/demo.sh to VaxDesk's sign-in window."""
    mark = hook_dir / "signed-in.mark"
    mark.unlink(missing_ok=True)
    env = {**os.environ, "VAXDESK_DEMO_WORKSPACE": str(workspace), "VAXDESK_DEMO_PEOPLE": str(people),
           "VAXDESK_BENCH_SIGN_IN_MARK": str(mark), "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(hook_dir), os.environ.get("PYTHONPATH")]))}
    if not setup:
        env["VAXDESK_DEMO_SETUP"] = "0"
    started = time.time()
    proc = subprocess.Popen(["bash", str(ROOT / "scripts" / "demo.sh")], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise SystemExit("scripts/demo.sh did not reach the sign-in window in time") from None
    if not mark.is_file():
        raise SystemExit(f"scripts/demo.sh ended without a sign-in window:\n{err.decode(errors='replace')[-2000:]}")
    return float(mark.read_text()) - started


def setup_checks_seconds() -> float:
    """What setup.sh does on a later launch, timed apart: one dpkg-query over its packages and the
    requirements hash compared with the stamp."""
    text = (ROOT / "scripts" / "setup.sh").read_text()
    block = re.search(r"DEBS=\((.*?)\)", text, re.S)
    packages = [w for line in (block.group(1) if block else "").splitlines()
                for w in line.split("#", 1)[0].split()]
    started = time.perf_counter()
    subprocess.run(["dpkg-query", "-W", "-f=${Package}:${Status} ", *packages], capture_output=True, check=False)
    subprocess.run(["sha256sum", str(ROOT / "requirements.txt")], capture_output=True, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--later", type=int, default=3, help="later launches to time (median reported)")
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--no-setup", action="store_true", help="skip setup.sh (VAXDESK_DEMO_SETUP=0), time its checks apart")
    args = parser.parse_args()
    setup = not args.no_setup
    if setup and not _stamp_matches():
        raise SystemExit("the virtual environment does not match requirements.txt: run scripts/setup.sh once first "
                         "(or pass --no-setup)")
    with tempfile.TemporaryDirectory(prefix="vaxdesk-bench-demo-") as tmp:
        hook_dir = Path(tmp) / "hook"
        hook_dir.mkdir()
        (hook_dir / "sitecustomize.py").write_text(_HOOK)
        workspace = Path(tmp) / "VaxDesk-demo"
        first = launch(workspace, hook_dir, args.people, setup)
        later = [launch(workspace, hook_dir, args.people, setup) for _ in range(max(args.later, 1))]
        checks = None if setup else setup_checks_seconds()
    median = statistics.median(later)
    total = median + (checks or 0.0)
    print(json.dumps({
        "benchmark": "demo_launch",
        "what": "scripts/demo.sh to the sign-in window (offscreen), demo workspace of "
                f"{args.people} people",
        "setup_sh": "run" if setup else "skipped; its checks timed apart",
        "first_launch_seconds": round(first, 2),
        "later_launch_seconds": [round(s, 2) for s in later],
        "later_launch_median_seconds": round(median, 2),
        "setup_checks_seconds": None if checks is None else round(checks, 3),
        "later_launch_with_setup_checks_seconds": round(total, 2),
        "target_seconds": TARGET_SECONDS,
        "ok": total <= TARGET_SECONDS,
        "machine": machine(),
    }, indent=2))


if __name__ == "__main__":
    main()
