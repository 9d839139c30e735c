"""Every reason a row can be refused, warned about or found a duplicate, with its exact message.

The rows of ``test_import_fast_path`` (one per kind of bad value) and the duplicate and PL1 cases go
through a whole import as CSV and as .xlsx; each issue (row, kind, code, column, value, both messages,
the raw cells kept) must be exactly as recorded in ``data/rejections.json``. A faster import path
cannot accept, drop or reword anything without failing here; ``--update-rejections`` is not offered on
purpose: a changed message is a change to review.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.importer import import_file
from desktop.importer.messages import _TEXT as MESSAGES
from desktop.models import ImportIssue
from tests.unit.importer.listfiles import write_csv, write_xls, write_xlsx
from tests.unit.importer.test_import_fast_path import BAD_ROWS, GOOD, GOOD_ROWS, HEADER, TODAY, row
from tests.unit.importer.test_import_files import TEMPLATE

GOLDEN = Path(__file__).parent / "data" / "rejections.json"
# codes only the platform template's dose blocks produce: its rows are in the .xlsx run
PL1_ONLY = {"no_dose", "dose_already_loaded"}


def long_rows() -> list[list]:
    rows = [list(c) for _w, c in GOOD_ROWS + BAD_ROWS]
    for i, cells in enumerate(rows):
        if len(cells) == len(GOOD) and cells[1] != "Tổng cộng: 3":
            if len(cells[0]) <= 100:
                cells[0] = f"R{i}"
            if cells[5] == GOOD[5]:
                cells[5] = f"00109001{i:04d}"
    rows += [row(**{"Mã_mũi_tiêm": "R0", "Số_CMND/CCCD": "001090019999"}),
             row(**{"Mã_mũi_tiêm": "R-new", "Số_CMND/CCCD": "001090010000"}),
             row(**{"Mã_mũi_tiêm": "", "Số_CMND/CCCD": "001090010005"}),
             row(**{"Mã_mũi_tiêm": "R-dup", "Số_CMND/CCCD": "001090019999", "Ngày_tiêm": "02/09/2021"})]
    return [HEADER, *rows]


def issues_of(workspace, path) -> list[list]:
    result = import_file(workspace, path, "lan", today=TODAY)
    with workspace.db.session() as s:
        stored = s.scalars(select(ImportIssue).where(ImportIssue.list_id == result.list_id).order_by(ImportIssue.id))
        return [[i.row, i.kind, i.code, i.column, i.value, i.message_vi, i.message_en, i.raw] for i in stored]


def _workspace(folder: Path):
    from desktop.workspace import Workspace

    workspace = Workspace.open(folder)
    workspace.settings.set("facility_code", "01009")
    return workspace


def _second_list(workspace, tmp_path, kind: str) -> list[list]:
    """A second list repeating records of the first: each is a duplicate of a stored record."""
    rows = [HEADER, row(**{"Mã_mũi_tiêm": "R0", "Số_CMND/CCCD": "001090017777"}),
            row(**{"Mã_mũi_tiêm": "R-other", "Số_CMND/CCCD": "001090010000"}),
            row(**{"Mã_mũi_tiêm": "", "Họ_và_tên": "Nguyễn Văn An", "Số_CMND/CCCD": "123456789"})]
    path = (write_csv if kind == "csv" else write_xlsx)(tmp_path / f"again.{kind}", rows)
    return issues_of(workspace, path)


def _pl1_lists(workspace, tmp_path) -> list[list]:
    """The platform template: a person with no dose filled in, and a second dose beside a loaded first."""
    from tests.unit.importer.listfiles import pl1_header_rows, pl1_person

    first = [*pl1_header_rows(), pl1_person(1, "Lê Văn Cường", "12/05/1990", "0", "001090055555",
                                              [("AstraZeneca", "01/08/2021", "ABV1")])]
    issues_of(workspace, write_xls(tmp_path / "pl1-a.xls", first))
    second = [*pl1_header_rows(),
              pl1_person(1, "Lê Văn Cường", "12/05/1990", "0", "001090055555",
                          [("AstraZeneca", "01/08/2021", "ABV1"), ("AstraZeneca", "01/09/2021", "ABV2")]),
              pl1_person(2, "Trần Thị Bình", "1985", "1", "001185012346", [])]
    return issues_of(workspace, write_xls(tmp_path / "pl1-b.xls", second))


def outcome(tmp_path: Path, kind: str) -> dict[str, list[list]]:
    workspace = _workspace(tmp_path / f"ws-{kind}")
    try:
        path = (write_csv if kind == "csv" else write_xlsx)(tmp_path / f"list.{kind}", long_rows())
        out = {"first": issues_of(workspace, path), "again": _second_list(workspace, tmp_path, kind)}
        if kind == "xlsx" and TEMPLATE.exists():
            out["pl1"] = _pl1_lists(workspace, tmp_path)
        return out
    finally:
        workspace.close()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_every_rejection_keeps_its_code_and_message(tmp_path, kind):
    got = outcome(tmp_path, kind)
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))[kind]
    assert got["first"] == expected["first"]
    assert got["again"] == expected["again"]
    assert got.get("pl1", expected.get("pl1")) == expected.get("pl1")


def test_the_rows_cover_every_reason_the_importer_knows():
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    long_codes = {issue[2] for part in golden["csv"].values() for issue in part}
    assert long_codes >= set(MESSAGES) - PL1_ONLY, sorted(set(MESSAGES) - PL1_ONLY - long_codes)
    assert {issue[2] for issue in golden["xlsx"]["pl1"]} >= PL1_ONLY
