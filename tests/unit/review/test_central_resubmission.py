"""Records the central service rejected come back to Review: reject/defer act on them, a signable
decision resubmits them as a new record that is signed in a new batch; what was signed never changes."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.audit import verify_chain
from desktop.errors import UserError
from desktop.models import AuditEvent, Decision, SignedRecord, VaccinationRecord
from desktop.models.record_difference import RecordDifference
from desktop.overview.picture import todays_picture
from desktop.review import bulk_resolve, queue_counts, queue_ids, resolve, review_item, undo_last
from desktop.signing.batch import Selection, plan_batches
from desktop.sync.store import _mark_rejected, load_leaves
from tests.unit.registry.factory import add_checked, citizen
from tests.unit.sync.sync_factory import FacilityKey, sign_batch

AN = citizen("001090012345", "012345678", "Nguyễn Văn An", "1990-05-12", "M")
THUY = citizen("001185012346", None, "Trần Thị Thuý", "1985-03-04", "F")
DUC = citizen("079201012347", None, "Đặng Minh Đức", "2001-11-30", "M")
REASON = {"reason_code": "dose_already_certified",
          "message": {"vi": "Mũi 1 của người này đã được cấp chứng nhận", "en": "Dose 1 of this person is already certified"}}


def reject_centrally(workspace, record_ids: list[int]) -> str:
    """Sign the records (file key, the documented batch format) and store the central's rejection of all of
    them through the sync's own code."""
    batch_id = sign_batch(workspace.db, record_ids, FacilityKey.generate("01001"))
    leaves = load_leaves(workspace.db, batch_id)
    with workspace.db.session() as session:
        from desktop.sync.store import BatchOutcome

        _mark_rejected(session, [(leaf, REASON) for leaf in leaves], "sync", BatchOutcome(batch_id))
    return batch_id


@pytest.fixture
def rejected(workspace):
    ids = add_checked(workspace, [
        (("Nguyen Van An", "1990-05-12", "M", "001090012345"), AN),     # mismatch name:accents
        (("Trần Thị Thuý", "1985-03-04", "F", "001185012346"), THUY),   # matched
        (("Đặng Minh Đức", "2001-11-30", "M", "079201012347"), DUC),    # matched, stays unsigned
    ])
    an, thuy, duc = ids
    resolve(workspace, an, "keep_list", "Người được tiêm xác nhận", "lan")
    batch_id = reject_centrally(workspace, [an, thuy])
    return {"an": an, "thuy": thuy, "duc": duc, "batch": batch_id}


def record(ws, record_id) -> VaccinationRecord:
    with ws.db.session() as session:
        r = session.get(VaccinationRecord, record_id)
        session.expunge(r)
        return r


def attestations(ws) -> dict[int, bytes]:
    with ws.db.session() as session:
        return dict(session.execute(select(SignedRecord.record_id, SignedRecord.attestation)).all())


def test_rejected_records_are_in_their_own_queue_status_with_the_reason(workspace, rejected):
    assert queue_ids(workspace, status="central") == [rejected["an"], rejected["thuy"]]
    assert queue_ids(workspace) == [rejected["an"], rejected["thuy"]]
    counts = queue_counts(workspace)
    assert counts["statuses"]["central"] == 2 and counts["total"] == 2
    assert counts["kinds"] == {}  # kinds are for unsigned records only
    assert queue_ids(workspace, kind="accents") == []
    item = review_item(workspace, rejected["an"])
    assert item["stage"] == "rejected_central"
    assert item["central_reason"].startswith("dose_already_certified: Mũi 1")
    assert "Dose 1 of this person" in item["central_reason"]


def test_keep_list_resubmits_a_new_record_and_closes_the_old_one(workspace, rejected):
    signed_before = attestations(workspace)
    after = resolve(workspace, rejected["thuy"], "keep_list", "Trung ương đã gỡ chứng nhận trùng", "lan")
    new_id = after["record_id"]
    assert new_id != rejected["thuy"] and after["resubmission_of"] == rejected["thuy"]
    assert after["ready_to_sign"] and after["stage"] == "loaded" and after["decision"] == "keep_list"
    old, new = record(workspace, rejected["thuy"]), record(workspace, new_id)
    for name in ("list_id", "source_row", "full_name", "date_of_birth", "sex", "id_number", "vaccine_mp", "lot",
                 "dose_number", "vaccination_date", "check_status", "registry_values", "facility_code"):
        assert getattr(new, name) == getattr(old, name), name
    assert (new.batch_id, new.central_reason, new.supersedes_record_id) == (None, "", None)
    assert (old.stage, old.decision, old.batch_id) == ("superseded", "reject", rejected["batch"])
    assert old.decision_reason == f"resubmitted as record {new_id}"
    assert old.central_reason.startswith("dose_already_certified")  # the central's reason is kept
    assert queue_ids(workspace) == [rejected["an"]]
    assert attestations(workspace) == signed_before  # what was signed is untouched
    with workspace.db.session() as session:
        decided = {d.record_id: (d.action, d.before.get("resubmission_of"), d.after.get("resubmitted_as"))
                   for d in session.scalars(select(Decision).where(Decision.actor == "lan"))}
        assert decided[new_id] == ("keep_list", rejected["thuy"], None)
        assert decided[rejected["thuy"]] == ("reject", None, new_id)
        actions = {(e.action, e.entity_id) for e in session.scalars(select(AuditEvent))}
        assert ("review.resubmitted", str(rejected["thuy"])) in actions
        assert ("decision.keep_list", str(new_id)) in actions
        assert verify_chain(session).ok
    # the signing selection takes the new record (with the untouched Đức), never the old one
    with workspace.db.session() as session:
        batches, waiting, corrections = plan_batches(session, workspace.settings, Selection())
    assert [b.record_ids for b in batches] == [(rejected["duc"], new_id)]
    assert (batches[0].kind, waiting, corrections) == ("issue", 0, 0)


