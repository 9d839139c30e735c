"""Settings are validated before saving; each capability's "test connection" against real servers and SoftHSM."""

from __future__ import annotations

import json
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from desktop.errors import UserError
from desktop.registry.connection import check_registry
from desktop.settings import validate_setting
from desktop.settings_changes import apply_settings
from desktop.signing.connection import check_token, token_module_choices
from desktop.sync.connection import check_central
from tests.helpers import run_cli


class _Server:
    """A real HTTP server on a free port answering with a chosen status."""

    def __init__(self, status: int = 200, body: dict | None = None):
        seen = self.seen = []

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                seen.append((self.command, self.path, self.headers.get("Authorization"),
                             self.rfile.read(length) if length else b""))
                data = json.dumps(body if body is not None else {}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


@pytest.mark.parametrize(("status", "ok", "code"), [
    (200, True, "ok"), (400, True, "ok"), (401, False, "bad_token"), (403, False, "bad_token"),
    (503, False, "unavailable"),
])
def test_registry_check(status, ok, code):
    with _Server(status, {"results": []}) as server:
        result = check_registry(server.url + "/", "tok-123", timeout=5)
    assert (result.ok, result.code) == (ok, code)
    method, path, auth, body = server.seen[0]
    assert (method, path, auth) == ("POST", "/v1/citizens:lookup", "Bearer tok-123")
    assert len(json.loads(body)["requests"]) == 1
    if status in (401, 403):
        assert "mã truy cập" in result.message.vi and "token" in result.message.en


def test_central_check():
    with _Server(200, {"status": "ok"}) as server:
        assert check_central(server.url, timeout=5).ok
    assert server.seen[0][:2] == ("GET", "/v1/health")
    with _Server(200, {"status": "starting"}) as server:
        assert not check_central(server.url, timeout=5).ok
    with _Server(404) as server:
        assert check_central(server.url, timeout=5).code == "unavailable"


def test_unreachable_and_unconfigured():
    with _Server() as server:
        url = server.url
    result = check_central(url, timeout=2)  # the port is closed now
    assert result.code == "unreachable" and url in result.message.vi
    assert check_registry("", "").code == "not_configured"
    assert check_token("").code == "not_configured"
    assert check_token("/nonexistent/libvendor.so").code == "no_module"


def test_a_file_that_is_not_a_pkcs11_module_fails_plainly(tmp_path):
    fake = tmp_path / "not-a-module.so"
    fake.write_bytes(b"\x7fELF nonsense")
    result = check_token(str(fake))
    assert result.code == "module_failed" and str(fake) in result.message.en


@pytest.mark.parametrize(("key", "value", "expected"), [
    ("registry_batch_size", "250", 250), ("idle_lock_minutes", "0", 0), ("language", "en", "en"),
    ("registry_url", " https://registry.example.vn/api/ ", "https://registry.example.vn/api"),
    ("central_url", "http://127.0.0.1:8080", "http://127.0.0.1:8080"), ("registry_url", "", ""),
    ("facility_code", "01001", "01001"), ("focal_agency", "yes", True),
    ("represented_facilities", "01001, 01002", ["01001", "01002"]), ("registry_timeout", "2.5", 2.5),
    ("token_module", r"C:\Windows\System32\vnptca_p11_v8.dll", r"C:\Windows\System32\vnptca_p11_v8.dll"),
])
def test_valid_settings(key, value, expected):
    assert validate_setting(key, value) == expected


@pytest.mark.parametrize(("key", "value"), [
    ("registry_batch_size", "501"), ("registry_batch_size", "0"), ("registry_batch_size", "ten"),
    ("batch_size", "2.5"), ("idle_lock_minutes", "-1"), ("language", "fr"), ("registry_url", "registry.vn"),
    ("central_url", "ftp://x"), ("facility_code", "01 001"), ("facility_name", ""), ("signing_algorithm", "MD5"),
    ("focal_agency", "maybe"), ("central_ca_file", "/no/such/file.pem"), ("no_such_key", "1"),
])
def test_invalid_settings_are_refused_naming_the_setting(key, value):
    with pytest.raises(UserError) as err:
        validate_setting(key, value)
    assert key in err.value.message.vi and key in err.value.message.en


def test_settings_cli_show_set_and_secrets(tmp_path):
    ws = tmp_path / "ws"
    assert run_cli("--json", "settings", "set", "registry_batch_size", "200", workspace=ws).json["value"] == 200
    bad = run_cli("settings", "set", "registry_batch_size", "9000", workspace=ws)
    assert bad.code == 1 and "1–500" in bad.stderr
    refused = run_cli("settings", "set", "registry_token", "abc", workspace=ws)
    assert refused.code == 1 and "stdin" in refused.stderr
    ok = run_cli("--json", "settings", "set", "registry_token", "--value-stdin", workspace=ws, stdin="s3cret-token\n")
    assert ok.code == 0 and "s3cret-token" not in ok.stdout
    shown = {s["key"]: s for s in run_cli("--json", "settings", "show", workspace=ws).json}
    assert shown["registry_batch_size"]["value"] == 200
    assert shown["registry_token"] == {**shown["registry_token"], "value": True, "secret": True}
    assert "s3cret-token" not in (ws / "settings.json").read_text()
    assert "s3cret-token" in (ws / "secrets.json").read_text()


def test_settings_cli_tests_central(tmp_path):
    ws = tmp_path / "ws"
    with _Server(200, {"status": "ok"}) as server:
        assert run_cli("settings", "set", "central_url", server.url, workspace=ws).code == 0
        result = run_cli("--json", "settings", "test", "central", workspace=ws)
    assert result.code == 0 and result.json["ok"] is True
    down = run_cli("--lang", "en", "settings", "test", "central", workspace=ws)
    assert down.code == 1 and "Cannot reach the central service" in down.stderr


def test_token_check_lists_softhsm_tokens_by_label(tmp_path):
    module = "/usr/lib/softhsm/libsofthsm2.so"
    tokens = tmp_path / "tokens"
    tokens.mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    env = {"SOFTHSM2_CONF": str(conf)}
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "Bach Mai CA", "--so-pin", "87654321",
                    "--pin", "12345678"], check=True, capture_output=True, env={**__import__("os").environ, **env})
    ws = tmp_path / "ws"
    assert run_cli("settings", "set", "token_module", module, workspace=ws).code == 0
    assert run_cli("settings", "set", "token_label", "Bach Mai CA", workspace=ws).code == 0
    found = run_cli("--json", "settings", "test", "token", workspace=ws, env=env)
    assert found.code == 0, found.stderr
    assert [t["label"] for t in found.json["tokens"]] == ["Bach Mai CA"]
    assert run_cli("settings", "set", "token_label", "Other", workspace=ws).code == 0
    wrong = run_cli("--lang", "en", "settings", "test", "token", workspace=ws, env=env)
    assert wrong.code == 1 and "Bach Mai CA" in wrong.stderr and "Other" in wrong.stderr


