"""One sync run: refresh the trust list, drain the outbox batch by batch, apply revocations.

The window runs this on a network worker (database steps hop to its single database worker through
``run_db``); the command line and scheduled tasks run it directly. Several processes may run it on
the same workspace at once: each batch is claimed by exactly one of them.
"""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

import httpx

from desktop.errors import UserError
from desktop.i18n import Message, tr
from desktop.models.base import utcnow
from desktop.progress import Progress
from desktop.sync import outbox
from desktop.sync import state as sync_state
from desktop.sync.client import CentralClient, CentralRefused, CentralUnavailable
from desktop.sync.revocations import apply_revocations
from desktop.sync.store import (
    BatchOutcome,
    CheckedResult,
    DuplicateCertificate,
    Leaf,
    check_result,
    load_leaves,
    prepare_submission,
    store_result,
)
from desktop.sync.trust_cache import (
    load_revocations,
    load_trust_list,
    merge_revocations,
    revocations_path,
    save_document,
    trust_list_path,
)
from desktop.sync.verify import describe, load_trust_list_document
from desktop.workspace import Workspace

log = logging.getLogger(__name__)
T = TypeVar("T")

# Test hook (docs/sync.md): when set to "1", the sync process kills itself with SIGKILL right after
# it has received a batch's results and before it stores them, to prove a crash there loses nothing.
KILL_AFTER_RECEIVE = "VAXDESK_TEST_KILL_AFTER_RECEIVE"


