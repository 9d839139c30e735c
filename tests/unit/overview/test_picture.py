"""Today's picture: every record counted once, in the right state, per list and per day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.i18n import set_language
from desktop.overview import STATES, next_action, record_ids, todays_picture
from tests.unit.overview.seed_records import seed

ALL_KINDS = {"loaded": 3, "needs_review": 5, "deferred": 2, "ready_to_sign": 7, "accepted": 1,
             "rejected_by_clerk": 1, "signed": 4, "sent": 6, "certified": 9, "rejected_central": 2,
             "superseded": 3}


def test_each_record_is_counted_once_in_its_state(workspace):
    seed(workspace, "ds-25-11.xlsx", "2026-11-25", ALL_KINDS)
    picture = todays_picture(workspace)
    assert picture.totals == {"loaded": 3, "needs_review": 7, "ready_to_sign": 8, "signed": 4, "sent": 6,
                              "certified": 9, "rejected": 3}
    assert picture.total == sum(ALL_KINDS.values()) - ALL_KINDS["superseded"]
    assert list(picture.totals) == list(STATES)


def test_per_list_and_per_day(workspace):
    now = datetime.now(UTC)
    first = seed(workspace, "ds-24-11.xlsx", "2026-11-24", {"certified": 10, "needs_review": 1},
                 imported_at=now - timedelta(days=1))
    second = seed(workspace, "ds-25-11.xlsx", "2026-11-25", {"loaded": 4, "ready_to_sign": 2}, imported_at=now)
    seed(workspace, "ds-25-11-chieu.xlsx", "2026-11-25", {"needs_review": 3}, imported_at=now + timedelta(hours=1))
    picture = todays_picture(workspace)
    assert [r.file_name for r in picture.by_list] == ["ds-25-11-chieu.xlsx", "ds-25-11.xlsx", "ds-24-11.xlsx"]
    by_id = {r.list_id: r for r in picture.by_list}
    assert by_id[first].counts["certified"] == 10 and by_id[first].total == 11
    assert by_id[second].counts == {**dict.fromkeys(STATES, 0), "loaded": 4, "ready_to_sign": 2}
    assert [(d.vaccination_date, d.label, d.total) for d in picture.by_day] == [
        ("2026-11-25", "25/11/2026", 9), ("2026-11-24", "24/11/2026", 11)]
    assert picture.by_day[0].counts["needs_review"] == 3
    assert len(todays_picture(workspace, lists=2, days=1).by_list) == 2
    assert len(todays_picture(workspace, lists=2, days=1).by_day) == 1


def test_record_ids_open_exactly_those_records(workspace):
    a = seed(workspace, "a.xlsx", "2026-11-24", {"needs_review": 2, "deferred": 1, "loaded": 1})
    b = seed(workspace, "b.xlsx", "2026-11-25", {"needs_review": 3})
    picture = todays_picture(workspace)
    ids = record_ids(workspace, "needs_review")
    assert len(ids) == picture.totals["needs_review"] == 6
    assert len(record_ids(workspace, "needs_review", list_id=a)) == 3
    assert len(record_ids(workspace, "needs_review", list_id=b)) == 3
    assert len(record_ids(workspace, "needs_review", vaccination_date="2026-11-25")) == 3
    assert record_ids(workspace, "certified") == []
    with pytest.raises(ValueError):
        record_ids(workspace, "nonsense")


def test_next_action_follows_the_day_and_the_role(workspace):
    assert next_action({}, "clerk").page == "import"
    seed(workspace, "a.xlsx", "2026-11-25", {"needs_review": 312, "ready_to_sign": 20, "signed": 1})
    action = todays_picture(workspace, role="clerk").next_action
    assert (action.state, action.count, action.page, action.filters) == ("needs_review", 312, "review",
                                                                          {"state": "needs_review"})
    assert action.message.vi == "312 bản ghi cần đối chiếu"
    assert action.message.en == "312 records need review"
    only_signing = {"ready_to_sign": 20, "signed": 1}
    assert next_action(only_signing, "signer").page == "sign"
    assert next_action(only_signing, "clerk").page == "sync"  # a clerk cannot sign: the next thing they can do
    assert next_action({"certified": 5}, "clerk") is None
    waiting = next_action({"ready_to_sign": 20, "certified": 5}, "clerk")  # nothing a clerk can do: say who can
    assert (waiting.page, waiting.yours) == ("sign", False)
    assert waiting.message.en == "20 records ready to sign, waiting for a signer"
    assert next_action({"ready_to_sign": 20}, "signer").yours


def test_numbers_use_the_separators_of_the_language():
    action = next_action({"needs_review": 12345}, "clerk")
    assert action.message.vi.startswith("12.345 ")
    assert action.message.en.startswith("12,345 ")
    set_language("en")
    assert str(action.message) == "12,345 records need review"
