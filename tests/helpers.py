"""Helpers shared by the tests: the real command line (in process or as a subprocess), free ports, paths."""

from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str

    @property
    def json(self) -> Any:
        return json.loads(self.stdout)


# The account the tests sign in with: the demo administrator (see desktop/demo/accounts.py).
TEST_USER = "quantri"
TEST_PASSWORD = "quantri-demo"


def signed_in_env(workspace: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of a ``main.py`` subprocess signed in as the test administrator."""
    if workspace is not None:
        ensure_test_administrator(workspace)
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "VAXDESK_USER": TEST_USER,
            "VAXDESK_PASSWORD": TEST_PASSWORD, **extra}


def ensure_test_administrator(workspace: Path) -> None:
    """Give a workspace without accounts (created here if missing) the test administrator."""
    from desktop import accounts
    from desktop.workspace import Workspace

    ws = Workspace.open(workspace)
    try:
        if not accounts.has_accounts(ws):
            accounts.create_administrator(ws, TEST_USER, TEST_PASSWORD, "Test")
    finally:
        ws.close()


def run_cli(*args: str, workspace: Path | None = None, stdin: str | None = None, env: dict[str, str] | None = None,
            timeout: float = 300, sign_in: bool = True, process: bool | None = None) -> CliResult:
    """Run the command line ``[--workspace W] ARGS`` and capture everything.

    Signed in as the test administrator (``VAXDESK_USER``/``VAXDESK_PASSWORD``, which ``env`` may override)
    unless ``sign_in`` is false; a workspace with a database and no account gets that administrator first.
    In the test process by default; as ``python main.py`` in a subprocess when ``process`` is true or
    ``env`` is given (variables such as SOFTHSM2_CONF are read once per process).
    """
    cmd = []
    if workspace is not None:
        cmd += ["--workspace", str(workspace)]
    cmd += list(args)
    credentials = {"VAXDESK_USER": TEST_USER, "VAXDESK_PASSWORD": TEST_PASSWORD} if sign_in else \
        {"VAXDESK_USER": "", "VAXDESK_PASSWORD": ""}
    if sign_in and workspace is not None and _command_of(list(args)) not in (None, "demo", "verify"):
        ensure_test_administrator(workspace)
    if process is None:
        process = env is not None
    if not process:
        # in process, ``env`` reaches the command line's own variables (the sign-in), not os.environ
        return _run_in_process(cmd, stdin, {**os.environ, **credentials, **(env or {})})
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **credentials, **(env or {})}
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), *cmd], input=stdin, capture_output=True, text=True,
                          timeout=timeout, env=full_env, cwd=ROOT)
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def _command_of(args: list[str]) -> str | None:
    from desktop.cli import _command_of as command_of

    return command_of(args)


def _run_in_process(argv: list[str], stdin: str | None, environ: dict[str, str]) -> CliResult:
    import desktop.cli
    from desktop.i18n import current_language, set_language

    language = current_language()
    set_language("vi")
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = desktop.cli.main(argv, stdin=io.StringIO(stdin or ""), environ=environ)
    finally:
        set_language(language)
    return CliResult(code, out.getvalue(), err.getvalue())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def self_signed_tls(folder: Path) -> tuple[Path, Path]:
    """A self-signed P-256 certificate for 127.0.0.1 and its key, written as PEM files in ``folder``."""
    import ipaddress
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(hours=1))
            .not_valid_after(now + timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / "tls.pem", folder / "tls-key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file
