"""Changing a workspace's settings: every change validated (all problems at once), saved, audited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.audit import record_event
from desktop.errors import UserError
from desktop.i18n import Message, tr
from desktop.settings import OPTIONS, validate_setting

if TYPE_CHECKING:
    from desktop.workspace import Workspace

_OPTIONS = {o.key: o for o in OPTIONS}


def apply_settings(workspace: Workspace, changes: dict[str, Any], actor: str) -> dict[str, Any]:
    """Validate every change (all problems reported at once), save, and audit who changed what.

    Secrets are audited as changed, never with their value. Returns the stored values.
    """
    problems: list[UserError] = []
    values: dict[str, Any] = {}
    for key, value in changes.items():
        try:
            values[key] = validate_setting(key, value)
        except UserError as exc:
            problems.append(exc)
    if problems:
        if len(problems) == 1:
            raise problems[0]
        raise UserError(
            tr("Có {n} cài đặt không hợp lệ:\n{list}", "{n} settings are not valid:\n{list}", n=len(problems),
               list=_Lines([p.message for p in problems])),
            code="bad_setting", details={"keys": [p.details.get("key") for p in problems]},
        )
    settings = workspace.settings
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for key, value in values.items():
        old = settings.get(key)
        if old == value:
            continue
        secret = _OPTIONS[key].secret
        before[key] = ("***" if old else "") if secret else old
        after[key] = ("***" if value else "") if secret else value
        settings.set(key, value)
    if after:
        settings.save()
        with workspace.db.session() as session:
            record_event(session, actor, "settings_changed", "settings", "workspace", before, after)
    return {key: (bool(v) if _OPTIONS[key].secret else v) for key, v in values.items()}


class _Lines(Message):
    """Several messages, one per line, each rendered in the language of the whole."""

    messages: list[Message]

    def __init__(self, messages: list[Message]):
        super().__init__("\n".join(m.vi for m in messages), "\n".join(m.en for m in messages), {})
        object.__setattr__(self, "messages", messages)

    def render(self, language: str | None = None) -> str:
        return "\n".join("• " + m.render(language) for m in self.messages)
