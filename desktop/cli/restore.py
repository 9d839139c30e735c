"""``restore FILE --to FOLDER``: bring a facility back from an encrypted backup (IT staff).

Refuses a backup of another facility (the one of ``--facility``, of the target folder or of this
PC's workspace) unless ``--other-facility``; a non-empty target needs ``--replace`` and is kept beside
the restored one. The passphrase comes from stdin (``--passphrase-stdin``) or VAXDESK_BACKUP_PASSPHRASE.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.backup import restore_backup
from desktop.backup.restore import facility_of
from desktop.cli.backup import read_passphrase
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.workspace import default_workspace_path

REQUIRED_ROLE = "administrator"


def register(subparsers) -> None:
    parser = subparsers.add_parser("restore", help="restore a workspace from an encrypted backup (administrator)")
    parser.add_argument("file", type=Path, help="the backup file (.vxbak)")
    parser.add_argument("--to", type=Path, required=True, metavar="FOLDER", help="the workspace folder to create")
    parser.add_argument("--facility", metavar="CODE", help="the facility this PC serves (checked against the backup)")
    parser.add_argument("--other-facility", action="store_true", help="restore a backup of another facility anyway")
    parser.add_argument("--replace", action="store_true", help="replace a non-empty folder (it is kept, renamed)")
    parser.add_argument("--database-url", default="", help="a new, empty PostgreSQL database (PostgreSQL backups)")
    parser.add_argument("--passphrase-stdin", action="store_true", help="read the passphrase from stdin")
    parser.set_defaults(handler=run)


def run(args, ctx) -> dict:
    passphrase = read_passphrase(args, ctx) or os.environ.get("VAXDESK_BACKUP_PASSPHRASE", "")
    if not passphrase:
        raise UserError(tr("Cần mật khẩu sao lưu (--passphrase-stdin).", "The backup passphrase is needed "
                           "(--passphrase-stdin)."), code="no_passphrase")
    expected = [args.facility or ""]
    here = Path(ctx.workspace_path or default_workspace_path())
    if here.absolute() != args.to.absolute():
        expected.append(facility_of(here))
    return restore_backup(args.file, passphrase, args.to, expected_facilities=expected,
                          other_facility=args.other_facility, replace=args.replace,
                          database_url=args.database_url, actor=ctx.actor)
