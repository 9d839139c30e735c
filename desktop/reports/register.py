"""The certificate register for the province: one row per certificate, as xlsx or CSV.

Columns: UVCI, name, date of birth, vaccine, dose (dn/sd), vaccination date, state. Rows are read
and written in pages, so a register of 100,000 certificates stays within a few megabytes of memory.
The CSV is UTF-8 with a byte-order mark, which Excel needs to show Vietnamese letters.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import func, select

from desktop.errors import UserError
from desktop.i18n import tr
from desktop.models import Certificate, VaccinationRecord
from desktop.progress import NO_PROGRESS, Progress
from desktop.reports.day import parse_period, vaccine_names
from desktop.reports.workbook import nfc, unwritable
from desktop.workspace import Workspace

FORMATS = ("xlsx", "csv")
_PAGE = 2000

HEADINGS = (
    tr("UVCI", "UVCI"), tr("Họ và tên", "Name"), tr("Ngày sinh", "Date of birth"), tr("Vắc xin", "Vaccine"),
    tr("Mũi", "Dose"), tr("Ngày tiêm", "Vaccination date"), tr("Trạng thái", "State"),
)

STATES = {
    "valid": tr("Còn hiệu lực", "Valid"),
    "expired": tr("Hết hạn", "Expired"),
    "superseded": tr("Đã thay thế", "Superseded"),
    "revoked": tr("Đã thu hồi", "Revoked"),
}


@dataclass(frozen=True)
class RegisterRow:
    uvci: str
    full_name: str
    date_of_birth: str
    vaccine: str
    dose: str
    vaccination_date: str
    state: str  # valid | expired | superseded | revoked

    def cells(self) -> list[str]:
        return [self.uvci, nfc(self.full_name), self.date_of_birth, nfc(self.vaccine), self.dose,
                self.vaccination_date, str(STATES.get(self.state, tr(self.state, self.state)))]


def _period(query: Any, date_from: str | None, date_to: str | None) -> Any:
    if date_from or date_to:
        start, end = parse_period(date_from or date_to, date_to or date_from)
        query = query.where(Certificate.vaccination_date >= start, Certificate.vaccination_date <= end)
    return query


def register_count(workspace: Workspace, date_from: str | None = None, date_to: str | None = None) -> int:
    with workspace.db.session() as session:
        return int(session.execute(_period(select(func.count(Certificate.id)), date_from, date_to)).scalar_one())


def register_rows(workspace: Workspace, date_from: str | None = None, date_to: str | None = None,
                  now: datetime | None = None) -> Iterator[RegisterRow]:
    """Every certificate (of vaccinations in the period, when one is given), by vaccination date."""
    now = now or datetime.now(UTC)
    names = vaccine_names()
    query = (select(Certificate.id, Certificate.uvci, Certificate.full_name, VaccinationRecord.date_of_birth,
                    VaccinationRecord.vaccine_mp, VaccinationRecord.vaccine_name, VaccinationRecord.dn,
                    VaccinationRecord.sd, Certificate.vaccination_date, Certificate.status, Certificate.expires_at)
             .join(VaccinationRecord, VaccinationRecord.id == Certificate.record_id))
    query = _period(query, date_from, date_to).order_by(Certificate.vaccination_date, Certificate.id)
    with workspace.db.session() as session:
        for row in session.execute(query.execution_options(yield_per=_PAGE)):
            _, uvci, name, dob, mp, vaccine_name, dn, sd, day, status, expires = tuple(row)
            state = "expired" if status == "valid" and expires is not None and expires <= now else status
            vaccine = names.get(mp, vaccine_name or mp) or ""
            yield RegisterRow(uvci, name, dob, vaccine, f"{dn}/{sd}", day, state)


def write_register(workspace: Workspace, out: Path, fmt: str | None = None, date_from: str | None = None,
                   date_to: str | None = None, progress: Progress = NO_PROGRESS) -> int:
    """Write the register to ``out`` (format from ``fmt`` or the file's suffix); return the row count.

    Cancelling through ``progress`` leaves no file behind."""
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise UserError(tr("Sổ chứng nhận chỉ xuất được dạng xlsx hoặc csv, không phải \"{fmt}\".",
                           "The register can be written as xlsx or csv, not \"{fmt}\".", fmt=fmt),
                        code="bad_format")
    total = register_count(workspace, date_from, date_to)
    rows = register_rows(workspace, date_from, date_to)
    label = str(tr("Đang ghi sổ chứng nhận", "Writing the certificate register"))
    progress.update(0, total, label, force=True)
    headings = [str(h) for h in HEADINGS]
    tmp = out.with_name(f".{out.name}.part")
    count = 0
    try:
        if fmt == "csv":
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(headings)
                for row in rows:
                    writer.writerow(row.cells())
                    count += 1
                    if count % 500 == 0:
                        progress.update(count, total, label)
        else:
            book = Workbook(write_only=True)
            sheet = book.create_sheet(nfc(str(tr("Sổ chứng nhận", "Certificate register")))[:31])
            sheet.append(headings)
            for row in rows:
                sheet.append(row.cells())
                count += 1
                if count % 500 == 0:
                    progress.update(count, total, label)
            book.save(tmp)
        progress.update(count, count, label, force=True)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise unwritable(out, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return count
