"""What a question about the programme, the bot or the plan is about: a short topic.

"how long do I hold it?" is "hold time", "can the reminder come later" is "reminder
time", "is there an easier way" is "easier", "surely rest is better?" is "why move".
The topics are short words the policy maps to answers; None when no topic is known.
Pure: no ``telegram``.
"""

from __future__ import annotations

import functools
import re

#: Asking for an exercise for a goal, none named ("something for stiff hips?").
ASKS_EXERCISE = (
    r"\b(?:something|anything|any|an?|some|good|best|other|more|new|different|gentle)"
    r" (?:\w+ )?(?:exercises?|stretch\w*|moves?|tips|ideas)\b(?! (?:done|finished))"
    r"|\b(?:something|anything|exercises?|stretch\w*|tips|moves?) (?:\w+ ){0,2}(?:for|to)"
    r" (?:\w+ ){0,3}(?:hips?|thighs?|back|knees?|legs?|glutes?|groin|stiff\w*|tight\w*"
    r"|strength\w*|strong\w*|balance|mobility|flexib\w*)\b"
    r"|\b(?:anything|what) (?:else )?(?:(?:can|could|should) (?:i|we|she|he)|(?:i|we) (?:can"
    r"|could|should)) do\b"
    r"|\bteach me\b|\bmobility (?:exercis|stretch)\w*"
)
_TOPICS: tuple[tuple[str, str], ...] = (
    ("pause reminders", r"\bpause (?:the )?reminders\b"),
    ("stop reminders", r"\b(?:stop|turn off|mute|unsubscribe|no more|cancel)\b.{0,25}"
     r"(?:reminders?|notifications?|messages|you\b)|\bunsubscribe\b|\bhow to mute\b"),
    ("reminder days", r"\b(?:reminders?|message me)\b.{0,30}\b(?:weekdays?|weekends?|sundays?"
     r"|saturdays?|mondays?)\b|\bnot message me on\b"),
    ("reminder frequency", r"\b(?:fewer|less|more) (?:reminders|messages)\b"),
    ("reminder time", r"\breminders?\b|\bremind me (?:at|later|in)\b|\bmessage me (?:later|at"
     r"|in)\b|\bwhen you message me\b|\bremind me tomorrow\b|\bwhat time will\b"),
    ("hold time", r"\bhow (?:long|loan|lng)\b.{0,25}\b(?:hold|stay|keep|last)\b"
     r"|\bhold (?:time|for how)"
     r"|\b(?:second|sec) hold\b|\bhold (?:it|them|the stretch\w*|each)? ?for \d+"
     r"|\bhw lng hold\b|\bhow many seconds\b|\bhold for 5\b|\b\d+ seconds or\b"),
    ("rest between sets", r"\brest between\b"),
    ("how long results", r"\bhow long (?:before|until|till)\b|\bsee results\b|\bnotice a diff"),
    ("programme length", r"\bhow long is the (?:programme|program)\b|\bprogramme end\b"
     r"|\bwhen does the (?:programme|program)\b"),
    ("next exercise", r"\bwhat'?s next\b|\bwhat (?:comes )?next\b|\bwhats next\b|^next\b"
     r"|\bwhich (?:exercise|one) is next"
     r"|\bnext one\b|\bafter that\b|\bwhat do i do now\b|\bwhat'?s left\b|\bwhats left\b"),
    ("today plan", r"\b(?:on|for) (?:for )?today\b|\bhave i got today\b|\btoday'?s (?:plan|list)"),
    ("exercise list", r"\blist (?:my|the|all)\b|\bwhat'?s in my (?:programme|program)\b"
     r"|\bhow many exercises\b|\bmy exercises\b.{0,10}\blist\b"),
    ("exercise suggestion", ASKS_EXERCISE),
    ("harder", r"\bharder\b|\bnext level\b|\bchallenge\b|\bprogress it\b|\badd weights\b"
     r"|\bankle weights\b|\bresistance band\b|\btoo easy\b"),
    ("easier", r"\beasier\b|\beasy version\b|\bgentler\b|\bsimpler\b|\bless hard\b|\bbeginner"
     r"|\btoo (?:hard|much|difficult)\b|\bhalf as deep\b"),
    ("floor alternative", r"\bfloor\b|\bon the (?:bed|sofa)\b|\bin a chair\b|\bsitting in a chair"
     r"|\bseated version\b|\bget(?:ting)? down there\b"),
    ("twice a day", r"\btwice a day\b|\bmorning and evening\b|\bmore than once\b"
     r"|\b\d times a day\b|\bin the evening as well\b"),
    ("how often", r"\bhow often\b|\bevery (?:other )?day\b|\btimes a week\b"),
    ("how many", r"\bhow many\b|\breps\?|\b\d+ or \d+\?|\beach side or\b|\brepititions\b"),
    ("both sides", r"\bboth legs or\b|\bjust the sore one\b|\bboth sides or\b"),
    ("why move", r"\bwhy (?:should|do|exercise|move|keep)\b|\brest (?:is|it|is better)\b"
     r"|\bpoint of\b|\bwear (?:the joint )?out\b|\bresting it not\b|\bkeep moving\b"),
    ("soreness after", r"\b(?:day after|next morning)\b"),
    ("pain during exercise", r"\b(?:exercise|exercises|exercising)\b.{0,20}\b(?:aches?|hurts?"
     r"|sore)\b|\bdiscomfort\b|\bstop if it\b|\bif it (?:twinges|hurts)\b"),
    ("where to feel it", r"\bfeel (?:it|the stretch|anything)\b|\bwhich muscle\b|\bburn\b"),
    ("arthritis", r"\barthritis\b"),
    ("outlook", r"\bever get better\b"),
    ("warm up", r"\bwarm(?:ing)? ?up\b|\bstretch before\b"),
    ("cool down", r"\bcool(?:ing)? ?down\b"),
    ("physio access", r"\bphysio (?:get|see|read)\b|\bsend .{0,20}to my physio\b"
     r"|\bclinic check\b|\banyone at the clinic\b"),
    ("doctor access", r"\b(?:gp|doctor)\b.{0,15}\bsee\b"),
    ("family access", r"\b(?:daughter|son|wife|husband)\b.{0,10}\bsee my\b"),
    ("progress", r"\bprogress\b|\bchart\b|\bhow i'?m (?:doing|going)\b|\bdone better\b"),
    ("privacy", r"\bprivacy\b|\bprivate\b|\bdata\b|\bwho reads\b|\bdeleted?\b"),
    ("missed day", r"\bmiss(?:ed)? (?:a|one|the|yesterday|a few)\b|\bmissed\b|\bskip a day\b"
     r"|\bif i forget\b|\bmake up\b|\bbehind (?:with|on)\b|\boff the wagon\b"),
    ("walking enough", r"\bwalking (?:enough|replace)\b|\bwalk the dog every day\b"),
    ("walking amount", r"\bhow (?:much|far)\b.{0,20}\bwalk"),
    ("other activity", r"\b(?:gardening|swimming|swim|cycling|golf|pilates|yoga|aqua|bike)\b"),
    ("bot", r"\breal person\b|\brobot\b|\bare you a bot\b|\bhuman\b"),
    ("best time", r"\btime of day\b|\bbefore or after (?:breakfast|lunch|dinner)\b"
     r"|\bat night before bed\b|\bbest time\b"),
    ("equipment", r"\bequipment\b|\ba mat\b|\bresistance band from\b|\bwhat do i need\b"),
    ("clothing", r"\bshoes\b|\bbarefoot\b|\bwear\b"),
    ("ice or heat", r"\bice\b|\bheat (?:pack|or)\b|\bhot water bottle\b"),
    ("painkillers", r"\bpainkillers?\b|\bparacetamol\b|\bibuprofen\b|\btablets?\b|\bco-?codamol"),
    ("cross legs", r"\bcross (?:my )?legs\b|\bcrossing (?:my )?legs\b"),
    ("speed", r"\bhow fast\b|\bhow slow\b"),
    ("clicking", r"\bclick\w*\b"),
    ("after surgery", r"\bafter (?:my )?(?:hip replacement|op|operation|surgery)\b"),
    ("terminology", r"\bwhat does \w+ mean\b|\bwhen it'?s at home\b"),
    ("logging", r"\bhow do i tell you\b"),
    ("video", r"\bvideo\b"),
    ("pictures", r"\bpictures?\b|\bdiagram\b"),
    ("printout", r"\bprint\w*\b"),
    ("cost", r"\bcost\b|\bpay\b|\bfree of charge\b"),
    ("contact physio", r"\bcontact my physio\b"),
    ("change programme", r"\bchange my (?:programme|program)\b|\bdifferent exercises\b"),
    ("order", r"\bchange the order\b|\bin any order\b"),
    ("how to use", r"^help\b|\bhow does this work\b|\bhow do i use\b"),
    ("how long", r"^how long\W*$"),
)
_COMPILED = tuple((topic, re.compile(pattern)) for topic, pattern in _TOPICS)


@functools.lru_cache(maxsize=64)
def question_topic(clean: str) -> str | None:
    """The topic of a question, or None when none of the known ones fits."""
    for topic, pattern in _COMPILED:
        if pattern.search(clean):
            return topic
    return None
