"""Counting records by state: one GROUP BY over the indexed columns that decide a state, named and summed in Python."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
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


def state_clause(state: str) -> ColumnElement[bool]:
    """The SQL condition for records in ``state`` (for pages that list "those records")."""
    if state not in STATES:
        raise ValueError(f"unknown state {state!r}")
    clause: ColumnElement[bool] = _conditions()[state]
    return clause


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
    yours: bool = True  # False: the work waits for someone with another role (e.g. the signer)


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


def state_of(stage: str | None, check_status: str | None, decision: str | None, in_batch: bool) -> str:
    """The state of one record, exactly as ``state_clause`` splits them ("other" when none applies).

    The Overview counts groups of records sharing these columns and names each group's state here,
    so SQLite never evaluates the state of each of a million records.
    """
    decision = decision or ""
    if stage == "rejected_central" or (stage == "loaded" and decision == "reject"):
        return "rejected"
    if stage in ("certified", "sent", "signed"):
        return stage
    if stage != "loaded":
        return "other"
    if not in_batch and ((check_status == "matched" and decision not in ("reject", "defer"))
                         or decision in _ACCEPTING):
        return "ready_to_sign"
    if decision not in _ACCEPTING and (check_status in _PROBLEM or decision == "defer"):
        return "needs_review"
    if check_status == "unchecked" and decision not in (*_ACCEPTING, "defer"):
        return "loaded"
    return "other"


def _count(session: Session, lists: int, days: int) -> tuple[dict[str, int], list[ListRow], list[DayRow]]:
    """One walk of ``ix_record_overview``: counts per (list, day, stage, check, decision, batch), named here."""
    columns = (_R.list_id, _R.vaccination_date, _R.stage, _R.check_status, _R.decision, _R.batch_id)
    groups = session.execute(select(*columns, func.count()).group_by(*columns)).all()
    totals = _empty()
    per_list: dict[int | None, dict[str, int]] = {}
    per_day: dict[str, DayRow] = {}
    for list_id, day, stage, check_status, decision, batch_id, n in groups:
        st = state_of(stage, check_status, decision, batch_id is not None)
        if st not in STATES:
            continue
        totals[st] += n
        per_list.setdefault(list_id, _empty())[st] += n
        per_day.setdefault(day, DayRow(day)).counts[st] += n
    recent = session.execute(select(DailyList).order_by(DailyList.imported_at.desc(), DailyList.id.desc())
                             .limit(lists)).scalars()
    by_list = [ListRow(dl.id, dl.file_name, dl.imported_at.isoformat() if dl.imported_at else "",
                       per_list.get(dl.id, _empty())) for dl in recent]
    by_day = [per_day[d] for d in sorted(per_day, reverse=True)[:days]]
    return totals, by_list, by_day


def todays_picture(workspace: Workspace, role: str = "administrator", lists: int = 8, days: int = 7,
                   today: date | None = None) -> Picture:
    """Counts per state overall, for the most recent lists and vaccination days, and the next action."""
    with workspace.db.session() as session:
        totals, by_list, by_day = _count(session, lists, days)
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


_WAITING = {
    "sign": tr("{n} bản ghi sẵn sàng ký, chờ người ký số", "{n} records ready to sign, waiting for a signer"),
}


def next_action(totals: dict[str, int], role: str = "administrator") -> NextAction | None:
    """The most urgent thing this person can do now; else what waits for someone else; else ``None``."""
    waiting = None
    for state, page, action, message in _NEXT:
        count = totals.get(state, 0)
        if not count:
            continue
        if can(role, action):
            return NextAction(state, count, page, {"state": state},
                              tr(message.vi_template, message.en_template, n=_Num(count)))
        if waiting is None and action in _WAITING:
            text = _WAITING[action]
            waiting = NextAction(state, count, page, {"state": state},
                                 tr(text.vi_template, text.en_template, n=_Num(count)), yours=False)
    if waiting is not None:
        return waiting
    if not sum(totals.values()) and can(role, "import"):
        return NextAction("loaded", 0, "import", {},
                          tr("Chưa có danh sách nào: hãy nhập danh sách tiêm hôm nay",
                             "No lists yet: import today's vaccination list"))
    return None


class _Num(Message):
    """A count that renders with the separators of whichever language renders the message."""

    value: int

    def __init__(self, value: int):
        super().__init__(str(value), str(value), {})
        object.__setattr__(self, "value", value)

    def render(self, language: str | None = None) -> str:
        return format_number(self.value, language)
