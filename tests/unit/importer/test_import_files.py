"""Every layout, file form, encoding and delimiter, with real files written here, and the real PL1 template."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.importer import import_file, preview_file
from desktop.models import VaccinationRecord
from tests.unit.importer.listfiles import (
    LONG_HEADER,
    PL1_TEMPLATE,
    pl1_header_rows,
    pl1_person,
    write_csv,
    write_xls,
    write_xlsx,
)

TEMPLATE = PL1_TEMPLATE


def records(ws) -> list[VaccinationRecord]:
    with ws.db.session() as s:
        return list(s.execute(select(VaccinationRecord).order_by(VaccinationRecord.source_row,
                                                                 VaccinationRecord.dose_number)).scalars())


def check_good_records(ws) -> None:
    got = records(ws)
    assert [(r.full_name, r.date_of_birth, r.sex, r.id_number, r.id_kind, r.vaccine_mp, r.dose_number, r.dn, r.sd,
             r.vaccination_date) for r in got] == [
        ("Nguyễn Văn An", "1990-05-12", "M", "001090012345", "cccd", "EU/1/21/1529", 1, 1, 2, "2021-09-01"),
        ("Trần Thị Bình", "1985", "F", "001185012346", "cccd", "EU/1/20/1528", 2, 2, 2, "2021-09-02"),
        ("Lê Đức Hùng", "1975-04-03", "M", "001075012347", "cccd", "BBIBP-CorV", 3, 3, 3, "2021-09-03"),
    ]
    assert got[2].name_folded == "le duc hung"
    assert all(r.facility_code == "01001" and r.check_status == "unchecked" and r.stage == "loaded" for r in got)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_long_csv_every_encoding_and_delimiter(workspace, tmp_path, long_rows, encoding, delimiter, today):
    rows = long_rows
    if encoding == "cp1258":  # Windows-1258 writes tone marks as combining characters
        rows = [[unicodedata.normalize("NFD", c) for c in r] for r in rows]
    path = write_csv(tmp_path / "list.csv", rows, encoding, delimiter)
    preview = preview_file(path)
    assert preview.delimiter == delimiter and preview.layout == "long" and not preview.missing
    result = import_file(workspace, path, "lan", today=today)
    assert (result.rows, result.accepted, result.rejected, result.duplicates) == (3, 3, 0, 0), result.errors
    check_good_records(workspace)


def test_cp1258_is_detected(tmp_path, long_rows):
    rows = [[unicodedata.normalize("NFD", c) for c in r] for r in long_rows]
    preview = preview_file(write_csv(tmp_path / "l.csv", rows, "cp1258", ";"))
    assert preview.encoding == "cp1258"
    assert preview.rows[0][1] == "Nguyễn Văn An"


def test_long_xlsx_with_title_rows_numbers_and_dates(workspace, tmp_path, today):
    rows = [["DANH SÁCH TIÊM CHỦNG NGÀY 01/09/2021"], [], ["STT"] + LONG_HEADER,
            [1, "VN-1", "nguyễn  văn\u00a0an", dt.datetime(1990, 5, 12), "Nam", 1090012345, "AstraZeneca", "ABV123", 1,
             dt.datetime(2021, 9, 1)],
            [2, "VN-2", "TRẦN THỊ BÌNH", 1985, "Nữ", "001185012346", "Pfizer", "FF100", 2.0, 44441],
            [3, "VN-3", "Lê Đức Hùng", "3/4/1975", "M", "001075012347", "Vero Cell", "2021A", "3", "3/9/2021"],
            [None] * 10, ["Tổng cộng: 3", None, None]]
    path = write_xlsx(tmp_path / "list.xlsx", rows)
    result = import_file(workspace, path, "lan", today=today)
    assert (result.rows, result.accepted, result.rejected) == (3, 3, 0), result.errors
    assert result.ignored_rows == [8]
    assert [w["code"] for w in result.warnings] == ["id_restored"]
    assert result.warnings[0]["row"] == 4
    check_good_records(workspace)


def test_xls_long_layout(workspace, tmp_path, long_rows, today):
    path = write_xls(tmp_path / "list.xls", long_rows)
    result = import_file(workspace, path, "lan", today=today)
    assert result.accepted == 3, result.errors
    check_good_records(workspace)


@pytest.mark.skipif(not TEMPLATE.exists(), reason="shared contracts not present")
def test_real_pl1_template_is_recognised():
    preview = preview_file(TEMPLATE)
    assert preview.layout == "pl1" and preview.header_row == 7 and not preview.missing
    assert preview.mapping["full_name"] == 1 and preview.mapping["id_number"] == 7
    assert preview.doses == {1: {"vaccine": 17, "vaccination_date": 18, "lot": 19, "facility_code": 20},
                             2: {"vaccine": 21, "vaccination_date": 22, "lot": 23, "facility_code": 24}}


@pytest.mark.skipif(not TEMPLATE.exists(), reason="shared contracts not present")
def test_filled_pl1_template_one_person_two_doses(workspace, tmp_path, today):
    rows = pl1_header_rows()
    rows.append(pl1_person(1, "Nguyễn Văn An", "12/05/1990", "0", "001090012345",
                            [("AstraZeneca", "01/08/2021", "ABV1"), ("AstraZeneca", "01/09/2021", "ABV2")]))
    rows.append(pl1_person(2, "Trần Thị Bình", "1985", "1", 1185012346.0, [("Janssen", "02/09/2021", "J1")]))
    rows.append([3])  # a pre-numbered empty row of the template
    merges = [(6, 7, 0, 0), (6, 7, 1, 1), (6, 6, 9, 16), (6, 6, 18, 20), (6, 6, 22, 24), (0, 0, 0, 18)]
    path = write_xls(tmp_path / "pl1.xls", rows, merges)
    result = import_file(workspace, path, "lan", today=today)
    assert (result.layout, result.rows, result.accepted, result.records) == ("pl1", 2, 2, 3), result.errors
    got = records(workspace)
    assert [(r.source_row, r.dose_number, r.dn, r.sd, r.vaccination_date, r.facility_code, r.province_code) for r in got] == [
        (9, 1, 1, 2, "2021-08-01", "01001", "01"), (9, 2, 2, 2, "2021-09-01", "01001", "01"),
        (10, 1, 1, 1, "2021-09-02", "01001", "01")]
    assert got[2].id_number == "001185012346" and got[2].sex == "F"


@pytest.mark.skipif(not TEMPLATE.exists(), reason="shared contracts not present")
def test_pl1_row_with_a_bad_dose_is_rejected_whole(workspace, tmp_path, today):
    rows = pl1_header_rows()
    rows.append(pl1_person(1, "Nguyễn Văn An", "12/05/1990", "0", "001090012345",
                            [("AstraZeneca", "01/08/2021", "ABV1"), ("Nanocovax", "01/09/2021", "N2")]))
    path = write_xls(tmp_path / "pl1.xls", rows)
    result = import_file(workspace, path, "lan", today=today)
    assert (result.rejected, result.records) == (1, 0)
    assert result.errors[0]["code"] == "unknown_vaccine" and result.errors[0]["value"] == "Nanocovax"
    assert result.errors[0]["column"].startswith("Tên vắc xin")


def test_headers_with_variants_in_any_order(workspace, tmp_path, today):
    header = ["  NGÀY TIÊM ", unicodedata.normalize("NFD", "Họ tên"), "giới  tính", "Ngày sinh", "CCCD", "Vắc xin",
              "Số lô", "Mũi tiêm thứ", "Mã bản ghi", "Cột lạ 1", "Cột lạ 2"]
    row = ["01/09/2021", "Phạm Minh", "nam", "01/01/1960", "001060000001", "Moderna", "M1", "1", "R-9", "x", "y"]
    path = write_csv(tmp_path / "v.csv", [header, row])
    result = import_file(workspace, path, "lan", today=today)
    assert result.accepted == 1, result.errors
    (rec,) = records(workspace)
    assert (rec.source_ref, rec.full_name, rec.vaccine_vp) == ("R-9", "Phạm Minh", "1119349007")


def test_hidden_sheet_first_and_junk_sheet_are_skipped(workspace, tmp_path, long_rows, today):
    path = write_xlsx(tmp_path / "h.xlsx", long_rows, before=[("Danh mục", [["Mã", "Tên"], ["1", "x"]], True),
                                                              ("Ghi chú", [["chỉ là ghi chú"]], False)])
    assert preview_file(path).sheet == "Danh sách"
    assert import_file(workspace, path, "lan", today=today).accepted == 3


def test_merged_cells_in_data_repeat_their_value(workspace, tmp_path, today):
    rows = [LONG_HEADER,
            ["VN-1", "Nguyễn Văn An", "12/05/1990", "Nam", "001090012345", "AstraZeneca", "ABV1", 1, "01/08/2021"],
            ["VN-2", None, None, None, None, "AstraZeneca", "ABV2", 2, "01/09/2021"]]
    path = write_xlsx(tmp_path / "m.xlsx", rows, merges=["B2:B3", "C2:C3", "D2:D3", "E2:E3"])
    result = import_file(workspace, path, "lan", today=today)
    assert result.accepted == 2, result.errors
    assert {r.full_name for r in records(workspace)} == {"Nguyễn Văn An"}


def test_formulas_give_their_values(workspace, tmp_path, today):
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "f.xlsx", [LONG_HEADER,
                                            ["VN-1", "Nguyễn Văn An", "12/05/1990", "Nam", "001090012345", "Pfizer",
                                             "=\"FF\"&\"1\"", "=1+1", "01/09/2021"]])
    # openpyxl stores no cached result: a formula without a value is an empty cell, so the row says what is missing
    result = import_file(workspace, path, "lan", today=today)
    assert result.rejected == 1 and {e["code"] for e in result.errors} == {"required"}
    book = load_workbook(path)
    assert book.active["G2"].value.startswith("=")


def test_fifty_columns_of_junk_around_the_list(workspace, tmp_path, today):
    junk = [f"Cột {i}" for i in range(50)]
    rows = [junk + LONG_HEADER]
    rows.append([f"j{i}" for i in range(50)] + ["VN-1", "Nguyễn Văn An", "12/05/1990", "Nam", "001090012345",
                                                 "Pfizer", "FF1", "1", "01/09/2021"])
    result = import_file(workspace, write_csv(tmp_path / "j.csv", rows), "lan", today=today)
    assert result.accepted == 1


def test_preview_shows_first_rows_and_mapping(tmp_path, long_rows):
    preview = preview_file(write_csv(tmp_path / "p.csv", long_rows))
    assert preview.ok and preview.header_row == 1
    assert preview.mapping["vaccine"] == 5 and preview.rows[0][1] == "Nguyễn Văn An"
    assert preview.as_dict()["missing"] == []


def test_missing_column_names_it_and_the_headers_seen(workspace, tmp_path, long_rows):
    from desktop.errors import UserError

    rows = [r[:6] + r[7:] for r in long_rows]  # no lot column
    path = write_csv(tmp_path / "nolot.csv", rows)
    with pytest.raises(UserError) as info:
        import_file(workspace, path, "lan")
    assert info.value.code == "missing_columns"
    assert info.value.details["missing"] == ["lot"]
    assert "Mũi số" in info.value.details["headers"]
    assert "Lô vắc xin" in info.value.message.vi and "Lot number" in info.value.message.en
    assert preview_file(path).missing == ["lot"]


def test_clerk_maps_an_unrecognised_column(workspace, tmp_path, long_rows, today):
    rows = [list(r) for r in long_rows]
    rows[0][6] = "Mã SX"  # the lot column under a name nobody would guess
    path = write_csv(tmp_path / "m.csv", rows)
    assert preview_file(path).missing == ["lot"]
    assert preview_file(path, {"lot": 6}).ok
    result = import_file(workspace, path, "lan", column_map={"lot": "Mã SX"}, today=today)
    assert result.accepted == 3
    with workspace.db.session() as s:
        assert s.execute(select(func.count()).select_from(VaccinationRecord).where(VaccinationRecord.lot == "ABV123")).scalar() == 1


def test_no_header_at_all_can_be_mapped_by_letter(workspace, tmp_path, today):
    rows = [["Nguyễn Văn An", "12/05/1990", "Nam", "001090012345", "Pfizer", "FF1", "1", "01/09/2021"],
            ["Trần Thị Bình", "01/01/1980", "Nữ", "001180012345", "Pfizer", "FF1", "1", "01/09/2021"]]
    path = write_csv(tmp_path / "nohdr.csv", [["Họ", "x", "y", "z", "w", "v", "u", "t"]] + rows)
    mapping = {"full_name": "A", "date_of_birth": "B", "sex": "C", "id_number": "D", "vaccine": "E", "lot": "F",
               "dose_number": "G", "vaccination_date": "H"}
    result = import_file(workspace, path, "lan", column_map=mapping, today=today)
    assert result.accepted == 2, result.errors


def test_source_row_is_the_spreadsheet_row(workspace, tmp_path, today):
    rows = [["Tiêu đề"], [], [], ["STT"] + LONG_HEADER,
            [1, "VN-1", "Nguyễn Văn An", "12/05/1990", "Nam", "001090012345", "Pfizer", "FF1", 1, "01/09/2021"]]
    import_file(workspace, write_xlsx(tmp_path / "r.xlsx", rows), "lan", today=today)
    assert records(workspace)[0].source_row == 5


def test_tsv_utf16_like_excel_unicode_text(workspace, tmp_path, long_rows, today):
    path = write_csv(tmp_path / "unicode.txt", long_rows, "utf-16", "\t")
    assert Path(path).read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert import_file(workspace, path, "lan", today=today).accepted == 3
