"""Red flags as people say them aloud or type them in a hurry: the fourth batch.

Written from two fresh batches of messages (``tests/data/understanding_tune7`` and
``_tune8``) as mechanisms rather than copies of rows: a leg that "is not taking my
weight", a heel that "hurts too much to lean on", a temperature read off the
thermometer, a wee that will not start, a leg numb "from hip to foot", no breath to
finish a sentence, a belt on its last notch, "getting thinner and thinner". Scots words
("cannae", "doon", "oot the blue") are put into English before any rule reads them
(``red_flag_words``). Read by ``red_flags``; see ``red_flag_phrases``.
"""

from __future__ import annotations

from bot.domain.understanding.red_flag_phrases import CANT, EXERCISING, GOES_ON, Rule, rule

_LEG = r"(?:leg|legs|hip|knee|foot|side)"
#: A weight lost without trying, in everyday words: what must stand near a thinner body.
_NOT_TRYING = (
    r"\b(?:without\s+trying|not\s+(?:been\s+)?(?:trying|dieting)|haven'?t\s+changed\s+(?:my|her|his)"
    r"\s+(?:eating|diet)|eating\s+(?:the\s+)?same|appetite\s+(?:is\s+)?(?:rubbish|gone|poor|bad"
    r"|terrible|nil)|off\s+(?:my|her|his)\s+food|no\s+appetite|not\s+(?:eating|hungry))\b"
)

