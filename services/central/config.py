"""The central service's data folder: settings, certificates, the encrypted key, the database.

    DATA/central.json        settings (algorithm, key location, database URL, limits)
    DATA/central.sqlite3     the database, unless ``database_url`` points elsewhere (PostgreSQL)
    DATA/csca.pem            the country signing CA certificate (demo: self-signed "VN CSCA demo")
    DATA/csca-key.pem        its key, PKCS#8 encrypted with the key passphrase
    DATA/dsc.pem             the Document Signer certificate; its kid is SHA-256(DER)[:8]
    DATA/dsc-key.pem         the DSC key, PKCS#8 encrypted (absent when the key is on an HSM)
    DATA/key-passphrase      the passphrase, mode 0600, only in a folder made with --store-passphrase
    DATA/person-key          the secret keying the person+dose uniqueness hash, mode 0600
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desktop.errors import UserError
from desktop.i18n import tr

CONFIG_FILE = "central.json"
DATABASE_URL_ENV = "VAXDESK_CENTRAL_DATABASE_URL"
DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_RECORDS = 20_000


@dataclass
class CentralConfig:
    algorithm: str = "PS256"
    key: dict[str, Any] = field(default_factory=lambda: {"kind": "file", "path": "dsc-key.pem"})
    database_url: str = ""
    validity_days: int = 365
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_records: int = DEFAULT_MAX_RECORDS
    workers: int | None = None  # signing processes; None: one per CPU core
    issuer_text: str = "Cục Y tế dự phòng / Ministry of Health of Viet Nam"


class DataFolder:
    def __init__(self, path: Path | str):
        self.path = Path(path).resolve()

    def file(self, name: str) -> Path:
        return self.path / name

    @property
    def exists(self) -> bool:
        return self.file(CONFIG_FILE).exists()

    def load_config(self) -> CentralConfig:
        if not self.exists:
            raise UserError(
                tr("{path} không phải thư mục dữ liệu của dịch vụ trung ương; hãy chạy \"central init --data {path}\".",
                   "{path} is not a central service data folder; run \"central init --data {path}\" first.",
                   path=str(self.path)),
                code="central_no_data")
        try:
            raw = json.loads(self.file(CONFIG_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(tr("Không đọc được {file}: {err}", "Cannot read {file}: {err}",
                               file=str(self.file(CONFIG_FILE)), err=str(exc)), code="central_config_unreadable") from exc
        known = set(CentralConfig.__dataclass_fields__)
        return CentralConfig(**{k: v for k, v in raw.items() if k in known})

    def save_config(self, config: CentralConfig) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        tmp = self.file(CONFIG_FILE + ".tmp")
        tmp.write_text(json.dumps(asdict(config), indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.file(CONFIG_FILE))

    def database_url(self, config: CentralConfig, override: str | None = None) -> str:
        """``--database-url``, else ``VAXDESK_CENTRAL_DATABASE_URL`` (keeps a password out of files),
        else ``database_url`` in central.json, else central.sqlite3 in the folder."""
        return (override or os.environ.get(DATABASE_URL_ENV) or config.database_url
                or f"sqlite:///{self.file('central.sqlite3')}")
