"""Find certificates by name (with or without diacritics), ID number, UVCI or date.

Strategy (measured in benchmarks/print.py over 100,000 certificates):
- name: every word of the query must occur in ``name_folded`` (lower case, no marks, Đ→d), so
  "nhung nguyen", "Nguyễn Nhung" and "NGUYEN THI" all find "Nguyễn Thị Hồng Nhung". Substring
  matching scans the table, which costs a few tens of milliseconds at 100,000 rows; that keeps
  middle and given names findable, which a prefix index could not.
- ID number: a prefix range on the indexed ``id_number`` (the clerk often types the first digits).
- UVCI: a prefix range on the unique index when the full "URN:UVCI:" form is typed, otherwise a
  substring of the identifier (clerks read the tail off a printout). A tail of six or more digits
  reads as an ID number or a phone number too: such a query finds both, the UVCI side through the
  trigram index only (``_uvci_tail_clause``), so the ID-number search never reads the table.
- date (dd/mm/yyyy or yyyy-mm-dd): the vaccination date (indexed) or the day of issue.
- phone (a Vietnamese mobile number, "0912 345 678" or "+84 912…"): the record's phone, compared in
  its compact form (digits only) with the 0…, 84… and bare forms, on an expression index.
- health-insurance card number ("DN4797915165430"): the record's, compact and upper case, by prefix.
Filters (``SearchFilters``) narrow any of these by phone, insurance number, list, vaccine and a range
of vaccination dates; the record-side ones are an indexed sub-select of record ids.
Results come newest first, as ids. Over a million certificates the window asks ``search_page`` for the
newest 500 only (and the next 500 when scrolled to the end): names and UVCI tails through a trigram
index (migration 0014), so no query reads the whole table; ``search_ids`` (the command line) still
gives every match. Rows are loaded a page at a time (the window's table is lazy).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnClause,
    ColumnElement,
    Select,
    and_,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from desktop.dcc.vaccines import all_vaccines, lookup_vaccine
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.models import INSURANCE_COMPACT, PHONE_DIGITS, Certificate, DailyList, VaccinationRecord
from desktop.models.record_search import CERTIFIED_RECORDS
from desktop.text import fold, tidy
from desktop.workspace import Workspace

# Status filters: the stored statuses, plus views of valid certificates by date or by printing.
STATUS_FILTERS = ("valid", "superseded", "revoked", "expired", "expiring", "new")
EXPIRING_DAYS = 30

_DATE_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PHONE = re.compile(r"^(?:\+?84|0)[235789]\d{8}$")
_INSURANCE = re.compile(r"^[A-Z]{2}\d{13}$")
_ID_NUMBER = re.compile(r"^(?:\d{3,}|[A-Z]\d{5,})$")
UVCI_TAIL_DIGITS = 6  # the shortest run of digits also looked for in UVCIs (fewer would match too many)
_UVCI_HEX = 32  # the opaque part of a Vietnamese UVCI: 32 hex characters
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

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ParsedQuery:
    kind: str  # "all" | "name" | "id_number" | "uvci" | "date" | "phone" | "insurance"
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
    compact = re.sub(r"[\s.()-]", "", upper)
    if _PHONE.match(compact):
        return ParsedQuery("phone", compact.lstrip("+"))
    if _INSURANCE.match(upper):
        return ParsedQuery("insurance", upper)
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


def _prefix_range(column: Any, prefix: str) -> ColumnElement[bool]:
    """``column`` starts with ``prefix``, written so the column's index can serve it."""
    return and_(column >= prefix, column < prefix + "\U0010ffff")


def uvci_tail(query: ParsedQuery) -> str | None:
    """The digits of an ID-number or phone query that may also be the tail of a UVCI, else None."""
    if query.kind not in ("id_number", "phone") or not query.value.isdigit():
        return None
    return query.value if UVCI_TAIL_DIGITS <= len(query.value) <= _UVCI_HEX else None


