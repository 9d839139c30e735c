"""Encrypted backups of a workspace: make, verify, restore, and keep the newest N.

The file format is in ``container`` (and docs/operations.md); what goes into a backup, and what never
does (token keys, PINs, secrets), is in ``snapshot``.
"""

from desktop.backup.container import Header, open_header
from desktop.backup.create import (
    BackupResult,
    LastBackup,
    backups_in,
    create_backup,
    last_backup,
    passphrase_for,
    rotate,
)
from desktop.backup.restore import restore_backup
from desktop.backup.verify import BackupCheck, verify_backup

__all__ = [
    "BackupCheck",
    "LastBackup",
    "BackupResult", "Header", "backups_in", "create_backup", "last_backup", "open_header", "passphrase_for",
    "restore_backup", "rotate", "verify_backup",
]
