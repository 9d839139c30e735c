"""Normalisation rules of one cell at a time: text, names, dates, sex, ID numbers, doses, headers."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from desktop.importer.fields import field_for_header, is_dose_block
from desktop.importer.text import cell_text, clean, header_key
from desktop.importer.values import (
    BadValue,
    parse_date,
    parse_dose,
    parse_id,
    parse_nationality,
    parse_sex,
)
from desktop.text import fold, title_name


def test_clean_makes_nfc_and_collapses_every_space():
    nfd = unicodedata.normalize("NFD", "Nguyễn  Thị\u00a0Hồng\tNhung ")
    assert clean(nfd) == "Nguyễn Thị Hồng Nhung"
    assert unicodedata.is_normalized("NFC", clean(nfd))
    assert clean("\u200bAn\ufeff") == "An"
    assert clean(None) == "" and cell_text(None) == ""
    assert cell_text("  a   b ") == "a b"


def test_neutralised_cells_come_back_as_written():
    assert clean("'=SUM(A1)") == "=SUM(A1)"
    assert cell_text("'+84912345678") == "+84912345678"
    assert clean("'Apostrophe") == "'Apostrophe"


def test_fold_removes_marks_and_d_stroke():
    assert fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert fold(unicodedata.normalize("NFD", "Đặng Thị Thuý")) == "dang thi thuy"
    assert fold("ĐỖ") == "do"


@pytest.mark.parametrize("raw,expected", [
    ("NGUYỄN THỊ HỒNG NHUNG", "Nguyễn Thị Hồng Nhung"),
    ("đặng văn đức", "Đặng Văn Đức"),
    ("lê thị ánh-dương", "Lê Thị Ánh-Dương"),
    ("o'neil john", "O'neil John"),
])
def test_title_case_as_vietnamese_writes_names(raw, expected):
    assert title_name(raw) == expected


@pytest.mark.parametrize("value,expected", [
    ("12/05/1990", "1990-05-12"), ("2/3/1975", "1975-03-02"), ("1990-05-12", "1990-05-12"),
    ("12.05.1990", "1990-05-12"), ("12-05-1990", "1990-05-12"), ("1985", "1985"), ("05/1985", "1985-05"),
    ("2021-09-01 00:00:00", "2021-09-01"), (33005, "1990-05-12"), (33005.0, "1990-05-12"),
    (44440.75, "2021-09-01"), ("44440", "2021-09-01"), (1985.0, "1985"),
    (dt.datetime(2021, 9, 1, 8, 30), "2021-09-01"), (dt.date(1990, 5, 12), "1990-05-12"),
])
def test_dates_in_every_form(value, expected):
    assert parse_date(value, partial_ok=True) == expected


@pytest.mark.parametrize("value,code", [
    ("31/02/1990", "bad_date"), ("hôm qua", "bad_date"), ("12/05/90", "date_short_year"), ("", "required"),
    ("13/13/2021", "bad_date"),
])
def test_bad_dates_say_why(value, code):
    with pytest.raises(BadValue) as info:
        parse_date(value, partial_ok=True)
    assert info.value.code == code


def test_vaccination_date_must_be_full():
    with pytest.raises(BadValue) as info:
        parse_date("2021", partial_ok=False)
    assert info.value.code == "date_year_only"


def test_excel_serials_before_the_phantom_leap_day():
    assert parse_date(1, partial_ok=True) == "1900-01-01"
    assert parse_date(61, partial_ok=True) == "1900-03-01"


@pytest.mark.parametrize("value,expected", [
    ("Nam", "M"), ("nữ", "F"), ("NU", "F"), ("0", "M"), ("1", "F"), (0.0, "M"), (1.0, "F"), ("M", "M"),
    ("F", "F"), (unicodedata.normalize("NFD", "Nữ"), "F"), ("Female", "F"),
])
def test_sex_codes(value, expected):
    assert parse_sex(value) == expected


def test_unknown_sex_is_refused():
    with pytest.raises(BadValue):
        parse_sex("X")


@pytest.mark.parametrize("value,number,kind,restored,problem", [
    ("001090012345", "001090012345", "cccd", False, ""),
    ("001 090 012 345", "001090012345", "cccd", False, ""),
    (1090012345.0, "001090012345", "cccd", True, ""),  # lost two zeros (province 001)
    ("1090012345", "001090012345", "cccd", True, ""),
    ("79090012345", "079090012345", "cccd", True, ""),  # lost one zero
    (79090012345, "079090012345", "cccd", True, ""),
    ("012345678", "012345678", "cmnd", False, ""),
    (12345678.0, "012345678", "cmnd", True, ""),
    ("b1234567", "B1234567", "passport", False, ""),
    ("M12345678", "M12345678", "passport", False, ""),
    ("", "", "", False, "id_missing"),
    ("12345", "12345", "", False, "id_invalid"),
    ("0010900123456", "0010900123456", "", False, "id_invalid"),
    ("099090012345", "099090012345", "", False, "id_invalid"),  # no province 099
    ("99090012345", "99090012345", "", False, "id_invalid"),  # 099 after restoring: not restored
    ("01090012345", "01090012345", "", False, "id_invalid"),  # 11 digits with a leading zero: not Excel
])
def test_id_numbers(value, number, kind, restored, problem):
    ident = parse_id(value)
    assert (ident.number, ident.kind, ident.restored, ident.problem) == (number, kind, restored, problem)


@pytest.mark.parametrize("value,expected", [(1, 1), (2.0, 2), ("3", 3), ("Mũi 2", 2), ("3 (nhắc lại)", 3)])
def test_dose_numbers(value, expected):
    assert parse_dose(value) == expected


@pytest.mark.parametrize("value", [0, 11, "mũi", 1.5, "-1"])
def test_bad_dose_numbers(value):
    with pytest.raises(BadValue):
        parse_dose(value)


def test_nationality():
    assert parse_nationality("") == "VN"
    assert parse_nationality("Việt Nam") == "VN"
    assert parse_nationality("Hàn Quốc") == "KR"
    assert parse_nationality("jp") == "JP"
    with pytest.raises(BadValue):
        parse_nationality("Atlantis")


@pytest.mark.parametrize("header,field", [
    ("Họ và tên (*)", "full_name"), ("HỌ TÊN", "full_name"), (unicodedata.normalize("NFD", "Họ tên"), "full_name"),
    ("Ngày sinh dạng dd/mm/yyyy (*)", "date_of_birth"), ("Giới tính (*)\n(0:nam, 1:nữ)", "sex"),
    ("Số CMT/CCCD\n(Loại 8/9/12 số)", "id_number"), ("Số định danh", "id_number"), ("Số hộ chiếu", "id_number"),
    ("Mã\n Tỉnh/Thành phố (*)", "province_code"), ("  Tên   vắc xin (*)\n(Tham khảo PL5)", "vaccine"),
    ("Lô vắc xin(*)", "lot"), ("Số lô", "lot"), ("Mũi tiêm thứ", "dose_number"), ("Mũi số", "dose_number"),
    ("Ngày tiêm dạng dd/mm/yyyy (*)", "vaccination_date"), ("Địa điểm tiêm (*)\n(Tham khảo PL4)", "facility_code"),
    ("Mã mũi tiêm", "source_ref"), ("SĐT", "phone"), ("Số thẻ BHYT", "insurance_number"), ("Quốc tịch", "nationality"),
    ("Tỉnh/Thành phố", None), ("Ghi chú", None), ("#", None), ("Kết quả import\n(không điền ô này)", None),
])
def test_headers_by_meaning(header, field):
    assert field_for_header(header) == field


def test_header_key_drops_hints_and_marks():
    assert header_key("Số điện thoại(*)\n(Tối thiểu 10 số)") == "so dien thoai"
    assert is_dose_block("Mũi 2") == 2 and is_dose_block("Mũi số") is None