def _uvci_tail_clause(tail: str, index: str) -> ColumnElement[bool]:
    """UVCIs containing ``tail``, found through the trigram index ("fts": SQLite's FTS5 table; "trgm":
    PostgreSQL's GIN index, which serves the LIKE itself)."""
    like = Certificate.uvci.like(f"%{_like_escape(tail)}%", escape="\\")
    if index != "fts":
        return like
    # pieces side by side rather than every overlapping one: digit trigrams are common in hex, so each
    # piece costs a long list of candidates, and a few already leave almost none for the LIKE
    starts = sorted({*range(0, len(tail) - _TRIGRAM + 1, _TRIGRAM), len(tail) - _TRIGRAM})
    pieces = " AND ".join(f'"{tail[i:i + _TRIGRAM]}"' for i in starts)
    candidates = select(_FTS.c.rowid).where(_FTS_MATCH.op("MATCH")(f"uvci : ({pieces})"))
    return and_(Certificate.id.in_(candidates.scalar_subquery()), like)


def _query_clause(query: ParsedQuery, tail_index: str | None = None) -> ColumnElement[bool] | None:
    tail = uvci_tail(query) if tail_index else None
    tail_clauses = [_uvci_tail_clause(tail, tail_index)] if tail and tail_index else []
    if query.kind == "phone":  # ten digits may also be the start of a 12-digit ID number being typed
        return or_(_by_records(_phone_clause(query.value)), _prefix_range(Certificate.id_number, query.value),
                   *tail_clauses)
    if query.kind == "insurance":
        return _by_records(_insurance_clause(query.value))
    if query.kind == "name":
        words = query.value.split(" ")
        return and_(*(Certificate.name_folded.like(f"%{_like_escape(w)}%", escape="\\") for w in words))
    if query.kind == "id_number":
        if tail_clauses:
            return or_(_prefix_range(Certificate.id_number, query.value), *tail_clauses)
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


@dataclass(frozen=True)
class SearchFilters:
    """What a clerk can narrow a search by, beside the text: all given ones must hold."""

    phone: str = ""
    insurance_number: str = ""
    list_id: int | None = None
    vaccine: str = ""  # a name from a list, the vaccine table's key or an EU product code
    date_from: str = ""  # vaccination date, dd/mm/yyyy or yyyy-mm-dd
    date_to: str = ""

    def __bool__(self) -> bool:
        return any((self.phone, self.insurance_number, self.list_id is not None, self.vaccine, self.date_from,
                    self.date_to))


def _by_records(record_clause: Any) -> ColumnElement[bool]:
    """Certificates of the records matching ``record_clause`` (an indexed sub-select of ids, of the
    records that can have a certificate: the condition of their indexes on PostgreSQL)."""
    return Certificate.record_id.in_(select(VaccinationRecord.id).where(record_clause, CERTIFIED_RECORDS)
                                     .scalar_subquery())


def phone_forms(text: str) -> tuple[str, ...]:
    """The compact forms a phone number may be stored in: "0912345678", "84912345678", "912345678"."""
    digits = re.sub(r"\D", "", text or "")
    if digits.startswith("84") and len(digits) >= 11:
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        national = digits
    if not national:
        return ()
    return ("0" + national, "84" + national, national)


def _phone_clause(text: str) -> ColumnElement[bool]:
    forms = phone_forms(text)
    if len(re.sub(r"\D", "", text or "")) < 4:
        raise UserError(tr("\"{text}\" không phải là số điện thoại (cần ít nhất 4 chữ số).",
                           "\"{text}\" is not a phone number (at least 4 digits are needed).", text=text),
                        code="bad_phone")
    if len(forms[2]) >= 9:
        return PHONE_DIGITS.in_(forms)
    return or_(*(_prefix_range(PHONE_DIGITS, form) for form in forms))


def _insurance_clause(text: str) -> ColumnElement[bool]:
    compact = re.sub(r"\s", "", text or "").upper()
    if len(compact) < 4:
        raise UserError(tr("Số thẻ BHYT \"{text}\" quá ngắn (cần ít nhất 4 ký tự).",
                           "The insurance number \"{text}\" is too short (at least 4 characters).", text=text),
                        code="bad_insurance_number")
    if compact.isdigit():  # the 10-digit social-insurance number at the end of the card's code
        return or_(_prefix_range(INSURANCE_COMPACT, compact),
                   INSURANCE_COMPACT.like(f"%{_like_escape(compact)}", escape="\\"))
    return _prefix_range(INSURANCE_COMPACT, compact)


