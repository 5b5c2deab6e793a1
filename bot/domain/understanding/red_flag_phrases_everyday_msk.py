"""Falls, a leg that will not hold, a hip out of its socket and sudden pain, in everyday
words: "came a cropper", "face planted", "the other one won't hold me up", "something
slid out in his hip", "then wham". The second batch of ``red_flag_phrases_everyday``'s
kind of rule, for bones and joints, written as mechanisms from a fresh batch of messages
(``tests/data/understanding_tune5``). Read by ``red_flags``; see ``red_flag_phrases``.
"""

from __future__ import annotations

from bot.domain.understanding.red_flag_phrases import CANT, Rule, gap, rule
from bot.domain.understanding.red_flag_phrases_everyday import NO_BODY, VERY_BAD

#: "Had a fall on the ice and my wrist's in a cast": seen to, and not the hip or leg...
SEEN_TO = (
    r"\b(?:wrist|arm|elbow|hand|finger|thumb|shoulder|nose)(?:'s|\s+is|\s+was|\s+are)?\s+"
    r"(?:now\s+)?(?:in\s+(?:a\s+)?(?:cast|plaster|sling|splint)|strapped\s+up)\b"
    # "fell from the ladder, he is ok, only small bruise": no harm to see to
    r"|\b(?:he|she|i)\s+(?:is|'s|am|'m)\s+(?:ok|okay|fine|alright|all\s+right)\b[^.!?\n]{0,20}?"
    r"\bonly\s+(?:a\s+)?(?:small|little|tiny|wee)\s+(?:bruise|graze|scratch|scrape)\b"
    # "came off my bike (Im fine just my pride)": nothing hurt but pride
    r"|\b(?:just|only)\s+(?:my|his|her)\s+(?:pride|dignity|ego)\b|\bpride\s+(?:was\s+|is\s+)?"
    r"(?:hurt|dented|bruised|wounded)\b"
    # "...in hospital with a broken wrist": a fracture already found, of another part
    r"|\b(?:broken|broke|fractured?|snapped|cracked)\s+(?:(?:my|her|his|their|a|an|the)\s+)?"
    r"(?:left\s+|right\s+)?(?:wrist|arm|elbow|hand|finger|thumb|shoulder|nose|collar\s*bone"
    r"|ribs?|ankle|toe)\b"
)
#: ...unless the hip or leg is in the news too.
LEG_NEWS = r"\b(?:hip|leg|groin|pelvis|thigh|can'?t\s+(?:stand|walk|get\s+up|move))\b"

#: Falls in everyday words.
_FELL = (
    r"\bdown\s+on\s+the\s+(?:pavement|tarmac|path|ice|road|kerb|curb)\b|\bwent\s+over\s+on\b|\bwent\s+over\s+in\s+the\s+(?:back\s+|front\s+)?(?:yard|garden|kitchen"
    r"|bathroom|hall|street)\b|\bcame\s+a\s+cropper\b|\bface[\s-]?plant\w*|\bknocked\s+(?:sideways|over"
    r"|flying)\b|\blost\s+(?:my|her|his)\s+footing\b|\btook\s+a\s+(?:spill|tumble|header|nosedive)\b"
    r"|\blanded\s+(?:hard|heavily)\b|\bwhacked\s+(?:my|her|his)\s+hip\b|\bhip\s+took\s+the\s+"
    r"(?:full\s+)?(?:hit|brunt|impact)\b|\bwent\s+(?:flying|arse\s+over|head\s+over)\b"
)
#: What a broken hip does next.
_BROKEN = (
    rf"\b{CANT}\s+(?:shift|move|bend|budge|lift|get\s+up|stand|walk)\b|\bwon'?t\s+let\s+me\s+move\b"
    r"|\blump\b|\bsticking\s+out\b|\b(?:foot|leg)\s+(?:is\s+|'s\s+|has\s+)?(?:flopped|flops|turned|rolled)\s+(?:right\s+)?out\w*"
    r"|\bfeel\s+sick\b|\bstuffed\b|\bdone\s+something\s+(?:bad|serious)\b|\bthrobbing\s+like\s+mad\b"
    rf"|{VERY_BAD}"
)
_STUCK = (
    rf"\b(?:stuck|jammed|locked|{CANT}\s+(?:budge|shift|move|get\s+off|get\s+up)|won'?t\s+(?:move"
    r"|budge|shift)|looks?\s+short\w*|shorter)\b|\b(?:knee|foot)\s+(?:\w+\s+)?point\w*\s+(?:at|to"
    r"|towards)\s+the\s+other\b"
)

