"""Is the token's certificate fit to sign for this facility today?

The facility code is read from the certificate subject. Vietnamese CAs put an organisation's
identifiers in the subject as ``PREFIX:value`` (``MST:`` tax code, ``MNS:`` budget code); VaxDesk
reads the facility code (mã cơ sở KCB) from ``UID`` as ``MCS:<code>`` — the demo CA issues it this way —
and also accepts the bare code or ``MCS:<code>`` in ``OU`` or ``serialNumber``.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cryptography import x509
from cryptography.x509.oid import NameOID

from desktop.errors import UserError
from desktop.i18n import tr

FACILITY_PREFIX = "MCS:"
_FACILITY_ATTRIBUTES = (NameOID.USER_ID, NameOID.ORGANIZATIONAL_UNIT_NAME, NameOID.SERIAL_NUMBER)


def certificate_facility_codes(cert: x509.Certificate) -> set[str]:
    """Facility codes named in the subject (``UID``/``OU``/``serialNumber``, bare or ``MCS:``-prefixed)."""
    codes = set()
    for oid in _FACILITY_ATTRIBUTES:
        for attr in cert.subject.get_attributes_for_oid(oid):
            value = str(attr.value).strip()
            if value.upper().startswith(FACILITY_PREFIX):
                codes.add(value[len(FACILITY_PREFIX):].strip())
            elif oid != NameOID.USER_ID and value.isdigit():
                codes.add(value)
    return codes


def holder_name(cert: x509.Certificate) -> str:
    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        attrs = cert.subject.get_attributes_for_oid(oid)
        if attrs:
            return str(attrs[0].value)
    return cert.subject.rfc4514_string()


def has_signing_usage(cert: x509.Certificate) -> bool:
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return bool(usage.digital_signature or usage.content_commitment)


def check_certificate(cert: x509.Certificate, facility_code: str, now: datetime | None = None) -> None:
    """Refuse a certificate that is expired, not yet valid, cannot sign, or belongs to another facility."""
    now = now or datetime.now(UTC)
    holder = holder_name(cert)
    if now < cert.not_valid_before_utc:
        raise UserError(
            tr("Chứng thư số của \"{holder}\" chỉ có hiệu lực từ {start}. Chưa thể ký.",
               "The certificate of \"{holder}\" is valid only from {start}; it cannot sign yet.",
               holder=holder, start=cert.not_valid_before_utc.date().isoformat()),
            code="certificate_not_yet_valid",
        )
    if now > cert.not_valid_after_utc:
        raise UserError(
            tr("Chứng thư số của \"{holder}\" đã hết hạn ngày {end}. Hãy gia hạn với nhà cung cấp chữ ký số (CA).",
               "The certificate of \"{holder}\" expired on {end}. Renew it with the issuing CA.",
               holder=holder, end=cert.not_valid_after_utc.date().isoformat()),
            code="certificate_expired",
        )
    if not has_signing_usage(cert):
        raise UserError(
            tr("Chứng thư số của \"{holder}\" không được phép dùng để ký (thiếu digitalSignature/nonRepudiation).",
               "The certificate of \"{holder}\" is not allowed to sign (no digitalSignature/nonRepudiation key "
               "usage).", holder=holder),
            code="certificate_no_signing_usage",
        )
    if not facility_code:
        raise UserError(
            tr("Chưa cài đặt mã cơ sở (facility_code) của thư mục làm việc.",
               "The workspace has no facility code (setting facility_code)."),
            code="facility_code_missing",
        )
    codes = certificate_facility_codes(cert)
    if facility_code not in codes:
        raise UserError(
            tr("Chứng thư số trên token thuộc \"{holder}\" (mã cơ sở {codes}), không phải cơ sở {code} của thư mục "
               "làm việc này. Hãy cắm đúng token của cơ sở.",
               "The certificate on the token belongs to \"{holder}\" (facility {codes}), not to facility {code} of "
               "this workspace. Insert this facility's token.",
               holder=holder, codes=", ".join(sorted(codes)) or "?", code=facility_code),
            code="certificate_wrong_facility",
        )
