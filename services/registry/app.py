"""The reference population registry (contracts/registry-api.md) with switchable faults.

Faults exist for tests and for training clerks: slowness, rate limiting (429 + Retry-After), random
or total outages (503), a web page instead of data, malformed JSON, answers missing or about refs
never asked, a hang, and a connection closed in the middle of the body. They are set at start-up
(``registry serve --delay … --fault …``) or at run time through ``POST /_control`` with a valid token.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, fields
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from services.registry.population import Population

log = logging.getLogger("vaxdesk.registry.service")
MAX_REQUESTS = 500
MODES = ("none", "outage", "error500", "html", "html_error", "malformed", "hang", "reset", "missing",
         "unasked", "rate_limit", "unauthorized", "bad_request")

HTML_PAGE = (b"<!DOCTYPE html><html><head><title>Gateway</title></head><body><h1>Service temporarily "
             b"unavailable</h1><p>Please sign in to the network.</p></body></html>")


@dataclass
class Faults:
    delay: float = 0.0        # seconds added to every look-up request
    rate_limit: float = 0.0   # look-up requests per second allowed (0: no limit); beyond → 429
    retry_after: int = 1      # Retry-After seconds sent with 429
    fail_rate: float = 0.0    # fraction of look-up requests answered 503
    mode: str = "none"        # one of MODES
    count: int = -1           # how many requests ``mode`` applies to (-1: until changed)
    after: int = 0            # serve this many look-up requests normally before ``mode`` starts
    hang_seconds: float = 30.0
    seed: int | None = None

    def update(self, values: dict[str, Any]) -> None:
        names = {f.name: f.type for f in fields(self)}
        for key, value in values.items():
            if key not in names:
                raise ValueError(f"unknown fault setting {key!r}")
            if key == "mode" and value not in MODES:
                raise ValueError(f"mode must be one of {', '.join(MODES)}")
            setattr(self, key, value)


class Registry:
    """State shared by the requests of one server: population, faults, counters."""

    def __init__(self, population: Population, faults: Faults | None = None):
        self.population = population
        self.faults = faults or Faults()
        self.lock = threading.Lock()
        self.requests = 0
        self.lookups: Counter[str] = Counter()
        self.window = (0, 0)  # (second, requests in it)
        self.armed_at = 0  # request count when the faults were last set
        self.random = random.Random(self.faults.seed)

    def authorised(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        return scheme.lower() == "bearer" and bool(token) and token in self.population.tokens

    def set_faults(self, values: dict[str, Any]) -> None:
        with self.lock:
            if values.pop("reset_counters", False):
                self.requests = 0
                self.lookups.clear()
            self.faults.update(values)
            self.armed_at = self.requests

    def next_fault(self) -> str:
        """The fault for this look-up request (counting it): the mode first, then rate limit and fail rate."""
        with self.lock:
            self.requests += 1
            f = self.faults
            if f.mode != "none" and self.requests - self.armed_at > f.after and f.count != 0:
                mode = f.mode
                if f.count > 0:
                    f.count -= 1
                    if f.count == 0:
                        f.mode, f.count = "none", -1
                return mode
            if f.rate_limit > 0:
                second = int(time.monotonic())
                start, seen = self.window
                seen = seen + 1 if start == second else 1
                self.window = (second, seen)
                if seen > f.rate_limit:
                    return "rate_limit"
            if f.fail_rate > 0 and self.random.random() < f.fail_rate:
                return "outage"
            return "none"

    def answer(self, requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
        results = []
        for item in requests:
            result = self.population.lookup(item.get("id_number"))
            result["ref"] = item["ref"]
            results.append(result)
        with self.lock:
            self.lookups.update(str(item.get("id_number")) for item in requests)
        return results

    def stats(self) -> dict[str, Any]:
        with self.lock:
            return {"requests": self.requests, "lookups": sum(self.lookups.values()),
                    "distinct": len(self.lookups), "repeated": sum(c - 1 for c in self.lookups.values() if c > 1),
                    "faults": asdict(self.faults), "citizens": len(self.population)}


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


class _Reset(Response):
    """Announces a body, sends half of it, and stops: the client sees the connection end mid-body."""

    def __init__(self, body: bytes):
        super().__init__(content=body, media_type="application/json")
        self._body = body

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001 - ASGI
        await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
        await send({"type": "http.response.body", "body": self._body[: len(self._body) // 2], "more_body": True})
        # returning without the rest makes the server close the connection


def create_app(population: Population, faults: Faults | None = None) -> FastAPI:
    app = FastAPI(title="Reference population registry", docs_url=None, redoc_url=None, openapi_url=None)
    registry = Registry(population, faults)
    app.state.registry = registry

    @app.get("/v1/health")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "citizens": len(population)}

    @app.post("/v1/citizens:lookup")
    async def lookup(request: Request) -> Response:
        if not registry.authorised(request):
            return _error(401, "missing or wrong token", {"WWW-Authenticate": "Bearer"})
        raw = await request.body()
        try:
            body = json.loads(raw)
        except ValueError:
            return _error(400, "body is not JSON")
        requests = body.get("requests") if isinstance(body, dict) else None
        if not isinstance(requests, list) or not requests:
            return _error(400, "body must be {\"requests\": [...]} with 1 to 500 requests")
        if len(requests) > MAX_REQUESTS:
            return _error(400, f"{len(requests)} requests; at most {MAX_REQUESTS} per call")
        if not all(isinstance(r, dict) and isinstance(r.get("ref"), str) for r in requests):
            return _error(400, "every request needs a string ref")
        mode = registry.next_fault()
        if registry.faults.delay > 0:
            await asyncio.sleep(registry.faults.delay)
        if mode == "outage":
            return _error(503, "service unavailable", {"Retry-After": "5"})
        if mode == "error500":
            return _error(500, "internal error")
        if mode == "unauthorized":
            return _error(401, "token revoked", {"WWW-Authenticate": "Bearer"})
        if mode == "bad_request":
            return _error(400, "request refused as malformed")
        if mode == "rate_limit":
            return _error(429, "too many requests", {"Retry-After": str(registry.faults.retry_after)})
        if mode == "html":
            return Response(HTML_PAGE, status_code=200, media_type="text/html")
        if mode == "html_error":
            return Response(HTML_PAGE, status_code=502, media_type="text/html")
        if mode == "hang":
            await asyncio.sleep(registry.faults.hang_seconds)
        results = registry.answer(requests)
        if mode == "missing":
            results = results[::2]
        elif mode == "unasked":
            results = results + [{"ref": "not-asked-" + r["ref"], "status": "not_found"} for r in results[:3]]
        payload = json.dumps({"results": results}, ensure_ascii=False).encode()
        if mode == "malformed":
            return Response(payload[: len(payload) // 2], status_code=200, media_type="application/json")
        if mode == "reset":
            return _Reset(payload)
        return Response(payload, media_type="application/json")

    @app.get("/_control")
    async def control_state(request: Request) -> Response:
        if not registry.authorised(request):
            return _error(401, "missing or wrong token")
        return JSONResponse(registry.stats())

    @app.post("/_control")
    async def control(request: Request) -> Response:
        if not registry.authorised(request):
            return _error(401, "missing or wrong token")
        try:
            values = json.loads(await request.body() or b"{}")
            if not isinstance(values, dict):
                raise ValueError("body must be a JSON object")
            registry.set_faults(values)
        except (ValueError, TypeError) as exc:
            return _error(400, str(exc))
        log.info("faults set: %s", asdict(registry.faults))
        return JSONResponse(registry.stats())

    return app
