"""SQLAlchemy models of the workspace database, one module per entity.

A name is imported from its module on first use, so a command that reads the accounts and the records
does not build the mapper of every table. A module whose foreign keys point at another module's tables
imports that module too (a flush needs the tables its rows refer to). ``Base`` taken from here, or
``load_all()``, brings in every table: its metadata is then the whole schema (migrations, the schema
check, moving a workspace).

The tables that signing in and listing records need are also plain Core tables (``tables/``), which
the ORM classes map: those paths read and write them without loading the ORM.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.models.accounts import ROLES, User
    from desktop.models.audit import AuditEvent
    from desktop.models.base import Base
    from desktop.models.certificates import CERTIFICATE_STATUSES, Certificate
    from desktop.models.outbox_lease import OutboxLease
    from desktop.models.record_claim import RecordClaim
    from desktop.models.record_difference import RecordDifference
    from desktop.models.record_search import INSURANCE_COMPACT, PHONE_DIGITS
    from desktop.models.records import (
        CHECK_STATUSES,
        DECISION_ACTIONS,
        STAGES,
        DailyList,
        Decision,
        ImportIssue,
        VaccinationRecord,
    )
    from desktop.models.signing import BATCH_STATES, OUTBOX_STATES, OutboxItem, SignedRecord, SigningBatch
    from desktop.models.sync_state import SyncState
    from desktop.models.tables.base import utcnow

_HOMES = {
    "Base": "base", "utcnow": "tables.base", "User": "accounts", "ROLES": "accounts", "AuditEvent": "audit",
    "Certificate": "certificates", "CERTIFICATE_STATUSES": "certificates", "OutboxLease": "outbox_lease",
    "RecordClaim": "record_claim", "RecordDifference": "record_difference", "PHONE_DIGITS": "record_search",
    "INSURANCE_COMPACT": "record_search", "CHECK_STATUSES": "records", "DECISION_ACTIONS": "records",
    "STAGES": "records", "DailyList": "records", "Decision": "records", "ImportIssue": "records",
    "VaccinationRecord": "records", "BATCH_STATES": "signing", "OUTBOX_STATES": "signing", "OutboxItem": "signing",
    "SignedRecord": "signing", "SigningBatch": "signing", "SyncState": "sync_state",
}

# every module that defines ORM classes (their tables: theirs, or the Core tables of ``tables/``)
MODULES = tuple(sorted(set(_HOMES.values()) - {"base", "tables.base"}))

__all__ = [
    "Base", "utcnow", "User", "ROLES", "AuditEvent", "Certificate", "CERTIFICATE_STATUSES", "DailyList",
    "Decision", "ImportIssue", "VaccinationRecord", "CHECK_STATUSES", "DECISION_ACTIONS", "STAGES",
    "SigningBatch", "SignedRecord", "OutboxItem", "BATCH_STATES", "OUTBOX_STATES", "OutboxLease", "SyncState",
    "RecordDifference", "RecordClaim", "PHONE_DIGITS", "INSURANCE_COMPACT", "load_all",
]


def load_all() -> None:
    """Import every model module: ``Base.metadata`` then holds the whole schema."""
    for module in MODULES:
        importlib.import_module(f"{__name__}.{module}")


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name == "Base":
        load_all()
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