RULES: tuple[Rule, ...] = (
    # --- cannot bear weight -----------------------------------------------------------
    rule("cannot_bear_weight", (
        rf"\b{CANT}\s+(?:stand|lean|put\s+(?:any\s+)?weight)\s+on\s+(?:the|my|her|his|that)\s+"
        r"(?:left|right|bad|operated|sore|new|poorly)\b(?:\s+(?:leg|side|one|hip|foot))?",
        rf"\b{_LEG}\s+(?:is\s+|has\s+)?(?:not|isn'?t|won'?t|wont|will\s+not|stopped)\s+(?:taking"
        r"|take|holding|hold|bearing|bear)\s+(?:my|her|his|the|any)\s+weight\b",
        r"\b(?:it|leg|hip)\s+(?:won'?t|wont|will\s+not|just\s+won'?t)\s+take\s+(?:me|her|him)\b",
        r"\b(?:not|barely|hardly)\s+(?:really\s+)?(?:been\s+)?(?:putting|put)\s+(?:any\s+|much\s+)?weight"
        r"\s+(?:on|through)"
        r"\s+(?:the|her|his|my|that)\b",
        r"\b(?:barely|hardly|not)\s+(?:been\s+)?(?:putting|put)\s+(?:the|her|his|my|that)\s+(?:\w+\s+)?"
        r"(?:leg|foot)\s+down\b",
        r"\b(?:hurts?|painful|sore)\s+too\s+much\s+to\s+(?:lean|stand|put\s+(?:any\s+)?weight"
        r"|step)\s+on\b",
    ), unless=EXERCISING, keep=GOES_ON),
    # --- infection: a temperature read off the thermometer, shaking with it ------------
    rule("infection", (
        r"\b(?:thermometer|temp|temperature)\s+(?:\w+\s+)?(?:says|said|reads|read|reading|shows"
        r"|showed|showing|is|was|of|at|hit)\s+(?:over\s+|about\s+)?(?:3[89]|4[01])(?:[.,]\d)?"
        r"(?!\s*(?:mins?|minutes|secs?|seconds|reps|times|kg|kilos?|years?))\b",
        r"\b(?:thermometer|temp|temperature)\s+(?:\w+\s+)?(?:says|said|reads|read|shows|showed"
        r"|is|was|of|at|hit)\s+(?:over\s+|about\s+)?10[0-4](?:[.,]\d)?\s*(?:f|°f|degrees)?\b",
    ), unless=r"\b(?:outside|outdoors|out\s+there|weather|shade|garden|greenhouse|car|room"
              r"|kitchen|fridge|freezer|oven|water|bath|pool|sea|heatwave|sun|forecast)\b"),
    rule("infection", r"\bteeth\s+(?:are\s+|were\s+)?chatter\w*",
         needs=r"\b(?:hip|groin|hot|temp\w*|fever\w*|unwell|shiver\w*|weak|wound|thermometer)\b",
         window=100, same_sentence=False,
         unless=r"\b(?:bus|snow|outside|freezing\s+out|winter\s+walk|sea|swim\w*|pool)\b"),
    # --- cauda equina: a wee that will not start, numb inner thighs --------------------
    rule("cauda_equina", (
        rf"\b{CANT}\s+(?:seem\s+to\s+)?(?:start|get)\s+(?:a|my|the|her|his)\s+(?:wee|pee|flow"
        r"|stream)\s+(?:going|started|at\s+all)\b",
        rf"\b{CANT}\s+(?:seem\s+to\s+)?start\s+(?:a\s+|to\s+)?(?:wee|pee|weeing|peeing)\b",
        r"\binside\s+of\s+(?:my|her|his|the)\s+(?:thighs?|legs?)\s+(?:\w+\s+){0,4}(?:numb(?!er)\w*|dentist"
        r"|injection|anaesthetic|anesthetic|no\s+feeling|dead)\b",
    )),
    # --- nerves: a leg numb top to toe, a leg not one's own ----------------------------
    rule("neuro_deficit", (
        r"\bnumb(?!er)\w*\s+(?:all\s+the\s+way\s+)?from\s+(?:my\s+|the\s+|her\s+|his\s+)?(?:hip|waist"
        r"|thigh|groin|bum|buttock)\s+(?:right\s+|all\s+the\s+way\s+)?(?:down\s+)?to\s+(?:my\s+"
        r"|the\s+|her\s+|his\s+)?(?:foot|feet|toes|ankle|knee)\b",
        r"\b(?:leg|foot)\s+(?:is\s+)?(?:\w+\s+){0,2}not\s+belong\w*\s+to\s+(?:me|her|him)\b",
    )),
    # --- weight lost without trying, in pictures --------------------------------------
    rule("cancer_weight_loss", (
        r"\bbelts?\b[^.!?\n]{0,30}\b(?:last|tightest|new|extra|smallest)\s+(?:notch|hole)\b",
        r"\b(?:getting|got|gone|going|looking)\s+(?:so\s+|really\s+|very\s+)?thinner\s+and\s+"
        r"thinner\b|\bwasting\s+away\b",
        r"\bclothes\s+(?:are\s+)?(?:hanging|falling)\s+off\s+(?:me|her|him)\b",
    ), needs=rf"{_NOT_TRYING}|\b(?:hip|pain|ach\w*|hurts?|cancer|myeloma|lymphoma|tumou?r)\b",
        window=200, same_sentence=False),
    # --- night pain: no way of lying eases it ------------------------------------------
    rule("night_pain_sweats", (
        r"\b(?:doesn'?t|does\s+not|dont|don'?t|no)\s+matter\s+(?:if|how|what|which\s+(?:way|side)"
        r"|whether)\s+(?:i|she|he)\s+(?:lie|lay|sleep|turn)\b",
        r"\bno\s+position\s+(?:\w+\s+)?(?:helps?|eases?|works?)\b",
    ), needs=r"\b(?:night\w*|nite|bed|sleep\w*|wak\w*|woke|early\s+hours|\d\s*am)\b",
        window=150, same_sentence=False),
    # --- lungs: no breath to finish a sentence -----------------------------------------
    rule("pe", (
        rf"\b{CANT}\s+(?:finish|get\s+to\s+the\s+end\s+of)\s+(?:a|her|his|my|the)\s+sentence\b",
        r"\bstop(?:ping|s)?\s+for\s+(?:breath|air)\s+(?:after|every|between)\s+(?:a\s+few|every"
        r"|each|\d|two|three)\s+(?:words?|steps?)\b",
    )),
    # --- a new hip that clunked and now will not shift ---------------------------------
    rule("dislocation",
         r"\b(?:clunk\w*|clonk\w*|pop(?:ped)?|thunk)\b",
         needs=rf"\b{CANT}\s+(?:shift|budge|move)\s+(?:the|my|her|his|it)\b|\blying\s+(?:all\s+)?"
               r"wrong\b|\b(?:at\s+a\s+)?(?:funny|weird|wrong|odd)\s+angle\b",
         window=160, same_sentence=False,
         unless=r"\b(?:stitch\w*|staples?|clips?|ears?|bubble|balloon|champagne|knee)\b"),
)

