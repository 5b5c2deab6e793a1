"""Movement over rest: what the coach says when someone wants to skip, flares up or is unwell.

The article's message is that rest alone rarely fixes a sore hip; the coach explains why
with one of its five reasons (rotating so it never nags with the same words), then offers
the smallest possible next step. Red flags override all of that: stop and get checked.
Every sentence lives in ``content/messages/coach.yaml``. Pure: no ``telegram``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from bot.content.model import REASON_IDS, Content, Routine
from bot.domain.understanding.red_flags import RedFlag
from bot.domain.understanding.text_norm import normalise

#: The smallest next steps offered after the push-back: (choice id, button label key).
REST_CHOICES: tuple[tuple[str, str], ...] = (
    ("walk", "coach_choice_walk"),
    ("one_stretch", "coach_choice_one_stretch"),
    ("easier_routine", "coach_choice_easier_routine"),
    ("rest", "coach_choice_rest"),
)
#: Words of a reason to rest that keep a person indoors: the walk goes last, and indoors.
_INDOOR_REASONS = re.compile(
    r"\b(rain\w*|wet|weather|snow\w*|ic[ey]|frost\w*|storm\w*|wind\w*|cold|freezing|"
    r"hot|heat\w*|dark|sofa|couch|indoors?|inside|stuck in)\b", re.IGNORECASE)


#: The same steps for a reason that keeps the person indoors: the walk last, at home.
INDOOR_REST_CHOICES: tuple[tuple[str, str], ...] = (
    ("one_stretch", "coach_choice_one_stretch"),
    ("easier_routine", "coach_choice_easier_routine"),
    ("walk", "coach_choice_walk_indoors"),
    ("rest", "coach_choice_rest"),
)


def keeps_indoors(reason: str | None) -> bool:
    """Whether a reason to rest keeps the person indoors ("it's raining, staying on the
    sofa"): then the stretch and the easier routine come first, the walk is at home."""
    return bool(reason and _INDOOR_REASONS.search(reason))


def rest_choices(reason: str | None) -> tuple[tuple[str, str], ...]:
    """The smallest next steps to offer for ``reason``, as (choice, label key)."""
    return INDOOR_REST_CHOICES if keeps_indoors(reason) else REST_CHOICES


_CHOICE_REPLY = {
    "walk": "coach_choice_walk_reply",
    "one_stretch": "coach_choice_one_stretch_reply",
    "easier_routine": "coach_choice_easier_routine_reply",
    "rest": "coach_rest_accepted",
}
MAX_PUSHBACK_SENTENCES = 3
_SENTENCE_END = re.compile(r"[.!?]+(?:\s+|$)")


def count_sentences(text: str) -> int:
    """Sentences in a text, counted by their closing punctuation (a trailing bit counts)."""
    stripped = text.strip()
    if not stripped:
        return 0
    ends = len(_SENTENCE_END.findall(stripped))
    return ends + (0 if stripped[-1] in ".!?" else 1)


def _reason_order(content: Content) -> list[str]:
    """Reason ids in the article's order, then any extra ones alphabetically."""
    known = [rid for rid in REASON_IDS if rid in content.reasons]
    return known + sorted(rid for rid in content.reasons if rid not in REASON_IDS)


def _parse_key(key: str | None) -> tuple[str, int] | None:
    if not key or ":" not in key:
        return None
    rid, _, index = key.rpartition(":")
    return (rid, int(index)) if index.isdigit() else None


def _next_reason_key(content: Content, last_text_key: str | None, rng: random.Random) -> str:
    """The next reason (in turn after the last one) and a random phrasing of it."""
    order = [rid for rid in _reason_order(content) if content.reasons[rid].texts]
    if not order:
        raise ValueError("content has no reason texts for the rest push-back")
    last = _parse_key(last_text_key)
    if last is None or last[0] not in order:
        rid = rng.choice(order)
    else:
        rid = order[(order.index(last[0]) + 1) % len(order)]
    count = len(content.reasons[rid].texts)
    choices = [i for i in range(count) if f"{rid}:{i}" != last_text_key] or [0]
    return f"{rid}:{rng.choice(choices)}"


def rest_pushback(
    content: Content, last_text_key: str | None, rng: random.Random
) -> tuple[str, str]:
    """(text, text_key): 2-3 sentences on why rest alone won't fix it, with one reason.

    ``text_key`` ("circulation:2") names the reason phrasing used; pass it back next
    time so the coach moves on to the next reason and never repeats itself. The opener
    and closer are dropped as needed to keep the text at three sentences or fewer.
    """
    key = _next_reason_key(content, last_text_key, rng)
    rid, index = key.rsplit(":", 1)
    reason = content.reasons[rid].texts[int(index)].strip()
    opener = content.text("coach_rest_opener", rng)
    parts = [opener, reason, content.text("coach_rest_closer", rng)]
    if count_sentences(" ".join(parts)) > MAX_PUSHBACK_SENTENCES:
        parts.pop()  # the closer goes first: the buttons ask the question anyway
    if count_sentences(" ".join(parts)) > MAX_PUSHBACK_SENTENCES:
        parts.pop(0)
    return " ".join(parts), key


def choice_reply(content: Content, choice: str, rng: random.Random | None = None) -> str:
    """What the coach says after the user picks one of ``REST_CHOICES``."""
    if choice not in _CHOICE_REPLY:
        raise ValueError(f"unknown choice {choice!r}; expected one of {list(_CHOICE_REPLY)}")
    return content.text(_CHOICE_REPLY[choice], rng)


def rest_accepted(content: Content, rng: random.Random | None = None) -> str:
    """A friendly, guilt-free reply when the user still wants to rest."""
    return content.text("coach_rest_accepted", rng)


def _join_and(content: Content, items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {content.text('coach_list_and')} {items[-1]}"


def flare_up_plan_text(content: Content, routine: Routine | None = None) -> str:
    """The flare-up day plan: only the mobility exercises (of the patient's programme);
    the streak is paused, not broken."""
    names = [
        content.exercises[eid].name
        for eid in (routine or content.routine).mobility_only
        if eid in content.exercises
    ]
    moves = _join_and(content, names) if names else content.text("coach_flare_up_fallback_moves")
    return content.text("coach_flare_up_plan", exercises=moves)


def severe_pain_reply(content: Content) -> str:
    """Pain of 8 or more with no red flag: no exercise today; see someone if it persists."""
    return content.text("coach_severe_pain")


def pain_out_of_range_reply(content: Content, rng: random.Random | None = None) -> str:
    """Asks again for a whole number from 0 to 10 (for ``Intent("pain", pain=None)``)."""
    return content.text("coach_pain_out_of_range", rng)


def red_flag_reply(content: Content, flags: Sequence[RedFlag]) -> str:
    """Stop and get care: one instruction, at the urgency the worst flag calls for.

    An emergency gets only "call emergency services now" (a second, gentler instruction
    in the same message would blur it); otherwise stop for today and contact a
    clinician today, and /resume once checked. Never encourages exercise. Lists what
    the user reported so they can tell whoever sees them.
    """
    unique = list(dict.fromkeys(flag.label for flag in flags))
    items = "\n".join(content.text("safety_redflag_item", label=label) for label in unique)
    listed = f"{content.text('safety_redflag_intro')}\n{items}" if unique else ""
    if any(flag.emergency for flag in flags):
        return "\n\n".join(p for p in (content.text("safety_redflag_emergency"), listed) if p)
    parts = [listed, content.text("safety_redflag_stop"), content.text("safety_redflag_resume")]
    return "\n\n".join(p for p in parts if p)


def red_flag_questions(content: Content) -> str:
    """The screening questions asked when pain is 7 or more."""
    return content.text("safety_questions")


_THANKS = re.compile(r"thank|\bthx\b|\bthnx\b|\bthanx\b|\bty\b|\btyvm\b|cheers|appreciat|🙏")


def social_reply(content: Content, rng: random.Random, text: str | None = None) -> str:
    """A short friendly answer to a greeting or thanks (thanks when ``text`` says so)."""
    thanks = text is not None and bool(_THANKS.search(normalise(text)))
    return content.text("coach_social_thanks" if thanks else "coach_social_greeting", rng)