def test_apply_settings_reports_every_problem_and_audits_changes(workspace):
    from sqlalchemy import select

    from desktop.models import AuditEvent

    with pytest.raises(UserError) as err:
        apply_settings(workspace, {"registry_batch_size": "900", "language": "fr",
                                               "facility_name": "BV E"}, actor="quantri")
    assert "registry_batch_size" in err.value.message.vi and "language" in err.value.message.en
    assert err.value.message.vi.startswith("Có 2 cài đặt")
    assert workspace.settings.get("facility_name") == "Bệnh viện Bạch Mai"  # nothing half-applied
    stored = apply_settings(workspace, {"registry_batch_size": "100", "registry_token": "tok-9",
                                        "facility_name": "Bệnh viện E"}, actor="quantri")
    assert stored == {"registry_batch_size": 100, "registry_token": True, "facility_name": "Bệnh viện E"}
    from desktop.workspace import Workspace

    again = Workspace.open(workspace.path)
    assert again.settings.get("registry_batch_size") == 100 and again.settings.get("registry_token") == "tok-9"
    with workspace.db.session() as s:
        event = s.execute(select(AuditEvent).where(AuditEvent.action == "settings_changed")).scalar_one()
        assert event.actor == "quantri"
        assert event.after == {"registry_batch_size": 100, "registry_token": "***", "facility_name": "Bệnh viện E"}
        assert "tok-9" not in repr((event.before, event.after))


def test_token_choices_are_the_one_module_list():
    from desktop.signing.modules import KNOWN_MODULES

    assert [name for name, _where in token_module_choices()] == list(KNOWN_MODULES)


def test_token_listing_runs_on_the_token_thread(tmp_path, monkeypatch):
    import threading

    from desktop.signing import connection

    seen = []

    def listing(path):
        seen.append(threading.current_thread().name)
        return [{"label": "A", "serial": "1", "manufacturer": "m", "model": "x"}]

    module = tmp_path / "libvendor.so"
    module.write_bytes(b"")
    monkeypatch.setattr(connection, "_list_tokens", listing)
    result = check_token(str(module), "A")
    assert result.ok and seen == [seen[0]] and seen[0].startswith("vaxdesk-token")
