"""Benchmark: check 10,000 records against the reference registry on 127.0.0.1 (target ≤ 5 s).

The registry runs as its own process (`main.py registry serve`), as it would beside the desktop.
Prints one JSON document: {"records", "seconds", "records_per_second", "summary", "not_checked"}.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from benchmarks._machine import machine  # noqa: E402
from desktop.models import VaccinationRecord  # noqa: E402
from desktop.registry import check_records  # noqa: E402
from desktop.registry.compare import fold  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402
from services.registry.population import write  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Minh", "Hồng", "Đức", "Thu"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Hà", "Lan", "Nhung", "Thuý", "Tuấn", "Yến", "Khánh", "Long"]


def people(n: int, rng: random.Random) -> list[dict]:
    out = []
    for i in range(n):
        sex = rng.choice("MF")
        year = rng.randint(1940, 2005)
        g = (0 if year < 2000 else 2) + (0 if sex == "M" else 1)
        out.append({
            "id_number": f"{rng.randint(1, 96):03d}{g}{year % 100:02d}{i:06d}", "old_id_number": None,
            "full_name": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
            "date_of_birth": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "sex": sex,
            "nationality": "VN",
        })
    return out


def fault(person: dict, rng: random.Random) -> dict:
    listed = dict(person)
    roll = rng.random()
    if roll < 0.05:
        listed["full_name"] = fold(person["full_name"]).title()
    elif roll < 0.08:
        y, m, d = person["date_of_birth"].split("-")
        listed["date_of_birth"] = f"{y}-{d}-{m}" if int(d) <= 12 else f"{y}-01-01"
    elif roll < 0.10:
        listed["id_number"] = person["id_number"][:-1] + "x"
    elif roll < 0.12:
        listed["id_number"] = "9" * 12
    return listed


def wait_for(url: str, server: subprocess.Popen) -> None:
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("the reference registry did not start")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(7)
    population = people(args.records, rng)
    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace.open(Path(folder) / "ws")
        ws.settings.set("registry_token", "bench-token")
        rows = []
        for i, person in enumerate(population):
            listed = fault(person, rng)
            rows.append(dict(
                full_name=listed["full_name"], name_folded=fold(listed["full_name"]),
                date_of_birth=listed["date_of_birth"], sex=listed["sex"], id_number=listed["id_number"],
                nationality="VN", vaccine_name="Comirnaty", vaccine_mp="EU/1/20/1528", vaccine_ma="ORG-100030215",
                vaccine_vp="1119349007", lot="FK1234", dose_number=1, dn=1, sd=2, vaccination_date="2021-09-01",
                source_row=i + 2, flags=[], differences=[],
            ))
        with ws.db.session() as session:
            session.execute(insert(VaccinationRecord), rows)
        path = write(Path(folder) / "population.json", population, ["bench-token"])
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--workspace", str(Path(folder) / "server"), "registry", "serve",
             "--population", str(path), "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ},
        )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_for(url, server)
            start = time.perf_counter()
            result = check_records(ws, "benchmark", registry_url=url)
            seconds = time.perf_counter() - start
        finally:
            server.terminate()
            server.wait(timeout=10)
        ws.close()
    print(json.dumps({
        "records": args.records, "seconds": round(seconds, 3),
        "records_per_second": round(args.records / seconds, 1), "summary": result.summary,
        "not_checked": result.not_checked, "machine": machine(),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
