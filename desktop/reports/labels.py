"""Column headings shared by the xlsx and PDF forms of the day's report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.i18n import Message, tr
from desktop.models.records import CHECK_STATUSES, DECISION_ACTIONS
from desktop.overview import STATES, state_label

TITLE = tr("Báo cáo cấp chứng nhận tiêm chủng COVID-19", "COVID-19 vaccination certificate report")

CHECKS: dict[str, Message] = {
    "unchecked": tr("Chưa kiểm tra", "Unchecked"),
    "matched": tr("Khớp", "Matched"),
    "mismatch": tr("Sai lệch", "Mismatch"),
    "not_found": tr("Không tìm thấy", "Not found"),
    "invalid_id": tr("Số định danh sai", "Invalid ID"),
}

DECISIONS: dict[str, Message] = {
    "accept_registry": tr("Theo CSDL dân cư", "Accept registry"),
    "keep_list": tr("Giữ theo danh sách", "Keep list"),
    "edit": tr("Sửa", "Edit"),
    "reject": tr("Loại", "Reject"),
    "defer": tr("Để sau", "Defer"),
}

LIST = tr("Danh sách", "List")
IMPORTED = tr("Ngày nhập", "Imported")
RECORDS = tr("Bản ghi", "Records")
ROWS_REJECTED = tr("Dòng bị loại khi nhập", "Rows rejected at loading")
SIGNED = tr("Đã ký số", "Signed")
CERTIFIED = tr("Đã cấp", "Certified")
PRINTED = tr("Đã in", "Printed")
DAY = tr("Ngày tiêm", "Vaccination day")
VACCINE = tr("Vắc xin", "Vaccine")
DOSE = tr("Mũi", "Dose")
PERIOD = tr("Kỳ báo cáo", "Period")
FACILITY = tr("Cơ sở", "Facility")
CREATED = tr("Lập lúc", "Created")

SECTION_CHECKS = tr("Nạp và kiểm tra với CSDL dân cư", "Loading and registry check")
SECTION_DECISIONS = tr("Quyết định đối chiếu", "Review decisions")
SECTION_PROGRESS = tr("Tiến độ (như trang Tổng quan)", "Progress (as on the Overview)")
SECTION_DAYS = tr("Theo ngày tiêm", "By vaccination day")
SECTION_VACCINES = tr("Theo vắc xin và mũi", "By vaccine and dose")


if TYPE_CHECKING:
    from desktop.reports.day import Counts


def check_headings() -> list[str]:
    return [str(RECORDS), str(ROWS_REJECTED), *(str(CHECKS[c]) for c in CHECK_STATUSES)]


def decision_headings() -> list[str]:
    return [str(DECISIONS[d]) for d in DECISION_ACTIONS]


def progress_headings() -> list[str]:
    return [*(str(state_label(s)) for s in STATES), str(SIGNED), str(PRINTED)]


def check_values(summary: Counts) -> list[int]:
    return [summary.records, getattr(summary, "rows_rejected", 0), *(summary.checks[c] for c in CHECK_STATUSES)]


def decision_values(summary: Counts) -> list[int]:
    return [summary.decisions[d] for d in DECISION_ACTIONS]


def progress_values(summary: Counts) -> list[int]:
    return [*(summary.states[s] for s in STATES), summary.signed, summary.printed]
