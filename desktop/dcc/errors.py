"""Refusals raised by the certificate library.

Both are ``UserError``s: the window and the command line already know how to show them, and the
findings travel in ``details["problems"]`` so a bulk job can name the record and the field.
"""

from __future__ import annotations

from desktop.dcc.problems import Problem
from desktop.errors import UserError
from desktop.i18n import tr


class PayloadRefused(UserError):
    """The payload failed validation, so it was not signed (a bad certificate is never issued)."""

    def __init__(self, problems: list[Problem]):
        first = problems[0]
        message = tr(
            "Không ký chứng nhận vì dữ liệu không hợp lệ ({count} lỗi). Lỗi đầu tiên: {first}",
            "The certificate was not signed because its data is invalid ({count} problems). First: {first}",
            count=len(problems),
            first=first.message,
        )
        super().__init__(message, code="dcc_payload_invalid", details={"problems": [p.as_dict() for p in problems]})
        self.problems = problems


class CertificateUnreadable(UserError):
    """An HC1 string could not be decoded; ``problem`` says at which step and why."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message, code=f"dcc_{problem.code}", details={"problem": problem.as_dict()})
        self.problem = problem
