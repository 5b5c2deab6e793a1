"""The words of everyday questions, as the FAQ matcher (``faq_match``) compares them.

Patients ask the same thing in many words: "frozen peas", "an ice pack", "something
cold"; "behind the wheel", "drive"; "be intimate", "make love". A message and the
entries are read the same way: lower case (``text_norm.normalise``), a few lay
expressions rewritten as one word first ("stick-on", "10,000 steps", "a&e"), small words
kept in one form for phrases ("making", "made" and "make"; "till" and "before";
"terrible" and "bad"), a light suffix strip ("swimming", "crossed", "stairs") and lay
synonyms brought to one word (``SYNONYMS``). Like ``exercise_words`` for exercise
requests; written from the entries and from what patients type (the tuning part of
``tests/data/faq`` and its probe set, never the held-out rows). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.domain.understanding.text_norm import normalise

#: Only this much of a message is read: a question comes early.
MAX_CHARS = 400


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one spaced string (easier to read and edit)."""
    return frozenset(words.split())


#: Words that never tell one question from another; kept only inside a phrase.
STOP = _wordset(
    """a about after again all also am an and any anything are as at be been being but by
    can could cud did do does doing dont done for from get gets getting go going got had
    has have having he her hers him his how i id if im in into is isnt it its ive know
    let lets like ll me mine my myself no not now of oh ok okay on one or our out please
    pls plz right s she should shud some something t than that thats the their them then
    there theres these they thing things this those to too u uh um up down ur us ve want
    wanna was way we well were what whats when where whether which while who why will
    with wont would wouldnt yet you your youre yours hi hello hey thanks thank cheers
    mate love bit bad good best better alright allowed safe fine normal need needs meant
    supposed tell told say says said think thought try usual usually much many most
    lot lots off time times make makes making made hip hips replacement op operation
    surgery surgical new last help helps change instead mean means keep other programme
    program plan before leg legs come comes manage exercise exercises exercising routine
    routines session sessions workout half till until til untill without within havent
    hasnt hadnt didnt matter ever anymore terrible awful horrible dreadful rubbish rough
    poor shocking crap lousy"""
)
#: Words dropped altogether, even from phrases ("what can you actually do").
FILLER = _wordset("actually really just even still so very quite pretty totally anyway")
#: Forms of the small words that phrases should meet as one ("getting out of bed",
#: "making love", "how long till", "a terrible night", "haven't done", "didn't do").
_SMALL_FORMS = {
    "gets": "get", "getting": "get", "got": "get", "does": "do", "doing": "do", "did": "do",
    "goes": "go", "going": "go", "went": "go", "im": "i", "whats": "what", "its": "it",
    "am": "is", "are": "is", "was": "is", "a": "the", "an": "the", "my": "the",
    "your": "the", "our": "the", "his": "the", "her": "the", "makes": "make",
    "making": "make", "made": "make", "anything": "any", "something": "some",
    **dict.fromkeys(("till", "until", "til", "untill"), "before"),
    **dict.fromkeys(("exercises", "exercising", "routine", "routines", "session",
                     "sessions", "workout"), "exercise"),
    **dict.fromkeys(("havent", "hasnt", "hadnt", "didnt"), "didnt"),
    **dict.fromkeys(("terrible", "awful", "horrible", "dreadful", "rubbish", "rough", "poor",
                     "shocking", "crap", "lousy"), "bad"),
}

