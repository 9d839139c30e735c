"""The central countersigning service's core: everything the HTTP layer and the command line call.

``CentralService.submit_batch`` is the heart: verify the facility's signature and chain, check
every record, countersign the accepted ones on all cores, and store the batch, its certificates
and any revocations in ONE transaction. The stored response is returned byte for byte when the
same batch comes again, so a retry never creates new certificates.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import threading
import time
import zlib
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from desktop.dcc import cose
from desktop.dcc.trustlist import TrustList
from desktop.dcc.uvci import new_uvci
from desktop.errors import UserError
from desktop.i18n import tr
from desktop.signing.certcheck import certificate_facility_codes
from services.central import batches as B
from services.central import credentials, dscs, keys, pki, signers
from services.central.config import CentralConfig, DataFolder
from services.central.credentials import Caller
from services.central.errors import CentralError, bad_request, signer_not_authorised, unknown_signer
from services.central.issuing import Countersigner, Item
from services.central.models import Batch, IssuedCertificate, Revocation
from services.central.reasons import Rejection
from services.central.storage import CentralDatabase

log = logging.getLogger("vaxdesk.central")

PERSON_KEY_FILE = "person-key"
_IN_CHUNK = 500
MAX_REVOCATION_REASON = 200


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _Retry(Exception):
    """The database changed under a batch (a concurrent submission); process it again."""


class CentralService:
    def __init__(self, data_dir: Path | str, database_url: str | None = None, workers: int | None = None,
                 signer: cose.Signer | None = None, passphrase: bytes | None = None):
        self.data = DataFolder(data_dir)
        self.config: CentralConfig = self.data.load_config()
        self.dsc = x509.load_pem_x509_certificate(self._required("dsc.pem"))
        self.kid = cose.kid_for_certificate(self.dsc)
        self._person_secret = self._required(PERSON_KEY_FILE)
        self.db = CentralDatabase(self.data.database_url(self.config, database_url))
        self.countersigner = self._open_countersigner(signer, workers, passphrase)
        dscs.publish(self.db, self.dsc)
        self._published = dscs.PublishedEntries(self.dsc)
        self._lock = threading.Lock()

    def _required(self, name: str) -> bytes:
        try:
            return self.data.file(name).read_bytes()
        except OSError as exc:
            raise UserError(tr("Thư mục dữ liệu thiếu hoặc không đọc được {file}: {err}",
                               "The data folder lacks or cannot read {file}: {err}",
                               file=str(self.data.file(name)), err=exc.strerror or str(exc)),
                            code="central_data_incomplete") from exc

    def _open_countersigner(self, signer: cose.Signer | None, workers: int | None,
                            passphrase: bytes | None) -> Countersigner:
        if signer is not None:
            return Countersigner(signer, workers=0)
        key = self.config.key
        if key.get("kind") == "pkcs11":
            from services.central.hsm import open_hsm_signer

            return Countersigner(open_hsm_signer(key, self.dsc), workers=0)
        key_path = self.data.file(key.get("path", "dsc-key.pem"))
        passphrase = passphrase or keys.read_passphrase(self.data.path)
        in_process = keys.file_signer(key_path, passphrase, self.dsc)
        count = self.config.workers if workers is None else workers
        return Countersigner(in_process, key_file=(key_path, passphrase, self.dsc.public_bytes(Encoding.DER)),
                             workers=count)

    def close(self) -> None:
        self.countersigner.close()
        self.db.dispose()

    # -- batches ----------------------------------------------------------------------------------

    def submit_batch(self, body: bytes, caller: Caller | None = None) -> bytes:
        """Process a submission (docs/batch-format.md); returns the JSON response bytes.

        Everything that does not depend on the records' content being accepted is checked before
        the batch id is looked up or claimed: the signature, chain and registration, the caller's
        credential (over HTTP), the record count and leaf indexes, and every inclusion proof. So
        only the facility's own signed batch can ever take its id; an altered copy is refused whole
        and leaves the id free.
        """
        submission = B.parse_submission(body, self.config.max_records)
        manifest = B.read_manifest(submission.manifest_bytes, self.config.max_records)
        chain, identity = self._verify_signer(manifest)
        if caller is not None and caller.code != identity.code:
            raise CentralError(403, "credential_mismatch", tr(
                "Thông tin xác thực thuộc {caller}, nhưng lô do {signer} ký.",
                "The credential belongs to {caller}, but the batch is signed by {signer}.",
                caller=caller.code, signer=identity.code))
        B.check_records_match(manifest, submission.records)
        attestations = B.verify_proofs(manifest, submission.records)
        with self._lock:
            for attempt in range(3):
                stored = self._stored_response(manifest, submission)
                if stored is not None:
                    return stored
                try:
                    return self._process(submission, manifest, attestations, chain[0])
                except (_Retry, IntegrityError) as exc:
                    log.warning("a batch met a concurrent change (%s), attempt %d", type(exc).__name__, attempt + 1)
            raise CentralError(503, "busy", tr("Dịch vụ đang bận; hãy gửi lại sau.", "The service is busy; send again later."))

    def _stored_response(self, manifest: B.Manifest, submission: B.Submission) -> bytes | None:
        """The stored response of this very batch; 409 when its id holds a different signed batch."""
        with self.db.session() as session:
            row = session.get(Batch, manifest.batch_id)
            if row is None:
                return None
            same = (row.content_sha256 == manifest.payload_sha256 if row.content_sha256
                    else row.body_sha256 == submission.body_sha256)
            if not same:
                raise CentralError(409, "batch_conflict", tr(
                    "Mã lô {batch_id} đã được dùng cho một lô khác; mỗi lô ký phải có mã riêng.",
                    "The batch id {batch_id} was already used for a different batch; each signed batch needs its own id.",
                    batch_id=manifest.batch_id))
            return zlib.decompress(row.response)

    def authenticate(self, token: str | None) -> Caller:
        """The registration holding a bearer credential (401 ``unauthenticated`` otherwise)."""
        with self.db.session() as session:
            caller = credentials.caller_for(session, token)
        if caller is None:
            raise CentralError(401, "unauthenticated", tr(
                "Cần thông tin xác thực hợp lệ của cơ sở (Authorization: Bearer …).",
                "A valid facility credential is required (Authorization: Bearer …)."))
        return caller

    def get_batch(self, batch_id: str, caller: Caller) -> bytes:
        """The stored response of one of the caller's batches; another's is as unknown as a missing one."""
        with self.db.session() as session:
            row = session.get(Batch, batch_id)
            if row is None or row.signer != caller.code:
                raise CentralError(404, "unknown_batch", tr("Không có lô {batch_id}.", "There is no batch {batch_id}.",
                                                            batch_id=batch_id))
            return zlib.decompress(row.response)

    def anchors(self, caller: Caller) -> dict[str, Any]:
        """The audit heads the caller's signed batches carried, in event order."""
        with self.db.session() as session:
            rows = session.execute(
                select(Batch.batch_id, Batch.audit_event_id, Batch.audit_hash, Batch.signed_at)
                .where(Batch.signer == caller.code, Batch.audit_event_id.is_not(None))
                .order_by(Batch.audit_event_id, Batch.received_at, Batch.batch_id)).all()
        return {"anchors": [{"batch_id": r[0], "event_id": r[1], "hash": r[2], "signed_at": r[3] or ""}
                            for r in rows]}

    def _verify_signer(self, manifest: B.Manifest) -> tuple[list[x509.Certificate], signers.SignerIdentity]:
        """Chain to a trusted CA, signature, registration, and who the signer may sign for."""
        msg = manifest.message
        with self.db.session() as session:
            chain = pki.x5chain(msg)
            chain = B.signer_cert(msg, chain, signers.registered_certificates(session) if not chain else [])
            pki.verify_chain(chain, signers.trusted_cas(session), datetime.now(UTC), signers.revoked_signers(session))
            pki.verify_cose(msg, chain[0])
            identities = signers.identities_for(session, chain[0])
        if not identities:
            raise unknown_signer("Chứng thư {subject} chưa được đăng ký cho cơ sở hay đơn vị đầu mối nào.",
                                 "The certificate {subject} is not registered to any facility or focal agency.",
                                 subject=chain[0].subject.rfc4514_string())
        identity = next((i for i in identities if i.code == manifest.signer), None)
        if identity is None:
            raise signer_not_authorised(
                "Chứng thư ký thuộc {codes}, không phải {signer} như bản kê ghi.",
                "The signing certificate belongs to {codes}, not to {signer} as the manifest says.",
                codes=", ".join(i.code for i in identities), signer=manifest.signer)
        named = certificate_facility_codes(chain[0])
        if named and manifest.signer not in named:
            raise signer_not_authorised("Chứng thư ký ghi mã cơ sở {codes}, không phải {signer}.",
                                        "The signing certificate names facility {codes}, not {signer}.",
                                        codes=", ".join(sorted(named)), signer=manifest.signer)
        if not identity.active:
            raise signer_not_authorised("Cơ sở {signer} đã bị ngừng quyền gửi dữ liệu.",
                                        "The facility {signer} may no longer submit.", signer=manifest.signer)
        outside = sorted(set(manifest.on_behalf_of) - identity.facilities)
        if outside:
            raise signer_not_authorised("{signer} không được ký thay cho cơ sở {codes}.",
                                        "{signer} may not sign for the facilities {codes}.",
                                        signer=manifest.signer, codes=", ".join(outside))
        return chain, identity

    def _process(self, submission: B.Submission, manifest: B.Manifest, attestations: list[bytes],
                 signer: x509.Certificate) -> bytes:
        now = datetime.now(UTC).replace(microsecond=0)
        expires = now + timedelta(days=self.config.validity_days)
        records = sorted(submission.records, key=lambda r: r.leaf_index)
        allowed = set(manifest.on_behalf_of)
        results: list[dict[str, Any] | None] = [None] * len(records)
        clock = [time.perf_counter()]
        candidates = self._check_each(manifest, records, attestations, results, allowed, now)
        clock.append(time.perf_counter())
        to_sign = self._check_against_issued(candidates, records, results, allowed)
        clock.append(time.perf_counter())
        rows, revocations = self._countersign(manifest, to_sign, records, results, now, expires)
        response = {
            "batch_id": manifest.batch_id, "received_at": iso(now),
            "issued": sum(1 for r in results if r and r["status"] == "issued"),
            "rejected": sum(1 for r in results if r and r["status"] == "rejected"),
            "results": results,
        }
        body = json.dumps(response, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        clock.append(time.perf_counter())
        head = manifest.audit_head
        batch = Batch(batch_id=manifest.batch_id, body_sha256=submission.body_sha256,
                      manifest_sha256=submission.manifest_sha256, content_sha256=manifest.payload_sha256,
                      signer=manifest.signer, signer_certificate_sha256=pki.der_sha256(signer), kind=manifest.kind,
                      record_count=len(records), issued_count=response["issued"],
                      rejected_count=response["rejected"], received_at=now, response=zlib.compress(body, 1),
                      audit_event_id=head[0] if head else None, audit_hash=head[1] if head else None,
                      signed_at=manifest.created_at)
        self._store(batch, rows, revocations, now)
        clock.append(time.perf_counter())
        # no batch id at INFO: ids stay out of a log more people can read than the database
        log.info("batch from %s: %d issued, %d rejected; seconds: records %.2f, lookups %.2f, "
                 "countersigning %.2f, response+store %.2f", manifest.signer, response["issued"], response["rejected"],
                 *(b - a for a, b in zip(clock, clock[1:], strict=False)))
        log.debug("batch %s stored", manifest.batch_id)
        return body

    def _check_each(self, manifest: B.Manifest, records: list[B.SubmittedRecord], attestations: list[bytes],
                    results: list[dict[str, Any] | None], allowed: set[str],
                    now: datetime) -> list[tuple[int, B.Attestation, str]]:
        """Each record on its own (its proof is already verified): structure, facility, dates."""
        candidates: list[tuple[int, B.Attestation, str]] = []  # (position, attestation, person-dose key)
        for pos, (record, raw) in enumerate(zip(records, attestations, strict=True)):
            try:
                att = B.read_attestation(raw)
                if not att.record_key.startswith(manifest.signer + ":"):
                    raise Rejection("invalid_attestation",
                                    detail=f"record_key must start with the signer code \"{manifest.signer}:\"")
                if att.facility not in allowed:
                    raise Rejection("facility_not_authorised", facility=att.facility)
                B.check_dates(att, now)
                candidates.append((pos, att, B.person_dose_key(self._person_secret, att)))
            except Rejection as rej:
                results[pos] = _rejected(record.leaf_index, _safe_record_key(record), rej)
        return candidates

    def _check_against_issued(self, candidates: list[tuple[int, B.Attestation, str]],
                              records: list[B.SubmittedRecord], results: list[dict[str, Any] | None],
                              allowed: set[str]) -> list[tuple[int, B.Attestation, str, str]]:
        """Against the rest of the batch and the certificates already issued."""
        with self.db.session() as session:
            by_record_key = _certificates_by(session, IssuedCertificate.record_key, [a.record_key for _, a, _ in candidates],
                                             valid_only=True)
            by_person = _certificates_by(session, IssuedCertificate.person_dose_key, [k for _, _, k in candidates],
                                         valid_only=True)
            by_uvci = _certificates_by(session, IssuedCertificate.uvci, [a.supersedes for _, a, _ in candidates
                                                                          if a.supersedes], valid_only=False)
        seen_keys: dict[str, int] = {}
        seen_person: dict[str, int] = {}
        seen_supersedes: dict[str, int] = {}
        to_sign: list[tuple[int, B.Attestation, str, str]] = []
        for pos, att, pkey in candidates:
            leaf_index = records[pos].leaf_index
            try:
                _check_duplicate(seen_keys, att.record_key, leaf_index, "record_key")
                existing = by_record_key.get(att.record_key)
                if existing is not None and existing.attestation_sha256 == att.sha256:
                    # the same record signed again in a new batch: the certificate it already has
                    results[pos] = _issued(leaf_index, att.record_key, existing.uvci, existing.hc1,
                                           existing.issued_at, existing.expires_at)
                    continue
                if existing is not None and att.supersedes != existing.uvci:
                    raise Rejection("dose_already_certified", dn=att.vaccination["dn"], uvci=existing.uvci)
                _check_duplicate(seen_person, pkey, leaf_index, "person and dose")
                if att.supersedes:
                    _check_duplicate(seen_supersedes, att.supersedes, leaf_index, "supersedes")
                    _check_supersedes(by_uvci.get(att.supersedes), att.supersedes, allowed)
                holder = by_person.get(pkey)
                if holder is not None and holder.uvci != att.supersedes:
                    raise Rejection("dose_already_certified", dn=att.vaccination["dn"], uvci=holder.uvci)
                to_sign.append((pos, att, pkey, new_uvci()))
            except Rejection as rej:
                results[pos] = _rejected(leaf_index, att.record_key, rej)
        return to_sign

    def _countersign(self, manifest: B.Manifest, to_sign: list[tuple[int, B.Attestation, str, str]],
                     records: list[B.SubmittedRecord], results: list[dict[str, Any] | None], now: datetime,
                     expires: datetime) -> tuple[list[dict[str, Any]], list[tuple[str, str, str]]]:
        """Build, validate, countersign and encode on every core."""
        items = [Item(att.person, att.vaccination, uvci) for _, att, _, uvci in to_sign]
        outcomes = self.countersigner.run(items, int(now.timestamp()), int(expires.timestamp()), self.config.issuer_text)
        rows, revocations = [], []
        for (pos, att, pkey, uvci), outcome in zip(to_sign, outcomes, strict=True):
            leaf_index = records[pos].leaf_index
            if outcome[0] != "issued":
                _, code, message, details = outcome
                results[pos] = {"leaf_index": leaf_index, "record_key": att.record_key, "status": "rejected",
                                "reason_code": code, "message": message, **({"details": details} if details else {})}
                continue
            hc1 = outcome[1]
            rows.append({"uvci": uvci, "batch_id": manifest.batch_id, "leaf_index": leaf_index,
                         "record_key": att.record_key, "attestation_sha256": att.sha256, "facility": att.facility,
                         "person_dose_key": pkey, "hc1": hc1, "issued_at": now, "expires_at": expires,
                         "status": "valid", "superseded_by": None})
            if att.supersedes:
                revocations.append((att.supersedes, uvci, att.facility))
            results[pos] = _issued(leaf_index, att.record_key, uvci, hc1, now, expires)
        return rows, revocations

    def _store(self, batch: Batch, rows: list[dict[str, Any]], revocations: list[tuple[str, str, str]],
               now: datetime) -> None:
        """One transaction: the batch, its certificates, the corrections' revocations."""
        with self.db.session() as session:
            session.add(batch)
            session.flush()
            for old, new, facility in revocations:
                done = session.execute(
                    update(IssuedCertificate).where(IssuedCertificate.uvci == old, IssuedCertificate.status == "valid")
                    .values(status="superseded", superseded_by=new))
                if done.rowcount != 1:
                    raise _Retry(old)
                session.add(Revocation(uvci=old, revoked_at=now, reason="superseded", superseded_by=new,
                                       facility=facility))
            session.flush()
            for start in range(0, len(rows), 2000):
                # the table, not the class: a core executemany without the ORM's per-row bookkeeping
                session.execute(insert(IssuedCertificate.__table__), rows[start:start + 2000])

    # -- publication ------------------------------------------------------------------------------

    def trust_list(self) -> dict[str, Any]:
        """desktop.dcc.trustlist format: the DSC with its kid, and revoked UVCIs (hashed)."""
        trust = TrustList(issued_at=datetime.now(UTC))
        with self.db.session() as session:
            for entry in self._published.entries(session):
                trust.add_trusted(entry)
            for row in session.scalars(select(Revocation).order_by(Revocation.revoked_at)):
                trust.revoke(row.uvci, row.reason, row.revoked_at)
        return json.loads(trust.to_json())

    def revocations(self, since: datetime | None = None) -> dict[str, Any]:
        with self.db.session() as session:
            query = select(Revocation).order_by(Revocation.revoked_at, Revocation.uvci)
            if since is not None:
                query = query.where(Revocation.revoked_at >= since)
            return {"revocations": [
                {"uvci": r.uvci, "revoked_at": iso(r.revoked_at), "reason": r.reason, "superseded_by": r.superseded_by}
                for r in session.scalars(query)]}

    def submit_revocation(self, body: bytes, caller: Caller | None = None) -> dict[str, Any]:
        """A facility's signed revocation of one of its certificates (idempotent by UVCI)."""
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise bad_request("Nội dung không phải JSON hợp lệ.", "The body is not valid JSON.") from exc
        if not isinstance(data, dict) or not isinstance(data.get("revocation"), str):
            raise bad_request("Yêu cầu phải là {{\"revocation\": chuỗi base64}}.",
                              "The request must be {{\"revocation\": base64 text}}.")
        raw = B._b64(data["revocation"], "revocation")
        try:
            msg = cose.decode_sign1(raw)
            payload = cose.loads_strict(msg.payload)
        except cose.CoseError as exc:
            raise bad_request("Yêu cầu thu hồi không đọc được: {err}", "The revocation cannot be read: {err}",
                              err=str(exc)[:200]) from exc
        if not isinstance(payload, dict) or payload.get("v") != 1 or not all(
                isinstance(payload.get(k), str) and payload[k] for k in ("uvci", "reason", "facility")):
            raise bad_request("Yêu cầu thu hồi phải có v=1, uvci, reason, facility.",
                              "A revocation needs v=1, uvci, reason and facility.")
        uvci, reason, facility = payload["uvci"], payload["reason"][:MAX_REVOCATION_REASON], payload["facility"]
        with self.db.session() as session:
            chain = B.signer_cert(msg, pki.x5chain(msg), signers.registered_certificates(session))
            pki.verify_chain(chain, signers.trusted_cas(session), datetime.now(UTC), signers.revoked_signers(session))
            pki.verify_cose(msg, chain[0])
            identities = signers.identities_for(session, chain[0])
        if not identities:
            raise unknown_signer("Chứng thư ký chưa được đăng ký.", "The signing certificate is not registered.")
        if caller is not None and caller.code not in {i.code for i in identities}:
            raise CentralError(403, "credential_mismatch", tr(
                "Thông tin xác thực thuộc {caller}, không phải bên đã ký yêu cầu thu hồi.",
                "The credential belongs to {caller}, not to the signer of the revocation.", caller=caller.code))
        if not any(i.active and facility in i.facilities for i in identities):
            raise signer_not_authorised("Bên ký không được phép thu hồi chứng nhận của cơ sở {facility}.",
                                        "The signer may not revoke certificates of facility {facility}.",
                                        facility=facility)
        now = datetime.now(UTC).replace(microsecond=0)
        with self._lock, self.db.session() as session:
            cert = session.get(IssuedCertificate, uvci)
            if cert is None:
                raise CentralError(404, "unknown_certificate", tr("Không có chứng nhận {uvci}.",
                                                                  "There is no certificate {uvci}.", uvci=uvci))
            if cert.facility != facility:
                raise signer_not_authorised("Chứng nhận {uvci} không thuộc cơ sở {facility}.",
                                            "The certificate {uvci} does not belong to facility {facility}.",
                                            uvci=uvci, facility=facility)
            existing = session.get(Revocation, uvci)
            if existing is None:
                cert.status = "revoked"
                existing = Revocation(uvci=uvci, revoked_at=now, reason=reason, superseded_by=None, facility=facility,
                                      request_sha256=hashlib.sha256(raw).hexdigest())
                session.add(existing)
            return {"uvci": existing.uvci, "revoked_at": iso(existing.revoked_at), "reason": existing.reason,
                    "superseded_by": existing.superseded_by}

    def certificate_status(self, uvci: str, caller: Caller) -> dict[str, Any] | None:
        """The status of one of the caller's facilities' certificates (None for any other)."""
        with self.db.session() as session:
            cert = session.get(IssuedCertificate, uvci)
            if cert is None or cert.facility not in caller.facilities:
                return None
            return {"uvci": cert.uvci, "status": cert.status, "superseded_by": cert.superseded_by,
                    "issued_at": iso(cert.issued_at), "expires_at": iso(cert.expires_at)}


# -- helpers -------------------------------------------------------------------------------------


def _issued(leaf_index: int, record_key: str, uvci: str, hc1: str, issued_at: datetime,
            expires_at: datetime) -> dict[str, Any]:
    return {"leaf_index": leaf_index, "record_key": record_key, "status": "issued", "uvci": uvci, "hc1": hc1,
            "issued_at": iso(issued_at), "expires_at": iso(expires_at)}


def _rejected(leaf_index: int, record_key: str | None, rej: Rejection) -> dict[str, Any]:
    out: dict[str, Any] = {"leaf_index": leaf_index, "record_key": record_key, "status": "rejected",
                           "reason_code": rej.code, "message": rej.message.as_dict()}
    if rej.details:
        out["details"] = rej.details
    return out


def _safe_record_key(record: B.SubmittedRecord) -> str | None:
    try:
        data = B.cose.loads_strict(base64.b64decode(record.attestation_b64))
        key = data.get("record_key") if isinstance(data, dict) else None
        return key if isinstance(key, str) else None
    except Exception:  # noqa: BLE001 - only used to label a rejection
        return None


def _check_duplicate(seen: dict[str, int], key: str, leaf_index: int, what: str) -> None:
    other = seen.get(key)
    if other is not None:
        raise Rejection("duplicate_in_batch", other=other, detail=what)
    seen[key] = leaf_index


def _check_supersedes(old: IssuedCertificate | None, uvci: str, allowed: set[str]) -> IssuedCertificate:
    if old is None:
        raise Rejection("superseded_unknown", uvci=uvci, detail="this service never issued it")
    if old.status != "valid":
        raise Rejection("superseded_unknown", uvci=uvci,
                        detail=f"it is already {old.status}" + (f" by {old.superseded_by}" if old.superseded_by else ""))
    if old.facility not in allowed:
        raise Rejection("facility_not_authorised", facility=old.facility)
    return old


def _certificates_by(session, column, values: Iterable[str], valid_only: bool) -> dict[str, IssuedCertificate]:
    values = list(dict.fromkeys(values))
    found: dict[str, IssuedCertificate] = {}
    for start in range(0, len(values), _IN_CHUNK):
        query = select(IssuedCertificate).where(column.in_(values[start:start + _IN_CHUNK]))
        if valid_only:
            query = query.where(IssuedCertificate.status == "valid")
        for row in session.scalars(query):
            found[getattr(row, column.key)] = row
    return found
