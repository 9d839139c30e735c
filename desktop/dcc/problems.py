"""What can be wrong with a certificate or a payload: stable machine codes, bilingual messages.

A verifier that only says "invalid" leaves the clerk and the traveller stuck, so every check
reports its own code (for scripts, logs and support) and a message saying what is wrong in both
languages. Codes are part of the command line's JSON contract: never rename one.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any, Literal

from desktop.i18n import Message, tr

Severity = Literal["error", "warning"]

# code -> (step, Vietnamese template, English template). ``step`` groups codes by pipeline stage,
# so a caller can ask "did the signature check pass?" without listing codes.
_CATALOGUE: dict[str, tuple[str, str, str]] = {
    "prefix": (
        "unprefix",
        "Mã QR không bắt đầu bằng \"HC1:\": đây không phải chứng nhận COVID số EU (DCC).",
        "The code does not start with \"HC1:\": it is not an EU Digital COVID Certificate.",
    ),
    "base45": (
        "base45",
        "Mã QR bị hỏng (dữ liệu Base45 không hợp lệ): hãy quét lại hoặc in lại.",
        "The QR content is damaged (invalid Base45 data): scan it again or reprint it.",
    ),
    "too_long": (
        "base45",
        "Nội dung quá dài ({size} ký tự) cho một mã QR chứng nhận (tối đa {limit}).",
        "The content is too long ({size} characters) for a certificate QR code (at most {limit}).",
    ),
    "zlib": (
        "decompress",
        "Dữ liệu nén trong mã QR bị hỏng hoặc không được nén: {detail}",
        "The compressed data in the QR code is broken or not compressed: {detail}",
    ),
    "cbor": (
        "decode",
        "Dữ liệu CBOR không đọc được: {detail}",
        "The CBOR data cannot be read: {detail}",
    ),
    "cose_structure": (
        "decode",
        "Cấu trúc chữ ký COSE không đúng: {detail}",
        "The COSE signature structure is wrong: {detail}",
    ),
    "cwt_structure": (
        "decode",
        "Nội dung chứng nhận (CWT) không đúng cấu trúc: {detail}",
        "The certificate content (CWT) is malformed: {detail}",
    ),
    "verifier_error": (
        "decode",
        "Không kiểm tra được mã QR này ({detail}); chứng nhận không được coi là hợp lệ.",
        "This QR code could not be checked ({detail}); the certificate is not treated as valid.",
    ),
    "algorithm": (
        "verify",
        "Thuật toán chữ ký không được chấp nhận: {detail}",
        "The signature algorithm is not acceptable: {detail}",
    ),
    "no_trust_list": (
        "verify",
        "Chưa có danh sách chứng thư tin cậy nên không kiểm tra được chữ ký.",
        "No trust list was given, so the signature could not be checked.",
    ),
    "unknown_kid": (
        "verify",
        "Chứng thư ký (kid {kid}) không có trong danh sách tin cậy: {detail}",
        "The signing certificate (kid {kid}) is not in the trust list: {detail}",
    ),
    "signature": (
        "verify",
        "Chữ ký không hợp lệ: chứng nhận đã bị sửa hoặc không do cơ quan có thẩm quyền cấp.",
        "The signature is invalid: the certificate was altered or not issued by an authorised body.",
    ),
    "key_usage": (
        "key_usage",
        "Chứng thư ký không được phép ký loại chứng nhận này ({kind}).",
        "The signing certificate may not sign this kind of certificate ({kind}).",
    ),
    "expired": (
        "expiration",
        "Mã QR đã hết hạn lúc {expires_at}; cần cấp lại.",
        "The QR code expired at {expires_at}; it must be re-issued.",
    ),
    "not_yet_valid": (
        "expiration",
        "Mã QR chưa có hiệu lực: thời điểm phát hành {issued_at} ở sau thời điểm kiểm tra.",
        "The QR code is not valid yet: it was issued at {issued_at}, after the time of checking.",
    ),
    "schema": (
        "schema",
        "Dữ liệu không đúng lược đồ DCC tại {path}: {detail}",
        "The data does not follow the DCC schema at {path}: {detail}",
    ),
    "date_tolerated": (
        "schema",
        "Ngày tại {path} được ghi kèm giờ (\"{value}\") thay vì chỉ ngày; đã đọc là ngày {day}.",
        "The date at {path} is written with a time (\"{value}\") instead of a date; read as {day}.",
    ),
    "multiple_entries": (
        "schema",
        "Một chứng nhận chỉ được chứa đúng một mục (tiêm chủng, xét nghiệm hoặc khỏi bệnh); có {count}.",
        "A certificate must hold exactly one entry (vaccination, test or recovery); it holds {count}.",
    ),
    "value_set": (
        "value_set",
        "Mã \"{value}\" tại {path} không có trong danh mục {value_set}.",
        "The code \"{value}\" at {path} is not in the value set {value_set}.",
    ),
    "value_set_inactive": (
        "value_set",
        "Mã \"{value}\" tại {path} đã ngừng sử dụng trong danh mục {value_set}; không được cấp mới.",
        "The code \"{value}\" at {path} is no longer active in {value_set}; it must not be issued.",
    ),
    "vaccine_inconsistent": (
        "value_set",
        "Bộ mã vắc xin không khớp hướng dẫn mã hoá EU: vp={vp}, mp={mp}, ma={ma}.",
        "The vaccine codes do not match the EU encoding instructions: vp={vp}, mp={mp}, ma={ma}.",
    ),
    "vaccination_in_future": (
        "schema",
        "Ngày tiêm {dt} ở sau ngày phát hành chứng nhận.",
        "The vaccination date {dt} is after the certificate's issue date.",
    ),
    "uvci": (
        "schema",
        "Mã định danh chứng nhận (UVCI) không đúng định dạng: \"{value}\".",
        "The certificate identifier (UVCI) is malformed: \"{value}\".",
    ),
    "revoked": (
        "revocation",
        "Chứng nhận đã bị thu hồi ngày {revoked_at} ({reason}).",
        "The certificate was revoked on {revoked_at} ({reason}).",
    ),
    "uvci_checksum": (
        "revocation",
        "Ký tự kiểm tra của mã UVCI không đúng (chỉ cảnh báo, không làm chứng nhận mất hiệu lực).",
        "The UVCI check character is wrong (a warning only; the certificate stays valid).",
    ),
}

CODES = frozenset(_CATALOGUE)


@dataclass(frozen=True)
class Problem:
    """One finding. ``path`` points into the DCC payload ("v/0/mp") when the finding is about a field."""

    code: str
    message: Message
    path: str | None = None
    severity: Severity = "error"
    details: dict[str, Any] | None = None

    @property
    def step(self) -> str:
        """The pipeline stage the finding belongs to (unprefix, base45, decompress, decode, verify, ...)."""
        return _CATALOGUE[self.code][0]

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "severity": self.severity, "message": self.message.as_dict()}
        if self.path is not None:
            out["path"] = self.path
        if self.details:
            out["details"] = self.details
        return out

    def __str__(self) -> str:
        return str(self.message)


def problem(code: str, *, path: str | None = None, severity: Severity = "error",
            details: dict[str, Any] | None = None, **params: Any) -> Problem:
    """Build a ``Problem`` with the catalogue message for ``code``.

    Unused ``params`` are harmless; a template placeholder without a parameter renders as "?"
    so a message is never lost because a detail was unavailable.
    """
    _step, vi, en = _CATALOGUE[code]
    params = {"path": path or "/", **params}
    for name in _placeholders(vi) | _placeholders(en):
        params.setdefault(name, "?")
    return Problem(code, tr(vi, en, **params), path=path, severity=severity, details=details)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def errors(problems: list[Problem]) -> list[Problem]:
    """The findings that make a certificate or payload unacceptable (warnings excluded)."""
    return [p for p in problems if p.severity == "error"]


# What a clerk or a border officer reads first: the finding in plain words, no technical detail
# (those stay in each problem's message, shown on request). code -> (Vietnamese, English).
_DAMAGED = ("Mã QR bị hỏng hoặc không đầy đủ nên không đọc được. Hãy quét lại hoặc xin bản in mới.",
            "The QR code is damaged or incomplete and cannot be read. Scan it again or ask for a new print.")
_CONTENT = ("Nội dung chứng nhận không đúng quy định của chứng nhận COVID số EU.",
            "The certificate's content does not follow the EU Digital COVID Certificate rules.")
_PLAIN: dict[str, tuple[str, str]] = {
    "prefix": ("Đây không phải mã QR chứng nhận COVID số EU (mã không bắt đầu bằng \"HC1:\").",
               "This is not an EU Digital COVID Certificate QR code (it does not start with \"HC1:\")."),
    "too_long": _DAMAGED, "base45": _DAMAGED, "zlib": _DAMAGED, "cbor": _DAMAGED, "cose_structure": _DAMAGED,
    "cwt_structure": _DAMAGED,
    "verifier_error": ("Không kiểm tra được mã QR này; chứng nhận không được coi là hợp lệ.",
                       "This QR code could not be checked; the certificate is not treated as valid."),
    "algorithm": ("Chữ ký trên chứng nhận không đúng: chứng nhận đã bị sửa hoặc không do cơ quan có thẩm quyền cấp.",
                  "The signature is wrong: the certificate was altered or not issued by an authorised body."),
    "no_trust_list": ("Chưa có danh sách tin cậy nên chưa kiểm tra được chữ ký. Hãy đồng bộ khi có mạng.",
                      "There is no trust list yet, so the signature was not checked. Sync while online."),
    "unknown_kid": ("Nơi cấp chứng nhận này chưa có trong danh sách tin cậy.",
                    "The issuer of this certificate is not in the trust list."),
    "key_usage": ("Nơi cấp không được phép cấp loại chứng nhận này.",
                  "The issuer may not issue this kind of certificate."),
    "expired": ("Mã QR đã hết hạn.", "The QR code has expired."),
    "not_yet_valid": ("Mã QR chưa đến thời điểm có hiệu lực.", "The QR code is not valid yet."),
    "revoked": ("Chứng nhận này đã bị thu hồi.", "This certificate has been revoked."),
}
_PLAIN["signature"] = _PLAIN["algorithm"]


def plain_message(found: Problem) -> Message:
    """The finding in plain words for the main line of a verdict (technical detail left out)."""
    vi, en = _PLAIN.get(found.code, _CONTENT)
    return tr(vi, en)
