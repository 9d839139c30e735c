"""Decision 5772's certificate form: its 11 fields with bilingual labels, filled from a DCC payload.

The EU codes on the certificate (disease, vaccine type, product, manufacturer) are printed by their
display names from the EU value sets in ``resources/valuesets``; a code missing from the sets is
printed as is, so the paper never loses information. Every text is NFC.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from desktop.dcc.valuesets import value_set
from desktop.i18n import format_date

# (key, Vietnamese label, English label) in the order of the form
FIELDS: tuple[tuple[str, str, str], ...] = (
    ("full_name", "Họ và tên", "Full name"),
    ("date_of_birth", "Ngày sinh", "Date of birth"),
    ("nationality", "Quốc tịch", "Nationality"),
    ("disease", "Bệnh được phòng", "Disease targeted"),
    ("doses_received", "Số mũi đã tiêm", "Number of doses received"),
    ("vaccination_date", "Ngày tiêm", "Date of vaccination"),
    ("dose_number", "Mũi tiêm số", "Dose number"),
    ("vaccine_type", "Loại vắc xin", "Vaccine type"),
    ("vaccine_product", "Tên vắc xin", "Vaccine product"),
    ("manufacturer", "Nhà sản xuất", "Manufacturer / MAH"),
    ("uvci", "Mã chứng nhận", "Certificate identifier"),
)

TITLE_VI = "CHỨNG NHẬN TIÊM CHỦNG COVID-19"
TITLE_EN = "COVID-19 VACCINATION CERTIFICATE"


def nfc(text: Any) -> str:
    return unicodedata.normalize("NFC", "" if text is None else str(text)).strip()


@dataclass(frozen=True)
class CertificateForm:
    """What one printed certificate shows."""

    hc1: str
    full_name: str
    date_of_birth: str
    nationality: str
    disease: str
    doses_received: str
    vaccination_date: str
    dose_number: str
    vaccine_type: str
    vaccine_product: str
    manufacturer: str
    uvci: str
    expires_at: str = ""  # dd/mm/yyyy, shown under the QR

    def rows(self) -> list[tuple[str, str, str]]:
        """(Vietnamese label, English label, value) for each of the 11 fields."""
        return [(vi, en, getattr(self, key)) for key, vi, en in FIELDS]


def _display(set_name: str, code: Any) -> str:
    code = nfc(code)
    if not code:
        return ""
    return nfc(value_set(set_name).display.get(code, code))


def country_name(code: str) -> str:
    """The country's name for an ISO 3166 alpha-2 code ("VN" → "Viet Nam")."""
    return _display("country-2-codes", (code or "").upper())


def full_name(nam: dict[str, Any]) -> str:
    """Family name first, as Vietnamese names are written ("Nguyễn" + "Thị Hồng Nhung")."""
    fn = nfc(nam.get("fn")) or nfc(nam.get("fnt"))
    gn = nfc(nam.get("gn")) or nfc(nam.get("gnt"))
    return " ".join(part for part in (fn, gn) if part)


def form_from_dcc(hc1: str, dcc: dict[str, Any], nationality: str = "", expires_at: str = "") -> CertificateForm:
    """Fill the form from a decoded DCC payload (``-260 → 1`` of the CWT) and the person's nationality.

    The DCC does not carry nationality; it comes from the vaccination record (default: the
    country of vaccination).
    """
    entry = (dcc.get("v") or [{}])[0]
    dn, sd = entry.get("dn"), entry.get("sd")
    country = nationality or entry.get("co", "")
    return CertificateForm(
        hc1=hc1,
        full_name=full_name(dcc.get("nam") or {}),
        date_of_birth=format_date(nfc(dcc.get("dob"))),
        nationality=country_name(country),
        disease=_display("disease-agent-targeted", entry.get("tg")),
        doses_received=nfc(dn),
        vaccination_date=format_date(nfc(entry.get("dt"))),
        dose_number=f"{dn}/{sd}" if dn is not None and sd is not None else nfc(dn),
        vaccine_type=_display("vaccine-prophylaxis", entry.get("vp")),
        vaccine_product=_display("vaccine-medicinal-product", entry.get("mp")),
        manufacturer=_display("vaccine-mah-manf", entry.get("ma")),
        uvci=nfc(entry.get("ci")),
        expires_at=expires_at,
    )
