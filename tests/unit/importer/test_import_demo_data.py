"""The demo's synthetic people and lists: consistent IDs, deterministic, faults of the intended kind."""

from __future__ import annotations

import datetime as dt
import json

from desktop.demo.lists import name_kind, write_lists
from desktop.demo.people import PROVINCES, generate_people
from desktop.ids import cccd_inconsistency
from desktop.importer.text import clean
from desktop.text import title_name


def test_people_are_consistent_and_deterministic():
    people = generate_people(2000, seed=3)
    assert people == generate_people(2000, seed=3)
    assert people != generate_people(2000, seed=4)
    ids = [p.id_number for p in people]
    assert len(set(ids)) == len(ids)
    vn = [p for p in people if p.nationality == "VN"]
    for p in vn:
        assert len(p.id_number) == 12 and p.id_number[:3] in PROVINCES
        assert cccd_inconsistency(p.id_number, p.sex, p.date_of_birth) == []
        assert p.full_name == title_name(p.full_name)
        if p.old_id_number:
            assert len(p.old_id_number) == 9 and int(p.date_of_birth[:4]) < 2000
    foreigners = [p for p in people if p.nationality != "VN"]
    assert foreigners and all(p.id_number[0].isalpha() for p in foreigners)
    assert any(len(p.date_of_birth) == 4 for p in people)
    assert any(p.old_id_number for p in people)
    assert sum(p.full_name.startswith("Nguyễn") for p in vn) > len(vn) * 0.25


def test_name_kinds_follow_the_contract():
    assert name_kind("Nguyễn Văn An", "Nguyễn Văn An") is None
    assert name_kind("NGUYỄN VĂN  AN", "Nguyễn Văn An") == "format"
    assert name_kind("Nguyen Van An", "Nguyễn Văn An") == "accents"
    assert name_kind("An Nguyễn Văn", "Nguyễn Văn An") == "order"
    assert name_kind("Nguyễn Lan", "Nguyễn Thị Lan") == "middle_name"
    assert name_kind("Nguyễn Văn Anh", "Nguyễn Văn An") == "typo"
    assert name_kind("Trần Thị Bích", "Nguyễn Văn An") == "different"


def test_every_name_fault_has_its_kind_after_import(tmp_path):
    people = generate_people(400, seed=11)
    info = write_lists(people, tmp_path, seed=11, today=dt.date(2026, 1, 15))
    truth = json.loads(open(info["truth_file"], encoding="utf-8").read())
    by_id = {p.id_number: p for p in people}
    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(info["list_files"]["long_xlsx"]).get_sheet_by_index(0).to_python()
    checked = 0
    for row in truth["lists"][0]["rows"]:
        if row["import"]["outcome"] != "accepted":
            continue
        listed = title_name(clean(sheet[row["row"] - 1][2]))
        registry = by_id[row["registry_id"]].full_name
        expected = [d["kind"] for d in row["check"]["differences"] if d["field"] == "name"]
        kind = name_kind(listed, registry)
        assert (kind is None and not expected) or [kind] == expected, (row, listed, registry)
        checked += 1
    assert checked > 300
