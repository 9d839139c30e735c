"""The real central service (``python main.py central serve``) on a free port of 127.0.0.1, with a
data folder that knows the test facility, and the facility's key held in a file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "unit" / "sync"))

from central_process import FACILITY, CentralProcess, make_central_data  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.hazmat.primitives.serialization import Encoding  # noqa: E402
from sync_factory import FacilityKey  # noqa: E402

from desktop.dcc.cose import KeySigner, kid_for_certificate  # noqa: E402


def ministry_ca(folder: Path):
    from desktop.demo.token import create_demo_ca

    folder.mkdir(parents=True, exist_ok=True)
    cert, key = create_demo_ca(folder)
    return cert, key, folder / "ministry-ca.pem"


@pytest.fixture(scope="module")
def central_template(tmp_path_factory):
    """One central data folder per module (keys take seconds to make); each test gets a copy."""
    from desktop.demo.token import issue_facility_certificate

    base = tmp_path_factory.mktemp("central-template")
    ca_cert, ca_key, ca_pem = ministry_ca(base / "ministry")
    key = ec.generate_private_key(ec.SECP256R1())
    cert = issue_facility_certificate(ca_cert, ca_key, key.public_key(), FACILITY, "Bệnh viện Bạch Mai")
    der = cert.public_bytes(Encoding.DER)
    facility = FacilityKey(FACILITY, KeySigner(key, kid=kid_for_certificate(der)), [der])
    data, credential = make_central_data(base, cert.public_bytes(Encoding.PEM), ca_pem)
    return data, facility, cert, credential


@pytest.fixture
def file_facility(central_template):
    """The facility's key in a file (KeySigner), certified by the Ministry CA."""
    _, facility, cert, _ = central_template
    return facility, cert


@pytest.fixture
def central(tmp_path, central_template):
    import shutil

    data = tmp_path / "central"
    shutil.copytree(central_template[0], data)
    process = CentralProcess(data, credential=central_template[3]).start()
    yield process
    process.stop()


@pytest.fixture
def ws(workspace, central):
    workspace.settings.set("central_url", central.url)
    workspace.settings.set("central_token", central.credential)
    workspace.settings.set("central_timeout", 20.0)
    workspace.settings.save()
    return workspace
