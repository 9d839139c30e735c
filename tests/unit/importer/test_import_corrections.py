"""Rejected rows corrected in place: same reader, same list, audited, never stored twice."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.audit import verify_chain
from desktop.importer import export_rejected, import_file
from desktop.importer.corrections import import_corrected, rejected_rows
from desktop.models import AuditEvent, DailyList, ImportIssue, VaccinationRecord
from tests.helpers import SHARED
from tests.unit.importer.listfiles import LONG_HEADER, write_csv, write_xls, write_xlsx

TEMPLATE = SHARED / "contracts" / "platform-import-template-PL1.xls"

TODAY = dt.date(2026, 1, 15)
GOOD = ["VN-1", "Nguyễn Văn An", "12/05/1990", "Nam", "001090012345", "AstraZeneca", "ABV1", "1", "01/09/2021"]
BAD_VACCINE = ["VN-2", "Trần Thị Bình", "01/01/1980", "Nữ", "001180012345", "Nanocovax", "N1", "1", "01/09/2021"]
BAD_SEX = ["VN-3", "Lê Văn Cường", "02/02/1985", "X", "001085012345", "Pfizer", "P1", "2", "02/09/2021"]


def _count(ws, model, *where) -> int:
    with ws.db.session() as s:
        return s.execute(select(func.count()).select_from(model).where(*where)).scalar()


def test_rejected_rows_name_their_cells(workspace, tmp_path):
    result = import_file(workspace, write_xlsx(tmp_path / "l.xlsx", [LONG_HEADER, GOOD, BAD_VACCINE, BAD_SEX]), "lan",
                         today=TODAY)
    rows = rejected_rows(workspace, result.list_id, today=TODAY)
    assert [r.row for r in rows.rows] == [3, 4]
    assert rows.headers[:2] == ("Mã mũi tiêm", "Họ và tên")
    assert [(p.column, p.field, p.code) for p in rows.rows[0].problems] == [(5, "vaccine", "unknown_vaccine")]
    assert [(p.column, p.field, p.code) for p in rows.rows[1].problems] == [(3, "sex", "bad_sex")]
    assert rows.rows[0].cells[5] == "Nanocovax"


def test_corrected_rows_load_into_the_same_list_once(workspace, tmp_path):
    result = import_file(workspace, write_csv(tmp_path / "l.csv", [LONG_HEADER, GOOD, BAD_VACCINE, BAD_SEX]), "lan",
                         today=TODAY)
    list_id = result.list_id
    fixed = list(BAD_VACCINE)
    fixed[5] = "Vero Cell"
    still = list(BAD_SEX)
    still[3] = "Y"
    outcome = import_corrected(workspace, list_id, {3: fixed, 4: still}, "lan", today=TODAY)
    assert (outcome.loaded, outcome.records, outcome.still_rejected) == (1, 1, 1)
    assert [(p.row, p.code, p.value) for p in outcome.problems] == [(4, "bad_sex", "Y")]
    with workspace.db.session() as s:
        record = s.execute(select(VaccinationRecord).where(VaccinationRecord.source_row == 3)).scalar_one()
        assert (record.list_id, record.vaccine_name, record.full_name) == (list_id, "Vero Cell (Sinopharm Beijing, BBIBP-CorV)", "Trần Thị Bình")
        daily = s.get(DailyList, list_id)
        assert (daily.accepted, daily.rejected) == (2, 1)
        event = s.execute(select(AuditEvent).where(AuditEvent.entity_id == str(record.id))).scalar_one()
        assert event.action == "import" and event.after["corrected"] is True and event.actor == "lan"
        assert verify_chain(s).ok
    # the row still refused keeps its new value for the next correction and the export
    left = rejected_rows(workspace, list_id, today=TODAY)
    assert [(r.row, r.cells[3]) for r in left.rows] == [(4, "Y")]
    export = export_rejected(workspace, list_id, tmp_path / "left.csv")
    assert export["rows"] == 1

    again = import_corrected(workspace, list_id, {3: fixed}, "lan", today=TODAY)
    assert (again.loaded, again.records) == (0, 0)
    assert _count(workspace, VaccinationRecord) == 2
    still[3] = "Nam"
    last = import_corrected(workspace, list_id, {4: still}, "lan", today=TODAY)
    assert last.loaded == 1 and _count(workspace, VaccinationRecord) == 3
    assert _count(workspace, ImportIssue, ImportIssue.kind == "rejected") == 0
    assert rejected_rows(workspace, list_id, today=TODAY).rows == ()


def test_a_corrected_row_matching_a_stored_record_is_not_stored(workspace, tmp_path):
    import_file(workspace, write_csv(tmp_path / "a.csv", [LONG_HEADER, GOOD]), "lan", today=TODAY)
    copy = list(GOOD)
    copy[0] = ""
    copy[3] = "X"
    result = import_file(workspace, write_csv(tmp_path / "b.csv", [LONG_HEADER, copy]), "lan", today=TODAY)
    copy[3] = "Nam"
    outcome = import_corrected(workspace, result.list_id, {2: copy}, "lan", today=TODAY)
    assert (outcome.loaded, outcome.duplicates) == (0, 1)
    assert _count(workspace, VaccinationRecord) == 1


@pytest.mark.skipif(not TEMPLATE.exists(), reason="shared contracts not present")
def test_a_platform_template_row_corrected_in_its_dose_block(workspace, tmp_path):
    from tests.unit.importer.listfiles import pl1_header_rows

    rows = pl1_header_rows()
    person = [1, "Nguyễn Văn An", "12/05/1990", "0", "1", "", "0912345678", "001090012345", "", "Hà Nội", "01",
              "Đống Đa", "006", "Phương Mai", "00208", "", ""] + [""] * 10
    person[17:25] = ["AstraZeneca", "01/08/2021", "A1", "01001", "Nanocovax", "01/09/2021", "N2", "01001"]
    rows.append(person)
    result = import_file(workspace, write_xls(tmp_path / "pl1.xls", rows), "lan", today=TODAY)
    rejected = rejected_rows(workspace, result.list_id, today=TODAY)
    assert [(p.column, p.field) for p in rejected.rows[0].problems] == [(21, "vaccine")]
    cells = list(rejected.rows[0].cells)
    cells[21] = "Pfizer"
    outcome = import_corrected(workspace, result.list_id, {rejected.rows[0].row: cells}, "lan", today=TODAY)
    assert (outcome.loaded, outcome.records) == (1, 2)
    with workspace.db.session() as s:
        doses = s.execute(select(VaccinationRecord.dose_number, VaccinationRecord.vaccine_mp)
                          .order_by(VaccinationRecord.dose_number)).all()
    assert [d for d, _mp in doses] == [1, 2] and doses[1][1] == "EU/1/20/1528"
