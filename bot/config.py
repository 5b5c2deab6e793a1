"""Settings from the environment and `.env`: one object, validated once, secrets kept secret."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_BASE_URL = "https://api.telegram.org/bot"
LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")


class SettingsError(Exception):
    """A missing or malformed setting, as one line naming it."""


class Settings(BaseSettings):
    """Everything the bot reads from its environment (see .env.example)."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False
    )

    telegram_bot_token: SecretStr
    telegram_base_url: str = DEFAULT_BASE_URL
    bot_data_dir: Path = Path("./data")
    # Empty: the embedded store in BOT_DATA_DIR. postgresql://user:password@host/db: the
    # shared database of several instances (BOT_DATA_DIR then only caches pictures).
    database_url: SecretStr | None = None
    admin_user_ids: Annotated[tuple[int, ...], NoDecode] = ()
    default_timezone: str = "Europe/London"
    log_level: str = "INFO"
    # DEBUG from python-telegram-bot and APScheduler too (whole updates: personal data).
    log_third_party_debug: bool = False
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    content_dir: Path | None = None
    # The Mini App (progress page, clinicians' dashboard): where its web server listens
    # (0 turns it off; in webhook mode the webhook's server serves it), and the public
    # HTTPS address Telegram opens (empty: no Mini App buttons are shown).
    web_listen: str = "127.0.0.1"
    web_port: int = Field(default=8080, ge=0, le=65535)
    webapp_url: str = ""
    # Messages a second sent to Telegram (its flood limit is about 30). 0 turns pacing
    # off: only for benchmarks against a local fake server that does not limit.
    max_messages_per_second: float = Field(default=30.0, ge=0, le=1000)
    # Everyday questions matched by meaning as well as by words (a 90 MB sentence model,
    # loaded at the first question); false: words only, less memory.
    faq_sentence_encoder: bool = True

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        raw = value.get_secret_value().strip()
        if not raw:
            raise ValueError("is empty; get a token from @BotFather")
        if ":" not in raw or any(c.isspace() for c in raw):
            raise ValueError("does not look like a bot token (digits:letters from @BotFather)")
        return SecretStr(raw)

    @field_validator("database_url")
    @classmethod
    def _database_url_shape(cls, value: SecretStr | None) -> SecretStr | None:
        raw = value.get_secret_value().strip() if value is not None else ""
        if not raw:
            return None
        if not raw.startswith(("postgresql://", "postgres://")):
            raise ValueError("must start with postgresql:// (or be empty for the embedded "
                             "store)")
        return SecretStr(raw)

    @field_validator("webapp_url")
    @classmethod
    def _webapp_url(cls, value: str) -> str:
        value = value.strip()
        if value and not value.startswith("https://"):
            raise ValueError("must be an https:// address (Telegram opens Mini Apps only over "
                             "HTTPS), or empty")
        return value.rstrip("/")

    @field_validator("telegram_base_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("admin_user_ids", mode="before")
    @classmethod
    def _ids(cls, value: object) -> tuple[int, ...]:
        if value is None or value == "":
            return ()
        if isinstance(value, int):
            return (value,)
        if isinstance(value, list | tuple):
            return tuple(int(v) for v in value)
        parts = [p.strip() for p in str(value).replace(";", ",").split(",") if p.strip()]
        try:
            return tuple(int(p) for p in parts)
        except ValueError:
            raise ValueError("must be comma-separated numeric Telegram user ids") from None

    @field_validator("default_timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}; use an IANA name") from None
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        upper = value.upper()
        if upper not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}")
        return upper

    @field_validator("webhook_secret")
    @classmethod
    def _secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value():
            return None
        raw = value.get_secret_value()
        ok = 1 <= len(raw) <= 256 and all(c.isalnum() or c in "_-" for c in raw)
        if not ok or not raw.isascii():
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @property
    def token(self) -> str:
        """The raw token, for the one place that needs it (the Bot)."""
        return self.telegram_bot_token.get_secret_value()


def load_settings(**overrides: object) -> Settings:
    """Load settings, turning the first validation error into one line naming the variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        err = exc.errors()[0]
        name = str(err["loc"][0]).upper() if err["loc"] else "SETTINGS"
        if err["type"] == "missing":
            if name == "TELEGRAM_BOT_TOKEN":
                raise SettingsError(
                    "TELEGRAM_BOT_TOKEN is not set: put the token from @BotFather in .env "
                    "(see .env.example), or try the bot offline with: python -m bot chat"
                ) from None
            raise SettingsError(f"{name} is required but not set") from None
        msg = str(err["msg"]).removeprefix("Value error, ")
        raise SettingsError(f"{name} {msg}") from None