#: The fifth batch (tune10): a leg that "refused to carry me", weight kept off a leg,
#: urine "dropping by itself", numbness creeping up, stopping for breath on the stairs.
RULES_TUNE10: tuple[Rule, ...] = (
    rule("cannot_bear_weight", (
        r"\b(?:leg|hip|knee)\s+(?:has\s+|have\s+)?(?:refused|refuses|refusing|won'?t|will\s+not)\s+"
        r"(?:to\s+)?(?:carry|hold|support)\s+(?:me|her|him)\b",
        r"\bkeep\w*\s+(?:most\s+(?:of\s+)?|all\s+(?:of\s+)?)?(?:my|her|his|the)\s+weight\s+off\s+(?:the|my|her"
        r"|his|that)\s+(?:\w+\s+)?(?:leg|side|hip|foot)\b",
        rf"\b{_LEG}\s+(?:is\s+)?(?:not|isn'?t)\s+(?:taking|holding|bearing)\s+(?:my|her|his|the)\s+"
        r"(?:full\s+)?(?:body\s+)?weight\b",
        r"\bthe\s+moment\s+(?:i|she|he)\s+(?:push\s+up|stand|put\s+(?:any\s+)?weight|lean)\s+on\s+"
        r"(?:the|my|her|his)\s+(?:\w+\s+)?leg\s+it\s+(?:gives?\s+way|buckles|collapses)\b",
    ), unless=EXERCISING, keep=GOES_ON),
    rule("cauda_equina", (
        r"\b(?:urine|wee|pee|poo|stool|water)\s+(?:is\s+)?(?:just\s+)?(?:dropping|dripping|coming"
        r"(?:\s+out)?|leaking|passing|running)\s+(?:by\s+itself|on\s+its\s+own)\b",
        r"\bnot\s+feeling\s+(?:my|her|his)\s+(?:private\s+parts?|privates|private|bum|buttocks?"
        r"|bottom|back\s+passage)\b",
    )),
    rule("neuro_deficit",
         r"\bnumb(?!er)\w*\s+(?:that\s+was\s+)?(?:\w+\s+){0,4}(?:is\s+)?(?:now\s+)?(?:up\s+to|creeping\s+up"
         r"|spread\w*\s+(?:up|to)|moving\s+up|going\s+up)\b"),
    rule("pe", (
        r"\bstop\w*\s+(?:\w+\s+){0,2}(?:times\s+)?to\s+(?:get|catch)\s+(?:my|her|his)\s+breath\b",
        r"\b(?:hurts?|pain\w*|sore)\s+(?:\w+\s+){0,4}chest\s+when\s+(?:i|she|he)\s+breath\w*",
    )),
)

#: Signs another category's rule caught first, under a lower urgency (found by checking
#: the urgency of every alarmed tuning row): a leg turned out after a slip is a fracture,
#: a new hip that made a noise and is stuck is out of its socket, numbness between the
#: legs and soiling unawares are the cauda equina.
RULES_TRIAGE: tuple[Rule, ...] = (
    rule("fracture_after_fall",
         r"\b(?:slip(?:ped)?|trip(?:ped)?|fell|fall(?:en)?|landed)\b",
         needs=r"\b(?:foot|knee|leg|toes)\s+(?:\w+\s+){0,2}(?:turn\w*|flop\w*|roll\w*|point\w*|lying"
               r"|lies)\s+(?:flat\s+)?(?:out\w*|to\s+the\s+side)\b|\bcan'?t\s+roll\s+over\b"
               r"|\bleg\s+looks\s+(?:odd|funny|wrong|weird|strange|short)\b",
         window=200, same_sentence=False,
         unless=r"\b(?:nearly|almost|caught\s+(?:myself|herself|himself)|exercis\w*|stretch\w*)\b"),
    rule("dislocation",
         r"\b(?:hip|joint)\s+(?:\w+\s+){0,2}(?:big|loud|strange|funny|horrible)\s+(?:noise|sound"
         r"|crack|bang)\b",
         needs=rf"\b{CANT}\s+(?:move|shift|lift|bend)|\bstuck\b|\b(?:strange|funny|weird|wrong|odd)\s+"
               r"(?:position|angle)\b",
         window=160, same_sentence=False),
    rule("cauda_equina", (
        r"\bnumb(?!er)\w*\s+between\s+(?:my|her|his|the)\s+legs\b",
        r"\bnot\s+feeling\s+when\s+(?:the\s+)?(?:toilet|poo|wee|pee|urine)\s+(?:is\s+)?coming\b",
        r"\b(?:did|done|doing|does)\s+(?:the\s+|a\s+)?(?:potty|poo|wee|pee|toilet)\s+in\s+(?:the|his"
        r"|her|my)\s+bed\b",
    )),
)

