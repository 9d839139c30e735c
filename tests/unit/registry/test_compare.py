"""The classification table of contracts/mismatch-kinds.md, with the Vietnamese specifics."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.registry.compare import Person, compare, dob_kind, edit_distance, fold, name_kind, status_for
from desktop.registry.precheck import id_kind, invalid_reason

NFD = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung")

NAMES = [
    # list, registry, kind
    ("Nguyễn Văn An", "Nguyễn Văn An", None),
    ("NGUYỄN VĂN AN", "Nguyễn Văn An", "format"),
    ("nguyễn  văn   an ", "Nguyễn Văn An", "format"),
    (NFD, "Nguyễn Thị Hồng Nhung", None),  # NFD input is the same text once composed
    (NFD.upper(), "Nguyễn Thị Hồng Nhung", "format"),
    ("Nguyen Van An", "Nguyễn Văn An", "accents"),
    ("Trần Thị Thúy", "Trần Thị Thuý", "accents"),  # tone placement, old vs new style
    ("Dang Minh Duc", "Đặng Minh Đức", "accents"),  # Đ/đ have no decomposition: mapped explicitly
    ("DANG MINH DUC", "Đặng Minh Đức", "accents"),
    ("Đăng Minh Đức", "Đặng Minh Đức", "accents"),
    ("Văn An Nguyễn", "Nguyễn Văn An", "order"),
    ("An Nguyen Van", "Nguyễn Văn An", "order"),
    ("Nguyễn Lan", "Nguyễn Thị Lan", "middle_name"),
    ("Nguyễn Thị Lan", "Nguyễn Lan", "middle_name"),
    ("Lê Bình", "Lê Văn Bình", "middle_name"),
    ("Phạm Hồng Nhung", "Phạm Thị Hồng Nhung", "middle_name"),
    ("Nguyễn Văn Anh", "Nguyễn Văn An", "typo"),
    ("Nguyễn Vna An", "Nguyễn Văn An", "typo"),  # two neighbours swapped: one edit
    ("Nguyen Van Am", "Nguyễn Văn An", "typo"),
    ("Nguyễn Văn Khánh", "Nguyễn Văn An", "different"),
    ("Trần Thị Lan", "Nguyễn Văn An", "different"),
]


@pytest.mark.parametrize(("listed", "registry", "kind"), NAMES)
def test_name_kinds(listed, registry, kind):
    assert name_kind(listed, registry) == kind


DOBS = [
    ("1990-05-12", "1990-05-12", None),
    ("1990", "1990-05-12", "partial"),
    ("1990-05", "1990-05-12", "partial"),
    ("1990-05-12", "1990", "partial"),
    ("1990-12-05", "1990-05-12", "swapped"),
    ("1990-01-01", "1990", "placeholder"),
    ("1990-01-01", "1990-05-12", "placeholder"),
    ("1991-05-12", "1990-05-12", "different"),
    ("1990-05-05", "1990-05-12", "different"),
    ("1991", "1990-05-12", "different"),
    ("1990-01-01", "1991", "different"),
]


@pytest.mark.parametrize(("listed", "registry", "kind"), DOBS)
def test_dob_kinds(listed, registry, kind):
    assert dob_kind(listed, registry) == kind


def test_fold_maps_d_with_stroke_and_removes_every_mark():
    assert fold("Đặng Thị Thuý") == "dang thi thuy"
    assert fold(unicodedata.normalize("NFD", "Đỗ Hữu Lộc")) == "do huu loc"


def test_edit_distance_counts_neighbour_swaps_as_one():
    assert edit_distance("an", "na") == 1
    assert edit_distance("nguyen", "ngyuen") == 1
    assert edit_distance("abc", "xyz") == 3


IDS = [
    ("001090012345", "VN", "cccd"),
    ("012345678", "VN", "cmnd"),
    ("C1234567", "VN", "passport"),
    ("123456789", "US", "passport"),
    ("X12345AB", "FR", "passport"),
    ("12345", "VN", None),
    ("0010900123456", "VN", None),
    ("00109001234A", "VN", None),
    ("", "VN", None),
]


@pytest.mark.parametrize(("number", "nationality", "kind"), IDS)
def test_id_formats(number, nationality, kind):
    assert id_kind(number, nationality) == kind
    assert (invalid_reason(number, nationality) is None) == (kind is not None)


def test_invalid_reason_is_bilingual_and_names_the_length():
    vi, en = invalid_reason("12345678901", "VN")
    assert "11" in vi and "11 digits" in en


def test_compare_lists_every_difference_and_status():
    listed = Person("Nguyen Van An", "1990-12-05", "F", "012345678")
    registry = Person("Nguyễn Văn An", "1990-05-12", "M", "001090012345")
    diffs = compare(listed, registry)
    assert [(d["field"], d["kind"]) for d in diffs] == [
        ("name", "accents"), ("dob", "swapped"), ("sex", "different"), ("id", "linked")]
    assert diffs[0] == {"field": "name", "kind": "accents", "list": "Nguyen Van An", "registry": "Nguyễn Văn An"}
    assert status_for(diffs) == "mismatch"


def test_format_only_is_matched_and_inconsistent_id_is_a_mismatch():
    registry = Person("Nguyễn Văn An", "1990-05-12", "M", "001090012345")
    diffs = compare(Person("NGUYỄN VĂN AN", "1990-05-12", "M", "001090012345"), registry)
    assert [d["kind"] for d in diffs] == ["format"] and status_for(diffs) == "matched"
    assert status_for([]) == "matched"
    diffs = compare(Person("Nguyễn Văn An", "1990-05-12", "M", "001190012345"),
                    Person("Nguyễn Văn An", "1990-05-12", "M", "001190012345"))
    assert [(d["field"], d["kind"]) for d in diffs] == [("id", "inconsistent")]
    assert status_for(diffs) == "mismatch"
