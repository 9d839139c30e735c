"""The day's report over lists loaded by the real importer (the demo's generated lists)."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.demo.lists import write_lists
from desktop.demo.people import generate_people
from desktop.importer.load import import_file
from desktop.models import VaccinationRecord
from desktop.overview import todays_picture
from desktop.reports import day_report


def test_report_of_imported_lists_equals_the_overview(workspace, tmp_path):
    files = write_lists(generate_people(60, seed=7), tmp_path / "lists", seed=7)["list_files"]
    results = [import_file(workspace, files[name], "lan") for name in ("long_xlsx", "pl1_xls")]
    with workspace.db.session() as s:
        first, last = s.execute(select(func.min(VaccinationRecord.vaccination_date),
                                       func.max(VaccinationRecord.vaccination_date))).one()
    report = day_report(workspace, first, last)
    picture = todays_picture(workspace, lists=10, days=10_000)
    assert report.total.states == picture.totals and report.total.records == sum(r.records for r in results) > 0
    assert {s.list_id: s.states for s in report.lists} == {r.list_id: r.counts for r in picture.by_list}
    assert {d.vaccination_date: d.states for d in report.days} == {d.vaccination_date: d.counts
                                                                   for d in picture.by_day}
    assert [s.rows_rejected for s in report.lists] == [r.rejected for r in results]
    assert report.total.rows_rejected == sum(r.rejected for r in results) > 0
    assert report.total.checks["unchecked"] == report.total.records  # nothing checked yet
    assert sum(v.records for v in report.vaccines) == report.total.records
