"""Creating a central data folder and registering who may submit (``central init``, ``facility add``…)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from cryptography import x509

from desktop.dcc.cose import kid_for_certificate
from desktop.errors import UserError
from desktop.i18n import tr
from services.central import credentials, keys, signers
from services.central.config import CentralConfig, DataFolder
from services.central.models import Agency, Facility
from services.central.service import PERSON_KEY_FILE
from services.central.storage import CentralDatabase


def init_data(data_dir: Path | str, algorithm: str = "PS256", database_url: str = "",
              hsm: dict[str, Any] | None = None, force: bool = False, store_passphrase: bool = False,
              passphrase: str | None = None) -> dict[str, Any]:
    """A new data folder: demo CSCA, DSC key (encrypted file or HSM) and certificate, database.

    The keys are encrypted with ``passphrase``, else ``VAXDESK_CENTRAL_KEY_PASSPHRASE``; only with
    ``store_passphrase`` (a demo or test folder) is a new passphrase made and kept beside the key.
    """
    data = DataFolder(data_dir)
    if data.exists and not force:
        raise UserError(tr("{path} đã là thư mục dữ liệu của dịch vụ trung ương.",
                           "{path} is already a central service data folder.", path=str(data.path)),
                        code="central_exists")
    if algorithm not in ("PS256", "ES256"):
        raise UserError(tr("Thuật toán {alg} không được hỗ trợ (PS256 hoặc ES256).",
                           "The algorithm {alg} is not supported (PS256 or ES256).", alg=algorithm), code="bad_algorithm")
    given = passphrase or os.environ.get(keys.PASSPHRASE_ENV)
    if not given and not store_passphrase:
        raise UserError(
            tr("Cần mật khẩu cho khoá ký: đặt biến môi trường {env} (hoặc dùng --store-passphrase cho thư mục thử "
               "nghiệm, mật khẩu sẽ nằm cạnh khoá).",
               "The signing key needs a passphrase: set {env} (or use --store-passphrase for a test folder, which "
               "keeps the passphrase beside the key).", env=keys.PASSPHRASE_ENV),
            code="key_passphrase_missing")
    data.path.mkdir(parents=True, exist_ok=True)
    os.chmod(data.path, 0o700)
    secret = (given or keys.new_passphrase()).encode("utf-8")
    if not given:
        keys.write_private(data.file(keys.PASSPHRASE_FILE), secret)
    passphrase_bytes = secret
    csca_key, csca = keys.create_csca()
    keys.write_private(data.file("csca-key.pem"), keys.encrypt_key(csca_key, passphrase_bytes))
    data.file("csca.pem").write_bytes(keys.pem(csca))
    config = CentralConfig(algorithm=algorithm, database_url=database_url)
    if hsm:
        from services.central.hsm import generate_hsm_key

        public_key = generate_hsm_key(hsm, algorithm)
        config.key = {"kind": "pkcs11", **{k: v for k, v in hsm.items() if k != "pin"}}
    else:
        private_key = keys.new_private_key(algorithm)
        keys.write_private(data.file("dsc-key.pem"), keys.encrypt_key(private_key, passphrase_bytes))
        public_key = private_key.public_key()
    dsc = keys.issue_dsc(csca_key, csca, public_key)
    data.file("dsc.pem").write_bytes(keys.pem(dsc))
    if not data.file(PERSON_KEY_FILE).exists():
        keys.write_private(data.file(PERSON_KEY_FILE), secrets.token_bytes(32))
    data.save_config(config)
    db = CentralDatabase(data.database_url(config))
    db.dispose()
    return {"data": str(data.path), "algorithm": algorithm, "kid": kid_for_certificate(dsc).hex(),
            "dsc": str(data.file("dsc.pem")), "csca": str(data.file("csca.pem")),
            "key": config.key["kind"], "database": _redact(data.database_url(config)),
            "passphrase": ("given" if passphrase else "environment") if given else str(data.file(keys.PASSPHRASE_FILE))}


def _redact(url: str) -> str:
    """A database URL without its password, for printing."""
    if "://" in url and "@" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}"
    return url


def open_database(data_dir: Path | str, database_url: str | None = None) -> CentralDatabase:
    data = DataFolder(data_dir)
    return CentralDatabase(data.database_url(data.load_config(), database_url))


def register(data_dir: Path | str, action: str, database_url: str | None = None, **kwargs: Any) -> dict[str, Any]:
    """Run one registration (facility, agency, credential, trust-ca, revoke-signer) in one transaction.

    Registering a facility or agency the first time (or with ``new_credential=True``, or the
    ``credential`` action) issues its bearer credential: it is in the result as ``credential``,
    the only time it is ever shown.
    """
    db = open_database(data_dir, database_url)
    try:
        with db.session() as session:
            if action in ("facility", "agency"):
                if action == "facility":
                    result = signers.add_facility(session, kwargs["code"], kwargs.get("name", ""),
                                                  kwargs["certificate"])
                else:
                    result = signers.add_agency(session, kwargs["code"], kwargs["certificate"], kwargs["facilities"],
                                                kwargs.get("name", ""))
                if kwargs.get("new_credential") or not credentials.has_credential(session, result["code"]):
                    result["credential"] = credentials.issue(session, result["code"])
                return result
            if action == "credential":
                code = kwargs["code"]
                if session.get(Facility, code) is None and session.get(Agency, code) is None:
                    raise UserError(tr("Chưa có cơ sở hay đơn vị đầu mối nào mang mã {code}.",
                                       "No facility or focal agency is registered under the code {code}.", code=code),
                                    code="unknown_facility")
                return {"code": code, "credential": credentials.issue(session, code)}
            if action == "trust_ca":
                return signers.trust_ca(session, kwargs["certificate"])
            if action == "revoke_signer":
                return signers.revoke_signer(session, kwargs["certificate"], kwargs.get("reason", ""))
            raise ValueError(action)
    finally:
        db.dispose()


def replica_folder(data_dir: Path | str, out_dir: Path | str, algorithm: str | None = None) -> dict[str, Any]:
    """A data folder for a replica with a Document Signer key of its own.

    ``out_dir`` gets the shared folder's settings, CSCA certificate and person key (the same person
    key, or person+dose uniqueness would not hold across replicas), a link to its published updates,
    and a new DSC key, encrypted
    with the same passphrase, whose certificate the CSCA in ``data_dir`` issues. The CSCA key stays
    where it is. The replica publishes its certificate in the trust list when it starts
    (``services.central.dscs``).
    """
    import shutil

    source, target = DataFolder(data_dir), DataFolder(out_dir)
    config = source.load_config()
    if target.exists:
        raise UserError(tr("{path} đã là thư mục dữ liệu của dịch vụ trung ương.",
                           "{path} is already a central service data folder.", path=str(target.path)),
                        code="central_exists")
    passphrase = keys.read_passphrase(source.path)
    csca_key = keys.load_encrypted_key(source.file("csca-key.pem"), passphrase)
    csca = x509.load_pem_x509_certificate(source.file("csca.pem").read_bytes())
    algorithm = algorithm or config.algorithm
    target.path.mkdir(parents=True, exist_ok=True)
    os.chmod(target.path, 0o700)
    for name in ("csca.pem", PERSON_KEY_FILE, keys.PASSPHRASE_FILE):
        if source.file(name).exists():
            shutil.copy2(source.file(name), target.file(name))
    # published updates (``central publish-update`` on the shared folder) are served by every replica
    from services.central.updates import UPDATES_FOLDER

    source.file(UPDATES_FOLDER).mkdir(exist_ok=True)
    target.file(UPDATES_FOLDER).symlink_to(source.file(UPDATES_FOLDER), target_is_directory=True)
    private_key = keys.new_private_key(algorithm)
    keys.write_private(target.file("dsc-key.pem"), keys.encrypt_key(private_key, passphrase))
    dsc = keys.issue_dsc(csca_key, csca, private_key.public_key())
    target.file("dsc.pem").write_bytes(keys.pem(dsc))
    config.algorithm, config.key = algorithm, {"kind": "file", "path": "dsc-key.pem"}
    target.save_config(config)
    return {"data": str(target.path), "algorithm": algorithm, "kid": kid_for_certificate(dsc).hex(),
            "dsc": str(target.file("dsc.pem"))}


def dsc_certificate(data_dir: Path | str) -> x509.Certificate:
    return x509.load_pem_x509_certificate(DataFolder(data_dir).file("dsc.pem").read_bytes())
