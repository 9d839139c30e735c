"""The demo's injected faults, imported and checked against the reference registry, are classified
exactly as the demo generator's ground truth says (status and difference kinds of every record)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.models import VaccinationRecord
from desktop.workspace import Workspace

pytestmark = [pytest.mark.integration, pytest.mark.slow]

lists = pytest.importorskip("desktop.demo.lists")
people_module = pytest.importorskip("desktop.demo.people")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from desktop.demo.registry import write_population

    folder = tmp_path_factory.mktemp("demo")
    people = people_module.generate_people(600, seed=4242)
    registry = write_population(people, folder / "registry")
    files = lists.write_lists(people, folder / "lists", seed=4242)
    truth = json.loads(Path(files["truth_file"]).read_text(encoding="utf-8"))
    return {"registry": registry, "files": files, "truth": truth}


@pytest.mark.parametrize(("file_key", "layout"), [("long_xlsx", "long"), ("long_csv", "long"), ("pl1_xls", "pl1")])
def test_check_matches_the_demo_ground_truth(demo, tmp_path, file_key, layout):
    from desktop.importer import import_file
    from desktop.registry import check_records
    from services.registry.population import Population
    from services.registry.server import BackgroundServer

    ws = Workspace.open(tmp_path / "ws")
    try:
        ws.settings.set("facility_code", "01001")
        ws.settings.set("registry_token", demo["registry"]["registry_token"])
        import_file(ws, Path(demo["files"]["list_files"][file_key]), "demo")
        with BackgroundServer(Population.load(demo["registry"]["registry_population"])) as server:
            result = check_records(ws, "demo", registry_url=server.url)
        assert result.not_checked == 0
        with ws.db.session() as session:
            records: dict[int, list[VaccinationRecord]] = {}
            for record in session.scalars(select(VaccinationRecord)):
                records.setdefault(record.source_row, []).append(record)
            [truth] = [entry for entry in demo["truth"]["lists"] if entry["layout"] == layout]
            wrong = []
            checked = Counter()
            for row in truth["rows"]:
                if row["import"]["outcome"] != "accepted":
                    continue
                expected_status = row["check"]["status"]
                expected = sorted((d["field"], d["kind"]) for d in row["check"]["differences"])
                got = records.get(row["row"], [])
                assert len(got) == row["import"]["records"], row
                for record in got:
                    kinds = sorted((d["field"], d["kind"]) for d in record.differences if d["kind"] != "format")
                    checked[expected_status] += 1
                    if record.check_status != expected_status or kinds != expected:
                        wrong.append((row["row"], row["faults"], expected_status, expected, record.check_status,
                                      kinds, record.full_name, (record.registry_values or {}).get("full_name")))
        assert not wrong, wrong[:10]
        assert checked["mismatch"] > 50 and checked["not_found"] and checked["invalid_id"] and checked["matched"]
    finally:
        ws.close()
