"""Start the window: application object, language, workspace, sign-in, main window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.i18n import set_language
from desktop.updates.activation import activate as activate_updates
from desktop.views.context import AppContext
from desktop.workspace import Workspace


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    # Qt's own file and print dialogs: they speak the clerk's language, the desktop's native ones may not
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app.setApplicationName("VaxDesk")
    app.setOrganizationName("VaxDesk")
    return app


def build_main_window(workspace: Workspace, actor: str = "", role: str = "administrator",
                      language: str | None = None):
    """The main window in ``language`` (default: the workspace's language)."""
    from desktop.views.main_window import MainWindow

    set_language(language or workspace.settings.get("language"))
    ctx = AppContext(workspace, actor=actor, role=role)
    return MainWindow(ctx)


def run_window(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="vaxdesk")
    parser.add_argument("--workspace", type=Path)
    parser.add_argument("--lang", choices=("vi", "en"))
    args, _rest = parser.parse_known_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_app()
    workspace = Workspace.open(args.workspace)
    activate_updates(workspace.path)  # this workspace's applied value sets and vaccine table
    if args.lang:
        workspace.settings.set("language", args.lang)
    set_language(workspace.settings.get("language"))
    if not update_workspace(workspace):
        return 1
    actor, role = _sign_in(workspace)
    if actor is None:
        return 0
    from desktop.i18n import current_language

    window = build_main_window(workspace, actor, role, language=current_language())  # the person's language
    _follow_lock_screen(window.ctx)
    window.show()
    code = app.exec()
    from desktop.views.operations import wait_idle

    wait_idle()
    workspace.close()
    return code


def update_workspace(workspace: Workspace) -> bool:
    """Bring an existing workspace's database up to this version (minutes on a large one) on the
    database worker, behind a message that says so; False when it could not be opened (error shown)."""
    if not workspace.needs_update():
        return True
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QProgressDialog

    from desktop.views.errors import present_error
    from desktop.views.operations import DbOp
    from desktop.workspace import UPDATING

    dialog = QProgressDialog(str(UPDATING), "", 0, 0)  # no range: a busy bar, the time is not known
    dialog.setCancelButton(None)  # a migration is not stopped half-way
    dialog.setWindowTitle("VaxDesk")
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
    loop, failed = QEventLoop(), []

    def migrate(_progress) -> None:
        workspace.db  # noqa: B018 - the first use of the database migrates it

    (DbOp(dialog, migrate)
     .success(lambda _none: loop.quit())
     .failure(lambda error: (failed.append(error), loop.quit()))
     .run_in_background())
    dialog.show()
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if failed:
        present_error(None, failed[0])
    return not failed


def _follow_lock_screen(ctx: AppContext) -> None:
    """Whoever signs in at the lock screen becomes the window's actor (the audit log's name)."""
    from desktop.views import idle_lock

    lock = idle_lock.current()
    if lock is not None:
        lock.attach(ctx)


def _sign_in(workspace: Workspace) -> tuple[str | None, str]:
    """Accounts, when the accounts capability is present; otherwise the OS user as clerk-administrator."""
    try:
        from desktop.views.sign_in import sign_in
    except ModuleNotFoundError:
        return os.environ.get("USER", "clerk"), "administrator"
    return sign_in(workspace)
