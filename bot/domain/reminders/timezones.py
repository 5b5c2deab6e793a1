"""Turn what a person types ("London", "new york", "NYC") into an IANA time zone.

Reminders must arrive at the person's own 08:00, so we need a real zone with its
DST rules, never a fixed offset guessed from a clock. Names come from the zone
database itself (so "sao paulo" works), plus a small map of big cities that are
not zone names. Pure: no ``telegram``; the heavy location index loads lazily.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from rapidfuzz import fuzz, process

if TYPE_CHECKING:
    from timezonefinder import TimezoneFinder

__all__ = ["UnknownTimezone", "resolve_timezone", "timezone_for_location"]

_MAX_LEN = 64
_CONFIDENT = 75.0  # a suggestion this close is worth naming in the reply
_REGIONS = frozenset(
    {"Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian",
     "Pacific"}
)  # fmt: skip
_NOT_PLACES = frozenset({"localtime", "Factory", "posixrules"})
# Last parts of legacy aliases that are not places ("Australia/North", "US/Eastern").
_NOT_CITIES = frozenset({"north", "south", "east", "west", "central", "eastern", "western",
                         "mountain", "pacific", "atlantic", "general", "continental",
                         "islands", "yancowinna", "east-indiana", "east-saskatchewan"})

# Cities and names people type that are not zone names themselves. Keys are
# already normalised (lower case, no accents, single spaces).
_EXTRA: dict[str, str] = {
    # United Kingdom and Ireland
    "uk": "Europe/London", "united kingdom": "Europe/London", "england": "Europe/London",
    "scotland": "Europe/London", "wales": "Europe/London", "britain": "Europe/London",
    "great britain": "Europe/London", "manchester": "Europe/London",
    "edinburgh": "Europe/London", "glasgow": "Europe/London", "birmingham": "Europe/London",
    "liverpool": "Europe/London", "leeds": "Europe/London", "bristol": "Europe/London",
    "cardiff": "Europe/London", "newcastle": "Europe/London", "bst": "Europe/London",
    "cork": "Europe/Dublin", "galway": "Europe/Dublin", "ireland": "Europe/Dublin",
    # United States and Canada
    "nyc": "America/New_York", "new york city": "America/New_York",
    "boston": "America/New_York", "washington": "America/New_York",
    "washington dc": "America/New_York", "philadelphia": "America/New_York",
    "miami": "America/New_York", "atlanta": "America/New_York",
    "la": "America/Los_Angeles", "sf": "America/Los_Angeles",
    "san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles",
    "san diego": "America/Los_Angeles", "las vegas": "America/Los_Angeles",
    "houston": "America/Chicago", "dallas": "America/Chicago", "austin": "America/Chicago",
    "montreal": "America/Toronto", "ottawa": "America/Toronto",
    "calgary": "America/Edmonton",
    "eastern": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "central": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
    "mountain": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
    "pacific": "America/Los_Angeles", "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    # Europe
    "munich": "Europe/Berlin", "frankfurt": "Europe/Berlin", "hamburg": "Europe/Berlin",
    "cologne": "Europe/Berlin", "milan": "Europe/Rome", "florence": "Europe/Rome",
    "barcelona": "Europe/Madrid", "seville": "Europe/Madrid", "lyon": "Europe/Paris",
    "marseille": "Europe/Paris", "geneva": "Europe/Zurich", "krakow": "Europe/Warsaw",
    "st petersburg": "Europe/Moscow", "saint petersburg": "Europe/Moscow",
    # Asia, Oceania, Africa, South America
    "mumbai": "Asia/Kolkata", "bombay": "Asia/Kolkata", "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata", "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata",
    "chennai": "Asia/Kolkata", "india": "Asia/Kolkata", "beijing": "Asia/Shanghai",
    "china": "Asia/Shanghai", "osaka": "Asia/Tokyo", "japan": "Asia/Tokyo",
    "abu dhabi": "Asia/Dubai", "tel aviv": "Asia/Jerusalem",
    "canberra": "Australia/Sydney", "wellington": "Pacific/Auckland",
    "new south wales": "Australia/Sydney", "victoria": "Australia/Melbourne",
    "queensland": "Australia/Brisbane", "western australia": "Australia/Perth",
    "new zealand": "Pacific/Auckland", "cape town": "Africa/Johannesburg",
    "rio": "America/Sao_Paulo", "rio de janeiro": "America/Sao_Paulo",
}  # fmt: skip

# Countries with several zones: better to ask for a city than to guess wrong.
_SPLIT_COUNTRIES: dict[str, tuple[str, ...]] = {
    "us": ("America/New_York", "America/Chicago", "America/Los_Angeles"),
    "usa": ("America/New_York", "America/Chicago", "America/Los_Angeles"),
    "america": ("America/New_York", "America/Chicago", "America/Los_Angeles"),
    "united states": ("America/New_York", "America/Chicago", "America/Los_Angeles"),
    "canada": ("America/Toronto", "America/Winnipeg", "America/Vancouver"),
    "australia": ("Australia/Sydney", "Australia/Brisbane", "Australia/Perth"),
    "russia": ("Europe/Moscow", "Asia/Yekaterinburg", "Asia/Vladivostok"),
    "brazil": ("America/Sao_Paulo", "America/Manaus", "America/Recife"),
    "mexico": ("America/Mexico_City", "America/Tijuana", "America/Cancun"),
}
_OFFSET_RE = re.compile(r"(?:utc|gmt)\s*([+-])\s*([0-9]{1,2})(?::?00)?", re.ASCII)


class UnknownTimezone(ValueError):
    """No zone matched; ``str(err)`` is one friendly line, ``suggestions`` are IANA names."""

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.suggestions = suggestions


def _key(text: str) -> str:
    """Fold case, accents, underscores and hyphens so "São_Paulo" matches "sao paulo"."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace(".", "")  # "St. Petersburg", "Washington D.C."
    return " ".join(re.split(r"[\s_\-]+", plain.casefold())).strip()


