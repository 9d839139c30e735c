"""Running the reference registry: in the foreground (``registry serve``) or on a background thread."""

from __future__ import annotations

import logging
import socket
import threading
import time
from pathlib import Path

import uvicorn

from services.registry.app import Faults, create_app
from services.registry.population import Population

log = logging.getLogger("vaxdesk.registry.service")


def load_population(path: Path | str, extra_tokens: list[str] | None = None) -> Population:
    population = Population.load(path)
    population.tokens.extend(t for t in (extra_tokens or []) if t)
    return population


def serve(population: Population, host: str = "127.0.0.1", port: int = 8081, faults: Faults | None = None) -> None:
    """Run until interrupted (Ctrl+C)."""
    uvicorn.run(create_app(population, faults), host=host, port=port, log_level="warning",
                timeout_graceful_shutdown=2)


class BackgroundServer:
    """The registry on a free port of 127.0.0.1, on its own thread; ``stop()`` ends it and the thread."""

    def __init__(self, population: Population, faults: Faults | None = None, host: str = "127.0.0.1",
                 port: int = 0):
        self.app = create_app(population, faults)
        self.registry = self.app.state.registry
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, port))
        self.host, self.port = self._sock.getsockname()[:2]
        config = uvicorn.Config(self.app, log_level="warning", timeout_graceful_shutdown=1, lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._sock]},
                                        name="vaxdesk-registry-server")

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> BackgroundServer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the reference registry did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        self._sock.close()

    def __enter__(self) -> BackgroundServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
