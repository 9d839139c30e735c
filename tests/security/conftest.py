"""A workspace with one account of each role and a few records awaiting a decision."""

from __future__ import annotations

import pytest

ACCOUNTS = {
    "quantri": ("administrator", "quantri-demo"),
    "lan": ("clerk", "lan-demo-2026"),
    "minh": ("signer", "minh-demo-2026"),
    "tudong": ("automation", "tudong-demo-2026"),
}


def credentials(username: str) -> dict[str, str]:
    return {"VAXDESK_USER": username, "VAXDESK_PASSWORD": ACCOUNTS[username][1]}


@pytest.fixture
def gated(workspace):
    from desktop import accounts
    from tests.unit.signing.support import add_list, add_records

    accounts.create_administrator(workspace, "quantri", ACCOUNTS["quantri"][1])
    for name, (role, password) in ACCOUNTS.items():
        if name != "quantri":
            accounts.add_user(workspace, name, role, password, actor="quantri")
    list_id = add_list(workspace)
    workspace.record_ids = add_records(workspace, 3, list_id=list_id, check_status="mismatch")
    return workspace
