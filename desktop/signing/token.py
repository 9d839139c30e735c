"""The facility's USB token: open it, check its certificate, log in once, sign, close.

    with TokenSession.open(workspace, handler) as token:
        token.certificate, token.chain, token.alg
        signature = token.sign(data)          # one C_Sign; ``token.token_operations`` counts them

Every PKCS#11 call runs on the ``vaxdesk-token`` thread (``desktop.signing.worker``). The PIN comes
from the handler, goes to C_Login and is dropped: it is never stored, logged or put in an error.
For SoftHSM (the demo and the tests) the workspace's ``softhsm2.conf`` is put in ``SOFTHSM2_CONF``
before the module loads.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pkcs11
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding
from pkcs11 import MGF, Mechanism

from desktop.errors import Cancelled, UserError
from desktop.i18n import Message, tr
from desktop.signing import certcheck
from desktop.signing.handler import PinRequest, SigningHandler
from desktop.signing.modules import is_softhsm, resolve_module
from desktop.signing.pkcs11_backend import PIN_COUNT_LOW, PIN_FINAL_TRY, PIN_LOCKED, Pkcs11Token, TokenObject
from desktop.signing.worker import token_worker

log = logging.getLogger(__name__)

ES256, PS256, RS256 = -7, -37, -257
ALG_NAMES = {ES256: "ES256", PS256: "PS256", RS256: "RS256"}
MAX_PIN_ATTEMPTS = 5  # per session; the token's own counter decides when it locks
_SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")

BackendFactory = Callable[[str], Any]


def workspace_softhsm_conf(workspace: Any) -> str | None:
    conf = workspace.path / "softhsm2.conf"
    return str(conf) if conf.is_file() else None


def prepare_module_environment(workspace: Any, module_path: str) -> None:
    """SoftHSM reads SOFTHSM2_CONF when it initialises: point it at the workspace's own token folder."""
    conf = workspace_softhsm_conf(workspace)
    if conf and is_softhsm(module_path):
        os.environ["SOFTHSM2_CONF"] = conf


# --------------------------------------------------------------------------------------------
# PKCS#11 failures → what the clerk reads

_REMOVED = (pkcs11.DeviceRemoved, pkcs11.TokenNotPresent, pkcs11.SessionHandleInvalid, pkcs11.SessionClosed,
            pkcs11.DeviceError, pkcs11.TokenNotRecognised)
_BUSY = (pkcs11.SessionCount, pkcs11.OperationActive, pkcs11.SessionExists, pkcs11.FunctionRejected,
         pkcs11.DeviceMemory, pkcs11.FunctionCancelled)


def token_removed_error() -> UserError:
    return UserError(
        tr("USB token đã bị rút ra hoặc mất kết nối trong khi ký. Không bản ghi nào của lô này được ký; hãy cắm "
           "lại token và ký lại.",
           "The USB token was removed or disconnected while signing. No record of this batch was signed; "
           "insert the token again and sign again."),
        code="token_removed",
    )


def translate_pkcs11_error(exc: BaseException) -> UserError:
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, _REMOVED):
        return token_removed_error()
    if isinstance(exc, _BUSY):
        return UserError(
            tr("USB token đang bận (một chương trình khác đang dùng). Hãy đóng chương trình ký số khác rồi thử lại.",
               "The USB token is busy (another program is using it). Close the other signing program and try "
               "again."),
            code="token_busy",
        )
    if isinstance(exc, pkcs11.PinLocked):
        return pin_locked_error()
    if isinstance(exc, (pkcs11.MechanismInvalid, pkcs11.MechanismParamInvalid, pkcs11.FunctionNotSupported)):
        return UserError(
            tr("USB token không hỗ trợ thuật toán ký cần dùng ({err}). Thử cài đặt signing_algorithm = RS256.",
               "The USB token does not support the signing algorithm ({err}). Try the setting "
               "signing_algorithm = RS256.", err=type(exc).__name__),
            code="token_mechanism",
        )
    return UserError(
        tr("USB token báo lỗi {err}. Hãy rút ra, cắm lại và thử lại.",
           "The USB token reported {err}. Remove it, insert it again and retry.", err=type(exc).__name__),
        code="token_error",
    )


def pin_locked_error() -> UserError:
    return UserError(
        tr("Mã PIN của USB token đã bị khóa do nhập sai quá nhiều lần. Token phải được nhà cung cấp chữ ký số (CA) "
           "đã cấp mở khóa.",
           "The USB token's PIN is locked after too many wrong PINs. It must be unlocked by the issuing CA."),
        code="pin_locked",
    )


