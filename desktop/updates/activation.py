"""Opening a workspace points the certificate library at its applied updates; kept light, since
every workspace that has none (most, and every test's) must not pay for loading the library."""

from __future__ import annotations

from pathlib import Path

VERSIONS = ("updates", "versions.json")
_engaged = False  # some workspace's applied files are being read now


def activate(folder: Path | str) -> None:
    global _engaged
    if not _engaged and not Path(folder).joinpath(*VERSIONS).is_file():
        return
    from desktop.updates.store import activate as read_applied_files

    _engaged = read_applied_files(folder)
