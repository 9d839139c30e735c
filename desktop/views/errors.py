"""The one error presenter: user errors plainly, cancellations silently, bugs in the crash dialog."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtWidgets import QWidget

from desktop.errors import Cancelled, UserError
from desktop.i18n import tr
from desktop.views import dialogs

log = logging.getLogger(__name__)


def present_error(parent: QWidget | None, error: BaseException) -> None:
    if isinstance(error, Cancelled):
        return
    if isinstance(error, UserError):
        dialogs.show_warning(parent, str(tr("Không thực hiện được", "Could not be done")), str(error.message))
        return
    report = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    log.error("unexpected error\n%s", report)
    dialogs.show_crash(parent, report)