def wrong_pin_message(flags: int, count_low_means_few: bool = True) -> Message:
    """What to say after a wrong PIN, from what the token tells (PKCS#11 gives flags, not a number).

    ``count_low_means_few`` is False when the token already raised "count low" at the first wrong PIN
    of this sign-in: SoftHSM and some cards raise it after any failure, so then it says nothing about
    how many tries are left, and the clerk is not told "few".
    """
    if flags & PIN_FINAL_TRY:
        return tr("Sai mã PIN. Chỉ còn 1 lần thử: nếu nhập sai lần nữa, token sẽ bị khóa và phải nhờ CA mở khóa.",
                  "Wrong PIN. 1 try left: one more wrong PIN locks the token, and only the CA can unlock it.")
    if flags & PIN_COUNT_LOW and count_low_means_few:
        return tr("Sai mã PIN. Token báo chỉ còn ít lần thử trước khi bị khóa.",
                  "Wrong PIN. The token says only a few tries are left before it locks.")
    return tr("Sai mã PIN.", "Wrong PIN.")


def last_try_warning(flags: int) -> Message | None:
    if flags & PIN_FINAL_TRY:
        return tr("Cảnh báo: đây là lần thử cuối cùng trước khi token bị khóa.",
                  "Warning: this is the last try before the token locks.")
    return None


@contextmanager
def _token_calls() -> Iterator[None]:
    try:
        yield
    except pkcs11.PKCS11Error as exc:
        log.warning("token call failed: %s", type(exc).__name__)
        raise translate_pkcs11_error(exc) from None


# --------------------------------------------------------------------------------------------
# Opening the token


def _connect(workspace: Any, backend_factory: BackendFactory | None) -> tuple[Any, Any]:
    settings = workspace.settings
    module_path = resolve_module(settings.get("token_module"))
    prepare_module_environment(workspace, module_path)
    worker = token_worker()
    factory = backend_factory or Pkcs11Token
    try:
        backend = worker.call(factory, module_path)
    except pkcs11.PKCS11Error as exc:
        log.warning("cannot load PKCS#11 module %s: %s", module_path, exc)
        raise UserError(
            tr("Không nạp được thư viện PKCS#11 {path}. Hãy cài lại phần mềm của USB token hoặc kiểm tra đường dẫn.",
               "Cannot load the PKCS#11 module {path}. Reinstall the USB token's software or check the path.",
               path=module_path),
            code="token_module_unloadable",
        ) from None
    label = settings.get("token_label") or None
    serial = settings.get("token_serial") or None
    try:
        info = worker.call(backend.select, label, serial)
    except pkcs11.NoSuchToken:
        raise UserError(
            tr("Không thấy USB token{which}. Hãy cắm token vào máy và thử lại.",
               "No USB token{which} is present. Insert the token and try again.",
               which=f" \"{label}\"" if label else (f" {serial}" if serial else "")),
            code="token_absent",
        ) from None
    except pkcs11.MultipleTokensReturned:
        raise UserError(
            tr("Có nhiều USB token đang cắm. Hãy chọn nhãn hoặc số sê-ri của token trong Cài đặt (token_label, "
               "token_serial), hoặc rút bớt token.",
               "Several USB tokens are inserted. Choose the token's label or serial in Settings (token_label, "
               "token_serial), or remove the others."),
            code="token_ambiguous",
        ) from None
    except pkcs11.PKCS11Error as exc:
        raise translate_pkcs11_error(exc) from None
    return backend, info


def _load_certs(objects: list[TokenObject]) -> list[tuple[TokenObject, x509.Certificate]]:
    out = []
    for obj in objects:
        try:
            out.append((obj, x509.load_der_x509_certificate(obj.value)))
        except ValueError:
            log.warning("ignoring an unreadable certificate object on the token")
    return out


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _pick_signing_certificate(certs: list[tuple[TokenObject, x509.Certificate]], facility_code: str,
                              key_ids: set[bytes] | None = None) -> tuple[TokenObject, x509.Certificate]:
    candidates = [(o, c) for o, c in certs if not _is_ca(c) and (key_ids is None or o.id in key_ids)]
    if not candidates:
        raise UserError(
            tr("Không tìm thấy chứng thư số của cơ sở trên USB token. Hãy kiểm tra token với nhà cung cấp (CA).",
               "No facility certificate was found on the USB token. Check the token with the issuing CA."),
            code="certificate_missing",
        )
    now = datetime.now(UTC)

    def rank(item: tuple[TokenObject, x509.Certificate]) -> tuple[int, int, int, datetime]:
        _obj, cert = item
        return (facility_code in certcheck.certificate_facility_codes(cert),
                cert.not_valid_before_utc <= now <= cert.not_valid_after_utc,
                certcheck.has_signing_usage(cert), cert.not_valid_after_utc)

    return max(candidates, key=rank)


