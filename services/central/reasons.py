"""Per-record rejection reasons (docs/central-api.md): stable codes and bilingual messages.

The facility's sync shows these to the clerk next to the record, so each says what is wrong and,
where it can, what to do.
"""

from __future__ import annotations

from typing import Any

from desktop.i18n import Message, tr

REASONS: dict[str, tuple[str, str]] = {
    "invalid_proof": (
        "Bằng chứng Merkle của bản ghi không khớp gốc đã ký: bản ghi bị sửa sau khi ký. Hãy ký lại.",
        "The record's Merkle proof does not match the signed root: it changed after signing. Sign it again."),
    "invalid_attestation": (
        "Dữ liệu xác nhận của bản ghi không đúng định dạng: {detail}",
        "The record's attestation is malformed: {detail}"),
    "unknown_vaccine": (
        "Mã vắc xin không có trong danh mục EU hoặc không khớp nhau: {detail}",
        "The vaccine codes are not in the EU value sets or do not belong together: {detail}"),
    "inactive_code": (
        "Mã đã ngừng sử dụng, không được cấp mới: {detail}",
        "A code is no longer active and must not be issued: {detail}"),
    "schema": (
        "Dữ liệu không đúng lược đồ chứng nhận DCC: {detail}",
        "The data does not follow the DCC certificate schema: {detail}"),
    "dose_already_certified": (
        "Mũi {dn} của người này đã được cấp chứng nhận ({uvci}). Nếu cần sửa, hãy gửi bản đính chính.",
        "Dose {dn} of this person is already certified ({uvci}). To change it, send a correction."),
    "facility_not_authorised": (
        "Bên ký không được phép ký cho cơ sở {facility}.",
        "The signer may not sign for facility {facility}."),
    "future_date": (
        "Ngày {field} {value} ở trong tương lai.",
        "The {field} date {value} is in the future."),
    "superseded_unknown": (
        "Không thể thay thế chứng nhận {uvci}: {detail}",
        "The certificate {uvci} cannot be replaced: {detail}"),
    "duplicate_in_batch": (
        "Bản ghi trùng với bản ghi ở vị trí {other} trong cùng lô ({detail}).",
        "The record duplicates the one at position {other} in the same batch ({detail})."),
}


def reason_message(code: str, **params: Any) -> Message:
    vi, en = REASONS[code]
    return tr(vi, en, **params)


class Rejection(Exception):
    """A record that cannot be certified; the rest of its batch goes on."""

    def __init__(self, code: str, details: dict[str, Any] | None = None, **params: Any):
        super().__init__(code)
        self.code = code
        self.message = reason_message(code, **params)
        self.details = details