@cache
def _zones() -> frozenset[str]:
    """Every usable IANA name, read once: the scan of the zone database is slow."""
    return frozenset(available_timezones() - _NOT_PLACES)


@cache
def _links() -> dict[str, str]:
    """Legacy alias -> canonical zone ("Australia/NSW" -> "Australia/Sydney"), from the
    zone database's own link lines, so a patient is only ever offered canonical names."""
    try:
        from importlib.resources import files

        text = files("tzdata").joinpath("zoneinfo/tzdata.zi").read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError):  # pragma: no cover - tzdata is a dependency
        return {}
    links: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("L "):
            _, target, alias = line.split()[:3]
            links[alias] = target
    return links


def canonical(name: str) -> str:
    """The canonical name of a zone (itself, unless it is a legacy alias); "UTC" and
    "GMT" stay as people know them rather than "Etc/UTC"."""
    target = _links().get(name, name)
    return name if "/" not in name and target.startswith("Etc/") else target


@cache
def _index() -> dict[str, str]:
    """Normalised name -> canonical IANA name: full names, their city parts, then our
    extras. A legacy alias still finds its zone, under the canonical name."""
    index: dict[str, str] = _raw_index()
    return {key: canonical(zone) for key, zone in index.items()}


def _raw_index() -> dict[str, str]:
    index: dict[str, str] = {}
    # Deeper names first so "buenos aires" finds America/Argentina/Buenos_Aires,
    # the canonical zone, rather than the old America/Buenos_Aires alias.
    links = _links()
    for name in sorted(_zones(), key=lambda n: (-n.count("/"), n)):
        parts = name.split("/")
        if name in links and (len(parts[-1]) <= 3 or parts[-1].lower() in _NOT_CITIES):
            continue  # "Australia/South" is Adelaide: "south" alone names no place
        if parts[0] in _REGIONS and len(parts) > 1:
            city = _key(parts[-1])
            index.setdefault(city, name)
            index.setdefault(city.replace(" ", ""), name)  # "newyork", "losangeles"
    for name in _zones():
        index[_key(name)] = name
        index[_key(name).replace(" ", "")] = name  # "america/newyork"
    index.update(_EXTRA)
    return index


