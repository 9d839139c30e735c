"""Before signing: what the central service would refuse is held out, counted and named with its row."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from desktop.models import VaccinationRecord as R
from desktop.signing.batch import sign_ready, summarize
from desktop.signing.handler import ScriptedHandler
from desktop.signing.presign import check_before_signing
from tests.unit.signing.support import PIN, add_records, copy_signing_workspace, template_workspace


@pytest.fixture
def ws(tmp_path_factory, tmp_path):
    workspace = copy_signing_workspace(template_workspace(tmp_path_factory), tmp_path / "ws")
    yield workspace
    workspace.close()


def set_fields(ws, record_id, **values):
    with ws.db.session() as session:
        session.execute(update(R).where(R.id == record_id).values(**values))


def test_each_kind_of_refusal_is_caught_before_signing(ws):
    ids = add_records(ws, 7)
    set_fields(ws, ids[0], full_name="Nguyễn Αλέξανδρος")  # Greek: ICAO letters cannot write it
    set_fields(ws, ids[1], full_name="Trần Anβ")  # one Greek letter would silently vanish from gnt
    set_fields(ws, ids[2], vaccine_mp="EU/9/99/9999")  # not in the value sets
    set_fields(ws, ids[3], id_number=" 001190000004", dn=2)  # the same person and dose as ids[4], other spelling
    set_fields(ws, ids[4], id_number="001190000004", vaccination_date="2026-11-20")
    with ws.db.session() as session:
        report = check_before_signing(session, ids)
    kinds = {o.record_id: o.kind for o in report.obstacles}
    assert kinds == {ids[0]: "name", ids[1]: "name", ids[2]: "schema", ids[4]: "dose_twice"}
    assert report.counts() == {"name": 2, "schema": 1, "dose_twice": 1}
    note = report.message()
    assert "Αλέξανδρος" in note.vi and "β" in note.en and "EU/9/99/9999" in note.en
    assert f"row {4 + 2}" in note.en  # the other copy's row is named (source_row = i + 2)

    summary = summarize(ws)
    assert summary.ready == 3 and summary.obstacles == report.counts()
    assert "Giữ lại, không ký" in summary.message().vi and "Held back" in summary.message().en
    results = sign_ready(ws, ScriptedHandler.with_pin(PIN))
    assert sum(r.records for r in results) == 3
    with ws.db.session() as session:
        signed = {i for (i,) in session.execute(R.__table__.select().with_only_columns(R.id)
                                                .where(R.batch_id.is_not(None))).all()}
        held = [session.get(R, i) for i in ids[:5] if i != ids[3]]
    assert signed == {ids[3], ids[5], ids[6]}
    assert all(r.stage == "loaded" and r.batch_id is None for r in held)


def test_a_dose_already_signed_is_not_signed_again(ws):
    first = add_records(ws, 1)
    assert sum(r.records for r in sign_ready(ws, ScriptedHandler.with_pin(PIN))) == 1
    again = add_records(ws, 1)  # the same person and dose, in a later list
    set_fields(ws, again[0], vaccination_date="2026-11-27")
    summary = summarize(ws)
    assert summary.ready == 0 and summary.obstacles == {"dose_twice": 1}
    handler = ScriptedHandler.with_pin(PIN)
    assert sign_ready(ws, handler) == []
    said = " ".join(m.en for m in handler.messages)
    assert "already signed" in said and "correct the certificate" in said
    assert first != again


def test_another_facilitys_list_is_named_not_just_nothing_to_sign(ws):
    add_records(ws, 4, facility_code="79002")
    summary = summarize(ws)
    assert summary.ready == 0 and summary.obstacles == {"facility": 4}
    handler = ScriptedHandler.with_pin(PIN)
    assert sign_ready(ws, handler) == []
    said = " ".join(m.vi for m in handler.messages)
    assert "79002 (4)" in said and "phạm vi ký" in said
