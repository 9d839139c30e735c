"""The check before loading: counts over the whole file, problem cells of the first rows, CSV and .xlsx."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.importer import import_file
from desktop.importer.preview import check_file, date_form
from tests.unit.importer.listfiles import (
    LONG_HEADER,
    PL1_TEMPLATE,
    pl1_header_rows,
    pl1_person,
    write_csv,
    write_xls,
    write_xlsx,
)

TODAY = dt.date(2026, 1, 15)
GOOD = ["VN-1", "Nguyễn Văn An", "12/05/1990", "Nam", "001090012345", "AstraZeneca", "ABV1", "1", "01/09/2021"]


def _row(n: int, **changes: object) -> list:
    row: list = [f"VN-{n}", "Nguyễn Văn An", "12/05/1990", "Nam", f"0010900{n:05d}", "AstraZeneca", "ABV1", "1",
                 "01/09/2021"]
    for key, value in changes.items():
        row[{"dob": 2, "sex": 3, "id": 4, "vaccine": 5, "date": 8}[key]] = value
    return row


ROWS = [
    _row(1),
    _row(2, date=44561),  # an Excel day number (31/12/2021)
    _row(3, sex="X"),
    _row(4, vaccine="Nanocovax"),
    _row(5, id="12345"),
    _row(6, id="1090012346"),  # a CCCD that lost its leading zeros
    _row(7, date="2021-09-07"),  # another date form in the same column
]


def _write(kind: str, tmp_path, rows: list[list]):
    if kind == "csv":
        return write_csv(tmp_path / "list.csv", [LONG_HEADER, *rows])
    return write_xlsx(tmp_path / "list.xlsx", [LONG_HEADER, *rows])


def _codes_at(check, row: int) -> dict[str, tuple[int | None, str, str]]:
    return {p.code: (p.column, p.field, p.severity) for p in check.problems if p.row == row}


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_each_problem_is_placed_on_its_cell(kind, tmp_path):
    check = check_file(_write(kind, tmp_path, ROWS), today=TODAY)
    assert check is not None
    assert (check.rows, check.rejected, check.loadable) == (7, 2, 5)
    assert [r.row for r in check.shown] == [2, 3, 4, 5, 6, 7, 8]
    assert _codes_at(check, 2) == {}
    assert _codes_at(check, 3)["excel_serial"] == (8, "vaccination_date", "warning")
    assert _codes_at(check, 4) == {"bad_sex": (3, "sex", "rejected")}
    assert _codes_at(check, 5) == {"unknown_vaccine": (5, "vaccine", "rejected")}
    assert _codes_at(check, 6)["id_invalid"] == (4, "id_number", "warning")
    assert _codes_at(check, 7)["id_restored"] == (4, "id_number", "warning")
    assert _codes_at(check, 8)["mixed_date_forms"] == (8, "vaccination_date", "warning")
    assert [(c.code, c.column) for c in check.columns] == [("mixed_date_forms", 8)]
    counts = dict(check.counts)
    assert counts["bad_sex"] == counts["unknown_vaccine"] == counts["excel_serial"] == 1
    assert check.warned == 3  # the day number, the invalid ID, the restored ID (a column's forms are told apart)


def test_messages_say_problem_and_fix_in_both_languages(tmp_path):
    check = check_file(_write("csv", tmp_path, ROWS), today=TODAY)
    serial = next(p for p in check.problems if p.code == "excel_serial")
    assert "31/12/2021" in serial.message.vi and "Excel" in serial.message.vi
    assert "day number" in serial.message.en and "dd/mm/yyyy" in serial.fix.en
    sex = next(p for p in check.problems if p.code == "bad_sex")
    assert "“X”" in sex.message.vi and sex.fix.vi == "Chọn Nam hoặc Nữ."
    vaccine = next(p for p in check.problems if p.code == "unknown_vaccine")
    assert "danh mục" in vaccine.fix.vi and "catalogue" in vaccine.fix.en


def test_counts_cover_rows_past_the_shown_ones(tmp_path):
    rows = [_row(n) for n in range(1, 200)] + [_row(300, sex="X"), _row(301, date=44561)]
    check = check_file(_write("csv", tmp_path, rows), shown=20, today=TODAY)
    assert check.rows == 201 and len(check.shown) == 20
    assert check.rejected == 1 and dict(check.counts)["excel_serial"] == 1
    assert not check.problems  # the problems lie beyond the first 20 rows


def test_the_check_agrees_with_the_import(workspace, tmp_path):
    path = _write("xlsx", tmp_path, ROWS)
    check = check_file(path, today=TODAY)
    result = import_file(workspace, path, "lan", today=TODAY)
    assert (result.rows, result.rejected, result.accepted) == (check.rows, check.rejected, check.loadable)


def test_real_excel_date_cells_are_one_form(tmp_path):
    rows = [_row(n, date=dt.datetime(2021, 9, n)) for n in range(1, 5)]
    check = check_file(_write("xlsx", tmp_path, rows), today=TODAY)
    assert not check.problems and not check.columns and check.loadable == 4


def test_a_file_without_its_columns_gives_no_check(tmp_path):
    path = write_csv(tmp_path / "x.csv", [["Họ và tên", "Ngày sinh"], ["An", "1990"]])
    assert check_file(path) is None


@pytest.mark.parametrize(("value", "form"), [
    ("31/12/2021", "dmy"), ("2021-12-31", "ymd"), (44561, "serial"), ("44561", "serial"), (44561.0, "serial"),
    (dt.date(2021, 12, 31), "cell"), ("1990", "partial"), (1990, "partial"), ("05/1990", "partial"), ("abc", None),
])
def test_date_forms(value, form):
    assert date_form(value) == form


TEMPLATE = PL1_TEMPLATE


@pytest.mark.skipif(not TEMPLATE.exists(), reason="shared contracts not present")
def test_platform_template_problems_land_in_their_dose_block(workspace, tmp_path):
    rows = pl1_header_rows()
    rows.append(pl1_person(1, "Nguyễn Văn An", "12/05/1990", "0", "001090012345",
                            [("AstraZeneca", "01/08/2021", "A1"), ("Nanocovax", "01/09/2021", "N2")]))
    rows.append(pl1_person(2, "Trần Thị Bình", "1985", "1", "001185012346",
                            [("Nanocovax", "01/08/2021", "N1"), ("Nanocovax", 44470, "N2")]))
    path = write_xls(tmp_path / "pl1.xls", rows)
    check = check_file(path, today=TODAY)
    assert (check.rows, check.rejected) == (2, 2)
    placed = sorted((p.row, p.column, p.code) for p in check.problems)
    assert placed == [(9, 21, "unknown_vaccine"), (10, 17, "unknown_vaccine"), (10, 21, "unknown_vaccine"),
                      (10, 22, "excel_serial")]
    result = import_file(workspace, path, "lan", today=TODAY)
    assert (result.rows, result.rejected) == (check.rows, check.rejected)


def test_numbers_as_excel_stores_them(tmp_path):
    rows = [_row(1, id=1090012347, date=44561.0), _row(2, dob=32874)]
    check = check_file(_write("xlsx", tmp_path, rows), today=TODAY)
    assert _codes_at(check, 2) == {"id_restored": (4, "id_number", "warning"),
                                   "excel_serial": (8, "vaccination_date", "warning")}
    assert _codes_at(check, 3) == {"excel_serial": (2, "date_of_birth", "warning")}
    assert "01/01/1990" in check.problems[-1].message.vi
