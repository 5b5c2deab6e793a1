"""deploy/nginx.conf, run with Debian's nginx as a plain process on loopback.

``render`` changes only what a test must change: each replaced text must be found in the
file exactly as often as expected, so a change to deploy/nginx.conf that this does not
know about fails loudly instead of testing something else. Everything else (upstream,
retries, timeouts, TLS, headers, locations) is the deployed file, byte for byte.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONF = ROOT / "deploy" / "nginx.conf"
NGINX = Path("/usr/sbin/nginx")
OPENSSL = shutil.which("openssl")
TEMP_DIRS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def make_certificate(folder: Path) -> Path:
    """A self-signed certificate for 127.0.0.1 as ``fullchain.pem`` + ``privkey.pem``."""
    assert OPENSSL is not None
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [OPENSSL, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(folder / "privkey.pem"), "-out", str(folder / "fullchain.pem")],
        check=True, capture_output=True, timeout=30)
    return folder / "fullchain.pem"


def render(*, upstreams: tuple[int, int], https_port: int, http_port: int, certs: Path,
           prefix: Path) -> str:
    """deploy/nginx.conf with loopback upstreams and ports, the test's certificate, logs
    and temporary files under ``prefix``, and a worker user that works here."""
    temp = "".join(f"    {name}_temp_path {prefix}/tmp/{name};\n" for name in TEMP_DIRS)
    changes = [
        # (text in the file, replacement, how many times the file has it)
        ("user nginx;", "user root;" if os.geteuid() == 0 else "", 1),
        ("error_log /var/log/nginx/error.log notice;", f"error_log {prefix}/error.log info;", 1),
        ("access_log /var/log/nginx/access.log upstreams;",
         f"access_log {prefix}/access.log upstreams;", 1),
        ("server bot1:8443 ", f"server 127.0.0.1:{upstreams[0]} ", 1),
        ("server bot2:8443 ", f"server 127.0.0.1:{upstreams[1]} ", 1),
        ("listen 80;", f"listen 127.0.0.1:{http_port};", 1),
        ("listen 443 ssl;", f"listen 127.0.0.1:{https_port} ssl;", 1),
        ("/etc/nginx/certs/", f"{certs}/", 2),
        ("\nhttp {\n", "\nhttp {\n" + temp, 1),
    ]
    text = CONF.read_text(encoding="utf-8")
    for old, new, times in changes:
        found = text.count(old)
        assert found == times, f"deploy/nginx.conf has {old!r} {found} times, expected {times}"
        text = text.replace(old, new)
    return text


@dataclass
class Nginx:
    """nginx in the foreground, its prefix, config, pid file and logs in one folder."""

    prefix: Path
    conf: Path
    https_port: int
    proc: asyncio.subprocess.Process | None = None

    @classmethod
    def prepare(cls, prefix: Path, text: str, https_port: int) -> Nginx:
        for name in TEMP_DIRS:
            (prefix / "tmp" / name).mkdir(parents=True, exist_ok=True)
        conf = prefix / "nginx.conf"
        conf.write_text(text, encoding="utf-8")
        return cls(prefix, conf, https_port)

    def _args(self, *extra: str, daemon: bool = False) -> list[str]:
        directives = f"pid {self.prefix}/nginx.pid;" + ("" if daemon else " daemon off;")
        return [str(NGINX), "-e", str(self.prefix / "error.log"), "-p", str(self.prefix),
                "-c", str(self.conf), "-g", directives, *extra]

    def check(self) -> subprocess.CompletedProcess[str]:
        """``nginx -t``: the configuration parses and its files (certificates) load."""
        return subprocess.run(self._args("-t", daemon=True), capture_output=True, text=True,
                              timeout=30, check=False)

    async def start(self, timeout: float = 10) -> None:
        self.proc = await asyncio.create_subprocess_exec(
            *self._args(), stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while True:
            assert self.proc.returncode is None, self.error_log()
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", self.https_port)
                writer.close()
                return
            except OSError:
                assert time.monotonic() < deadline, "nginx never listened\n" + self.error_log()
                await asyncio.sleep(0.05)

    async def stop(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.send_signal(signal.SIGQUIT)  # graceful: finish what is under way
            try:
                await asyncio.wait_for(self.proc.wait(), 10)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()

    def error_log(self) -> str:
        path = self.prefix / "error.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def access_log(self) -> list[str]:
        path = self.prefix / "access.log"
        return path.read_text(errors="replace").splitlines() if path.exists() else []
