"""Signed batches built from the documented format (docs/batch-format.md), and a local issuer that
answers like the central service, for the sync tests that do not need the real service."""

from __future__ import annotations

import base64
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import cbor2
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID

from desktop.dcc.cose import ES256, KeySigner, kid_for_certificate
from desktop.dcc.hc1 import encode_hc1
from desktop.dcc.names import split_vietnamese_name
from desktop.dcc.payload import dcc_name
from desktop.dcc.uvci import new_uvci
from desktop.models import OutboxItem, SignedRecord, SigningBatch, VaccinationRecord
from desktop.signing import manifest as mf
from desktop.signing.merkle import leaf_hash, root_and_proofs

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Đức", "Phạm Thị Hồng Nhung", "Đặng Quốc Việt"]
VACCINE = {"name": "Pfizer", "mp": "EU/1/20/1528", "ma": "ORG-100030215", "vp": "1119349007"}


def self_signed(common_name: str, key: ec.EllipticCurvePrivateKey | None = None):
    key = key or ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"), x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=365)).sign(key, hashes.SHA256()))
    return key, cert


def make_records(db, n: int, facility: str = "01001", seed: int = 1) -> list[int]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        rows.append(VaccinationRecord(
            facility_code=facility, full_name=rng.choice(NAMES), name_folded="", date_of_birth=f"19{rng.randint(50, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            sex=rng.choice("MF"), id_number=f"001{rng.randint(0, 1)}{rng.randint(10, 99)}{rng.randint(100000, 999999)}",
            id_kind="cccd", vaccine_name=VACCINE["name"], vaccine_mp=VACCINE["mp"], vaccine_ma=VACCINE["ma"],
            vaccine_vp=VACCINE["vp"], lot="FK1234", dose_number=1 + i % 2, dn=1 + i % 2, sd=2,
            vaccination_date="2021-09-15", check_status="matched", checked_at=datetime.now(UTC), stage="loaded",
        ))
    with db.session() as session:
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]


@dataclass
class FacilityKey:
    code: str
    signer: KeySigner
    chain: list[bytes]

    @classmethod
    def generate(cls, code: str = "01001") -> FacilityKey:
        key, cert = self_signed(f"Facility {code}")
        der = cert.public_bytes(Encoding.DER)
        return cls(code, KeySigner(key, kid=kid_for_certificate(der)), [der])


def sign_batch(db, record_ids: list[int], facility: FacilityKey, kind: str = "issue",
               supersedes: dict[int, str] | None = None) -> str:
    """What the signing code stores: SigningBatch + SignedRecord rows + an OutboxItem."""
    import uuid

    batch_id = str(uuid.uuid4())
    now = datetime.now(UTC)
    with db.session() as session:
        records = [session.get(VaccinationRecord, i) for i in record_ids]
        attestations = [mf.canonical(mf.attestation(r, facility.code, (supersedes or {}).get(r.id))) for r in records]
        root, proofs = root_and_proofs([leaf_hash(a) for a in attestations])
        manifest = mf.manifest(batch_id, kind, facility.code, [facility.code], now, len(records), root)
        signed = mf.sign_with_chain(mf.canonical(manifest), facility.signer, facility.chain)
        session.add(SigningBatch(id=batch_id, facility_code=facility.code, on_behalf_of=[facility.code],
                                 record_count=len(records), merkle_root=root.hex(), algorithm="ES256",
                                 manifest=signed, state="signed", kind=kind))
        session.flush()
        for index, (record, att, proof) in enumerate(zip(records, attestations, proofs, strict=True)):
            session.add(SignedRecord(record_id=record.id, batch_id=batch_id, leaf_index=index, attestation=att,
                                     proof=[p.hex() for p in proof]))
            record.stage, record.batch_id = "signed", batch_id
        session.add(OutboxItem(batch_id=batch_id, state="pending", created_at=now))
    return batch_id


