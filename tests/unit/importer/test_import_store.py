"""Storing a list: outcomes per row, duplicates, idempotency, one transaction, audit, the rejected-rows export."""

from __future__ import annotations

import csv
import datetime as dt
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from desktop.audit import verify_chain
from desktop.errors import Cancelled, UserError
from desktop.i18n import set_language
from desktop.importer import export_rejected, import_file
from desktop.models import AuditEvent, DailyList, ImportIssue, VaccinationRecord
from desktop.progress import Progress
from tests.helpers import ROOT, run_cli, signed_in_env
from tests.unit.importer.listfiles import LONG_HEADER, write_csv, write_xlsx

TODAY = dt.date(2026, 1, 15)
ROW = ["VN-1", "Nguyễn Văn An", "12/05/1990", "Nam", "001090012345", "AstraZeneca", "ABV1", "1", "01/09/2021"]


def count(ws, model, *where) -> int:
    with ws.db.session() as s:
        return s.execute(select(func.count()).select_from(model).where(*where)).scalar()


def mixed_rows() -> list[list]:
    return [
        LONG_HEADER,
        ROW,                                                                                        # 2 accepted
        ["VN-2", "Trần Thị Bình", "01/01/1980", "Nữ", "001180012345", "Pfizer", "F1", "2", "01/09/2021"],  # 3 accepted
        ["VN-3", "Lê Văn Cường", "31/02/1980", "Nam", "001080012345", "Pfizer", "F1", "1", "01/09/2021"],  # 4 bad dob
        ["VN-4", "Lê Văn Dũng", "01/01/1980", "Nam", "001080012346", "Sinovac-X", "S1", "1", "01/09/2021"],  # 5 vaccine
        ["VN-5", "Lê Văn Em", "01/01/1980", "Nam", "001080012347", "Pfizer", "F1", "1", "01/09/2027"],  # 6 future
        ["VN-6", "Lê Văn Phú", "01/01/2022", "Nam", "001222012348", "Pfizer", "F1", "1", "01/09/2021"],  # 7 before birth
        ["VN-7", "Lê Văn Gấm", "01/01/1890", "Nam", "001890012349", "Pfizer", "F1", "1", "01/09/2021"],  # 8 < 1900
        ["VN-8", "Lê Văn Hải", "01/01/1980", "Nam", "001080012350", "Pfizer", "F1", "11", "01/09/2021"],  # 9 dose
        ROW,                                                                                        # 10 dup of 2
        ["VN-9", "Trần Thị Bình", "01/01/1980", "Nữ", "001180012345", "Pfizer", "F1", "2", "01/09/2021"],  # 11 dup (id)
        ["VN-10", "Phạm Thị Lan", "01/01/1980", "Nam", "001180012399", "Pfizer", "F1", "1", "01/09/2021"],  # 12 flagged
        ["VN-11", "Võ Văn Kiên", "01/01/1980", "Nam", "12345", "Pfizer", "F1", "1", "01/09/2021"],  # 13 invalid id ok
        ["", "", "", "", "", "", "", "", ""],                                                       # empty: not a row
        ["Tổng cộng", "", "", "", "", "", "", "", ""],                                              # total: ignored
    ]


