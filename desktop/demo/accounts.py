"""Demo accounts: one of each role, with documented passwords (demo workspaces only).

``tudong`` is for scheduled tasks (``check`` and ``sync`` only) and cannot open the window.

| user name | role | password |
|---|---|---|
| ``quantri`` | administrator | ``quantri-demo`` |
| ``lan`` | clerk | ``lan-demo-2026`` |
| ``minh`` | signer | ``minh-demo-2026`` |
| ``tudong`` | automation | ``tudong-demo-2026`` |
"""

from __future__ import annotations

from desktop import accounts
from desktop.workspace import Workspace

DEMO_ACCOUNTS = (
    ("quantri", "administrator", "quantri-demo", "Quản trị viên"),
    ("lan", "clerk", "lan-demo-2026", "Nguyễn Thị Lan"),
    ("minh", "signer", "minh-demo-2026", "Trần Văn Minh"),
    ("tudong", "automation", "tudong-demo-2026", "Tác vụ tự động"),
)


def create_demo_accounts(workspace: Workspace) -> dict:
    """Create (or reset to the documented passwords) the demo accounts."""
    existing = {a.username for a in accounts.list_users(workspace)}
    for username, role, password, display_name in DEMO_ACCOUNTS:
        if username in existing:
            accounts.change_password(workspace, username, password, actor="demo")
            if accounts.get_user(workspace, username).role != role:
                accounts.set_role(workspace, username, role, actor="demo")
        elif not existing and role == "administrator":
            accounts.create_administrator(workspace, username, password, display_name)
            existing.add(username)
        else:
            accounts.add_user(workspace, username, role, password, display_name, actor="demo")
    return {"accounts": [{"username": u, "role": r, "password": p} for u, r, p, _ in DEMO_ACCOUNTS]}
