"""Check a certificate someone shows: an HC1 string or a photo/scan of its QR, offline.

The trust list is the one sync last cached from the central service (``pki/trustlist.json``,
the same document the central serves), with the revocation list cached next to it, merged with
the signing certificates imported from other countries (``pki/foreign-trust.json``, see
``desktop.dcc.trust_import``); a trust list file named by the clerk can be used instead. Foreign
EU certificates verify when their signer's certificate is in either list. A verdict carries
what the page shows: a plain-words summary, and the fields of a vaccination, test or recovery.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.dcc.hc1 import VerificationResult, verify_hc1
from desktop.dcc.problems import plain_message
from desktop.dcc.qr import read_qr_text
from desktop.dcc.trust_import import foreign_trust_path, load_foreign
from desktop.dcc.trustlist import TrustList, workspace_trust_list_path
from desktop.dcc.valuesets import value_set
from desktop.errors import UserError
from desktop.i18n import Message, format_date, tr
from desktop.printing.form import FIELDS, CertificateForm, form_from_dcc, full_name
from desktop.workspace import Workspace


@dataclass(frozen=True)
class TrustSource:
    trust_list: TrustList | None
    path: str  # where it came from ("" when there is none)
    certificates: int
    revocations: int
    imported: int = 0  # of ``certificates``, how many came from other publishers (trust import)


KIND_TITLES = {
    "v": ("Chứng nhận tiêm chủng", "Vaccination certificate"),
    "t": ("Chứng nhận xét nghiệm", "Test certificate"),
    "r": ("Chứng nhận khỏi bệnh", "Recovery certificate"),
}

# (key, Vietnamese label, English label) of what a test or a recovery certificate shows; a
# vaccination shows the printed form's fields (desktop.printing.form.FIELDS).
TEST_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("full_name", "Họ và tên", "Full name"),
    ("date_of_birth", "Ngày sinh", "Date of birth"),
    ("disease", "Bệnh", "Disease"),
    ("test_type", "Loại xét nghiệm", "Type of test"),
    ("test_name", "Tên xét nghiệm", "Test name"),
    ("test_device", "Bộ xét nghiệm nhanh", "Rapid test device"),
    ("sample_time", "Thời điểm lấy mẫu", "Sample collected at"),
    ("test_result", "Kết quả", "Result"),
    ("test_centre", "Nơi xét nghiệm", "Testing centre"),
    ("country", "Nước", "Country"),
    ("issuer", "Cơ quan cấp", "Issued by"),
    ("uvci", "Mã chứng nhận", "Certificate identifier"),
)
RECOVERY_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("full_name", "Họ và tên", "Full name"),
    ("date_of_birth", "Ngày sinh", "Date of birth"),
    ("disease", "Bệnh", "Disease"),
    ("first_positive", "Ngày xét nghiệm dương tính đầu tiên", "First positive test"),
    ("valid_from", "Có hiệu lực từ", "Valid from"),
    ("valid_until", "Có hiệu lực đến", "Valid until"),
    ("country", "Nước", "Country"),
    ("issuer", "Cơ quan cấp", "Issued by"),
    ("uvci", "Mã chứng nhận", "Certificate identifier"),
)


@dataclass(frozen=True)
class Verdict:
    """What the verify page and ``verify`` show: the verdict, each problem, the decoded content."""

    text: str
    result: VerificationResult
    form: CertificateForm | None
    source: TrustSource
    kind: str | None = None  # "v", "t" or "r": which entry the certificate holds
    rows: tuple[tuple[str, str, str, str], ...] = ()  # (key, Vietnamese label, English label, value)

    @property
    def summary(self) -> Message:
        """The main line: the first error in plain words (no codes, no library messages)."""
        first = next((p for p in self.result.problems if p.severity == "error"), None)
        if first is None:
            return tr("Chứng nhận hợp lệ.", "The certificate is valid.")
        return plain_message(first)

    def as_dict(self) -> dict[str, Any]:
        return {**self.result.as_dict(), "trust_list": self.source.path,
                "form": {k: v for k, v in self.form.__dict__.items() if k != "hc1"} if self.form else None}


def load_trust(workspace: Workspace | None, path: str | Path | None = None) -> TrustSource:
    """The trust list to verify with: ``path`` if given, else the workspace's cached one (or none)."""
    candidates = [Path(path)] if path else _cached_paths(workspace)
    foreign = load_foreign(workspace.path) if workspace is not None and not path else None
    for candidate in candidates:
        if candidate.is_file():
            trust = TrustList.load(candidate)
            if workspace is not None and not path:
                _add_cached_revocations(workspace, trust)
            imported = trust.merge(foreign) if foreign is not None else 0
            return TrustSource(trust, str(candidate), len(trust), len(trust.revocations), imported)
    if foreign is not None:
        return TrustSource(foreign, str(foreign_trust_path(workspace.path)), len(foreign),  # type: ignore[union-attr]
                           len(foreign.revocations), len(foreign))
    return TrustSource(None, "", 0, 0)


