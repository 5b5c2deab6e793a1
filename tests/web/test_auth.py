"""initData is believed only when Telegram's signature over every field checks out and
it is fresh; anything else, however mangled, is a clean AuthError."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, quote, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.web.auth import AuthError, WebUser, sign_init_data, verify_init_data

TOKEN = "123456:TESTtestTESTtestTESTtest_web"
NOW = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)
STAMP = int(NOW.timestamp())
RITA = {"id": 4711, "first_name": "Rita", "last_name": "Moreno", "username": "rita",
        "language_code": "en", "allows_write_to_pm": True}


def signed(user: dict[str, object] = RITA, stamp: int = STAMP, **extra: str) -> str:
    return sign_init_data(TOKEN, user, stamp, extra or None)


def edited(data: str, **changes: str) -> str:
    fields = dict(parse_qsl(data, keep_blank_values=True))
    fields.update(changes)
    return urlencode(fields)


def test_valid_data_gives_the_signed_user() -> None:
    user = verify_init_data(signed(query_id="AAHdF6IQ"), TOKEN, NOW)
    assert user == WebUser(4711, "Rita", "Moreno", "rita", "en", STAMP)


def test_data_signed_as_telegram_documents_it_is_accepted() -> None:
    """An independent computation of Telegram's rule, with %20 spaces as browsers send."""
    fields = {"auth_date": str(STAMP), "query_id": "AAH x",
              "user": json.dumps({"id": 5, "first_name": "Ann Lee"})}
    fields["hash"] = _telegram_hash(fields)
    raw = "&".join(f"{k}={quote(v, safe='')}" for k, v in fields.items())
    assert verify_init_data(raw, TOKEN, NOW).first_name == "Ann Lee"


def test_a_forged_hash_is_refused() -> None:
    with pytest.raises(AuthError, match="signature"):
        verify_init_data(edited(signed(), hash="0" * 64), TOKEN, NOW)


def test_data_signed_with_another_token_is_refused() -> None:
    other = sign_init_data("999:OTHERotherOTHER", RITA, STAMP)
    with pytest.raises(AuthError, match="signature"):
        verify_init_data(other, TOKEN, NOW)


def test_a_user_id_edited_after_signing_is_refused() -> None:
    forged = edited(signed(), user=json.dumps({**RITA, "id": 900}))
    with pytest.raises(AuthError, match="signature"):
        verify_init_data(forged, TOKEN, NOW)


@pytest.mark.parametrize("field", ["auth_date", "query_id"])
def test_any_changed_field_is_refused(field: str) -> None:
    data = signed(query_id="AAHdF6IQ")
    with pytest.raises(AuthError):
        verify_init_data(edited(data, **{field: "1" + dict(parse_qsl(data))[field]}),
                         TOKEN, NOW)


def test_an_added_field_is_refused() -> None:
    with pytest.raises(AuthError, match="signature"):
        verify_init_data(signed() + "&start_param=admin", TOKEN, NOW)


def test_two_hours_old_is_refused_and_just_under_an_hour_is_not() -> None:
    with pytest.raises(AuthError, match="expired"):
        verify_init_data(signed(stamp=STAMP - 7200), TOKEN, NOW)
    assert verify_init_data(signed(stamp=STAMP - 3590), TOKEN, NOW).id == 4711


def test_dated_in_the_future_is_refused() -> None:
    with pytest.raises(AuthError, match="future"):
        verify_init_data(signed(stamp=STAMP + 600), TOKEN, NOW)
    assert verify_init_data(signed(stamp=STAMP + 30), TOKEN, NOW).id == 4711


def test_max_age_is_the_callers() -> None:
    with pytest.raises(AuthError, match="expired"):
        verify_init_data(signed(stamp=STAMP - 120), TOKEN, NOW, max_age=60)


def _telegram_hash(fields: dict[str, str]) -> str:
    """Telegram's rule, written out again here (not the code under test)."""
    check = "\n".join(f"{k}={fields[k]}" for k in sorted(fields) if k != "hash")
    secret = hmac.new(b"WebAppData", TOKEN.encode(), hashlib.sha256).digest()
    return hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()


def _resign(fields: dict[str, str]) -> str:
    """These fields, correctly signed: whatever is wrong with them, it is not the hash."""
    fields = {k: v for k, v in fields.items() if k != "hash"}
    return urlencode({**fields, "hash": _telegram_hash(fields)})


def _without(data: str, field: str) -> str:
    fields = dict(parse_qsl(data, keep_blank_values=True))
    fields.pop(field)
    return _resign(fields)


@pytest.mark.parametrize("field", ["user", "auth_date"])
def test_a_missing_field_is_refused_even_when_signed(field: str) -> None:
    with pytest.raises(AuthError):
        verify_init_data(_without(signed(), field), TOKEN, NOW)


def test_a_missing_hash_is_refused() -> None:
    fields = dict(parse_qsl(signed()))
    fields.pop("hash")
    with pytest.raises(AuthError, match="not signed"):
        verify_init_data(urlencode(fields), TOKEN, NOW)


@pytest.mark.parametrize("user", [{"first_name": "No id"}, {"id": "4711"}, {"id": True},
                                  {"id": -5}, ["not", "an", "object"]])
def test_a_signed_user_without_a_usable_id_is_refused(user: object) -> None:
    data = sign_init_data(TOKEN, {}, STAMP)
    fields = dict(parse_qsl(data))
    fields["user"] = json.dumps(user)
    with pytest.raises(AuthError):
        verify_init_data(_resign(fields), TOKEN, NOW)


def test_a_repeated_field_is_refused() -> None:
    data = signed()
    with pytest.raises(AuthError, match="repeats"):
        verify_init_data(data + "&" + urlencode({"user": json.dumps({**RITA, "id": 1})}),
                         TOKEN, NOW)


@pytest.mark.parametrize("garbage", [
    "", "tma", "hash=", "a=b&&c", "%%%", "user=%7B&hash=" + "a" * 64, "\x00" * 50,
    "x" * 10_000, "hash=" + "é" * 64, "auth_date=1&hash=" + "A" * 64, "\ud800=1",
])
def test_garbage_is_refused(garbage: str) -> None:
    with pytest.raises(AuthError):
        verify_init_data(garbage, TOKEN, NOW)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_any_text_is_verified_or_refused_cleanly(text: str) -> None:
    try:
        user = verify_init_data(text, TOKEN, NOW)
    except AuthError:
        return
    assert isinstance(user, WebUser)  # only reachable with the token: never by chance


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["auth_date", "user", "hash", "query_id", "x"]),
                       st.text(max_size=80), max_size=5))
def test_any_fields_are_verified_or_refused_cleanly(fields: dict[str, str]) -> None:
    try:
        verify_init_data(urlencode(fields), TOKEN, NOW)
    except AuthError:
        return
    raise AssertionError("unsigned fields were accepted")


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=30), st.integers(1, 2**40))
def test_whatever_the_name_a_signed_user_round_trips(name: str, user_id: int) -> None:
    data = sign_init_data(TOKEN, {"id": user_id, "first_name": name}, STAMP)
    try:
        user = verify_init_data(data, TOKEN, NOW)
    except AuthError:  # a name Telegram could not have sent (a lone surrogate)
        assert any(0xD800 <= ord(c) <= 0xDFFF for c in name)
        return
    assert (user.id, user.first_name) == (user_id, name[:64])


def test_the_timestamp_is_compared_with_the_given_now() -> None:
    later = NOW + timedelta(hours=2)
    with pytest.raises(AuthError, match="expired"):
        verify_init_data(signed(), TOKEN, later)
