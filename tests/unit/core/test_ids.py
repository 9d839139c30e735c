"""One CCCD rule: the 4th digit encodes century and sex, the 5th-6th the year of birth.

The importer's warning and the registry check's ``id: inconsistent`` both read it from
``desktop.ids``; the tests at the end hold both to the same answer.
"""

from __future__ import annotations

import pytest

from desktop.ids import cccd_century_digit, cccd_century_sex, cccd_inconsistency, cccd_province_ok, mask_id


@pytest.mark.parametrize(("digit", "expected"), [
    (0, (1900, "M")), (1, (1900, "F")), (2, (2000, "M")), (3, (2000, "F")), (4, (2100, "M")), (5, (2100, "F")),
    (6, (2200, "M")), (7, (2200, "F")), (8, (2300, "M")), (9, (2300, "F")),
])
def test_the_fourth_digit_encodes_century_and_sex(digit, expected):
    assert cccd_century_sex(digit) == expected
    assert cccd_century_digit(*expected) == digit


@pytest.mark.parametrize(("number", "sex", "dob", "problems"), [
    ("001090012345", "M", "1990-05-12", []),
    ("001190012345", "F", "1990", []),
    ("001201012345", "M", "2001-01-01", []),
    ("001301012345", "F", "2001-01", []),
    ("001290012345", "M", "2090-01-01", []),
    ("001090012345", "F", "1990-05-12", ["sex"]),
    ("001091012345", "M", "1990-05-12", ["year"]),
    ("001090012345", "M", "1991-05-12", ["year"]),
    ("001205012345", "M", "1905-01-01", ["century"]),
    ("001090012345", "M", "2090-05-12", ["century"]),  # the digit says 1900s
    ("001290012345", "F", "1990-01-01", ["sex", "century"]),
    ("001890012345", "M", "1890-01-01", ["century"]),  # 8 is the 2300s, never the 1800s
    ("001790012345", "F", "", ["century"]),  # a century still to come fits no one alive
    ("001790012345", "M", "1990-01-01", ["sex", "century"]),
    ("001090012345", "", "", []),  # nothing to compare with
    ("012345678", "F", "1990", []),  # a CMND carries neither
    ("B1234567", "F", "1990", []),
    ("", "F", "1990", []),
    (None, None, None, []),
])
def test_cccd_digits_against_sex_and_birth(number, sex, dob, problems):
    assert cccd_inconsistency(number, sex, dob) == problems


def test_province_codes():
    assert cccd_province_ok("001090012345") and cccd_province_ok("096090012345")
    assert not cccd_province_ok("000090012345") and not cccd_province_ok("097090012345")


def test_mask_id_hides_the_middle():
    assert mask_id("001090012345") == "001*******45"
    assert "0900123" not in mask_id("001090012345")
    assert mask_id("12345") == "*****" and mask_id(None) == ""


def _import_one_row(workspace, tmp_path, id_number: str, sex: str, dob: str):
    from desktop.importer import import_file

    path = tmp_path / "list.csv"
    path.write_text(
        "Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mũi số,Tên vắc xin,Số lô,Ngày tiêm,Mã cơ sở\n"
        f"Nguyễn Văn An,{dob},{sex},{id_number},1,AstraZeneca,AB1234,15/09/2021,01001\n",
        encoding="utf-8")
    return import_file(workspace, path, actor="test")


@pytest.mark.parametrize(("id_number", "sex", "dob", "inconsistent"), [
    ("001090012345", "Nam", "12/05/1990", False),
    ("001090012345", "Nữ", "12/05/1990", True),  # sex
    ("001290012345", "Nam", "12/05/1990", True),  # century
    ("001890012345", "Nam", "12/05/1990", True),  # a century to come
    ("001191012345", "Nữ", "12/05/1990", True),  # year
])
def test_the_importer_and_the_registry_check_agree(workspace, tmp_path, id_number, sex, dob, inconsistent):
    from sqlalchemy import select

    from desktop.models import VaccinationRecord
    from desktop.registry.compare import Person, id_differences

    _import_one_row(workspace, tmp_path, id_number, sex, dob)
    with workspace.db.session() as session:
        record = session.execute(select(VaccinationRecord)).scalar_one()
        assert record.id_number == id_number
        flagged = "cccd_inconsistent" in (record.flags or [])
        person = Person(record.full_name, record.date_of_birth, record.sex, record.id_number)
    registry_says = any(d["kind"] == "inconsistent" for d in id_differences(person, None))
    assert flagged == registry_says == inconsistent
