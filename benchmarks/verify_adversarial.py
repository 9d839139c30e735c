"""Benchmark of ``verify_hc1`` on hostile input: the worst case, not the mean (one JSON document).

    python benchmarks/verify_adversarial.py [--repeat 20] [--fuzz 2000]

Inputs: every hand-built hostile text of ``tests/fuzz/adversarial.py`` (each ≤ 8 KB: backtracking
``ver``, self-referencing CBOR, bignums, deep nesting, zlib bomb, long strings…), every file of the
fuzz corpus, and ``--fuzz`` random mutations of a valid certificate at every layer. Each input is
verified ``--repeat`` times; for each the *fastest* wall and CPU time is kept (the input's own
cost, without another process's time slice), and the report gives the largest of those over all
inputs, the largest single wall time seen (scheduling included), and the peak memory
(``tracemalloc``) of one verification. Bound: ≤ 50 ms and ≤ 32 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import tracemalloc
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._machine import machine  # noqa: E402
from desktop.dcc.base45 import b45decode, b45encode  # noqa: E402
from desktop.dcc.hc1 import verify_hc1  # noqa: E402
from tests.fuzz import adversarial as adv  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fuzz" / "corpus"
BOUND_SECONDS = 0.050
BOUND_BYTES = 32 * 1024 * 1024


def mutations(count: int, seed: int = 12) -> dict[str, str]:
    """Random byte mutations of a valid certificate at the text, zlib and COSE layers."""
    rng = random.Random(seed)
    valid = adv.valid_certificate()
    compressed = b45decode(valid[4:])
    cose = zlib.decompress(compressed)
    out = {}
    for i in range(count):
        layer = i % 3
        data = bytearray(valid.encode() if layer == 0 else compressed if layer == 1 else cose)
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(data))
            data[at] = rng.randrange(256)
        if layer == 0:
            text = data.decode("latin-1")
        elif layer == 1:
            text = "HC1:" + b45encode(bytes(data))
        else:
            text = adv.wrap_cose(bytes(data))
        out[f"mutation-{i}"] = text
    return out


def measure(inputs: dict[str, str], repeat: int) -> dict:
    trust = adv.trust_list()
    verify_hc1(adv.valid_certificate(), trust, now=adv.CHECKED_AT)  # imports and caches warm
    worst = {"name": None, "wall_s": 0.0, "cpu_s": 0.0, "chars": 0}
    worst_single_wall = 0.0
    for name, text in inputs.items():
        walls, cpus = [], []
        for _ in range(repeat):
            wall, cpu = time.perf_counter(), time.thread_time()
            verify_hc1(text, trust, now=adv.CHECKED_AT)
            cpus.append(time.thread_time() - cpu)
            walls.append(time.perf_counter() - wall)
        worst_single_wall = max(worst_single_wall, max(walls))
        if min(walls) > worst["wall_s"]:
            worst = {"name": name, "wall_s": min(walls), "cpu_s": min(cpus), "chars": len(text)}
    peak = {"name": None, "bytes": 0}
    for name, text in inputs.items():
        tracemalloc.start()
        verify_hc1(text, trust, now=adv.CHECKED_AT)
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        if top > peak["bytes"]:
            peak = {"name": name, "bytes": top}
    return {"worst_input": worst, "worst_single_wall_s": worst_single_wall, "peak_memory": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--fuzz", type=int, default=2000)
    args = parser.parse_args()
    inputs = adv.adversarial_inputs()
    inputs.update({f"corpus:{p.stem}": p.read_text(encoding="utf-8", errors="surrogatepass")
                   for p in sorted(CORPUS.glob("*.txt"))})
    inputs.update(mutations(args.fuzz))
    oversized = [name for name, text in inputs.items() if len(text) > adv.MAX_TEXT]
    result = measure(inputs, args.repeat)
    worst, peak = result["worst_input"], result["peak_memory"]
    print(json.dumps({
        "benchmark": "verify_adversarial",
        "inputs": len(inputs),
        "max_input_chars": max(len(t) for t in inputs.values()),
        "oversized_inputs": oversized,
        "repeat": args.repeat,
        "worst_wall_ms": round(worst["wall_s"] * 1000, 3),
        "worst_cpu_ms": round(worst["cpu_s"] * 1000, 3),
        "worst_input": worst["name"],
        "worst_single_wall_ms_with_scheduling": round(result["worst_single_wall_s"] * 1000, 3),
        "peak_memory_mb": round(peak["bytes"] / (1024 * 1024), 3),
        "peak_memory_input": peak["name"],
        "bound": {"ms": BOUND_SECONDS * 1000, "mb": BOUND_BYTES / (1024 * 1024)},
        "within_bound": worst["wall_s"] <= BOUND_SECONDS and peak["bytes"] <= BOUND_BYTES,
        "machine": machine(),
    }, indent=2))


if __name__ == "__main__":
    main()
