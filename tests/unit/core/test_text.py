"""One home for text rules: the importer, the registry comparison and certificate search fold alike."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.text import fold, nfc, tidy, title_name

NAME = "Nguyễn Thị Hồng Nhung"
NFD = unicodedata.normalize("NFD", NAME)


def test_nfc_and_tidy():
    assert nfc(NFD) == NAME and nfc(None) == ""
    assert tidy(NFD + "\u00a0 ") == NAME
    assert tidy("\u200bĐặng\u00ad  Văn\tĐức\ufeff") == "Đặng Văn Đức"
    assert tidy(None) == "" and tidy(12) == "12"
    assert unicodedata.is_normalized("NFC", tidy(NFD))


@pytest.mark.parametrize(("text", "folded"), [
    ("Đặng Văn Đức", "dang van duc"),
    (NFD, "nguyen thi hong nhung"),
    (NFD.upper(), "nguyen thi hong nhung"),
    ("  Nguyễn   Thuý ", "nguyen thuy"),
    ("Nguyễn Thúy", "nguyen thuy"),  # old and new tone placement fold alike
    ("ÐINH ðức", "dinh duc"),  # the look-alike eth is a D too
    ("Lê Ngọc Ánh", "le ngoc anh"),
    ("plain ASCII", "plain ascii"),
    ("", ""), (None, ""),
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_every_user_of_folding_agrees():
    """The stored ``name_folded``, the registry comparison and the search query fold the same way."""
    from desktop.certificates.search import parse_query
    from desktop.registry import compare

    for name in ("Đặng Văn Đức", NFD, "  Trần   Thị Ðào "):
        assert parse_query(name).value == compare.fold(name) == fold(name)
    assert compare.name_kind("Nguyen Thi Hong Nhung", NAME) == "accents"
    assert compare.name_kind(NFD.upper(), NAME) == "format"


@pytest.mark.parametrize(("text", "titled"), [
    ("NGUYỄN thị hồng", "Nguyễn Thị Hồng"),
    ("trần  văn an", "Trần Văn An"),
    ("nguyễn-lê minh", "Nguyễn-Lê Minh"),
    ("o'brien", "O'brien"),
])
def test_title_name(text, titled):
    assert title_name(text) == titled
