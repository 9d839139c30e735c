"""Faults: card pulled mid-batch, busy token, missing module, cancelled PIN, database failure.

A batch is stored completely or not at all, and signing again afterwards completes the work.
"""

from __future__ import annotations

import logging

import pkcs11
import pytest
from sqlalchemy import func, select, text

from desktop.errors import Cancelled, UserError
from desktop.models import OutboxItem, SignedRecord, SigningBatch, VaccinationRecord
from desktop.signing import batch as batch_module
from desktop.signing.batch import sign_ready
from desktop.signing.handler import ScriptedHandler
from tests.unit.signing.faulty_token import FaultyToken
from tests.unit.signing.support import PIN, add_records, copy_signing_workspace, template_workspace


@pytest.fixture
def ws(tmp_path_factory, tmp_path):
    workspace = copy_signing_workspace(template_workspace(tmp_path_factory), tmp_path / "ws")
    yield workspace
    workspace.close()


def counts(ws):
    with ws.db.session() as s:
        return {
            "batches": s.scalar(select(func.count()).select_from(SigningBatch)),
            "signed_rows": s.scalar(select(func.count()).select_from(SignedRecord)),
            "outbox": s.scalar(select(func.count()).select_from(OutboxItem)),
            "signed": s.scalar(select(func.count()).where(VaccinationRecord.stage == "signed")),
            "loaded": s.scalar(select(func.count()).where(VaccinationRecord.stage == "loaded")),
        }


def assert_consistent(ws):
    """Every stored batch is whole: its rows, its records, its outbox item; no record signed outside one."""
    with ws.db.session() as s:
        for batch in s.execute(select(SigningBatch)).scalars():
            assert s.scalar(select(func.count()).where(SignedRecord.batch_id == batch.id)) == batch.record_count
            assert s.scalar(select(func.count()).where(VaccinationRecord.batch_id == batch.id,
                                                       VaccinationRecord.stage == "signed")) == batch.record_count
            assert s.get(OutboxItem, batch.id) is not None
        assert s.scalar(select(func.count()).where(VaccinationRecord.stage == "signed",
                                                   VaccinationRecord.batch_id.is_(None))) == 0


def test_card_pulled_out_mid_batch_then_retry(ws):
    ws.settings.set("batch_size", 10)
    add_records(ws, 30)
    factory = FaultyToken.factory(faults={"sign": {2: pkcs11.DeviceRemoved()}})
    with pytest.raises(UserError) as err:
        sign_ready(ws, ScriptedHandler.with_pin(PIN), backend_factory=factory)
    assert err.value.code == "token_removed"
    assert "rút ra" in err.value.message.vi and "removed" in err.value.message.en
    assert counts(ws) == {"batches": 1, "signed_rows": 10, "outbox": 1, "signed": 10, "loaded": 20}
    assert_consistent(ws)
    results = sign_ready(ws, ScriptedHandler.with_pin(PIN))  # the clerk plugs the card back in and retries
    assert [r.records for r in results] == [10, 10] and all(r.token_operations == 1 for r in results)
    assert counts(ws) == {"batches": 3, "signed_rows": 30, "outbox": 3, "signed": 30, "loaded": 0}
    assert_consistent(ws)


@pytest.mark.parametrize("fault, method, code", [
    (pkcs11.TokenNotPresent(), "login", "token_removed"),
    (pkcs11.SessionHandleInvalid(), "sign", "token_removed"),
    (pkcs11.SessionCount(), "login", "token_busy"),
    (pkcs11.OperationActive(), "sign", "token_busy"),
    (pkcs11.DeviceError(), "certificates", "token_removed"),
])
def test_token_faults_leave_nothing_half_done(ws, fault, method, code):
    add_records(ws, 5)
    factory = FaultyToken.factory(faults={method: {1: fault}})
    with pytest.raises(UserError) as err:
        sign_ready(ws, ScriptedHandler.with_pin(PIN), backend_factory=factory)
    assert err.value.code == code
    assert counts(ws)["batches"] == 0 and counts(ws)["loaded"] == 5
    assert factory.made[0].counts.get("close", 0) >= 1  # the session was closed even so


