"""Red flags told without the medical word, in passing or as an image (tune45 to tune49).

Written as mechanisms from five batches in the corpus's own style, the understated one
(tune47) most of all: a pain that "struck" without cause, stuff coming out where the scab
came off, a full bladder where "nothing happens", "down nearly a stone" with no diet, "the
ball's come out", no breath to "talk in full sentences", a leg "like a tree trunk", an ache
that wakes the patient "either side", a crack heard then agony, a knee lifted high "so the
foot clears the ground" (foot drop), "when I wipe it feels like someone else's skin", a
carer's "unable to WB". Read by ``red_flags``; see ``red_flag_phrases``.
"""

from __future__ import annotations

from bot.domain.understanding.red_flag_phrases import (
    CANT,
    NO_DIET,
    OPERATION,
    TOP_PAIN,
    WEIGHT_UNIT,
    Rule,
    rule,
)

#: Where the scab or the wound is: the words that make "stuff coming out" a wound's.
_WOUND_PLACE = (r"\bscab\w*|\bwound\b|\bscar\b|\bcut\b|\bincision\b|\bdressing\b"
                r"|\bstitch\w*|\bstaple\w*|\b(?:portal|port|keyhole|scope)\s+(?:holes?|sites?)\b")
#: A pain that wakes the patient whatever way they lie.
_ANY_POSITION = (r"\beither\s+side\b|\b(?:every|each|any|whatever|whichever)\s+"
                 r"(?:side|position|way)\b|\bdoesn'?t\s+matter\s+(?:which|how|what)\b|\bdoesn'?t\s+matter\b"
                 r"|\bno\s+matter\s+(?:which|how|what)\b|\ball\s+(?:the\s+)?positions\b"
                 # "pillows don't help one bit", "turning over or getting up doesn't ease it"
                 r"|\b(?:pillows?|turning\s+over|changing\s+position|moving)\s+(?:\w+\s+){0,3}"
                 r"(?:doesn'?t|don'?t|won'?t|does\s+not)\s+(?:help|ease|shift)\b")

#: Pain somewhere the hip programme is not about: "terrible pain in her tummy, gallstones".
_NOT_THE_HIP = (r"\b(?:tummy|stomach|belly|abdomen|tooth|teeth|toothache|head|headache|ear|eye"
                r"|gallstones?|kidney\s+stones?|appendix|period|migraine)\b")

