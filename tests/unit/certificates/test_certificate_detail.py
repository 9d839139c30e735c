from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.certificates.content import validity
from desktop.certificates.detail import certificate_detail, find_certificate
from desktop.errors import UserError
from desktop.models import Certificate


def test_detail_shows_decoded_fields_form_and_history(workspace, people):
    with workspace.db.session() as session:
        detail = certificate_detail(session, people[0])
        uvci = session.get(Certificate, people[0]).uvci
    assert detail.dcc["nam"]["fn"] == "Nguyễn" and detail.dcc["nam"]["gn"] == "Thị Hồng Nhung"
    assert detail.dcc["v"][0]["ci"] == uvci == detail.form.uvci
    assert detail.form.full_name == "Nguyễn Thị Hồng Nhung"
    assert detail.form.vaccine_product == "Comirnaty" and detail.form.nationality == "Việt Nam"
    assert detail.form.nationality_en == "Viet Nam"
    assert detail.validity.state == "valid"
    assert [h.kind for h in detail.history] == ["issued", "received"]
    assert detail.as_dict()["validity"]["state"] == "valid"
    with workspace.db.session() as session:
        assert certificate_detail(session, uvci).row.id == people[0]


def test_unknown_certificate(workspace, people):
    with pytest.raises(UserError) as err, workspace.db.session() as session:
        find_certificate(session, "URN:UVCI:01:VN:XYZ")
    assert err.value.code == "no_certificate"


@pytest.mark.parametrize("days,state", [(200, "valid"), (20, "expiring"), (-3, "expired")])
def test_validity_twelve_months_and_reissue(days, state):
    now = datetime(2026, 1, 1, tzinfo=UTC)
    result = validity("valid", now + timedelta(days=days, hours=1), now)
    assert result.state == state
    if state != "valid":
        assert "re-issue" in result.message.en and "cấp lại" in result.message.vi


def test_validity_of_superseded_and_revoked():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert validity("superseded", now + timedelta(days=100), now, "URN:X").state == "superseded"
    revoked = validity("revoked", now + timedelta(days=100), now, revoked_reason="issued in error")
    assert revoked.state == "revoked" and "issued in error" in revoked.message.en
