"""deploy/: what can be checked without Docker (no registry here to build or pull with).

compose.yaml is read as YAML and its services, health checks, volumes and settings are
checked against each other, the Dockerfile and nginx.conf; the Dockerfile's instructions
are read and checked; env.example must load as the bot's settings; the image's health
check script is run against a small server; the systemd unit goes through
``systemd-analyze verify`` where it exists. nginx.conf itself runs in test_nginx_proxy.py.
"""

from __future__ import annotations

import http.server
import json
import re
import shlex
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.config import Settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
BOTS = ("bot1", "bot2")


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    return data


def env_example() -> dict[str, str]:
    values = {}
    for line in (DEPLOY / "env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    joined = re.sub(r"\\\n", " ", (DEPLOY / "Dockerfile").read_text())
    out = []
    for line in joined.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            word, _, rest = line.strip().partition(" ")
            out.append((word.upper(), " ".join(rest.split())))
    return out


# --- compose.yaml ---------------------------------------------------------------------


def test_compose_has_the_database_two_bots_and_the_proxy() -> None:
    services = compose()["services"]
    assert set(services) == {"postgres", *BOTS, "proxy"}
    pg = services["postgres"]
    assert pg["image"] == "postgres:15"
    assert any(v.endswith(":/var/lib/postgresql/data") for v in pg["volumes"])
    assert "pg_isready" in " ".join(pg["healthcheck"]["test"])
    assert pg["environment"]["POSTGRES_PASSWORD"].startswith("${POSTGRES_PASSWORD:?")
    assert set(compose()["volumes"]) >= {v.split(":")[0] for s in services.values()
                                         for v in s.get("volumes", ()) if not
                                         v.startswith(".")}


def test_both_bots_are_the_same_image_with_the_same_settings_in_webhook_mode() -> None:
    services = compose()["services"]
    first, second = (services[name] for name in BOTS)
    for key in ("build", "image", "env_file", "environment", "depends_on", "healthcheck"):
        assert first[key] == second[key], key
    assert first["volumes"] != second["volumes"]  # a picture cache each
    assert first["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
    assert (DEPLOY / first["build"]["context"] / first["build"]["dockerfile"]).is_file()
    assert first["env_file"] == ".env"
    env = first["environment"]
    assert env["WEBHOOK_LISTEN"] == "0.0.0.0" and env["WEBHOOK_PORT"] == "8443"
    assert first["expose"] == ["8443"]
    assert first["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert first["healthcheck"]["test"][:2] == ["CMD", "python"]
    assert first["restart"] == "unless-stopped"


def test_the_proxy_mounts_this_nginx_conf_and_the_certificates() -> None:
    proxy = compose()["services"]["proxy"]
    assert proxy["image"] == "nginx:stable"
    assert "./nginx.conf:/etc/nginx/nginx.conf:ro" in proxy["volumes"]
    assert "./certs:/etc/nginx/certs:ro" in proxy["volumes"]
    assert "443:443" in proxy["ports"]
    assert set(proxy["depends_on"]) == set(BOTS)
    assert "/healthz" in " ".join(proxy["healthcheck"]["test"])
    conf = (DEPLOY / "nginx.conf").read_text()
    for name in BOTS:  # the upstream names the compose services, on the bots' port
        assert f"server {name}:8443 " in conf
    assert "ssl_certificate /etc/nginx/certs/fullchain.pem;" in conf
    assert "ssl_certificate_key /etc/nginx/certs/privkey.pem;" in conf


def test_env_example_is_what_the_bots_and_the_database_need() -> None:
    env = env_example()
    for key in ("TELEGRAM_BOT_TOKEN", "DATABASE_URL", "WEBHOOK_URL", "WEBHOOK_SECRET",
                "POSTGRES_PASSWORD"):
        assert key in env, key
    pg = compose()["services"]["postgres"]["environment"]
    assert env["DATABASE_URL"] == (
        f"postgresql://{pg['POSTGRES_USER']}:{env['POSTGRES_PASSWORD']}@postgres:5432/"
        f"{pg['POSTGRES_DB']}")
    # Its webhook path is the one nginx proxies.
    path = env["WEBHOOK_URL"].split("://", 1)[1].partition("/")[2]
    assert f"location = /{path} {{" in (DEPLOY / "nginx.conf").read_text()
    # Every bot setting in it is one the bot knows, and it loads as the bot's settings.
    known = {name.upper() for name in Settings.model_fields}
    assert set(env) - {"POSTGRES_PASSWORD"} <= known
    filled = {k.lower(): v for k, v in env.items() if v and k != "POSTGRES_PASSWORD"}
    filled.update(telegram_bot_token="123456:example-token", webhook_secret="a_secret-42")
    settings = Settings(_env_file=None, **filled)  # type: ignore[call-arg, arg-type]
    assert settings.database_url is not None
    assert settings.webhook_url == env["WEBHOOK_URL"]


def test_nothing_secret_is_committed_in_deploy() -> None:
    gitignore = (DEPLOY / "certs" / ".gitignore").read_text().split()
    assert gitignore[-2:] == ["*", "!.gitignore"]
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text().split()
    assert {"**/.env", "**/.venv", "deploy/certs"} <= set(ignore)


# --- Dockerfile -----------------------------------------------------------------------


def test_the_dockerfile_builds_a_slim_non_root_image_that_runs_the_bot() -> None:
    steps = dockerfile()
    words = [w for w, _ in steps]
    assert steps[0] == ("FROM", "python:3.11-slim")
    assert set(words) <= {"FROM", "ENV", "RUN", "WORKDIR", "COPY", "USER", "VOLUME", "EXPOSE",
                          "HEALTHCHECK", "STOPSIGNAL", "CMD"}
    user = [args for w, args in steps if w == "USER"]
    assert user == ["bot"]
    assert words.index("USER") < words.index("CMD")
    assert any(w == "RUN" and "useradd" in a and "--uid 10001" in a for w, a in steps)
    assert any(w == "RUN" and "pip install /app" in a for w, a in steps)
    assert steps[-1] == ("CMD", '["python", "-m", "bot"]')
    assert json.loads(steps[-1][1]) == ["python", "-m", "bot"]
    assert ("EXPOSE", "8443") in steps
    health = next(a for w, a in steps if w == "HEALTHCHECK")
    assert "--interval=" in health and "--timeout=" in health
    command = json.loads(health.split("CMD", 1)[1])
    assert command[:1] == ["python"]
    copied = {shlex.split(a)[-1]: shlex.split(a)[0] for w, a in steps if w == "COPY"}
    assert copied[command[1]] == "deploy/healthcheck.py"
    for source in copied.values():  # relative to the build context, the repository
        assert (ROOT / source).exists(), source
    for needed in ("pyproject.toml", "bot", "handlers", "content"):
        assert needed in copied.values()


class _Answer(http.server.BaseHTTPRequestHandler):
    status = 200

    def do_GET(self) -> None:
        body = json.dumps({"ok": self.status == 200, "path": self.path}).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def answering() -> Iterator[http.server.HTTPServer]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def run_healthcheck(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(DEPLOY / "healthcheck.py")], env=env,
                          capture_output=True, text=True, timeout=30, check=False)


def test_the_image_health_check_follows_healthz(answering) -> None:
    port = str(answering.server_address[1])
    webhook = {"WEBHOOK_URL": "https://x.example/telegram", "WEBHOOK_LISTEN": "0.0.0.0",
               "WEBHOOK_PORT": port}
    done = run_healthcheck(webhook)
    assert done.returncode == 0, done.stdout + done.stderr
    assert '"/healthz"' in done.stdout
    _Answer.status = 503
    try:
        assert run_healthcheck(webhook).returncode == 1
    finally:
        _Answer.status = 200
    assert run_healthcheck({"WEB_PORT": port}).returncode == 0  # polling: the Mini App's
    assert run_healthcheck({"WEB_PORT": "0"}).returncode == 0  # no server to ask
    closed = run_healthcheck({**webhook, "WEBHOOK_PORT": "1"})
    assert closed.returncode == 1 and "no answer" in closed.stdout


# --- systemd ----------------------------------------------------------------------------


def unit_lines() -> list[tuple[str, str]]:
    lines = (DEPLOY / "hip-move-bot.service").read_text().splitlines()
    return [tuple(line.split("=", 1)) for line in lines  # type: ignore[misc]
            if "=" in line and not line.startswith("#")]


def test_the_systemd_unit_runs_the_bot_hardened() -> None:
    unit = dict(unit_lines())
    assert unit["User"] == "hipmove"
    assert unit["ExecStart"].endswith("/.venv/bin/python -m bot")
    assert unit["Restart"] == "on-failure"
    assert unit["NoNewPrivileges"] == "true"
    assert unit["ProtectSystem"] == "strict"
    assert unit["PrivateTmp"] == "true"
    data = dict(v.split("=", 1) for k, v in unit_lines() if k == "Environment")["BOT_DATA_DIR"]
    assert unit["ReadWritePaths"] == data
    for key in ("WorkingDirectory", "EnvironmentFile"):
        assert unit[key].startswith("/")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    """No unknown key or bad value (the program path is this interpreter here)."""
    text = (DEPLOY / "hip-move-bot.service").read_text()
    unit = tmp_path / "hip-move-bot.service"
    unit.write_text(text.replace("/opt/hip-move-bot/.venv/bin/python", sys.executable))
    done = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr
