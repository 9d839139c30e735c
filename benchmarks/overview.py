"""Overview speed: today's picture (counts per state, per list, per day, next action) over N records.

Fills a fresh workspace with N records spread over 10 daily lists and every state, then times
``todays_picture`` (what the home screen runs on every refresh), ``record_ids`` for one state
(what "click a number" runs) and the first page of the records table in list order. The raw
baseline of the same run is ``SELECT count(*)`` over the records table (SQLite walking every
record once); each figure is also given as a ratio to it. Prints ONE JSON document.

    python benchmarks/overview.py [--records 1000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._machine import machine  # noqa: E402

TARGET_SECONDS = 0.3
# (check_status, decision, stage, share)
MIX = (("unchecked", None, "loaded", 0.10), ("mismatch", None, "loaded", 0.15), ("not_found", "defer", "loaded", 0.02),
       ("matched", None, "loaded", 0.25), ("mismatch", "reject", "loaded", 0.03), ("matched", None, "signed", 0.05),
       ("matched", None, "sent", 0.05), ("matched", None, "certified", 0.33), ("matched", None, "rejected_central", 0.02))


def fill(workspace, records: int, lists: int = 10) -> None:
    """N records in ``lists`` lists, written with the bulk insert the importer uses."""
    from desktop.db_bulk import insert_tuples, sqlite_value
    from desktop.models import DailyList, SigningBatch, VaccinationRecord

    now = datetime.now(UTC)
    table = VaccinationRecord.__table__
    with workspace.db.session() as s:
        batch = str(uuid.uuid4())
        s.add(SigningBatch(id=batch, facility_code="01001", record_count=0, merkle_root="0" * 64, algorithm="PS256",
                           manifest=b"x"))
        s.flush()
        per_list = records // lists
        record_id = 0
        for n in range(lists):
            day = (now - timedelta(days=lists - n)).date().isoformat()
            dl = DailyList(file_name=f"ds-{day}.xlsx", file_sha256=uuid.uuid4().hex * 2, layout="long",
                           imported_at=now - timedelta(days=lists - n), rows_total=per_list)
            s.add(dl)
            s.flush()
            constants = dict(
                list_id=dl.id, facility_code="01001", full_name="Nguyễn Văn A", name_folded="nguyen van a",
                date_of_birth="1990-01-02", sex="M", id_kind="cccd", nationality="VN", phone="", insurance_number="",
                province_code="", district_code="", ward_code="", vaccine_name="Pfizer", vaccine_mp="EU/1/20/1528",
                vaccine_ma="ORG-100030215", vaccine_vp="1119349007", lot="L1", dose_number=1, dn=1, sd=2,
                vaccination_date=day, flags="[]", differences="[]", decision_reason="", central_reason="",
                source_ref="", registry_values=None, checked_at=None, supersedes_record_id=None,
                created_at=sqlite_value(now), updated_at=sqlite_value(now), version=1)
            columns = [c.name for c in table.columns if c.name not in constants]
            rows, row = [], 0
            for check, decision, stage, share in MIX:
                for _ in range(int(per_list * share)):
                    row += 1
                    record_id += 1
                    values = dict(id=record_id, source_row=row, id_number=f"001090{record_id:06d}",
                                  check_status=check, decision=decision, stage=stage,
                                  batch_id=None if stage == "loaded" else batch)
                    rows.append(tuple(values[c] for c in columns))
            insert_tuples(s, table, columns, rows, constants)


def _median(fn, repeat: int) -> tuple[float, float, object]:
    times, value = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), max(times), value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="fill this workspace folder once and reuse it")
    args = parser.parse_args()
    from sqlalchemy import func, select

    from desktop.importer.queries import RecordFilter
    from desktop.importer.queries import record_ids as table_ids
    from desktop.models import VaccinationRecord
    from desktop.overview import record_ids, todays_picture
    from desktop.workspace import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "ws"
        reuse = (folder / "workspace.sqlite3").exists()
        workspace = Workspace.open(folder)
        started = time.perf_counter()
        if not reuse:
            fill(workspace, args.records)
        fill_seconds = time.perf_counter() - started

        def raw_count() -> int:
            with workspace.db.session() as s:
                return s.execute(select(func.count(VaccinationRecord.id))).scalar()

        def first_page() -> list[int]:
            with workspace.db.session() as s:
                return table_ids(s, RecordFilter(), limit=200)

        raw_count()  # warm the page cache for every measure alike
        raw, _raw_max, count = _median(raw_count, args.repeat)
        picture_s, picture_max, picture = _median(lambda: todays_picture(workspace, role="clerk"), args.repeat)
        ids_s, _ids_max, ids = _median(lambda: record_ids(workspace, "needs_review", limit=500), args.repeat)
        page_s, _page_max, page = _median(first_page, args.repeat)
        workspace.close()
    print(json.dumps({
        "benchmark": "overview", "records": count, "lists": len(picture.by_list), "days": len(picture.by_day),
        "raw_count_seconds": round(raw, 4),
        "picture_seconds_median": round(picture_s, 4), "picture_seconds_max": round(picture_max, 4),
        "picture_ratio_to_raw": round(picture_s / raw, 2) if raw else None,
        "state_ids_500_seconds": round(ids_s, 4), "state_ids": len(ids),
        "records_first_page_seconds": round(page_s, 4), "records_first_page": len(page),
        "target_seconds": TARGET_SECONDS, "within_target": max(picture_s, ids_s, page_s) <= TARGET_SECONDS,
        "totals": picture.totals, "next_action": picture.next_action.message.en if picture.next_action else None,
        "fill_seconds": round(fill_seconds, 2), "database": "sqlite (WAL)", "machine": machine(),
    }, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
