"""What the central service would refuse, found before anything is signed.

A record the central refuses after signing costs a round trip: signed, sent, rejected, back to review,
signed again. Every refusal that depends only on the record itself is checked here first, with the
rules the central applies (``desktop.dcc``): a name that cannot be written in ICAO letters, anything
outside the DCC schema or the value sets, and the same person's dose twice (in this batch, or already
signed). Such records are held out of the batch and counted, with their rows, in the confirmation.
Records of facilities this workspace does not sign for are counted too, so a whole list of another
facility's rows never ends in a bare "nothing to sign".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from desktop.db_bulk import chunks
from desktop.dcc.names import icao_transliterate, split_vietnamese_name
from desktop.dcc.payload import DCC_VERSION, dcc_name
from desktop.dcc.problems import errors
from desktop.dcc.validate import validate_payload
from desktop.errors import UserError
from desktop.i18n import Message, tr
from desktop.models import VaccinationRecord

R = VaccinationRecord
_PLACEHOLDER_UVCI = "URN:UVCI:01:VN:" + "0" * 32  # the central gives the real one; its form is checked there
_SUBMITTED = ("signed", "sent", "certified")

KINDS: dict[str, Message] = {
    "name": tr("tên không viết được bằng chữ Latinh ICAO", "names that cannot be written in ICAO letters"),
    "schema": tr("dữ liệu ngoài quy định của chứng nhận DCC", "data outside the DCC certificate's rules"),
    "dose_twice": tr("cùng người, cùng mũi tiêm hai lần", "the same person's dose twice"),
    "facility": tr("của cơ sở không thuộc phạm vi ký", "of facilities this workspace does not sign for"),
}


@dataclass(frozen=True)
class Obstacle:
    """One record held out of signing, and why (in the clerk's words)."""

    record_id: int
    row: int | None
    kind: str
    message: Message


@dataclass(frozen=True)
class PreSignReport:
    obstacles: tuple[Obstacle, ...] = ()
    other_facilities: dict[str, int] = field(default_factory=dict)  # facility code -> ready records not signed

    @property
    def blocked(self) -> frozenset[int]:
        return frozenset(o.record_id for o in self.obstacles)

    def counts(self) -> dict[str, int]:
        counted = Counter(o.kind for o in self.obstacles)
        if self.other_facilities:
            counted["facility"] = sum(self.other_facilities.values())
        return {kind: counted[kind] for kind in KINDS if counted[kind]}

    def message(self, examples: int = 3) -> Message | None:
        """One line per kind, with the first rows: what the confirmation shows."""
        lines: dict[str, list[str]] = {"vi": [], "en": []}
        for kind, n in self.counts().items():
            for lang, row_word in (("vi", "dòng"), ("en", "row")):
                if kind == "facility":
                    codes = ", ".join(f"{code} ({count})" for code, count in sorted(self.other_facilities.items()))
                    detail = {"vi": f"{codes}: hãy ký ở máy của cơ sở đó, hoặc thêm cơ sở vào danh sách đại diện.",
                              "en": f"{codes}: sign them at that facility, or add it to the facilities represented."
                              }[lang]
                else:
                    first = [o for o in self.obstacles if o.kind == kind][:examples]
                    detail = "; ".join(f"{row_word} {o.row}: {o.message.render(lang)}" if o.row
                                       else o.message.render(lang) for o in first)
                    detail += " …" if n > len(first) else ""
                lines[lang].append(f"{n} {KINDS[kind].render(lang)} — {detail}")
        if not lines["vi"]:
            return None
        return tr("Giữ lại, không ký (sửa ở trang Đối chiếu): " + " | ".join(lines["vi"]),
                  "Held back, not signed (fix them on the Review page): " + " | ".join(lines["en"]))


_COLUMNS = (R.id, R.source_row, R.full_name, R.date_of_birth, R.id_number, R.vaccine_vp, R.vaccine_mp, R.vaccine_ma,
            R.dn, R.sd, R.vaccination_date, R.nationality, R.supersedes_record_id)


def check_before_signing(session: Session, record_ids: Iterable[int], now: datetime | None = None) -> PreSignReport:
    """The obstacles among ``record_ids`` (ready records of this workspace's scope)."""
    now = now or datetime.now(UTC)
    rows: list[Any] = []
    ids = sorted(set(record_ids))
    for chunk in chunks(ids):
        rows += session.execute(select(*_COLUMNS).where(R.id.in_(chunk))).all()
    rows.sort(key=lambda r: r.id)
    obstacles: list[Obstacle] = []
    for row in rows:
        found = _record_obstacle(row, now)
        if found is not None:
            obstacles.append(found)
    blocked = {o.record_id for o in obstacles}
    obstacles += _doses_twice(session, [r for r in rows if r.id not in blocked])
    return PreSignReport(tuple(sorted(obstacles, key=lambda o: o.record_id)))


def _record_obstacle(row: Any, now: datetime) -> Obstacle | None:
    name = row.full_name or ""
    foreign = sorted({ch for ch in name if _not_icao_letter(ch)})
    if foreign:
        return Obstacle(row.id, row.source_row, "name", tr(
            "“{name}” có chữ không phải chữ Latinh ({chars}); hãy nhập tên bằng chữ Latinh như trên hộ chiếu",
            "“{name}” has letters outside the Latin alphabet ({chars}); enter the name in Latin letters as in "
            "the passport", name=name, chars="".join(foreign)))
    try:
        nam = dcc_name(*split_vietnamese_name(name))
    except UserError as exc:
        return Obstacle(row.id, row.source_row, "name", exc.message)
    dcc = {
        "ver": DCC_VERSION, "nam": nam, "dob": (row.date_of_birth or "").strip(),
        "v": [{"tg": "840539006", "vp": row.vaccine_vp, "mp": row.vaccine_mp, "ma": row.vaccine_ma,
               "dn": row.dn, "sd": row.sd, "dt": row.vaccination_date, "co": "VN",
               "is": "Ministry of Health of Viet Nam", "ci": _PLACEHOLDER_UVCI}],
    }
    problems = errors(validate_payload(dcc, issuing=True, issued_at=now))
    if problems:
        return Obstacle(row.id, row.source_row, "schema", problems[0].message)
    return None


@cache
def _not_icao_letter(ch: str) -> bool:
    """A letter ICAO 9303 cannot write (Greek, Cyrillic, Han…): it would silently vanish from ``fnt``/``gnt``."""
    return ch.isalpha() and not icao_transliterate(ch)


def person_key(id_number: str | None) -> str:
    """The person as the central service tells people apart: the ID number without spaces, upper case."""
    return re.sub(r"\s+", "", id_number or "").upper()


def _doses_twice(session: Session, rows: list[Any]) -> list[Obstacle]:
    """The same person and dose number twice in the batch, or already signed (corrections aside)."""
    obstacles: list[Obstacle] = []
    first: dict[tuple[str, int], Any] = {}
    for row in rows:
        key = (person_key(row.id_number), row.dn)
        if not key[0] or row.supersedes_record_id is not None:
            continue
        if key in first:
            obstacles.append(_twice(row, first[key].source_row, first[key].vaccination_date))
        else:
            first[key] = row
    if not first:
        return obstacles
    numbers = sorted({k[0] for k in first})
    submitted: dict[tuple[str, int], Any] = {}
    for chunk in chunks(numbers):
        for other in session.execute(select(R.id_number, R.dn, R.source_row, R.vaccination_date).where(and_(
                R.stage.in_(_SUBMITTED), R.id_number.in_(chunk)))).all():
            submitted.setdefault((person_key(other.id_number), other.dn), other)
    for key, row in first.items():
        signed_row = submitted.get(key)
        if signed_row is not None:
            obstacles.append(_twice(row, signed_row.source_row, signed_row.vaccination_date, signed=True))
    return obstacles


def _twice(row: Any, other_row: int | None, other_date: str | None, signed: bool = False) -> Obstacle:
    from desktop.i18n import format_date

    if signed:
        message = tr("mũi {dn} của người này đã được ký (ngày tiêm {date}); nếu cần sửa, hãy đính chính chứng nhận",
                     "dose {dn} of this person is already signed (vaccinated {date}); to change it, correct the "
                     "certificate", dn=row.dn, date=format_date(other_date))
    else:
        message = tr("mũi {dn} của người này đã có ở dòng {other} (ngày tiêm {date}); hãy loại một trong hai",
                     "dose {dn} of this person is also on row {other} (vaccinated {date}); reject one of them",
                     dn=row.dn, other=other_row, date=format_date(other_date))
    return Obstacle(row.id, row.source_row, "dose_twice", message)
