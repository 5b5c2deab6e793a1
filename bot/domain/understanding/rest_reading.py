"""A rest (skip, pause, postpone) request read for its slots: how long, and why.

"I'll do them tomorrow" skips today; "on hols till monday" lasts until a day; "can I
have the weekend off" is a few days; "cruise next week so I'll stop them for the week" is
a week. The reason is one short word the coach can answer (weather, tired, holiday,
busy, work, pain, illness, mood, family, visitors, travel...). Pure: no ``telegram``.
"""

from __future__ import annotations

import re

from bot.domain.understanding.cue_topics import ACHE, PAIN_WORD
from bot.domain.understanding.reading import Slots, Span

_DAY_NAMES = (
    r"(?:mon|tues?|wed(?:nes)?|thur?s?|fri|sat(?:ur)?|sun)(?:day)?|mundy|the \d+(?:st|nd|rd|th)"
)
_UNTIL = re.compile(
    r"\b(?:till|until|untill|til)\b(?! next week| tomorrow)"
    rf"|\bback (?:on|from|home|in|next (?!week)|{_DAY_NAMES}\b)|\bresume\b|\brestart\b"
    rf"|\bstart (?:again|back) (?:on|next (?!week)|after|when|then|in|{_DAY_NAMES}\b)"
    r"|\breopens?\b|\bwhen i'?m (?:home|back|over)\b"
    r"|\bcatch up (?:when|at)\b|\b(?:to|till|until) the weekend\b|\bafter (?:christmas|easter"
    r"|the (?:holidays|weekend|new year)|my (?:scan|op|holidays?|appointment))\b"
    r"|\bpick (?:it|them) (?:back )?up (?:after|when|on)\b|\bend of the month\b"
)
_WEEK = re.compile(
    r"(?<!last )(?<!after )(?<!rest of the )\b(?:week|weeks|wk)\b(?!end)(?! ago)|\bweek'?s\b"
)
_DAYS = re.compile(
    r"\b(?:few|couple(?: of)?|2|3|4|two|three|four|several) (?:more )?days?\b(?! in a row)"
    r"|\bday or two\b|\bweekend\b|\bover (?:easter|christmas)\b|\bdays off\b"
    r"|\bnext couple\b|\bcouple days\b"
)
_TODAY = re.compile(
    r"\btoday\b|\btonight\b|\b2day\b|\bto day\b|\btoday'?s\b|\btodays\b"
    r"|\bthis (?:morning|afternoon|evening)\b|\btomorrow\b|\btmrw?\b|\b2moro\w*|\btomor+o\w*"
    r"|\btom+or+ow\b|\blater\b|\bnow\b|\bday off\b|rest day\b|\bday of rest\b|\ball day\b"
    r"|\b(?:going|back) to bed\b|\b(?:hard|bad|long) day\b|\brest of the day\b"
    r"|\b(?:duvet|lazy|lazzy|personal|snow|quiet|off) day\b|\bthe day off\b|\ba day(?: of)?\b"
    rf"|\b(?:lazy|it'?s) (?:{_DAY_NAMES})\b|\banother day\b(?!s)"
)
_NOT_TODAY = re.compile(r"\banother day\b|\bsome other time\b")

_REASONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("medical advice", re.compile(
        r"\b(?:physio|doctor|gp|dr|nurse) (?:said|told|says)\b")),
    ("operation", re.compile(r"\b(?:op|operation|surgery|cataract)\b|\bin hospital for my\b")),
    ("appointment", re.compile(r"\bappointment\b|\bscan\b|\bconsultant\b")),
    ("injection", re.compile(r"\binjection\b")),
    ("birthday", re.compile(r"\bbirthday\b")),
    ("wedding", re.compile(r"\bwedding\b")),
    ("bereavement", re.compile(r"\bpassed away\b|\bfuneral\b")),
    ("hangover", re.compile(r"\bhangover\b|\bhung ?over\b")),
    ("fasting", re.compile(r"\bfasting\b")),
    ("holiday", re.compile(
        r"\bholiday\w*|\bhols\b|\bhoilday\b|\bcruise\b|\bcaravan\b|\bchristmas\b|\beaster\b"
        r"|\bthanksgiving\b|\bspring break\b|\bon hols\b|✈|\bin (?:spain|florida)\b")),
    ("illness", re.compile(
        r"\bcold\b(?! (?:out|weather|today|here))|\bbug\b|\bmigraine\b|\bhay ?fever\b|\bflu\b"
        r"|\bsore throat|\bgrotty\b|\bunder the weather\b|\bnot feeling (?:great|well)\b"
        r"|\bunwell\b|(?<!^)\bill\b|\bfever\b|\btemperature\b"
        r"|\bsick\b(?! of)")),
    ("weather", re.compile(
        r"\brain(?! check)\w*|\bpouring\b|\btipping down\b|\bchucking it\b|\bwindy\b"
        r"|\bsnow(?!ed under)\w*|\bicy\b|\bfreezing\b|\btoo hot\b|\bheatwave\b|\bmuggy\b"
        r"|\bhumid\b|(?<!the )\bweather\w*|\bwhether\b"
        r"|☔|🌧|\bthaws?\b|\bdamp\b|\btoo dark\b")),
    ("pain", re.compile(
        r"\bsore\b|\b" + ACHE + r"|\bhurts?\b|\b" + PAIN_WORD + r"|\btender\b|\bstiff\b"
        r"|\bgrumbl\w*"
        r"|\bplaying up\b|\boverdid\b|\bpushed too hard\b|\bsettle\b|\bhip\b"
        r"|\bit'?s (?:about |only )?an? \d")),
    ("tired", re.compile(
        r"\btired\b|\bexhausted\b|\bknackered\b|\bshattered\b|\bworn (?:out|me out)\b|\bwiped\b"
        r"|\bpooped\b|\bbeat\b|\bdone in\b|\bcream crackered\b|\bno sleep\b|\bdidn'?t sleep\b"
        r"|\bbad night\b|\bup all night\b|\bkept us up\b|\bjet lag\w*|\bbrain fog\b|\bhalf dead"
        r"|\blegs are done\b|\blong day\b|\bhard day\b|😴|\blong shift\b|\bup late\b"
        r"|\bcharity walk\b|\bone of those days\b")),
    ("mood", re.compile(
        r"\bmood\b|\bbothered\b|\bcba\b|\blazy\b|\blazzy\b|\bidle\b|\bnot feeling it\b|\blow\b"
        r"|\bdepress\w*|\bmotivat\w*|\bmeh\b|\bmentally\b|\bduvet\b|\bpersonal day\b"
        r"|\bhave it in me\b|\ba bit much\b|\bsick of\b|\brubbish\b|\bnot up (?:for|to) it\b")),
    ("work", re.compile(
        r"\bwork\w*|\bshift\b|\bconference\b|\bexams?\b|\bmarking\b|\bbusiness\b|\bon call\b"
        r"|\bon nights\b|\bminding the shop\b")),
    ("visitors", re.compile(
        r"\bvisitors\b|\bvistors\b|\b(?:daughter|son|sister)'?s? (?:is |has )?(?:visiting|come)"
        r"|\bfamily staying\b|\bgrandkids are here\b")),
    ("travel", re.compile(
        r"\btrain\b|\btravel\w*|\bhotel\b|\bflying\b|\bpacking\b|\bout of town\b|\boff to\b")),
    ("family", re.compile(
        r"\bgrandkids\b|\bgrandchildren\b|\bgrandson\b|\bkids\b|\bfamily\b|\bmum'?s poorly\b"
        r"|\bbabysit\w*|\bfuneral\b|\bcaring for\b|\bhusband'?s in\b|\bbrother\b"
        r"|\bdaughter'?s\b")),
    ("busy", re.compile(
        r"\bbusy\b|\bbizzy\b|\bno time\b|\btoo? much on\b|\blot on\b|\bsnowed under\b"
        r"|\brushing\b|\bin the middle of\b|\bmoving house\b|\bgoing out\b|\bout with\b"
        r"|\bout all day\b|\bgolf\b|\banniversary\b|\bpuppy\b|\bdentist\b|\bnot had a minute\b")),
)


def rest_span(clean: str) -> Span:
    """How long the rest lasts, from the words that say so."""
    if _UNTIL.search(clean):
        return "until"
    if re.search(r"\b(?:till|until|til) next week\b", clean) or _WEEK.search(clean):
        return "week"
    if _DAYS.search(clean):
        return "days"
    if _TODAY.search(_NOT_TODAY.sub(" ", clean)):
        return "today"
    return "unspecified"


def rest_reason(clean: str) -> str | None:
    """The reason given, as one short word, or None."""
    for reason, pattern in _REASONS:
        if pattern.search(clean):
            return reason
    return None


def rest_slots(clean: str) -> Slots:
    """The slots of a rest reading."""
    return Slots(span=rest_span(clean), reason=rest_reason(clean))