RULES: tuple[Rule, ...] = (
    # "struck by the most dreadful pain in my hip, quite without cause"
    rule("sudden_severe_pain", (
        r"\bstruck\s+(?:down\s+)?(?:by|with)\s+(?:the\s+most\s+|a\s+|an\s+|such\s+a\s+)?(?:\w+\s+)?"
        r"(?:pain|agony)\b",
        r"\b(?:most\s+)?(?:dreadful|terrible|horrendous|excruciating|unbearable|horrific|awful)\s+"
        r"pain\b",
    ), needs=r"\bwithout\s+(?:any\s+)?(?:cause|reason|warning)\b"
             r"|\bout\s+of\s+(?:the\s+blue|nowhere)\b|\bfor\s+no\s+(?:reason|cause)\b|\bnever\s+(?:known|felt|had)\s+(?:anything|a\s+pain"
             r"|pain)\s+like\b", window=150, same_sentence=False),
    # the scab came off and "stuff" is coming out
    rule("wound", (
        r"\b(?:stuff|gunk|goo|gloop|muck|liquid|fluid|yellow|green|pus)\s+(?:is\s+|keeps\s+)?(?:coming"
        r"|oozing|leaking|seeping|dripping|running)\s+(?:out|from)\b",
        # "leaking cloudy fluid", "oozing yellow gunk"
        r"\b(?:leaking|oozing|weeping|seeping|dripping)\s+(?:\w+\s+)?(?:fluid|liquid|stuff|gunk|goo"
        r"|muck|pus)\b",
    ), needs=_WOUND_PLACE, window=100, same_sentence=False),
    # "Mum's stitches have given way in the middle of the scar", "it's parted"
    rule("wound",
         r"\b(?:stitches|staples|clips|wound|scar|cut|incision)\s+(?:have\s+|has\s+|had\s+)?(?:given"
         r"\s+way|parted|split|burst|come\s+undone|opened\s+up)\b"),
    # "bladder's full but nothing happens": urine that will not come
    rule("cauda_equina",
         r"\bbladder(?:'s|\s+is|\s+feels)?\s+(?:full|bursting|fit\s+to\s+burst)\b",
         needs=r"\bnothing\s+(?:happens|comes|came|will\s+come)\b|\bwon'?t\s+(?:come|go|start)\b"
               rf"|\b{CANT}\s+(?:go|wee|pee|start)\b", window=60),
    # "when I wipe it feels like it's someone else's skin"
    rule("cauda_equina", r"\bwhen\s+(?:i|she|he)\s+wipes?\b",
         needs=r"\bsomeone\s+else'?s\b|\bnumb(?!er)\w*|\b(?:can'?t|cannot|couldn'?t)\s+(?:really\s+|properly\s+)?feel\b"
               r"|\bdead\b|\bnothing\s+there\b|\bno\s+feeling\b", window=60),
    # "little leaks and the inside of my legs feels odd, like pins and needles"
    rule("cauda_equina",
         r"\binsides?\s+of\s+(?:both\s+|my\s+|her\s+|his\s+)?(?:thighs|legs)\s+(?:(?:feels?|is|are|has"
         r"|have|gone|going|goes)\s+){1,2}(?:all\s+|a\s+bit\s+|really\s+)?(?:odd|numb|funny|tingly|weird"
         r"|strange|dead|like\s+pins|pins)\b"),
    # "down nearly a stone and not dieting"; "weight's dropped without me meaning it to"
    rule("cancer_weight_loss", (
        rf"\bdown\s+(?:by\s+)?(?:nearly|almost|about|over|around|getting\s+on\s+for)\s+(?:a|half\s+a"
        rf"|\d+(?:[.,]\d+)?)\s*{WEIGHT_UNIT}\b",
        rf"\bdown\s+(?:a|half\s+a|\d+(?:[.,]\d+)?)\s*{WEIGHT_UNIT}\b",
        r"\bweight(?:'s|\s+has|\s+is)?\s+(?:dropped|dropping|falling|fallen|dropped\s+off|dropping"
        r"\s+off|gone\s+down|going\s+down|come\s+off|coming\s+off)\b",
    ), needs=NO_DIET, window=120, same_sentence=False),
    # "gone from a limp to barely being able to stand on that side"
    rule("cannot_bear_weight",
         r"\bbarely\s+(?:being\s+)?able\s+to\s+(?:stand|put\s+(?:any\s+)?weight)\s+on\s+(?:that"
         r"|the|my|her|his)\s+(?:\w+\s+)?(?:side|leg)\b"
         # "gone from a limp to barely putting any weight on it"
         r"|\bbarely\s+(?:putting|taking)\s+(?:any\s+)?weight\s+(?:on|through)\s+(?:it|that|the"
         r"|my|her|his)\b"),
    # "calf feels like i've torn it ... its swollen and warm"
    rule("dvt",
         r"\b(?:swollen|puffy|swelled\s+up|swelling)\s+(?:and|&|n)\s+(?:warm|hot|red|tender)\b",
         needs=r"\bcalf\b|\bcalves\b", window=100),
    # "the toes of left foot do not come up anymore", tripping
    rule("neuro_deficit",
         r"\b(?:toes|foot|front\s+of\s+(?:my|her|his|the)\s+foot)\s+(?:of\s+(?:my\s+|her\s+|his\s+"
         r"|the\s+)?(?:left\s+|right\s+)?foot\s+)?(?:do\s+not|don'?t|does\s+not|doesn'?t|won'?t"
         r"|will\s+not|can'?t|cannot)\s+(?:come|lift|go|pull)\s+up\b"),
    # "without any reason my hip pain jump to maximum, I cannot bear it"
    rule("sudden_severe_pain",
         r"\bpain\s+(?:has\s+)?(?:jump|jumped|shot|went|gone|rose|go|goes)\s+(?:up\s+)?(?:straight\s+)?"
         r"to\s+(?:the\s+|a\s+)?(?:max\w*|top|10|ten)\b",
         needs=r"\bwithout\s+(?:any\s+)?(?:reason|cause)\b|\bno\s+reason\b|\bsudden\w*"
               r"|\bout\s+of\s+(?:nowhere|the\s+blue)\b|\bnever\b|\b(?:can'?t|cannot)\s+bear\b",
         window=120, same_sentence=False),
    # "pain out of nowhere 8 or 9", "sudden sudden, like 9"
    rule("sudden_severe_pain",
         r"\bpain\s+(?:came\s+|come\s+|just\s+)?(?:out\s+of\s+(?:nowhere|the\s+blue)|from\s+nowhere)\b",
         needs=TOP_PAIN, window=60),
    rule("sudden_severe_pain", r"\bsudden\w*\b",
         needs=r"\b(?:like|about|around|a|an)\s+(?:9|10|nine|ten)\b(?!\s*(?:am|pm|mins?|minutes|hours?"
               r"|days|weeks))", window=40, unless=_NOT_THE_HIP),
    # "Is it normal for the incision to be getting redder and hotter?"
    rule("wound",
         r"\b(?:incision|wound|scar|cut|stitches)\s+(?:\w+\s+){0,3}(?:getting|gone|going|looking)\s+"
         r"(?:\w+\s+)?(?:redder|hotter|angrier|more\s+(?:red|swollen|inflamed))\b"),
    # "hip throbs all night, on my back, on my side ... nothing works"
    rule("night_pain_sweats",
         r"\b(?:throbs?|throbbing|aches?|aching|hurts?|hurting|pain\w*)\s+all\s+night\b",
         needs=r"\bon\s+my\s+(?:back|side|front)\b[^.!?]{0,30}\bon\s+my\s+(?:back|side|front)\b"
               r"|\bnothing\s+(?:works|helps)\b|" + _ANY_POSITION,
         window=150, same_sentence=False),
    # "think the ball's come out"
    rule("dislocation",
         r"\b(?:the\s+)?ball(?:'s|\s+has|\s+is)?\s+(?:come|came|popped|slipped|jumped|gone)\s+out\b"
         r"(?!\s+(?:to\s+play|for\s+a|in\s+the\s+(?:garden|park)))",
         not_after=r"dog'?s|cat'?s|tennis|golf|foot|cricket|crystal|bowling"),
    # "can't talk in full sentences, keep having to stop for breath"
    rule("pe", rf"\b{CANT}\s+(?:talk|speak)\s+in\s+(?:full|whole|complete|proper)\s+sentences\b"),
    # "left leg looks like a tree trunk from the knee down and it's red and warm"
    rule("dvt",
         r"\b(?:leg|calf|calves)\b[^.!?]{0,30}\blike\s+a\s+(?:tree\s+trunk|balloon|football|tree"
         r"|elephant'?s?\s+(?:leg|foot))\b",
         needs=r"\bred\b|\bwarm\b|\bhot\b|\btender\b|" + OPERATION, window=100,
         same_sentence=False),
    # "the ache wakes me on my back, either side, doesnt matter"; "up at 3am again with it.
    # tried every side"
    rule("night_pain_sweats", r"\bwak(?:es|ing)\s+(?:me|her|him)\b|\bwoke\s+(?:me|her|him)\b"
         r"|\bnight\s+pain\b",
         needs=_ANY_POSITION, window=100, same_sentence=False),
    rule("night_pain_sweats",
         r"\btried\s+(?:every|each|all\s+the|any)\s+(?:side|position|way|pillow)s?\b",
         needs=r"\b(?:up|awake|woke|wake\w*)\s+(?:at\s+)?(?:[1-5]|one|two|three|four|five)\s*"
               r"(?:am|o'?clock|in\s+the\s+morning)\b|\bnight\w*\b|\bbed\b|\bsleep\w*",
         window=100, same_sentence=False),
    # "hobbling on 1 leg since lunch, hip wont take anything"; "touch my toes down on that side"
    rule("cannot_bear_weight", (
        r"\bhobbl\w*\s+(?:about\s+|around\s+)?on\s+(?:1|one)\s+leg\b",
        r"\b(?:hip|leg)\s+(?:won'?t|wont|will\s+not|can'?t)\s+take\s+(?:anything|any\s+weight"
        r"|(?:my|her|his)\s+weight|me)\b",
        r"\b(?:only|just)\s+(?:touch|put)\s+(?:my|her|his|the)\s+toes?\s+(?:down|on\s+the\s+(?:floor"
        r"|ground))\b",
        # "today I can't even touch my toe down"
        rf"\b{CANT}\s+(?:even\s+)?(?:touch|put|get)\s+(?:my|her|his|the)\s+toes?\s+(?:down"
        r"|on\s+the\s+(?:floor|ground))\b",
        r"\bless\s+(?:and|n|&)\s+less\s+able\s+to\s+take\s+(?:my|her|his|any)\s+weight\b",
    )),
    # a carer's note: "pt unable to WB on L leg", "NWB since am"
    rule("cannot_bear_weight", (
        rf"\b{CANT}\s+(?:fully\s+)?wb\b",
        r"\bnwb\b|\bnon[\s-]weight[\s-]bearing\b",
    ), unless=r"\b(?:told|advised|instructed|meant)\s+to\s+(?:be\s+|stay\s+|keep\s+)?(?:nwb|non)"
              r"|\bfor\s+(?:\d+|six|two|four)\s+weeks\b"
              # "pt NWB for now", "NWB until fracture clinic": the surgeon's order (round 26)
              r"|\bnwb\s+(?:for\s+now|until|till|as\s+per|per\s+(?:the\s+)?(?:surgeon|physio|plan)"
              r"|post[\s-]?op)\b"),
    # "heard a crack and now the top of my leg is agony"
    rule("fracture_after_fall", r"\b(?:heard|felt)\s+(?:a\s+|something\s+)?(?:crack|snap)\b",
         needs=rf"\bagony\b|\bexcruciating\b|\b{CANT}\s+(?:get\s+up|move|stand|walk|put)\b",
         window=120, same_sentence=False),
    # "walking like a pony, have to lift my knee right up so my foot clears the ground"
    rule("neuro_deficit", (
        r"\b(?:lift|raise|hitch|bring)\s+(?:my|her|his|the)\s+knee\s+(?:\w+\s+){0,3}so\s+(?:my|her|his"
        r"|the)\s+(?:foot|toes?)\s+(?:clears?|(?:doesn'?t|don'?t|won'?t)\s+(?:catch|drag|scrape))\b",
        r"\b(?:foot|toes?)\s+(?:won'?t|doesn'?t|don'?t|can'?t)\s+clear\s+the\s+(?:ground|floor|step)\b",
    )),
)