def vaccine_code(text: str) -> str:
    """The EU product code (mp) of a vaccine named as a list, the vaccine table or the EU names it."""
    text = (text or "").strip()
    vaccine = lookup_vaccine(text)
    if vaccine is not None:
        return vaccine.mp
    codes = {v.mp for v in all_vaccines()}
    if text in codes:
        return text
    raise UserError(tr("Không biết vắc xin \"{text}\"; dùng tên trong danh sách hoặc một trong: {choices}.",
                       "Unknown vaccine \"{text}\"; use a name from the lists or one of: {choices}.",
                       text=text, choices=", ".join(v.key for v in all_vaccines())),
                    code="unknown_vaccine")


def _day(text: str) -> str:
    parsed = parse_query(text)
    if parsed.kind != "date":
        raise UserError(tr("\"{text}\" không phải là ngày hợp lệ (dd/mm/yyyy).",
                           "\"{text}\" is not a valid date (dd/mm/yyyy).", text=text), code="bad_date")
    return parsed.value


def _filter_clauses(filters: SearchFilters | None) -> list[ColumnElement[bool]]:
    if not filters:
        return []
    clauses: list[ColumnElement[bool]] = []
    record: list[ColumnElement[bool]] = []
    if filters.phone:
        record.append(_phone_clause(filters.phone))
    if filters.insurance_number:
        record.append(_insurance_clause(filters.insurance_number))
    if filters.list_id is not None:
        record.append(VaccinationRecord.list_id == int(filters.list_id))
    if filters.vaccine:
        record.append(VaccinationRecord.vaccine_mp == vaccine_code(filters.vaccine))
    if record:
        clauses.append(_by_records(and_(*record)))
    start, end = (_day(filters.date_from) if filters.date_from else ""), (_day(filters.date_to) if filters.date_to else "")
    if start and end and end < start:
        raise UserError(tr("Ngày kết thúc trước ngày bắt đầu.", "The end date is before the start date."),
                        code="bad_period")
    if start:
        clauses.append(Certificate.vaccination_date >= start)
    if end:
        clauses.append(Certificate.vaccination_date <= end)
    return clauses


def _unindexed(column: Any) -> Any:
    """``column`` written ``+certificate.column``: SQLite then reads the matches in id order instead of
    through the column's index (which would mean sorting every match for the newest page)."""
    return literal_column(f"+certificate.{column.key}", type_=column.type)


def _status_clause(status: str | None, now: datetime, walk: bool = False) -> ColumnElement[bool] | None:
    if not status:
        return None
    if status not in STATUS_FILTERS:
        raise UserError(
            tr("Không có trạng thái \"{status}\"; chọn một trong: {choices}.",
               "There is no status \"{status}\"; choose one of: {choices}.",
               status=status, choices=", ".join(STATUS_FILTERS)),
            code="bad_status",
        )
    state, expires, printed = Certificate.status, Certificate.expires_at, Certificate.printed_count
    if walk:
        state, expires, printed = _unindexed(state), _unindexed(expires), _unindexed(printed)
    if status == "expired":
        return and_(state == "valid", expires <= now)
    if status == "expiring":
        return and_(state == "valid", expires > now, expires <= now + timedelta(days=EXPIRING_DAYS))
    if status == "new":
        return and_(state == "valid", printed == 0, expires > now)
    if status == "valid":
        return and_(state == "valid", expires > now)
    return state == status


def search_statement(text: str = "", status: str | None = None, now: datetime | None = None,
                     filters: SearchFilters | None = None, tail_index: str | None = None) -> Select[Any]:
    """The matching ids, in no particular order: without ORDER BY the database answers the text
    part from a small covering index (name, UVCI, ID number or date) instead of reading the wide
    table rows; a state filter is then checked on the matches only, by primary key. ``tail_index``
    (``uvci_tail_index``) lets a query of digits find UVCI tails too."""
    now = now or datetime.now(UTC)
    text_clause = _query_clause(parse_query(text), tail_index)
    status_clause = _status_clause(status, now)
    extra = _filter_clauses(filters)
    if extra:
        text_clause = and_(text_clause, *extra) if text_clause is not None else and_(*extra)
    if text_clause is None:
        statement = select(Certificate.id)
        return statement.where(status_clause) if status_clause is not None else statement
    matches = select(Certificate.id).where(text_clause)
    if status_clause is None:
        return matches
    return select(Certificate.id).where(Certificate.id.in_(matches.scalar_subquery()), status_clause)


