"""Red flags: symptoms that mean "stop exercising today and get checked".

Safety beats everything else the bot does, so the detector leans towards flagging:
a false alarm costs one day of exercise, a missed fall or a numb leg can cost far more.
Negation is handled inside a clause ("no numbness or tingling", "I didn't fall") so
people who report that they are fine are not alarmed. Pure: no ``telegram``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz.distance import OSA

#: Telegram's longest message; the red-flag scan covers all of it.
MAX_SCAN_CHARS = 4096


@dataclass(frozen=True)
class RedFlag:
    """One red-flag symptom; ``emergency`` ones mean emergency services, not a clinic visit."""

    id: str
    label: str  # patient-facing, fits after "You mentioned "
    emergency: bool


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag("fall", "a fall or an injury", False),
    RedFlag("sudden_severe_pain", "sudden or severe pain", False),
    RedFlag("cannot_bear_weight", "not being able to put weight on the leg", False),
    RedFlag("hot_swollen_fever", "a hot or swollen joint, or a fever", False),
    RedFlag("numbness", "numbness in the leg", False),
    RedFlag("tingling", "tingling or pins and needles", False),
    RedFlag("weakness", "weakness in the leg", False),
    RedFlag("night_pain", "pain that wakes you at night", False),
    RedFlag("weight_loss", "weight loss you cannot explain", False),
    RedFlag("cancer_steroids", "a history of cancer or of taking steroids", False),
    RedFlag("bladder_bowel", "trouble controlling your bladder or bowels", True),
    RedFlag("leg_shortened", "a leg that looks shorter or turned outwards", True),
)

_BY_ID: Mapping[str, RedFlag] = {flag.id: flag for flag in RED_FLAGS}

#: The patient-facing safety list (onboarding, /help). Several flags share one line; the
#: test suite checks that every flag id has a line, so the list and detector stay in step.
SAFETY_LINE_FOR: Mapping[str, str] = {
    "fall": "You had a fall or an injury to the hip or leg.",
    "leg_shortened": (
        "After a fall, the leg looks shorter or turns outwards: call emergency services."
    ),
    "sudden_severe_pain": "Pain comes on suddenly or is severe.",
    "cannot_bear_weight": "You cannot put weight on the leg.",
    "hot_swollen_fever": "The joint is hot or swollen, or you have a fever.",
    "numbness": "Numbness, tingling or weakness in the leg.",
    "tingling": "Numbness, tingling or weakness in the leg.",
    "weakness": "Numbness, tingling or weakness in the leg.",
    "night_pain": "Pain wakes you at night.",
    "weight_loss": "You are losing weight without trying.",
    "cancer_steroids": "You have had cancer or take steroid medicines (tell your clinician).",
    "bladder_bowel": (
        "You cannot control your bladder or bowels, or feel numb between the legs: "
        "call emergency services."
    ),
}


def safety_lines() -> tuple[str, ...]:
    """The red-flag list as short lines, in a stable order, each line once."""
    lines: list[str] = []
    for flag in RED_FLAGS:
        line = SAFETY_LINE_FOR[flag.id]
        if line not in lines:
            lines.append(line)
    return tuple(lines)


def flag_by_id(flag_id: str) -> RedFlag:
    """Look a flag up by id (for records that store only ids)."""
    return _BY_ID[flag_id]


# --- normalising text -------------------------------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "′": "'"})
_LONG_RUN = re.compile(r"([^\W\d_])\1{2,}")
_SPACES = re.compile(r"[^\S\n]+")
_NEWLINES = re.compile(r"\s*\n\s*")
_ASCII_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def normalise(text: str) -> str:
    """Lower-case NFKC text without invisible characters, so patterns see plain words.

    Zero-width and other format characters (Cf) vanish; control characters (Cc) become
    spaces except newlines, which stay because they separate thoughts. Letters repeated
    three or more times shrink to two ("soooo" -> "soo"); whitespace is collapsed.
    """
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():  # fast path: ASCII has no format characters, only controls
        text = _ASCII_CONTROLS.sub(" ", text)
    else:
        kept: list[str] = []
        for char in text:
            category = unicodedata.category(char)
            if category == "Cf":
                continue
            if category == "Cc" and char != "\n":
                kept.append(" ")
                continue
            kept.append(char)
        text = "".join(kept)
    cleaned = text.casefold().translate(_QUOTES)
    cleaned = _LONG_RUN.sub(r"\1\1", cleaned)
    cleaned = _SPACES.sub(" ", cleaned)
    return _NEWLINES.sub("\n", cleaned).strip()


# --- negation ----------------------------------------------------------------------------

_CLAUSE_SPLIT = re.compile(
    r"[.!?;\n]+|\b(?:but|though|although|however|except|whereas|apart from)\b"
)
_TOKEN = re.compile(r"[a-z0-9']+|,")

#: Words that negate what follows within a short window.
NEGATORS: frozenset[str] = frozenset(
    {
        "no", "not", "never", "without", "none", "nor", "neither", "nothing", "free",
        "zero", "denies", "deny", "hardly",
        "didn't", "didnt", "don't", "dont", "doesn't", "doesnt", "haven't", "havent",
        "hasn't", "hasnt", "hadn't", "hadnt", "isn't", "isnt", "wasn't", "wasnt",
        "aren't", "arent", "weren't", "werent", "won't", "wont", "wouldn't", "wouldnt",
        "ain't", "aint", "nope", "nah",
    }
)
#: A negator followed by one of these is a hedge, not a denial ("not sure if it's numb").
_HEDGES = frozenset(
    {"sure", "certain", "know", "knowing", "idea", "only", "just", "clear", "convinced"}
)
#: A new subject or contrast ends a negation's reach ("no pain, my leg is numb").
_BLOCKERS = frozenset(
    {
        "i", "i'm", "im", "i've", "ive", "i'd", "it", "it's", "its", "my", "he", "she",
        "they", "we", "you", "but", "now", "though", "although", "however", "still",
        "yet", "except",
    }
)
_WINDOW = 4  # at most this many words between a negator and the symptom
_INTERJECTIONS = frozenset({"no", "nope", "nah"})


def is_negated(text: str, start: int, window: int = _WINDOW, clause_start: int = 0) -> bool:
    """Whether a negator governs the phrase that starts at ``start``.

    Only words after ``clause_start`` (and at most 200 characters back) are read, so a
    negator in an earlier clause never reaches this one.
    """
    tokens = _TOKEN.findall(text[max(clause_start, start - 200) : start])
    words_seen = 0
    for index in range(len(tokens) - 1, -1, -1):
        word = tokens[index]
        if word == ",":
            continue
        if word in _BLOCKERS:
            return False
        if word in NEGATORS:
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            if following in _HEDGES:
                words_seen += 1
                continue
            # "No, it's numb" / "no, numb": a bare "no" before a comma answers a question.
            return not (word in _INTERJECTIONS and following == ",")
        words_seen += 1
        if words_seen > window:
            return False
    return False


def clause_starts(text: str) -> list[int]:
    """Where each clause of normalised text begins; negation never crosses a boundary."""
    return [0, *(match.end() for match in _CLAUSE_SPLIT.finditer(text))]


def clause_start_of(starts: list[int], position: int) -> int:
    """The start of the clause that holds ``position``."""
    return starts[bisect_right(starts, position) - 1]


# --- patterns ----------------------------------------------------------------------------

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

_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
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


def _fuzzy_hits(text: str) -> list[tuple[str, int]]:
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


@functools.lru_cache(maxsize=64)
def detect_red_flags(text: str) -> tuple[RedFlag, ...]:
    """Every red flag the message reports, in ``RED_FLAGS`` order; () when none.

    Memoised: every text message is screened by the red-flag handler and again by the
    intent classifier, and this is the costliest pass over it.

    Scans up to ``MAX_SCAN_CHARS`` characters. A symptom counts unless a negator
    ("no", "not", "didn't", "without"...) governs it within the same clause.
    """
    clean = normalise(text[:MAX_SCAN_CHARS])
    starts = clause_starts(clean)

    def counts(position: int) -> bool:
        return not is_negated(clean, position, clause_start=clause_start_of(starts, position))

    found: set[str] = set()
    for flag_id, patterns in _PATTERNS.items():
        if any(counts(m.start()) for pattern in patterns for m in pattern.finditer(clean)):
            found.add(flag_id)
    for flag_id, position in _fuzzy_hits(clean):
        if flag_id not in found and counts(position):
            found.add(flag_id)
    return tuple(flag for flag in RED_FLAGS if flag.id in found)