def _chain(signer: x509.Certificate, certs: list[tuple[TokenObject, x509.Certificate]]) -> list[bytes]:
    """Signer first, then the issuers found on the token, stopping before a self-signed root."""
    chain = [signer.public_bytes(Encoding.DER)]
    by_subject = {c.subject.public_bytes(): c for _o, c in certs}
    current = signer
    for _ in range(5):
        issuer = by_subject.get(current.issuer.public_bytes())
        if issuer is None or issuer is current or issuer.issuer == issuer.subject:
            break
        chain.append(issuer.public_bytes(Encoding.DER))
        current = issuer
    return chain


@dataclass(frozen=True)
class TokenStatus:
    """What the Sign page shows without a PIN."""

    present: bool
    label: str = ""
    serial: str = ""
    holder: str = ""
    expires: str = ""  # YYYY-MM-DD
    facility_codes: tuple[str, ...] = ()
    problem: Message | None = None
    problem_code: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"present": self.present, "label": self.label, "serial": self.serial, "holder": self.holder,
                "expires": self.expires, "facility_codes": list(self.facility_codes),
                "problem": self.problem.as_dict() if self.problem else None, "problem_code": self.problem_code}


def token_status(workspace: Any, backend_factory: BackendFactory | None = None) -> TokenStatus:
    """Present? which token, whose certificate, until when; and what is wrong, if anything."""
    backend = None
    worker = token_worker()
    try:
        backend, info = _connect(workspace, backend_factory)
        with _token_calls():
            certs = _load_certs(worker.call(backend.certificates))
        status = TokenStatus(present=True, label=info.label, serial=info.serial)
        try:
            _obj, cert = _pick_signing_certificate(certs, workspace.settings.get("facility_code"))
        except UserError as exc:
            return TokenStatus(True, info.label, info.serial, problem=exc.message, problem_code=exc.code)
        status = TokenStatus(True, info.label, info.serial, certcheck.holder_name(cert),
                             cert.not_valid_after_utc.date().isoformat(),
                             tuple(sorted(certcheck.certificate_facility_codes(cert))))
        try:
            certcheck.check_certificate(cert, workspace.settings.get("facility_code"))
            if info.flags & PIN_LOCKED:
                raise pin_locked_error()
        except UserError as exc:
            return TokenStatus(**{**status.__dict__, "problem": exc.message, "problem_code": exc.code})
        return status
    except UserError as exc:
        return TokenStatus(present=exc.code not in ("token_absent", "token_module_missing", "token_module_unloadable",
                                                    "token_removed"),
                           problem=exc.message, problem_code=exc.code)
    finally:
        if backend is not None:
            worker.call(backend.close)


class TokenSession:
    """A logged-in session on the facility's token. Also a COSE ``Signer`` (``alg``, ``kid``, ``sign``)."""

    def __init__(self, backend: Any, info: Any, key_id: bytes, certificate: x509.Certificate, chain: list[bytes],
                 alg: int, mechanisms: set[int]):
        self._backend = backend
        self._key_id = key_id
        self._mechanisms = mechanisms
        self.token_label = info.label
        self.token_serial = info.serial
        self.certificate = certificate
        self.certificate_der = certificate.public_bytes(Encoding.DER)
        self.certificate_sha256 = hashlib.sha256(self.certificate_der).hexdigest()
        self.chain = chain
        self.alg = alg
        self.kid = hashlib.sha256(self.certificate_der).digest()[:8]
        self.holder = certcheck.holder_name(certificate)

    @property
    def alg_name(self) -> str:
        return ALG_NAMES[self.alg]

    @property
    def token_operations(self) -> int:
        """C_Sign calls made in this session."""
        return int(self._backend.sign_calls)

    @classmethod
    @contextmanager
    def open(cls, workspace: Any, handler: SigningHandler,
             backend_factory: BackendFactory | None = None) -> Iterator[TokenSession]:
        """Find the token, check its certificate, ask the PIN (through ``handler``) and log in."""
        worker = token_worker()
        backend = None
        try:
            backend, info = _connect(workspace, backend_factory)
            facility_code = workspace.settings.get("facility_code")
            with _token_calls():
                certs = _load_certs(worker.call(backend.certificates))
            obj, cert = _pick_signing_certificate(certs, facility_code)
            certcheck.check_certificate(cert, facility_code)
            _login(backend, info, cert, handler)
            with _token_calls():
                keys = {k.id: k for k in worker.call(backend.private_keys)}
                mechanisms = worker.call(backend.mechanisms)
            key = keys.get(obj.id)
            if key is None:
                raise UserError(
                    tr("Trên token không có khóa bí mật khớp với chứng thư số (CKA_ID {id}).",
                       "The token holds no private key matching the certificate (CKA_ID {id}).", id=obj.id.hex()),
                    code="key_missing",
                )
            alg = _choose_algorithm(key.key_type, workspace.settings.get("signing_algorithm"), mechanisms, handler)
            yield cls(backend, info, obj.id, cert, _chain(cert, certs), alg, mechanisms)
        finally:
            if backend is not None:
                worker.call(backend.close)
            handler.finished()

    def sign(self, data: bytes) -> bytes:
        """Sign ``data`` (hashed with SHA-256 here or on the token) in one C_Sign; COSE signature form."""
        worker = token_worker()
        mechs = self._mechanisms
        digest = hashlib.sha256(data).digest()
        with _token_calls():
            if self.alg == ES256:
                raw = worker.call(self._backend.sign, self._key_id, Mechanism.ECDSA, digest)
                return _ecdsa_raw(raw)
            if self.alg == PS256:
                param = (Mechanism.SHA256, MGF.SHA256, 32)
                signature: bytes
                if Mechanism.RSA_PKCS_PSS in mechs:
                    signature = worker.call(self._backend.sign, self._key_id, Mechanism.RSA_PKCS_PSS, digest, param)
                    return signature
                signature = worker.call(self._backend.sign, self._key_id, Mechanism.SHA256_RSA_PKCS_PSS, data, param)
                return signature
            if Mechanism.SHA256_RSA_PKCS in mechs:
                pkcs1: bytes = worker.call(self._backend.sign, self._key_id, Mechanism.SHA256_RSA_PKCS, data)
                return pkcs1
            raw_pkcs1: bytes = worker.call(self._backend.sign, self._key_id, Mechanism.RSA_PKCS,
                                           _SHA256_DIGEST_INFO + digest)
            return raw_pkcs1


