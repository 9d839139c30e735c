"""The fast path for common rows accepts exactly what the full reader accepts with no issue.

Every kind of bad or doubtful row goes through both: the fast path must decline it (the full reader
then names the problem), and a whole file loads to the same records, rejections, duplicates and
warnings with the fast path as without it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.importer import import_file
from desktop.importer.fields import find_header
from desktop.importer.rows import RowReader
from desktop.models import ImportIssue, VaccinationRecord
from tests.unit.importer.listfiles import write_csv, write_xlsx

TODAY = dt.date(2026, 1, 15)
HEADER = ["Mã mũi tiêm", "Họ và tên", "Ngày sinh", "Giới tính", "Quốc tịch", "Số CMND/CCCD", "Số điện thoại",
          "Tên vắc xin", "Lô vắc xin", "Mũi số", "Ngày tiêm", "Mã cơ sở tiêm"]
GOOD = ["VN-1", "Nguyễn Văn An", "12/05/1990", "Nam", "", "001090012345", "0912345678", "AstraZeneca", "ABV123",
        "1", "01/09/2021", "01001"]
COL = {name: HEADER.index(name) for name in HEADER}


def row(**changes) -> list:
    out = list(GOOD)
    for column, value in changes.items():
        out[COL[column.replace("_", " ")]] = value
    return out


# (what is wrong, the row): each is refused or warned about by the full reader
BAD_ROWS = [
    ("name missing", row(**{"Họ_và_tên": ""})),
    ("name blank", row(**{"Họ_và_tên": "   "})),
    ("name with digits", row(**{"Họ_và_tên": "Nguyễn Văn 3"})),
    ("name one letter", row(**{"Họ_và_tên": "A"})),
    ("name too long", row(**{"Họ_và_tên": "Nguyễn " * 60})),
    ("dob missing", row(**{"Ngày_sinh": ""})),
    ("dob not a date", row(**{"Ngày_sinh": "31/02/1990"})),
    ("dob text", row(**{"Ngày_sinh": "hôm qua"})),
    ("dob before 1900", row(**{"Ngày_sinh": "01/01/1890"})),
    ("dob in the future", row(**{"Ngày_sinh": "01/01/2030"})),
    ("dob short year", row(**{"Ngày_sinh": "01/01/90"})),
    ("sex missing", row(**{"Giới_tính": ""})),
    ("sex unknown", row(**{"Giới_tính": "X"})),
    ("nationality unknown", row(**{"Quốc_tịch": "Atlantis"})),
    ("id missing", row(**{"Số_CMND/CCCD": ""})),
    ("id invalid", row(**{"Số_CMND/CCCD": "12AB"})),
    ("id bad province", row(**{"Số_CMND/CCCD": "999090012345"})),
    ("id zeros dropped", row(**{"Số_CMND/CCCD": "1090012345"})),
    ("cmnd zero dropped", row(**{"Số_CMND/CCCD": "12345678"})),
    ("cccd sex disagrees", row(**{"Số_CMND/CCCD": "001190012345"})),
    ("cccd year disagrees", row(**{"Số_CMND/CCCD": "001085012345"})),
    ("phone too long", row(**{"Số_điện_thoại": "0" * 31})),
    ("ref too long", row(**{"Mã_mũi_tiêm": "R" * 101})),
    ("vaccine missing", row(**{"Tên_vắc_xin": ""})),
    ("vaccine unknown", row(**{"Tên_vắc_xin": "Sputnik Lite X"})),
    ("lot missing", row(**{"Lô_vắc_xin": ""})),
    ("lot too long", row(**{"Lô_vắc_xin": "L" * 51})),
    ("dose missing", row(**{"Mũi_số": ""})),
    ("dose zero", row(**{"Mũi_số": "0"})),
    ("dose eleven", row(**{"Mũi_số": "11"})),
    ("dose text", row(**{"Mũi_số": "nhắc lại"})),
    ("date missing", row(**{"Ngày_tiêm": ""})),
    ("date not a date", row(**{"Ngày_tiêm": "32/13/2021"})),
    ("date year only", row(**{"Ngày_tiêm": "2021"})),
    ("date month only", row(**{"Ngày_tiêm": "09/2021"})),
    ("date in the future", row(**{"Ngày_tiêm": "01/01/2027"})),
    ("date before birth", row(**{"Ngày_tiêm": "01/01/1989"})),
    ("facility too long", row(**{"Mã_cơ_sở_tiêm": "F" * 21})),
    ("short row", GOOD[:5]),
    ("none cells", [None if i == COL["Lô vắc xin"] else v for i, v in enumerate(GOOD)]),
    ("total row", ["", "Tổng cộng: 3", "", "", "", "", "", "", "", "", "", ""]),
]
GOOD_ROWS = [
    ("plain", GOOD),
    ("year of birth only", row(**{"Ngày_sinh": "1990", "Số_CMND/CCCD": "079090000001"})),
    ("marks and spaces", row(**{"Họ_và_tên": "  NGUYỄN   thị  hồng ", "Giới_tính": "Nữ", "Số_CMND/CCCD": "079190000002"})),
    ("nationality", row(**{"Quốc_tịch": "Hàn Quốc", "Số_CMND/CCCD": "M1234567"})),
    ("cmnd", row(**{"Số_CMND/CCCD": "123456789"})),
    ("no facility", row(**{"Mã_cơ_sở_tiêm": ""})),
    ("dose text", row(**{"Mũi_số": "Mũi 2", "Mã_mũi_tiêm": "VN-2"})),
    ("iso dates", row(**{"Ngày_sinh": "1990-05-12", "Ngày_tiêm": "2021-09-01", "Mã_mũi_tiêm": ""})),
    ("cells to clean", row(**{"Lô_vắc_xin": "  AB\t12 ", "Mã_mũi_tiêm": "VN - 3", "Số_điện_thoại": "'+84 912"})),
    ("exported formula cells", row(**{"Lô_vắc_xin": "'=L1", "Mã_mũi_tiêm": "'-VN4", "Mã_cơ_sở_tiêm": "'@01"})),
    ("marks in cells", row(**{"Lô_vắc_xin": "Lô\u00a01", "Mã_mũi_tiêm": "VN–5"})),
]


@pytest.fixture
def reader():
    cmap = find_header([HEADER])
    assert cmap is not None and cmap.layout == "long"
    return RowReader(cmap, "01009", today=TODAY)


@pytest.mark.parametrize(("what", "cells"), BAD_ROWS, ids=[w for w, _c in BAD_ROWS])
def test_every_bad_row_leaves_the_fast_path(reader, what, cells):
    full = reader.read(list(cells), 7)
    assert full.rejected or full.issues or reader.is_total_row(cells), what
    assert reader.read_valid(list(cells), 7) is None, what


@pytest.mark.parametrize(("what", "cells"), GOOD_ROWS, ids=[w for w, _c in GOOD_ROWS])
def test_good_rows_give_the_same_record(reader, what, cells):
    full = reader.read(list(cells), 7)
    assert not full.rejected and full.issues == [], what
    for _ in range(2):  # and again from the column caches
        assert reader.read_valid(list(cells), 7) == full.records[0], what


def test_spreadsheet_values_give_the_same_record(reader):
    cells = row(**{"Ngày_sinh": dt.datetime(1990, 5, 12), "Mũi_số": 1.0, "Ngày_tiêm": 44440.0})
    full = reader.read(list(cells), 3)
    assert full.issues == [] and reader.read_valid(list(cells), 3) == full.records[0]
    for bad in (row(**{"Ngày_sinh": True}), row(**{"Mũi_số": 1.5}), row(**{"Ngày_tiêm": 2021.0}),
                row(**{"Ngày_sinh": 1.0})):
        full = reader.read(list(bad), 3)
        assert (full.rejected or full.issues) and reader.read_valid(list(bad), 3) is None


def _outcome(workspace, path):
    result = import_file(workspace, path, "lan", today=TODAY)
    with workspace.db.session() as s:
        records = [dict(r._mapping) for r in s.execute(
            select(*[c for c in VaccinationRecord.__table__.c if c.name not in ("created_at", "updated_at")])
            .where(VaccinationRecord.list_id == result.list_id).order_by(VaccinationRecord.source_row))]
        issues = [(i.row, i.kind, i.code, i.column, i.value, i.message_en, i.raw) for i in s.scalars(
            select(ImportIssue).where(ImportIssue.list_id == result.list_id).order_by(ImportIssue.id))]
    for record in records:
        record.pop("id"), record.pop("list_id")
    summary = (result.rows, result.accepted, result.rejected, result.duplicates, result.records, result.ignored_rows)
    return summary, result.errors, result.warnings, records, issues


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_file_loads_the_same_with_and_without_the_fast_path(tmp_path, monkeypatch, kind):
    from desktop.workspace import Workspace

    rows = [list(c) for _w, c in GOOD_ROWS + BAD_ROWS]
    for i, cells in enumerate(rows):  # one platform id and one ID number per row: no duplicates among these
        if len(cells) == len(GOOD) and cells[1] != "Tổng cộng: 3":
            if len(cells[0]) <= 100:
                cells[0] = f"R{i}"
            if cells[5] == GOOD[5]:
                cells[5] = f"00109001{i:04d}"
    # and three duplicates: a platform id, a person, a person without the platform id
    rows += [row(**{"Mã_mũi_tiêm": "R0", "Số_CMND/CCCD": "001090019999"}), row(**{"Mã_mũi_tiêm": "R-new", "Số_CMND/CCCD": "001090010000"}),
             row(**{"Mã_mũi_tiêm": "", "Số_CMND/CCCD": "001090010005"})]
    rows = [HEADER, *rows]
    write = write_csv if kind == "csv" else write_xlsx
    path = write(tmp_path / f"list.{kind}", rows)
    outcomes = []
    for fast in (True, False):
        if not fast:
            monkeypatch.setattr(RowReader, "read_common", lambda self, rows, numbers: [None] * len(rows))
        workspace = Workspace.open(tmp_path / f"ws-{fast}")
        workspace.settings.set("facility_code", "01009")
        outcomes.append(_outcome(workspace, path))
        workspace.close()
    with_fast, without = outcomes
    assert with_fast == without
    summary, errors, warnings, records, _issues = with_fast
    assert summary[1] == len(GOOD_ROWS) + 7 and summary[3] == 3  # 7 rows with warnings only, 3 duplicates
    assert len({w["row"] for w in warnings}) == 7
    assert len(records) == summary[4] and {e["code"] for e in errors} >= {"bad_name", "dob_future", "unknown_vaccine"}


def test_duplicates_of_loaded_records_are_found_on_the_fast_path(workspace, tmp_path):
    first = import_file(workspace, write_csv(tmp_path / "a.csv", [HEADER, GOOD]), "lan", today=TODAY)
    other = row(**{"Mã_mũi_tiêm": "VN-77"})  # same person, dose and day under another platform id
    no_id = row(**{"Mã_mũi_tiêm": "VN-1", "Số_CMND/CCCD": "123456789", "Ngày_tiêm": "02/09/2021"})
    second = import_file(workspace, write_csv(tmp_path / "b.csv", [HEADER, other, no_id]), "lan", today=TODAY)
    assert (second.accepted, second.duplicates) == (0, 2)
    assert [e["code"] for e in second.errors] == ["duplicate_record", "duplicate_record"]
    assert "00109******" in second.errors[0]["message_en"] or "record" in second.errors[0]["message_en"]
    assert all(str(first.list_id) in e["message_en"] or "record" in e["message_en"] for e in second.errors)


def test_a_piece_of_mixed_rows_reads_as_each_row_alone(reader):
    rows = [list(c) for pair in zip(GOOD_ROWS, BAD_ROWS, strict=False) for _w, c in pair]
    rows += [list(c) for _w, c in BAD_ROWS[len(GOOD_ROWS):]] + [list(GOOD)]
    numbers = list(range(3, 3 + len(rows)))
    alone = [reader.read_valid(list(cells), n) for cells, n in zip(rows, numbers, strict=True)]
    assert reader.read_common(rows, numbers) == alone
    assert sum(r is not None for r in alone) == len(GOOD_ROWS) + 1
    assert [r["source_row"] for r in alone if r is not None][-1] == numbers[-1]