#: Lay expressions of several words, read as one or two words before anything else.
_EXPRESSIONS = (
    # a stick-on heat patch is no walking stick
    (re.compile(r"\bstick[\s-]*on\b"), "adhesive"),
    # wearing a joint out is damaging it (wearing shoes is not)
    (re.compile(r"\bwear(?:s|ing)? (?:(?:it|them|my \w+|the \w+|my new \w+) )?out\b"),
     "damage"),
    # "10,000 steps" and a step counter are walking, not stairs
    (re.compile(r"\b(?:\d[\d,.]*k?|thousand) steps\b|\bsteps? (?:a|per|each|every) day\b"
                r"|\bstep[\s-]*(?:count\w*|target|goal|tracker)\b|\bpedometer\b|\bfitbit\b"),
     "walk count"),
    # "how does this thing work" asks about the bot; "last night" says when
    (re.compile(r"\b(?:this|the) (?:thing|app|chat|service|system)\b"), "this"),
    (re.compile(r"\blast night\b"), "yesterday"),
    # a long drive is a long time sitting, not driving
    (re.compile(r"\blong (?:drive|car ride|ride|car trip|trip|coach trip|train ride)\b"),
     "long journey"),
    # picking up again is starting again (picking up from the floor is bending)
    (re.compile(r"\bpick(?:ing)? (?:it |them |things |this |everything )?(?:back )?up "
                r"(?:again|where)\b"), "restart"),
    # an automatic car is driving (an automatic helper is the bot)
    (re.compile(r"\b(?:an|drive|driving) automatic\b|\bautomatic (?:car|gearbox)\b"), "drive"),
    # private physio is paid for, not private information
    (re.compile(r"\bprivate(?:ly)? (?=physio|treatment|hospital|healthcare|care|surgeon|doc"
                r"|health|insurance|op\b|operation)|\bgo(?:ing)? private\b"),
     "paid "),
    # "fizzy oh" is how voice typing hears "physio"; a warmup is a warm-up
    (re.compile(r"\bfizz?y ?(?:oh|o)\b|\bphysi?o\b"), "physio"),
    (re.compile(r"\bwarm-?ups?\b"), "warm up"),
    # "one knee over the other" is crossing the legs; "breast stroke" is swimming
    (re.compile(r"\b(?:one |a )?(?:knee|leg|ankle)s? over the other\b"), "cross legs"),
    (re.compile(r"\bbreast ?stroke\b|\bfront crawl\b"), "swim"),
    # the old rule for stairs: up with the good leg, down with the bad
    (re.compile(r"\bup with the good\b|\bdown with the bad\b"), "stairs"),
    # "made less hard" is easier; "lie in bed" is how to sleep; "over time" is progress
    (re.compile(r"\bless (?:hard|difficult|tough|of a struggle)\b"), "easier"),
    (re.compile(r"\b(?:lay|lie|lying|laying) (?:down )?in bed\b"), "sleep"),
    (re.compile(r"\bover time\b|\bhow (?:i(?:ve|'ve| have)? been|i'?m|am i) doing\b"),
     "progress"),
    (re.compile(r"\ba ?& ?e\b|\ba and e\b"), "emergency"),
    # the forecast is not the weather's effect on a hip
    (re.compile(r"\bweather (?:going to be |gonna be |be )?like\b|\bforecast\b"
                r"|\b(?:will|is) it (?:going to |gonna )?(?:rain|snow|be sunny)\b"), "forecast"),
    # "my next appointment" is not what comes next in the routine
    (re.compile(r"\bnext (?=(?:appointment|appt|visit|check|checkup|clinic|week|month|year"
                r"|weekend|holiday|time)s?\b)"), ""),
)

