"""Declarative base shared by every ORM class; the metadata and column types are those of the Core tables."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlalchemy.orm import DeclarativeBase

from desktop.models.tables.base import METADATA, NAMING, UTCDateTime, utcnow

__all__ = ["NAMING", "Base", "UTCDateTime", "utcnow"]


class Base(DeclarativeBase):
    metadata = METADATA
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}