#: The sixth batch (tune11): a night no pillow helps, a high score that "came on
#: suddenly" even when first played down as a twinge.
RULES_TUNE11: tuple[Rule, ...] = (
    rule("night_pain_sweats", (
        r"\bnothing\s+(?:i\s+do\s+)?(?:\w+\s+){0,4}(?:changes|helps|eases|shifts|touches)\s+it\b",
        r"\b(?:pain|ache)\s+(?:at|in\s+the)\s+night\s+is\s+(?:\w+\s+){0,3}constant\b",
    ), needs=r"\b(?:night\w*|bed|sleep\w*|pillows?|wak\w*|woke)\b", window=150,
        same_sentence=False),
    rule("sudden_severe_pain",
         r"\b(?:it'?s|its|it\s+is|pain\s+is)\s+(?:a\s+)?(?:9|10|nine|ten)\b(?!\s*(?:am|pm|o'?clock"
         r"|mins?|minutes|reps|times|days|weeks))",
         needs=r"\bsudden(?:ly)?\b|\bout\s+of\s+(?:nowhere|the\s+blue)\b|\bfor\s+no\s+reason\b",
         window=80, same_sentence=False),
)

#: The seventh batch (tune12): telegram style ("calf. swollen. hot."), a fever in
#: Fahrenheit, a calf "bigger than the other", a carer's note of soaked bedding.
RULES_TUNE12: tuple[Rule, ...] = (
    rule("fracture_after_fall",
         r"\b(?:wiped\s+out|went\s+flying|took\s+a\s+(?:tumble|spill|header)|bit\s+the\s+dust)\b",
         needs=r"\bturned\s+out\b|\bwon'?t\s+straighten\b|\b(?:can'?t|cannot)\s+(?:get\s+up|stand"
               r"|move|walk)\b|\bagony\b",
         window=200, same_sentence=False),
    rule("cannot_bear_weight", (
        r"\b(?:leg|hip)[.,:]?\s+no\s+weight\b",
        r"\b(?:haven'?t|hasn'?t|havent|hasnt)\s+been\s+able\s+to\s+stand\s+on\s+(?:his|her|my|the)\s+"
        r"(?:\w+\s+)?(?:leg|side|foot)\b",
    )),
    rule("infection",
         r"\b(?:10[0-4][.,]\d|3[89][.,]\d)\b(?!\s*(?:kg|kilos?|lbs?|pounds|mins?|minutes|km|miles|%))",
         needs=r"\b(?:hip|wound|scar|incision|achy|shiver\w*|chills?|redder|hot|swollen|fatter"
               r"|unwell|coming\s+down|fever\w*|temp\w*)\b",
         window=120, same_sentence=False),
    rule("infection",
         r"\b(?:hip|wound|scar|incision|joint)\s+(?:\w+\s+){0,2}(?:redder|hotter|fatter|angrier)\s+"
         r"and\s+(?:redder|hotter|fatter|more\s+swollen|bigger)\b"),
    rule("night_pain_sweats", (
        r"\b(?:doesn'?t|does\s+not|no)\s+matter\s+(?:if|whether)\s+(?:i'?m|she'?s|he'?s|i\s+am)\s+in"
        r"\s+(?:the\s+)?(?:bed|chair|recliner)\b",
        r"\bnothing\s+lets\s+(?:me|her|him)\s+sleep\b",
        r"\b(?:bedding|bedclothes|duvet|pillows?|nightie|nightdress)\s+(?:has\s+been\s+|is\s+|was\s+)?"
        r"(?:soaked|drenched|wet\s+through|sodden)\s+(?:with|in)\s+sweat\b",
    )),
    rule("dvt", (
        r"\bcalf\b[.,:]?(?:\s+\w+[.,]?){0,3}\s+(?:swollen|swelling|hot|tender)\b[.,]?\s+(?:\w+[.,]?\s+){0,2}"
        r"(?:hot|red|swollen|tender|post\s*op)\b",
    ), unless=r"\b(?:not|no|isn'?t|fine|normal)\b"),
    rule("dvt",
         r"\b(?:visibly\s+)?(?:bigger|fatter|larger|thicker)\s+than\s+the\s+(?:left|right|other)"
         r"(?:\s+(?:one|leg|calf))?\b",
         needs=r"\bcalf\b", window=200, same_sentence=False),
    rule("wound",
         r"\b(?:incision|wound|scar)[.,:]?(?:\s+\w+[.,]?){0,3}\s*(?:oozing|smelly|leaking|weeping|pus)\b",
         unless=r"\b(?:not|no|isn'?t|nothing|fine|dry)\b"),
    rule("sudden_severe_pain",
         r"\b(?:drove|driven|hammered|stabbed)\s+(?:a\s+)?(?:nail|knife|spike)\s+(?:in|into)\s+"
         r"(?:my|her|his|the)\s+(?:hip|groin|leg)\b",
         needs=r"\bsudden\w*|\bfrom\s+nowhere\b|\bout\s+of\s+(?:nowhere|the\s+blue)\b"
               r"|\bno\s+(?:reason|injury)\b|\bcame\s+on\b", window=120, same_sentence=False),
)

