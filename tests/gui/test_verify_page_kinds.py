"""The Verify page shows test and recovery certificates as fully as vaccinations, says what is
wrong in plain words, and keeps the technical findings behind "Chi tiết"."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from tests.gui.test_verify_page import verify
from tests.unit.dcc.conftest import raw_hc1, sample_dcc

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, workspace, tmp_path):
    from desktop.dcc.trust_import import import_file
    from desktop.views.context import AppContext
    from desktop.views.operations import wait_idle
    from desktop.views.pages.verify import create_page
    from tests.fuzz import adversarial

    pem = tmp_path / "dsc.pem"
    pem.write_bytes(adversarial.signing_key()[1].public_bytes(Encoding.PEM))
    import_file(workspace.path, pem, source="EU DCCG")
    widget = create_page(AppContext(workspace, actor="lan"))
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    wait_idle()


def _signed(dcc):
    from tests.fuzz import adversarial

    return raw_hc1(dcc, adversarial.signing_key()[0], iat=1_900_000_000 - 86400, exp=1_900_000_000 + 86400 * 365)


def _test_dcc():
    dcc = sample_dcc()
    del dcc["v"]
    dcc["t"] = [{"tg": "840539006", "tt": "LP217198-3", "ma": "1232", "sc": "2030-03-16T08:30:00Z",
                 "tr": "260415000", "tc": "Bệnh viện Bạch Mai", "co": "VN", "is": "Bộ Y tế",
                 "ci": "URN:UVCI:01:VN:TEST0000001"}]
    return dcc


def test_trust_label_counts_imported_certificates(page):
    assert "1" in page.trust_label.text()


def test_a_test_certificate_shows_its_fields(qtbot, page, monkeypatch):
    from desktop.certificates import verification

    real = verification.verify_hc1
    monkeypatch.setattr(verification, "verify_hc1",
                        lambda text, trust, now=None: real(text, trust, now=_at()))
    verdict = verify(qtbot, page, _signed(_test_dcc()))
    assert verdict.result.valid, [p.as_dict() for p in verdict.result.problems]
    assert "xét nghiệm" in page.kind_label.text()
    assert page.field_labels["full_name"].text() == "Nguyễn Thị Hồng Nhung"
    assert "Panbio" in page.field_labels["test_device"].text()
    assert page.field_labels["test_result"].text() == "Not detected"
    assert page.field_labels["sample_time"].text() == "16/03/2030 08:30 UTC"
    assert page.field_labels["uvci"].text() == "URN:UVCI:01:VN:TEST0000001"


def test_a_recovery_certificate_shows_its_fields(qtbot, page, monkeypatch):
    from desktop.certificates import verification

    real = verification.verify_hc1
    monkeypatch.setattr(verification, "verify_hc1",
                        lambda text, trust, now=None: real(text, trust, now=_at()))
    dcc = sample_dcc()
    del dcc["v"]
    dcc["r"] = [{"tg": "840539006", "fr": "2030-02-01T00:00:00Z", "co": "VN", "is": "Bộ Y tế",
                 "df": "2030-02-11", "du": "2030-07-31", "ci": "URN:UVCI:01:VN:RECOVERY0001"}]
    verdict = verify(qtbot, page, _signed(dcc))
    assert verdict.result.valid
    assert "khỏi bệnh" in page.kind_label.text()
    assert page.field_labels["first_positive"].text() == "01/02/2030"
    assert page.field_labels["valid_until"].text() == "31/07/2030"
    # The tolerated date-time is reported, behind the details button.
    assert page.details_button.isVisibleTo(page) and not page.details_panel.isVisibleTo(page)
    assert any("[date_tolerated]" in page.problem_list.item(i).text() for i in range(page.problem_list.count()))


def test_damaged_code_says_so_plainly_with_details_on_request(qtbot, page):
    verify(qtbot, page, "HC1:" + "A" * 60)
    text = page.verdict_label.text()
    assert "KHÔNG HỢP LỆ" in text and "Mã QR bị hỏng" in text
    assert "Error" not in text and "zlib" not in text and "[" not in text
    assert not page.details_panel.isVisibleTo(page)
    page.details_button.click()
    assert page.details_panel.isVisibleTo(page)
    assert page.problem_list.item(0).text().startswith("✘ [")


def _at():
    from datetime import UTC, datetime

    return datetime(2030, 3, 20, tzinfo=UTC)
