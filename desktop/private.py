"""Owner-only files: a workspace holds full ID numbers and phone numbers, on PCs that several people share.

POSIX: the workspace folder and its ``logs`` folder are 0700; the database (and its ``-wal``, ``-shm``
and ``-journal`` files), the logs, ``settings.json`` and ``secrets.json`` are 0600. Wider modes are
narrowed silently on every open; a file or folder that belongs to another account is refused, since
its owner could widen it again.

Windows: the folder's inherited ACL is replaced by full control for the current user and SYSTEM:
``icacls FOLDER /inheritance:r /grant:r "%USERNAME%:(OI)(CI)F" "SYSTEM:(OI)(CI)F"``.
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
from pathlib import Path

from desktop.errors import UserError
from desktop.i18n import tr

log = logging.getLogger(__name__)

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
_DATABASE = "workspace.sqlite3"
PRIVATE_FILES = (_DATABASE, f"{_DATABASE}-wal", f"{_DATABASE}-shm", f"{_DATABASE}-journal", "settings.json",
                 "secrets.json")
PRIVATE_FOLDERS = ("logs",)


def not_private_error(path: Path) -> UserError:
    return UserError(
        tr("{path} thuộc về một tài khoản khác của máy tính hoặc không đổi được quyền truy cập, nên người khác có "
           "thể đọc dữ liệu cá nhân trong đó. Hãy nhờ bộ phận CNTT chuyển quyền sở hữu cho bạn (chown) hoặc chọn "
           "thư mục làm việc khác.",
           "{path} belongs to another account of this computer or its permissions cannot be changed, so others could "
           "read the personal data in it. Ask IT to make you its owner (chown), or choose another workspace folder.",
           path=str(path)),
        code="workspace_not_private",
    )


def _fix(path: Path, mode: int) -> None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    euid = os.geteuid()
    if euid != 0 and st.st_uid != euid:
        raise not_private_error(path)
    if stat.S_IMODE(st.st_mode) & 0o077:
        try:
            os.chmod(path, mode)
        except OSError as exc:
            raise not_private_error(path) from exc


def make_private_folder(path: Path) -> None:
    """Create ``path`` (and missing parents) with the last folder 0700 from its first moment."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    if os.name == "nt":
        _windows_acl(path)
    else:
        _fix(path, PRIVATE_FOLDER)


def private_file_opener(path: str, flags: int) -> int:
    """An ``opener`` for ``open()`` that creates files 0600 whatever the umask."""
    return os.open(path, flags, PRIVATE_FILE)


def protect_database_file(path: Path) -> None:
    """Create the SQLite file 0600 before SQLite does (its -wal and -shm files copy its mode)."""
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    if os.name != "nt":
        _fix(path, PRIVATE_FILE)


def protect_workspace(folder: Path) -> None:
    """Narrow the workspace to its owner; refuse when that is not possible."""
    if os.name == "nt":
        _windows_acl(folder)
        return
    _fix(folder, PRIVATE_FOLDER)
    for name in PRIVATE_FILES:
        _fix(folder / name, PRIVATE_FILE)
    for name in PRIVATE_FOLDERS:
        sub = folder / name
        if sub.is_dir():
            _fix(sub, PRIVATE_FOLDER)
            for item in sub.iterdir():
                if item.is_file() and not item.is_symlink():
                    _fix(item, PRIVATE_FILE)


def protect_file(path: Path) -> None:
    if os.name != "nt":
        _fix(path, PRIVATE_FILE)


def _windows_acl(folder: Path) -> None:
    user = os.environ.get("USERNAME", "")
    if not user:
        return
    try:
        done = subprocess.run(
            ["icacls", str(folder), "/inheritance:r", "/grant:r", f"{user}:(OI)(CI)F", "SYSTEM:(OI)(CI)F"],
            capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not restrict the workspace folder's ACL: %s", exc)
        return
    if done.returncode != 0:
        log.warning("icacls could not restrict the workspace folder (exit %s)", done.returncode)
