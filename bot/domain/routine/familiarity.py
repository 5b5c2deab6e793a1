"""Cards that shrink with familiarity: the full card while an exercise is new, then a
short prompt (name, today's dose, one rotating cue, the stop rule in one line).

The full card (animation and the whole text) goes the first ``FULL_SHOWINGS`` times a
patient is shown each version of an exercise in a routine (easier, normal, harder: a
different movement, counted on its own), and once after a change of dose. Coming back
to a version already familiar, at the dose it had (the normal stretch again after a
few days of the easier one), is short at once: the patient knows it. Patients who ask for it
(``FULL_CARDS_KEY`` in the profile) and people who did not consent (nothing may be
stored, so nothing is counted) always get the full card.

Per exercise the state keeps ``{"n": showings of this level, "level", "dose": the dose
line, "full": whether the last showing was the full card, "session": its session id,
"levels": showings of each level, "doses": the dose last shown at each level}`` under
``SEEN_KEY``. Showing the card again within the same session (Continue, a resend)
counts nothing. Pure: no ``telegram``, no storage.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from bot.content.model import Content, Dose, Exercise

#: Full cards before the short prompt takes over (per exercise and level): the second
#: routine still shows them, the third is short.
FULL_SHOWINGS = 2
#: The state key of the per-exercise counts.
SEEN_KEY = "cards_seen"
#: The profile flag of a patient who wants the full card every time.
FULL_CARDS_KEY = "full_cards"

Level = Literal["easier", "normal", "harder"]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")


def _count(entry: Mapping[str, Any] | None) -> int:
    raw = (entry or {}).get("n")
    return raw if isinstance(raw, int) and not isinstance(raw, bool) and raw > 0 else 0


def shown(
    entry: Mapping[str, Any] | None, level: str, dose: str, session: str
) -> dict[str, Any]:
    """The exercise's entry once its card is shown (again) in session ``session``.

    The same session showing the same version again counts nothing and keeps its form.
    """
    if (entry and entry.get("session") == session and entry.get("level") == level
            and entry.get("dose") == dose and isinstance(entry.get("full"), bool)):
        return dict(entry)
    same_level = entry is not None and entry.get("level") == level
    same_dose = entry is not None and entry.get("dose") == dose
    levels = _levels(entry)
    doses = _doses(entry)
    n = (_count(entry) if same_level else levels.get(level, 0)) + 1
    known_dose = same_dose if same_level else doses.get(level) == dose
    levels[level], doses[level] = n, dose
    full = n <= FULL_SHOWINGS or not known_dose
    return {"n": n, "level": level, "dose": dose, "full": full, "session": session,
            "levels": levels, "doses": doses}


def _doses(entry: Mapping[str, Any] | None) -> dict[str, str]:
    """The dose last shown at each level (an entry from before they were kept: its own)."""
    raw = (entry or {}).get("doses")
    doses = {str(k): v for k, v in raw.items() if isinstance(v, str)} \
        if isinstance(raw, Mapping) else {}
    if entry and isinstance(entry.get("level"), str) and isinstance(entry.get("dose"), str):
        doses[entry["level"]] = entry["dose"]
    return doses


def _levels(entry: Mapping[str, Any] | None) -> dict[str, int]:
    """Showings of each level so far (an entry from before they were kept: its own)."""
    raw = (entry or {}).get("levels")
    levels = {str(k): v for k, v in raw.items()
              if isinstance(v, int) and not isinstance(v, bool) and v > 0} \
        if isinstance(raw, Mapping) else {}
    if entry and isinstance(entry.get("level"), str):
        levels[entry["level"]] = max(levels.get(entry["level"], 0), _count(entry))
    return levels


def shows_full(
    entry: Mapping[str, Any] | None, level: str, dose: str, *, always_full: bool = False
) -> bool:
    """Whether the card shown now is the full one, from the entry of this showing.

    Anything unknown or not matching (no entry, another level or dose, a damaged entry)
    gives the full card: the short prompt is only ever a reminder of what was seen.
    """
    if always_full or not entry:
        return True
    if entry.get("level") != level or entry.get("dose") != dose:
        return True
    return entry.get("full") is not False or _count(entry) <= FULL_SHOWINGS


def cue_for(cues: Sequence[str], count: int) -> str:
    """One cue, rotating with the number of showings ("" when the card has none)."""
    return cues[count % len(cues)] if cues else ""


def first_sentence(text: str) -> str:
    """The first sentence, on one line (the whole text, flattened, if it has one)."""
    flat = " ".join(text.split())
    return _SENTENCE_END.split(flat, maxsplit=1)[0] if flat else ""


#: Words of a stop rule that tells the patient to call someone: never cut those off.
_CALL_WORDS = ("call", "emergency", "999", "911", "112", "surgical team", "ring")


def stop_rule(text: str) -> str:
    """The stop rule in a line: its first sentence, or all of it when a later sentence
    says whom to call (the early post-operative cards: a hot calf, the wound, the chest)."""
    flat = " ".join(text.split())
    first = first_sentence(flat)
    rest = flat[len(first):].lower()
    return flat if any(word in rest for word in _CALL_WORDS) else first


def picture_caption(content: Content, exercise: Exercise, dose: Dose) -> str:
    """The caption of the exercise's picture: its name and the dose in use, worded as
    the short prompt's first line (``session_card_short_title``), within Telegram's 1024
    characters."""
    return content.text("session_card_short_title", name=exercise.name,
                        dose=dose.describe())[:1024]


def short_card(
    content: Content, exercise: Exercise, level: Level, dose: str, count: int
) -> str:
    """The short prompt: name (and version), today's dose, one cue, the stop rule."""
    text = content.text
    name = exercise.name
    if level != "normal":
        variant = exercise.easier if level == "easier" else exercise.harder
        name = text("session_card_short_variant", name=exercise.name, variant=variant.name)
    lines = [text("session_card_short_title", name=name, dose=dose)]
    cue = cue_for(exercise.cues, count)
    if cue:
        lines.append(text("session_card_short_cue", cue=cue))
    stop = stop_rule(exercise.stop_if)
    if stop:
        lines.append(text("session_card_short_stop", stop=stop))
    return "\n".join(lines)
