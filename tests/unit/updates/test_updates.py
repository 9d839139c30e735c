"""Signed updates of value sets, the vaccine table and the trust list: verified, refused when not
newer, applied to the workspace only, and fetched from a real central service over HTTP."""

from __future__ import annotations

import json
import shutil

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from desktop.dcc._resources import resources_dir
from desktop.dcc.trustlist import TrustList, workspace_trust_list_path
from desktop.dcc.vaccines import lookup_vaccine
from desktop.dcc.valuesets import value_set
from desktop.errors import UserError
from desktop.updates import apply_update, sign_bundle, trust_key, update_status, version_key
from desktop.updates.activation import activate
from desktop.updates.fetch import update_from_central
from desktop.workspace import Workspace

NEW_VACCINE = {"key": "convidecia", "display": "Convidecia (CanSino)", "names": ["Convidecia", "CanSino Ad5"],
               "mp": "Convidecia", "ma": "ORG-100013793", "vp": "J07BX03", "primary_series_doses": 1}


def public_pem(key) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


@pytest.fixture
def central_key():
    return ed25519.Ed25519PrivateKey.generate()


@pytest.fixture
def trusting(workspace, central_key):
    trust_key(workspace, public_pem(central_key))
    return workspace


def vaccines_payload(*extra: dict) -> dict:
    document = json.loads((resources_dir() / "vaccines.json").read_text(encoding="utf-8"))
    document["vaccines"] += [dict(row) for row in extra]
    return document


def bundle_bytes(kind, version, payload, key) -> bytes:
    return json.dumps(sign_bundle(kind, version, payload, key)).encode("utf-8")


def states(workspace) -> dict[str, tuple[str, str]]:
    return {k.kind: (k.version, k.source) for k in update_status(workspace).kinds}


def test_versions_compare_as_numbers():
    assert version_key("2.13.0") > version_key("2.12.0") and version_key("2.10") > version_key("2.9.9")
    assert version_key("2") == version_key("2.0.0")
    with pytest.raises(UserError):
        version_key("2.13-beta")


def test_vaccine_table_update_is_used_and_shown(trusting, central_key):
    assert lookup_vaccine("CanSino Ad5") is None
    assert states(trusting)["vaccines"] == ("1", "bundled")
    result = apply_update(trusting, bundle_bytes("vaccines", "2", vaccines_payload(NEW_VACCINE), central_key))
    assert result.result == "applied" and result.previous == "1"
    assert lookup_vaccine("cansino ad5").key == "convidecia"
    assert states(trusting)["vaccines"] == ("2", "update")
    assert (trusting.path / "updates" / "vaccines.json").is_file()


def test_not_newer_is_refused_in_both_languages(trusting, central_key):
    apply_update(trusting, bundle_bytes("vaccines", "3", vaccines_payload(NEW_VACCINE), central_key))
    for version in ("3", "2.9"):
        with pytest.raises(UserError) as err:
            apply_update(trusting, bundle_bytes("vaccines", version, vaccines_payload(), central_key))
        assert err.value.code == "update_not_newer"
        assert f"phiên bản {version} không mới hơn phiên bản đang dùng (3)" in err.value.message.vi
        assert f"version {version} is not newer than the version in use (3)" in err.value.message.en
    assert lookup_vaccine("CanSino-Ad5") is not None  # still the applied table


def test_value_set_update(trusting, central_key):
    document = json.loads((resources_dir() / "valuesets" / "vaccine-medicinal-product.json").read_text("utf-8"))
    document["valueSetValues"]["EU/1/24/9999"] = {"display": "Newvax", "lang": "en", "active": True}
    assert value_set("vaccine-medicinal-product").status("EU/1/24/9999") == "unknown"
    payload = {"files": {"vaccine-medicinal-product.json": document}}
    apply_update(trusting, bundle_bytes("valuesets", "2.13.0", payload, central_key))
    assert value_set("vaccine-medicinal-product").status("EU/1/24/9999") == "active"
    assert value_set("country-2-codes").status("VN") == "active"  # files not in the bundle stay bundled
    assert states(trusting)["valuesets"] == ("2.13.0", "update")
    # now the vaccine table may name the new product
    newvax = {**NEW_VACCINE, "key": "newvax", "display": "Newvax", "names": ["Newvax"], "mp": "EU/1/24/9999"}
    apply_update(trusting, bundle_bytes("vaccines", "2", vaccines_payload(newvax), central_key))
    assert lookup_vaccine("newvax").mp == "EU/1/24/9999"


def test_update_of_one_workspace_stays_in_it(trusting, central_key, tmp_path):
    apply_update(trusting, bundle_bytes("vaccines", "2", vaccines_payload(NEW_VACCINE), central_key))
    other = Workspace.open(tmp_path / "other")
    activate(other.path)  # as the window and the command line do when they open a workspace
    try:
        assert lookup_vaccine("CanSino Ad5") is None
        assert states(other)["vaccines"] == ("1", "bundled")
    finally:
        other.close()
    again = Workspace(trusting.path)
    activate(again.path)
    assert lookup_vaccine("CanSino Ad5") is not None
    again.close()


