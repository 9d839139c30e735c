"""``backup``: encrypted backups of the workspace, for IT staff and scheduled tasks.

    backup [--to FOLDER] [--keep N] [--passphrase-stdin]   one backup (default folder: backup_folder)
    backup --scheduled                                    the daily task: backup_folder, keep backup_keep
    backup verify FILE [--passphrase-stdin]               decrypt, open, check the audit chain
    backup list [--folder FOLDER]                         backups in the folder (no passphrase needed)
    backup passphrase --passphrase-stdin                  set the passphrase scheduled backups use

The passphrase comes from stdin, or ``VAXDESK_BACKUP_PASSPHRASE``, or the stored secret setting;
never from the command line.
"""

from __future__ import annotations

from pathlib import Path

from desktop import backup
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.settings_changes import apply_settings


def _permission(args, _ctx) -> str:
    """``backup --scheduled`` is also the unattended task's (automation) to run; the rest is an administrator's."""
    return "backup" if args.scheduled and args.backup_command is None else "settings"


def register(subparsers) -> None:
    parser = subparsers.add_parser("backup", help="encrypted backups of the workspace (administrator)")
    parser.add_argument("--to", type=Path, metavar="FOLDER", help="folder or removable drive (default: backup_folder)")
    parser.add_argument("--keep", type=int, metavar="N", help="then keep only the N newest backups of this facility")
    parser.add_argument("--scheduled", action="store_true",
                        help="the scheduled task: backup_folder, keeping backup_keep backups")
    parser.add_argument("--passphrase-stdin", action="store_true", help="read the passphrase from stdin")
    parser.set_defaults(handler=run, backup_command=None, permission=_permission)
    sub = parser.add_subparsers(dest="backup_command")
    verify = sub.add_parser("verify", help="decrypt a backup, open its database and check the audit chain")
    verify.add_argument("file", type=Path)
    verify.add_argument("--passphrase-stdin", action="store_true", help="read the passphrase from stdin")
    verify.set_defaults(handler=run_verify)
    listing = sub.add_parser("list", help="backups in the backup folder, newest last")
    listing.add_argument("--folder", type=Path, help="default: backup_folder")
    listing.set_defaults(handler=run_list)
    passphrase = sub.add_parser("passphrase", help="set the passphrase of scheduled backups (on stdin)")
    passphrase.add_argument("--passphrase-stdin", action="store_true", required=True)
    passphrase.set_defaults(handler=run_passphrase)


def read_passphrase(args, ctx) -> str | None:
    if not getattr(args, "passphrase_stdin", False):
        return None
    value = ctx.stdin.readline().rstrip("\r\n")
    if not value:
        raise UserError(tr("Không nhận được mật khẩu trên stdin.", "No passphrase was given on stdin."),
                        code="no_passphrase")
    return value


def run(args, ctx) -> dict:
    ws = ctx.workspace
    keep = args.keep
    if args.scheduled and keep is None:
        keep = ws.settings.get("backup_keep")
    return backup.create_backup(ws, read_passphrase(args, ctx), args.to, keep=keep, actor=ctx.actor).as_dict()


def run_verify(args, ctx) -> dict:
    passphrase = read_passphrase(args, ctx)
    if passphrase is None:
        passphrase = backup.passphrase_for(ctx.workspace, None)
    return backup.verify_backup(args.file, passphrase).as_dict()


def run_list(args, ctx) -> list:
    folder = args.folder or Path(ctx.workspace.settings.get("backup_folder") or ".")
    out = []
    for path in backup.backups_in(folder):
        header = backup.open_header(path)
        out.append({"file": str(path), "size": path.stat().st_size, **header.public()})
    return out


def run_passphrase(args, ctx) -> dict:
    value = read_passphrase(args, ctx)
    backup.passphrase_for(ctx.workspace, value)  # the same rules as a backup's
    apply_settings(ctx.workspace, {"backup_passphrase": value}, ctx.actor)
    return {"backup_passphrase": True}
