"""Verifying what someone shows: HC1 text or a picture, offline, with the cached trust list."""

from __future__ import annotations

import base64
import json
import subprocess
from datetime import UTC, datetime, timedelta

import pytest

from desktop.certificates.printing import print_certificates
from desktop.certificates.verification import load_trust, verify_image, verify_text
from desktop.dcc.trustlist import TrustList
from desktop.errors import UserError
from desktop.models import Certificate
from desktop.sync.trust_cache import trust_list_path
from tests.helpers import SHARED

VECTOR = SHARED / "dcc" / "testdata" / "common" / "CO1.json"


def cache_trust_list(workspace, trust: TrustList, revocations=None):
    """Put the trust list where sync caches it (and a revocation list beside it)."""
    from desktop.sync.trust_cache import revocations_path, save_document, trust_list_path

    save_document(trust_list_path(workspace), json.loads(trust.to_json()))
    if revocations is not None:
        save_document(revocations_path(workspace), {"revocations": revocations})


def test_foreign_eu_certificate_verifies_when_its_signer_is_trusted(workspace):
    vector = json.loads(VECTOR.read_text())
    trust = TrustList()
    trust.add_certificate(base64.b64decode(vector["TESTCTX"]["CERTIFICATE"]))
    cache_trust_list(workspace, trust)
    clock = datetime.fromisoformat(vector["TESTCTX"]["VALIDATIONCLOCK"].replace("Z", "+00:00"))
    verdict = verify_text(vector["PREFIX"], load_trust(workspace), now=clock)
    assert verdict.result.valid, [p.as_dict() for p in verdict.result.problems]
    assert verdict.form.full_name == "Musterfrau-Gößinger Gabriele"
    assert verdict.form.uvci == "URN:UVCI:01:AT:10807843F94AEE0EE5093FBC254BD813#B"
    assert verdict.source.path == str(trust_list_path(workspace))
    # without the signer in the trust list: invalid, and it says why
    untrusted = verify_text(vector["PREFIX"], load_trust(None), now=clock)
    assert not untrusted.result.valid
    assert {p.code for p in untrusted.result.problems} & {"no_trust_list", "unknown_kid"}


def test_own_certificate_from_printed_page_and_text(workspace, people, issuer, tmp_path):
    cache_trust_list(workspace, issuer.trust_list())
    with workspace.db.session() as session:
        cert = session.get(Certificate, people[1])
        uvci, hc1 = cert.uvci, cert.hc1
    out = tmp_path / "one.pdf"
    print_certificates(workspace, out, uvcis=[uvci])
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(out), str(tmp_path / "scan")], check=True)
    verdict = verify_image(next(tmp_path.glob("scan-*.png")), load_trust(workspace))
    assert verdict.text == hc1 and verdict.result.valid
    assert verdict.form.full_name == "Đặng Văn Đức"
    tampered = hc1[:-6] + ("AAAAAA" if not hc1.endswith("AAAAAA") else "BBBBBB")
    bad = verify_text(tampered, load_trust(workspace))
    assert not bad.result.valid and bad.result.problems[0].message.en


def test_expired_and_revoked_have_precise_reasons(workspace, people, issuer):
    with workspace.db.session() as session:
        cert = session.get(Certificate, people[0])
        uvci, hc1 = cert.uvci, cert.hc1
    cache_trust_list(workspace, issuer.trust_list(),
                     [{"uvci": uvci, "revoked_at": "2026-01-01T00:00:00Z", "reason": "issued in error"}])
    revoked = verify_text(hc1, load_trust(workspace))
    assert not revoked.result.valid and "revoked" in {p.code for p in revoked.result.problems}
    later = verify_text(hc1, load_trust(workspace), now=datetime.now(UTC) + timedelta(days=400))
    assert "expired" in {p.code for p in later.result.problems}


def test_nothing_to_verify():
    with pytest.raises(UserError):
        verify_text("  ", load_trust(None))