def test_every_row_ends_accepted_rejected_or_duplicate(workspace, tmp_path):
    result = import_file(workspace, write_csv(tmp_path / "mixed.csv", mixed_rows()), "lan", today=TODAY)
    assert (result.rows, result.accepted, result.rejected, result.duplicates) == (12, 4, 6, 2)
    assert result.rows == result.accepted + result.rejected + result.duplicates
    assert result.ignored_rows == [15]
    by_row = {}
    for e in result.errors:
        by_row.setdefault(e["row"], []).append(e["code"])
    assert by_row == {4: ["bad_date"], 5: ["unknown_vaccine"], 6: ["future_date"], 7: ["before_birth"],
                      8: ["dob_before_1900"], 9: ["bad_dose"], 10: ["duplicate_in_file"], 11: ["duplicate_in_file"]}
    dup = next(e for e in result.errors if e["row"] == 10)
    assert "row 2" in next(i.message_en for i in _issues(workspace) if i.row == 10)
    assert dup["message"].startswith("Dòng 10")
    warn = {w["row"]: w["code"] for w in result.warnings}
    assert warn == {12: "cccd_inconsistent", 13: "id_invalid"}
    with workspace.db.session() as s:
        flagged = s.execute(select(VaccinationRecord).where(VaccinationRecord.source_ref == "VN-10")).scalar_one()
        assert flagged.flags == ["cccd_inconsistent"]
        invalid = s.execute(select(VaccinationRecord).where(VaccinationRecord.source_ref == "VN-11")).scalar_one()
        assert (invalid.id_number, invalid.id_kind) == ("12345", "")
        daily = s.get(DailyList, result.list_id)
        assert (daily.rows_total, daily.accepted, daily.rejected, daily.duplicates) == (12, 4, 6, 2)
    assert count(workspace, ImportIssue, ImportIssue.kind == "rejected") == 6
    assert count(workspace, ImportIssue, ImportIssue.kind == "duplicate") == 2
    assert count(workspace, ImportIssue, ImportIssue.kind == "warning") == 2


def _issues(ws) -> list[ImportIssue]:
    with ws.db.session() as s:
        return list(s.execute(select(ImportIssue).order_by(ImportIssue.id)).scalars())


def test_messages_name_row_column_value_and_fix_in_both_languages(workspace, tmp_path):
    result = import_file(workspace, write_csv(tmp_path / "mixed.csv", mixed_rows()), "lan", today=TODAY)
    error = next(e for e in result.errors if e["code"] == "unknown_vaccine")
    assert (error["row"], error["column"], error["value"]) == (5, "Tên vắc xin", "Sinovac-X")
    assert "Dòng 5" in error["message_vi"] and "Tên vắc xin" in error["message_vi"] and "Sinovac-X" in error["message_vi"]
    assert error["message_en"].startswith("Row 5, column “Tên vắc xin”")
    assert "never guessed" in error["message_en"]


def test_english_messages_when_english_is_chosen(workspace, tmp_path):
    set_language("en")
    result = import_file(workspace, write_csv(tmp_path / "mixed.csv", mixed_rows()), "lan", today=TODAY)
    assert result.errors[0]["message"].startswith("Row 4")


def test_same_file_twice_adds_nothing(workspace, tmp_path):
    path = write_csv(tmp_path / "mixed.csv", mixed_rows())
    first = import_file(workspace, path, "lan", today=TODAY)
    before = (count(workspace, VaccinationRecord), count(workspace, DailyList), count(workspace, AuditEvent),
              count(workspace, ImportIssue))
    second = import_file(workspace, path, "lan", today=TODAY)
    assert second.already_loaded and second.list_id == first.list_id
    assert (second.accepted, second.records, second.duplicates) == (0, 0, 6)
    assert (count(workspace, VaccinationRecord), count(workspace, DailyList), count(workspace, AuditEvent),
            count(workspace, ImportIssue)) == before


def test_duplicates_of_records_loaded_from_another_file(workspace, tmp_path):
    import_file(workspace, write_csv(tmp_path / "a.csv", [LONG_HEADER, ROW]), "lan", today=TODAY)
    other = list(ROW)
    other[0] = "OTHER-REF"  # another platform id, same person, dose and date
    rows = [LONG_HEADER, other, ["VN-1", "X Y", "01/01/1970", "Nam", "001070000001", "Pfizer", "F", "1", "02/09/2021"],
            ["NEW", "Đỗ Văn Mới", "01/01/1970", "Nam", "001070000002", "Pfizer", "F", "1", "02/09/2021"]]
    result = import_file(workspace, write_csv(tmp_path / "b.csv", rows, delimiter=";"), "lan", today=TODAY)
    assert (result.accepted, result.duplicates) == (1, 2)
    codes = [(e["row"], e["code"]) for e in result.errors]
    assert codes == [(2, "duplicate_record"), (3, "duplicate_record")]
    assert "record #1" in _issues(workspace)[-2].message_en and "list 1, row 2" in _issues(workspace)[-2].message_en
    assert "001*******45" in _issues(workspace)[-2].message_en  # the ID is masked in the message