# Lay words for the same thing, each line brought to its first word.
_GROUPS = """
ice frozen pea peas icepack coldpack icing chill compress
heat warmth heating heatpad heatpack hotpack wheat hottie
painkiller pill tablet paracetamol ibuprofen naproxen codeine cocodamol codamol
  medication medicine meds drug analgesic relief tramadol morphine oramorph diclofenac
  celecoxib gabapentin pregabalin nsaid aspirin dihydrocodeine opioid prescription
  nurofen panadol solpadeine tylenol advil meloxicam etoricoxib naprosyn killer killers
  inflammatory inflammatories antiinflammatory antiinflammatories ibuleve voltarol dose
  dosage steroid injection
recover recovery heal healing improve improvement result difference
sleep sleeping asleep slept sleeper bedtime comfy night nights toss kip
evening tonight
pillow cushion
stair stairs staircase upstairs downstairs banister bannister handrail landing step steps
  kerb curb
drive driving driver wheel
sex sexual sexually intimate intimacy intercourse lovemaking bedroom nookie frisky
partner husband hubby wife boyfriend girlfriend spouse
see sees seen read reads
yesterday
harm damage damaging harming injure injuring injury injuries
miss missed skip skipped forgot forget slack lapse lost
cross crossed crossing
often daily frequency frequently frequent regularly regular
sore soreness ache aching achy aches doms
stiff stiffness stiffen seize seized
move moving moved movement
prepare preparation ready limber
more extra additional beyond further
swim swimming swimmer pool breaststroke crawl backstroke aqua aquarobics aquafit
  shallow
  hydrotherapy hydro sea
stick sticks crutch crutches cane frame walker zimmer rollator
sit sitting seated sat sofa couch settee armchair recliner tv telly television
desk computer
work job working office shift boss site employer career
weight overweight heavy diet slim pound pounds kilo kilos stone lbs fat bmi obese
shoe shoes footwear slipper slippers trainer trainers heel heels boot boots barefoot insole
  sneaker sneakers plimsoll plimsolls
  insoles sandal sandals flip flop crocs wellies
click clicking clunk clunking pop popping crack cracking snap snapping grind grinding
  noise sound clicky creak creaking
morning mornings wake waking woke
tired exhausted shattered knackered fatigue fatigued drained energy worn weary wiped
  lethargic sluggish tiredness
weather damp rain rainy wet winter freezing storm chilly humid humidity barometer
  icy frost frosty snow snowy slippy slippery
bend bending stoop stooping crouch reach reaching pick grab grabber lean cupboard
car passenger taxi vehicle suv jeep 4x4 hatchback
bath bathing tub shower showering soak wash washing jacuzzi
look watch
golf cycling cycle bike biking dance dancing yoga tennis run running jog jogging
  sport sports bowling pilates gardening garden allotment hobby hobbies football rugby cricket
  badminton netball ski skiing fishing zumba aerobics hike hiking hillwalking ramble
  rambling
walk walks walking stroll mile miles dog
equipment kit mat band gear buy
weights dumbbell dumbbells
rest resting
easier gentle gentler simple simpler beginner
easy easily breeze
harder tougher challenge challenging
hard tough difficult
hold holding seconds
rep reps repetition repetitions sets
remind reminder reminders notification notifications alert alerts ping nudge prompt
progress streak chart record improved history summary overview stats statistics graph
pause holiday break freeze
robot bot human automatic person ai chatbot machine
physio physiotherapist clinician clinic surgeon doctor nurse consultant therapist pt
privacy data private information delete download info share shared sharing
emergency casualty ambulance
"""

SYNONYMS: dict[str, str] = {}
#: Words whose "-ing" or "-ed" is not a suffix ("morning" is not "morn").
_WHOLE = _wordset(
    """morning evening nothing something during ceiling string spring bring swing thing
    bed need speed feed red shed wed bleed sets weights painful"""
)


def stem(word: str) -> str:
    """A light suffix strip so "swimming", "crossed" and "stairs" meet their entries."""
    if word in _WHOLE:
        return word
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        word = word[:-2]
    elif len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    elif len(word) > 6 and word.endswith("ful"):
        word = word[:-3]  # "harmful" is about harm, "painful" about pain
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # "swimm" -> "swim", "stopp" -> "stop"
    return word


#: The lay words as written, which a misspelling may be read as.
GROUP_WORDS: frozenset[str] = frozenset(_GROUPS.split())
_canon = ""
for _line in _GROUPS.strip("\n").splitlines():
    _words = _line.split()
    if not _line.startswith(" "):  # an indented line continues the group above it
        _canon = stem(_words[0])
    for _word in _words:
        SYNONYMS.setdefault(stem(_word), _canon)

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    """The words, lower case, apostrophes gone ("can't" is "cant"), lay expressions of
    several words as one."""
    clean = normalise(text)
    for pattern, replacement in _EXPRESSIONS:
        clean = pattern.sub(replacement, clean)
    return [token.replace("'", "") for token in _TOKEN.findall(clean)]


def tokens(text: str, correct: Callable[[str], str] | None = None) -> list[str]:
    """Every word as the index compares them: small words kept (in one form), others
    respelt by ``correct`` when given, stemmed and with their synonyms merged (so phrases
    such as "how often" still match)."""
    out = []
    for word in words(text[:MAX_CHARS]):
        if word in FILLER:
            continue
        if word in STOP or word.isdigit():
            out.append(_SMALL_FORMS.get(word) or (stem(word) if len(word) > 3 else word))
            continue
        if correct is not None:
            word = correct(word)
        stemmed = stem(word)
        out.append(SYNONYMS.get(stemmed, SYNONYMS.get(word, stemmed)))
    return out


#: The small words in the form ``tokens`` gives them ("allowed" is "allow").
SMALL: frozenset[str] = frozenset(
    {_SMALL_FORMS.get(word) or (stem(word) if len(word) > 3 else word) for word in STOP})


def terms(text: str) -> list[str]:
    """Words that can tell questions apart: stop words gone, stemmed, synonyms merged."""
    return [t for t in tokens(text) if t not in SMALL and not t.isdigit()]
