"""Logging to a file in the workspace (or the user's data folder); never PINs or full ID numbers.

The log folder is 0700 and every log file 0600 from its first byte, rotated files included.
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
from pathlib import Path
from typing import cast

PRIVATE_FILE = 0o600


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are created readable by their owner only, whatever the umask."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE)
        if os.name != "nt":
            with contextlib.suppress(OSError):
                os.fchmod(fd, PRIVATE_FILE)
        return cast(io.TextIOWrapper, open(fd, self.mode, encoding=self.encoding, errors=self.errors))  # noqa: SIM115


def setup_logging(folder: Path, verbose: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name != "nt":
        with contextlib.suppress(OSError):  # not ours: the workspace's own check refuses it clearly
            os.chmod(folder, 0o700)
    path = folder / "vaxdesk.log"
    handler = PrivateRotatingFileHandler(path, maxBytes=5_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for noisy in ("alembic", "httpx", "httpcore", "uvicorn.access"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
