"""The GUI thread while the window works: its longest slice away from the event loop (target ≤ 30 ms).

Four clerk actions, each on a real workspace, offscreen at 1366×768, with a 2 ms heartbeat on the
GUI thread (``tests/gui/stall.py``) recording every gap between beats in wall time and in the GUI
thread's own CPU time (load from other processes shows in the wall figure only):

- ``import``: a 100,000-row CSV list through the Import page (preview, Import, the records grid
  filling), until the grid shows every record;
- ``sign``: 10,000 matched records signed on the Sign page with the SoftHSM demo token (the PIN and
  the confirmation answered as a clerk would);
- ``sync``: signed records sent from the Sync page to the reference central service
  (``main.py central serve`` on 127.0.0.1) and their certificates stored;
- ``grid_scroll``: the records grid over 100,000 records dragged top to bottom in 100 steps
  (``benchmarks/grid_scroll.py``).

Prints ONE JSON document: per action the worst GUI-thread CPU and wall slice, the 99th percentile of
the wall gaps, how many beats were over 30 ms and the Python stacks seen while a beat was late.

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_stall.py [--only import,sign,sync,grid_scroll]
        [--rows 100000] [--sign-records 10000] [--sync-records 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks._machine import machine  # noqa: E402

ACTIONS = ("import", "sign", "sync", "grid_scroll")


def wait(app: Any, done: Callable[[], bool], timeout: float) -> None:
    """Run the event loop as the application does (``exec``) until ``done()``, asked every 10 ms."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    deadline = time.monotonic() + timeout
    loop, check, finished = QEventLoop(), QTimer(), [False]

    def ask() -> None:
        finished[0] = done()
        if finished[0] or time.monotonic() > deadline:
            loop.quit()

    check.timeout.connect(ask)
    check.start(10)
    loop.exec()
    check.stop()
    if not finished[0]:
        raise TimeoutError(f"not done within {timeout} s")


def import_action(app: Any, tmp: Path, rows: int) -> dict[str, Any]:
    from desktop.views.context import AppContext
    from desktop.views.operations import wait_idle
    from desktop.views.pages.import_page import create_page
    from desktop.workspace import Workspace
    from tests.gui.stall import StallWatch
    from tests.unit.importer.listfiles import LONG_HEADER, write_csv

    workspace = Workspace.open(tmp / "ws-import")
    workspace.settings.set("facility_code", "01001")
    workspace.settings.save()
    path = write_csv(tmp / "big.csv", [LONG_HEADER] + [
        [f"R{i}", "Nguyễn Văn An", "12/05/1990", "Nam", f"001090{i:06d}", "Pfizer", "F1", "1", "01/09/2021"]
        for i in range(rows)])
    page = create_page(AppContext(workspace, actor="lan"))
    page.resize(1366, 768)
    page.show()
    wait(app, lambda: not page.records.busy, 30)
    page.load_preview(path)
    wait(app, lambda: page.import_button.isEnabled(), 60)
    watch = StallWatch().start()
    started = time.perf_counter()
    page.import_button.click()
    wait(app, lambda: page.result is not None and page.records.model.rowCount() == rows and not page.records.busy,
         600)
    seconds = time.perf_counter() - started
    watch.stop()
    accepted = page.result.accepted
    page._stop_check()
    page.close()
    wait_idle()
    workspace.close()
    return {"rows": rows, "accepted": accepted, "seconds": round(seconds, 2), **watch.report()}


def sign_action(app: Any, tmp: Path, records: int) -> dict[str, Any]:
    from sqlalchemy import func, select

    from desktop.models import VaccinationRecord
    from desktop.views import token_handler
    from desktop.views.context import AppContext
    from desktop.views.operations import wait_idle
    from desktop.views.pages.sign import create_page
    from tests.gui.stall import StallWatch
    from tests.unit.signing.support import PIN, add_list, add_records, make_signing_workspace

    workspace = make_signing_workspace(tmp / "ws-sign")
    add_records(workspace, records, list_id=add_list(workspace))
    token_handler.ask_pin_dialog = lambda parent, request: PIN
    token_handler.confirm_dialog = lambda parent, summary: True
    page = create_page(AppContext(workspace, actor="lan"))
    page.resize(1366, 768)
    page.show()
    wait(app, lambda: page.sign_button.isEnabled(), 60)
    watch = StallWatch().start()
    started = time.perf_counter()
    page.sign_button.click()
    wait(app, lambda: page.operation is None and page.progress.isHidden(), 600)
    wait(app, lambda: "0" in page.counts_label.text(), 60)
    seconds = time.perf_counter() - started
    watch.stop()
    with workspace.db.session() as s:
        signed = s.scalar(select(func.count()).where(VaccinationRecord.stage == "signed"))
    page.close()
    wait_idle()
    workspace.close()
    return {"records": records, "signed": signed, "seconds": round(seconds, 2), **watch.report()}


