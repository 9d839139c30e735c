"""Printing through the certificates service: selection, refusals, counting, audit."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.audit import verify_chain
from desktop.certificates.detail import PRINTED, certificate_detail
from desktop.certificates.printing import print_certificates
from desktop.errors import UserError
from desktop.models import AuditEvent, Certificate
from desktop.printing.qr import read_qr_codes


def counts(workspace):
    with workspace.db.session() as session:
        return {c.full_name: c.printed_count for c in session.execute(select(Certificate)).scalars()}


def test_print_all_new_counts_each_once_and_audits(workspace, people, tmp_path):
    out = tmp_path / "new.pdf"
    result = print_certificates(workspace, out, all_new=True, actor="clerk1")
    assert result.pages == 5 and out.exists()
    assert set(counts(workspace).values()) == {1}
    with workspace.db.session() as session:
        events = session.execute(select(AuditEvent).where(AuditEvent.action == PRINTED)).scalars().all()
        assert len(events) == 5 and {e.actor for e in events} == {"clerk1"}
        assert verify_chain(session).ok
    with pytest.raises(UserError) as err:
        print_certificates(workspace, tmp_path / "again.pdf", all_new=True)
    assert err.value.code == "nothing_to_print"
    assert not (tmp_path / "again.pdf").exists()


def test_print_selection_by_uvci_and_id_and_history(workspace, people, tmp_path):
    with workspace.db.session() as session:
        uvci = session.get(Certificate, people[1]).uvci
        hc1 = session.get(Certificate, people[1]).hc1
    out = tmp_path / "one.pdf"
    print_certificates(workspace, out, uvcis=[uvci], layout="card")
    print_certificates(workspace, out, ids=[people[1], people[0]])
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(out), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) == 2 and read_qr_codes(pages[0]) == [hc1]
    assert counts(workspace)["Đặng Văn Đức"] == 2
    assert counts(workspace)["Nguyễn Thị Hồng Nhung"] == 1
    with workspace.db.session() as session:
        detail = certificate_detail(session, uvci)
    printed = [h for h in detail.history if h.kind == PRINTED]
    assert [h.message.en for h in printed] == ["Printed (time 1)", "Printed (time 2)"]


@pytest.mark.parametrize("status,code", [("superseded", "certificate_superseded"), ("revoked", "certificate_revoked")])
def test_superseded_or_revoked_are_never_printed(workspace, people, tmp_path, status, code):
    with workspace.db.session() as session:
        cert = session.get(Certificate, people[0])
        cert.status = status
        cert.superseded_by = "URN:UVCI:01:VN:NEW" if status == "superseded" else None
        uvci = cert.uvci
    out = tmp_path / "x.pdf"
    with pytest.raises(UserError) as err:
        print_certificates(workspace, out, uvcis=[uvci, ])
    assert err.value.code == code and uvci in err.value.message.vi and uvci in err.value.message.en
    with pytest.raises(UserError):
        print_certificates(workspace, out, ids=[people[1], people[0]])
    assert not out.exists()
    assert set(counts(workspace).values()) == {0}
    result = print_certificates(workspace, out, all_new=True)
    assert uvci not in result.uvcis and result.pages == 4


def test_expired_is_refused_with_reissue_hint(workspace, people, tmp_path):
    with workspace.db.session() as session:
        cert = session.get(Certificate, people[0])
        cert.expires_at = datetime.now(UTC) - timedelta(days=2)
        uvci = cert.uvci
    with pytest.raises(UserError) as err:
        print_certificates(workspace, tmp_path / "x.pdf", uvcis=[uvci])
    assert err.value.code == "certificate_expired" and "re-issued" in err.value.message.en


def test_unknown_uvci_is_named(workspace, people, tmp_path):
    with pytest.raises(UserError) as err:
        print_certificates(workspace, tmp_path / "x.pdf", uvcis=["URN:UVCI:01:VN:NOPE"])
    assert "URN:UVCI:01:VN:NOPE" in err.value.message.en


def test_failed_pdf_write_counts_nothing(workspace, people, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("x")
    with pytest.raises(UserError) as err:
        print_certificates(workspace, blocked / "sub" / "out.pdf", all_new=True)
    assert err.value.code in ("pdf_unwritable",)
    assert set(counts(workspace).values()) == {0}
