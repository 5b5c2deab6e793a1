"""Red flags told as a story, a joke or an image (tune62 to tune66).

Mechanisms from five batches in the corpus's own style, the indirect one (tune64) most of
all: a fall told as "missed the chair" or "came off the ladder" with the injury after it,
a foot held off the floor, a pain that went "from a 2 to off the charts" in minutes or
"hit me so hard I had to get down on the floor", a hip that "jumped out of place" and
will not move, "can't feel when I'm passing water", a seat that "feels like wood",
numbness that "crept down to the shin", weight gone with "not been on any diet", an ache
at night that nothing in bed eases, "can't get a proper lungful". Read by
``red_flags``; see ``red_flag_phrases``.
"""

from __future__ import annotations

from bot.domain.understanding.red_flag_phrases import (
    CANT,
    EXERCISING,
    GOES_ON,
    NO_DIET,
    WEIGHT_UNIT,
    Rule,
    rule,
)

#: A fall told without the word: off the ladder, the bed's edge, the bottom stair.
_FALL_TOLD = (
    r"\bmissed\s+(?:the\s+)?(?:chair|seat|step|stair|bed|toilet|loo|kerb|curb)\b",
    r"\b(?:slid|slipped|toppled|tumbled)\s+(?:off|out\s+of)\s+(?:the\s+)?(?:edge\s+of\s+"
    r"(?:the\s+)?)?(?:bed|chair|sofa|settee|couch|toilet|commode)\b",
    r"\b(?:came|come|fell)\s+off\s+(?:the\s+)?(?:bottom\s+|last\s+|top\s+)?(?:stepladder|ladder"
    r"|stair|step|steps|stool|bike|kerb|curb)\b",
    r"\btripped\s+(?:over|on)\b",
)
#: What a fall did: the leg turned or short, no getting up, no one let near it.
_INJURY_AFTER = (
    rf"\b{CANT}\s+(?:get|got)\s+(?:back\s+)?up\b|\bhaven'?t\s+(?:managed|been\s+able)\s+to\s+get"
    r"\s+up\b|\bwon'?t\s+let\s+(?:anyone|anybody|me|us)\s+(?:near|touch)\b"
    r"|\b(?:rolled|turned|pointing|lolling|flopped|twisted)\s+(?:off\s+)?(?:outwards?|inwards?"
    r"|sideways|(?:out\s+)?to\s+the\s+side)\b|\brolled\s+out\b(?!\s+of)|\bshorter\b"
    r"|\bheard\s+a\s+crack\b"
    r"|\bcries?\s+out\s+if\s+(?:anyone|anybody|we|you)\s+(?:moves?|touch)"
    r"|\bhip\s+is\s+screaming\b|\bagony\b"
)
#: A joint that moved inside: a knock, a clunk, a shift, something jumping out of place.
_SHIFT = (
    r"\b(?:loud\s+|horrid\s+|horrible\s+|awful\s+|sickening\s+)?(?:knock|clunk|thunk|shifting"
    r"|shift)\s+(?:from\s+)?(?:inside\s+|in\s+)(?:the\s+|my\s+|her\s+|his\s+)?(?:\w+\s+)?hip\b",
    r"\b(?:jump|jumped|slipped|popped|slid)\s+out\s+of\s+place\b",
)

