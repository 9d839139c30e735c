"""Find certificates by name (with or without diacritics), ID number, UVCI or date.

Strategy (measured in benchmarks/print.py over 100,000 certificates):
- name: every word of the query must occur in ``name_folded`` (lower case, no marks, Đ→d), so
  "nhung nguyen", "Nguyễn Nhung" and "NGUYEN THI" all find "Nguyễn Thị Hồng Nhung". Substring
  matching scans the table, which costs a few tens of milliseconds at 100,000 rows; that keeps
  middle and given names findable, which a prefix index could not.
- ID number: a prefix range on the indexed ``id_number`` (the clerk often types the first digits).
- UVCI: a prefix range on the unique index when the full "URN:UVCI:" form is typed, otherwise a
  substring of the identifier (clerks read the tail off a printout).
- date (dd/mm/yyyy or yyyy-mm-dd): the vaccination date (indexed) or the day of issue.
Results come newest first, as ids; rows are loaded a page at a time (the window's table is lazy).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.models import Certificate
from desktop.text import fold, tidy

# Status filters: the stored statuses, plus views of valid certificates by date or by printing.
STATUS_FILTERS = ("valid", "superseded", "revoked", "expired", "expiring", "new")
EXPIRING_DAYS = 30

_DATE_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ID_NUMBER = re.compile(r"^(?:\d{3,}|[A-Z]\d{5,})$")
_UVCI_HINT = re.compile(r"^(?:URN:|UVCI:|01:VN:|[0-9A-F]*\d[0-9A-F]*[A-F][0-9A-F]*$|[0-9A-F]*[A-F][0-9A-F]*\d[0-9A-F]*$)")


@dataclass(frozen=True)
class CertificateRow:
    """One line of the results table: plain values, safe to hand to the window's thread."""

    id: int
    record_id: int
    uvci: str
    full_name: str
    id_number: str
    vaccination_date: str
    issued_at: str
    expires_at: str
    status: str
    printed_count: int
    superseded_by: str | None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ParsedQuery:
    kind: str  # "all" | "name" | "id_number" | "uvci" | "date"
    value: str


def parse_query(text: str) -> ParsedQuery:
    """Decide what the clerk typed: a date, an ID number, a UVCI or a name."""
    raw = tidy(text)
    if not raw:
        return ParsedQuery("all", "")
    if m := _DATE_DMY.match(raw):
        return ParsedQuery("date", _iso_date(int(m[3]), int(m[2]), int(m[1]), raw))
    if m := _DATE_ISO.match(raw):
        return ParsedQuery("date", _iso_date(int(m[1]), int(m[2]), int(m[3]), raw))
    upper = raw.upper().replace(" ", "")
    if _ID_NUMBER.match(upper):
        return ParsedQuery("id_number", upper)
    if " " not in raw and len(upper) >= 6 and _UVCI_HINT.match(upper):
        return ParsedQuery("uvci", upper)
    return ParsedQuery("name", fold(raw))


def _iso_date(year: int, month: int, day: int, raw: str) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise UserError(
            tr("\"{text}\" không phải là ngày hợp lệ (dd/mm/yyyy).", "\"{text}\" is not a valid date (dd/mm/yyyy).",
               text=raw),
            code="bad_date",
        ) from None


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _prefix_range(column, prefix: str):
    """``column`` starts with ``prefix``, written so the column's index can serve it."""
    return and_(column >= prefix, column < prefix + "\U0010ffff")


def _query_clause(query: ParsedQuery):
    if query.kind == "name":
        words = query.value.split(" ")
        return and_(*(Certificate.name_folded.like(f"%{_like_escape(w)}%", escape="\\") for w in words))
    if query.kind == "id_number":
        return _prefix_range(Certificate.id_number, query.value)
    if query.kind == "uvci":
        if query.value.startswith("URN:UVCI:"):
            return _prefix_range(Certificate.uvci, query.value)
        return Certificate.uvci.like(f"%{_like_escape(query.value)}%", escape="\\")
    if query.kind == "date":
        day = datetime.fromisoformat(query.value).replace(tzinfo=UTC)
        return or_(
            Certificate.vaccination_date == query.value,
            and_(Certificate.issued_at >= day, Certificate.issued_at < day + timedelta(days=1)),
        )
    return None


def _status_clause(status: str | None, now: datetime):
    if not status:
        return None
    if status not in STATUS_FILTERS:
        raise UserError(
            tr("Không có trạng thái \"{status}\"; chọn một trong: {choices}.",
               "There is no status \"{status}\"; choose one of: {choices}.",
               status=status, choices=", ".join(STATUS_FILTERS)),
            code="bad_status",
        )
    state, expires = Certificate.status, Certificate.expires_at
    if status == "expired":
        return and_(state == "valid", expires <= now)
    if status == "expiring":
        return and_(state == "valid", expires > now, expires <= now + timedelta(days=EXPIRING_DAYS))
    if status == "new":
        return and_(state == "valid", Certificate.printed_count == 0, expires > now)
    if status == "valid":
        return and_(state == "valid", expires > now)
    return state == status


def search_statement(text: str = "", status: str | None = None, now: datetime | None = None) -> Select:
    """The matching ids, in no particular order: without ORDER BY the database answers the text
    part from a small covering index (name, UVCI, ID number or date) instead of reading the wide
    table rows; a state filter is then checked on the matches only, by primary key."""
    now = now or datetime.now(UTC)
    text_clause = _query_clause(parse_query(text))
    status_clause = _status_clause(status, now)
    if text_clause is None:
        statement = select(Certificate.id)
        return statement.where(status_clause) if status_clause is not None else statement
    matches = select(Certificate.id).where(text_clause)
    if status_clause is None:
        return matches
    return select(Certificate.id).where(Certificate.id.in_(matches.scalar_subquery()), status_clause)


def search_ids(session: Session, text: str = "", status: str | None = None, limit: int | None = None,
               now: datetime | None = None) -> list[int]:
    """Ids of the matching certificates, newest first."""
    statement = search_statement(text, status, now)
    compiled = statement.compile(dialect=session.bind.dialect) if session.bind is not None else None
    if compiled is not None and not compiled.params:
        # the whole list (100,000 ids): the driver's cursor directly, without a Result object per row
        cursor = session.connection().connection.cursor()
        try:
            cursor.execute(compiled.string)
            ids = sorted((row[0] for row in cursor.fetchall()), reverse=True)
        finally:
            cursor.close()
    else:
        ids = sorted(session.execute(statement).scalars(), reverse=True)
    return ids[:limit] if limit is not None else ids


def load_rows(session: Session, ids: list[int]) -> list[CertificateRow]:
    """The rows for ``ids``, in the order given (one query per page of the table)."""
    if not ids:
        return []
    found = {c.id: c for c in session.execute(select(Certificate).where(Certificate.id.in_(ids))).scalars()}
    return [to_row(found[i]) for i in ids if i in found]


def to_row(cert: Certificate) -> CertificateRow:
    return CertificateRow(
        id=cert.id, record_id=cert.record_id, uvci=cert.uvci, full_name=cert.full_name, id_number=cert.id_number,
        vaccination_date=cert.vaccination_date, issued_at=_iso(cert.issued_at), expires_at=_iso(cert.expires_at),
        status=cert.status, printed_count=cert.printed_count, superseded_by=cert.superseded_by,
    )


def _iso(moment: datetime | None) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z") if moment else ""


def search(session: Session, text: str = "", status: str | None = None, limit: int | None = None) -> list[CertificateRow]:
    return load_rows(session, search_ids(session, text, status, limit))
