"""Who is asking: Telegram's signed ``initData``, checked the way Telegram documents it.

A Mini App page gets ``initData`` from Telegram and sends it with every API call. Only
the bot token can produce its hash, so a valid hash proves that Telegram handed these
fields (the user above all) to this bot's Mini App; nothing else the page says about
the user is trusted. The rule (core.telegram.org/bots/webapps, "Validating data received
via the Mini App"): ``secret_key = HMAC_SHA256(key=b"WebAppData", msg=token)``, and the
hash is ``hex(HMAC_SHA256(key=secret_key, msg=data_check_string))`` where the
data-check-string is every field but ``hash`` as ``key=value``, sorted by key, joined by
newlines. A stolen ``initData`` stays usable only until ``auth_date`` is ``max_age`` old.

Pure: no aiohttp, no storage; the time comes in as ``now``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode

#: The longest initData accepted; Telegram's is a few hundred bytes.
MAX_INIT_DATA = 4096
#: How far ahead of our clock an ``auth_date`` may be (clocks drift a little).
FUTURE_SLACK = 60
_HASH = re.compile(r"[0-9a-f]{64}")
_INTEGER = re.compile(r"[0-9]{1,12}")


class AuthError(Exception):
    """initData refused; ``str()`` says why in a few words (never echoes the data)."""


@dataclass(frozen=True)
class WebUser:
    """The Telegram user an initData was signed for (from its checked ``user`` field)."""

    id: int
    first_name: str
    last_name: str = ""
    username: str = ""
    language_code: str = ""
    auth_date: int = 0


def _secret_key(token: str) -> bytes:
    return hmac.new(b"WebAppData", token.encode("utf-8"), hashlib.sha256).digest()


def _hash(token: str, fields: Mapping[str, str]) -> str:
    check = "\n".join(f"{key}={fields[key]}" for key in sorted(fields))
    return hmac.new(_secret_key(token), check.encode("utf-8"), hashlib.sha256).hexdigest()


def sign_init_data(
    token: str, user: Mapping[str, Any], auth_date: int, extra: Mapping[str, str] | None = None
) -> str:
    """initData as Telegram would send it for ``user`` (tests and the terminal chat)."""
    fields = {"auth_date": str(int(auth_date)),
              "user": json.dumps(dict(user), separators=(",", ":"), ensure_ascii=False)}
    fields.update(extra or {})
    fields["hash"] = _hash(token, fields)
    return urlencode(fields)


def _fields(init_data: str) -> dict[str, str]:
    """The decoded fields; a repeated key is refused (which one would be the signed one?)."""
    if not init_data or len(init_data) > MAX_INIT_DATA:
        raise AuthError("the sign-in data is missing or too long")
    try:
        pairs = parse_qsl(init_data, keep_blank_values=True, strict_parsing=True,
                          max_num_fields=64)
    except ValueError:
        raise AuthError("the sign-in data is not readable") from None
    fields: dict[str, str] = {}
    for key, value in pairs:
        if key in fields:
            raise AuthError("the sign-in data repeats a field")
        fields[key] = value
    return fields


def _user(raw: str | None, auth_date: int) -> WebUser:
    if raw is None:
        raise AuthError("the sign-in data names no user")
    try:
        data = json.loads(raw)
    except ValueError:
        raise AuthError("the sign-in data's user is not readable") from None
    user_id = data.get("id") if isinstance(data, dict) else None
    if not isinstance(user_id, int) or isinstance(user_id, bool) or user_id <= 0:
        raise AuthError("the sign-in data's user has no id")
    names = [data.get(key) for key in ("first_name", "last_name", "username", "language_code")]
    first, last, username, language = (v[:64] if isinstance(v, str) else "" for v in names)
    return WebUser(user_id, first, last, username, language, auth_date)


def verify_init_data(init_data: str, token: str, now: datetime, max_age: int = 3600) -> WebUser:
    """The user ``init_data`` was signed for, or AuthError (forged, changed, stale, garbled).

    The hash is checked before anything else is believed, and compared in constant time.
    """
    try:
        fields = _fields(init_data)
        given = fields.pop("hash", "")
        if not _HASH.fullmatch(given):
            raise AuthError("the sign-in data is not signed")
        expected = _hash(token, fields)
    except UnicodeError:  # a lone surrogate cannot be what Telegram signed
        raise AuthError("the sign-in data is not readable") from None
    if not hmac.compare_digest(expected.encode("ascii"), given.encode("ascii")):
        raise AuthError("the sign-in data's signature does not match")
    stamp = fields.get("auth_date", "")
    if not _INTEGER.fullmatch(stamp):
        raise AuthError("the sign-in data has no date")
    auth_date = int(stamp)
    age = now.timestamp() - auth_date
    if age > max_age:
        raise AuthError("the sign-in data has expired; open the app again")
    if age < -FUTURE_SLACK:
        raise AuthError("the sign-in data is dated in the future")
    return _user(fields.get("user"), auth_date)
