"""The phrasings of each red flag: regular expressions and misspelt key words.

The tables are long because people describe the same symptom many ways ("fel over",
"my leg gave way", "pins n needles"); they are keyed by ``RedFlag.id`` and read by
``red_flags.detect_red_flags``, which decides what counts. Pure: no ``telegram``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rapidfuzz.distance import OSA

_CANT = (
    r"(?:can'?t|cannot|can not|cant|cnt|carnt|couldn'?t|could not|unable to|not able to"
    r"|impossible to)"
)
_PAIN_WORD = r"(?:pain|painful|hurts?|hurting|aches?|aching|achy|throb\w*|sore)"
_LEG = r"(?:leg|legs|foot|feet|knee|knees|ankle|ankles|toes|thigh|thighs|calf|calves)"
_NEG_WORD = (
    r"(?:no|not|never|nor|without|doesn'?t|didn'?t|don'?t|won'?t|isn'?t|wasn'?t|aren'?t"
    r"|hasn'?t|haven'?t)\b"
)
_GAP = rf"(?:(?!{_NEG_WORD})[\w']+\s+)"  # one word (not a negator) and its space

_WALK_NOT_FLAG = (
    r"(?:far|long|for|as|very|more|much|fast|quick\w*|up\w*|down\w*|without|properly"
    r"|normally|well|too|that|briskly|the|to|distances?|stairs|around the|round the"
    r"|straight|right|great|so|like|with(?!out))"
)

_RAW_PATTERNS: dict[str, tuple[str, ...]] = {
    "fall": (
        r"\bfel+\b(?!\s+(?:asleep|behind|apart|for|in love|through|short|ill|sick|silent"
        r"|quiet|off the wagon))",
        r"\bfallen\b(?!\s+(?:asleep|behind|apart|for|ill|sick))",
        r"\b(?:a|the|my|that|bad|nasty|hard|big|recent|another|little|small)\s+fall\b"
        r"(?!\s+(?:asleep|semester|season|term|risk))",
        r"\bfall(?:ing|s)?\s+(?:over|down|off|on|onto|from|out of|backwards?|sideways)\b",
        r"\b(?:after|since)\s+(?:a\s+|my\s+|the\s+)?falling\b",
        r"\btrip+e?d\b",
        r"\bslip+e?d\b(?!\s+(?:a\s+)?dis[ck])",
        r"\b(?:took|had) a tumble\b",
        r"\btumbled\b",
        r"\bhit the (?:floor|ground|deck|pavement)\b",
        r"\blanded (?:on|hard)\b",
        r"\b(?:car|road|bike|cycling|traffic|motorbike|skiing) (?:accident|crash)\b",
        r"\b(?:was|got|been) (?:hit|knocked down|knocked over|run over)\b",
        r"\b(?:banged|bumped|knocked|smashed|whacked|hit|twisted|wrenched) my "
        r"(?:hip|leg|knee|side|thigh|pelvis)\b",
        r"\binjured\b",
        r"\bhad an accident\b",
    ),
    "sudden_severe_pain": (
        rf"\bsudden(?:ly)?\s+{_GAP}{{0,3}}?(?:pain|agony|severe|sharp|intense|terrible"
        r"|excruciating|worse|bad|awful|stabbing)",
        r"\ball of a sudden\b",
        r"\bout of nowhere\b",
        r"\b(?:severe|sever|sevear|severly|severely|intense|extreme|excruciating"
        r"|excrutiating|unbearable|unbearible|unberable|horrendous|horrific|crippling"
        r"|debilitating|sharp|stabbing|shooting|searing|screaming|agonising|agonizing)\s+"
        rf"{_GAP}?(?:pain|hurt|ache|agony|stab\w*)",
        r"\bexc?ru[cs]?i?[ct]?iating\b",
        r"\bunbear[ai]ble\b",
        r"\bagon(?:y|ising|izing)\b",
        r"\bworst pain\b",
        r"\bpain\s+(?:is|was|has been|feels|got)\s+(?:so\s+|really\s+|very\s+|too\s+)?"
        r"(?:severe|excruciating|unbearable|sharp|intense|extreme)",
    ),
    "cannot_bear_weight": (
        rf"\b{_CANT}\s+{_GAP}{{0,2}}?(?:bear|put|take|hold|carry)\s+"
        r"(?:any\s+|much\s+|my\s+|the\s+)?(?:full\s+)?(?:weight|wieght|weigth|wight|weght|waight)\b",
        rf"\b{_CANT}\s+(?:even\s+)?(?:walk|stand|step|hobble)\s+on\s+(?:it|my|the|that|this)\b",
        rf"\b{_CANT}\s+(?:even\s+)?walk\b(?!\s+{_WALK_NOT_FLAG}\b)",
        rf"\b{_CANT}\s+(?:even\s+)?stand(?:\s+up)?\s*"
        r"(?:$|[,.!?;\n]|(?:at all|anymore|now|today)\b)",
        rf"\b{_CANT}\s+{_GAP}?weight[\s-]?bear\w*",
        r"\bnon[\s-]?weight[\s-]?bearing\b",
        r"\b(?:won'?t|wont|will not|doesn'?t|does not|didn'?t)\s+(?:take|hold|support|bear)\s+"
        r"(?:my|any|the)?\s*weight\b",
        r"\b(?:leg|hip)\s+(?:gave|gives|giving)\s+(?:way|out)\b.*\b(?:can'?t|cannot)\s+get up",
    ),
    "hot_swollen_fever": (
        r"\bfe+a?v(?:e|o)?r\w*",
        r"\bfevre\b",
        r"\b(?:have|got|had|running|with|has)\s+(?:a\s+)?(?:high\s+)?temp(?:erature)?\b",
        r"\btemperature of\b",
        r"\bchills\b",
        r"\bshiver(?:y|ing)\b",
        r"\bnight sweats\b",
        r"\bswol+e?n\b",
        r"\bswel+(?:ing|ed|s|ling)?\b",
        r"\bswolen\b",
        r"\b(?:hot|warm|burning)\s+to\s+(?:the\s+)?touch\b",
        r"\bhot\s+(?:and|&)\s+(?:red|swol+e?n|puffy)\b",
        r"\b(?:red|swol+e?n|puffy)\s+(?:and|&)\s+hot\b",
        r"\bhot\s+(?:swol+e?n|joint|hip|red)\b",
        r"\binflamed\b",
        r"\bpuffy\b",
    ),
    "numbness": (
        r"\bnumb(?!er)\w*",
        r"\bnum+n?e?s+\b",
        r"\bnumm\b",
        r"\bno\s+(?:feeling|sensation)\s+(?:in|on|down)\b",
        r"\blost\s+(?:the\s+|all\s+)?(?:feeling|sensation)\b",
        rf"\b{_CANT}\s+feel\s+(?:my|the)\s+{_LEG}",
        rf"\b{_LEG}\s+(?:feels|felt|went|gone|has gone|is|was)\s+{_GAP}?dead\b",
        r"\bdead leg\b",
    ),
    "tingling": (
        r"\bting+l\w*",
        r"\bpins?\s*(?:and|&|n|'n'|an|\+)\s*need\w*",
        r"\belectric(?:al)?\s+(?:shocks?|jolts?|zaps?)\b",
        rf"\bshooting\s+{_GAP}{{0,3}}?down\s+(?:my|the)\s+{_LEG}",
        r"\bburning\s+(?:down|in)\s+(?:my|the)\s+(?:leg|foot|thigh|shin)\b",
    ),
    "weakness": (
        rf"\b(?:weak|wek|waek)\w*\s+(?:in\s+(?:my|the|both)\s+)?{_LEG}",
        rf"\b{_LEG}\s+{_GAP}{{0,3}}?(?:weak|wek|waek)\w*",
        r"\bw(?:ea|ee|e|a)k+n[ae]?s+\b(?!\s+in\s+(?:my\s+|the\s+)?(?:glute|hip|core|bum|butt"
        r"|muscles?|arms?))",
        r"\b(?:gave|gives|giving)\s+way\b",
        rf"\b(?:{_LEG}|hips?)\s+{_GAP}{{0,2}}?(?:gave|gives|giving|give|gone|went)\s+"
        r"(?:way|out|from under)",
        r"\bbuckl\w+",
        r"\bcollaps\w*",
        rf"\b{_CANT}\s+(?:even\s+)?(?:lift|raise|move)\s+(?:my|the)\s+(?:leg|foot)\b",
        r"\bfoot\s+drop\b",
        r"\bdrag+(?:ing|s)?\s+(?:my|the)\s+(?:leg|foot)\b",
        rf"\blost\s+{_GAP}?strength\s+in\s+(?:my|the)\s+(?:leg|foot)\b",
    ),
    "night_pain": (
        rf"\b{_PAIN_WORD}\s+{_GAP}{{0,3}}?(?:at|during|in|through|all)\s+(?:the\s+)?night\b",
        rf"\b(?:at|during|through)\s+(?:the\s+)?night\s+{_GAP}{{0,2}}?"
        rf"{_PAIN_WORD}",
        r"\bnight[\s-]?(?:time\s+)?pain\b",
        r"\bnight[\s-]?time\s+(?:pain|ache|aching)\b",
        rf"\b(?:pain|it|hip|ache|aching|throbbing|hurting|that|which)\s+{_GAP}?"
        r"(?:wakes?|woke|waking|wakens?|woken)\s+me\b",
        rf"\b(?:wakes?|woke|waking)\s+me\s+(?:up\s+)?{_GAP}{{0,3}}?(?:in|with|from)\s+pain\b",
        r"\b(?:woke|wake|waking|woken)\s+(?:me\s+)?up\s+(?:in|with|from)\s+(?:the\s+)?pain\b",
        r"\b(?:keeps?|kept|keeping)\s+me\s+(?:up|awake)\b",
        rf"\b{_CANT}\s+(?:get\s+to\s+)?sleep\s+(?:because|for|with|due|from)\b",
        r"\bup all night\b",
    ),
    "weight_loss": (
        r"\b(?:lost|losing|dropped|dropping)\s+(?:a\s+(?:lot|bit)\s+of\s+|lots\s+of\s+|so\s+much\s+"
        r"|some\s+)?weight\b",
        r"\bweight\s*loss\b",
        r"\bweight\s+(?:is\s+|has\s+been\s+)?(?:dropping|falling|going down)\b",
        r"\b(?:lost|dropped)\s+(?:\d+|a|two|three|four|five|ten)\s*(?:kg|kilos?|pounds|lbs?"
        r"|stone|st)\b",
        r"\bclothes\s+(?:are\s+)?(?:hanging|falling|loose)\b",
    ),
    "cancer_steroids": (
        r"\bcan[cs][ea]?r\w*",
        r"\bcancr\b",
        r"\btum(?:ou?r|er)s?\b",
        r"\bchemo\w*",
        r"\bradio\s?therapy\b",
        r"\bradiation\s+(?:therapy|treatment)\b",
        r"\boncolog\w*",
        r"\bmalignan\w*",
        r"\bmetasta\w*",
        r"\bleuka?emia\b",
        r"\blymphoma\b",
        r"\bmyeloma\b",
        r"\bster[oi]{1,2}d\w*",
        r"\bprednis\w*",
        r"\bcortisone\b",
        r"\bcorticosteroid\w*",
        r"\bdexamethasone\b",
    ),
    "bladder_bowel": (
        r"\b(?:wet|peed|pee'?d|soiled|pooed|pooped|weed|messed)\s+(?:my\s*self|myself"
        r"|the bed|my pants|my trousers)\b",
        r"\b(?:lost|losing|lose|no|can'?t|cannot|can not|unable to|trouble|problems?"
        rf"|difficulty)\s+{_GAP}{{0,2}}?control\w*\s+(?:of\s+|over\s+)?(?:my\s+|the\s+)?"
        r"(?:bladder|bowels?|pee|wee|urine|toilet|poo|peeing|weeing)",
        r"\b(?:bladder|bowel|bowels)\s+(?:control|problems?|issues?|accidents?|leak\w*"
        r"|incontinence)\b",
        r"\bincontin\w*",
        rf"\b{_CANT}\s+{_GAP}?(?:pee|wee|urinate|pass urine|pass water)\b",
        rf"\b{_CANT}\s+hold\s+(?:my\s+|it\s+|in\s+)?(?:pee|wee|urine|bladder|bowels?|poo|it in)\b",
        r"\bleak\w*\s+(?:urine|pee|wee)\b",
        rf"\bnumb\w*\s+{_GAP}{{0,3}}?(?:groin|genitals?|saddle|back passage|privates?"
        r"|private parts|perineum|between (?:my|the) legs)",
        r"\bsaddle\s+(?:numb\w*|an(?:a)?esthesia)",
    ),
    "leg_shortened": (
        rf"\b{_LEG}\b\s+{_GAP}{{0,4}}?(?:shorter|short than|turned\s+out\w*"
        r"|turn(?:ing|s)?\s+out\w*|pointing\s+out\w*|sticking\s+out|rotated\s+out\w*"
        r"|twisted\s+out\w*|rolled\s+out\w*|at a (?:weird|funny|strange|odd|wrong) angle)"
        r"(?!\s+(?:to|fine|ok|okay|well|great|alright|that|nothing))",
        rf"\bone\s+(?:leg|side|foot)\s+{_GAP}{{0,2}}?shorter\b",
    ),
}

#: Each flag's phrasings, compiled once.
PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    flag_id: tuple(re.compile(pattern) for pattern in patterns)
    for flag_id, patterns in _RAW_PATTERNS.items()
}

#: Long key words caught even when misspelt (one slip, two for long words).
_FUZZY_WORDS: Mapping[str, str] = {
    "numbness": "numbness",
    "tingling": "tingling",
    "swelling": "hot_swollen_fever",
    "swollen": "hot_swollen_fever",
    "feverish": "hot_swollen_fever",
    "excruciating": "sudden_severe_pain",
    "unbearable": "sudden_severe_pain",
    "agonising": "sudden_severe_pain",
    "agonizing": "sudden_severe_pain",
    "incontinence": "bladder_bowel",
    "incontinent": "bladder_bowel",
    "steroids": "cancer_steroids",
    "chemotherapy": "cancer_steroids",
    "prednisolone": "cancer_steroids",
}
#: Ordinary words that sit one typo away from a key word.
_FUZZY_STOP = frozenset(
    {"spelling", "selling", "smelling", "shelling", "swilling", "tinkling", "swallow",
     "swallen", "unwearable"}
)
_WORD = re.compile(r"[a-z]+")


def fuzzy_hits(text: str) -> list[tuple[str, int]]:
    """(flag id, position) for misspelt key words."""
    hits: list[tuple[str, int]] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if len(word) < 6 or word in _FUZZY_STOP:
            continue
        for target, flag_id in _FUZZY_WORDS.items():
            if word[0] != target[0] or abs(len(word) - len(target)) > 2:
                continue
            limit = 1 if len(target) <= 8 else 2
            if OSA.distance(word, target, score_cutoff=limit) <= limit:
                hits.append((flag_id, match.start()))
    return hits
