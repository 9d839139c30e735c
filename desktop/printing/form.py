"""Decision 5772's certificate form: its 11 fields with bilingual labels, filled from a DCC payload.

Values are shown in Vietnamese first: the vaccine type and the country by their Vietnamese names
(``VACCINE_TYPES_VI``, ``COUNTRIES_VI``), with the EU value set's English display name kept beside
them for readers abroad. Product and manufacturer are proper names and print as the EU value sets
name them; a code missing from the sets is printed as is, so the paper never loses information.
The name is also shown as the ICAO 9303 transliteration the QR carries (``fnt<<gnt``), which is
what a border officer's verifier app displays. Every text is NFC.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from desktop.dcc.valuesets import value_set
from desktop.i18n import current_language, format_date

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

# The fields that belong to the person; the others belong to one dose.
PERSON_FIELDS = ("full_name", "date_of_birth", "nationality", "disease", "doses_received")
DOSE_FIELDS = ("dose_number", "vaccination_date", "vaccine_type", "vaccine_product", "manufacturer", "uvci")

# Vaccine types (EU value set vaccine-prophylaxis) in Vietnamese, as the Ministry's forms name them.
VACCINE_TYPES_VI = {
    "1119349007": "Vắc xin mRNA phòng COVID-19",
    "1119305005": "Vắc xin kháng nguyên phòng COVID-19",
    "1162643001": "Vắc xin protein tái tổ hợp phòng COVID-19",
    "1157024006": "Vắc xin bất hoạt phòng COVID-19",
    "29061000087103": "Vắc xin vectơ virus phòng COVID-19",
    "28531000087107": "Vắc xin phòng COVID-19",
    "J07BX03": "Vắc xin phòng COVID-19",
    "30141000087107": "Vắc xin hạt giống virus phòng COVID-19",
    "1187593009": "Vắc xin DNA phòng COVID-19",
}

# Country names in Vietnamese for the nationalities most often met; others keep the EU display name.
COUNTRIES_VI = {
    "VN": "Việt Nam", "LA": "Lào", "KH": "Campuchia", "CN": "Trung Quốc", "TH": "Thái Lan",
    "JP": "Nhật Bản", "KR": "Hàn Quốc", "US": "Hoa Kỳ", "FR": "Pháp", "DE": "Đức", "GB": "Vương quốc Anh",
    "AU": "Úc", "RU": "Nga", "SG": "Singapore", "MY": "Malaysia", "IN": "Ấn Độ", "TW": "Đài Loan",
    "PH": "Philippines", "ID": "Indonesia", "IT": "Ý", "ES": "Tây Ban Nha", "NL": "Hà Lan", "CA": "Canada",
}


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
    icao_name: str = ""  # "NGUYEN<<THI<HONG<NHUNG", as the QR carries it
    nationality_en: str = ""  # the English value where it differs from the Vietnamese one
    vaccine_type_en: str = ""
    dose: int = 0  # dn, to order a person's doses
    person: tuple[str, ...] = ()  # who this is (ICAO name and date of birth): a person's doses share it

    def rows(self) -> list[tuple[str, str, str]]:
        """(Vietnamese label, English label, value) for each of the 11 fields."""
        return [(vi, en, getattr(self, key)) for key, vi, en in FIELDS]

    def value_en(self, key: str) -> str:
        """The English form of a field's value, where the paper shows one under the Vietnamese."""
        return {"nationality": self.nationality_en, "vaccine_type": self.vaccine_type_en}.get(key, "")

    def shown(self, key: str, language: str | None = None) -> str:
        """A field's value as the screen shows it in ``language`` (default: the clerk's).

        The paper is bilingual; a screen in English shows the English vaccine type and
        nationality instead of the Vietnamese ones.
        """
        value = str(getattr(self, key))
        if (language or current_language()) == "vi":
            return value
        return self.value_en(key) or value


def _display(set_name: str, code: Any) -> str:
    code = nfc(code)
    if not code:
        return ""
    return nfc(value_set(set_name).display.get(code, code))


def country_name(code: str) -> str:
    """The country's English name for an ISO 3166 alpha-2 code ("VN" → "Viet Nam")."""
    return _display("country-2-codes", (code or "").upper())


def country_name_vi(code: str) -> str:
    """The country's Vietnamese name ("VN" → "Việt Nam"); the English one where none is known."""
    return COUNTRIES_VI.get((code or "").upper()) or country_name(code)


def vaccine_type_vi(code: Any) -> str:
    """The vaccine type in Vietnamese ("1119349007" → "Vắc xin mRNA phòng COVID-19")."""
    return VACCINE_TYPES_VI.get(nfc(code)) or _display("vaccine-prophylaxis", code)


def icao_name(nam: dict[str, Any]) -> str:
    """The standardised name as travel documents write it: ``FNT<<GNT``."""
    fnt, gnt = nfc(nam.get("fnt")), nfc(nam.get("gnt"))
    return f"{fnt}<<{gnt}" if gnt else fnt


def _only_if_different(english: str, vietnamese: str) -> str:
    return english if english and english != vietnamese else ""


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
    nam = dcc.get("nam") or {}
    nationality_vi, vaccine_type = country_name_vi(country), vaccine_type_vi(entry.get("vp"))
    dob = nfc(dcc.get("dob"))
    return CertificateForm(
        hc1=hc1,
        full_name=full_name(nam),
        date_of_birth=format_date(dob),
        nationality=nationality_vi,
        disease=_display("disease-agent-targeted", entry.get("tg")),
        doses_received=nfc(dn),
        vaccination_date=format_date(nfc(entry.get("dt"))),
        dose_number=f"{dn}/{sd}" if dn is not None and sd is not None else nfc(dn),
        vaccine_type=vaccine_type,
        vaccine_product=_display("vaccine-medicinal-product", entry.get("mp")),
        manufacturer=_display("vaccine-mah-manf", entry.get("ma")),
        uvci=nfc(entry.get("ci")),
        expires_at=expires_at,
        icao_name=icao_name(nam),
        nationality_en=_only_if_different(country_name(country), nationality_vi),
        vaccine_type_en=_only_if_different(_display("vaccine-prophylaxis", entry.get("vp")), vaccine_type),
        dose=dn if isinstance(dn, int) and not isinstance(dn, bool) else 0,
        person=(icao_name(nam) or full_name(nam).upper(), dob),
    )
