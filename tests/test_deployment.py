"""The deployment recipe as shipped: docs/deploy/nginx.conf, unchanged but for its addresses and
certificate, checked by ``nginx -t`` and run in front of gunicorn with the project's settings."""

from __future__ import annotations

import gzip
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "docs" / "deploy" / "nginx.conf"
CERTIFICATE = "/etc/letsencrypt/live/pariwisata.pakpakbharatkab.go.id/"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing answered on port {port}")


def _site(folder: Path, http_port: int, https_port: int, app_port: int) -> Path:
    """The shipped site with only its ports, upstream and certificate paths changed."""
    openssl = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
               "-subj", "/CN=localhost", "-keyout", str(folder / "privkey.pem"),
               "-out", str(folder / "fullchain.pem")]  # fmt: skip
    subprocess.run(openssl, check=True, capture_output=True)
    text = SITE.read_text()
    for old, new in (
        (CERTIFICATE, f"{folder}/"),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};"),
    ):
        assert old in text, old  # the recipe still has the line the documentation describes
        text = text.replace(old, new)
    text = re.sub(r"^\s*listen \[::\]:\d+.*$", "", text, flags=re.M)  # no IPv6 needed here
    site = folder / "site.conf"
    site.write_text(text)
    main = folder / "nginx.conf"
    temp = " ".join(f"{kind}_temp_path {folder}/{kind};" for kind in
                    ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))  # fmt: skip
    main.write_text(
        f"user root; worker_processes 1; pid {folder}/nginx.pid; error_log {folder}/error.log;\n"
        f"events {{}}\n"
        f"http {{ access_log {folder}/access.log; {temp} include {site}; }}\n"
    )
    return main


@pytest.fixture
def nginx_binary() -> str:
    if NGINX is None:
        if IN_CI:
            pytest.fail("nginx is missing: `make test` installs Debian's nginx")
        pytest.skip("nginx is not installed (make nginx)")
    return NGINX


@pytest.fixture
def gunicorn(migrated: dict, tmp_path: Path) -> Iterator[tuple[int, subprocess.Popen, Path]]:
    """gunicorn with branding.ops.gunicorn_conf on the test database, as behind nginx."""
    port = _free_port()
    log = tmp_path / "gunicorn.log"
    env = {
        **os.environ,
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "DATABASE_URL": migrated["SQLALCHEMY_DATABASE_URI"],
        "SECRET_KEY": "deployment-test",
        "SEARCH_INDEX_DIR": str(tmp_path / "index"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PROXY_COUNT": "1",  # nginx in front, as env.example says
        "JOBS_BACKEND": "immediate",
        "REDIS_URL": "",
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "-c", "python:branding.ops.gunicorn_conf", "wsgi:app"]
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    try:
        _wait_for(port, process)
        yield port, process, log
    finally:
        process.terminate()
        process.wait(30)


def _get(port: int, path: str, tls: bool = True) -> http.client.HTTPResponse:
    if tls:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # self-signed
        connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=30)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": "localhost", "Accept-Encoding": "gzip"})
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response


@contextmanager
def _nginx(binary: str, folder: Path, config: Path, port: int) -> Iterator[None]:
    """Run nginx in the foreground on ``config`` until the block ends."""
    command = [binary, "-p", str(folder), "-c", str(config), "-g", "daemon off;"]
    with (folder / "nginx.out").open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=output)
    try:
        _wait_for(port, process)
        yield
    finally:
        process.terminate()
        process.wait(30)


def test_the_nginx_site_checks_and_proxies_to_gunicorn(nginx_binary, gunicorn, tmp_path):
    app_port, web, log = gunicorn
    http_port, https_port = _free_port(), _free_port()
    config = _site(tmp_path, http_port, https_port, app_port)
    check = subprocess.run([nginx_binary, "-t", "-p", str(tmp_path), "-c", str(config)],
                           capture_output=True, text=True)  # fmt: skip
    assert check.returncode == 0, check.stderr  # the shipped site is valid for Debian's nginx
    with _nginx(nginx_binary, tmp_path, config, https_port):
        plain = _get(http_port, "/en/destinations/", tls=False)
        assert plain.status == 301
        assert plain.headers["Location"] == "https://localhost/en/destinations/"

        ready = _get(https_port, "/readyz")
        assert ready.status == 200, ready.body  # type: ignore[attr-defined]
        home = _get(https_port, "/en/")
        assert home.status == 200
        request_id = home.headers["X-Request-ID"]
        assert re.fullmatch(r"[0-9a-f]{32}", request_id)  # nginx's $request_id, passed through

        web.send_signal(signal.SIGHUP)  # a graceful reload (systemctl reload) keeps answering
        time.sleep(1.5)
        assert _get(https_port, "/en/").status == 200
        assert web.poll() is None

        lines = [line for line in log.read_text().splitlines() if line.startswith("{")]
        access = [json.loads(line) for line in lines]
        mine = [entry for entry in access if entry["request_id"] == request_id]
        assert mine and mine[0]["path"] == "/en/" and mine[0]["status"] == 200
        assert mine[0]["remote"] == "127.0.0.1"  # X-Forwarded-For from nginx


def test_the_site_behind_nginx_builds_https_links(nginx_binary, gunicorn, tmp_path):
    app_port, _, _ = gunicorn
    http_port, https_port = _free_port(), _free_port()
    config = _site(tmp_path, http_port, https_port, app_port)
    with _nginx(nginx_binary, tmp_path, config, https_port):
        body = _get(https_port, "/en/destinations/").body  # type: ignore[attr-defined]
        html = (gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body).decode()
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)
        assert canonical and canonical[1] == "https://localhost/en/destinations/"


@pytest.mark.parametrize("unit", ["pakpak-web.service", "pakpak-worker.service"])
def test_the_systemd_units_are_valid(unit, tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed (Debian's systemd package)")
    text = (ROOT / "docs" / "deploy" / unit).read_text()
    assert "/opt/pakpak/.venv/bin/" in text  # where the README's recipe installs the platform
    (tmp_path / unit).write_text(text.replace("/opt/pakpak", str(ROOT)))  # programs that exist
    found = subprocess.run([analyze, "verify", str(tmp_path / unit)], capture_output=True,
                           text=True)  # fmt: skip
    assert found.returncode == 0 and found.stderr.strip() == "", found.stderr  # no key ignored
