"""``python main.py verify``: the command-line contract (contracts/cli.md)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from desktop.dcc import encode_hc1
from desktop.dcc.qr import read_qr_text
from desktop.errors import UserError
from tests.helpers import run_cli
from tests.unit.dcc.conftest import EXPIRES_AT, ISSUED_AT, VECTORS_DIR, load_vector, sample_dcc

AT = "2025-04-01T00:00:00Z"


@pytest.fixture
def certificate(es256_key) -> str:
    return encode_hc1(sample_dcc(), es256_key.signer(), ISSUED_AT, EXPIRES_AT)


@pytest.fixture
def trust_file(trust_list, tmp_path) -> Path:
    path = tmp_path / "trustlist.json"
    path.write_text(trust_list.to_json(), encoding="utf-8")
    return path


def qr_picture(text: str, path: Path) -> Path:
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="Q")
    image = zxingcpp.write_barcode_to_image(barcode, scale=4)
    height, width = image.shape
    Image.frombytes("L", (width, height), bytes(memoryview(image))).save(path)
    return path


def test_verify_text(certificate, trust_file, tmp_path):
    result = run_cli("--json", "verify", certificate, "--trust-list", str(trust_file), "--at", AT,
                     workspace=tmp_path / "ws")
    assert result.code == 0, result.stderr
    document = result.json
    assert document["valid"] is True and document["problems"] == []
    assert document["dcc"]["nam"]["fnt"] == "NGUYEN"
    assert document["alg"] == "ES256" and document["issuer"] == "VN"


def test_verify_picture_and_stdin(certificate, trust_file, tmp_path):
    picture = qr_picture(certificate, tmp_path / "qr.png")
    assert read_qr_text(picture) == certificate
    by_image = run_cli("--json", "verify", "--image", str(picture), "--trust-list", str(trust_file), "--at", AT)
    assert by_image.code == 0, by_image.stderr
    assert by_image.json["valid"] is True
    by_stdin = run_cli("--json", "verify", "-", "--trust-list", str(trust_file), "--at", AT, stdin=certificate + "\n")
    assert by_stdin.json["valid"] is True


def test_invalid_certificate_is_a_verdict_not_a_failure(certificate, trust_file):
    result = run_cli("--json", "verify", certificate, "--trust-list", str(trust_file), "--at", "2030-01-01T00:00:00Z")
    assert result.code == 0
    assert result.json["valid"] is False
    assert [p["code"] for p in result.json["problems"]] == ["expired"]
    assert set(result.json["problems"][0]["message"]) == {"vi", "en"}


def test_workspace_trust_list_is_used(certificate, trust_list, tmp_path):
    workspace = tmp_path / "ws"
    (workspace / "pki").mkdir(parents=True)
    (workspace / "pki" / "trustlist.json").write_text(trust_list.to_json(), encoding="utf-8")
    result = run_cli("--json", "verify", certificate, "--at", AT, workspace=workspace)
    assert result.json["valid"] is True
    without = run_cli("--json", "verify", certificate, "--at", AT, workspace=tmp_path / "empty")
    assert [p["code"] for p in without.json["problems"]] == ["no_trust_list"]
    assert not (tmp_path / "empty").exists()


def test_usage_and_refusals(certificate, tmp_path):
    assert run_cli("verify").code == 2
    assert run_cli("verify", certificate, "--image", str(tmp_path / "x.png")).code == 2
    missing = run_cli("verify", "--image", str(tmp_path / "absent.png"))
    assert missing.code == 1 and "absent.png" in missing.stderr and "Traceback" not in missing.stderr
    not_a_picture = tmp_path / "notes.png"
    not_a_picture.write_text("hello")
    assert run_cli("verify", "--image", str(not_a_picture)).code == 1
    bad_trust = tmp_path / "bad.json"
    bad_trust.write_text("{}")
    assert run_cli("verify", certificate, "--trust-list", str(bad_trust)).code == 1


def test_picture_without_qr_code(tmp_path):
    blank = tmp_path / "blank.png"
    Image.new("L", (64, 64), 255).save(blank)
    with pytest.raises(UserError) as caught:
        read_qr_text(blank)
    assert caught.value.code == "qr_not_found"


def test_official_picture():
    path = VECTORS_DIR / "CO28.json"
    if not path.is_file():
        pytest.skip(f"official DCC test vectors not found in {VECTORS_DIR}")
    vector = load_vector(path)
    assert read_qr_text(base64.b64decode(vector["2DCODE"])) == vector["PREFIX"]


def test_hostile_codes_print_a_whole_verdict(tmp_path, trust_file):
    from tests.fuzz import adversarial

    for text in (adversarial.self_reference(), adversarial.huge_integer(), adversarial.backtracking_version()):
        result = run_cli("--json", "verify", text, "--trust-list", str(trust_file), workspace=tmp_path / "ws")
        assert result.code == 0, result.stderr
        assert result.json["valid"] is False and result.json["problems"]
        assert "Traceback" not in result.stderr


def test_a_result_that_cannot_be_written_is_not_valid():
    from desktop.cli.verify import complete_document
    from desktop.dcc.hc1 import VerificationResult

    document = complete_document(VerificationResult(valid=True, problems=[], dcc={"x": float("nan")}))
    assert document["valid"] is False
    assert [p["code"] for p in document["problems"]] == ["verifier_error"]
    assert complete_document(VerificationResult(valid=True, problems=[], dcc={"x": 1}))["valid"] is True
