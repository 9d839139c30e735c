"""A complete demo workspace: facility settings, people, daily lists with faults and their truth,
and (when those capabilities are installed) the registry population, the SoftHSM token, the
central service's data and the demo accounts.

The demo does not load the list: that is the clerk's first step (Import page, or
``python main.py import <list_file>``).
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from desktop.errors import UserError
from desktop.i18n import tr

DEMO_FOLDER = "demo"
COMPLETE_MARKER = ".demo-complete"
DEFAULT_SEED = 2021
EXTRA_REGISTRY_PEOPLE = 0.1  # people the registry knows who are not in the list


def free_ports(count: int) -> list[int]:
    """Ports free right now on 127.0.0.1 (all held open together, so they differ)."""
    sockets = []
    try:
        for _ in range(count):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def build_demo(workspace, people: int = 300, seed: int = DEFAULT_SEED, actor: str = "demo") -> dict[str, Any]:
    """Write the demo into ``workspace``; returns the paths and settings (contracts/cli.md, ``demo``)."""
    from desktop.demo.lists import FACILITY_CODE, FACILITY_NAME, write_lists
    from desktop.demo.people import generate_people

    if people < 1 or people > 200_000:
        raise UserError(tr("Số người phải từ 1 đến 200.000.", "The number of people must be 1 to 200,000."),
                        code="bad_people")
    folder = Path(workspace.path) / DEMO_FOLDER
    if (folder / COMPLETE_MARKER).exists():
        raise UserError(tr(
            "Thư mục làm việc {path} đã có dữ liệu demo. Hãy dùng một thư mục mới (--workspace THƯ_MỤC_MỚI).",
            "The workspace {path} already has a demo. Use a new folder (--workspace NEW_FOLDER).",
            path=str(workspace.path)), code="demo_exists")
    folder.mkdir(parents=True, exist_ok=True)
    settings = workspace.settings
    settings.set("facility_code", FACILITY_CODE)
    settings.set("facility_name", FACILITY_NAME)
    registry_port, central_port = free_ports(2)
    settings.set("registry_url", f"http://127.0.0.1:{registry_port}")
    settings.set("central_url", f"http://127.0.0.1:{central_port}")
    settings.save()
    workspace.db  # noqa: B018 - create and migrate the database now

    extra = max(1, int(people * EXTRA_REGISTRY_PEOPLE))
    population = generate_people(people + extra, seed=seed)
    listed = population[:people]
    lists = write_lists(listed, folder, seed=seed, registry_ids={p.id_number for p in population})
    result: dict[str, Any] = {
        "workspace": str(workspace.path), "list_file": lists["list_file"], "list_files": lists["list_files"],
        "truth_file": lists["truth_file"], "people": people, "seed": seed,
        "facility_code": FACILITY_CODE, "facility_name": FACILITY_NAME,
        "token": None, "registry_url": settings.get("registry_url"), "registry_population": None,
        "registry_token": None, "central_url": settings.get("central_url"), "central_data": None,
        "accounts": None, "missing": [],
    }
    missing: list[str] = result["missing"]

    try:
        from desktop.demo.registry import write_population
    except ModuleNotFoundError:
        missing.append("registry")
    else:
        part = write_population(population, folder / "registry")
        result.update(part)
        settings.set("registry_token", part["registry_token"])
        settings.save()

    try:
        from desktop.demo.token import create_demo_token
    except ModuleNotFoundError:
        missing.append("token")
    else:
        result.update(create_demo_token(workspace))

    try:
        from desktop.demo.central import create_central_data
    except ModuleNotFoundError:
        missing.append("central")
    else:
        if result["token"] is None:
            missing.append("central")
        else:
            result.update(create_central_data(workspace, folder / "central"))

    try:
        from desktop.demo.accounts import create_demo_accounts
    except ModuleNotFoundError:
        missing.append("accounts")
    else:
        result.update(create_demo_accounts(workspace))

    settings.save()
    (folder / COMPLETE_MARKER).write_text(actor + "\n", encoding="utf-8")
    return result
