"""``central …``: run and administer the reference central countersigning service."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.cli import PUBLIC
from desktop.errors import UserError
from desktop.i18n import tr

HSM_PIN_ENV = "VAXDESK_CENTRAL_HSM_PIN"
PASSPHRASE_ENV = "VAXDESK_CENTRAL_KEY_PASSPHRASE"


def register(subparsers) -> None:
    parser = subparsers.add_parser("central", help="the reference central countersigning service")
    # the service side: it works on its own data folder, never on a workspace
    parser.set_defaults(permission=PUBLIC)
    sub = parser.add_subparsers(dest="central_command", required=True)

    serve = sub.add_parser("serve", help="run the service (127.0.0.1 unless --host says otherwise)")
    _data(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--tls-cert", type=Path, help="PEM certificate for HTTPS")
    serve.add_argument("--tls-key", type=Path, help="PEM key for HTTPS")
    serve.add_argument("--workers", type=int, help="signing processes (default: one per CPU core; 0: in-process)")
    serve.add_argument("--max-body-mib", type=float, help="largest request accepted (default 64)")
    serve.add_argument("--max-records", type=int, help="most records per batch (default 20000)")
    serve.add_argument("--docs", action="store_true", help="also serve the OpenAPI pages (/docs, /redoc, /openapi.json)")
    serve.add_argument("--drain-seconds", type=float, default=0.0,
                       help="on SIGTERM, keep answering this long with /readyz at 503 before closing the port "
                            "(for a load balancer that polls readiness; default 0)")
    serve.add_argument("--graceful-timeout", type=float, default=30.0,
                       help="on SIGTERM, the longest wait for requests in progress to finish (default 30 s)")
    serve.set_defaults(handler=run_serve)

    init = sub.add_parser("init", help="create a data folder: demo CSCA, Document Signer key and certificate, database")
    _data(init)
    init.add_argument("--algorithm", choices=("PS256", "ES256"), default="PS256")
    init.add_argument("--hsm-module", help="PKCS#11 module of an HSM to hold the DSC key (PIN from "
                                           f"{HSM_PIN_ENV})")
    init.add_argument("--hsm-label", help="label of the HSM token")
    init.add_argument("--hsm-key-label", default="vaxdesk-dsc", help="label of the key on the HSM")
    init.add_argument("--force", action="store_true", help="replace the keys of an existing data folder")
    init.add_argument("--store-passphrase", action="store_true",
                      help=f"make a key passphrase and keep it beside the key (demo and test folders; otherwise "
                           f"the passphrase comes from {PASSPHRASE_ENV} or a prompt)")
    init.set_defaults(handler=run_init)

    replica = sub.add_parser("replica-key", help="a data folder for a replica with a Document Signer key of its "
                                                 "own, issued by this folder's CSCA")
    replica.add_argument("--data", type=Path, required=True, help="the shared data folder (holds the CSCA key)")
    replica.add_argument("--out", type=Path, required=True, help="the replica's new data folder")
    replica.add_argument("--algorithm", choices=("PS256", "ES256"), help="default: the shared folder's")
    replica.set_defaults(handler=run_replica_key)

    facility = sub.add_parser("facility", help="facilities allowed to submit")
    fsub = facility.add_subparsers(dest="facility_command", required=True)
    fadd = fsub.add_parser("add", help="register a facility and its token certificate")
    _data(fadd)
    fadd.add_argument("--code", required=True)
    fadd.add_argument("--name", default="")
    fadd.add_argument("--certificate", type=Path, required=True, help="PEM certificate of the facility's token")
    fadd.add_argument("--new-credential", action="store_true", help="replace the facility's read credential")
    fadd.set_defaults(handler=run_facility_add)

    agency = sub.add_parser("agency", help="focal agencies (Sở Y tế, CDC) signing for several facilities")
    asub = agency.add_subparsers(dest="agency_command", required=True)
    aadd = asub.add_parser("add", help="register a focal agency")
    _data(aadd)
    aadd.add_argument("--code", required=True)
    aadd.add_argument("--name", default="")
    aadd.add_argument("--certificate", type=Path, required=True)
    aadd.add_argument("--facilities", required=True, help="comma-separated facility codes")
    aadd.add_argument("--new-credential", action="store_true", help="replace the agency's read credential")
    aadd.set_defaults(handler=run_agency_add)

    cred = sub.add_parser("credential", help="issue a new bearer credential to a registered facility or agency "
                                             "(the old one stops working)")
    _data(cred)
    cred.add_argument("--code", required=True)
    cred.set_defaults(handler=run_credential)

    trust = sub.add_parser("trust-ca", help="trust a Ministry CA for facility certificates")
    _data(trust)
    trust.add_argument("--certificate", type=Path, required=True)
    trust.set_defaults(handler=run_trust_ca)

    publish = sub.add_parser("publish-update", help="sign and publish a value set, vaccine table or trust list update")
    publish.add_argument("--data", type=Path, required=True, help="the central service's data folder")
    publish.add_argument("--kind", choices=("valuesets", "vaccines", "trustlist"), required=True)
    publish.add_argument("--version", required=True, help="e.g. 2.13.0; must be greater than the published one")
    publish.add_argument("file", type=Path, help="the payload: a JSON file (for valuesets: a folder of them)")
    publish.set_defaults(handler=run_publish_update)

    revoke = sub.add_parser("revoke-signer", help="stop a facility or agency certificate from signing")
    _data(revoke)
    revoke.add_argument("--certificate", type=Path, required=True)
    revoke.add_argument("--reason", default="")
    revoke.set_defaults(handler=run_revoke_signer)


def _data(parser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="the service's data folder")
    parser.add_argument("--database-url", help="SQLAlchemy URL (default: central.sqlite3 in the data folder)")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError(tr("Không đọc được {file}: {err}", "Cannot read {file}: {err}", file=str(path),
                           err=exc.strerror or str(exc)), code="file_unreadable") from exc


def run_serve(args, ctx) -> None:
    from services.central.server import check_port_free, serve
    from services.central.service import CentralService

    check_port_free(args.host, args.port)
    service = CentralService(args.data, database_url=args.database_url, workers=args.workers,
                             passphrase=_prompted_passphrase(args.data, confirm=False))
    if args.max_body_mib:
        service.config.max_body_bytes = int(args.max_body_mib * 1024 * 1024)
    if args.max_records:
        service.config.max_records = args.max_records
    scheme = "https" if args.tls_cert else "http"
    ctx.err(tr("Dịch vụ trung ương chạy tại {url} (Ctrl+C để dừng)", "Central service at {url} (Ctrl+C stops it)",
               url=f"{scheme}://{args.host}:{args.port}"))
    service.countersigner.warm_up()
    serve(service, args.host, args.port, args.tls_cert, args.tls_key, docs=args.docs,
          drain_seconds=args.drain_seconds, graceful_timeout=args.graceful_timeout)
    return None


def run_replica_key(args, ctx) -> dict:
    from services.central.setup import replica_folder

    return replica_folder(args.data, args.out, args.algorithm)


def run_init(args, ctx) -> dict:
    from services.central.setup import init_data

    hsm = None
    if args.hsm_module:
        pin = os.environ.get(HSM_PIN_ENV)
        if not pin or not args.hsm_label:
            raise UserError(tr("Dùng HSM cần --hsm-label và mã PIN trong biến {env}.",
                               "An HSM needs --hsm-label and the PIN in {env}.", env=HSM_PIN_ENV), code="hsm_incomplete")
        hsm = {"module": args.hsm_module, "token_label": args.hsm_label, "key_label": args.hsm_key_label}
    passphrase = None
    if not args.store_passphrase and not os.environ.get(PASSPHRASE_ENV):
        typed = _prompted_passphrase(args.data, confirm=True)
        passphrase = typed.decode("utf-8") if typed else None
    return init_data(args.data, algorithm=args.algorithm, database_url=args.database_url or "", hsm=hsm,
                     force=args.force, store_passphrase=args.store_passphrase, passphrase=passphrase)


def _prompted_passphrase(data: Path, confirm: bool) -> bytes | None:
    """The key passphrase typed at a terminal, when neither the environment nor a stored file has
    it; None without a terminal (the service then names the variable to set)."""
    import getpass
    import sys

    from services.central.config import DataFolder
    from services.central.keys import passphrase_available

    folder = DataFolder(data)
    if passphrase_available(folder.path) or not sys.stdin.isatty():
        return None
    if not confirm:
        try:
            if folder.load_config().key.get("kind") == "pkcs11":
                return None
        except UserError:
            return None
    first = getpass.getpass(str(tr("Mật khẩu khoá ký: ", "Signing key passphrase: ")))
    if confirm and getpass.getpass(str(tr("Nhập lại: ", "Again: "))) != first:
        raise UserError(tr("Hai lần nhập không khớp.", "The two entries differ."), code="passphrase_mismatch")
    return first.encode("utf-8") if first else None


def run_facility_add(args, ctx) -> dict:
    from services.central.setup import register as reg

    return reg(args.data, "facility", args.database_url, code=args.code, name=args.name,
               certificate=_read(args.certificate), new_credential=args.new_credential)


def run_agency_add(args, ctx) -> dict:
    from services.central.setup import register as reg

    return reg(args.data, "agency", args.database_url, code=args.code, name=args.name,
               certificate=_read(args.certificate), facilities=[c for c in args.facilities.split(",") if c.strip()],
               new_credential=args.new_credential)


def run_credential(args, ctx) -> dict:
    from services.central.setup import register as reg

    return reg(args.data, "credential", args.database_url, code=args.code)


def run_trust_ca(args, ctx) -> dict:
    from services.central.setup import register as reg

    return reg(args.data, "trust_ca", args.database_url, certificate=_read(args.certificate))


def run_revoke_signer(args, ctx) -> dict:
    from services.central.setup import register as reg

    return reg(args.data, "revoke_signer", args.database_url, certificate=_read(args.certificate), reason=args.reason)


def run_publish_update(args, ctx) -> dict:
    """Sign a payload with the service's update key and store it where ``GET /v1/updates/{kind}`` serves it."""
    from desktop.cli.update import payload_file
    from services.central.updates import publish_update

    return publish_update(args.data, args.kind, args.version, payload_file(args.kind, args.file))