def test_vaccine_with_unknown_codes_is_refused_and_nothing_changes(trusting, central_key):
    bad = {**NEW_VACCINE, "mp": "EU/9/99/0000"}
    with pytest.raises(UserError) as err:
        apply_update(trusting, bundle_bytes("vaccines", "2", vaccines_payload(bad), central_key))
    assert err.value.code == "update_invalid" and "EU/9/99/0000" in err.value.message.en
    clash = {**NEW_VACCINE, "names": ["AstraZeneca"]}
    with pytest.raises(UserError):
        apply_update(trusting, bundle_bytes("vaccines", "2", vaccines_payload(clash), central_key))
    assert states(trusting)["vaccines"] == ("1", "bundled")
    assert not (trusting.path / "updates" / "vaccines.json").exists()


def test_signature_is_checked_before_anything(trusting, central_key):
    document = sign_bundle("vaccines", "2", vaccines_payload(NEW_VACCINE), central_key)
    document["payload"]["vaccines"][-1]["mp"] = "EU/1/21/1529"  # changed after signing
    with pytest.raises(UserError) as err:
        apply_update(trusting, json.dumps(document).encode())
    assert err.value.code == "update_bad_signature"
    stranger = ed25519.Ed25519PrivateKey.generate()
    with pytest.raises(UserError) as err:
        apply_update(trusting, bundle_bytes("vaccines", "2", vaccines_payload(), stranger))
    assert err.value.code == "update_bad_signature"
    for junk in (b"not json", b"{}", json.dumps({**document, "kind": "firmware"}).encode()):
        with pytest.raises(UserError) as err:
            apply_update(trusting, junk)
        assert err.value.code == "update_invalid"
    assert states(trusting)["vaccines"] == ("1", "bundled")


def test_untrusted_workspace_refuses(workspace, central_key):
    with pytest.raises(UserError) as err:
        apply_update(workspace, bundle_bytes("vaccines", "2", vaccines_payload(), central_key))
    assert err.value.code == "update_no_trusted_key"


def test_ecdsa_key_and_trust_list_update(workspace):
    from tests.unit.certificates.factory import make_issuer

    key = ec.generate_private_key(ec.SECP256R1())
    trust_key(workspace, public_pem(key))
    issuer = make_issuer()
    document = json.loads(issuer.trust_list().to_json())
    apply_update(workspace, bundle_bytes("trustlist", "2026.12.1", document, key))
    trust = TrustList.load(workspace_trust_list_path(workspace.path))
    assert trust.get(issuer.signer.kid) is not None
    assert json.loads(workspace_trust_list_path(workspace.path).read_text()) == document
    assert states(workspace)["trustlist"] == ("2026.12.1", "update")
    with pytest.raises(UserError) as err:  # an empty list would trust nothing: refused
        apply_update(workspace, bundle_bytes("trustlist", "2026.12.2", {**document, "certificates": []}, key))
    assert err.value.code == "update_invalid"


def test_fetched_from_a_central_service_over_http(workspace, tmp_path):
    from services.central.server import ServerThread
    from services.central.updates import UPDATE_PUBLIC_FILE, publish_update
    from tests.helpers import free_port
    from tests.unit.central.central_factory import database_url, make_env

    with database_url("sqlite", tmp_path) as url:
        env = make_env(tmp_path, url)
        try:
            published = publish_update(env.data, "vaccines", "2", vaccines_payload(NEW_VACCINE))
            with pytest.raises(UserError):
                publish_update(env.data, "vaccines", "2", vaccines_payload())
            trust_key(workspace, (env.data / UPDATE_PUBLIC_FILE).read_bytes())
            assert update_status(workspace).trusted_key == published["key_id"]
            with ServerThread(env.service, free_port()) as base:
                with httpx.Client(base_url=base) as client:
                    missing = client.get("/v1/updates/trustlist")
                    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
                    assert client.get("/v1/updates/firmware").status_code == 404
                results = update_from_central(workspace, central_url=base)
                assert [(r.kind, r.result) for r in results] == [
                    ("valuesets", "none_published"), ("vaccines", "applied"), ("trustlist", "none_published")]
                again = update_from_central(workspace, ("vaccines",), central_url=base)
                assert [o.as_dict() for o in again] == [{"kind": "vaccines", "result": "current", "version": "2"}]
            assert lookup_vaccine("CanSino-Ad5").key == "convidecia"
        finally:
            env.service.close()


def test_command_line(workspace, central_key, tmp_path):
    from tests.helpers import run_cli

    key_file = tmp_path / "central.pub.pem"
    key_file.write_bytes(public_pem(central_key))
    bundle = tmp_path / "vaccines-2.json"
    bundle.write_bytes(bundle_bytes("vaccines", "2", vaccines_payload(NEW_VACCINE), central_key))
    ws = workspace.path
    assert run_cli("update", "trust", str(key_file), workspace=ws).code == 0
    applied = run_cli("--json", "update", "apply", str(bundle), workspace=ws)
    assert applied.code == 0, applied.stderr
    assert applied.json["version"] == "2"
    again = run_cli("--lang", "en", "update", "apply", str(bundle), workspace=ws)
    assert again.code == 1 and "is not newer than the version in use (2)" in again.stderr
    status = run_cli("--json", "update", "status", workspace=ws).json
    assert {k["kind"]: k["version"] for k in status["kinds"]} == {"valuesets": "2.12.0", "vaccines": "2",
                                                                  "trustlist": "0"}
    shutil.rmtree(ws / "updates")
    assert run_cli("--json", "update", "status", workspace=ws).json["kinds"][1]["version"] == "1"