@cache
def _suggestion_pool() -> tuple[str, ...]:
    """Names worth suggesting: real places and UTC, not legacy aliases like "ROK"."""
    return tuple(
        key for key, zone in _index().items() if zone.split("/")[0] in _REGIONS or zone == "UTC"
    )


def _suggest(key: str) -> tuple[tuple[str, ...], float]:
    """Up to three close IANA names for a failed lookup, best first.

    Plain edit-distance ratio, not WRatio: WRatio rewards short partial hits
    ("la" inside "atlantis"), which makes poor suggestions.
    """
    index = _index()
    found: list[str] = []
    matches = process.extract(
        key, _suggestion_pool(), scorer=fuzz.ratio, limit=12, score_cutoff=40
    )
    for choice, _score, _position in matches:
        zone = index[choice]
        if zone not in found:
            found.append(zone)
        if len(found) == 3:
            break
    return tuple(found), (matches[0][1] if matches else 0.0)


def _first_place(key: str) -> str | None:
    """The zone of the first place named in several words ("sydney australia",
    "near manchester uk"): the city the patient named first, two words before one."""
    words = key.split()
    if len(words) < 2 or any(word.isdigit() for word in words):
        return None  # "GMT-13" is an offset out of range, not the place "GMT"
    index = _index()
    for start in range(len(words)):
        for size in (2, 1):
            part = " ".join(words[start:start + size])
            if len(part) >= 3 and part not in _SPLIT_COUNTRIES and part in index:
                return index[part]
    return None


def resolve_timezone(text: str) -> ZoneInfo:
    """Find the zone for an IANA name, a city or a common alias; raise with suggestions."""
    shown = " ".join(text.split())[:40]
    if len(text) > _MAX_LEN or not shown:
        raise UnknownTimezone(
            "Send me the name of a city near you, for example London or New York."
        )
    key = _key(text)
    compact = "".join(text.casefold().split())
    if key in _SPLIT_COUNTRIES:
        raise UnknownTimezone(
            f"{shown} has more than one time zone. Which city are you near?",
            _SPLIT_COUNTRIES[key],
        )
    offset = _OFFSET_RE.fullmatch(compact)
    if offset:
        # Etc/GMT names have the sign flipped: UTC+2 is Etc/GMT-2. No DST in these.
        sign, hours = offset.group(1), int(offset.group(2))
        if (sign == "+" and hours <= 14) or (sign == "-" and hours <= 12):
            flipped = "-" if sign == "+" else "+"
            return ZoneInfo("Etc/GMT" if hours == 0 else f"Etc/GMT{flipped}{hours}")
    name = _index().get(key) or _index().get(key.replace(" ", "")) or _first_place(key)
    if name is not None:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):  # pragma: no cover - broken tzdata
            pass
    suggestions, best = _suggest(key) if key else ((), 0.0)
    hint = (
        f"Did you mean {suggestions[0]}?"
        if best >= _CONFIDENT
        else "Try the nearest big city, like London or New York."
    )
    raise UnknownTimezone(f'I don\'t know the time zone "{shown}". {hint}', suggestions)


@cache
def _finder() -> TimezoneFinder:
    """Build the location index once, on first use: it takes about half a second."""
    from timezonefinder import TimezoneFinder

    return TimezoneFinder()


def timezone_for_location(latitude: float, longitude: float) -> ZoneInfo | None:
    """The zone at a shared location, offline; ``None`` for impossible coordinates.

    Out at sea this gives the nautical zone (such as ``Etc/GMT+2``), a fixed
    offset with no DST, which is the right clock for someone on a ship.
    """
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        return None
    name = _finder().timezone_at(lng=longitude, lat=latitude)
    if name is None or name not in _zones():
        return None
    return ZoneInfo(name)