def test_the_overview_counts_a_resubmitted_dose_once(workspace, rejected):
    before = todays_picture(workspace).totals
    assert before["rejected"] == 2 and sum(before.values()) == 3
    resolve(workspace, rejected["thuy"], "keep_list", "gửi lại", "lan")
    after = todays_picture(workspace).totals
    assert sum(after.values()) == 3
    assert after["rejected"] == 1 and after["ready_to_sign"] == before["ready_to_sign"] + 1
    resolve(workspace, rejected["an"], "reject", "Trùng người", "lan")  # dropped: stays counted as rejected
    assert todays_picture(workspace).totals["rejected"] == 1


def test_accept_registry_resubmits_with_the_registrys_values(workspace, rejected):
    after = resolve(workspace, rejected["an"], "accept_registry", "", "lan")
    assert after["full_name"] == "Nguyễn Văn An" and after["ready_to_sign"]
    assert record(workspace, rejected["an"]).full_name == "Nguyen Van An"  # the signed record keeps its values


def test_an_edited_id_number_sends_the_resubmission_back_to_the_check(workspace, rejected):
    after = resolve(workspace, rejected["thuy"], "edit", "Sai số CCCD", "lan", set_fields={"id_number": "001185099999"})
    assert after["id_number"] == "001185099999" and after["status"] == "unchecked"
    assert after["decision"] is None and not after["ready_to_sign"]
    assert record(workspace, rejected["thuy"]).id_number == "001185012346"


def test_an_edit_keeping_the_id_is_compared_again(workspace, rejected):
    after = resolve(workspace, rejected["an"], "edit", "Sửa dấu theo CCCD", "lan",
                    set_fields={"full_name": "Nguyễn Văn An"})
    assert after["status"] == "matched" and after["differences"] == [] and after["ready_to_sign"]
    with workspace.db.session() as session:
        assert session.scalar(select(func.count()).select_from(RecordDifference)
                              .where(RecordDifference.record_id == after["record_id"])) == 0


def test_an_invalid_edit_changes_nothing(workspace, rejected):
    with pytest.raises(UserError) as err:
        resolve(workspace, rejected["an"], "edit", "x", "lan", set_fields={"date_of_birth": "31/02/1990"})
    assert err.value.code == "invalid_value"
    with workspace.db.session() as session:
        assert session.scalar(select(func.count()).select_from(VaccinationRecord)) == 3
    assert record(workspace, rejected["an"]).stage == "rejected_central"


def test_reject_and_defer_act_on_the_rejected_record(workspace, rejected):
    after = resolve(workspace, rejected["an"], "defer", "", "lan")
    assert after["record_id"] == rejected["an"] and after["decision"] == "defer"
    assert queue_ids(workspace, status="deferred") == [rejected["an"]]
    assert queue_ids(workspace, status="central") == [rejected["thuy"]]
    undone = undo_last(workspace, "lan")
    assert undone["decision"] == "keep_list" and queue_ids(workspace, status="central") == [rejected["an"], rejected["thuy"]]
    after = resolve(workspace, rejected["an"], "reject", "Không phải người được tiêm", "lan")
    assert after["stage"] == "rejected_central" and after["decision"] == "reject"
    assert queue_ids(workspace) == [rejected["thuy"]]
    with pytest.raises(UserError) as err:
        resolve(workspace, rejected["an"], "keep_list", "thử lại", "lan")
    assert err.value.code == "central_closed"
    with workspace.db.session() as session:
        assert session.scalar(select(func.count()).select_from(VaccinationRecord)) == 3


def test_a_resubmission_cannot_be_undone_or_resubmitted_twice(workspace, rejected):
    after = resolve(workspace, rejected["thuy"], "keep_list", "gửi lại", "lan")
    with pytest.raises(UserError) as err:
        undo_last(workspace, "lan")
    assert err.value.code == "undo_resubmission" and str(after["record_id"]) in err.value.message.en
    with pytest.raises(UserError) as err:
        resolve(workspace, rejected["thuy"], "keep_list", "gửi lại", "lan")
    assert err.value.code == "central_closed"


def test_bulk_on_the_central_status_resubmits_each_record(workspace, rejected):
    changed = bulk_resolve(workspace, "keep_list", "Cơ sở đã được cấp quyền", "lan", status="central")
    assert changed == 2
    assert queue_ids(workspace) == []
    with workspace.db.session() as session:
        stages = dict(session.execute(select(VaccinationRecord.id, VaccinationRecord.stage)).all())
        ready = session.scalars(select(VaccinationRecord).where(VaccinationRecord.stage == "loaded")).all()
        assert sum(1 for r in ready if r.ready_to_sign) == 3
    assert stages[rejected["an"]] == stages[rejected["thuy"]] == "superseded"
