"""The queue narrowed by list and day, and one decision for a person's doses with the same differences."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.models import DailyList, Decision, VaccinationRecord
from desktop.review import queue_counts, queue_ids, resolve, review_item, undo_last
from desktop.review.decisions import bulk_resolve, count_affected
from desktop.review.queue import queue_facets
from tests.unit.registry.factory import add_checked, citizen

AN = citizen("001090012345", "012345678", "Nguyễn Văn An", "1990-05-12", "M")
THUY = citizen("001185012346", None, "Trần Thị Thuý", "1985-03-04", "F")


def set_fields(workspace, record_id, **values):
    with workspace.db.session() as session:
        record = session.get(VaccinationRecord, record_id)
        for name, value in values.items():
            setattr(record, name, value)


def new_list(workspace, name):
    with workspace.db.session() as session:
        daily = DailyList(file_name=name, file_sha256="0" * 64, layout="pl1")
        session.add(daily)
        session.flush()
        return daily.id


def test_queue_by_list_and_day_with_counts_that_follow(workspace):
    an1, an2, thuy = add_checked(workspace, [
        (("Nguyen Van An", "1990-05-12", "M", "001090012345"), AN),
        (("Nguyen Van An", "1990-05-12", "M", "001090012345"), AN),
        (("Trần Thị Thúy", "1985-04-03", "F", "001185012346"), THUY),
    ])
    first, second = new_list(workspace, "sang.xlsx"), new_list(workspace, "chieu.csv")
    set_fields(workspace, an1, list_id=first, vaccination_date="2021-09-01")
    set_fields(workspace, an2, list_id=second, vaccination_date="2021-10-01", dose_number=2)
    set_fields(workspace, thuy, list_id=first, vaccination_date="2021-10-01")
    assert queue_ids(workspace) == [an1, an2, thuy]
    assert queue_ids(workspace, list_id=first) == [an1, thuy]
    assert queue_ids(workspace, day="2021-10-01") == [an2, thuy]
    assert queue_ids(workspace, list_id=first, day="2021-10-01") == [thuy]
    assert queue_ids(workspace, kind="dob:swapped", day="2021-09-01") == []
    counts = queue_counts(workspace, list_id=second)
    assert counts["total"] == 1 and counts["kinds"] == {"name:accents": 1}
    assert queue_counts(workspace)["kinds"]["name:accents"] == 3
    facets = queue_facets(workspace)
    assert facets["lists"] == [(second, "chieu.csv", 1), (first, "sang.xlsx", 2)]
    assert facets["days"] == [("2021-10-01", 2), ("2021-09-01", 1)]
    assert count_affected(workspace, kind="name:accents", action="accept_registry", list_id=first) == 2
    assert bulk_resolve(workspace, "accept_registry", "", "lan", kind="name:accents", day="2021-09-01") == 1
    assert queue_ids(workspace) == [an2, thuy]


def test_one_decision_for_the_same_persons_doses(workspace):
    an1, an2, an3, other = add_checked(workspace, [
        (("Nguyen Van An", "1990-05-12", "M", "001090012345"), AN),
        (("Nguyen Van An", "1990-05-12", "M", "001 090 012 345"), AN),  # the same number, typed with spaces
        (("Nguyen Van An", "1990-05-12", "F", "001090012345"), AN),     # another difference: sex as well
        (("Trần Thị Thúy", "1985-04-03", "F", "001185012346"), THUY),
    ])
    set_fields(workspace, an2, dose_number=2, vaccination_date="2021-10-01")
    set_fields(workspace, an3, dose_number=3, vaccination_date="2021-12-01")
    item = review_item(workspace, an1)
    assert item["same_person"] == [an2]  # an3 has a different difference (sex): decided on its own
    assert review_item(workspace, other)["same_person"] == []

    after = resolve(workspace, an1, "accept_registry", "", "lan", same_person=True)
    assert after["same_person_ids"] == item["same_person"]
    for record_id in [an1, *item["same_person"]]:
        decided = review_item(workspace, record_id)
        assert decided["decision"] == "accept_registry" and decided["full_name"] == "Nguyễn Văn An"
    assert an1 not in queue_ids(workspace) and an2 not in queue_ids(workspace)
    with workspace.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Decision)) == 1 + len(item["same_person"])

    undone = undo_last(workspace, "lan")  # one undo takes the person's doses back together
    assert undone["undone_count"] == 1 + len(item["same_person"])
    assert review_item(workspace, an2)["decision"] is None and review_item(workspace, an2)["full_name"] == "Nguyen Van An"
    assert an1 in queue_ids(workspace) and an2 in queue_ids(workspace)

    alone = resolve(workspace, an1, "defer", "", "lan")  # without the option only the one record
    assert alone["same_person_ids"] == [] and review_item(workspace, an2)["decision"] is None


def test_queue_sorted_by_a_grid_column(workspace):
    an, thuy = add_checked(workspace, [(("Nguyen Van An", "1990-05-12", "M", "001090012345"), AN),
                                       (("Trần Thị Thúy", "1985-04-03", "F", "001185012346"), THUY)])
    assert queue_ids(workspace, sort="date_of_birth") == [thuy, an]
    assert queue_ids(workspace, sort="full_name", descending=True) == [thuy, an]
    assert queue_ids(workspace, sort="no_such_column") == [an, thuy]
