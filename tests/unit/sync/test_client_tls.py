"""The sync client's TLS: an https address is verified (the system's trust store, or the configured
CA file); a plain-HTTP address does not load the system's trust store, and its client refuses TLS."""

from __future__ import annotations

import json
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from desktop.sync.client import CentralClient
from tests.helpers import self_signed_tls


class _Health(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        body = json.dumps({"status": "ok"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def tls_server(tmp_path):
    cert_file, key_file = self_signed_tls(tmp_path)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1], cert_file
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@pytest.fixture
def plain_server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_https_with_the_configured_ca_is_trusted(tls_server):
    port, cert_file = tls_server
    with CentralClient(f"https://127.0.0.1:{port}", 10, str(cert_file)) as client:
        assert client.health()


def test_https_without_a_ca_file_refuses_a_certificate_the_system_does_not_trust(tls_server):
    port, _ = tls_server
    with CentralClient(f"https://127.0.0.1:{port}", 10) as client:
        assert not client.health()
    with CentralClient(f"HTTPS://127.0.0.1:{port}", 10) as client:
        assert not client.health()


def test_plain_http_works_and_loads_no_trust_store(plain_server, monkeypatch):
    loaded = []
    original = ssl.SSLContext.load_verify_locations

    def spy(self, *args, **kwargs):
        loaded.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ssl.SSLContext, "load_verify_locations", spy)
    with CentralClient(f"http://127.0.0.1:{plain_server}", 10) as client:
        assert client.health()
    assert loaded == []
