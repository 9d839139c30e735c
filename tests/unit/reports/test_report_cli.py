from __future__ import annotations

from openpyxl import load_workbook
from PIL import Image

from tests.helpers import run_cli
from tests.unit.reports.demo_day import DAY, DAY_BEFORE, build_demo_day


def test_report_commands(workspace, tmp_path):
    build_demo_day(workspace)
    ws = workspace.path
    day = run_cli("--json", "report", "day", "--from", "19/11/2026", "--to", DAY, "--out", str(tmp_path / "r.xlsx"),
                  workspace=ws)
    assert day.code == 0, day.stderr
    assert (day.json["date_from"], day.json["date_to"]) == (DAY_BEFORE, DAY)
    assert day.json["total"]["records"] == 35 and day.json["total"]["certified"] == 14
    book = load_workbook(tmp_path / "r.xlsx", read_only=True)
    assert [row[2] for row in book.worksheets[0].iter_rows(min_row=7, values_only=True)] == [7, 22, 6, 35]
    book.close()
    assert run_cli("report", "day", "--from", DAY, "--out", str(tmp_path / "r.pdf"), workspace=ws).code == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    register = run_cli("--json", "report", "register", "--out", str(tmp_path / "so.csv"), workspace=ws)
    assert register.json["certificates"] == 14
    chart = run_cli("report", "chart", "--by", "days", "--out", str(tmp_path / "c.png"), workspace=ws)
    assert chart.code == 0, chart.stderr
    with Image.open(tmp_path / "c.png") as image:
        assert image.format == "PNG"
    wrong = run_cli("report", "day", "--out", str(tmp_path / "r.docx"), workspace=ws)
    assert wrong.code == 1 and ".xlsx" in wrong.stderr
