"""A correction makes a new unchecked record superseding the old; the old certificate is then superseded."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import select

from desktop.audit import verify_chain
from desktop.certificates.corrections import create_correction, mark_superseded_certificates, parse_changes
from desktop.certificates.detail import certificate_detail
from desktop.errors import UserError
from desktop.models import AuditEvent, Certificate, Decision, VaccinationRecord
from tests.unit.certificates.factory import add_certificate


def record_of(workspace, cert_id):
    with workspace.db.session() as session:
        return session.get(Certificate, cert_id).record_id


def test_correction_copies_the_record_with_edits(workspace, people):
    old_id = record_of(workspace, people[0])
    with workspace.db.session() as session:
        changes = parse_changes([f"full_name={unicodedata.normalize('NFD', 'Nguyễn Thị Hồng  Nhung')}x",
                                 "dob=05/04/1990", "dose=1"])
        new = create_correction(session, old_id, changes, "Sai tên khi nhập", "clerk1")
        new_id = new.id
    with workspace.db.session() as session:
        old, new = session.get(VaccinationRecord, old_id), session.get(VaccinationRecord, new_id)
        assert new.full_name == "Nguyễn Thị Hồng Nhungx" and new.name_folded == "nguyen thi hong nhungx"
        assert (new.date_of_birth, new.dose_number, new.dn) == ("1990-04-05", 1, 1)
        assert new.supersedes_record_id == old_id
        assert (new.check_status, new.stage, new.decision, new.batch_id) == ("unchecked", "loaded", None, None)
        assert not new.ready_to_sign  # the registry must check it again
        assert (new.id_number, new.vaccine_mp, new.lot, new.sd) == (old.id_number, old.vaccine_mp, old.lot, old.sd)
        assert old.full_name == "Nguyễn Thị Hồng Nhung" and old.stage == "certified"
        decision = session.execute(select(Decision).where(Decision.record_id == new_id)).scalar_one()
        assert decision.action == "edit" and decision.reason == "Sai tên khi nhập" and decision.actor == "clerk1"
        assert decision.before["full_name"] == "Nguyễn Thị Hồng Nhung"
        actions = [e.action for e in session.execute(select(AuditEvent)).scalars()]
        assert "record_correction_created" in actions and "certificate_correction_requested" in actions
        assert verify_chain(session).ok
        detail = certificate_detail(session, people[0])
        assert detail.correction_record_id == new_id
        assert any(h.kind == "certificate_correction_requested" for h in detail.history)


@pytest.mark.parametrize("pairs,reason,code", [
    (["full_name=A B"], "", "reason_required"),
    (["colour=red"], "r", "bad_field"),
    (["dob=31/02/1990"], "r", "bad_value"),
    (["dob=2999-01-01"], "r", "bad_value"),
    (["dose=0"], "r", "bad_value"),
    (["sex=X"], "r", "bad_value"),
    (["id_number=12"], "r", "bad_value"),
    (["full_name=Nguyễn Thị Hồng Nhung"], "r", "nothing_changed"),
])
def test_refusals(workspace, people, pairs, reason, code):
    old_id = record_of(workspace, people[0])
    with pytest.raises(UserError) as err:
        with workspace.db.session() as session:
            create_correction(session, old_id, parse_changes(pairs), reason, "clerk")
    assert err.value.code == code
    with workspace.db.session() as session:
        assert session.execute(select(VaccinationRecord).where(VaccinationRecord.supersedes_record_id == old_id)
                               ).first() is None


def test_one_pending_correction_at_a_time_and_only_for_valid_certificates(workspace, people):
    old_id = record_of(workspace, people[0])
    with workspace.db.session() as session:
        first = create_correction(session, old_id, {"full_name": "Nguyễn Thị Hồng Nhung A"}, "typo", "c").id
    with pytest.raises(UserError) as err, workspace.db.session() as session:
        create_correction(session, old_id, {"full_name": "Nguyễn Thị Hồng Nhung B"}, "typo", "c")
    assert err.value.code == "correction_pending" and err.value.details["pending_record_id"] == first
    other = record_of(workspace, people[1])
    with workspace.db.session() as session:
        session.execute(select(Certificate).where(Certificate.record_id == other)).scalar_one().status = "revoked"
    with pytest.raises(UserError) as err, workspace.db.session() as session:
        create_correction(session, other, {"full_name": "Đặng Văn Đức B"}, "typo", "c")
    assert err.value.code == "no_valid_certificate"


def test_new_certificate_supersedes_the_old(workspace, people, issuer):
    old_id = record_of(workspace, people[1])
    with workspace.db.session() as session:
        new_record = create_correction(session, old_id, {"full_name": "Đặng Văn Đực"}, "wrong tone mark", "c")
        new_record_id = new_record.id
    with workspace.db.session() as session:
        new_cert = add_certificate(session, issuer, "Đặng Văn Đực", "1985-11-20", "M", "079085001234")
        # the sync engine stores the new certificate on the correcting record
        new_cert.record_id = new_record_id
        session.get(VaccinationRecord, new_record_id).stage = "certified"
        new_uvci = new_cert.uvci
    with workspace.db.session() as session:
        assert mark_superseded_certificates(session, "sync") == [(session.get(Certificate, people[1]).uvci, new_uvci)]
    with workspace.db.session() as session:
        old = session.get(Certificate, people[1])
        assert (old.status, old.superseded_by) == ("superseded", new_uvci)
        assert session.get(VaccinationRecord, old_id).stage == "superseded"
        assert mark_superseded_certificates(session) == []  # idempotent
        detail = certificate_detail(session, people[1])
        assert detail.validity.state == "superseded" and new_uvci in detail.validity.message.en
        assert any(h.kind == "certificate_superseded" for h in detail.history)