def _cached_paths(workspace: Workspace | None) -> list[Path]:
    if workspace is None:
        return []
    paths = []
    try:
        from desktop.sync.trust_cache import trust_list_path

        paths.append(trust_list_path(workspace))
    except ImportError:
        pass
    paths.append(workspace_trust_list_path(workspace.path))
    return paths


def _add_cached_revocations(workspace: Workspace, trust: TrustList) -> None:
    try:
        from desktop.sync.trust_cache import load_revocations
    except ImportError:
        return
    for entry in load_revocations(workspace):
        if not trust.is_revoked(entry["uvci"]):
            trust.revoke(entry["uvci"], str(entry.get("reason") or "revoked"), _time(entry.get("revoked_at")))


def _time(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def verify_text(text: str, source: TrustSource, now: datetime | None = None) -> Verdict:
    text = (text or "").strip()
    if not text:
        raise UserError(tr("Hãy dán chuỗi HC1 hoặc mở ảnh mã QR.", "Paste an HC1 string or open a picture of the QR."),
                        code="nothing_to_verify")
    result = verify_hc1(text, source.trust_list, now=now)
    dcc = result.dcc if isinstance(result.dcc, dict) else {}
    kind = next((key for key in ("v", "t", "r") if _entry(dcc, key) is not None), None)
    form = _vaccination_form(text, dcc) if kind == "v" else None
    return Verdict(text, result, form, source, kind, _rows(kind, dcc, form))


def _entry(dcc: dict[str, Any], key: str) -> dict[str, Any] | None:
    entries = dcc.get(key)
    if isinstance(entries, list) and entries and isinstance(entries[0], dict):
        return entries[0]
    return None


def _vaccination_form(text: str, dcc: dict[str, Any]) -> CertificateForm | None:
    try:
        return form_from_dcc(text, dcc)
    except (TypeError, ValueError, AttributeError, KeyError):
        return None  # a malformed payload is shown through its problems, not its content


def _rows(kind: str | None, dcc: dict[str, Any], form: CertificateForm | None) -> tuple[tuple[str, str, str, str], ...]:
    if kind == "v":
        return tuple((key, vi, en, form.shown(key)) for key, vi, en in FIELDS) if form else ()
    entry = _entry(dcc, kind) if kind else None
    if entry is None:
        return ()
    found = dcc.get("nam")
    nam: dict[str, Any] = found if isinstance(found, dict) else {}
    values = {
        "full_name": _text(full_name(nam)), "date_of_birth": format_date(_text(dcc.get("dob"))),
        "disease": _coded("disease-agent-targeted", entry.get("tg")),
        "test_type": _coded("test-type", entry.get("tt")), "test_name": _text(entry.get("nm")),
        "test_device": _coded("test-manf-example", entry.get("ma")),
        "sample_time": _moment_text(entry.get("sc")), "test_result": _coded("test-result", entry.get("tr")),
        "test_centre": _text(entry.get("tc")), "country": _coded("country-2-codes", entry.get("co")),
        "issuer": _text(entry.get("is")), "uvci": _text(entry.get("ci")),
        "first_positive": format_date(_text(entry.get("fr"))), "valid_from": format_date(_text(entry.get("df"))),
        "valid_until": format_date(_text(entry.get("du"))),
    }
    fields = TEST_FIELDS if kind == "t" else RECOVERY_FIELDS
    return tuple((key, vi, en, values[key]) for key, vi, en in fields)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _coded(set_name: str, code: Any) -> str:
    if not isinstance(code, str):
        return ""
    return value_set(set_name).display.get(code, code)


def _moment_text(value: Any) -> str:
    """A date-time as dd/mm/yyyy hh:mm UTC (the schema's sc carries an offset)."""
    text = _text(value)
    try:
        moment = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return text
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{format_date(moment.date().isoformat())} {moment:%H:%M} UTC"


def verify_image(path: str | Path, source: TrustSource, now: datetime | None = None) -> Verdict:
    """Read the QR from a photo or scan (zxing-cpp), then verify its text."""
    return verify_text(read_qr_text(path), source, now)
