"""Fixtures of the importer tests; the file writers are in ``listfiles.py``."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.unit.importer.listfiles import GOOD_ROWS, LONG_HEADER


@pytest.fixture
def long_rows() -> list[list]:
    return [LONG_HEADER] + [list(r) for r in GOOD_ROWS]


@pytest.fixture
def today() -> dt.date:
    return dt.date(2026, 1, 15)
