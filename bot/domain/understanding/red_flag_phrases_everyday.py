"""Red flags told in everyday pictures rather than symptom words, for every body system.

Patients often describe a danger sign by what it does to their day, not by its name: a
shoe that slaps the pavement, a leg that "won't do as it's told", sheets peeled off every
night, "an accident in my pants and I didn't feel it coming", a hip that "went bang".
Weight lost without trying and cancer in the past stay in ``red_flag_phrases_medical``,
extended there for these batches. These rules were written from a fresh batch of such
messages (``tests/data/understanding_tune4``), as mechanisms (the picture and what must
stand near it), not as copies of rows; the other ``red_flag_phrases_*`` modules hold
the rules in clinical and common words. Read by ``red_flags``; see ``red_flag_phrases``.
"""

from __future__ import annotations

from bot.domain.understanding.red_flag_phrases import CANT, Rule, gap, rule
from bot.domain.understanding.red_flag_phrases_medical import NOT_NIGHT_SWEAT

#: Leaking from a laugh, a sneeze or a cough is common and long-standing, not a new sign.
_STRESS_LEAK = r"\b(?:laugh\w*|sneez\w*|cough\w*|giggl\w*|jump\w*|trampoline|toddler|baby)\b"
#: How bad a pain is, in everyday words (also read by ``red_flag_phrases_everyday_msk``).
VERY_BAD = (
    r"\b(?:scream\w*|shriek\w*|howl\w*|unbelievable|mind[\s-]*blowing|white\s+as\s+a\s+sheet"
    r"|unbearable|excruciating|agony|agonising|agonizing|incredible\s+pain|insane\s+pain"
    r"|like\s+nothing\s+(?:i'?ve|i\s+have|she'?s|he'?s)\s+ever|never\s+had\s+(?:\w+\s+)?like"
    r"|never\s+felt\s+(?:\w+\s+)?pain\s+like|searing|white[\s-]hot|doubled?\s+(?:me\s+|her\s+|him\s+)?over"
    r"|(?:can'?t|cannot)\s+bear\s+it|very\s+big\s+pain|massive\s+(?:bolt|stab|jolt)|unreal"
    r"|something\s+else|10/10"
    r"|(?:can'?t|cannot)\s+(?:even\s+)?(?:talk|speak|think)\s+(?:through|for|with)\s+(?:the\s+)?pain"
    r"|(?:can'?t|cannot)\s+(?:even\s+)?move\s+(?:from|for|with)\s+(?:the\s+)?pain"
    r"|pain\s+(?:is\s+)?(?:very\s+)+(?:strong|bad|severe|serious)|paining\s+me\s+(?:so\s+)?"
    r"(?:seriously|badly|terribly)|the\s+pain\s+is\s+too\s+much|explod\w*\s+(?:in|with)\s+pain)\b"
)
#: Pain at its worst in words VERY_BAD leaves to this rule: "through the roof", "savage",
#: "ten out of ten", "most bad pain".
OFF_THE_SCALE = (
    r"\bthrough\s+the\s+roof\b|\bsavage\b|\b(?:ten|10)\s+out\s+of\s+(?:ten|10)\b"
    r"|\b(?:most|very)\s+(?:bad|strong|severe)\s+pain\b"
)
#: A sentence with no pain and no body in it ("the film was unreal, out of the blue...").
NO_BODY = (
    r"^(?![\s\S]*\b(?:pain\w*|hurt\w*|agony|agonising|agonizing|hip|hips|groin|thigh|leg|legs"
    r"|ache\w*|aching|joint|sore|throb\w*|excruciating|unbearable|searing|back|side|bum)\b)"
)
_NIGHT = r"\b(?:night\w*|nite|bed|sleep\w*|early\s+hours|small\s+hours|\d\s*am|overnight)\b"
_WHOSE = r"(?:my|her|his|the|mums?|dads?)"