RULES: tuple[Rule, ...] = (
    # "missed the chair completely. can't get back up, my knee is pointing off sideways"
    rule("fracture_after_fall", _FALL_TOLD, needs=_INJURY_AFTER, window=200,
         same_sentence=False),
    # "there was a loud knock from inside her replaced hip. The leg looks twisted"
    rule("dislocation", _SHIFT,
         needs=rf"\b{CANT}\s+(?:move|lift|straighten|bend)\b|\bwon'?t\s+(?:move|lift|straighten"
               r"|bend|budge)\b|\blooks?\s+(?:twisted|shorter|turned|wrong)\b|\bshorter\s+than\b",
         window=150, same_sentence=False),
    # "I can only just touch the floor with that foot", "holds the bad foot off the floor"
    rule("cannot_bear_weight", (
        r"\b(?:can\s+)?(?:only\s+just|barely|hardly)\s+touch\s+the\s+(?:floor|ground)\s+with\b",
        r"\bholds?\s+(?:the|his|her|my|that)\s+(?:\w+\s+)?(?:foot|leg)\s+(?:up\s+)?off\s+the\s+"
        r"(?:floor|ground)\b",
        rf"\b{CANT}\s+let\s+(?:the|my|that|his|her)\s+(?:\w+\s+)?leg\s+take\s+(?:any|much)\b",
        rf"\b{CANT}\s+stand\s+on\s+(?:the|my|that|his|her)\s+(?:left|right|bad|sore|operated|op)"
        r"\s+(?:one|leg|side)\b",
        r"\b(?:the\s+moment|as\s+soon\s+as|whenever|every\s+time)\s+(?:any\s+)?weight\s+goes"
        r"\s+through\b",
        rf"\b{CANT}\s+put\s+(?:my|the|his|her|that)\s+(?:\w+\s+)?foot\s+(?:on|to)\s+(?:the\s+)?"
        r"(?:floor|ground)\b",
        r"\btaking\s+less\s+(?:and|n|&)\s+less\s+(?:of\s+(?:my|her|his)\s+)?weight\b",
        # "hopping everywhere, no weight thru that leg at all"
        r"\bno\s+weight\s+(?:thru|through|on|onto)\s+(?:that|the|my|his|her)\s+(?:\w+\s+)?"
        r"(?:leg|side|foot)\b",
    )),
    # "pain went from a 2 to off the charts in like five minutes"
    rule("sudden_severe_pain",
         r"\b(?:pain|ache|it|hip)\s+(?:has\s+|just\s+|suddenly\s+)?(?:went|gone|jumped|shot)\s+from\s+"
         r"(?:a\s+)?\d+\s+to\s+(?:off\s+the\s+(?:charts?|scale)|(?:a\s+)?(?:9|10|nine|ten)\b"
         r"(?!\s*(?:mins?|minutes|hours?|hrs|days|weeks|am|pm)))",
         needs=r"\bminutes?\b|\bseconds?\b|\bsudden\w*|\binstant\w*|\bout\s+of\s+nowhere\b"
               r"|\bjust\b", window=80, same_sentence=False),
    # "pain like a knife in the hip come on in the last half hour, nothing set it off"
    rule("sudden_severe_pain",
         r"\bpain\s+like\s+a\s+(?:knife|dagger|blade|bolt|gunshot|hot\s+poker)\b",
         needs=r"\bnothing\s+(?:set|sets|triggered|brought|caused)\s+it|\bcome\s+on\s+(?:in\s+the\s+"
               r"last|just\s+now)|\bout\s+of\s+nowhere\b|\bno\s+reason\b|\bsuddenly\b"
               r"|\ball\s+of\s+a\s+sudden\b", window=120, same_sentence=False),
    # "slipped on the ice ... can't get his leg straight, it looks turned out to me"
    rule("fracture_after_fall",
         r"\b(?:looks?|is|was|gone|lying)\s+(?:all\s+)?(?:turned|rolled)\s+out(?:wards?)?\b",
         needs=r"\b(?:slipped|slip|fell|fallen|fall|tripped|trip|went\s+over|came\s+down)\b",
         window=150, same_sentence=False),
    # "this pain came like lightning and hasnt gone ... the tablets havent touched it"
    rule("sudden_severe_pain",
         r"\b(?:came|come|comes|hit|struck)\s+(?:on\s+)?like\s+(?:lightning|a\s+(?:bolt|shot"
         r"|thunderbolt|gunshot))\b",
         needs=r"\b(?:tablets?|pills?|painkillers?|paracetamol|co-?codamol|ibuprofen|meds?)\s+"
               r"(?:haven'?t|hasn'?t|have\s+not|has\s+not|didn'?t|don'?t|aren'?t|not)\s+(?:even\s+)?"
               r"(?:touched|touch\w*|help\w*|work\w*|shift\w*)\b|\bhasn'?t\s+(?:gone|eased|let\s+up)"
               r"|\bnothing\s+(?:i|she|he)\s+did\b|\bagony\b|\bworst\b",
         window=120, same_sentence=False),
    # "woke from my nap with the most horrendous pain in my hip, it was fine when I lay down"
    rule("sudden_severe_pain",
         r"\b(?:was|were)\s+fine\s+when\s+(?:i|she|he)\s+(?:lay|laid|went|got|sat)\s+(?:down|to\s+bed"
         r"|in|into\s+bed)\b",
         needs=r"\b(?:horrendous|horrific|agony|agonising|agonizing|excruciating|unbearable|worst"
               r"|screaming|terrible)\b", window=120, same_sentence=False),
    # "Mum was fine at dinner, now she's white as a sheet with the pain in her hip"
    rule("sudden_severe_pain",
         r"\bwhite\s+as\s+a\s+sheet\s+(?:with|from)\s+(?:the\s+)?(?:pain|agony)\b",
         needs=r"\b(?:was|were)\s+(?:fine|ok|okay|grand|alright)\s+(?:at|this|earlier|until|till"
               r"|before|an\s+hour|a\s+minute)\b|\bsudden\w*|\bout\s+of\s+nowhere\b",
         window=120, same_sentence=False),
    # "a pain in my hip hit me so hard I had to get down on the kitchen floor"
    rule("sudden_severe_pain",
         r"\bpain\s+(?:in\s+(?:my|the|his|her)\s+\w+\s+)?(?:hit|struck|took)\s+(?:me|him|her)\s+"
         r"so\s+(?:hard|bad)\b"),
    # "the toilet paper feels like nothing down there"; "like sitting on a block of ice"
    rule("cauda_equina", (
        r"\btoilet\s+(?:paper|roll|tissue)\s+feels?\s+like\s+(?:nothing|cardboard|someone\s+else)",
        r"\b(?:sitting\s+on\s+(?:the\s+)?(?:toilet|loo|chair)|where\s+(?:i|she|he)\s+sits?"
        r"(?:\s+on\s+the\s+(?:chair|toilet))?)\s+(?:is\s+|feels?\s+)?like\s+(?:sitting\s+on\s+)?"
        r"(?:wood|a\s+block|a\s+plank|ice|cardboard|rubber|nothing)\b",
        rf"\b{CANT}\s+feel\s+(?:when|if)\s+(?:[\w']+\s+){{0,4}}(?:pass(?:ing)?\s+(?:water|urine)|wee"
        r"|pee|urinat\w*|go(?:ing)?\s+to\s+the\s+(?:toilet|loo))\b",
        r"\baccidents?\b[^.!?\n]{0,30}\bwithout\s+feeling\b",
        rf"\b{CANT}\s+feel\s+(?:nothing|anything)\s+when\s+(?:i|she|he)\s+sits?\s+on\s+the\s+"
        r"(?:toilet|loo)\b",
    )),
    # "the numb patch has crept down to my shin and the top of my foot"
    rule("neuro_deficit",
         r"\b(?:crept|creeping|spread|spreading|gone|went|moving|moved|travelled|traveled)\s+"
         r"(?:down|up|further)\s+(?:to|into|past|as\s+far\s+as)\s+(?:the\s+|my\s+|her\s+|his\s+)?"
         r"(?:shin|knee|calf|foot|ankle|toes|thigh)\b",
         needs=r"\bnumb(?!er)\w*|\btingl\w*|\bpins\s+and\s+needles\b|\bno\s+feeling\b", window=150,
         same_sentence=False),
    # "the bad side stays glued to the floor"; "the sole of that foot feels like cardboard"
    rule("neuro_deficit", (
        r"\bstays?\s+glued\s+to\s+the\s+floor\b",
        r"\bsole\s+of\s+(?:that|my|the|his|her)\s+foot\s+feels?\s+like\s+(?:cardboard|wood|rubber"
        r"|someone\s+else)",
    )),
    # "dropped nearly a stone and I've not been on any diet"; "5 kilos lighter, changed nothing"
    rule("cancer_weight_loss", (
        rf"\bdropped\s+(?:nearly\s+|almost\s+|about\s+|over\s+)?(?:a|half\s+a|\d+)\s*{WEIGHT_UNIT}\b",
        rf"\b\d+(?:[.,]\d+)?\s*{WEIGHT_UNIT}\s+lighter\b",
        # "2 stone off, not dieting"; "half a stone gone since Easter"
        rf"\b(?:\d+(?:[.,]\d+)?|a|half\s+a)\s*{WEIGHT_UNIT}\s+(?:off|gone)\b",
        r"\b(?:watch\s*strap|belt)\s+in\s+(?:two|three|a\s+couple\s+of|\d)\s+notch",
        r"\bslimmed\s+down\b",
    ), needs=(NO_DIET, r"\bnot\s+(?:been\s+)?on\s+(?:a|any)\s+diet\b|\bchanged\s+nothing\b"
              r"|\bnot\s+trying\b|\bwithout\s+(?:meaning|trying)\b|\bno\s+appetite\b"),
         window=160, same_sentence=False),
    # "the hip has me up all night whatever I do, even tried the recliner"
    rule("night_pain_sweats",
         r"\b(?:up|awake)\s+(?:all|half|most\s+of)\s+(?:the\s+)?night\b"
         r"|\bwakes?\s+(?:me|him|her)\s+(?:up\s+)?every\s+night\b"
         r"|\bgnaws?\s+(?:at\s+(?:me|him|her)\s+)?all\s+night\b",
         needs=r"\bwhatever\s+(?:i|she|he)\s+do\b|\b(?:whatever|every|any|whichever)\s+(?:position|way"
               r"|side)\b|\brecliner\b"
               r"|\btried\s+(?:a\s+)?pillows?\b|\bnothing\s+(?:helps|works|eases)\b|\bdamp\b"
               r"|\bpillow\s+between\b"
               r"|\bsweat\w*", window=200, same_sentence=False),
    # "she can't get comfortable any way at all, weeks now"; "wakes up to damp sheets"
    rule("night_pain_sweats", (
        rf"\b{CANT}\s+get\s+comfortable\s+(?:any\s+way|in\s+any\s+position|whatever)",
        r"\bdamp\s+sheets\b|\bwake\s+up\s+damp\b|\bsheets\s+(?:are\s+)?(?:damp|soaked|wet\s+through)\b",
    ), needs=r"\bhip\b|\bnight\b|\b[1-5]\s*am\b|\bweeks\b", window=200, same_sentence=False),
    # "had my prostate out 3 years ago, all clear since. Now there's a pain in the thigh bone"
    rule("cancer_weight_loss",
         r"\b(?:prostate|breast|bowel|kidney|lung|thyroid|womb|bladder)\s+(?:out|removed|taken\s+out"
         r"|cancer\s+op)\b",
         needs=r"\bpain\b|\bache\b|\baching\b", window=200, same_sentence=False, history=True),
    # "boiling then freezing, the new hip is swollen and hot"
    rule("infection", r"\bboiling\s+(?:hot\s+)?(?:then|and|&|n)\s+(?:freezing|shivering|frozen)\b",
         needs=r"\bhip\b|\bwound\b|\bscar\b|\bswollen\b|\bhot\b|\bred\b", window=150,
         same_sentence=False),
    # "keeps tripping over his own right foot, it slaps down"
    rule("neuro_deficit", (
        r"\btripping\s+over\s+(?:my|her|his)\s+own\s+(?:left\s+|right\s+|bad\s+)?(?:foot|feet|toes)\b",
        r"\b(?:foot|it)\s+slaps?\s+down\b",
    )),
    # "I can't get a proper lungful even lying down"
    rule("pe", rf"\b{CANT}\s+get\s+a\s+(?:proper\s+|decent\s+|full\s+)?lungful\b"),
)
#: Told in passing or by a carer, in other Englishes, or dictated (tune72 to tune76).
RULES_PASSING: tuple[Rule, ...] = (
    # "Dad woke up screaming with his hip ... hadn't fallen": pain that makes a grown-up cry out
    rule("sudden_severe_pain",
         r"\b(?:screaming|screamed|shouting|shouted|yelling|yelled|yelped|howling|howled|crying"
         r"\s+out|cried\s+out|bellowing)\s+(?:out\s+)?(?:with|in|from)\s+(?:the\s+)?(?:pain\s+(?:in|from)"
         r"\s+)?(?:(?:his|her|my|their|the)\s+)?(?:hip|pain|groin)\b",
         needs=r"\bsudden\w*|\bout\s+of\s+(?:nowhere|the\s+blue)\b|\bfrom\s+nowhere\b"
               r"|\bno\s+(?:fall|reason)\b|\b(?:hadn'?t|didn'?t|did\s+not|had\s+not)\s+(?:fallen|fall"
               r"|twist\w*|done\s+anything)\b|\bnever\s+(?:been\s+)?like\s+this\b"
               r"|\bnothing\s+like\s+(?:his|her|my)\s+usual\b", window=200, same_sentence=False),
    # "the pain is not allowing me to sleep, whichever way I turn"
    rule("night_pain_sweats",
         r"\b(?:pain|hip|ache|it)\s+(?:is\s+|was\s+)?(?:not|isn'?t|won'?t|wont|doesn'?t|never)\s+"
         r"(?:allow\w*|let\w*)\s+(?:me|her|him)\s+(?:to\s+)?sleep\b",
         needs=r"\b(?:whichever|whatever|any)\s+(?:way|side|position)\b|\bno\s+matter\s+(?:how"
               r"|which|what)\b|\bevery\s+(?:position|way)\b", window=120),
    # "sweating buckets in my sleep lately"
    rule("night_pain_sweats",
         r"\bsweat\w*\s+(?:buckets\s+|cobs\s+|like\s+a\s+\w+\s+)?in\s+(?:my|her|his)\s+sleep\b"),
    # "her foot is turned right out to the side"
    rule("short_leg",
         r"\b(?:foot|leg|knee)\s+(?:is\s+|has\s+|'s\s+)?(?:turned|turning|rolled|pointing|points"
         r"|sticking)\s+(?:right\s+|all\s+the\s+way\s+|completely\s+)?out(?:wards?)?\s+(?:to\s+the"
         r"\s+side|sideways)\b"),
    # "the leg won't really hold me now"; "struggling more and more to take my weight"
    rule("cannot_bear_weight", (
        r"\b(?:leg|hip|knee)\s+(?:won'?t|wont|will\s+not|doesn'?t|can'?t)\s+(?:really|properly"
        r"|quite)\s+(?:hold|carry|support|take)\s+(?:me|her|him)\b",
        r"\bstruggl\w*\s+(?:more\s+and\s+more|a\s+lot|more|badly|really)\s+to\s+(?:take|put|bear"
        r"|get)\s+(?:(?:my|her|his|any|the)\s+)?weight\b",
    ), unless=EXERCISING, keep=GOES_ON),
    rule("cannot_bear_weight",
         r"\b(?:not|never)\s+been\s+able\s+to\s+(?:put|bear|take)\s+(?:any\s+|much\s+|(?:my|her|his)"
         r"\s+)?weight\b", unless=EXERCISING, keep=GOES_ON),
    # "reduced sensation L foot, now up to the knee, progressive over 5 days"
    rule("neuro_deficit",
         r"\b(?:reduced|decreased|altered|less|lost|losing)\s+(?:sensation|feeling)\s+(?:in\s+)?(?:(?:the"
         r"|my|her|his|l|r|left|right|both)\s+)*(?:foot|feet|leg|legs|shin|calf|toes)\b",
         needs=r"\bprogressi\w*|\bspread\w*|\bnow\s+(?:up|down)\s+to\b|\bcreep\w*|\bworse\b",
         window=100, same_sentence=False),
    # "pins and needles ... now it's all the way to my toes, been spreading all week"
    rule("neuro_deficit",
         r"\b(?:been\s+|keeps?\s+|it'?s\s+|is\s+)spreading\b"
         r"|(?<=\bnow\s)(?:it'?s|its|it\s+is)\s+all\s+the\s+way\s+(?:down\s+)?to\b",
         needs=r"\bnumb(?!er)\w*|\bpins\s+(?:n|and|&)\s+needles\b|\btingl\w*|\bdead\b", window=120,
         same_sentence=False),
    # "my partner says his hip's 'come out' again", quotes and all
    rule("dislocation",
         r"\bhip(?:'s|\s+is|\s+has)?\s+'(?:come|came|popped|gone|slipped)\s+out'\s*(?:again|of\s+place)?"),
    # "doesn't care which side I'm on": night pain no position eases
    rule("night_pain_sweats",
         r"\b(?:doesn'?t|does\s+not|didn'?t)\s+(?:care|matter)\s+(?:which|what)\s+(?:side|way|position)\b",
         needs=r"\bnights?\b|\bsleep\w*|\bwak\w*|\bbed\b", window=150, same_sentence=False),
    # "started hurting me very bad out of nowhere"; "a pain I can't even describe"; "this
    # pain is different, came on all at once"
    rule("sudden_severe_pain", (
        r"\bhurt\w*\s+(?:me\s+)?(?:very\s+|so\s+|real\s+|really\s+)?bad\b",
        r"\bpain\s+(?:i|you)\s+(?:can'?t|cannot|couldn'?t)\s+(?:even\s+)?describe\b",
        r"\b(?:pain|it)\s+(?:is|feels)\s+(?:totally\s+|completely\s+|very\s+)?different\b",
    ), needs=r"\bout\s+of\s+nowhere\b|\bsudden\w*|\ball\s+at\s+once\b|\bjust\s+went\b"
             r"|\b(?:wasn'?t|was\s+not)\s+doing\s+anything\b|\bout\s+of\s+the\s+blue\b",
        window=100, same_sentence=False),
    # "woke up and my foot just hangs, can't pull it up"
    rule("neuro_deficit", (
        r"\bfoot\s+(?:just\s+)?(?:hangs|dangles|flops)\b(?!\s+(?:off|over|down\s+from)\s+the)",
        rf"\b{CANT}\s+(?:pull|lift|bring|cock)\s+(?:it|my\s+foot|the\s+foot|her\s+foot|his\s+foot"
        r"|my\s+toes|the\s+toes|her\s+toes|his\s+toes)\s+up\b",
    ), unless=EXERCISING),
    # "waking up soaked every night"
    rule("night_pain_sweats",
         r"\b(?:wak\w*|woke)\s+(?:up\s+)?(?:soaked|drenched|dripping|wringing\s+wet|sodden)\b"
         r"(?!\s+(?:from|by|in)\s+(?:the\s+)?(?:rain|shower|hot\s+water|leak))"),
    # "so out of breath just walking to the kitchen": breathless at the least effort
    rule("pe",
         r"\b(?:out\s+of\s+breath|breathless|puffed\s+out|gasping)\s+(?:just\s+|only\s+)?(?:walking"
         r"|going|getting|moving)\s+(?:to|from|across|round)\s+the\s+(?:kitchen|toilet|loo|bathroom"
         r"|door|bedroom|lounge|sofa|chair|bed|hall|landing)\b"),
    # "my foot on the op side has gone floppy and catches the floor"
    rule("neuro_deficit", (
        r"\bfoot\s+(?:\w+\s+){0,5}?(?:has\s+)?(?:gone|going|went)\s+(?:all\s+)?floppy\b",
        r"\b(?:foot|toes?)\s+(?:\w+\s+){0,3}?(?:catches|catching|scuffs|scuffing)\s+(?:on\s+)?the"
        r"\s+(?:floor|ground|carpet)\b",
    )),
    # "weight's dropping off me for no reason"
    rule("cancer_weight_loss",
         r"\bweights?(?:'s|\s+is)?\s+(?:just\s+)?(?:dropping|falling|melting|pouring|coming)\s+off\b",
         needs=NO_DIET + r"|\bno\s+reason\b|\bwithout\s+trying\b", window=100,
         same_sentence=False),
)