class LocalIssuer:
    """Answers a submission the way docs/central-api.md says the central service does."""

    def __init__(self):
        key, cert = self_signed("Test DSC")
        self.cert = cert
        self.der = cert.public_bytes(Encoding.DER)
        self.signer = KeySigner(key, alg=ES256, kid=kid_for_certificate(self.der))
        self.stored: dict[str, dict[str, Any]] = {}

    def trust_list(self) -> dict[str, Any]:
        return {"version": 1, "issued_at": "2025-01-01T00:00:00Z", "certificates": [
            {"kid": base64.b64encode(self.signer.kid).decode(), "country": "VN", "alg": "ES256",
             "certificate": base64.b64encode(self.der).decode()}], "revocations": []}

    def answer(self, body: dict[str, Any], reject: set[int] | frozenset[int] = frozenset(), tamper: dict[int, dict] | None = None,
               signer: KeySigner | None = None) -> dict[str, Any]:
        manifest = cbor2.loads(cbor2.loads(base64.b64decode(body["manifest"])).value[2])
        batch_id = manifest["batch_id"]
        if batch_id in self.stored:
            return self.stored[batch_id]
        results = []
        now = datetime.now(UTC).replace(microsecond=0)
        for rec in body["records"]:
            att = cbor2.loads(base64.b64decode(rec["attestation"]))
            if rec["leaf_index"] in reject:
                results.append({"leaf_index": rec["leaf_index"], "record_key": att["record_key"], "status": "rejected",
                                "reason_code": "dose_already_certified",
                                "message": {"vi": "Mũi này đã có chứng nhận", "en": "This dose already has a certificate"}})
                continue
            uvci = new_uvci()
            p, v = att["person"], att["vaccination"]
            dcc = {"ver": "1.3.0", "nam": dcc_name(*split_vietnamese_name(p["name"])), "dob": p["dob"],
                   "v": [{"tg": v["tg"], "vp": v["vp"], "mp": v["mp"], "ma": v["ma"], "dn": v["dn"], "sd": v["sd"],
                          "dt": v["dt"], "co": "VN", "is": "Ministry of Health of Viet Nam", "ci": uvci}]}
            for key, value in ((tamper or {}).get(rec["leaf_index"]) or {}).items():
                if key == "nam":
                    dcc["nam"] = value
                else:
                    dcc["v"][0][key] = value
            hc1 = encode_hc1(dcc, signer or self.signer, now, now + timedelta(days=365))
            results.append({"leaf_index": rec["leaf_index"], "record_key": att["record_key"], "status": "issued",
                            "uvci": uvci, "hc1": hc1, "issued_at": now.isoformat(),
                            "expires_at": (now + timedelta(days=365)).isoformat()})
        answer = {"batch_id": batch_id, "received_at": now.isoformat(), "results": results}
        self.stored[batch_id] = answer
        return answer


# ---------------------------------------------------------------------------------------------
# A tiny real HTTP server on 127.0.0.1: the local issuer, or a proxy to the real central service,
# that can be told to misbehave (HTTP 500/503, garbage bodies, a long hang, a lost response).

import json  # noqa: E402
import socket  # noqa: E402
import threading  # noqa: E402
import urllib.request  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402


class FaultyServer:
    """``mode``: "ok", "500", "503", "garbage", "hang", "refuse", "drop" (process, then cut the
    connection without answering). Forwards to ``upstream`` when given, else answers with ``issuer``."""

    def __init__(self, issuer: LocalIssuer | None = None, upstream: str | None = None):
        self.issuer = issuer
        self.upstream = upstream.rstrip("/") if upstream else None
        self.mode = "ok"
        self.modes_for: dict[str, str] = {}  # path prefix -> mode, overrides ``mode``
        self.requests: list[tuple[str, str]] = []
        self.authorizations: list[str | None] = []  # the Authorization header of each request
        self.release = threading.Event()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                outer._handle(self, "GET")

            def do_POST(self):  # noqa: N802
                outer._handle(self, "POST")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="faulty-server", daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)

    def _mode(self, path: str) -> str:
        for prefix, mode in self.modes_for.items():
            if path.startswith(prefix):
                return mode
        return self.mode

    def _handle(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        path = handler.path
        self.requests.append((method, path))
        self.authorizations.append(handler.headers.get("Authorization"))
        mode = self._mode(path)
        if mode == "hang":
            self.release.wait(60)
            handler.close_connection = True
            return
        if mode in ("500", "503"):
            return self._send(handler, int(mode), b"<html>Service Unavailable</html>", "text/html")
        if mode == "garbage":
            return self._send(handler, 200, b"\x00\xffnot json{{{", "application/json")
        if mode == "refuse":
            return self._send(handler, 403, json.dumps({"error": {"code": "signer_not_authorised", "message": {
                "vi": "Cơ sở chưa được đăng ký", "en": "The facility is not registered"}}}).encode(), "application/json")
        status, payload = self._answer(method, path, body)
        if mode == "drop":
            handler.close_connection = True
            try:
                handler.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        self._send(handler, status, payload, "application/json")

    def _answer(self, method: str, path: str, body: bytes) -> tuple[int, bytes]:
        if self.upstream:
            auth = self.authorizations[-1] if self.authorizations else None
            request = urllib.request.Request(self.upstream + path, data=body if method == "POST" else None,
                                             method=method, headers={"Content-Type": "application/json",
                                                                     **({"Authorization": auth} if auth else {})})
            try:
                with urllib.request.urlopen(request, timeout=120) as response:
                    return response.status, response.read()
            except urllib.error.HTTPError as exc:
                return exc.code, exc.read()
        issuer = self.issuer
        if path == "/v1/health":
            return 200, b'{"status": "ok"}'
        if path == "/v1/trust-list":
            return 200, json.dumps(issuer.trust_list()).encode()
        if path == "/v1/revocations":
            return 200, json.dumps({"revocations": getattr(issuer, "revocations", [])}).encode()
        if method == "GET" and path.startswith("/v1/batches/"):
            stored = issuer.stored.get(path.rsplit("/", 1)[1])
            if stored is None:
                return 404, json.dumps({"error": {"code": "unknown_batch", "message": {"vi": "x", "en": "x"}}}).encode()
            return 200, json.dumps(stored).encode()
        if method == "POST" and path == "/v1/batches":
            return 200, json.dumps(issuer.answer(json.loads(body), **getattr(issuer, "options", {}))).encode()
        return 404, b'{"error": {"code": "not_found", "message": {"vi": "x", "en": "x"}}}'

    @staticmethod
    def _send(handler, status: int, payload: bytes, content_type: str) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)