def test_cancelled_pin_dialog_signs_nothing(ws):
    add_records(ws, 5)
    handler = ScriptedHandler.with_pin([None])
    with pytest.raises(Cancelled):
        sign_ready(ws, handler)
    assert counts(ws)["batches"] == 0 and handler.finished_calls == 1


def test_module_missing_or_unloadable(ws, tmp_path):
    add_records(ws, 1)
    for value, code in (("/nonexistent/vnptca_p11_v8.so", "token_module_missing"), ("VNPT-CA", "token_module_missing"),
                        ("", "token_module_missing")):
        ws.settings.set("token_module", value)
        with pytest.raises(UserError) as err:
            sign_ready(ws, ScriptedHandler.with_pin(PIN))
        assert err.value.code == code
    bogus = tmp_path / "not-a-module.so"
    bogus.write_bytes(b"not a shared library")
    ws.settings.set("token_module", str(bogus))
    with pytest.raises(UserError) as err:
        sign_ready(ws, ScriptedHandler.with_pin(PIN))
    assert err.value.code == "token_module_unloadable" and str(bogus) in err.value.message.en
    assert counts(ws)["batches"] == 0


def test_token_absent(ws):
    add_records(ws, 1)
    ws.settings.set("token_label", "VIETTEL-CA-TOKEN")
    with pytest.raises(UserError) as err:
        sign_ready(ws, ScriptedHandler.with_pin(PIN))
    assert err.value.code == "token_absent" and "VIETTEL-CA-TOKEN" in err.value.message.vi


def test_database_failure_while_storing_rolls_the_whole_batch_back(ws, monkeypatch):
    add_records(ws, 8)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(batch_module, "record_events", broken)
    with pytest.raises(OSError):
        sign_ready(ws, ScriptedHandler.with_pin(PIN))
    assert counts(ws) == {"batches": 0, "signed_rows": 0, "outbox": 0, "signed": 0, "loaded": 8}
    monkeypatch.undo()
    assert sum(r.records for r in sign_ready(ws, ScriptedHandler.with_pin(PIN))) == 8


def test_a_record_changed_while_the_token_signs_is_not_signed_stale(ws):
    ids = add_records(ws, 4)

    def clerk_rejects_one(_n):
        with ws.db.session() as s:
            s.execute(text("UPDATE vaccination_record SET decision='reject', updated_at=CURRENT_TIMESTAMP "
                           "WHERE id=:i"), {"i": ids[2]})

    factory = FaultyToken.factory(side_effects={"sign": clerk_rejects_one})
    with pytest.raises(UserError) as err:
        sign_ready(ws, ScriptedHandler.with_pin(PIN), backend_factory=factory)
    assert err.value.code == "records_changed"
    assert counts(ws)["batches"] == 0
    [result] = sign_ready(ws, ScriptedHandler.with_pin(PIN))
    assert result.records == 3


def test_every_pkcs11_call_runs_on_the_token_thread(ws):
    add_records(ws, 3)
    factory = FaultyToken.factory()
    sign_ready(ws, ScriptedHandler.with_pin(PIN), backend_factory=factory)
    assert {t for t in factory.made[0].threads} and all(t.startswith("vaxdesk-token") for t in factory.made[0].threads)
    assert factory.made[0].counts["sign"] == 1


def test_wrong_pin_then_right_pin_and_the_pin_is_never_logged(ws, caplog):
    caplog.set_level(logging.DEBUG)
    add_records(ws, 2)
    handler = ScriptedHandler.with_pin(["99999999", PIN])
    [result] = sign_ready(ws, handler)
    assert result.records == 2
    assert len(handler.pin_requests) == 2
    assert handler.pin_requests[0].problem is None
    assert "Wrong PIN" in handler.pin_requests[1].problem.en and "Sai mã PIN" in handler.pin_requests[1].problem.vi
    assert "99999999" not in caplog.text and PIN not in caplog.text