def search_ids(session: Session, text: str = "", status: str | None = None, limit: int | None = None,
               now: datetime | None = None, filters: SearchFilters | None = None) -> list[int]:
    """Ids of the matching certificates, newest first: all of them, or the newest ``limit``."""
    if limit is not None:
        return search_page(session, text, status, limit=limit, now=now, filters=filters).ids
    statement = search_statement(text, status, now, filters, uvci_tail_index(session))
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
    return ids


PAGE_SIZE = 500  # ids per page of results (the window asks for the next page when scrolled to the end)
SPARSE = 20_000  # at most this many matches of a state are fetched whole and sorted; more are read in id order
_FTS = table("certificate_search", column("rowid"))
_FTS_MATCH: ColumnClause[Any] = literal_column("certificate_search")
_TRIGRAM = 3  # the shortest word the trigram index can answer; shorter ones are checked by LIKE alone


@dataclass(frozen=True)
class SearchPage:
    """The newest matching ids (newest first), whether more follow, and the count when it is known."""

    ids: list[int]
    more: bool
    total: int | None  # None: more than ``len(ids)``, not counted (it would cost a scan)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _fts_query(query: ParsedQuery) -> str | None:
    """The FTS5 query that finds a superset of the LIKE matches, or None when no word is long enough."""
    if query.kind == "name":
        words = [w for w in query.value.split(" ") if len(w) >= _TRIGRAM]
        field = "name_folded"
    elif query.kind == "uvci" and not query.value.startswith("URN:UVCI:"):
        words, field = [query.value], "uvci"
    else:
        return None
    if not words:
        return None
    # each three-letter piece of each word, all required (the index keeps no positions, so no phrases)
    pieces = dict.fromkeys(w[i:i + _TRIGRAM] for w in words for i in range(len(w) - _TRIGRAM + 1))
    return f"{field} : (" + " AND ".join('"' + piece.replace('"', '""') + '"' for piece in pieces) + ")"


_TAIL_INDEX: dict[str, str | None] = {}  # database URL → its UVCI trigram index, asked once


def uvci_tail_index(session: Session) -> str | None:
    """How this database finds a UVCI tail without reading the table: "fts" (SQLite), "trgm"
    (PostgreSQL with pg_trgm's index), or None (no such index: a query of digits is an ID only)."""
    bind = session.bind
    if bind is None:
        return None
    if bind.dialect.name == "sqlite":
        return "fts"
    engine = bind if isinstance(bind, Engine) else bind.engine
    key = engine.url.render_as_string(hide_password=True)
    if key not in _TAIL_INDEX:
        found = session.execute(sql_text("SELECT to_regclass('ix_certificate_uvci_trgm') IS NOT NULL")).scalar()
        _TAIL_INDEX[key] = "trgm" if found else None
    return _TAIL_INDEX[key]


def _page(ids: list[int], limit: int) -> SearchPage:
    return SearchPage(ids[:limit], len(ids) > limit, None if len(ids) > limit else len(ids))