def test_audit_events_for_every_record_in_the_chain(workspace, tmp_path):
    result = import_file(workspace, write_csv(tmp_path / "mixed.csv", mixed_rows()), "lan", today=TODAY)
    with workspace.db.session() as s:
        events = list(s.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars())
        assert len(events) == result.records == 4
        assert {e.action for e in events} == {"import"} and {e.entity for e in events} == {"record"}
        assert events[0].actor == "lan" and events[0].reason == "mixed.csv"
        assert "full_name" not in events[0].after and events[0].after["list_id"] == result.list_id
        assert verify_chain(s).ok
    # and events written by the ordinary path chain on
    from desktop.audit import record_event

    with workspace.db.session() as s:
        record_event(s, "lan", "edit", "record", 1, {"a": 1}, {"a": 2}, "test")
    with workspace.db.session() as s:
        assert verify_chain(s).ok and verify_chain(s).events == 5


def test_cancel_leaves_nothing(workspace, tmp_path):
    rows = [LONG_HEADER] + [[f"R{i}", "Nguyễn Văn An", "12/05/1990", "Nam", f"001090{i:06d}", "Pfizer", "F", "1",
                             "01/09/2021"] for i in range(6000)]
    path = write_csv(tmp_path / "c.csv", rows)
    progress = Progress()
    seen = []

    def cb(done, total, label):
        seen.append(done)
        if len(seen) == 3:
            progress.cancel()

    progress._callback = cb
    progress._min_interval = 0
    with pytest.raises(Cancelled):
        import_file(workspace, path, "lan", progress=progress, today=TODAY)
    for model in (VaccinationRecord, DailyList, AuditEvent, ImportIssue):
        assert count(workspace, model) == 0
    assert import_file(workspace, path, "lan", today=TODAY).accepted == 6000


def test_kill_during_import_leaves_all_or_nothing(workspace, tmp_path):
    rows = [LONG_HEADER] + [[f"R{i}", "Nguyễn Văn An", "12/05/1990", "Nam", f"001090{i:06d}", "Pfizer", "F", "1",
                             "01/09/2021"] for i in range(60000)]
    path = write_csv(tmp_path / "k.csv", rows)
    workspace.db  # noqa: B018 - migrate before the child starts
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--workspace", str(workspace.path), "--json",
                             "import", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT,
                            env=signed_in_env(workspace.path))
    wal = workspace.path / "workspace.sqlite3-wal"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 2_000_000:
            break
        time.sleep(0.01)
    killed = proc.poll() is None
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    records = count(workspace, VaccinationRecord)
    assert records in (0, 60000)
    if killed:
        assert records == 0
    with workspace.db.session() as s:
        assert verify_chain(s).ok
        assert s.execute(select(func.count()).select_from(DailyList)).scalar() == (1 if records else 0)


