"""What the understanding step returns: red-flag hits and ranked readings with slots.

One message is read once (``interpret``) and the policy decides what to do with the
result in whatever state the conversation is in. These types are the contract between
the two: pure data, no ``telegram``, no storage.

Qualifiers apply to every reading, not only red flags: "my husband did his bridges" is
not the patient's "done", "I used to have numbness" is not a numb leg today.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: "reminder" and "start" are read by rules only (``reminder_reading``, ``start_reading``):
#: requests the bot carries out at once, which the corpus and the model know no kind for.
IntentKind = Literal[
    "redflag", "done", "undo", "rest", "pain", "exercise", "question", "social", "reminder",
    "start", "unknown",
]
INTENT_KINDS: tuple[IntentKind, ...] = (
    "redflag", "done", "undo", "rest", "pain", "exercise", "question", "social", "reminder",
    "start", "unknown",
)
#: Why a phrase does not count as the patient's own report now. "unsure" is only ever a
#: red-flag hit's: the rules read it as live, but the message has qualifier cues and the
#: model's second opinion says it is not one, so it is asked about, not alarmed.
Qualifier = Literal["negated", "past", "hypothetical", "other_person", "figurative", "unsure"]
#: Who raised a hit: the phrase rules, the model finding what the rules did not
#: ("model"), the model doubting what the rules found ("model_doubt"), the model sure
#: that words the rules qualified or found vague are live ("model_sure"), or the model
#: sure of a sign the rules did not find at all ("model_alone").
HitSource = Literal["rules", "model", "model_doubt", "model_sure", "model_alone"]
Urgency = Literal["emergency", "same_day"]
Side = Literal["left", "right", "both"]
Span = Literal["today", "days", "week", "until", "unspecified"]
PainWhen = Literal[
    "now", "before", "after", "during", "walking", "sitting", "night", "morning",
    "unspecified",
]
Trend = Literal["better", "same", "worse"]
#: What a reminder request asks for (``reminder_reading``): stop them all, pause them
#: (for ``Slots.days``, or until /resume), resume them, set the daily time, snooze
#: (in ``Slots.in_minutes``), one reminder ``once`` at a time today or tomorrow, show
#: them ("when is my reminder?"), or keep them as they are ("don't stop the reminders").
ReminderAction = Literal["stop", "pause", "resume", "set", "snooze", "once", "show", "keep"]
OnDay = Literal["today", "tomorrow"]


@dataclass(frozen=True)
class FlagHit:
    """One red-flag phrase found in a message: the concept, the words, and whether it counts.

    ``category`` is a red-flag id (``red_flags.RED_FLAGS``); ``phrase`` is the text that
    matched, so every alarm can say why it was raised. ``qualifier`` is None for a live
    report about the patient ("Mum can't feel her legs" is live: a relative writing for
    the patient).

    A hit to ask about (``Interpretation.ask_about``) may come from the model's second
    opinion (``source``); then ``evidence`` names the words that weighed most in it,
    heaviest first (towards a red flag for "model", against one for "model_doubt"), and
    ``phrase`` is the heaviest of them as the patient typed it (for "model_doubt", the
    rules' own phrase). A live hit may come from it too: "model_sure" keeps the rules'
    phrase, "model_alone" quotes the model's heaviest word that names a sign.
    """

    category: str
    urgency: Urgency
    phrase: str
    start: int = 0
    qualifier: Qualifier | None = None
    source: HitSource = "rules"
    evidence: tuple[str, ...] = ()

    @property
    def live(self) -> bool:
        """Whether this hit means danger now (not negated, past, hypothetical...)."""
        return self.qualifier is None


@dataclass(frozen=True)
class Slots:
    """What a reading carries besides its kind; every field is optional."""

    # done
    exercises: tuple[str, ...] = ()
    sets: int | None = None
    reps: int | None = None
    planned_reps: int | None = None
    sides: Side | None = None
    all: bool = False
    # rest
    span: Span | None = None
    reason: str | None = None
    # pain
    score: int | None = None
    when: PainWhen | None = None
    trend: Trend | None = None
    # exercise request
    exercise: str | None = None
    # question
    topic: str | None = None
    faq: str | None = None  # the FAQ entry that answers it (``faq_reading.with_faq``)
    # reminder request
    reminder: ReminderAction | None = None
    at: str | None = None  # "HH:MM", the patient's local time
    on_day: OnDay | None = None
    days: int | None = None  # how long a pause lasts (None: until /resume or until_day)
    until_day: int | None = None  # a pause until this weekday (Monday 0), "till monday"
    in_minutes: int | None = None  # a snooze: from now


@dataclass(frozen=True)
class Reading:
    """One possible meaning of a message, with a confidence from 0 to 1."""

    kind: IntentKind
    confidence: float = 1.0
    slots: Slots = field(default_factory=Slots)
    qualifier: Qualifier | None = None


UNKNOWN = Reading("unknown", 0.0)


@dataclass(frozen=True)
class Interpretation:
    """A message, read: red-flag hits (live or not) and readings, best first.

    ``ask_about``: a possible red flag too vague to call either way ("my leg feels odd
    since the op"), or one the model's second opinion raised or doubted (``FlagHit.source``);
    the policy asks one yes/no question about it instead of guessing.
    """

    flags: tuple[FlagHit, ...] = ()
    readings: tuple[Reading, ...] = (UNKNOWN,)
    ask_about: FlagHit | None = None

    @property
    def live_flags(self) -> tuple[FlagHit, ...]:
        """The hits that mean danger now."""
        return tuple(hit for hit in self.flags if hit.live)

    @property
    def is_red_flag(self) -> bool:
        """Whether the message reports danger now: nothing else it says may be acted on."""
        return bool(self.live_flags)

    @property
    def emergency(self) -> bool:
        """Whether any live hit needs emergency services now."""
        return any(hit.urgency == "emergency" for hit in self.live_flags)

    @property
    def top(self) -> Reading:
        """The likeliest reading (a live red flag always wins)."""
        if self.is_red_flag:
            return Reading("redflag", 1.0)
        return self.readings[0] if self.readings else UNKNOWN

    def best(self, *kinds: IntentKind) -> Reading | None:
        """The best reading of one of ``kinds`` (for a pending question), or None."""
        return next((r for r in self.readings if r.kind in kinds), None)