#: The eighth batch (tune13, written in the corpus's own style): less and less weight
#: on a leg, sweaty nights, night pain that rolling over does not ease.
RULES_TUNE13: tuple[Rule, ...] = (
    rule("cannot_bear_weight", (
        r"\b(?:less\s+and\s+less|hardly\s+any|barely\s+any)\s+weight\s+(?:on|through)\b",
        r"\b(?:only\s+(?:just\s+)?|barely\s+|hardly\s+)touching\s+the\s+(?:floor|ground)\s+with\s+"
        r"(?:my|her|his)\s+(?:\w+\s+)?(?:toes|foot)\b",
        r"\bno\s+weight\s+on\s+(?:the\s+|my\s+|her\s+|his\s+)?leg\s+at\s+all\b",
        r"\b(?:can\s+)?only\s+(?:just\s+)?(?:touch|put|rest|get)\s+(?:my|her|his|the)\s+toes\s+(?:down"
        r"|on\s+the\s+(?:floor|ground)|to\s+the\s+(?:floor|ground))\b",
    ), unless=r"\b(?:balanc\w*|exercis\w*|stretch\w*|heel\s+raises?)\b"),
    rule("night_pain_sweats", (
        r"\bsweaty\s+nights?\b",
        r"\b(?:having|have|had)\s+to\s+change\s+(?:my|her|his|the)\s+(?:pyjamas|pjs|nightie"
        r"|nightdress|sheets|bedding)\b",
        r"\bnight\s+pain\s+is\s+(?:\w+\s+){0,2}constant\b",
        r"\b(?:rolling|turning)\s+over\s+(?:doesn'?t|does\s+not|won'?t|dont|don'?t)\s+(?:ease|help"
        r"|change)\b",
    )),
)

#: The ninth batch (tune14, the corpus's style again): a numb "undercarriage", fighting
#: for breath, pyjamas stuck with sweat, a night where no position "makes odds".
RULES_TUNE14: tuple[Rule, ...] = (
    rule("cauda_equina",
         r"\b(?:undercarriage|down\s+below|nether\s+regions|privates|private\s+parts)\s+(?:\w+\s+){0,2}"
         r"(?:numb(?!er)\w*|no\s+feeling|dead|gone\s+to\s+sleep|asleep)\b"),
    rule("pe", r"\b(?:fighting|gasping|struggling)\s+for\s+(?:breath|air)\b",
         needs=r"\bchest\b|\bop\b|\boperation\b|\bsurgery\b|\bcough\w*\b", window=120,
         same_sentence=False, unless=r"\blaugh\w*\b"),
    rule("night_pain_sweats", (
        r"\b(?:pyjamas|pjs|nightie|nightdress|sheets|t-?shirt|shirt|vest)\s+(?:\w+\s+){0,2}(?:stuck"
        r"|sticking|soaked"
        r"|drenched)\s+(?:to\s+(?:me|her|him)\s+)?with\s+sweat\b",
    )),
    rule("night_pain_sweats", r"\bmakes\s+no\s+(?:odds|difference)\b",
         needs=r"\bwak\w*|\bwoke\b|\bnight\w*\b|\bslept\b|\bsleep\w*", window=150,
         same_sentence=False),
)

