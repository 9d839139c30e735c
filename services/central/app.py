"""The HTTP face of the central service (docs/central-api.md), on FastAPI.

Bodies are read as a bounded stream: a request announcing more than ``max_body_bytes`` is refused
from its Content-Length before a byte is read, and a streamed one is cut off as soon as it passes
the limit. Every error is ``{"error": {"code", "message": {"vi", "en"}}}``; a bug answers 500 with
no stack trace (the trace goes to the server's log only).

Reading results (a batch, a certificate's status, the audit anchors) and submitting need the
facility's bearer credential (``services.central.credentials``); the trust list, the revocation
list and health stay public. The OpenAPI pages are served only when asked for (``serve --docs``).

``/healthz`` (the process answers) and ``/readyz`` (database and signing key usable, not draining)
are for a load balancer in front of several replicas (docs/deployment.md). A database that cannot
be reached answers 503 ``database_unavailable`` with Retry-After, so a client or the load balancer
tries again rather than taking it as a failed batch.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy.exc import InterfaceError, OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from desktop.i18n import tr
from services.central.credentials import Caller
from services.central.errors import CentralError, bad_request, too_large
from services.central.health import Health
from services.central.service import CentralService
from services.central.updates import update_routes

log = logging.getLogger("vaxdesk.central.http")


# -- documentation models (the OpenAPI document; handlers return the stored bytes) --------------

class Bilingual(BaseModel):
    vi: str
    en: str


class ErrorBody(BaseModel):
    code: str
    message: Bilingual


class ErrorResponse(BaseModel):
    error: ErrorBody


class SubmittedRecordModel(BaseModel):
    leaf_index: int
    attestation: str = Field(description="base64 of the deterministic CBOR attestation")
    proof: list[str] = Field(description="hex sibling hashes, leaf to root (RFC 9162 audit path)")


class BatchSubmission(BaseModel):
    manifest: str = Field(description="base64 COSE_Sign1 over the manifest (docs/batch-format.md)")
    records: list[SubmittedRecordModel]


class RecordResult(BaseModel):
    leaf_index: int
    record_key: str | None
    status: str = Field(description="issued | rejected")
    uvci: str | None = None
    hc1: str | None = None
    issued_at: str | None = None
    expires_at: str | None = None
    reason_code: str | None = None
    message: Bilingual | None = None


class BatchResult(BaseModel):
    batch_id: str
    received_at: str
    issued: int
    rejected: int
    results: list[RecordResult]


class RevocationEntry(BaseModel):
    uvci: str
    revoked_at: str
    reason: str
    superseded_by: str | None


class RevocationList(BaseModel):
    revocations: list[RevocationEntry]


class RevocationRequest(BaseModel):
    revocation: str = Field(description="base64 COSE_Sign1; payload CBOR {v: 1, uvci, reason, facility, at}")


class HealthStatus(BaseModel):
    status: str


class ReadinessStatus(BaseModel):
    status: str = Field(description="ready | not_ready | draining")
    database: str = Field(description="ok | unreachable")
    key: str = Field(description="ok | unusable")


class Anchor(BaseModel):
    batch_id: str
    event_id: int
    hash: str
    signed_at: str


class AnchorList(BaseModel):
    anchors: list[Anchor]


class CertificateStatus(BaseModel):
    uvci: str
    status: str = Field(description="valid | superseded | revoked")
    superseded_by: str | None
    issued_at: str
    expires_at: str


_ERRORS = {status: {"model": ErrorResponse} for status in (400, 401, 403, 404, 409, 413, 422)}


def error_response(exc: CentralError) -> JSONResponse:
    return JSONResponse(exc.as_body(), status_code=exc.status)


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refusing more than ``limit`` bytes by Content-Length or while streaming."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise _too_large(limit)
        except ValueError as exc:
            raise bad_request("Content-Length không hợp lệ.", "The Content-Length is not valid.") from exc
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> CentralError:
    return too_large("Yêu cầu lớn hơn {mib} MiB; hãy chia lô nhỏ hơn.",
                     "The request is larger than {mib} MiB; send smaller batches.", mib=round(limit / 1048576, 1))


_IDS_IN_PATHS = re.compile(r"^(/v1/(?:batches|certificates)/).+$")


def path_for_log(path: str) -> str:
    """A request path fit for the log: batch ids and UVCIs replaced by a placeholder."""
    return _IDS_IN_PATHS.sub(r"\1…", path)


def bearer(request: Request) -> str | None:
    """The credential of ``Authorization: Bearer <credential>``, if any."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() or None if scheme.lower() == "bearer" else None