@dataclass
class SyncReport:
    sent: int = 0  # batches the central answered in this run
    sent_records: int = 0
    accepted: int = 0  # records that got a verified, stored certificate
    rejected: list[dict[str, Any]] = field(default_factory=list)  # [{record_id, reason, message}]
    certificates_received: int = 0
    pending: int = 0  # records still waiting in the outbox after this run
    pending_batches: int = 0
    failed: list[dict[str, Any]] = field(default_factory=list)  # batches needing a person
    revoked: list[str] = field(default_factory=list)
    online: bool = False
    paused: bool = False
    error: dict[str, Any] | None = None  # the last problem of this run, {code, vi, en}
    next_attempt_at: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class SyncRun:
    def __init__(self, workspace: Workspace, *, central_url: str | None = None, timeout: float | None = None,
                 actor: str = "system", holder: str | None = None,
                 run_db: Callable[[Callable[[], Any]], Any] | None = None,
                 transport: httpx.BaseTransport | None = None):
        settings = workspace.settings
        self.workspace = workspace
        self.db = workspace.db
        self.central_url = central_url or settings.get("central_url")
        self.timeout = float(timeout if timeout is not None else settings.get("central_timeout"))
        self.ca_file = settings.get("central_ca_file")
        self.actor = actor
        self.holder = holder or outbox.new_holder()
        self.lease_seconds = max(300.0, 3 * self.timeout + 60)
        self._run_db = run_db
        self._transport = transport
        self.trust = load_trust_list(workspace)

    def _db(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self._run_db is None:
            return fn(*args, **kwargs)
        result: T = self._run_db(lambda: fn(*args, **kwargs))
        return result

    # ------------------------------------------------------------------ the run

    def run(self, *, force: bool = True, background: bool = False, progress: Progress | None = None) -> SyncReport:
        report = SyncReport()
        if background and self._db(self._paused):
            report.paused = True
            self._db(self._fill_counts, report)
            return report
        with CentralClient(self.central_url, self.timeout, self.ca_file, token=self.workspace.settings.get("central_token"),
                           transport=self._transport) as client:
            if self._refresh_trust(client, report):
                report.online = True
                self._drain(client, report, force, progress)
                if report.online:
                    self._refresh_revocations(client, report)
        self._db(self._finish, report)
        return report

    def _refresh_trust(self, client: CentralClient, report: SyncReport) -> bool:
        try:
            document = client.trust_list()
        except (CentralUnavailable, CentralRefused) as exc:
            self._note_error(report, exc.code if isinstance(exc, CentralRefused) else "central_unavailable",
                             exc.message)
            return False
        trust = load_trust_list_document(document)
        if len(trust):
            save_document(trust_list_path(self.workspace), document)
            self.trust = trust
        return True

    def _refresh_revocations(self, client: CentralClient, report: SyncReport) -> None:
        try:
            document = client.revocations()
        except (CentralUnavailable, CentralRefused) as exc:
            self._note_error(report, "central_unavailable", exc.message)
            revocations = load_revocations(self.workspace)
        else:
            save_document(revocations_path(self.workspace), document)
            revocations = [r for r in document["revocations"] if isinstance(r, dict)]
            merge_revocations(self.workspace, revocations)
        report.revoked = self._db(apply_revocations, self.db, revocations, self.actor)

    def _drain(self, client: CentralClient, report: SyncReport, force: bool, progress: Progress | None) -> None:
        """Batch after batch; while one batch's certificates are verified and stored, the next batch
        is already with the central service (one request in flight at a time)."""
        tried: set[str] = set()
        total = self._db(self._counts)["pending_records"]
        done = 0

        def claim() -> outbox.Claim | None:
            if progress is not None and progress.cancelled:
                return None
            found = self._db(outbox.claim_next, self.db, self.holder, force=force,
                             lease_seconds=self.lease_seconds, actor=self.actor, exclude=frozenset(tried))
            if found is not None:
                tried.add(found.batch_id)
            return found

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="vaxdesk-sync-net") as network:
            first = claim()
            future = network.submit(self._fetch, client, first) if first else None
            while future is not None:
                current, outcome, leaves = future.result()
                future = None
                try:
                    if not isinstance(outcome, CentralUnavailable):
                        following = claim()
                        if following is not None:
                            future = network.submit(self._fetch, client, following)
                    self._handle(client, current, outcome, report, leaves)
                except BaseException:
                    # a bug or an interruption: hand the batches back instead of leaving them leased
                    self._db(outbox.release, self.db, current.batch_id, self.holder)
                    if future is not None:
                        self._db(outbox.release, self.db, future.result()[0].batch_id, self.holder)
                    raise
                done += current.record_count
                if progress is not None and not progress.cancelled:
                    progress.update(done, max(total, done), str(tr("Đang đồng bộ…", "Syncing…")))

    def _fetch(self, client: CentralClient, claim: outbox.Claim) -> tuple[outbox.Claim, Any, list[Leaf] | None]:
        """The central's answer for one batch (stored results first if an earlier try may have
        reached it), or the failure, as a value; with the batch's leaves, read and decoded while
        the central service works (None if they were not needed yet)."""
        batch_id = claim.batch_id
        leaves: list[Leaf] | None = None
        try:
            result = client.get_batch(batch_id) if claim.resend else None
            if result is None:
                body, leaves = self._db(prepare_submission, self.db, batch_id)
                result = client.submit_batch(body)
            if result.get("batch_id") != batch_id:
                raise CentralUnavailable(
                    tr("Máy chủ trung ương trả kết quả của lô khác. Sẽ thử lại sau.",
                       "The central service answered for another batch. Will retry later."), kind="garbage")
        except (CentralUnavailable, CentralRefused) as exc:
            return claim, exc, leaves
        return claim, result, leaves

    def _handle(self, client: CentralClient, claim: outbox.Claim, outcome: Any, report: SyncReport,
                leaves: list[Leaf] | None = None) -> None:
        batch_id = claim.batch_id
        if isinstance(outcome, CentralUnavailable):
            report.online = False
            when = self._db(outbox.schedule_retry, self.db, batch_id, self.holder, "central_unavailable",
                            outcome.message)
            report.next_attempt_at = when.isoformat() if when else None
            self._note_error(report, "central_unavailable", outcome.message)
            return
        report.online = True
        if isinstance(outcome, CentralRefused):
            self._fail(report, batch_id, outcome.reason_code, outcome.message, "sync.batch_refused")
            return
        if os.environ.get(KILL_AFTER_RECEIVE) == "1":
            os.kill(os.getpid(), signal.SIGKILL)
        self._store(client, batch_id, outcome, report, leaves)

    def _store(self, client: CentralClient, batch_id: str, result: dict[str, Any], report: SyncReport,
               leaves: list[Leaf] | None = None) -> None:
        if leaves is None:
            leaves = self._db(load_leaves, self.db, batch_id)
        checked = check_result(result, leaves, self.trust)
        if checked.unknown_kid and self._refresh_trust(client, report):
            checked = check_result(result, leaves, self.trust)
        if not checked.ok:
            self._alarm(report, batch_id, checked)
            return
        try:
            outcome: BatchOutcome = self._db(store_result, self.db, batch_id, self.holder, result, leaves, checked,
                                             self.actor)
        except DuplicateCertificate as exc:
            message = tr(
                "CẢNH BÁO: máy chủ trung ương gửi chứng nhận thứ hai ({received}) cho bản ghi {record} đã có "
                "chứng nhận {held}. Không lưu gì từ lô {batch}; hãy báo cho bộ phận CNTT.",
                "ALARM: the central service sent a second certificate ({received}) for record {record}, which "
                "already has {held}. Nothing from batch {batch} was stored; tell your IT staff.",
                received=exc.received, record=exc.record_id, held=exc.held, batch=batch_id[:8])
            self._fail(report, batch_id, "duplicate_certificate", message, "sync.certificate_alarm",
                       {"record_id": exc.record_id})
            return
        if outcome.already_stored:
            return
        report.sent += 1
        report.sent_records += len(leaves)
        report.accepted += len(outcome.certified)
        report.certificates_received += outcome.certificates_received
        report.rejected.extend(outcome.rejected)

    def _alarm(self, report: SyncReport, batch_id: str, checked: CheckedResult) -> None:
        if checked.structure is not None:
            what = checked.structure
            records: list[int] = []
            fields: list[str] = []
        else:
            what = describe([m for _, m in checked.alarms])
            records = sorted({r for r, _ in checked.alarms})
            fields = sorted({m.field for _, m in checked.alarms})
        message = tr(
            "CẢNH BÁO: chứng nhận nhận về cho lô {batch} không khớp dữ liệu đã ký hoặc không được ký bởi máy chủ "
            "trung ương ({n} bản ghi, ví dụ bản ghi {record}: {what}). Không lưu chứng nhận nào của lô này; hãy "
            "báo ngay cho bộ phận CNTT.",
            "ALARM: certificates received for batch {batch} do not match the signed data or were not signed by "
            "the central service ({n} records, e.g. record {record}: {what}). No certificate of this batch was "
            "stored; tell your IT staff at once.",
            batch=batch_id[:8], n=len(records), record=records[0] if records else "-", what=what)
        log.error("certificate alarm for batch %s: %d records, fields %s", batch_id, len(records), fields)
        self._fail(report, batch_id, "certificate_mismatch", message, "sync.certificate_alarm",
                   {"records": records[:100], "fields": fields})

    def _fail(self, report: SyncReport, batch_id: str, code: str, message: Message, action: str,
              details: dict[str, Any] | None = None) -> None:
        self._db(outbox.mark_failed, self.db, batch_id, self.holder, code, message, self.actor, action, details)
        report.failed.append({"batch_id": batch_id, "code": code, "message": message.as_dict()})
        self._note_error(report, code, message)

    @staticmethod
    def _note_error(report: SyncReport, code: str, message: Message) -> None:
        report.error = {"code": code, **message.as_dict()}

    # ------------------------------------------------------------------ database steps

    def _paused(self) -> bool:
        with self.db.session() as session:
            return bool(sync_state.get(session, sync_state.PAUSED).get("paused"))

    def _counts(self) -> dict[str, int]:
        with self.db.session() as session:
            return outbox.pending_counts(session)

    def _fill_counts(self, report: SyncReport) -> None:
        counts = self._counts()
        report.pending, report.pending_batches = counts["pending_records"], counts["pending_batches"]

    def _finish(self, report: SyncReport) -> None:
        now = utcnow()
        with self.db.session() as session:
            sync_state.put(session, sync_state.LAST_RUN, {"at": now.isoformat(), "online": report.online,
                                                          "ok": report.error is None})
            if report.error is None and report.online:
                sync_state.put(session, sync_state.LAST_SUCCESS, {"at": now.isoformat()})
            if report.error is not None:
                sync_state.put(session, sync_state.LAST_ERROR, {"at": now.isoformat(), **report.error})
        self._fill_counts(report)


def sync(workspace: Workspace, *, central_url: str | None = None, timeout: float | None = None,
         actor: str = "system", force: bool = True, background: bool = False,
         progress: Progress | None = None, run_db: Callable[[Callable[[], Any]], Any] | None = None) -> SyncReport:
    """Send every pending batch, store verified certificates, apply revocations; never raises for
    network trouble (the report says what happened). ``force``: ignore backoff (a person asked)."""
    return SyncRun(workspace, central_url=central_url, timeout=timeout, actor=actor, run_db=run_db).run(
        force=force, background=background, progress=progress)


def require_central_url(workspace: Workspace, central_url: str | None) -> str:
    url = central_url or workspace.settings.get("central_url")
    if not url:
        raise UserError(
            tr("Chưa cài đặt địa chỉ máy chủ trung ương (central_url). Hãy nhập nó trong Cài đặt.",
               "The central service address (central_url) is not set. Enter it in Settings."),
            code="central_url_missing",
        )
    return url
