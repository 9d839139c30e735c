"""Importing other countries' signing certificates (EU gateway JSON, PEM/DER, VaxDesk lists)."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding

from desktop.certificates.verification import load_trust, verify_text
from desktop.dcc.cose import KeySigner, kid_for_certificate
from desktop.dcc.trust_import import foreign_trust_path, import_file, load_foreign
from desktop.dcc.trustlist import TrustList
from desktop.errors import UserError
from tests.helpers import run_cli
from tests.unit.dcc.conftest import CHECKED_AT, make_certificate, raw_hc1, sample_dcc

IMPORTED_AT = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
AT = "2025-03-31T03:00:00Z"


@pytest.fixture(scope="module")
def foreign():
    """Two foreign document signers (one restricted to tests) and a CSCA that signs nothing."""
    keys = [ec.generate_private_key(ec.SECP256R1()) for _ in range(3)]
    certificates = [make_certificate(keys[0], "DE DSC"), make_certificate(keys[1], "FR DSC test only", kinds="t"),
                    make_certificate(keys[2], "DE CSCA")]
    return keys, certificates


def _gateway_document(certificates) -> list[dict]:
    dsc, test_only, csca = certificates
    entry = lambda cert, country, kind: {  # noqa: E731
        "kid": base64.b64encode(kid_for_certificate(cert)).decode(), "country": country, "certificateType": kind,
        "thumbprint": "00", "timestamp": "2025-03-01T00:00:00Z", "signature": "x",
        "rawData": base64.b64encode(cert.public_bytes(Encoding.DER)).decode(),
    }
    return [entry(dsc, "DE", "DSC"), entry(test_only, "FR", "DSC"), entry(csca, "DE", "CSCA"),
            {"kid": "AAAAAAAAAAA=", "country": "XX", "certificateType": "DSC", "rawData": "not base64!"}]


def test_gateway_list_is_merged_with_source_and_date(foreign, tmp_path):
    keys, certificates = foreign
    path = tmp_path / "dscs.json"
    path.write_text(json.dumps(_gateway_document(certificates)), encoding="utf-8")
    report = import_file(tmp_path / "ws", path, source="EU DCCG", imported_at=IMPORTED_AT)
    assert (report.format, report.added, report.already_present) == ("eu-gateway", 2, 0)
    assert len(report.skipped) == 1 and "rawData" in report.skipped[0]
    trust = load_foreign(tmp_path / "ws")
    entries = sorted(trust, key=lambda e: e.country)
    assert [(e.country, e.source, e.added_at) for e in entries] == [
        ("DE", "EU DCCG", "2025-03-10T09:00:00Z"), ("FR", "EU DCCG", "2025-03-10T09:00:00Z")]
    assert entries[1].allowed_types == frozenset({"t"})
    again = import_file(tmp_path / "ws", path, source="EU DCCG", imported_at=IMPORTED_AT)
    assert (again.added, again.already_present) == (0, 2)
    # The stored file is a trust list of the usual format, with the source and date.
    stored = json.loads(foreign_trust_path(tmp_path / "ws").read_text(encoding="utf-8"))
    assert {c["source"] for c in stored["certificates"]} == {"EU DCCG"}


def test_wrapped_gateway_list_pem_and_der(foreign, tmp_path):
    keys, certificates = foreign
    wrapped = tmp_path / "de.json"
    wrapped.write_text(json.dumps({"certificates": _gateway_document(certificates)[:1]}), encoding="utf-8")
    assert import_file(tmp_path / "ws", wrapped).format == "eu-gateway"
    pem = tmp_path / "bundle.pem"
    pem.write_bytes(b"".join(c.public_bytes(Encoding.PEM) for c in certificates[:2]))
    report = import_file(tmp_path / "ws", pem)
    assert (report.format, report.added, report.already_present, report.source) == ("pem", 1, 1, "bundle.pem")
    der = tmp_path / "csca.der"
    der.write_bytes(certificates[2].public_bytes(Encoding.DER))
    assert import_file(tmp_path / "ws", der).format == "der"
    assert len(load_foreign(tmp_path / "ws")) == 3


def test_vaxdesk_list_and_refusals(foreign, tmp_path):
    keys, certificates = foreign
    own = TrustList(issued_at=IMPORTED_AT)
    own.add_certificate(certificates[0])
    path = tmp_path / "vaxdesk.json"
    path.write_text(own.to_json(), encoding="utf-8")
    report = import_file(tmp_path / "ws", path, source="VaxDesk central")
    assert (report.format, report.added) == ("vaxdesk", 1)
    for content in (b"garbage", b"[]", b"{\"certificates\": 3}", b"-----BEGIN CERTIFICATE-----\nAAAA\n"):
        bad = tmp_path / "bad.bin"
        bad.write_bytes(content)
        with pytest.raises(UserError):
            import_file(tmp_path / "ws", bad)


def test_imported_certificates_verify_beside_the_published_list(foreign, tmp_path, workspace):
    keys, certificates = foreign
    path = tmp_path / "dscs.json"
    path.write_text(json.dumps(_gateway_document(certificates)), encoding="utf-8")
    signer = KeySigner(keys[0], kid=kid_for_certificate(certificates[0]))
    text = raw_hc1(sample_dcc(), signer)
    before = verify_text(text, load_trust(workspace), now=CHECKED_AT)
    assert not before.result.valid
    import_file(workspace.path, path, source="EU DCCG")
    source = load_trust(workspace)
    assert source.imported == 2
    assert verify_text(text, source, now=CHECKED_AT).result.valid


def test_cli_trust_import_then_verify(foreign, tmp_path):
    keys, certificates = foreign
    path = tmp_path / "dscs.json"
    path.write_text(json.dumps(_gateway_document(certificates)), encoding="utf-8")
    ws = tmp_path / "ws"
    imported = run_cli("--json", "trust", "import", str(path), "--source", "EU DCCG", workspace=ws)
    assert imported.code == 0, imported.stderr
    assert imported.json["added"] == 2 and imported.json["format"] == "eu-gateway"
    listed = run_cli("--json", "trust", "list", workspace=ws)
    assert sorted(e["country"] for e in listed.json) == ["DE", "FR"]
    assert {e["source"] for e in listed.json} == {"EU DCCG"}
    signer = KeySigner(keys[0], kid=kid_for_certificate(certificates[0]))
    verified = run_cli("--json", "verify", raw_hc1(sample_dcc(), signer), "--at", AT, workspace=ws)
    assert verified.code == 0, verified.stderr
    assert verified.json["valid"] is True
