"""Liveness and readiness of one replica, for a load balancer or a service manager.

``GET /healthz`` answers 200 while the process runs. ``GET /readyz`` answers 200 only when the
database takes a query and the Document Signer key signs a probe that verifies against the DSC
certificate; 503 otherwise, and from the moment the replica is told to stop (SIGTERM) while it
drains. The checks are cached for ``CACHE_SECONDS`` and run one at a time (a probe arriving during a
check gets the last answer), so a busy prober cannot load the database or the HSM nor queue behind a
slow check.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from desktop.dcc import cose
from services.central.pki import verify_cose

if TYPE_CHECKING:
    from services.central.service import CentralService

log = logging.getLogger("vaxdesk.central.health")

CACHE_SECONDS = 0.5
PROBE = b"vaxdesk central readiness probe"


@dataclass(frozen=True)
class Readiness:
    ready: bool
    draining: bool
    database: str  # "ok" or a short reason
    key: str

    def as_dict(self) -> dict[str, Any]:
        status = "draining" if self.draining else "ready" if self.ready else "not_ready"
        return {"status": status, "database": self.database, "key": self.key}


class Health:
    """The replica's state: draining or not, and its last readiness checks."""

    def __init__(self, service: CentralService):
        self._service = service
        self._lock = threading.Lock()
        self._checked: tuple[float, str, str] | None = None
        self.draining = False

    def start_draining(self) -> None:
        if not self.draining:
            log.warning("draining: readiness now answers 503; requests in progress finish")
        self.draining = True

    def readiness(self) -> Readiness:
        # one check at a time: while it runs (a database down takes its connect timeout), other probes get
        # the last answer at once instead of queueing behind it and each repeating the wait
        if self._lock.acquire(blocking=False):
            try:
                if self._checked is None or time.monotonic() - self._checked[0] > CACHE_SECONDS:
                    database, key = self._database(), self._key()
                    self._checked = (time.monotonic(), database, key)  # stamped when the answer is known
            finally:
                self._lock.release()
        checked = self._checked
        database, key = (checked[1], checked[2]) if checked is not None else ("checking", "checking")
        ok = database == "ok" and key == "ok"
        return Readiness(ready=ok and not self.draining, draining=self.draining, database=database, key=key)

    def _database(self) -> str:
        try:
            with self._service.db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return "ok"
        except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
            log.warning("readiness: the database is unreachable (%s)", type(exc).__name__)
            return "unreachable"

    def _key(self) -> str:
        try:
            service = self._service
            message = cose.decode_sign1(cose.sign1(PROBE, service.countersigner.signer))
            verify_cose(message, service.dsc)
            return "ok"
        except Exception as exc:  # noqa: BLE001 - a locked HSM, a wrong key: not ready
            log.warning("readiness: the signing key is not usable (%s)", type(exc).__name__)
            return "unusable"
