"""Running the service with uvicorn: on 127.0.0.1 unless told otherwise, TLS when given a certificate.

One ``central serve`` process is one replica; several run side by side behind a load balancer on
one PostgreSQL database (docs/deployment.md). On SIGTERM a replica drains: ``/readyz`` turns 503 at
once, the replica keeps answering for ``drain_seconds`` (time for a load balancer that polls
readiness to take it out), then stops listening and gives the requests in progress up to
``graceful_timeout`` seconds to finish before it exits. A second signal skips what is left of
the delay; SIGINT once the replica stops listening closes it without waiting.
"""

from __future__ import annotations

import logging
import socket
import threading
from pathlib import Path

import uvicorn

from desktop.errors import UserError
from desktop.i18n import tr
from services.central.app import create_app
from services.central.health import Health
from services.central.service import CentralService

log = logging.getLogger("vaxdesk.central")

DEFAULT_GRACEFUL_TIMEOUT = 30.0


def uvicorn_config(service: CentralService, host: str = "127.0.0.1", port: int = 8443,
                   tls_cert: Path | None = None, tls_key: Path | None = None, docs: bool = False,
                   health: Health | None = None, graceful_timeout: float = DEFAULT_GRACEFUL_TIMEOUT) -> uvicorn.Config:
    if (tls_cert is None) != (tls_key is None):
        raise UserError(tr("Cần cả --tls-cert và --tls-key.", "Give both --tls-cert and --tls-key."), code="tls_incomplete")
    for path in (tls_cert, tls_key):
        if path is not None and not Path(path).is_file():
            raise UserError(tr("Không có tệp {file}.", "There is no file {file}.", file=str(path)), code="tls_missing")
    return uvicorn.Config(
        create_app(service, docs=docs, health=health), host=host, port=port, log_level="warning", access_log=False,
        ssl_certfile=str(tls_cert) if tls_cert else None, ssl_keyfile=str(tls_key) if tls_key else None,
        timeout_keep_alive=30, limit_concurrency=64, server_header=False,
        timeout_graceful_shutdown=graceful_timeout,
    )


class _Server(uvicorn.Server):
    """SIGINT/SIGTERM are how an operator or a service manager stops the service: a clean stop
    (exit 0), not a re-raised signal. The first one drains (module docstring)."""

    def __init__(self, config: uvicorn.Config, health: Health, drain_seconds: float = 0.0):
        super().__init__(config)
        self.health = health
        self.drain_seconds = drain_seconds
        self._drain_timer: threading.Timer | None = None

    def handle_exit(self, sig, frame) -> None:  # type: ignore[no-untyped-def]
        first = not self.health.draining
        self.health.start_draining()
        if first and self.drain_seconds > 0:
            self._drain_timer = threading.Timer(self.drain_seconds, self._stop_listening)
            self._drain_timer.daemon = True
            self._drain_timer.start()
        else:
            super().handle_exit(sig, frame)
        self._captured_signals.clear()

    def _stop_listening(self) -> None:
        self.should_exit = True


def check_port_free(host: str, port: int) -> None:
    """Refuse clearly, before loading anything heavy, when another program holds the port."""
    try:
        with socket.create_server((host, port), reuse_port=False):
            pass
    except OSError as exc:
        raise UserError(tr("Không mở được cổng {host}:{port} ({err}); cổng đang bận hoặc địa chỉ sai.",
                           "Cannot listen on {host}:{port} ({err}); the port is in use or the address is wrong.",
                           host=host, port=port, err=exc.strerror or str(exc)), code="port_unavailable") from exc


def serve(service: CentralService, host: str = "127.0.0.1", port: int = 8443,
          tls_cert: Path | None = None, tls_key: Path | None = None, docs: bool = False,
          drain_seconds: float = 0.0, graceful_timeout: float = DEFAULT_GRACEFUL_TIMEOUT) -> None:
    """Serve until interrupted (Ctrl+C / SIGTERM), drain, then close the service."""
    health = Health(service)
    server = _Server(uvicorn_config(service, host, port, tls_cert, tls_key, docs, health, graceful_timeout),
                     health, drain_seconds)
    try:
        server.run()
    finally:
        service.close()


class ServerThread:
    """The real server on a thread, for tests and demos: ``with ServerThread(service, port) as url:``."""

    def __init__(self, service: CentralService, port: int, host: str = "127.0.0.1",
                 tls_cert: Path | None = None, tls_key: Path | None = None, docs: bool = False):
        self.server = uvicorn.Server(uvicorn_config(service, host, port, tls_cert, tls_key, docs))
        self.server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
        self.thread = threading.Thread(target=self.server.run, name="central-http", daemon=True)
        scheme = "https" if tls_cert else "http"
        self.url = f"{scheme}://{host}:{port}"

    def __enter__(self) -> str:
        self.thread.start()
        import time

        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the central service did not start")
            time.sleep(0.02)
        return self.url

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)
