"""Clerk decisions: each one a Decision row, the record's update and an audit event, together."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.audit import matches, verify_chain
from desktop.errors import UserError
from desktop.models import AuditEvent, Decision, VaccinationRecord
from desktop.models.record_difference import RecordDifference
from desktop.review import (
    bulk_resolve,
    count_affected,
    queue_counts,
    queue_ids,
    resolve,
    review_item,
    undo_last,
)
from tests.unit.registry.factory import add_checked, citizen

AN = citizen("001090012345", "012345678", "Nguyễn Văn An", "1990-05-12", "M")
THUY = citizen("001185012346", None, "Trần Thị Thuý", "1985-03-04", "F")
DUC = citizen("079201012347", None, "Đặng Minh Đức", "2001-11-30", "M")


@pytest.fixture
def queue(workspace):
    ids = add_checked(workspace, [
        (("Nguyen Van An", "1990-05-12", "M", "001090012345"), AN),        # name:accents
        (("Trần Thị Thúy", "1985-04-03", "F", "001185012346"), THUY),      # name:accents + dob:swapped
        (("Đặng Minh Đức", "2001-11-30", "M", "079201012347"), DUC),       # matched
        (("Ai Đó", "1990-01-01", "M", "001090099999"), None),              # not_found
        (("Lê Văn Bình", "1970-01-01", "M", "001070012348"), "invalid"),   # invalid_id
    ])
    return dict(zip(("an", "thuy", "duc", "nobody", "invalid"), ids, strict=True))


def decisions(ws, record_id):
    with ws.db.session() as session:
        return list(session.scalars(select(Decision).where(Decision.record_id == record_id).order_by(Decision.id)))


def test_queue_and_counts(workspace, queue):
    assert queue_ids(workspace) == [queue["an"], queue["thuy"], queue["nobody"], queue["invalid"]]
    assert queue_ids(workspace, kind="accents") == [queue["an"], queue["thuy"]]
    assert queue_ids(workspace, kind="dob:swapped") == [queue["thuy"]]
    assert queue_ids(workspace, status="not_found") == [queue["nobody"]]
    counts = queue_counts(workspace)
    assert counts["total"] == 4
    assert counts["statuses"] == {"mismatch": 2, "not_found": 1, "invalid_id": 1, "central": 0, "deferred": 0}
    assert counts["kinds"] == {"name:accents": 2, "dob:swapped": 1}
    with pytest.raises(UserError):
        queue_ids(workspace, kind="spelling")


def test_accept_registry_takes_the_registry_values_and_is_audited(workspace, queue):
    after = resolve(workspace, queue["thuy"], "accept_registry", "", "lan")
    assert (after["full_name"], after["date_of_birth"]) == ("Trần Thị Thuý", "1985-03-04")
    assert after["decision"] == "accept_registry" and after["ready_to_sign"]
    [decision] = decisions(workspace, queue["thuy"])
    assert decision.actor == "lan" and decision.before["full_name"] == "Trần Thị Thúy"
    assert decision.after["date_of_birth"] == "1985-03-04"
    with workspace.db.session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "decision.accept_registry")).one()
        assert event.actor == "lan" and event.entity_id == str(queue["thuy"])
        assert matches(session, event.before["date_of_birth"], "1985-04-03")  # kept as a keyed hash
        assert matches(session, event.after["date_of_birth"], "1985-03-04") and "1985" not in repr(event.after)
        assert verify_chain(session).ok
    assert queue["thuy"] not in queue_ids(workspace)


def test_reasons_are_required_for_keep_edit_reject(workspace, queue):
    for action in ("keep_list", "edit", "reject"):
        with pytest.raises(UserError) as info:
            resolve(workspace, queue["an"], action, "  ", "lan")
        assert info.value.code == "reason_required"
    assert decisions(workspace, queue["an"]) == []
    after = resolve(workspace, queue["an"], "keep_list", "CCCD card seen", "lan")
    assert after["decision"] == "keep_list" and after["decision_reason"] == "CCCD card seen" and after["ready_to_sign"]
    assert after["full_name"] == "Nguyen Van An"


def test_reject_and_defer(workspace, queue):
    assert not resolve(workspace, queue["nobody"], "reject", "not vaccinated here", "lan")["ready_to_sign"]
    deferred = resolve(workspace, queue["an"], "defer", "", "lan")
    assert not deferred["ready_to_sign"]
    assert queue_ids(workspace, status="deferred") == [queue["an"]]
    assert queue["an"] in queue_ids(workspace, kind="name:accents")


def test_accept_registry_needs_a_registry_answer(workspace, queue):
    with pytest.raises(UserError) as info:
        resolve(workspace, queue["nobody"], "accept_registry", "", "lan")
    assert info.value.code == "nothing_to_accept"


def test_edit_with_same_id_is_recompared_at_once(workspace, queue):
    after = resolve(workspace, queue["thuy"], "edit", "typed from the CCCD card", "lan",
                    set_fields={"date_of_birth": "04/03/1985"})
    assert after["date_of_birth"] == "1985-03-04"
    assert [(d["field"], d["kind"]) for d in after["differences"]] == [("name", "accents")]
    assert after["decision"] == "edit" and after["ready_to_sign"]  # the clerk keeps the remaining accent deliberately
    after = resolve(workspace, queue["an"], "edit", "typed from the CCCD card", "lan",
                    set_fields={"full_name": "nguyễn văn an"})
    assert after["status"] == "matched" and after["full_name"] == "Nguyễn Văn An"  # format corrected
    with workspace.db.session() as session:
        rows = session.scalar(select(func.count()).where(RecordDifference.record_id == queue["an"]))
    assert rows == 1  # the format difference stays listed


def test_edit_of_the_id_sends_the_record_back_to_the_check(workspace, queue):
    after = resolve(workspace, queue["invalid"], "edit", "ID re-typed from the card", "lan",
                    set_fields={"id_number": "001 070 012 349"})
    assert after["id_number"] == "001070012349" and after["status"] == "unchecked"
    assert after["decision"] is None and not after["ready_to_sign"] and after["registry"] is None
    assert queue["invalid"] not in queue_ids(workspace)


@pytest.mark.parametrize(("values", "word"), [
    ({"date_of_birth": "31/02/1990"}, "Date of birth"),
    ({"date_of_birth": "2999-01-01"}, "Date of birth"),
    ({"sex": "X"}, "Sex"),
    ({"id_number": "12345"}, "ID number"),
    ({"full_name": "An 2"}, "Full name"),
    ({"vaccine_name": "x"}, "Cannot edit"),
    ({}, "Enter the values"),
])
def test_edit_values_are_validated(workspace, queue, values, word):
    with pytest.raises(UserError) as info:
        resolve(workspace, queue["an"], "edit", "fix", "lan", set_fields=values)
    assert word in info.value.message.en
    assert decisions(workspace, queue["an"]) == []


def test_undo_restores_the_record_and_is_audited(workspace, queue):
    before = review_item(workspace, queue["thuy"])
    resolve(workspace, queue["thuy"], "accept_registry", "", "lan")
    resolve(workspace, queue["an"], "keep_list", "seen", "minh")  # another clerk's decision is not undone
    undone = undo_last(workspace, "lan")
    assert undone["undone_action"] == "accept_registry"
    now = review_item(workspace, queue["thuy"])
    for name in ("full_name", "date_of_birth", "decision", "status", "differences", "registry"):
        assert now[name] == before[name]
    assert queue["thuy"] in queue_ids(workspace, kind="dob:swapped")
    assert [d.undone for d in decisions(workspace, queue["thuy"])] == [True]
    with pytest.raises(UserError) as info:
        undo_last(workspace, "lan")
    assert info.value.code == "nothing_to_undo"
    with workspace.db.session() as session:
        assert session.scalar(select(func.count()).where(AuditEvent.action == "decision.undo")) == 1


def test_undo_of_an_id_edit_brings_back_the_check(workspace, queue):
    resolve(workspace, queue["invalid"], "edit", "retyped", "lan", set_fields={"id_number": "001070012349"})
    after = undo_last(workspace, "lan")
    assert after["status"] == "invalid_id" and after["id_number"] == "001070012348"


def test_bulk_decision_for_a_kind(workspace, queue):
    assert count_affected(workspace, kind="name:accents", action="accept_registry") == 2
    assert count_affected(workspace, status="not_found", action="accept_registry") == 0
    with pytest.raises(UserError):
        bulk_resolve(workspace, "accept_registry", "", "lan")  # no filter: refused
    with pytest.raises(UserError):
        bulk_resolve(workspace, "edit", "x", "lan", kind="accents")
    changed = bulk_resolve(workspace, "accept_registry", "", "lan", kind="name:accents")
    assert changed == 2
    assert queue_ids(workspace) == [queue["nobody"], queue["invalid"]]
    with workspace.db.session() as session:
        names = dict(session.execute(select(VaccinationRecord.id, VaccinationRecord.full_name)).all())
        assert names[queue["an"]] == "Nguyễn Văn An" and names[queue["thuy"]] == "Trần Thị Thuý"
        assert session.scalar(select(func.count()).where(AuditEvent.action == "decision.accept_registry")) == 2
        assert session.scalar(select(func.count()).select_from(Decision)) == 2
        assert verify_chain(session).ok


def test_signed_records_cannot_be_decided(workspace, queue):
    with workspace.db.session() as session:
        session.get(VaccinationRecord, queue["an"]).stage = "signed"
    with pytest.raises(UserError) as info:
        resolve(workspace, queue["an"], "accept_registry", "", "lan")
    assert info.value.code == "record_signed"


def test_ready_to_sign_follows_the_model(workspace, queue):
    assert review_item(workspace, queue["duc"])["ready_to_sign"]
    assert not review_item(workspace, queue["an"])["ready_to_sign"]
    assert not resolve(workspace, queue["duc"], "reject", "duplicate person", "lan")["ready_to_sign"]


def test_undo_takes_a_bulk_decision_back_as_a_whole(workspace, queue):
    resolve(workspace, queue["nobody"], "reject", "not vaccinated here", "lan")
    assert bulk_resolve(workspace, "accept_registry", "", "lan", kind="accents") == 2
    undone = undo_last(workspace, "lan")
    assert undone["undone_count"] == 2 and undone["undone_action"] == "accept_registry"
    assert queue_ids(workspace, kind="accents") == [queue["an"], queue["thuy"]]
    assert review_item(workspace, queue["an"])["full_name"] == "Nguyen Van An"
    assert undo_last(workspace, "lan")["record_id"] == queue["nobody"]  # then the single decision before it
    with workspace.db.session() as session:
        assert session.scalar(select(func.count()).where(AuditEvent.action == "decision.undo")) == 3
        assert verify_chain(session).ok
