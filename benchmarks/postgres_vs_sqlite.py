"""Benchmark: the facility's day on SQLite and on PostgreSQL, in one run, stage by stage.

For each engine a fresh workspace (PostgreSQL: a new database on the server ``--postgres`` names,
default ``VAXDESK_TEST_POSTGRES_URL``, dropped afterwards) goes through:

- import: one long CSV daily list (``benchmarks/import_list.py``'s rows), ``import_file``;
- check: those records against the reference registry (``registry serve`` in its own process, a
  population made from the imported records), ``check_records``;
- sign: the ready records in batches of ``--batch-size`` on the SoftHSM demo token (``sign.py``'s
  setup), ``sign_batch``;
- sync: ``--sync-records`` records signed with a registered facility key (``sync.py``'s setup) sent
  to the reference central service (its own process) and stored as verified certificates, ``sync``.

Prints ONE JSON document: seconds per stage and engine, and ``ratio`` = PostgreSQL ÷ SQLite per stage
(target ≤ 1.5).

    python benchmarks/postgres_vs_sqlite.py [--records 5000] [--sync-records 2000] [--postgres URL]
                                            [--stages check,sync]

``--stages`` times only the stages named (the import always runs: the other stages need its records).
The check stage also reports CPU seconds (``check_cpu``): this process, the registry's process, and on
PostgreSQL the server processes serving this workspace's connections; the sign stage likewise
(``sign_cpu``: this process, which holds SQLite and the token, and the PostgreSQL server processes).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._machine import machine  # noqa: E402

WARM_UP = 20  # records signed first, untimed, on both engines (as in sign.py)
TARGET_RATIO = 1.5


def start_registry(folder: Path, population: list[dict], token: str) -> tuple[subprocess.Popen, str]:
    from benchmarks.check import wait_for
    from benchmarks.sync import free_port
    from services.registry.population import write

    path = write(folder / "population.json", population, [token])
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--workspace", str(folder / "registry"), "registry", "serve",
         "--population", str(path), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ}, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    wait_for(url, server)
    return server, url


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux ``/proc``; 0 where it cannot be read)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def population_of(ws) -> list[dict]:
    from sqlalchemy import select

    from desktop.models import VaccinationRecord as R

    with ws.db.session() as session:
        rows = session.execute(select(R.id_number, R.full_name, R.date_of_birth, R.sex)).all()
    seen: dict[str, dict] = {}
    for number, name, dob, sex in rows:
        seen.setdefault(number, {"id_number": number, "old_id_number": None, "full_name": name,
                                 "date_of_birth": dob, "sex": sex, "nationality": "VN"})
    return list(seen.values())


def run_engine(engine: str, url: str | None, folder: Path, csv_path: Path, args, registry: dict,
               central: dict) -> dict[str, float]:
    from desktop.demo.token import DEMO_PIN, create_demo_token
    from desktop.importer import import_file
    from desktop.registry import check_records
    from desktop.signing.batch import Selection, plan_batches, sign_batch
    from desktop.signing.handler import ScriptedHandler
    from desktop.signing.token import TokenSession
    from desktop.sync import sync
    from desktop.workspace import Workspace
    from tests.unit.sync.sync_factory import make_records
    from tests.unit.sync.sync_factory import sign_batch as sign_with_key

    times: dict[str, float] = {}
    ws = Workspace.open(folder / engine)
    ws.settings.set("facility_code", "01001")
    ws.settings.set("facility_name", "Bệnh viện Bạch Mai")
    ws.settings.set("batch_size", args.batch_size)
    ws.settings.set("registry_token", "bench-token")
    if url:
        ws.settings.set("database_url", url)
    ws.settings.save()
    ws.db  # noqa: B018 - the schema, outside the timings
    try:
        start = time.perf_counter()
        result = import_file(ws, csv_path, "benchmark")
        times["import"] = time.perf_counter() - start
        times["imported"] = result.accepted if hasattr(result, "accepted") else 0
        if "server" not in registry:
            registry["server"], registry["url"] = start_registry(folder, population_of(ws), "bench-token")
        if "check" in args.stages:
            served_by = registry["server"].pid
            before = (time.process_time(), cpu_seconds(served_by), {p: cpu_seconds(p) for p in ws.db.backend_pids})
            start = time.perf_counter()
            checked = check_records(ws, "benchmark", registry_url=registry["url"])
            times["check"] = time.perf_counter() - start
            times["checked"] = sum(v for k, v in checked.summary.items() if k != "unchecked")
            times["check_cpu"] = {  # type: ignore[assignment]
                "client": round(time.process_time() - before[0], 3),
                "registry": round(cpu_seconds(served_by) - before[1], 3),
                "database": round(sum(cpu_seconds(p) - before[2].get(p, 0.0) for p in ws.db.backend_pids), 3)}
        if "sign" not in args.stages and "sync" not in args.stages:
            return times
        create_demo_token(ws)
        signed = 0
        with TokenSession.open(ws, ScriptedHandler.with_pin(DEMO_PIN)) as token:
            if "sign" in args.stages:  # what a session's first signature loads once is not a batch's cost
                with ws.db.session() as session:
                    [warm_up], _held, _corrections = plan_batches(session, ws.settings, Selection(limit=WARM_UP))
                signed += sign_batch(ws, token, warm_up, actor="benchmark").records
            with ws.db.session() as session:
                planned, _held, _corrections = plan_batches(session, ws.settings, Selection())
            before = (time.process_time(), {p: cpu_seconds(p) for p in ws.db.backend_pids})
            start = time.perf_counter()
            for batch in planned:
                signed += sign_batch(ws, token, batch, actor="benchmark").records if "sign" in args.stages else 0
            times["sign"] = time.perf_counter() - start
            times["sign_cpu"] = {  # type: ignore[assignment]
                "client": round(time.process_time() - before[0], 3),
                "database": round(sum(cpu_seconds(p) - before[1].get(p, 0.0) for p in ws.db.backend_pids), 3)}
        times["signed"] = signed
        if "sync" not in args.stages:
            return times
        # sync: records signed with the facility key the central service knows
        ws.settings.set("central_url", central["url"])
        ws.settings.set("central_timeout", 300.0)
        ws.settings.set("central_token", central["credential"])
        ws.settings.save()
        from sqlalchemy import update

        from desktop.models import OutboxItem

        with ws.db.session() as session:  # the token's batches are not the central's to countersign here
            session.execute(update(OutboxItem).values(state="done"))
        ids = make_records(ws.db, args.sync_records, seed=central["seed"])
        for i in range(0, len(ids), args.batch_size):
            sign_with_key(ws.db, ids[i:i + args.batch_size], central["facility"])
        start = time.perf_counter()
        report = sync(ws, actor="benchmark")
        times["sync"] = time.perf_counter() - start
        times["certificates"] = report.certificates_received
        if report.error or report.rejected or report.failed:
            times["sync_problems"] = json.dumps({"error": report.error, "rejected": report.rejected[:3],
                                                 "failed": report.failed[:3]}, ensure_ascii=False)[:600]
    finally:
        ws.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--sync-records", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--postgres", default=os.environ.get("VAXDESK_TEST_POSTGRES_URL", ""))
    parser.add_argument("--stages", default="import,check,sign,sync", help="the stages to time, comma-separated")
    args = parser.parse_args()
    args.stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    if not args.postgres:
        raise SystemExit("give --postgres URL (or VAXDESK_TEST_POSTGRES_URL)")
    os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp(prefix="vaxdesk-bench-xdg-"))

    from benchmarks.import_list import write_files
    from benchmarks.sync import free_port as port
    from benchmarks.sync import setup_central, start_central

    folder = Path(tempfile.mkdtemp(prefix="vaxdesk-bench-pg-"))
    csv_path = write_files(folder, args.records, ["csv"])["csv"]
    registry: dict = {}
    centrals = {}
    for engine in ("sqlite", "postgresql") if "sync" in args.stages else ():  # one central service each: the same people, certified once each
        (folder / f"central-{engine}").mkdir()
        data, facility, credential = setup_central(folder / f"central-{engine}", "ES256")
        central_port = port()
        proc = start_central(data, central_port, folder / f"central-{engine}.log")
        centrals[engine] = {"url": f"http://127.0.0.1:{central_port}", "credential": credential,
                            "facility": facility, "seed": 11, "proc": proc}
    from tests.pg import scratch_database

    results: dict[str, dict[str, float]] = {}
    try:
        with scratch_database("bench", args.postgres) as pg_url:
            results["sqlite"] = run_engine("sqlite", None, folder, csv_path, args, registry, centrals.get("sqlite", {}))
            results["postgresql"] = run_engine("postgresql", pg_url, folder, csv_path, args, registry,
                                               centrals.get("postgresql", {}))
    finally:
        for proc in (registry.get("server"), *(c["proc"] for c in centrals.values())):
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=20)
        from desktop.signing.worker import token_worker

        token_worker().shutdown()
    stages = [s for s in ("import", "check", "sign", "sync") if s == "import" or s in args.stages]
    ratio = {s: round(results["postgresql"][s] / results["sqlite"][s], 2) for s in stages}
    print(json.dumps({
        "benchmark": "postgres_vs_sqlite",
        "records": args.records, "sync_records": args.sync_records, "batch_size": args.batch_size,
        "seconds": {engine: {k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()}
                    for engine, r in results.items()},
        "ratio": ratio, "target_ratio": TARGET_RATIO,
        "within_target": {s: ratio[s] <= TARGET_RATIO for s in stages},
        "machine": machine(),
    }, indent=2))


if __name__ == "__main__":
    main()