def sync_action(app: Any, tmp: Path, records: int) -> dict[str, Any]:
    from sqlalchemy import func, select

    from benchmarks.sync import free_port, setup_central, start_central
    from desktop.models import Certificate
    from desktop.views.app import build_main_window
    from desktop.views.operations import wait_idle
    from desktop.workspace import Workspace
    from tests.gui.stall import StallWatch
    from tests.unit.sync.sync_factory import make_records, sign_batch

    (tmp / "central-root").mkdir()
    data, facility, credential = setup_central(tmp / "central-root", "ES256")
    port = free_port()
    proc = start_central(data, port, tmp / "central.log")
    try:
        workspace = Workspace.open(tmp / "ws-sync")
        workspace.settings.set("facility_code", "01001")
        workspace.settings.set("central_url", f"http://127.0.0.1:{port}")
        workspace.settings.set("central_timeout", 300.0)
        workspace.settings.set("central_token", credential)
        workspace.settings.set("sync_interval", 0)
        workspace.settings.save()
        ids = make_records(workspace.db, records)
        for i in range(0, len(ids), 1000):
            sign_batch(workspace.db, ids[i:i + 1000], facility)
        window = build_main_window(workspace, actor="lan")
        window.resize(1366, 768)
        window.show()
        window.show_page("sync")
        page = window.pages["sync"]
        wait(app, lambda: page.sync_button.isEnabled(), 30)
        watch = StallWatch().start()
        started = time.perf_counter()
        page.sync_button.click()

        def stored() -> int:
            with workspace.db.session() as s:
                return s.scalar(select(func.count()).select_from(Certificate)) or 0

        checked = [0.0]

        def finished() -> bool:
            if not page.sync_button.isEnabled() or time.monotonic() - checked[0] < 0.5:
                return False
            checked[0] = time.monotonic()
            return stored() >= records

        wait(app, finished, 900)
        end = time.monotonic() + 1.0  # the pages' refresh after the change notice
        wait(app, lambda: time.monotonic() > end, 5)
        seconds = time.perf_counter() - started
        watch.stop()
        certificates = stored()
        window.ctx.sync_controller.stop()
        window.close()
        wait_idle()
        workspace.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return {"records": records, "certificates": certificates, "seconds": round(seconds, 2), **watch.report()}


def grid_action(app: Any, tmp: Path, rows: int) -> dict[str, Any]:
    from benchmarks.grid_scroll import scroll

    return scroll(app, tmp, rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default=",".join(ACTIONS))
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--sign-records", type=int, default=10_000)
    parser.add_argument("--sync-records", type=int, default=2000)
    args = parser.parse_args()
    os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp(prefix="vaxdesk-bench-xdg-"))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    results: dict[str, Any] = {}
    load_before = [round(x, 2) for x in os.getloadavg()]
    for action in args.only.split(","):
        with tempfile.TemporaryDirectory() as name:
            tmp = Path(name)
            QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
            if action == "import":
                results[action] = import_action(app, tmp, args.rows)
            elif action == "sign":
                results[action] = sign_action(app, tmp, args.sign_records)
            elif action == "sync":
                results[action] = sync_action(app, tmp, args.sync_records)
            elif action == "grid_scroll":
                results[action] = grid_action(app, tmp, args.rows)
            else:
                raise SystemExit(f"unknown action {action}")
            # The grid's own per-slice figure where there is one (its heartbeat beats span two slices).
            results[action]["ok"] = results[action].get("worst_gui_cpu_ms", results[action]["worst_cpu_ms"]) <= 30
            results[action]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps({"gui_stall": results, "target_ms": 30, "load_average_before": load_before,
                      "machine": machine()}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