def test_last_try_is_warned_and_said(ws):
    add_records(ws, 1)
    factory = FaultyToken.factory(faults={"login": {1: pkcs11.PinIncorrect()}},
                                  extra_flags=int(pkcs11.TokenFlag.USER_PIN_FINAL_TRY))
    handler = ScriptedHandler.with_pin(["11111111", None])
    with pytest.raises(Cancelled):
        sign_ready(ws, handler, backend_factory=factory)
    first, second = handler.pin_requests
    assert first.warning is not None and "last try" in first.warning.en
    assert "1 try left" in second.problem.en and "Còn 1 lần thử".lower() in second.problem.vi.lower()
    assert "lần thử cuối" in second.prompt().vi


def test_locked_pin(ws):
    add_records(ws, 1)
    factory = FaultyToken.factory(extra_flags=int(pkcs11.TokenFlag.USER_PIN_LOCKED))
    handler = ScriptedHandler.with_pin(PIN)
    with pytest.raises(UserError) as err:
        sign_ready(ws, handler, backend_factory=factory)
    assert err.value.code == "pin_locked" and "issuing CA" in err.value.message.en
    assert handler.pin_requests == []  # no PIN asked of a locked token
    factory = FaultyToken.factory(faults={"login": {1: pkcs11.PinLocked()}})
    with pytest.raises(UserError) as err:
        sign_ready(ws, ScriptedHandler.with_pin(PIN), backend_factory=factory)
    assert err.value.code == "pin_locked" and "CA" in err.value.message.vi


def test_pin_is_not_in_any_error(ws):
    add_records(ws, 1)
    factory = FaultyToken.factory(faults={"login": {1: pkcs11.PinIncorrect(), 2: pkcs11.PinIncorrect(),
                                                    3: pkcs11.PinIncorrect(), 4: pkcs11.PinIncorrect(),
                                                    5: pkcs11.PinIncorrect()}})
    with pytest.raises(UserError) as err:
        sign_ready(ws, ScriptedHandler.with_pin(["24681357"] * 5), backend_factory=factory)
    assert err.value.code == "pin_incorrect"
    chain, exc = [], err.value
    while exc is not None:
        chain.append(exc)
        exc = exc.__cause__ or exc.__context__
    for e in chain:
        assert "24681357" not in repr(e) and "24681357" not in repr(getattr(e, "args", ()))


def test_a_record_signed_elsewhere_is_not_signed_twice_even_at_the_same_version(ws):
    """The version shown is checked, and so is readiness itself: a record another workstation signed
    while the token was signing stays in that batch, even if its version were not raised."""
    ids = add_records(ws, 5)

    def signed_elsewhere(_n):
        with ws.db.session() as s:
            s.execute(text("DROP TRIGGER vaccination_record_version"))  # the version stays as shown
            s.execute(text("UPDATE vaccination_record SET stage = 'signed' WHERE id = :i"), {"i": ids[1]})

    factory = FaultyToken.factory(side_effects={"sign": signed_elsewhere})
    with pytest.raises(UserError) as err:
        sign_ready(ws, ScriptedHandler.with_pin(PIN), backend_factory=factory)
    assert err.value.code == "records_changed"
    assert counts(ws) == {"batches": 0, "signed_rows": 0, "outbox": 0, "signed": 1, "loaded": 4}
    with ws.db.session() as s:
        assert s.scalar(select(func.count()).where(VaccinationRecord.batch_id.is_not(None))) == 0


def test_signing_raises_each_records_version_once(ws):
    ids = add_records(ws, 3)
    with ws.db.session() as s:
        s.execute(text("UPDATE vaccination_record SET decision_reason = 'x' WHERE id = :i"), {"i": ids[0]})
        before = dict(s.execute(select(VaccinationRecord.id, VaccinationRecord.version)).all())
    assert before == {ids[0]: 2, ids[1]: 1, ids[2]: 1}
    [result] = sign_ready(ws, ScriptedHandler.with_pin(PIN))
    assert result.records == 3
    with ws.db.session() as s:
        after = dict(s.execute(select(VaccinationRecord.id, VaccinationRecord.version)).all())
    assert after == {i: v + 1 for i, v in before.items()}
