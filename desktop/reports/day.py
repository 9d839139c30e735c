"""The day's report: per list and per vaccine and dose, for one vaccination day or a range of days.

A record belongs to the report when its vaccination date is in the period and the Overview counts
it (superseded and revoked records are history and are left out there too). Each list's count of
rows rejected at loading is that of the whole file, since rejected rows have no trusted date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Case, case, exists, func, literal, select

from desktop.dcc.vaccines import all_vaccines
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.models import Certificate, DailyList, VaccinationRecord
from desktop.models.records import CHECK_STATUSES, DECISION_ACTIONS
from desktop.overview import STATES, state_clause
from desktop.workspace import Workspace

_R = VaccinationRecord


def _zeros(keys: Iterable[str]) -> dict[str, int]:
    return dict.fromkeys(keys, 0)


@dataclass
class Counts:
    """What happened to a set of records: the Overview's states, the registry check, the clerk's
    decisions, and how many were signed, certified and printed."""

    records: int = 0
    states: dict[str, int] = field(default_factory=lambda: _zeros(STATES))
    checks: dict[str, int] = field(default_factory=lambda: _zeros(CHECK_STATUSES))
    decisions: dict[str, int] = field(default_factory=lambda: _zeros(DECISION_ACTIONS))
    signed: int = 0
    certified: int = 0
    printed: int = 0

    def add(self, n: int, state: str, check: str, decision: str, signed: bool, printed: bool) -> None:
        self.records += n
        self.states[state] += n
        if check in self.checks:
            self.checks[check] += n
        if decision in self.decisions:
            self.decisions[decision] += n
        self.signed += n if signed else 0
        self.certified += n if state == "certified" else 0
        self.printed += n if printed else 0


@dataclass
class ListSummary(Counts):
    list_id: int | None = None
    file_name: str = ""
    imported_at: str = ""  # ISO
    rows_rejected: int = 0  # rows of the file refused at loading


@dataclass
class DaySummary(Counts):
    vaccination_date: str = ""


@dataclass
class VaccineDoseRow(Counts):
    vaccine: str = ""  # display name
    vaccine_mp: str = ""
    dose_number: int = 0


@dataclass
class DayReport:
    date_from: str
    date_to: str
    facility_code: str
    facility_name: str
    created_at: str
    total: ListSummary
    lists: list[ListSummary]
    days: list[DaySummary]
    vaccines: list[VaccineDoseRow]

    @property
    def period(self) -> str:
        return self.date_from if self.date_from == self.date_to else f"{self.date_from} – {self.date_to}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_period(date_from: str | date | None, date_to: str | date | None = None) -> tuple[str, str]:
    """``(from, to)`` as ISO days; one day when ``to`` is missing; today when both are."""
    start = _day(date_from) if date_from else date.today()
    end = _day(date_to) if date_to else start
    if end < start:
        raise UserError(tr("Ngày kết thúc {end} trước ngày bắt đầu {start}.",
                           "The end day {end} is before the start day {start}.",
                           start=start.isoformat(), end=end.isoformat()), code="bad_period")
    return start.isoformat(), end.isoformat()


def _day(value: str | date) -> date:
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise UserError(tr("\"{text}\" không phải là ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).",
                       "\"{text}\" is not a valid date (dd/mm/yyyy or yyyy-mm-dd).", text=text), code="bad_date")


def state_case() -> Case[str]:
    """Each counted record's Overview state, from the Overview's own conditions."""
    return case(*[(state_clause(s), literal(s)) for s in STATES], else_=literal("other"))


def vaccine_names() -> dict[str, str]:
    return {v.mp: v.display for v in all_vaccines()}


def day_report(workspace: Workspace, date_from: str | date | None = None, date_to: str | date | None = None,
               now: datetime | None = None) -> DayReport:
    start, end = parse_period(date_from, date_to)
    printed = exists().where(Certificate.record_id == _R.id, Certificate.printed_count > 0)
    signed = _R.batch_id.isnot(None)
    state = state_case().label("state")
    decision = func.coalesce(_R.decision, "").label("decision")
    columns = (_R.list_id, _R.vaccination_date, state, _R.check_status, decision, _R.vaccine_mp, _R.dose_number,
               signed.label("signed"), printed.label("printed"))
    query = (select(*columns, func.count())
             .where(_R.vaccination_date >= start, _R.vaccination_date <= end)
             .group_by(*columns[:7], signed, printed))
    total = ListSummary(file_name=str(tr("Tổng cộng", "Total")))
    per_list: dict[int | None, ListSummary] = {}
    per_day: dict[str, DaySummary] = {}
    per_vaccine: dict[tuple[str, int], VaccineDoseRow] = {}
    names = vaccine_names()
    with workspace.db.session() as session:
        for list_id, day, st, check, dec, mp, dose, was_signed, was_printed, n in session.execute(query):
            if st not in STATES:
                continue
            facts = (n, st, check, dec, bool(was_signed), bool(was_printed))
            total.add(*facts)
            per_list.setdefault(list_id, ListSummary(list_id=list_id)).add(*facts)
            per_day.setdefault(day, DaySummary(vaccination_date=day)).add(*facts)
            per_vaccine.setdefault((mp, dose), VaccineDoseRow(vaccine=names.get(mp, mp), vaccine_mp=mp,
                                                              dose_number=dose)).add(*facts)
        first, after = (datetime.fromisoformat(start).replace(tzinfo=UTC),
                        datetime.fromisoformat(end).replace(tzinfo=UTC) + timedelta(days=1))
        imported_then = select(DailyList.id).where(DailyList.imported_at >= first, DailyList.imported_at < after)
        wanted = {i for i in per_list if i is not None} | set(session.execute(imported_then).scalars())
        lists = session.execute(select(DailyList).where(DailyList.id.in_(wanted))
                                .order_by(DailyList.imported_at, DailyList.id)).scalars().all() if wanted else []
        for dl in lists:
            summary = per_list.setdefault(dl.id, ListSummary(list_id=dl.id))
            summary.file_name = dl.file_name
            summary.imported_at = dl.imported_at.isoformat() if dl.imported_at else ""
            summary.rows_rejected = dl.rejected or 0
            total.rows_rejected += summary.rows_rejected
    ordered = [per_list[dl.id] for dl in lists]
    if None in per_list:  # records made by corrections belong to no list
        per_list[None].file_name = str(tr("(đính chính)", "(corrections)"))
        ordered.append(per_list[None])
    settings = workspace.settings
    return DayReport(
        date_from=start, date_to=end, facility_code=settings.get("facility_code"),
        facility_name=settings.get("facility_name"),
        created_at=(now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        total=total, lists=ordered, days=[per_day[d] for d in sorted(per_day)],
        vaccines=[per_vaccine[k] for k in sorted(per_vaccine, key=lambda k: (per_vaccine[k].vaccine, k[1]))],
    )