#: The tenth and eleventh batches (tune15: older writers and carers; tune16: younger,
#: North American and non-native writers): hopping on the good leg, "down 7 kg" with no
#: diet, toes only just touching down.
RULES_TUNE15: tuple[Rule, ...] = (
    rule("cannot_bear_weight", (
        r"\b(?:hop|hops|hopping|hopped|jump|jumps|jumping)\s+(?:around\s+|about\s+)?on\s+(?:the|my"
        r"|her|his)\s+(?:other|good)\s+(?:leg|foot)\b",
        rf"\b{CANT}\s+(?:make|put|take|place)\s+(?:any\s+|no\s+)?weight\s+on\s+(?:the|my|her|his)\s+"
        r"(?:\w+\s+)?(?:leg|foot|hip|side)\b",
    ), unless=EXERCISING, keep=GOES_ON),
    rule("cancer_weight_loss",
         r"\bdown\s+\d+(?:[.,]\d+)?\s*(?:kg|kgs|kilos?|lbs?|pounds|stone|st)\b",
         needs=r"\bnot\s+(?:on\s+)?(?:a\s+|any\s+)?diet\w*|\bwithout\s+(?:trying|dieting)\b"
               r"|\bnot\s+trying\b|\bno\s+idea\s+why\b|\bappetite\b",
         window=150, same_sentence=False),
    # tune17, tune18: flags said vaguely or buried in chat
    rule("cannot_bear_weight",
         r"\b(?:puts?|putting|put)\s+(?:that|the|her|his|my)\s+(?:\w+\s+)?(?:foot|leg)\s+(?:to|on|down"
         r"\s+on)\s+the\s+(?:floor|ground)\b",
         needs=r"\bcr(?:y|ies|ied|ying)\s+out\b|\bscream\w*|\byelp\w*|\bagony\b|\bstuck\b",
         window=80),
    rule("neuro_deficit",
         rf"\b{CANT}\s+feel\s+(?:the\s+)?(?:\w+\s+)?(?:water|heat|cold|warmth|temperature|touch)\s+"
         r"(?:\w+\s+){0,2}(?:on|in|with)\s+(?:my|her|his|the)\s+(?:\w+\s+)?(?:leg|foot|feet|thigh|shin"
         r"|knee|ankle)\b"),
    rule("pe", (
        r"\b(?:every|each)\s+(?:breath|time\s+i\s+breathe)\s+(?:in\s+)?(?:\w+\s+){0,2}(?:stabs|hurts"
        r"|catches|kills|knifes)\b",
        r"\b(?:pulse|heart)\s+(?:is\s+|'s\s+)?(?:going\s+like\s+a\s+train|racing|pounding"
        r"|hammering|going\s+ten\s+to\s+the\s+dozen)\b",
    ), needs=r"\bop\b|\boperation\b|\bsurgery\b|\bchest\b|\bribs?\b|\bbreath\w*|\bcough\w*",
        window=150, same_sentence=False),
    rule("pe", r"\bcough\w*", needs=r"\bblood\w*|\bbright\s+red\b", window=70),
    rule("sudden_severe_pain",
         r"\b(?:shot|jumped|rocketed|leapt|gone)\s+(?:right\s+)?up\s+to\s+(?:an?\s+)?(?:[89]|10|nine"
         r"|ten)\b",
         needs=r"\bsudden\w*|\bin\s+(?:the\s+space\s+of\s+)?(?:a\s+few|\d+|ten|five|twenty)\s+min"
               r"|\bno\s+(?:idea|reason|warning)\b|\bout\s+of\s+(?:nowhere|the\s+blue)\b"
               r"|\bjust\s+now\b|\bwon'?t\s+come\s+down\b",
         window=120, same_sentence=False),
)

