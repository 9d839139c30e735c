"""Records grid: the worst GUI-thread step while scrolling 100,000 records top to bottom (target ≤ 30 ms).

Fills a workspace through the real CSV import, opens the grid offscreen at 1366×768, moves the scroll
bar in 100 steps and repaints after each, as a clerk dragging the bar would; between steps the event
loop runs for 20 ms (rows read in the background arrive and are painted). Every slice of GUI-thread
work is timed, in wall time and in the GUI thread's own CPU time: the step itself and each pass of
the event loop (``worst_gui_cpu_ms``, the figure held to 30 ms); a 2 ms heartbeat (``tests/gui/stall.py``)
also watches the whole scroll, its beats spanning a step and the pass after it. Prints ONE
JSON document (``benchmarks/gui_stall.py`` runs the same scroll among its actions).

    QT_QPA_PLATFORM=offscreen python benchmarks/grid_scroll.py [--records 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks._machine import machine  # noqa: E402


def scroll(app: Any, tmp: Path, records: int) -> dict[str, Any]:
    """Import ``records`` rows into a workspace under ``tmp``, then scroll the grid over them."""
    from desktop.importer import import_file
    from desktop.views.records_table import RecordsView
    from desktop.workspace import Workspace
    from tests.gui.stall import StallWatch
    from tests.unit.importer.listfiles import LONG_HEADER, write_csv

    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Đức Hùng", "Đặng Thị Thuý", "Phạm Minh Quân"]
    workspace = Workspace.open(tmp / "ws-grid")
    workspace.settings.set("facility_code", "01001")
    workspace.settings.save()
    rows = [LONG_HEADER] + [[f"R{i}", names[i % 5], "12/05/1990", "Nam" if i % 5 in (0, 2, 4) else "Nữ",
                             f"001{0 if i % 5 in (0, 2, 4) else 1}90{i:06d}", "Pfizer", "F1", "1", "01/09/2021"]
                            for i in range(records)]
    import_file(workspace, write_csv(tmp / "l.csv", rows), "bench")
    del rows  # 100,000 lists the window would not hold: they would only lengthen the collector's passes
    view = RecordsView(workspace)
    view.resize(1366, 768)
    view.show()
    view.refresh()
    deadline = time.monotonic() + 120
    while (view.busy or view.model.rowCount() < records) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    bar = view.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # warm-up: the first use of some of PySide's enums builds them (once a process)
    view.table.viewport().repaint()
    bar.setValue(0)
    app.processEvents()
    steps, slices, cpu = [], [], []  # wall seconds; GUI-thread CPU seconds of every slice
    watch = StallWatch().start()
    for step in range(0, 101):
        started, used = time.perf_counter(), time.thread_time()
        bar.setValue(bar.maximum() * step // 100)
        view.table.viewport().repaint()
        steps.append(time.perf_counter() - started)
        cpu.append(time.thread_time() - used)
        until = time.perf_counter() + 0.02
        while time.perf_counter() < until:
            began, used = time.perf_counter(), time.thread_time()
            app.processEvents()
            slices.append(time.perf_counter() - began)
            cpu.append(time.thread_time() - used)
            time.sleep(0.001)
    end = time.perf_counter() + 0.5  # the last pages arrive
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    watch.stop()
    shown = view.model.data(view.model.index(records - 1, 0))
    view.close()
    workspace.close()
    worst = max(steps + slices) * 1000
    return {"records": records, "steps": len(steps), "worst_step_ms": round(worst, 1),
            "worst_scroll_step_ms": round(max(steps) * 1000, 1),
            "worst_event_loop_pass_ms": round(max(slices) * 1000, 1),
            "median_step_ms": round(sorted(steps)[len(steps) // 2] * 1000, 1),
            "worst_gui_cpu_ms": round(max(cpu) * 1000, 1),
            "median_busy_gui_cpu_ms": round(_median([c for c in cpu if c > 0.001]) * 1000, 1),
            "last_row_shown": bool(shown), **watch.report()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(Path(tmp) / "qsettings"))
        result = scroll(app, Path(tmp), args.records)
    print(json.dumps({"grid_scroll": {**result, "target_ms": 30, "ok": result["worst_gui_cpu_ms"] <= 30},
                      "machine": machine()}, indent=2, ensure_ascii=False))


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2] if values else 0.0


if __name__ == "__main__":
    main()
