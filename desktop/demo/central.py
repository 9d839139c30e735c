"""The demo workspace's central service: a data folder that trusts the demo Ministry CA and knows
this facility, so ``python main.py central serve --data PATH --port P`` serves what the workspace
is configured to reach (the demo command picks the port and stores ``central_url``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.errors import UserError
from desktop.i18n import tr


def create_central_data(workspace: Any, folder: Path | str, algorithm: str = "PS256") -> dict[str, str]:
    """Initialise (or refresh) the central data folder ``folder`` for ``workspace``'s facility.

    Needs ``<ws>/pki/ministry-ca.pem`` and ``<ws>/pki/facility.pem`` (made by the demo token). A
    focal-agency workspace is registered as an agency for its represented facilities. The read
    credential issued at registration goes to the workspace's secrets (``central_token``).
    """
    from services.central.config import DataFolder
    from services.central.setup import init_data, register

    pki = Path(workspace.path) / "pki"
    ca_pem, facility_pem = pki / "ministry-ca.pem", pki / "facility.pem"
    for path in (ca_pem, facility_pem):
        if not path.exists():
            raise UserError(tr("Thiếu {file}; hãy tạo token demo trước.", "{file} is missing; create the demo token first.",
                               file=str(path)), code="demo_pki_missing")
    settings = workspace.settings
    code = settings.get("facility_code")
    if not code:
        raise UserError(tr("Chưa có mã cơ sở (facility_code).", "The facility code (facility_code) is not set."),
                        code="facility_code_missing")
    data = DataFolder(folder)
    if not data.exists:
        # a demo folder keeps its key passphrase beside the key; a real one takes it from the environment
        init_data(data.path, algorithm=algorithm, store_passphrase=True)
    register(data.path, "trust_ca", certificate=ca_pem.read_bytes())
    fresh = not settings.get("central_token")
    if settings.get("focal_agency"):
        facilities = sorted(set(settings.get("represented_facilities") or []) | {code})
        done = register(data.path, "agency", code=code, name=settings.get("facility_name") or "",
                        certificate=facility_pem.read_bytes(), facilities=facilities, new_credential=fresh)
    else:
        done = register(data.path, "facility", code=code, name=settings.get("facility_name") or "",
                        certificate=facility_pem.read_bytes(), new_credential=fresh)
    if done.get("credential"):
        # the credential the central issued at registration, kept owner-only in secrets.json
        settings.set("central_token", done["credential"])
        settings.save()
    return {"central_data": str(data.path)}
