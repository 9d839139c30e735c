"""How signing talks to the person at the token: ask the PIN, show a message, confirm a batch.

The window, the command line and the tests each implement ``SigningHandler``; the signing code never
knows which (Electrum's hardware-wallet handler). ``ask_pin`` may be called from a worker thread and
blocks it until the person answered; ``None`` means the dialog was cancelled.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol, TextIO, runtime_checkable

from desktop.errors import UserError
from desktop.i18n import Message, tr

PIN_ENV = "VAXDESK_TOKEN_PIN"


@dataclass(frozen=True)
class PinRequest:
    """What a PIN dialog shows: which token, and why it asks again (wrong PIN, last try)."""

    token_label: str
    token_serial: str
    holder: str = ""
    attempt: int = 1
    problem: Message | None = None  # the previous PIN was wrong …
    warning: Message | None = None  # … and this is the last try before the token locks

    def prompt(self) -> Message:
        parts = [tr("Nhập mã PIN của USB token \"{label}\" (số sê-ri {serial}).",
                    "Enter the PIN of USB token \"{label}\" (serial {serial}).",
                    label=self.token_label, serial=self.token_serial)]
        if self.holder:
            parts.append(tr("Chứng thư số: {holder}", "Certificate: {holder}", holder=self.holder))
        parts += [m for m in (self.problem, self.warning) if m is not None]
        return tr("\n".join(m.vi for m in parts), "\n".join(m.en for m in parts))


@dataclass(frozen=True)
class BatchSummary:
    """What the clerk confirms before anything is signed."""

    ready: int
    held: int
    batches: int
    kind: str  # "issue" | "correction" | "mixed"
    scope: Message
    facilities: tuple[str, ...] = ()
    corrections: int = 0
    obstacles: dict[str, int] = field(default_factory=dict)  # kind -> records held out (desktop.signing.presign)
    obstacle_note: Message | None = None  # which, with their rows, in the clerk's words

    def message(self) -> Message:
        from desktop.i18n import format_number

        base = tr("Ký {n_vi} bản ghi {scope}? {held_vi} bản ghi đang chờ đối chiếu.",
                  "Sign {n_en} records {scope}? {held_en} held for review.",
                  n_vi=format_number(self.ready, "vi"), n_en=format_number(self.ready, "en"),
                  held_vi=format_number(self.held, "vi"), held_en=format_number(self.held, "en"), scope=self.scope)
        extra = []
        if self.batches > 1:
            extra.append(tr("Sẽ ký thành {b} lô, mỗi lô một lần ký trên token.",
                            "They will be signed as {b} batches, one token signature each.", b=self.batches))
        if self.corrections:
            extra.append(tr("Trong đó {c} bản ghi đính chính (lô riêng).",
                            "{c} of them are corrections (separate batches).", c=self.corrections))
        if self.facilities:
            extra.append(tr("Cơ sở: {f}", "Facilities: {f}", f=", ".join(self.facilities)))
        if self.obstacle_note is not None:
            extra.append(self.obstacle_note)
        vi = " ".join([base.vi] + [m.vi for m in extra])
        en = " ".join([base.en] + [m.en for m in extra])
        return tr(vi, en)


@runtime_checkable
class SigningHandler(Protocol):
    def ask_pin(self, info: PinRequest) -> str | None: ...

    def show_message(self, msg: Message) -> None: ...

    def confirm(self, summary: BatchSummary) -> bool: ...

    def finished(self) -> None: ...


class CommandLineHandler:
    """``--pin-stdin`` (one line of stdin) or ``VAXDESK_TOKEN_PIN``; the command itself is the confirmation.

    A non-interactive run cannot re-enter a PIN: a wrong PIN ends the run with the token's message
    (and the tries left), so a script never burns the token's tries in a loop.
    """

    def __init__(self, stdin: TextIO | None = None, use_stdin: bool = False, err: TextIO | None = None):
        self._stdin = stdin if stdin is not None else sys.stdin
        self._use_stdin = use_stdin
        self._err = err if err is not None else sys.stderr
        self._asked = False

    def ask_pin(self, info: PinRequest) -> str | None:
        if info.problem is not None or self._asked:
            raise UserError(info.problem or tr("Sai mã PIN.", "Wrong PIN."), code="pin_incorrect")
        self._asked = True
        if self._use_stdin:
            line = self._stdin.readline()
            pin = line.rstrip("\r\n")
        else:
            pin = os.environ.get(PIN_ENV, "")
        if not pin:
            raise UserError(
                tr("Chưa có mã PIN: dùng --pin-stdin (một dòng trên stdin) hoặc biến môi trường {env}.",
                   "No PIN given: use --pin-stdin (one line on stdin) or the environment variable {env}.",
                   env=PIN_ENV),
                code="pin_missing",
            )
        if info.warning is not None:
            print(str(info.warning), file=self._err, flush=True)
        return pin

    def show_message(self, msg: Message) -> None:
        print(str(msg), file=self._err, flush=True)

    def confirm(self, summary: BatchSummary) -> bool:
        print(str(summary.message()), file=self._err, flush=True)
        return True

    def finished(self) -> None:
        pass


@dataclass
class ScriptedHandler:
    """A handler that answers from a script: for tests, benchmarks and unattended demos."""

    pins: list[str | None] = field(default_factory=list)
    confirm_answer: bool = True
    pin_requests: list[PinRequest] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    summaries: list[BatchSummary] = field(default_factory=list)
    finished_calls: int = 0

    @classmethod
    def with_pin(cls, pin: str | Iterable[str | None], confirm: bool = True) -> ScriptedHandler:
        pins: list[str | None] = [pin] if isinstance(pin, str) or pin is None else list(pin)
        return cls(pins=pins, confirm_answer=confirm)

    def ask_pin(self, info: PinRequest) -> str | None:
        self.pin_requests.append(info)
        if not self.pins:
            return None
        return self.pins.pop(0)

    def show_message(self, msg: Message) -> None:
        self.messages.append(msg)

    def confirm(self, summary: BatchSummary) -> bool:
        self.summaries.append(summary)
        return self.confirm_answer

    def finished(self) -> None:
        self.finished_calls += 1
