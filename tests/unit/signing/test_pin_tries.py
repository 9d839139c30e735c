"""Wrong PINs: the clerk is told how many tries are left only when the token really tells.

PKCS#11 tokens give flags, not a number: "count low", "final try", "locked". SoftHSM (and some cards)
raise "count low" after any wrong PIN, so "few tries left" is said only when the flag appears later
than the first wrong PIN of a sign-in.
"""

from __future__ import annotations

import pytest

from desktop.errors import Cancelled, UserError
from desktop.signing.batch import sign_ready
from desktop.signing.handler import ScriptedHandler
from desktop.signing.pkcs11_backend import PIN_COUNT_LOW
from tests.unit.signing.faulty_token import FaultyToken, PinCountingCard
from tests.unit.signing.support import PIN, add_records, copy_signing_workspace, template_workspace

WRONG = "11112222"


@pytest.fixture
def ws(tmp_path_factory, tmp_path):
    workspace = copy_signing_workspace(template_workspace(tmp_path_factory), tmp_path / "ws")
    add_records(workspace, 1)
    yield workspace
    workspace.close()


def problems(handler) -> list[str]:
    return [r.problem.en if r.problem else "" for r in handler.pin_requests]


def test_softhsm_raises_count_low_at_the_first_wrong_pin_and_few_is_not_claimed(ws):
    factory = FaultyToken.factory()
    handler = ScriptedHandler.with_pin([WRONG, WRONG, None])
    with pytest.raises(Cancelled):
        sign_ready(ws, handler, backend_factory=factory)
    assert factory.made[0].real.info().flags & PIN_COUNT_LOW  # what the real token reports
    assert problems(handler) == ["", "Wrong PIN.", "Wrong PIN."]
    assert all("few" not in p for p in problems(handler))
    assert handler.pin_requests[2].problem.vi == "Sai mã PIN."


def test_a_card_counting_down_says_few_then_last_then_locked(ws):
    factory = PinCountingCard.factory(tries=5, low_at=2)
    handler = ScriptedHandler.with_pin([WRONG] * 5)
    with pytest.raises(UserError) as err:
        sign_ready(ws, handler, backend_factory=factory)
    assert problems(handler) == [
        "", "Wrong PIN.", "Wrong PIN.",
        "Wrong PIN. The token says only a few tries are left before it locks.",
        "Wrong PIN. 1 try left: one more wrong PIN locks the token, and only the CA can unlock it.",
    ]
    assert [r.warning is not None for r in handler.pin_requests] == [False, False, False, False, True]
    assert "ít lần thử" in handler.pin_requests[3].problem.vi
    assert err.value.code == "pin_locked" and "issuing CA" in err.value.message.en
    # the card is locked now: the next sign-in asks no PIN at all
    again = ScriptedHandler.with_pin(PIN)
    with pytest.raises(UserError) as err:
        sign_ready(ws, again, backend_factory=lambda path: factory.made[0])
    assert err.value.code == "pin_locked" and again.pin_requests == []


def test_a_card_raising_count_low_from_the_first_failure_is_not_believed_until_the_final_try(ws):
    factory = PinCountingCard.factory(tries=4, low_at=2, count_low_from_first=True)
    handler = ScriptedHandler.with_pin([WRONG, WRONG, WRONG, None])
    with pytest.raises(Cancelled):
        sign_ready(ws, handler, backend_factory=factory)
    assert problems(handler) == [
        "", "Wrong PIN.", "Wrong PIN.",
        "Wrong PIN. 1 try left: one more wrong PIN locks the token, and only the CA can unlock it.",
    ]
    assert "Chỉ còn 1 lần thử" in handler.pin_requests[3].problem.vi


def test_the_right_pin_after_wrong_ones_signs_and_resets_the_count(ws):
    factory = PinCountingCard.factory(tries=3, low_at=1)
    handler = ScriptedHandler.with_pin([WRONG, PIN])
    [result] = sign_ready(ws, handler, backend_factory=factory)
    assert result.records == 1
    assert problems(handler) == ["", "Wrong PIN."]
    card = factory.made[0]
    assert card.left == card.tries and not card.pin_flags()
