"""The Verify page: pasted text or a picture → valid/invalid with the precise reason and the content."""

from __future__ import annotations

import base64
import json

import pytest

from desktop.printing.qr import qr_image
from tests.helpers import SHARED
from tests.unit.certificates.factory import make_hc1, make_issuer

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def issuer():
    return make_issuer()


@pytest.fixture
def page(qtbot, workspace, issuer):
    from desktop.sync.trust_cache import save_document, trust_list_path
    from desktop.views.context import AppContext
    from desktop.views.operations import wait_idle
    from desktop.views.pages.verify import create_page

    trust = issuer.trust_list()
    vector = json.loads((SHARED / "dcc" / "testdata" / "common" / "CO1.json").read_text())
    trust.add_certificate(base64.b64decode(vector["TESTCTX"]["CERTIFICATE"]))
    save_document(trust_list_path(workspace), json.loads(trust.to_json()))
    widget = create_page(AppContext(workspace, actor="lan"))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    wait_idle()


def verify(qtbot, page, text):
    page.verdict = None
    page.text_edit.setPlainText(text)
    page.verify_button.click()
    qtbot.waitUntil(lambda: page.verdict is not None, timeout=10000)
    return page.verdict


def test_valid_certificate_shows_its_content(qtbot, page, issuer):
    assert "2" in page.trust_label.text()
    hc1, uvci = make_hc1(issuer, "Nguyễn Thị Hồng Nhung", "1990-03-05")
    verdict = verify(qtbot, page, hc1)
    assert verdict.result.valid
    assert "HỢP LỆ" in page.verdict_label.text() and "KHÔNG" not in page.verdict_label.text()
    assert page.field_labels["full_name"].text() == "Nguyễn Thị Hồng Nhung"
    assert page.field_labels["uvci"].text() == uvci
    assert page.problem_list.count() == 0


def test_invalid_shows_the_precise_reason(qtbot, page):
    verify(qtbot, page, "HC2:XYZ")
    assert "KHÔNG HỢP LỆ" in page.verdict_label.text()
    assert "HC1:" in page.verdict_label.text()  # "does not start with HC1:"
    assert "[prefix]" in page.problem_list.item(0).text()


def test_foreign_certificate_signature_ok_but_expired(qtbot, page):
    vector = json.loads((SHARED / "dcc" / "testdata" / "common" / "CO1.json").read_text())
    verdict = verify(qtbot, page, vector["PREFIX"])
    codes = {p.code for p in verdict.result.problems}
    assert "expired" in codes and not codes & {"signature", "unknown_kid", "no_trust_list"}
    assert page.field_labels["uvci"].text() == "URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B"
    assert any("[expired]" in page.problem_list.item(i).text() for i in range(page.problem_list.count()))


def test_untrusted_signer(qtbot, page):
    stranger = make_issuer()
    verdict = verify(qtbot, page, make_hc1(stranger, "Đặng Văn Đức", "1985")[0])
    assert "unknown_kid" in {p.code for p in verdict.result.problems}


def test_picture_of_a_qr(qtbot, page, issuer, tmp_path, monkeypatch):
    from desktop.views.pages import verify as module

    hc1, _ = make_hc1(issuer, "Đặng Văn Đức", "1985-11-20")
    picture = tmp_path / "photo.png"
    qr_image(hc1, 3).convert("RGB").save(picture)
    monkeypatch.setattr(module, "ask_image", lambda _p: str(picture))
    page.image_button.click()
    qtbot.waitUntil(lambda: page.verdict is not None, timeout=10000)
    assert page.verdict.result.valid and page.text_edit.toPlainText() == hc1
    assert page.field_labels["full_name"].text() == "Đặng Văn Đức"


def test_no_trust_list_says_so(qtbot, tmp_path):
    from desktop.views.context import AppContext
    from desktop.views.pages.verify import create_page
    from desktop.workspace import Workspace

    empty = Workspace.open(tmp_path / "empty")
    widget = create_page(AppContext(empty))
    qtbot.addWidget(widget)
    assert "No trust list" in widget.trust_label.text() or "Chưa có danh sách tin cậy" in widget.trust_label.text()
    empty.close()



def test_english_window_shows_the_vaccine_type_in_english(qtbot, page, issuer):
    from desktop.i18n import set_language

    hc1, _uvci = make_hc1(issuer, "Nguyễn Thị Hồng Nhung", "1990-03-05")
    verify(qtbot, page, hc1)
    assert page.field_labels["vaccine_type"].text() == "Vắc xin mRNA phòng COVID-19"
    set_language("en")
    verify(qtbot, page, hc1)
    assert page.field_labels["vaccine_type"].text() == "SARS-CoV-2 mRNA vaccine"
