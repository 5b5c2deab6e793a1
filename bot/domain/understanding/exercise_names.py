"""Which exercises a message names: by name, alias, nickname, lay description or typo.

"the bum lifts", "clammies", "the one lying on my side opening my knees like a book" and
"pear a form is stretch" all name an exercise. The ids are the library's and those a
clinic programme adds (see ``tests/data/understanding/README.md``). Patterns run on
normalised text whose key words were spelt right first (``spelling.correct``). Pure: no
``telegram``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_MY = r"(?:my|your|ur|the|his|her|a|one)"
_LIE = r"(?:lie|lying|lieing|laying|lay|lays|lies)"

# Order matters: the more specific names come first, and a span claimed by one exercise
# is not read again for another ("side lying leg lift" is not the standing side lift).
_RAW: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("assisted_walk", (
        r"\bassisted walk\w*|\ba ?sisted walk\w*",
        r"\bwalk\w*\s+(?:\w+\s+){0,10}?(?:with|on|using)\s+(?:\w+\s+){0,2}?(?:frame|sticks?"
        r"|crutch\w*|walker|cane|zimmer|rollator|walking stick)\b",
        r"\b(?:zimmer|rollator)\b(?:\s+(?:practice|walk\w*))?",
        r"\b(?:frame|crutch\w*|sticks?|cane) (?:walk\w*|practice)\b",
        r"\bwalk\w* with (?:a|the|my) (?:stick|cane)\b",
        r"\b(?:stick|cane) in for the walking\b|\bwalk with the cane\b",
        r"\bhold the walking stick\b",
        r"\blaps? of the (?:landing|hall|ward|living room)\b.{0,20}(?:crutch|frame|stick)",
        r"\bthe frame and i\b|\bwalking aid\b",
    )),
    ("side_lying_abduction", (
        r"\b(?:side[\s-]?lying|sidelying|side lieing)\b(?! one not)(?!\s+(?:clam|ones?\s+now))"
        r"(?:\s+(?:hip\s+)?(?:abduction|leg (?:lift|rais)\w*))?",
        rf"\b{_LIE} on {_MY}?\s*(?:side|sides)\b[^.?!]{{0,25}}?\b(?:lift|rais|leg)\w*",
        rf"\b(?:leg|side leg) (?:lift|rais)\w* {_LIE}(?: on (?:my|your|ur) side| down)\b",
        rf"\bside leg (?:lift|rais)\w* {_LIE}\b",
        rf"\b{_LIE} on side lift leg\b|\bleg raise {_LIE} on (?:my|your) side\b",
        r"\bside lying one\b|\bthe straight leg one\b",
    )),
    ("clamshell", (
        r"\bclam\w*|\bcalm ?shell\w*|\bclam shel\w*",
        r"\bopen\w* (?:my|your|ur|the) knees\b",
        r"\bknees? like a book\b",
    )),
    ("hip_flexor_stretch", (
        r"\bhip ?flex\w*|\bflexor\w*|\bflexer\w*",
        r"\b(?:front|top) of (?:the |my |your )?(?:hip|thigh)\b",
        r"\blunge stretch\b|\bkneeling (?:stretch|one)\b|\bpsoas\b",
        r"\bin a lunge\b",
    )),
    ("supine_piriformis_stretch", (
        r"\bpiri\w*|\bpear (?:a )?form\w*|\bpear (?:shaped )?muscle\b|\bparaformis\b"
        r"|\bperiformis\b|\bpirriformis\b",
        r"\bknee across\b|\bdeep buttock stretch\b",
    )),
    ("hip_rotator_stretch", (
        r"\bfig(?:ure)?[\s-]?(?:of\s+)?(?:4|four|for)\b",
        r"\b(?:hip )?rotat\w* stretch\b|\bhip rotat\w*|\brotator\b|\brotater\b",
        r"\bankle (?:on|over) (?:the |my |your |ur )?(?:other )?knee\b",
        r"\bcross(?:ed)? (?:your |my |ur )?ankle over\b|\bcrossed leg stretch\b",
    )),
    ("hamstring_stretch", (
        r"\bham ?str\w*|\bhamsting\w*|\bhammy\b|\bhammies\b",
        r"\bback of (?:the |my |your )?(?:thigh|legs?)\b",
        r"\bheel on (?:the|a) (?:step|stool)\b|\btowel round (?:your|my) foot\b",
    )),
    ("knee_to_chest", (
        r"\bknee (?:to|2|too|towards|up to) (?:your |my |the )?chest\w*|\bknee chest\b",
        r"\bknee hugs?\b|\bhug(?:ging)? (?:the |my |your )?knee\b",
        r"\bpull\w* (?:my|your) knee up\b",
    )),
    ("standing_march", (
        r"\b(?:standing|soldier) march\w*|\bmarch(?:ing)? (?:on the spot|in place)\b",
        r"\bmarch(?:ing|es)\b(?! band)|\bhigh knees\b|\bknee (?:raise|lift)s?\b",
    )),
    ("ankle_pumps", (
        r"\bankle pump\w*|\bankel pump\w*|\buncle pumps\b|\bfoot pumps\b|\bfeet pumps\b",
        r"\bankle (?:exercise|one)\b.{0,20}\bpump\w*|\bpumping one\b",
        r"\bpoint(?:ing)? (?:and flex|my toes up|your toes up)\w*",
        r"\bfeet flapping\b|\bfoot up and down\b|\btoes up and down\b",
        r"\bpoint and flex\b|\bpump\w* (?:my|your|the|his|her) (?:ankles?|feet|foot)\b",
    )),
    ("quad_sets", (
        r"\bquad(?:ricep)?s? (?:sets?|squeez\w*|clench\w*|setting|one)\b|\bquod sets?\b",
        r"\bstatic quads?\b|\bquads\b|\bquadriceps\b",
        r"\bthigh (?:squeez\w*|tighten\w*)|\btighten\w* (?:the |my |your )?thigh\b",
        r"\btense the thigh\b|\bknee (?:presses|pushes|press|push) down\b",
        r"\bback of (?:your|my|the) knee down\b",
    )),
    ("glute_sets", (
        r"\b(?:glute?|gloot|gluteal|bum|butt|bottom|buttock) (?:sets?|squeez\w*|clench\w*)\b",
        r"\bsqueez\w* (?:my|your|the) (?:bottom|bum|butt|buttocks|glutes)\b",
        r"\bclench\w* (?:the |my |your )?(?:cheeks|bum|buttocks|bottom)\b",
    )),
    ("heel_slides", (
        r"\b(?:heel|heal|he'?ll) slid\w*",
        r"\bslid\w* (?:my |your |the )?(?:heel|foot) (?:up|towards)\b",
        r"\bslide heel\b|\bknee up along the bed\b",
    )),
    ("mini_squat", (
        r"\b(?:mini|many|half|little|small|quarter) (?:squat|sqaut)\w*",
        r"\bsmall knee bends?\b|\bbendy knees\b|\bsquats?\b",
    )),
    ("step_up", (
        r"\bstep[\s-]?ups?\b|\bstep up\b",
        r"\bstair one\b|\bup and down the bottom step\b|\bstep onto the stair\b",
        r"\bgoing up one step\b|\bstep up on to\b",
    )),
    ("heel_raise", (
        r"\b(?:heel|heal) (?:rais|rase|lift)\w*|\bcalf rais\w*",
        r"\btip ?toe\w*|\btippy ?toes\b|\bup on (?:my|your|ur) toes\b|\bballerina\b",
        r"\bballs of (?:the|your|my) feet\b",
    )),
    ("standing_hip_extension", (
        r"\bhip ext\w*",
        r"\bleg (?:straight )?back(?:wards)? behind\b|\bleg backs?\b|\bkick ?backs?\b",
        r"\bdonkey kick\b|\bbackwards leg\b|\bleg backwards\b|\bleg back one\b",
        r"\bpush (?:your|ur|my) leg back\b|\btake your leg straight back\b",
    )),
    ("single_leg_balance", (
        r"\bbalanc\w*|\bbalence\w*",
        r"\bone[\s-]?leg(?:ged)? (?:stand|balance)\b|\bst(?:an|oo)d\w* on one (?:leg|foot)\b",
        r"\bflamingo\b|🦩",
    )),
    ("sit_to_stand", (
        r"\bsit(?:ting)? (?:to|2|too|n) stand\w*",
        r"\bchair (?:stand|rise)s?\b|\bchair ones?\b",
        r"\bstand(?:ing)? up (?:and|&) sit(?:ting)? down\b|\bsit down stand up\b",
        r"\bstand up sit down\b|\bstanding up from a chair\b",
        r"\bget(?:ting)? up (?:from|out of|off) (?:the |a |my )?(?:\w+ )?chair\b",
        r"\bup and down from the chair\b",
    )),
    ("hip_abduction", (
        r"\babduc\w*|\bab ?duction\b",
        r"\bside (?:leg )?(?:lift|rais|kick)\w*",
        r"\bleg (?:out )?to the side\b|\bleg out sideways\b|\bsideways leg\b",
        r"\bleg (?:rais|lift|swing)\w* (?:out )?to the side\b|\bstanding leg rais\w*",
    )),
    ("glute_bridge", (
        r"\bbridg\w*|\bbrige\w*|\bglute? lift\b",
        r"\b(?:bum|butt|bottom|hip|glute) (?:lift|rais)\w*",
        r"\blift\w* (?:my |your |ur |the )?(?:bum|bottom|butt|hips)\b",
    )),
    ("walk", (
        r"\bwalk\w*|\bwakled\b|\bstroll\w*|\bwander\w*|\bconstitutional\b|\btreadmill\b",
        r"\b\d+ ?k? steps\b|\blaps? of the\b|\bround the (?:park|block|garden)\b",
    )),
)


@dataclass(frozen=True)
class Mention:
    """One exercise named in a message, and where."""

    exercise: str
    start: int
    end: int


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (ex_id, re.compile("|".join(f"(?:{p})" for p in patterns))) for ex_id, patterns in _RAW
)
EXERCISE_IDS: tuple[str, ...] = tuple(ex_id for ex_id, _ in _RAW)


@functools.lru_cache(maxsize=64)
def mentions(text: str) -> tuple[Mention, ...]:
    """Every exercise named in spelling-corrected normalised text, in reading order.

    An exercise is listed once (at its first mention); a span claimed by an earlier,
    more specific pattern is not read again.
    """
    taken: list[tuple[int, int]] = []
    found: dict[str, Mention] = {}
    for ex_id, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if end == start or any(start < b and a < end for a, b in taken):
                continue
            taken.append((start, end))
            if ex_id not in found:
                found[ex_id] = Mention(ex_id, start, end)
    if "assisted_walk" in found:
        found.pop("walk", None)  # "laps of the hall with the frame" is one exercise
    return tuple(sorted(found.values(), key=lambda m: m.start))
