"""How long the GUI thread goes without returning to its event loop, and what it was doing then.

A precise heartbeat timer on the GUI thread records, for every beat, the wall time since the
previous beat and the GUI thread's own CPU time in between (``time.thread_time``): a long gap with
little CPU is the thread waiting (another process on the core, the interpreter lock), a long gap
with as much CPU is work that must be split. While a beat is late, a sampling thread notes the GUI
thread's Python stack, so the report names the code that held the loop.

    watch = StallWatch()
    watch.start()
    ...                      # run the event loop (qtbot.waitUntil, app.processEvents)
    watch.stop()
    watch.report()           # {"beats", "worst_cpu_ms", "worst_wall_ms", "p99_wall_ms", "stalls": [...]}
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from typing import Any

from PySide6.QtCore import Qt, QTimer

LIMIT = 0.030  # seconds: the longest a slice of GUI-thread work may last


class StallWatch:
    def __init__(self, interval_ms: int = 2, sample_after: float = 0.015) -> None:
        self.interval_ms = interval_ms
        self.sample_after = sample_after
        self.walls: list[float] = []
        self.cpus: list[float] = []
        self.stacks: Counter[str] = Counter()
        self._timer: QTimer | None = None
        self._last = (0.0, 0.0)
        self._stop = threading.Event()
        self._sampler: threading.Thread | None = None
        self._gui_ident = 0

    # ------------------------------------------------------------------ running
    def start(self) -> StallWatch:
        self._gui_ident = threading.get_ident()
        timer = self._timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(self.interval_ms)
        timer.timeout.connect(self._beat)
        self._last = (time.perf_counter(), time.thread_time())
        timer.start()
        self._stop.clear()
        self._sampler = threading.Thread(target=self._sample, name="stall-sampler", daemon=True)
        self._sampler.start()
        return self

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._stop.set()
        if self._sampler is not None:
            self._sampler.join(timeout=2)
            self._sampler = None

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.walls.append(now - self._last[0])
        self.cpus.append(cpu - self._last[1])
        self._last = (now, cpu)

    def _sample(self) -> None:
        while not self._stop.wait(0.003):
            if time.perf_counter() - self._last[0] < self.sample_after:
                continue
            frame = sys._current_frames().get(self._gui_ident)
            if frame is None:
                continue
            lines = []
            while frame is not None and len(lines) < 6:
                code = frame.f_code
                lines.append(f"{code.co_filename.rsplit('/', 2)[-1]}:{frame.f_lineno} {code.co_name}")
                frame = frame.f_back
            self.stacks[" < ".join(lines)] += 1

    # ------------------------------------------------------------------ figures
    @property
    def worst_cpu(self) -> float:
        return max(self.cpus, default=0.0)

    @property
    def worst_wall(self) -> float:
        return max(self.walls, default=0.0)

    def report(self, stacks: int = 5) -> dict[str, Any]:
        walls = sorted(self.walls)
        busy = sorted(c for c in self.cpus if c > 0.001)
        return {
            "beats": len(walls),
            "worst_cpu_ms": round(self.worst_cpu * 1000, 1),
            "worst_wall_ms": round(self.worst_wall * 1000, 1),
            "p99_wall_ms": round(walls[int(len(walls) * 0.99)] * 1000, 1) if walls else 0.0,
            "median_busy_cpu_ms": round(busy[len(busy) // 2] * 1000, 1) if busy else 0.0,
            "beats_over_30ms_cpu": sum(1 for c in self.cpus if c > LIMIT),
            "beats_over_30ms_wall": sum(1 for w in self.walls if w > LIMIT),
            "late_stacks": [f"{n}× {stack}" for stack, n in self.stacks.most_common(stacks)],
        }
