"""SQLAlchemy models of the workspace database. Importing this package registers every table."""

from desktop.models.accounts import ROLES, User
from desktop.models.audit import AuditEvent
from desktop.models.base import Base, utcnow
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

__all__ = [
    "Base", "utcnow", "User", "ROLES", "AuditEvent", "Certificate", "CERTIFICATE_STATUSES", "DailyList",
    "Decision", "ImportIssue", "VaccinationRecord", "CHECK_STATUSES", "DECISION_ACTIONS", "STAGES",
    "SigningBatch", "SignedRecord", "OutboxItem", "BATCH_STATES", "OUTBOX_STATES", "OutboxLease", "SyncState",
    "RecordDifference", "RecordClaim", "PHONE_DIGITS", "INSURANCE_COMPACT",
]