def test_export_rejected_rows_neutralises_formulas(workspace, tmp_path):
    rows = mixed_rows()
    rows.append(["=HYPERLINK(\"http://x\")", "+84 Nguyễn", "@SUM(1)", "-1", "=1+1", "Pfizer", "F", "1", "01/09/2021"])
    result = import_file(workspace, write_csv(tmp_path / "mixed.csv", rows), "lan", today=TODAY)
    out = tmp_path / "rejected.xlsx"
    info = export_rejected(workspace, result.list_id, out)
    assert info["rows"] == result.rejected == 7
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    assert values[0][:9] == LONG_HEADER
    assert values[0][9:] == ["Lý do (tiếng Việt)", "Reason (English)", "Dòng gốc / Source row"]
    last = values[-1]
    assert last[0] == "'=HYPERLINK(\"http://x\")" and last[1] == "'+84 Nguyễn" and last[2] == "'@SUM(1)"
    assert last[3] == "'-1" and last[4] == "'=1+1"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert "Row" in last[10] and last[11] == 16
    # the CSV form too, and it loads again once fixed (the reason columns are ignored)
    out_csv = tmp_path / "rejected.csv"
    export_rejected(workspace, result.list_id, out_csv)
    with open(out_csv, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[-1][0].startswith("'=")
    fixed = [table[0]] + [r for r in table[1:] if r[0] == "VN-4"]
    fixed[1][5] = "Moderna"
    path = tmp_path / "fixed.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(fixed)
    again = import_file(workspace, path, "lan", today=TODAY)
    assert (again.accepted, again.rejected) == (1, 0), again.errors


def test_export_of_an_unknown_list(workspace, tmp_path):
    with pytest.raises(UserError):
        export_rejected(workspace, 99, tmp_path / "x.xlsx")


def test_cli_import_json_follows_the_contract(workspace, tmp_path):
    path = write_csv(tmp_path / "mixed.csv", mixed_rows())
    result = run_cli("--json", "import", str(path), workspace=workspace.path)
    assert result.code == 0, result.stderr
    data = result.json
    assert {"rows", "accepted", "rejected", "duplicates", "errors"} <= set(data)
    assert (data["rows"], data["accepted"], data["rejected"], data["duplicates"]) == (12, 4, 6, 2)
    assert set(data["errors"][0]) >= {"row", "column", "value", "code", "message"}
    listing = run_cli("--json", "records", "--search", "nguyen van", workspace=workspace.path).json
    assert listing["total"] == 1 and listing["records"][0]["source_ref"] == "VN-1"
    assert run_cli("--json", "records", "--search", "001180012345", workspace=workspace.path).json["total"] == 1
    assert run_cli("--json", "records", "--search", "VN-11", workspace=workspace.path).json["total"] == 1
    assert run_cli("--json", "records", "--status", "matched", workspace=workspace.path).json["total"] == 0
    out = tmp_path / "rej.csv"
    exported = run_cli("--json", "import", "--export-rejected", str(data["list_id"]), "--out", str(out),
                       workspace=workspace.path)
    assert exported.code == 0 and exported.json["rows"] == 6 and out.exists()
    assert run_cli("audit", "verify", workspace=workspace.path).code == 0


def test_cli_refusals_exit_1_with_the_reason(workspace, tmp_path):
    path = write_csv(tmp_path / "nolot.csv", [[c for c in LONG_HEADER if c != "Lô vắc xin"]])
    result = run_cli("--json", "import", str(path), workspace=workspace.path)
    assert result.code == 1 and "Traceback" not in result.stderr
    assert result.json["error"]["code"] == "missing_columns"
    assert "Lô vắc xin" in result.stderr
    mapped = run_cli("--json", "import", str(path), "--map", "lot=Nowhere", workspace=workspace.path)
    assert mapped.code == 1 and mapped.json["error"]["code"] == "unknown_column"
    assert run_cli("import", "--map", "bad", str(path), workspace=workspace.path).code == 1


def test_cli_preview_and_mapping(workspace, tmp_path):
    rows = [list(r) for r in mixed_rows()[:3]]
    rows[0][6] = "Mã SX"
    path = write_xlsx(tmp_path / "m.xlsx", rows)
    preview = run_cli("--json", "import", str(path), "--preview", workspace=workspace.path).json
    assert preview["missing"] == ["lot"]
    done = run_cli("--json", "import", str(path), "--map", "lot=G", workspace=workspace.path)
    assert done.code == 0 and done.json["accepted"] == 2
