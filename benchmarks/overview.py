"""Overview speed: today's picture (counts per state, per list, per day, next action) over N records.

Fills a fresh workspace with N records spread over 10 daily lists and every state, then times
``todays_picture`` (what the home screen runs on every refresh) and ``record_ids`` for one state
(what "click a number" runs). Prints ONE JSON document.

    python benchmarks/overview.py [--records 100000]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (check_status, decision, stage, share)
MIX = (("unchecked", None, "loaded", 0.10), ("mismatch", None, "loaded", 0.15), ("not_found", "defer", "loaded", 0.02),
       ("matched", None, "loaded", 0.25), ("mismatch", "reject", "loaded", 0.03), ("matched", None, "signed", 0.05),
       ("matched", None, "sent", 0.05), ("matched", None, "certified", 0.33), ("matched", None, "rejected_central", 0.02))


def fill(workspace, records: int, lists: int = 10) -> None:
    from sqlalchemy import insert

    from desktop.models import DailyList, SigningBatch, VaccinationRecord

    now = datetime.now(UTC)
    with workspace.db.session() as s:
        batch = str(uuid.uuid4())
        s.add(SigningBatch(id=batch, facility_code="01001", record_count=0, merkle_root="0" * 64, algorithm="PS256",
                           manifest=b"x"))
        s.flush()
        per_list = records // lists
        for n in range(lists):
            day = (now - timedelta(days=lists - n)).date().isoformat()
            dl = DailyList(file_name=f"ds-{day}.xlsx", file_sha256=uuid.uuid4().hex * 2, layout="long",
                           imported_at=now - timedelta(days=lists - n), rows_total=per_list)
            s.add(dl)
            s.flush()
            rows, row = [], 0
            for check, decision, stage, share in MIX:
                for _ in range(int(per_list * share)):
                    row += 1
                    rows.append(dict(
                        list_id=dl.id, source_row=row, facility_code="01001", full_name="Nguyễn Văn A",
                        name_folded="nguyen van a", date_of_birth="1990-01-02", sex="M", id_number=f"001090{row:06d}",
                        id_kind="cccd", nationality="VN", phone="", insurance_number="", province_code="",
                        district_code="", ward_code="", vaccine_name="Pfizer", vaccine_mp="EU/1/20/1528",
                        vaccine_ma="ORG-100030215", vaccine_vp="1119349007", lot="L1", dose_number=1, dn=1, sd=2,
                        vaccination_date=day, flags=[], check_status=check, differences=[], decision=decision,
                        decision_reason="", stage=stage, batch_id=None if stage == "loaded" else batch,
                        central_reason="", created_at=now, updated_at=now))
            s.execute(insert(VaccinationRecord), rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from desktop.overview import record_ids, todays_picture
    from desktop.workspace import Workspace

    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace.open(Path(tmp) / "ws")
        started = time.perf_counter()
        fill(workspace, args.records)
        fill_seconds = time.perf_counter() - started
        times, picture = [], None
        for _ in range(args.repeat):
            t = time.perf_counter()
            picture = todays_picture(workspace, role="clerk")
            times.append(time.perf_counter() - t)
        t = time.perf_counter()
        ids = record_ids(workspace, "needs_review")
        ids_seconds = time.perf_counter() - t
        workspace.close()
    print(json.dumps({
        "benchmark": "overview", "records": picture.total, "lists": len(picture.by_list), "days": len(picture.by_day),
        "picture_seconds_median": round(statistics.median(times), 4), "picture_seconds_max": round(max(times), 4),
        "record_ids_seconds": round(ids_seconds, 4), "needs_review_ids": len(ids), "totals": picture.totals,
        "next_action": picture.next_action.message.en if picture.next_action else None,
        "fill_seconds": round(fill_seconds, 2), "database": "sqlite (WAL)", "python": platform.python_version(),
        "machine": platform.machine(),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