def _ecdsa_raw(signature: bytes) -> bytes:
    if len(signature) == 64:
        return signature
    r, s = decode_dss_signature(signature)  # a module that answers in DER
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def _login(backend: Any, info: Any, cert: x509.Certificate, handler: SigningHandler) -> None:
    worker = token_worker()
    flags = info.flags
    if flags & PIN_LOCKED:
        raise pin_locked_error()
    problem: Message | None = None
    count_low_at_first_failure: bool | None = None
    for attempt in range(1, MAX_PIN_ATTEMPTS + 1):
        request = PinRequest(info.label, info.serial, certcheck.holder_name(cert), attempt, problem,
                             last_try_warning(flags))
        pin = handler.ask_pin(request)
        if pin is None:
            raise Cancelled()
        try:
            worker.call(backend.login, pin)
            return
        except (pkcs11.PinIncorrect, pkcs11.PinInvalid, pkcs11.PinLenRange):
            pass
        except pkcs11.PinLocked:
            raise pin_locked_error() from None
        except pkcs11.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from None
        finally:
            pin = None  # noqa: F841 - drop the PIN as soon as C_Login has it
        log.info("wrong PIN for token %s (attempt %d)", info.serial, attempt)
        with _token_calls():
            flags = worker.call(backend.info).flags
        if flags & PIN_LOCKED:
            raise pin_locked_error()
        if count_low_at_first_failure is None:
            count_low_at_first_failure = bool(flags & PIN_COUNT_LOW)
        problem = wrong_pin_message(flags, count_low_means_few=not count_low_at_first_failure)
    raise UserError(problem or tr("Sai mã PIN.", "Wrong PIN."), code="pin_incorrect")


def _choose_algorithm(key_type: str, setting: str, mechanisms: set[int], handler: SigningHandler) -> int:
    if key_type == "ec":
        if Mechanism.ECDSA not in mechanisms:
            raise translate_pkcs11_error(pkcs11.MechanismInvalid())
        return ES256
    if key_type != "rsa":
        raise UserError(tr("Khóa trên token có kiểu {t} không được hỗ trợ (cần RSA hoặc EC P-256).",
                           "The key on the token is of type {t}, which is not supported (RSA or EC P-256 needed).",
                           t=key_type), code="key_unsupported")
    has_pss = Mechanism.RSA_PKCS_PSS in mechanisms or Mechanism.SHA256_RSA_PKCS_PSS in mechanisms
    has_v15 = Mechanism.RSA_PKCS in mechanisms or Mechanism.SHA256_RSA_PKCS in mechanisms
    if (setting or "PS256").upper() != "RS256" and has_pss:
        return PS256
    if has_v15:
        if (setting or "PS256").upper() != "RS256":
            handler.show_message(tr("Token không hỗ trợ RSA-PSS; sẽ ký bằng RS256 (PKCS#1 v1.5).",
                                    "The token does not support RSA-PSS; signing with RS256 (PKCS#1 v1.5)."))
        return RS256
    raise translate_pkcs11_error(pkcs11.MechanismInvalid())