def search_page(session: Session, text: str = "", status: str | None = None, *, limit: int = PAGE_SIZE,
                before: int | None = None, now: datetime | None = None, filters: SearchFilters | None = None,
                records_where: Any = None) -> SearchPage:
    """The newest ``limit`` matches (with an id below ``before``, for the next page), newest first.

    Same matches as ``search_ids``; only the newest page is read. How, by what was asked:
    - a name or UVCI tail: the trigram index gives the candidates newest first (each word still
      checked with LIKE), and reading stops after the page;
    - a state that few certificates are in ("expiring", "revoked"...): all of them from the state
      index, sorted here, counted exactly;
    - otherwise (every certificate, a common state, words under three letters): the table in id order,
      newest first, each row checked, stopping after the page;
    - ID number, date, phone, insurance number, full UVCI: all matches from their index, sorted (six or
      more digits: with the UVCIs whose tail they are, from the trigram index).
    """
    now = now or datetime.now(UTC)
    parsed = parse_query(text)
    text_clause = _query_clause(parsed, uvci_tail_index(session))
    extra = _filter_clauses(filters)
    if records_where is not None:
        extra.append(_by_records(records_where))
    if before is not None:
        extra.append(Certificate.id < before)
    sqlite = session.bind is not None and session.bind.dialect.name == "sqlite"
    fts = _fts_query(parsed) if sqlite else None
    selective = parsed.kind in ("id_number", "date", "phone", "insurance") or (
        parsed.kind == "uvci" and parsed.value.startswith("URN:UVCI:"))
    if status and sqlite and not selective:
        state_clause = _status_clause(status, now)
        probe = select(Certificate.id).where(state_clause).limit(SPARSE + 1).subquery()  # type: ignore[arg-type]
        if session.execute(select(func.count()).select_from(probe)).scalar_one() <= SPARSE:  # few: all of them
            clauses = [c for c in (text_clause, state_clause, *extra) if c is not None]
            return _page(sorted(session.execute(select(Certificate.id).where(*clauses)).scalars(), reverse=True),
                         limit)
    if selective:
        clauses = [c for c in (text_clause, _status_clause(status, now), *extra) if c is not None]
        return _page(sorted(session.execute(select(Certificate.id).where(*clauses)).scalars(), reverse=True), limit)
    state_clause = _status_clause(status, now, walk=sqlite)
    clauses = [c for c in (text_clause, state_clause, *extra) if c is not None]
    if fts is not None:
        statement = (select(Certificate.id).select_from(_FTS).join(Certificate, Certificate.id == _FTS.c.rowid)
                     .where(_FTS_MATCH.op("MATCH")(fts), *clauses).order_by(_FTS.c.rowid.desc()))
        if before is not None:  # where the index's own reading starts
            statement = statement.where(_FTS.c.rowid < before)
    else:
        statement = select(Certificate.id).where(*clauses).order_by(Certificate.id.desc())
    return _page(list(session.execute(statement.limit(limit + 1)).scalars()), limit)


def find_page(workspace: Workspace, text: str = "", status: str | None = None, filters: SearchFilters | None = None,
              records_where: Any = None, before: int | None = None, limit: int = PAGE_SIZE) -> SearchPage:
    """The newest page of matching certificates (the window's table; ``before``: the next page)."""
    with workspace.db.session() as session:
        return search_page(session, text, status, limit=limit, before=before, filters=filters,
                           records_where=records_where)


def certificate_rows(workspace: Workspace, ids: list[int]) -> list[CertificateRow]:
    """The rows for ``ids``, in the order given (one page of the table)."""
    with workspace.db.session() as session:
        return load_rows(session, ids)


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


def search(session: Session, text: str = "", status: str | None = None, limit: int | None = None,
           filters: SearchFilters | None = None) -> list[CertificateRow]:
    return load_rows(session, search_ids(session, text, status, limit, filters=filters))


@dataclass(frozen=True)
class CertificateListing:
    """A listed certificate with its HC1 string (what the command line prints and exports)."""

    record_id: int
    uvci: str
    hc1: str
    issued_at: str
    expires_at: str
    status: str
    full_name: str
    printed_count: int
    superseded_by: str | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def list_certificates(workspace: Workspace, text: str = "", status: str | None = None, limit: int | None = None,
                      filters: SearchFilters | None = None) -> list[CertificateListing]:
    """The matching certificates, newest first, each with its HC1 string."""
    with workspace.db.session() as session:
        rows = search(session, text, status, limit, filters=filters)
        ids = [r.id for r in rows]
        hc1: dict[int, str] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            for cert_id, text_hc1 in session.execute(select(Certificate.id, Certificate.hc1)
                                                     .where(Certificate.id.in_(chunk))):
                hc1[cert_id] = text_hc1
    return [CertificateListing(record_id=r.record_id, uvci=r.uvci, hc1=hc1[r.id], issued_at=r.issued_at,
                               expires_at=r.expires_at, status=r.status, full_name=r.full_name,
                               printed_count=r.printed_count, superseded_by=r.superseded_by) for r in rows]


@dataclass(frozen=True)
class RecentList:
    """A loaded daily list, offered as a search filter."""

    list_id: int
    file_name: str
    imported_on: str | None  # YYYY-MM-DD

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def recent_lists(workspace: Workspace, limit: int = 200) -> list[RecentList]:
    """The lists loaded most recently, newest first."""
    with workspace.db.session() as session:
        rows = session.execute(select(DailyList.id, DailyList.file_name, DailyList.imported_at)
                               .order_by(DailyList.imported_at.desc()).limit(limit)).all()
    return [RecentList(int(i), str(name), at.date().isoformat() if at else None) for i, name, at in rows]
