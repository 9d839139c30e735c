"""Things the backup tests share that are not fixtures."""

from __future__ import annotations

import sqlite3
from pathlib import Path

PASSPHRASE = "mật khẩu sao lưu 2026"


def table_rows(db_file: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order, read with plain sqlite3."""
    conn = sqlite3.connect(db_file)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}  # noqa: S608
    finally:
        conn.close()