RULES: tuple[Rule, ...] = (
    rule("fracture_after_fall", _FELL, needs=_BROKEN, window=200, same_sentence=False),
    rule("cannot_bear_weight", (
        r"\b(?:no|not)\s+can\s+(?:stand|walk)\b",
        r"\b(?:wont|won'?t|will\s+not|doesn'?t|does\s+not|isn'?t|not)\s+(?:hold(?:ing)?\s+(?:me|her|him)"
        r"\s+up|hold(?:ing)?\s+(?:any\s+)?(?:my\s+|her\s+|his\s+)?weight|take\s+(?:any\s+|my\s+|her\s+"
        r"|his\s+)?weight|bear\s+(?:any\s+)?weight)\b",
        r"\bput\s+(?:my|her|his)\s+(?:\w+\s+)?(?:foot|leg)\s+(?:on|to)\s+the\s+(?:floor|ground)\s+and\s+"
        r"(?:went|fell|collapsed|crumpled|dropped)\b",
        rf"\b{CANT}\s+(?:even\s+)?get\s+upright\b|\b{CANT}\s+load\s+(?:that|the|my|this)\s+(?:side"
        r"|leg)\b",
        r"\b(?:folds?|folded|crumples?|gives?\s+out|gave\s+out|buckles?)\s+(?:up\s+)?(?:under|beneath)\s+"
        r"(?:me|her|him)\b",
        r"\bany\s+(?:pressure|weight)\s+(?:through|on)\s+(?:the|my|her|his|that)\s+(?:leg|hip|side)\s+"
        r"and\s+it\s+(?:buckles|gives|folds|collapses)\b",
    )),
    rule("dislocation", (
        r"\b(?:something|it)\s+(?:has\s+)?(?:slid|slipped|shifted|jumped|popped|came)\s+(?:out\s+)?"
        r"(?:in|inside|within)\s+(?:my|her|his|the)\s+hip\b",
        r"\b(?:hip|joint)\s+made\s+a\s+(?:\w+\s+)?(?:noise|sound|crack|clunk|thunk)\b",
        r"\bfelt\s+(?:it|the\s+(?:hip|joint|ball))\s+jump\s+out\b|\bthunk\b",
        r"\b(?:hip|joint|replacement)\s+(?:has\s+)?(?:come|came)\s+apart\b",
        rf"\bthe\s+hip\s+went\b(?=.{{0,60}}\b{CANT}\b)",
    ), needs=_STUCK, window=160, same_sentence=False),
    rule("sudden_severe_pain", (
        r"\bthen\s+(?:wham|bam|bang|boom|whack)\b|\ball\s+at\s+once\b|\bout\s+of\s+the\s+blue\b"
        r"|\bjust\s+(?:came|come)\s+on\b|\b(?:come|came|comes)\s+(?:very\s+|so\s+|really\s+)?(?:fast"
        r"|quick)\b|\binstant\b|\bbolt\s+of\s+pain\b|\bpain\s+shot\s+through\b|\bjust\s+doubled\b",
    ), needs=VERY_BAD, window=120, same_sentence=False,
        unless=rf"\b(?:cramps?|stitch|twinge\w*|laugh\w*)\b|{NO_BODY}"),
    # "her hip popped, she's screaming and her leg's all twisted"
    rule("dislocation", rf"\b(?:hip|joint|replacement|new\s+hip)\s+{gap(3)}(?:popped|went\s+pop"
                        r"|clunked|gave\s+a\s+(?:clunk|pop))\b",
         needs=r"\b(?:twisted|turned\s+(?:in|out)|screaming|agony|can'?t\s+(?:move|straighten"
               r"|stand|walk)|won'?t\s+(?:move|straighten)|shorter|stuck)\b", window=80),
    rule("sudden_severe_pain",
         r"\blike\s+(?:someone|somebody)\s+(?:hit|whacked|smashed|bashed)\s+(?:my|her|his)\s+\w+\s+"
         r"with\s+a\s+(?:hammer|bat|mallet|brick|sledgehammer)\b"),
)
