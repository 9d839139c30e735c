"""The machine a benchmark ran on, for the "machine" entry of its JSON document.

Figures from a shared two-core virtual machine mean little without the core count, the CPU and
how busy the machine was, so every benchmark reports the same description.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import Any


def machine() -> dict[str, Any]:
    """{nproc, cpu_model, python, load_average: [1, 5, 15 min]}, the load as it is now."""
    return {
        "nproc": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "python": platform.python_version(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"
