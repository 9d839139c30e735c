"""Counting records by state in SQL (one GROUP BY per view), so 100,000 records take milliseconds."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from desktop.accounts.roles import can
from desktop.i18n import Message, format_date, format_number, tr
from desktop.models import DailyList, VaccinationRecord
from desktop.workspace import Workspace

STATES = ("loaded", "needs_review", "ready_to_sign", "signed", "sent", "certified", "rejected")

_LABELS = {
    "loaded": tr("Chưa kiểm tra", "Loaded"),
    "needs_review": tr("Cần đối chiếu", "Needs review"),
    "ready_to_sign": tr("Sẵn sàng ký", "Ready to sign"),
    "signed": tr("Đã ký", "Signed"),
    "sent": tr("Đã gửi", "Sent"),
    "certified": tr("Đã cấp chứng nhận", "Certified"),
    "rejected": tr("Bị từ chối", "Rejected"),
}

_R = VaccinationRecord
_PROBLEM = ("mismatch", "not_found", "invalid_id")
_ACCEPTING = ("accept_registry", "keep_list", "edit")


def state_label(state: str) -> Message:
    return _LABELS[state]


def _conditions() -> dict[str, Any]:
    """The SQL condition of each state; together they split the counted records without overlap."""
    decision = func.coalesce(_R.decision, "")
    rejected = or_(_R.stage == "rejected_central", and_(_R.stage == "loaded", decision == "reject"))
    loaded_stage = and_(_R.stage == "loaded", decision != "reject")
    ready = and_(
        loaded_stage, _R.batch_id.is_(None),
        or_(and_(_R.check_status == "matched", decision.notin_(("reject", "defer"))), decision.in_(_ACCEPTING)),
    )
    needs_review = and_(
        loaded_stage, decision.notin_(_ACCEPTING),
        or_(_R.check_status.in_(_PROBLEM), decision == "defer"),
    )
    loaded = and_(loaded_stage, _R.check_status == "unchecked", decision.notin_(_ACCEPTING + ("defer",)))
    return {
        "rejected": rejected,
        "certified": _R.stage == "certified",
        "sent": _R.stage == "sent",
        "signed": _R.stage == "signed",
        "ready_to_sign": ready,
        "needs_review": needs_review,
        "loaded": loaded,
    }


def state_clause(state: str):
    """The SQL condition for records in ``state`` (for pages that list "those records")."""
    if state not in STATES:
        raise ValueError(f"unknown state {state!r}")
    return _conditions()[state]


def _state_case():
    conditions = _conditions()
    order = ("rejected", "certified", "sent", "signed", "ready_to_sign", "needs_review", "loaded")
    return case(*[(conditions[s], literal(s)) for s in order], else_=literal("other"))


def _empty() -> dict[str, int]:
    return dict.fromkeys(STATES, 0)


@dataclass
class ListRow:
    list_id: int | None
    file_name: str
    imported_at: str  # ISO
    counts: dict[str, int] = field(default_factory=_empty)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class DayRow:
    vaccination_date: str  # YYYY-MM-DD
    counts: dict[str, int] = field(default_factory=_empty)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def label(self) -> str:
        return format_date(self.vaccination_date)


@dataclass(frozen=True)
class NextAction:
    state: str
    count: int
    page: str
    filters: dict[str, Any]
    message: Message


@dataclass
class Picture:
    today: str
    totals: dict[str, int]
    by_list: list[ListRow]
    by_day: list[DayRow]
    next_action: NextAction | None

    @property
    def total(self) -> int:
        return sum(self.totals.values())


def record_ids(workspace: Workspace, state: str, list_id: int | None = None,
               vaccination_date: str | None = None, limit: int | None = None) -> list[int]:
    """Ids of the records in ``state`` (optionally of one list or one day), in list order."""
    query = select(_R.id).where(state_clause(state))
    if list_id is not None:
        query = query.where(_R.list_id == list_id)
    if vaccination_date:
        query = query.where(_R.vaccination_date == vaccination_date)
    query = query.order_by(_R.list_id, _R.source_row, _R.id)
    if limit:
        query = query.limit(limit)
    with workspace.db.session() as session:
        return list(session.execute(query).scalars())


def _count_lists(session: Session, lists: int) -> list[ListRow]:
    state = _state_case().label("state")
    recent = select(DailyList.id).order_by(DailyList.imported_at.desc(), DailyList.id.desc()).limit(lists)
    rows: dict[int | None, ListRow] = {}
    for dl in session.execute(select(DailyList).where(DailyList.id.in_(recent))
                              .order_by(DailyList.imported_at.desc(), DailyList.id.desc())).scalars():
        rows[dl.id] = ListRow(dl.id, dl.file_name, dl.imported_at.isoformat() if dl.imported_at else "")
    if not rows:
        return []
    query = (select(_R.list_id, state, func.count()).where(_R.list_id.in_(list(rows)))
             .group_by(_R.list_id, state))
    for list_id, st, n in session.execute(query):
        if st in STATES:
            rows[list_id].counts[st] += n
    return list(rows.values())


def _count_days(session: Session, days: int) -> list[DayRow]:
    state = _state_case().label("state")
    recent = (select(_R.vaccination_date).group_by(_R.vaccination_date)
              .order_by(_R.vaccination_date.desc()).limit(days)).subquery()
    query = (select(_R.vaccination_date, state, func.count())
             .where(_R.vaccination_date.in_(select(recent.c.vaccination_date)))
             .group_by(_R.vaccination_date, state))
    rows: dict[str, DayRow] = {}
    for day, st, n in session.execute(query):
        row = rows.setdefault(day, DayRow(day))
        if st in STATES:
            row.counts[st] += n
    return [rows[d] for d in sorted(rows, reverse=True)]


def _count_all(session: Session) -> dict[str, int]:
    state = _state_case().label("state")
    totals = _empty()
    for st, n in session.execute(select(state, func.count()).group_by(state)):
        if st in STATES:
            totals[st] += n
    return totals


def todays_picture(workspace: Workspace, role: str = "administrator", lists: int = 8, days: int = 7,
                   today: date | None = None) -> Picture:
    """Counts per state overall, for the most recent lists and vaccination days, and the next action."""
    with workspace.db.session() as session:
        totals = _count_all(session)
        by_list = _count_lists(session, lists)
        by_day = _count_days(session, days)
    return Picture((today or date.today()).isoformat(), totals, by_list, by_day, next_action(totals, role))


# What to do next, most urgent first: (state, page, least action needed, message)
_NEXT = (
    ("needs_review", "review", "review",
     tr("{n} bản ghi cần đối chiếu", "{n} records need review")),
    ("loaded", "review", "check",
     tr("{n} bản ghi chưa kiểm tra với CSDL dân cư", "{n} records not yet checked against the registry")),
    ("ready_to_sign", "sign", "sign",
     tr("{n} bản ghi sẵn sàng ký số", "{n} records ready to sign")),
    ("signed", "sync", "sync",
     tr("{n} bản ghi đã ký, chờ gửi lên hệ thống trung ương", "{n} signed records waiting to be sent")),
    ("sent", "sync", "sync",
     tr("{n} bản ghi đã gửi, chờ nhận chứng nhận", "{n} sent records waiting for certificates")),
)


def next_action(totals: dict[str, int], role: str = "administrator") -> NextAction | None:
    """The most urgent thing this person can do now; ``None`` when nothing is waiting."""
    for state, page, action, message in _NEXT:
        count = totals.get(state, 0)
        if count and can(role, action):
            return NextAction(state, count, page, {"state": state},
                              tr(message.vi_template, message.en_template, n=_Num(count)))
    if not sum(totals.values()) and can(role, "import"):
        return NextAction("loaded", 0, "import", {},
                          tr("Chưa có danh sách nào: hãy nhập danh sách tiêm hôm nay",
                             "No lists yet: import today's vaccination list"))
    return None


class _Num(Message):
    """A count that renders with the separators of whichever language renders the message."""

    def __init__(self, value: int):
        super().__init__("", "", {})
        object.__setattr__(self, "value", value)

    def render(self, language: str | None = None) -> str:
        return format_number(self.value, language)