RULES: tuple[Rule, ...] = (
    # --- cannot bear weight -----------------------------------------------------------
    rule("cannot_bear_weight", (
        rf"\b{CANT}\s+(?:put\s+)?(?:weight|wait)[\s-]*bear\w*",
        rf"\b(?:too\s+\w+\s+to|{CANT})\s+take\s+(?:my|her|his|any|the|full)\s+(?:full\s+)?"
        r"weight\b",
        r"\b(?:legs?|knees?)\s+(?:just\s+)?(?:folds?|folded|crumples?|crumpled|collapses?"
        r"|collapsed|buckles?|buckled|gives?\s+way|gave\s+way)\s+(?:under|beneath)\s+"
        r"(?:me|her|him)\b",
        r"\bbuckles?\s+(?:the\s+(?:second|moment|minute)\s+)?(?:i|she|he)\s+(?:lean|put\s+"
        r"(?:any\s+)?weight|stand)\s+on\s+it\b",
        r"\bno\s+(?:chance|way)\s+(?:of|i\s+can|can\s+i|she\s+can|he\s+can)\s+(?:stand\w*|put\w*"
        r"\s+(?:any\s+)?weight|walk\w*)\s+on\s+it\b",
        # "it's been getting harder to stand on it for a couple of weeks"
        r"\bgetting\s+(?:harder|worse|more\s+difficult)\s+to\s+(?:stand|put\s+(?:any\s+)?weight"
        r"|bear\s+weight)\s+on\s+(?:it|the\s+leg|my\s+leg|that\s+leg|her\s+leg|his\s+leg)\b",
    )),
    rule("cannot_bear_weight",
         r"\b(?:puts?|putting)\s+(?:his|her|my|the)\s+(?:\w+\s+)?(?:foot|leg)\s+(?:down|on\s+the"
         r"\s+(?:floor|ground))\b|\b(?:foot|leg)\s+touches\s+the\s+(?:floor|ground)\b",
         needs=rf"\b(?:cries|cry|crying|scream\w*|yell\w*|agony|shooting|{CANT}\s+(?:stand|walk))",
         window=100),
    # --- bladder, bowel and the saddle (cauda equina) -----------------------------------
    rule("cauda_equina", (
        r"\b(?:an?\s+)?accident\s+in\s+(?:my|her|his|the)\s+(?:pants|knickers|trousers|underwear"
        r"|pyjamas|pjs|bed)\b",
        rf"\b{CANT}\s+control\s+(?:when\s+(?:i|she|he)\s+)?(?:pee|wee|bladder|bowels?|toilet"
        r"|urine|poo|peeing|weeing)\b",
        r"\b(?:didn'?t|did\s+not|never|don'?t|doesn'?t)\s+(?:even\s+)?(?:know|realise|realize"
        r"|feel|notice)\s+(?:my|his|her)\s+bladder\b",
        r"\b(?:didn'?t|did\s+not|never)\s+(?:even\s+)?feel\s+(?:it|that)\s+coming\b",
    ), unless=_STRESS_LEAK),
    rule("cauda_equina", (
        r"\bbetween\s+(?:my|his|her|the)\s+legs\s+(?:\w+\s+){0,2}(?:feels?|felt)\s+like\s+"
        r"(?:cardboard|rubber|wood|leather|plastic|someone\s+else'?s)\b",
        rf"\bnumb(?!er)\w*\s+{gap(5)}(?:where\s+(?:you|i|she|he)\s+sits?|(?:bike\s+)?saddle)\b",
    )),
    # --- nerves: foot drop, a leg that will not obey ----------------------------------
    rule("neuro_deficit", (
        r"\b(?:leg|foot|legs|feet)\s+(?:won'?t|wont|doesn'?t|will\s+not|isn'?t)\s+(?:do|doing)\s+"
        r"(?:as|what)\s+(?:it'?s|its|it\s+is|i|she|he)\s+(?:told|tell\w*)\b",
        r"\b(?:muscles?|leg|foot)\s+(?:won'?t|wont|don'?t|doesn'?t)\s+do\s+what\s+(?:i|she|he)\s+"
        r"tells?\b",
        rf"\bdragg\w*\s+(?:it|{_WHOSE}\s+(?:\w+\s+)?(?:leg|foot))\s+(?:behind|along)\b",
        r"\b(?:leg|foot)\s+(?:\w+\s+){0,2}like\s+it\s+belongs\s+to\s+(?:someone|somebody)\s+else\b",
        r"\b(?:toes?|foot)\s+(?:\w+\s+)?(?:droop\w*|dangl\w*|flop\w*\s+down)\b",
    )),
    rule("neuro_deficit",
         r"\b(?:shoe|shoes|foot|feet)\s+(?:\w+\s+){0,2}(?:slaps?|slapping|flaps?|flapping"
         r"|smacks?|smacking)\b|\b(?:flap\s+flap|slap\s+slap)\b"
         # "my foot is not going up when I walk"
         r"|\b(?:foot|toes?)\s+(?:is\s+|are\s+)?(?:not|won'?t|doesn'?t|don'?t)\s+(?:go(?:ing)?"
         r"|lift(?:ing)?|com(?:e|ing))\s+up\s+when\s+(?:i|she|he)\s+walks?\b",
         # not flip-flops, and not "the feet flapping one" (an exercise asked for by a picture)
         unless=r"\b(?:flip[\s-]?flops?|sandals?|slippers?|crocs|exercises?|pumps?"
                r"|(?:flapping|slapping)\s+one)\b"),
    rule("neuro_deficit",
         r"\blost\s+(?:its|all\s+(?:its|my|her|his)|(?:my|her|his))\s+(?:oomph|strength|power)\b",
         needs=r"\b(?:thigh|leg|knee|foot|ankle|quad\w*|muscle)\b", window=80),
    # --- pain at night, night sweats ----------------------------------------------------
    rule("night_pain_sweats", (
        rf"\b{CANT}\s+get\s+(?:comfy|comfortable)\s+in\s+any\s+position\b",
        r"\bno\s+position\s+(?:is\s+)?(?:comfy|comfortable)\b",
        r"\bwhether\s+(?:i'?m|im|i\s+am|she'?s|he'?s)\s+on\s+(?:my\s+|her\s+|his\s+)?(?:left"
        r"|right|back|side)\s+(?:\w+\s+)?(?:or|right|left)\b",
        r"\bnothing\s+to\s+do\s+with\s+how\s+(?:i|she|he)\s+(?:lie|lay|sleep)\b",
    ), needs=rf"{_NIGHT}|\b(?:pain|ache|aching|hip|hurt\w*|screams?)\b", window=150,
        same_sentence=False),
    rule("night_pain_sweats", (
        r"\b(?:gets|wakes|got|woke|drags?)\s+(?:me|her|him)\s+(?:out\s+of\s+bed|up)\s+"
        r"(?:\w+\s+){0,3}(?:early\s+hours|small\s+hours|middle\s+of\s+the\s+night|every\s+night"
        r"|at\s+\d)\b",
        r"\b(?:deep\s+)?boring\s+(?:ache|pain)\b",
        r"\beven\s+when\s+(?:i'?m|im|i\s+am|she'?s|he'?s)\s+(?:completely\s+|totally\s+"
        r"|perfectly\s+|dead\s+)?still\b",
    ), needs=_NIGHT, window=150, same_sentence=False),
    rule("night_pain_sweats", (
        rf"\b(?:sheets?|nighties?|nightdress\w*|pyjamas?|pjs|bedding)\s+{gap(3)}(?:soak\w*|drench\w*"
        r"|wet\s+through|sweat\w*)\b",
        r"\bpeel\w*\s+the\s+sheets\b",
        rf"\b(?:sweaty|sweating|drenched|soaked|soaking)\s+{gap(4)}(?:every\s+|each\s+)night\b",
        rf"\b(?:every|each)\s+night\s+{gap(4)}(?:sweaty|sweating|drenched|soaked|soaking)\b",
    ), unless=NOT_NIGHT_SWEAT, same_sentence=False, window=120),
    # --- a hip out of its socket ------------------------------------------------------
    rule("dislocation",
         r"\bfelt\s+(?:it|the\s+(?:hip|joint|ball))\s+(?:slip|pop|go|come|slide|shift)\s+out\b"
         r"|\b(?:big|massive|loud|huge)\s+(?:clunk|clonk|thud|pop)\b|\bgave\s+a\s+(?:big\s+)?"
         r"(?:clunk|clonk|thud|pop)\b|\bthud\s+in\s+the\s+joint\b",
         needs=rf"\b(?:jammed|frozen\s+in|stuck|locked|{CANT}\s+(?:shift|move|budge|lift)"
               r"|won'?t\s+(?:shift|move|budge)|immobile|agony|shorter)\b",
         window=160, same_sentence=False),
    # --- a fall, then signs of a break ------------------------------------------------
    rule("fracture_after_fall",
         r"\b(?:went|gone|go)\s+down\s+(?:sideways|hard|on\s+(?:my|her|his)\s+(?:side|hip|bum))"
         r"|\blost\s+(?:my|her|his)\s+balance\b|\bmissed\s+(?:the|a)\s+(?:\w+\s+)?(?:stair|step)"
         r"|\bthud\s+on\s+(?:my|her|his)\b|\blanded\s+(?:side\s+on|on\s+(?:my|her|his)\s+"
         r"(?:side|hip|bum|backside))",
         needs=rf"\b(?:lump|crunch\w*|hurts?\s+(?:so+|really|very)\s+bad|{CANT}\s+(?:get\s+up"
               r"|move|stand|walk|straighten)|(?:foot|leg)\s+(?:flops|turned|turns|rolls|points)"
               rf"\s+out\w*)\b|{VERY_BAD}",
         window=200, same_sentence=False),
    # --- sudden severe pain -----------------------------------------------------------
    rule("sudden_severe_pain",
         r"\b(?:sudden(?:ly)?|in\s+an\s+instant|out\s+of\s+nowhere|without\s+warning)\b"
         r"|\bwent\s+bang\s+with\s+(?:pain|agony)\b|\bwasn'?t\s+there\s+before\b"
         # tune6: "came from nowhere", "out of the blue", "in the last half hour"
         r"|\b(?:came|come|comes|started|start\w*)\s+(?:out\s+)?(?:of|from)\s+nowhere\b"
         r"|\bout\s+of\s+the\s+blue\b"
         r"|\bin\s+the\s+(?:last|past)\s+(?:half\s+(?:an\s+)?hour|hour|few\s+minutes)\b"
         r"|\bwent\s+through\s+the\s+roof\b",
         needs=rf"{VERY_BAD}|{OFF_THE_SCALE}", window=100, same_sentence=False,
         # "the hip suddenly feels free, never had anything like it": relief, not pain
         unless=rf"\b(?:cramps?|stitch|twinge\w*|laugh\w*)\b|{NO_BODY}|\b(?:feels?|felt)\s+(?:so\s+)?"
                r"(?:free|freer|better|great|amazing|loose\w*|lighter|easier)\b|\brelief\b"),
    rule("sudden_severe_pain", (
        rf"\bpain\s+{gap(1)}went\s+from\s+(?:a\s+)?(?:\d|nothing|zero)\s+to\s+(?:a\s+)?(?:[89]"
        r"|10|nine|ten)\b",
        r"\b(?:hip|leg|groin|it)\s+(?:just\s+)?went\s+bang\b",
        rf"\bmind[\s-]*blowing\s+pain\b|\bpain\s+{gap(2)}mind[\s-]*blowing\b",
    ), unless=r"\b(?:laugh\w*|film|movie|book|song)\b"),
    # --- second batch (tune5): bladder and saddle, nerves, night, lungs, wounds ---------
    rule("cauda_equina", (
        rf"\b{CANT}\s+(?:feel|tell|know)\s+when\s+(?:i|she|he)\s+(?:need|want)s?\s+(?:the\s+|to\s+"
        r"(?:go\s+to\s+the\s+)?)?(?:toilet|loo|wee|pee|poo|go)\b",
        rf"\bsit\w*\s+on\s+the\s+(?:loo|toilet)(?:\s+seat)?\s+{gap(2)}{CANT}\s+feel\b",
        r"\b(?:lady|girly|man|private)\s+(?:parts|bits)\s+(?:\w+\s+){0,3}(?:feel|felt|is|are|gone|going)"
        r"\s+(?:\w+\s+)?numb(?!er)\w*",
        r"\bno\s+(?:feeling|sensation)\s+(?:around|in|on|at|round)\s+(?:my|her|his|the)\s+(?:back\s+end"
        r"|bum|bottom|backside|privates|lady\s+parts|front\s+bottom)\b",
        r"\bstrain\w*\s+(?:\w+\s+){0,3}to\s+(?:pass\s+water|pee|wee|go)\b",
        r"\b(?:messed|soiled|pooed|pood)\s+(?:myself|herself|himself)\b",
    ), unless=_STRESS_LEAK),
    rule("neuro_deficit", (
        r"\b(?:leg|foot)\s+(?:isn'?t|is\s+not|won'?t|wont|not)\s+obey\w*",
        # "leg suddenly wont lift"
        r"\b(?:leg|foot)\s+(?:has\s+)?suddenly\s+(?:won'?t|wont|will\s+not|doesn'?t|can'?t|cant)\s+"
        r"(?:lift|move|go\s+up|work)\b",
        r"\b(?:leg|foot)\b.{0,40}\blike\s+it'?s\s+not\s+mine\b",
        r"\bflap(?:ping|py)?\s+(?:sound|noise)\b",
    ), unless=r"\b(?:flip[\s-]?flops?|sandals?|slippers?|exercises?)\b"),
    rule("night_pain_sweats", (
        rf"\b{CANT}\s+find\s+(?:a|any)\s+(?:comfy\s+|comfortable\s+)?position\b",
        r"\b(?:lying|lie|laying)\s+(?:on\s+)?either\s+side\b",
        r"\bturn\w*\s+(?:left\s+(?:and\s+|or\s+|,\s*)?right|right\s+(?:and\s+|or\s+)?left)\s+"
        r"(?:and\s+)?(?:still|same)\b",
        r"\b(?:worst|worse)\s+(?:in|at|during)\s+(?:the\s+)?(?:wee\s+)?(?:small|early)\s+hours\b",
        r"\bup\s+(?:half|most|all)\s+(?:of\s+)?the\s+night\b.{0,60}\brest\w*\s+(?:doesn'?t|does\s+not"
        r"|won'?t|isn'?t)\s+(?:ease|help)",
    ), needs=rf"{_NIGHT}|\b(?:pain|ache|aching|hip|hurt\w*)\b", window=150, same_sentence=False),
    rule("night_pain_sweats",
         r"\b(?:the\s+)?sweats\b|\bsweating\b|\bmuch\s+sweat\b",
         needs=r"\b(?:towel|nightie|nightdress|pyjamas?|pjs|sheets?|bed|night\w*|change\s+my)\b",
         window=80, same_sentence=False, unless=NOT_NIGHT_SWEAT),
    rule("pe", (
        r"\b(?:feel|get|have|got)\s+no\s+air\b",
        r"\bpain\s+in\s+(?:my\s+|the\s+)?chest\s+when\s+(?:i\s+)?breath\w*",
        r"\bcough\w*\s+(?:\w+\s+){0,3}(?:brought|bringing|brings|bring)\s+up\s+(?:red|blood|pink)\b",
        r"\bout\s+of\s+(?:puff|breath)\s+(?:doing\s+nothing|sitting\s+(?:down|still)|at\s+rest"
        r"|just\s+sitting)\b",
    )),
    rule("wound",
         r"\b(?:wound|scar|incision|cut|stitches|edges)\s+(?:edges?\s+)?(?:\w+\s+)?(?:pulling|pulled"
         r"|coming|came|gaping|gape|split\w*)\s+apart\b|\b(?:wound|scar|incision)\s+(?:\w+\s+)?gaping\b"),
    rule("dvt",
         r"\bleg\s+is\s+(?:big|fat|huge|bigger|swole)\s+from\s+(?:the\s+)?knee\s+down\b",
         needs=r"\b(?:operation|op|surgery|red|hurt\w*|sore|tender|hot|press)\b", window=120),
    # --- third batch (tune6): leaking unawares, blood brought up, pain off the scale ----
    rule("cauda_equina", (
        r"\bleak\w*\s+(?:some\s+|a\s+(?:bit|little)\s+(?:of\s+)?)?(?:poo|wee|pee|urine|stool"
        r"|faeces|feces)\b",
        r"\b(?:leak\w*|soil\w*|wet\s+(?:myself|herself|himself))\b[^.!?\n]{0,40}\b(?:didn'?t|did"
        r"\s+not|without)\s+(?:even\s+)?(?:realis|realiz|notic|know|feel)\w*",
    ), unless=_STRESS_LEAK),
    rule("pe", (
        r"\b(?:bring\w*|brought|cough\w*|hack\w*|spit\w*)\s+up\s+(?:\w+\s+){0,2}(?:pink|red"
        r"|blood\w*|rusty)\b",
        r"\b(?:pink|blood\w*|rusty)\s+(?:\w+\s+)?(?:spit|phlegm|sputum|mucus|froth|foam)\b",
    )),
    rule("cannot_bear_weight", (
        r"\b(?:standing|walking|stepping|putting\s+(?:any\s+)?weight)\s+on\s+it\s+(?:is|was)\s+"
        r"(?:just\s+)?(?:impossible|out\s+of\s+the\s+question|a\s+no[\s-]?go)\b",
        r"\b(?:haven'?t|hasn'?t|havent|hasnt)\s+been\s+able\s+to\s+(?:stand\s+(?:on\s+it|up|properly)"
        r"|put\s+(?:any\s+)?weight\s+(?:on|through))\b",
        r"\b(?:collapse|give\s+way|buckle|fold)\s+if\s+(?:i|she|he)\s+(?:lean\w*|leant|put"
        r"\s+(?:any\s+)?weight|stood|stand)\b",
    )),
    rule("cannot_bear_weight",
         r"\b(?:only|just)\s+(?:stands?|standing|puts?\s+weight)\s+on\s+(?:the|his|her|my)\s+good"
         r"\s+(?:leg|side|one)\b",
         unless=r"\b(?:balanc\w*|exercis\w*|card|stretch\w*|single[\s-]leg)\b"),
    rule("night_pain_sweats", (
        r"\bwakes?\s+(?:me|her|him)\s+(?:up\s+)?(?:\d|two|three|four|five|several|multiple)"
        r"\s+(?:or\s+(?:\d|three|four|five)\s+)?times\b",
        r"\b(?:doesn'?t|does\s+not|dont|don'?t)\s+matter\s+(?:if|whether)\s+(?:i|she|he)\s+"
        r"(?:lie|lay|sleep)\s+on\s+it\s+or\s+not\b",
    ), needs=rf"{_NIGHT}|\b(?:pain|ache|aching|hip|hurt\w*)\b", window=150, same_sentence=False),
)
