"""Vietnamese name order and ICAO 9303 transliteration (fnt/gnt)."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.dcc.names import icao_transliterate, normalise_name, split_vietnamese_name
from desktop.errors import UserError

VIETNAMESE = [
    # full name, fn, gn, fnt, gnt
    ("Nguyễn Thị Hồng Nhung", "Nguyễn", "Thị Hồng Nhung", "NGUYEN", "THI<HONG<NHUNG"),
    ("Nguyễn Văn Đức", "Nguyễn", "Văn Đức", "NGUYEN", "VAN<DUC"),
    ("Nguyễn Bảo Duy", "Nguyễn", "Bảo Duy", "NGUYEN", "BAO<DUY"),
    ("Đặng Thị Ánh Tuyết", "Đặng", "Thị Ánh Tuyết", "DANG", "THI<ANH<TUYET"),
    ("Trương Ưng Phước", "Trương", "Ưng Phước", "TRUONG", "UNG<PHUOC"),
    ("Lê Quý Đôn", "Lê", "Quý Đôn", "LE", "QUY<DON"),
    ("Bùi Xuân Hưởng", "Bùi", "Xuân Hưởng", "BUI", "XUAN<HUONG"),
    ("Huỳnh Đức Lộc", "Huỳnh", "Đức Lộc", "HUYNH", "DUC<LOC"),
    ("Ngô Bảo Châu", "Ngô", "Bảo Châu", "NGO", "BAO<CHAU"),
    ("Phạm Thị Ngọc Ánh", "Phạm", "Thị Ngọc Ánh", "PHAM", "THI<NGOC<ANH"),
    ("Tôn Nữ Thị Ðoan", "Tôn", "Nữ Thị Ðoan", "TON", "NU<THI<DOAN"),  # Ð is U+00D0 (eth), often typed for Đ
    ("Mai", "Mai", "", "MAI", ""),
]

FOREIGN = [
    ("Musterfrau-Gößinger", "MUSTERFRAU<GOESSINGER"),
    ("Lövström", "LOEVSTROEM"),
    ("d'Červenková Panklová", "DCERVENKOVA<PANKLOVA"),
    ("Jiřina-Maria Alena", "JIRINA<MARIA<ALENA"),
    ("Müller", "MUELLER"),
    ("Åsa Ærø Østergård", "AASA<AEROE<OESTERGAARD"),
    ("Straße", "STRASSE"),
    ("O'Brien", "OBRIEN"),
    ("O’Connor", "OCONNOR"),
    ("Łukasz Żółć", "LUKASZ<ZOLC"),
    ("Þórður", "THORDUR"),
    ("Œuvray", "OEUVRAY"),
    ("Ñúñez", "NUNEZ"),
    ("Jean-Luc   Picard", "JEAN<LUC<PICARD"),
    ("Jean - Luc", "JEAN<LUC"),
    ("Smith Jr.", "SMITH<JR"),
    ("  Anna  ", "ANNA"),
    ("王小明", ""),
]


@pytest.mark.parametrize(("full", "fn", "gn", "fnt", "gnt"), VIETNAMESE)
def test_vietnamese_names(full, fn, gn, fnt, gnt):
    assert split_vietnamese_name(full) == (fn, gn)
    assert icao_transliterate(fn) == fnt
    assert icao_transliterate(gn) == gnt


@pytest.mark.parametrize(("full", "fn", "gn", "fnt", "gnt"), VIETNAMESE)
def test_decomposed_input_gives_the_same_result(full, fn, gn, fnt, gnt):
    decomposed = unicodedata.normalize("NFD", full)
    family, given = split_vietnamese_name(decomposed)
    assert (family, given) == (fn, gn)
    assert unicodedata.is_normalized("NFC", family) and unicodedata.is_normalized("NFC", given)
    assert (icao_transliterate(decomposed.split(" ")[0]), icao_transliterate(given)) == (fnt, gnt)


def test_peer_system_failure_is_avoided():
    assert icao_transliterate("Nguyễn Văn Đức") == "NGUYEN<VAN<DUC"
    assert icao_transliterate("Nguyễn Văn Đức") != "NGUY<N<V<N<C"


@pytest.mark.parametrize(("name", "expected"), FOREIGN)
def test_foreign_names(name, expected):
    assert icao_transliterate(name) == expected


def test_output_alphabet_and_length():
    long_name = " ".join(["Nguyễn Thị Hồng Nhung"] * 6)
    result = icao_transliterate(long_name)
    assert len(result) <= 80
    assert not result.endswith("<")
    assert set(result) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ<")
    cut_on_filler = "A" * 79 + " BCD"
    assert icao_transliterate(cut_on_filler) == "A" * 79


def test_normalise_and_split_whitespace():
    assert normalise_name("  Nguyễn\u00a0 Thị\tHồng  ") == "Nguyễn Thị Hồng"
    assert split_vietnamese_name(" Trần  Văn   An ") == ("Trần", "Văn An")
    with pytest.raises(UserError) as caught:
        split_vietnamese_name("   ")
    assert caught.value.code == "name_empty"
