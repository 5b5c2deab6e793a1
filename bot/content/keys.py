"""The message keys the code builds from variables, declared in this one place.

Most keys are written out where they are used (``content.text("progress_title")``), and
``bot.content.message_keys`` finds them by reading the code. A key built at run time, such
as ``f"session_ignored_{reason}"``, cannot be read that way, so each such family is listed
here: its template (as the code writes it), every suffix the code can put in the hole, and
the placeholders each of its messages receives. ``check-content`` then checks every key of
every family like a written-out one, and refuses an f-string key the table lacks.

When you add a value the code can put in a hole (a new ``Ignored`` reason, a new plan
reason, ...), add it here too; ``tests/content/test_key_families.py`` compares each family
with the domain's own list where one exists, and the scan reports a literal passed to a
key-building helper (``Run.ignore("new_reason")``) that a family here does not list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HOLE = re.compile(r"\{[a-z_][a-z0-9_]*\}")


@dataclass(frozen=True)
class KeyFamily:
    """Keys the code builds as ``template`` with one of ``suffixes`` in its one hole."""

    template: str  # as the code writes it, e.g. "session_ignored_{reason}"
    suffixes: tuple[str, ...]  # every value the code can put in the hole
    values: tuple[str, ...]  # the placeholder names the code passes to each key
    where: str  # the code that builds it (for people; the scan finds the sites itself)
    #: The code looks a key up only when content/ has it (``if key in content.messages``),
    #: so a missing one is no mistake; those present are checked like any other.
    optional: bool = False

    @property
    def prefix(self) -> str:
        return self.template.split("{", 1)[0]

    @property
    def suffix(self) -> str:
        return self.template.rsplit("}", 1)[1]

    @property
    def keys(self) -> tuple[str, ...]:
        """Every key of the family, in the order of ``suffixes``."""
        return tuple(f"{self.prefix}{part}{self.suffix}" for part in self.suffixes)


KEY_FAMILIES: tuple[KeyFamily, ...] = (
    KeyFamily(
        "session_ignored_{reason}",
        # bot.domain.routine: every reason Run.ignore(...) is called with
        ("ended", "stale", "paused", "not_paused", "expects_pain", "expects_step", "bad_pain"),
        (),
        "bot/domain/routine/run.py (Run.ignore)",
    ),
    KeyFamily(
        "session_ask_pain_{context}",
        ("before", "painful", "after"),  # bot.domain.routine.model.PainContext
        (),
        "bot/domain/routine/prompts.py (current_prompt)",
    ),
    KeyFamily(
        "session_side_{side}",
        ("left", "right"),  # bot.domain.records.Side
        (),
        "bot/domain/routine/prompts.py (step_text)",
    ),
    KeyFamily(
        "progress_trend_{trend}",
        # bot.domain.progress.figures.Trend but "unknown", which both callers say otherwise
        ("improving", "steady", "worse"),
        (),
        "bot/domain/progress/texts.py, bot/domain/clinic/patients.py",
    ),
    KeyFamily(
        "progress_day_{status}",
        # bot.domain.progress.figures.DayStatus
        ("complete", "rest", "flare", "redflag", "partial", "missed"),
        (),
        "bot/domain/progress/texts.py (_day_line)",
    ),
    KeyFamily(
        "coach_plan_{reason}",
        # bot.domain.coaching.pain_model.PLAN_REASONS
        (
            "pain_above_5",
            "morning_pain_above_5",
            "worse_next_morning",
            "back_to_normal",
            "three_easy_sessions",
            "top_level",
            "acceptable_pain",
            "steady",
        ),
        (),
        "bot/domain/coaching/pain_model.py (explain)",
    ),
    KeyFamily(
        "suggest_{kind}",
        # bot.domain.understanding.reading.IntentKind but unknown, redflag and social,
        # which bot.domain.conversation.policy never suggests ("reminder" and "start" are
        # not offered today either: such a request is carried out, not asked about)
        ("done", "undo", "rest", "pain", "exercise", "question", "reminder", "start"),
        (),
        "handlers/conversation.py (carry_out, Suggest)",
        optional=True,
    ),
)


def skeleton(template: str) -> str:
    """A template with its hole names dropped: ``session_ignored_{}``."""
    return _HOLE.sub("{}", template)


def family_for(shape: str) -> KeyFamily | None:
    """The declared family whose template has this skeleton (``prefix_{}``), if any."""
    for family in KEY_FAMILIES:
        if skeleton(family.template) == shape:
            return family
    return None