def create_app(service: CentralService, docs: bool = False, health: Health | None = None) -> FastAPI:
    """The HTTP application; the OpenAPI pages (/docs, /redoc, /openapi.json) only with ``docs``.
    ``health`` is the replica's state that ``/readyz`` reports (the server drains through it)."""
    app = FastAPI(title="VaxDesk central countersigning service", version="1",
                  description="Countersigns facilities' signed batches as EU DCC (HC1) certificates. "
                              "See docs/central-api.md and docs/batch-format.md.",
                  docs_url="/docs" if docs else None, redoc_url="/redoc" if docs else None,
                  openapi_url="/openapi.json" if docs else None)
    limit = service.config.max_body_bytes
    health = health or Health(service)
    app.state.health = health
    json_type = "application/json"

    async def caller(request: Request) -> Caller:
        return await run_in_threadpool(service.authenticate, bearer(request))

    @app.exception_handler(CentralError)
    async def _central_error(_request: Request, exc: CentralError) -> JSONResponse:
        response = error_response(exc)
        if exc.status == 401 and exc.code == "unauthenticated":
            response.headers["WWW-Authenticate"] = "Bearer"
        return response

    @app.exception_handler(OperationalError)
    @app.exception_handler(InterfaceError)
    async def _database_down(request: Request, exc: Exception) -> JSONResponse:
        log.warning("database unavailable in %s %s (%s)", request.method, path_for_log(request.url.path),
                    type(getattr(exc, "orig", None) or exc).__name__)
        return JSONResponse({"error": {"code": "database_unavailable", "message": tr(
            "Cơ sở dữ liệu của dịch vụ tạm thời không truy cập được; hãy gửi lại sau.",
            "The service's database is unavailable for the moment; send again later.").as_dict()}},
            status_code=503, headers={"Retry-After": "2"})

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "bad_request")
        message = tr("Không có địa chỉ này.", "There is no such address.") if exc.status_code == 404 else \
            tr("Yêu cầu không hợp lệ: {detail}", "The request is not valid: {detail}", detail=str(exc.detail))
        return JSONResponse({"error": {"code": code, "message": message.as_dict()}}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(bad_request("Yêu cầu không hợp lệ: {detail}", "The request is not valid: {detail}",
                                          detail=str(exc.errors()[:3])[:300]))

    @app.middleware("http")
    async def _bugs_stay_in_the_log(request: Request, call_next):
        # Caught here rather than by an Exception handler, which would answer and then drop the
        # connection: a client's keep-alive connection must survive one failed request.
        try:
            return await call_next(request)
        except Exception:
            log.exception("unexpected error in %s %s", request.method, path_for_log(request.url.path))
            return JSONResponse({"error": {"code": "internal", "message": tr(
                "Lỗi nội bộ của dịch vụ; hãy thử lại sau.", "Internal error in the service; try again later.").as_dict()}},
                status_code=500)

    submission_doc = {"requestBody": {"required": True, "content": {json_type: {
        "schema": {"$ref": "#/components/schemas/BatchSubmission"}}}}}

    @app.post("/v1/batches", response_model=BatchResult, responses=_ERRORS, openapi_extra=submission_doc,
              summary="Submit a signed batch (the signer's credential); idempotent by batch_id")
    async def submit_batch(request: Request, who: Caller = Depends(caller)) -> Response:
        body = await read_body(request, limit)
        return Response(await run_in_threadpool(service.submit_batch, body, who), media_type=json_type)

    @app.get("/v1/batches/{batch_id}", response_model=BatchResult, responses=_ERRORS,
             summary="The stored results of one of the caller's batches")
    async def get_batch(batch_id: str, who: Caller = Depends(caller)) -> Response:
        return Response(await run_in_threadpool(service.get_batch, batch_id, who), media_type=json_type)

    @app.get("/v1/anchors", response_model=AnchorList, responses=_ERRORS,
             summary="The audit heads the caller's signed batches carried, by event id")
    async def anchors(who: Caller = Depends(caller)) -> dict[str, Any]:
        return await run_in_threadpool(service.anchors, who)

    @app.get("/v1/certificates/{uvci:path}", response_model=CertificateStatus, responses=_ERRORS,
             summary="The status of a certificate of one of the caller's facilities")
    async def certificate(uvci: str, who: Caller = Depends(caller)) -> dict[str, Any]:
        found = await run_in_threadpool(service.certificate_status, uvci, who)
        if found is None:
            raise CentralError(404, "unknown_certificate", tr("Không có chứng nhận {uvci}.",
                                                              "There is no certificate {uvci}.", uvci=uvci))
        return found

    @app.get("/v1/trust-list", summary="Document Signer certificates with their kid, and revoked UVCIs (hashed)")
    async def trust_list() -> dict[str, Any]:
        return await run_in_threadpool(service.trust_list)

    @app.get("/v1/revocations", response_model=RevocationList, summary="Revoked certificates")
    async def revocations(since: datetime | None = None) -> dict[str, Any]:
        return await run_in_threadpool(service.revocations, since)

    revocation_doc = {"requestBody": {"required": True, "content": {json_type: {
        "schema": {"$ref": "#/components/schemas/RevocationRequest"}}}}}

    @app.post("/v1/revocations", response_model=RevocationEntry, responses=_ERRORS, openapi_extra=revocation_doc,
              summary="A facility's signed revocation of one certificate")
    async def revoke(request: Request, who: Caller = Depends(caller)) -> dict[str, Any]:
        body = await read_body(request, min(limit, 1024 * 1024))
        return await run_in_threadpool(service.submit_revocation, body, who)

    app.include_router(update_routes(service.data.path))

    @app.get("/v1/health", response_model=HealthStatus)
    async def health_v1() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/healthz", response_model=HealthStatus, summary="Liveness: the process answers")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", response_model=ReadinessStatus, responses={503: {"model": ReadinessStatus}},
             summary="Readiness: database reachable, signing key usable, not draining (503 otherwise)")
    async def readyz() -> JSONResponse:
        state = await run_in_threadpool(health.readiness)
        return JSONResponse(state.as_dict(), status_code=200 if state.ready else 503,
                            headers={"Cache-Control": "no-store"})

    def openapi() -> dict[str, Any]:
        # The request bodies are read as bounded streams, not parsed by FastAPI, so their
        # models are added to the document here.
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            for model in (BatchSubmission, RevocationRequest):
                document = model.model_json_schema(ref_template="#/components/schemas/{model}")
                components.update(document.pop("$defs", {}))
                components[model.__name__] = document
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    if docs:
        _declare_bearer(app)
    return app


def _declare_bearer(app: FastAPI) -> None:
    """The OpenAPI document names the bearer credential on the endpoints that need it."""
    base = app.openapi

    def openapi() -> dict[str, Any]:
        schema = base()
        schema["components"].setdefault("securitySchemes", {})["facilityCredential"] = {
            "type": "http", "scheme": "bearer", "description": "the credential issued at registration"}
        for path, methods in schema["paths"].items():
            for method, operation in methods.items():
                if path in ("/v1/batches", "/v1/anchors") or path.startswith(("/v1/batches/", "/v1/certificates/")) \
                        or (path == "/v1/revocations" and method == "post"):
                    operation["security"] = [{"facilityCredential": []}]
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