#: The fourteenth and fifteenth batches (tune19: red flags as patients and relatives
#: really report them; tune20: a patient's everyday messages): a foot that "won't go on
#: the floor", warm water not felt between the legs, a shoe that catches, a night no
#: position helps, the ball of a new hip that slipped, pain like a lightning bolt.
RULES_TUNE19: tuple[Rule, ...] = (
    rule("cannot_bear_weight",
         r"\b(?:foot|leg)\s+(?:just\s+)?(?:won'?t|wont|will\s+not|can'?t|cannot)\s+go\s+(?:on|to"
         r"|down\s+on)\s+the\s+(?:floor|ground)\b", unless=r"\b(?:balanc\w*|single[\s-]leg)\b"),
    rule("cannot_bear_weight", (
        r"\b(?:hardly|barely|can'?t|cannot|won'?t|daren'?t|don'?t)\s+let\s+(?:that|the|my|her|his)\s+"
        r"(?:\w+\s+)?foot\s+touch\s+the\s+(?:floor|ground)\b",
        r"\bbarely\s+using\s+(?:the|that|my|her|his)\s+(?:\w+\s+)?leg\s+at\s+all\b",
    ), unless=EXERCISING, keep=GOES_ON),
    rule("cannot_bear_weight", (
        r"\b(?:only|barely|just)\s+(?:do|manage|take|walk)\s+(?:a\s+)?(?:couple\s+of|few|one\s+or\s+two"
        r"|two|three|2|3)\s+steps\b",
        r"\bhave\s+to\s+take\s+the\s+weight\s+off\s+(?:it|the\s+leg|that\s+leg|the\s+bad\s+leg)\b",
    ), needs=r"\bleg\b|\bstick\b|\bframe\b|\bweight\b|\bhip\b", window=120, same_sentence=False,
        unless=EXERCISING, keep=GOES_ON),
    rule("cancer_weight_loss",
         r"\b(?:gone|went|dropped|come)\s+(?:down\s+)?from\s+\w+\s*(?:stone|st|kg|kilos?|lbs?|pounds)\s+"
         r"(?:to|down\s+to)\b",
         needs=r"\bwithout\s+(?:trying|dieting)\b|\bnot\s+(?:on\s+)?(?:a\s+|any\s+)?diet\w*|\bnot\s+trying\b"
               r"|\bno\s+idea\s+why\b|\bappetite\b", window=150, same_sentence=False),
    rule("cauda_equina",
         rf"\b{CANT}\s+feel\s+(?:the\s+)?(?:\w+\s+)?(?:water|paper|tissue|wiping|flannel|heat)\s+"
         r"(?:\w+\s+){0,3}(?:round|around|between|on|in)\s+(?:my|her|his)\s+(?:bottom|bum|backside"
         r"|privates|groin|legs|saddle|back\s+passage)\b"),
    rule("neuro_deficit", (
        # not "I just caught my toe on the step": one trip
        r"(?<!just )(?<!only )"
        r"\b(?:catching|catches|caught|scuffing|scuffs)\s+(?:the\s+(?:front|toe)\s+of\s+)?(?:my|her"
        r"|his)\s+(?:shoe|toe|toes|foot|slipper)\s+on\s+(?:the\s+)?(?:stairs?|steps?|kerb|curb"
        r"|ground|carpet|floor|pavement)\b",
        r"\bfoot\s+(?:just\s+)?(?:doesn'?t|does\s+not|won'?t|will\s+not)\s+(?:lift|come\s+up)\b",
    )),
    rule("night_pain_sweats", (
        r"\b(?:however|whatever\s+way|whichever\s+way|no\s+matter\s+how)\s+(?:i|she|he)\s+lie\b",
        r"\b(?:turning|rolling)\s+over\s+(?:does\s+nothing|makes\s+no\s+difference)\b",
        r"\bwake\s+(?:up\s+)?with\s+the\s+sheets\s+(?:stuck|sticking|soaked|wet)\b",
    )),
    rule("dislocation",
         r"\b(?:ball|hip|joint)\s+(?:of\s+(?:the|my|her|his)\s+(?:new\s+)?hip\s+)?(?:slip|slipped|shift"
         r"|shifted|popped|clunked)\b",
         needs=r"\bstuck\b|\b(?:can'?t|cannot|won'?t)\s+(?:move|straighten|shift|bend)\b|\b10/10\b"
               r"|\bten\s+out\s+of\s+ten\b|\bagony\b", window=120, same_sentence=False),
    rule("sudden_severe_pain", (
        r"\bwent\s+(?:up\s+)?to\s+(?:an?\s+)?(?:[89]|10|nine|ten)\s+in\s+(?:an\s+instant|seconds"
        r"|a\s+second|a\s+flash|no\s+time)\b",
        r"\blike\s+a\s+(?:lightning\s+bolt|bolt\s+of\s+lightning|bolt\s+from\s+the\s+blue|gunshot)\b",
    ), needs=r"\bhip\b|\bgroin\b|\bpain\b|\bleg\b", window=120, same_sentence=False),
)
