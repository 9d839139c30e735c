from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook

from desktop.errors import UserError
from desktop.i18n import set_language
from desktop.overview import STATES, todays_picture
from desktop.reports import day_report
from desktop.reports.pdf import write_pdf
from desktop.reports.workbook import write_workbook
from tests.unit.reports.demo_day import DAY, DAY_BEFORE, build_demo_day


@pytest.fixture
def demo(workspace):
    return build_demo_day(workspace)


def test_day_report_numbers_equal_the_overview(workspace, demo):
    picture = todays_picture(workspace, lists=10, days=10)
    report = day_report(workspace, DAY_BEFORE, DAY)
    assert report.total.states == picture.totals
    by_list = {row.list_id: row.counts for row in picture.by_list}
    assert {s.list_id: s.states for s in report.lists} == by_list
    by_day = {row.vaccination_date: row.counts for row in picture.by_day}
    assert {d.vaccination_date: d.states for d in report.days} == by_day


def test_one_day_counts_per_list(workspace, demo):
    report = day_report(workspace, DAY)
    assert [s.file_name for s in report.lists] == ["Danh sách sáng.xlsx", "ds-chieu.csv"]
    morning, afternoon = report.lists
    # 22 morning records; the superseded afternoon ones are history, not counted
    assert (morning.records, afternoon.records, report.total.records) == (22, 6, 28)
    assert (morning.rows_rejected, afternoon.rows_rejected, report.total.rows_rejected) == (3, 1, 4)
    assert morning.checks == {"unchecked": 3, "matched": 13, "mismatch": 5, "not_found": 1, "invalid_id": 0}
    assert morning.decisions == {"accept_registry": 2, "keep_list": 0, "edit": 0, "reject": 1, "defer": 1}
    assert morning.states == {"loaded": 3, "needs_review": 3, "ready_to_sign": 6, "signed": 2, "sent": 1,
                              "certified": 5, "rejected": 2}
    assert (morning.signed, morning.certified, morning.printed) == (9, 5, 4)
    assert (afternoon.signed, afternoon.certified, afternoon.printed) == (3, 3, 0)
    assert [(v.vaccine, v.dose_number, v.records, v.signed, v.certified, v.printed) for v in report.vaccines] == [
        ("Moderna (Spikevax)", 2, 6, 3, 3, 0), ("Pfizer-BioNTech (Comirnaty)", 1, 22, 9, 5, 4)]


def test_workbook_holds_the_same_numbers(workspace, demo, tmp_path):
    report = day_report(workspace, DAY)
    out = write_workbook(report, tmp_path / "bao-cao.xlsx")
    book = load_workbook(out, read_only=True)
    lists = list(book.worksheets[0].iter_rows(values_only=True))
    header = lists[5]
    rows = {row[0]: dict(zip(header, row, strict=False)) for row in lists[6:]}
    morning = rows["Danh sách sáng.xlsx"]
    assert morning["Bản ghi"] == 22 and morning["Dòng bị loại khi nhập"] == 3
    assert morning["Khớp"] == 13 and morning["Sai lệch"] == 5 and morning["Theo CSDL dân cư"] == 2
    assert morning["Đã ký số"] == 9 and morning["Đã cấp chứng nhận"] == 5 and morning["Đã in"] == 4
    total = rows["Tổng cộng"]
    picture = todays_picture(workspace, lists=10, days=10)
    day_row = next(d for d in picture.by_day if d.vaccination_date == DAY)
    from desktop.overview import state_label

    assert {s: total[str(state_label(s))] for s in STATES} == day_row.counts
    vaccines = list(book.worksheets[2].iter_rows(values_only=True))[6:]
    assert vaccines == [("Moderna (Spikevax)", 2, 6, 3, 3, 0), ("Pfizer-BioNTech (Comirnaty)", 1, 22, 9, 5, 4)]
    book.close()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_holds_the_same_numbers_and_vietnamese_text(workspace, demo, tmp_path):
    report = day_report(workspace, DAY)
    out = write_pdf(report, tmp_path / "bao-cao.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "Báo cáo cấp chứng nhận tiêm chủng COVID-19" in text
    assert "Bệnh viện Bạch Mai" in text

    def numbers(starting: str) -> list[list[int]]:
        return [[int(x) for x in line.split() if x.isdigit()] for line in text.splitlines()
                if line.strip().startswith(starting)]

    checks, decisions, progress_row = numbers("Danh sách sáng.xlsx")
    assert checks == [22, 3, 3, 13, 5, 1, 0]  # records, rows rejected, the five check statuses
    assert decisions == [2, 0, 0, 1, 1]
    assert progress_row == [3, 3, 6, 2, 1, 5, 2, 9, 4]
    assert numbers("Pfizer-BioNTech (Comirnaty)") == [[1, 22, 9, 5, 4]]
    progress = numbers("Tổng cộng")[2]
    picture = todays_picture(workspace, lists=10, days=10)
    day_row = next(d for d in picture.by_day if d.vaccination_date == DAY)
    assert progress[:7] == [day_row.counts[s] for s in STATES]


def test_english_report(workspace, demo, tmp_path):
    set_language("en")
    out = write_workbook(day_report(workspace, DAY), tmp_path / "report.xlsx")
    book = load_workbook(out, read_only=True)
    header = list(book.worksheets[0].iter_rows(values_only=True))[5]
    assert "Rows rejected at loading" in header and "Accept registry" in header
    book.close()


def test_period_is_checked(workspace):
    with pytest.raises(UserError) as err:
        day_report(workspace, "2026-11-20", "2026-11-19")
    assert err.value.code == "bad_period"
    with pytest.raises(UserError):
        day_report(workspace, "31/02/2026")
    assert day_report(workspace, "20/11/2026").date_from == "2026-11-20"
    assert day_report(workspace).date_from == date.today().isoformat()
