"""Nerves: a numb, weak or dropping leg or foot, and the bladder, bowel and saddle signs of
a squashed nerve root (cauda equina). Read by ``red_flags``; see ``red_flag_phrases``.
"""

from __future__ import annotations

from bot.domain.understanding.red_flag_phrases import (
    CANT,
    LEG,
    SEP,
    WHOSE,
    Rule,
    gap,
    not_right,
    rule,
)

_NUMB = (
    r"\b(?:numb(?!er)\w*|tingl\w*|pins?\s*(?:and|&|n|'n'|an|\+)\s*needles?|pins ?n ?needles"
    r"|no\s+(?:feeling|sensation)|(?:lost|losing)\s+(?:the\s+|all\s+|any\s+)?(?:feeling|sensation)"
    r"|(?:loss|lack)\s+of\s+(?:feeling|sensation)|electric\s+(?:shocks?|zaps?))"
)
_NOT_LEG = (
    r"^(?!.*\b(?:legs?|foot|feet|toes?|thighs?|knees?|shins?|calf|calves|ankles?|heels?|hips?"
    r"|bum|groin|buttocks?|bottom)\b).*\b(?:hands?|fingers?|arms?|face|lips?|mouth|tongue|chin"
    r"|thumbs?|wrists?|brains?|head|mind|elbows?|cheeks?|nose|ears?|gums?)\b"
)
#: Numbness from sitting on a foot: not a nerve root.
_POSITIONAL = (
    r"\b(?:cross[\s-]?legged|sitting\s+on\s+(?:it|my\s+foot|my\s+feet)|(?:from|after)\s+"
    r"(?:\w+\s+)?(?:sitting|kneeling|squatting)|kneeling|ice\s+pack|frozen\s+peas)\b"
    r"|\b(?:when|if)\s+(?:i|she|he)\s+(?:sit|kneel|cross)\b|\bsit\w*\s+too\s+long\b"
    r"|\b(?:around|by|near|next\s+to|round|beside|under|above|below)\s+(?:the|my|her|his)\s+"
    r"(?:scar|wound|incision|cut)\b|\bnumb\s+patch\b"
    r"|\b(?:sitting|sat)\s+(?:through|for\s+(?:hours|ages|too\s+long|a\s+long)|watching"
    r"|in\s+the\s+car|on\s+(?:a\s+|the\s+|that\s+)?(?:hard|wooden|plastic|bus|train|plane"
    r"|floor|bench))|\b(?:plastic|hard|wooden|metal)\s+(?:chairs?|seats?|benches?)\b"
    # "numb for a sec when I sat on it, but fine": pressure that passed at once
    r"|\b(?:sat|lay|lain|lying|knelt)\s+on\s+(?:it|my\s+(?:leg|foot|feet))\b"
    r"|\bfor\s+a\s+(?:sec|second|moment|minute|min|few\s+seconds)\b(?=[^.!?\n]{0,40}\b(?:but"
    r"|then|and)\s+(?:\w+\s+){0,2}(?:fine|ok|okay|gone|normal|back\s+to\s+normal)\b)"
    # "went numb sitting on the loo reading the paper for an hour"
    r"|\b(?:sitting|sat)\s+on\s+(?:the\s+)?(?:loo|toilet|throne)\b[^.!?\n]{0,40}\bfor\s+(?:an\s+hour"
    r"|hours|ages|half\s+an\s+hour|too\s+long)\b"
)
#: ...unless it is spreading, new or with weakness.
_SPREADING = (
    # not "not spreading", "no bigger", "not getting any bigger": those are the patch's news
    r"(?<!not\s)(?<!no\s)(?<!any\s)(?<!n't\s)\b(?:spread\w*|growing|bigger|worse|new|creeping|weak\w*|sudden\w*|won'?t\s+go"
    r"|(?:just|only\s+just)\s+(?:started|came\s+on|come\s+on|happened)|came\s+on|out\s+of"
    r"\s+(?:nowhere|the\s+blue)|won'?t\s+wear\s+off|hasn'?t\s+(?:worn\s+off|come\s+back))\b"
)
_SADDLE = (
    r"\b(?:saddle|down\s+below|down\s+there|between\s+(?:my|her|his|the|your)\s+legs|privates"
    r"|private\s+(?:parts|area|bits)|(?:my|her|his)\s+bits|genitals?|groin|crotch|perine\w*"
    r"|undercarriage|back\s+passage|bottom(?!\s+(?:of|step|stair|end|half|line|drawer))|bum"
    r"|butt|buttocks?|bum\s+cheeks|backside|seat(?!\s+belt)|inner\s+thighs?|anus|vagina|penis"
    r"|front\s+bottom|nether\s+regions|fanny|where\s+(?:i|she|he)\s+sits?|sit\s+bones?"
    r"|lady\s+(?:parts|bits)|nethers|willy|scrotum|testicles)\b"
)
_SADDLE_NUMB = (
    r"\b(?:numb(?!er)\w*|tingl\w*|pins\s+and\s+needles|no\s+(?:feeling|sensation)|(?:lost|lose|losing)\s+(?:the\s+"
    r"|all\s+)?(?:feeling|sensation)|(?:can'?t|cannot)\s+(?:really\s+|properly\s+|even\s+)?feel"
    r"(?:\s+nothing)?|to\s+not\s+feel\s+(?:anything|a\s+thing)|dead|asleep|like\s+(?:after\s+)?(?:the\s+"
    r"|a\s+)?(?:dentist|an(?:a)?esthetic|injection))\b"
)
_WEE = r"(?:bladder|bowels?|pee|wee|urine|waterworks|toilet|poo|peeing|weeing|water)"

RULES: tuple[Rule, ...] = (
    # numbness, weakness, foot drop
    rule("neuro_deficit", _NUMB, unless=rf"{_NOT_LEG}|{_POSITIONAL}", keep=_SPREADING),
    rule("neuro_deficit", (
        rf"\b{CANT}\s+feel\s+{WHOSE}{gap(3)}(?:{LEG}|floor|ground)\b",
        rf"\b{LEG}\s+{gap(3)}(?:feels?|felt|went|gone|has\s+gone|is|was|goes|going|keeps\s+"
        rf"going)\s+{gap(2)}(?:dead|numb|floppy|limp|useless|asleep|paraly[sz]ed)\b",
        r"\bdead\s+weight\b",
        rf"\b{CANT}\s+(?:lift|bend|pull|raise|point|flex)\s+{WHOSE}{gap(2)}(?:foot|feet|toes"
        r"|ankle)\s+up\b",
        rf"\b{CANT}\s+(?:control|feel|wiggle|move|lift)\s+{WHOSE}(?:\w+\s+)?(?:legs?|toes|foot"
        r"|feet)\b",
        rf"\b(?:legs?|foot)\s+{gap(2)}(?:won'?t|will\s+not|doesn'?t)\s+(?:do\s+what|obey|respond"
        r"|listen\s+to\s+me|co-?operate)\b",
        r"\b(?:doesn'?t|does\s+not)\s+feel\s+like\s+(?:my|her|his)\s+(?:own\s+)?(?:leg|foot)\b",
        rf"\b(?:foot|ankle|toes)\s+{gap(2)}(?:won'?t|will\s+not|can'?t|doesn'?t)\s+(?:lift|bend"
        r"\s+up|come\s+up|go\s+up|pull\s+up|move|wiggle|budge|respond)\b",
        r"\bdead[\s-]?legs?\b|\bwalking\s+on\s+cotton\s+wool\b|\blike\s+cotton\s+wool\b",
        # the leg is not felt as one's own: "dead from the hip down", "like someone else's"
        r"\b(?:leg|foot)\s+(?:\w+\s+)?(?:feels?|felt|is|like)\s+(?:like\s+)?(?:a\s+)?(?:lump|block"
        r"|piece|bit|log|plank)\s+of\s+(?:wood|concrete|rubber|stone|lead|meat)\b",
        r"\b(?:dead|numb|no\s+feeling|nothing)\s+from\s+(?:the|my|her|his)\s+(?:hip|waist|knee"
        r"|thigh|groin|bum|bottom|middle)\s+down\b",
        r"\b(?:leg|foot)\s+(?:\w+\s+)?(?:belongs|belonged|belonging)\s+to\s+(?:someone|somebody"
        r"|some\w*)\s+else\b|\b(?:leg|foot)\s+(?:\w+\s+)?(?:isn'?t|is\s+not|wasn'?t|doesn'?t\s+feel"
        r"\s+like)\s+(?:mine|(?:my|her|his)\s+own)\b",
        rf"\bweak\w*\s+(?:in\s+)?(?:(?:my|her|his|the|both|right|left|bad|operated)\s+)*"
        rf"{LEG}\b",
        # "weakness spreading down the leg"
        rf"\bweak\w*\s+(?:\w+\s+){{0,2}}(?:spreading|creeping|going|moving)\s+(?:down\s+into|down|into)\s+"
        rf"(?:the|my|her|his)\s+{LEG}\b",
        rf"\b{LEG}\s+{gap(3)}(?:weak\w*|no\s+power|no\s+strength|lost\s+(?:its\s+|all\s+)?"
        r"strength)\b",
        r"\b(?:going|getting|gets|got|grown|grows)\s+weaker\b|\bweaker\s+(?:every|each|by"
        r"\s+the)\s+(?:day|week)\b",
        r"\bno\s+(?:power|strength)\s+(?:in\s+(?:my|her|his|the)\s+(?:leg|foot)|at\s+all)\b",
        rf"\b(?:legs?|knees?|hips?)\s+{gap(3)}(?:(?:gave|gives|giving|give|keeps\s+giving)\s+"
        r"(?:way|out)|buckl\w*|collaps\w*|folded|folds)\b",
        rf"\b(?:legs?|knees?)\s+{gap(2)}(?:went|gone|goes)\s+from\s+under\b",
        r"\bfoot[\s-]?drop\b|\bdrop[\s-]?foot\b",
        rf"\b(?:foot|feet)\s+{gap(4)}(?:slap\w*|flap\w*|flop\w*|dragg?\w*|drops|dropping"
        r"|scuff\w*|hanging|dangl\w*|catch\w*|snag\w*)\b(?!\s+(?:one|ones|exercise|thing)\b)",
        rf"\btoes\s+{gap(2)}(?:drag\w*|scrap\w*|scuff\w*|catch\w*)\b",
        r"\btripping\s+over\s+(?:my|her|his)\s+(?:own\s+)?(?:foot|feet|toes)\b",
        r"\bparaly[sz]\w*",
        r"\b(?:slapp\w*|flapp\w*|flopp\w*)\s+(?:foot|feet)\b(?!\s+(?:one|ones|exercise|thing)\b)",
        r"\blike\s+a\s+flipper\b",
        rf"\bdragg?(?:ing|s|ed)?\s+{WHOSE}(?:\w+\s+)?(?:leg|foot|feet)\b",
        rf"\b(?:keeps?|kept|keeping|always|constantly)\s+(?:catching|stubbing|tripping\s+over"
        rf"|scuffing|snagging)\s+(?:on\s+)?{WHOSE}(?:\w+\s+)?(?:toes?|foot)\b",
        rf"\b(?:foot|toes)\s+{gap(2)}(?:isn'?t|is\s+not|not|won'?t|doesn'?t|wont)\s+"
        r"(?:lifting|lift|coming\s+up|clear\w*)\b",
        rf"\b{CANT}\s+(?:even\s+)?(?:lift|raise|pull\s+up|pull|bend\s+up|move|flex|point)\s+"
        rf"{WHOSE}{gap(3)}(?:foot|feet|toes|ankle)\b",
        rf"\b{CANT}\s+(?:even\s+)?(?:lift|raise|move)\s+(?:my|her|his|the)\s+(?:\w+\s+)?legs?\b",
    ), unless=rf"{_NOT_LEG}|{_POSITIONAL}", keep=_SPREADING),
    # "numb down my shin? it's crept down from the knee to the ankle" (round 17)
    rule("neuro_deficit",
         r"\b(?:crept|creeping|spread|spreading|moved|travell?ed)\s+(?:down|up)\s+from\s+(?:the|my"
         r"|her|his)\s+(?:hip|thigh|knee|shin|calf|bum|buttock)\s+(?:in)?to\s+(?:the|my|her|his)\s+"
         r"(?:knee|shin|calf|ankle|foot|toes)\b",
         needs=rf"{_NUMB}\b|\bweak\w*", window=120, same_sentence=False,
         unless=r"\b(?:bruis\w*|swell\w*|swollen|colou?r|purple|yellow|rash)\b"),
    rule("neuro_deficit",
         rf"\b{CANT}\s+(?:even\s+)?(?:stand|walk|go|get)\s+(?:up\s+)?on\s+{WHOSE}"
         r"(?:tip\s?toes?|toes|heels?)\b",
         needs=r"\b(?:any\s*more|no\s+longer|suddenly|since|now|today|weak\w*|numb(?!er)\w*)\b",
         window=60),
    # bladder, bowel, saddle
    rule("cauda_equina", _SADDLE_NUMB, needs=_SADDLE, window=45,
         unless=r"\b(?:bottom|seat)\s+of\s+(?:my|the|her|his)\s+(?:foot|feet)\b"
                # "his foot went numb sitting on the loo": the foot, not the saddle
                r"|\b(?:foot|feet|toes?)\s+(?:went|gone|goes|go|going)\s+(?:numb|dead|to\s+sleep)\b"
                r"|(?<!be\s)\b(?:from|after"
                r"|while|when)\s+(?:\w+\s+){0,2}(?:sitting|sat|sit)\b(?!\s+on\s+(?:a|the)"
                r"\s+(?:toilet|loo|cold))|\b(?:hard|uncomfortable)\s+(?:chair|seat)\b|\bbike\b"
                r"|\bcycling\b|\b(?:sitting|sat)\s+(?:through|for\s+(?:hours|ages|too\s+long"
                r"|a\s+long)|watching|in\s+the\s+car|on\s+(?:a\s+|the\s+|that\s+)?(?:hard|wooden"
                r"|plastic|bus|train|plane|floor|bench))"
                # "from 3 hours on them plastic chairs" (round 27)
                r"|\b(?:plastic|hard|wooden|metal)\s+(?:chairs?|seats?|benches?)\b"),
    rule("cauda_equina", (
        r"\bsaddle\s+(?:area|region|numb(?!er)\w*|an(?:a)?esthesia)\b",
        r"\b(?:like|as\s+if|as\s+though)\s+(?:i'?m|i\s+am|she'?s|he'?s|you'?re|sitting)\s+"
        r"(?:sitting\s+)?on\s+(?:nothing|thin\s+air|air|a\s+cushion\s+of\s+air)\b",
        rf"\b{CANT}\s+(?:tell|feel|know|sense)\s+(?:if|when|whether)\s+(?:my|her|his|the)\s+"
        r"(?:bladder|bowels?)\s+(?:is\s+|are\s+|'s\s+)?(?:full|empty)\b",
        r"\b(?:haven'?t|hasn'?t|have\s+not|has\s+not|hadn'?t|not|couldn'?t|can'?t)\s+(?:\w+\s+)?"
        r"manage[ds]?\s+(?:a\s+|to\s+)(?:wee|pee|pass\s+(?:water|urine)|go\b|empty)",
        r"\blike\s+sitting\s+on\s+a\s+(?:cold\s+)?saddle\b",
        rf"\b{CANT}\s+(?:feel|tell)\s+(?:it\s+|anything\s+)?(?:when\s+(?:i|she|he|i'?m|im|i\s+am"
        r"|she'?s|he'?s)\s+(?:wip\w*|wash\w*|sit|pee\w*|wee\w*|go|going|doing\s+a\s+(?:wee|pee))"
        r"|myself\s+(?:going|peeing|weeing)|the\s+(?:toilet|loo)\s+"
        r"(?:seat|paper))",
        r"\b(?:toilet|loo)\s+seat\s+(?:i|she|he)\s+(?:can'?t|cannot|couldn'?t)\s+feel\b",
        r"\b(?:wet|wetting|weeing|weed|peeing|peed|pee'?d|wee'?d|soiled|soiling|pooed|pooped"
        r"|poo'?d|messed|pissed|pissing)\s+(?:my\s?self|her\s?self|him\s?self|the\s+bed"
        r"|(?:my|her|his)\s+(?:pants|knickers|trousers|pyjamas|nightie|underwear)|the\s+chair)",
        rf"\b(?:lost|losing|lose|loss\s+of|no|can'?t|cannot|couldn'?t|unable\s+to|trouble"
        rf"|problems?|difficulty|struggling\s+to)\s+{gap(2)}control\w*\s+(?:of\s+|over\s+)?"
        rf"(?:my\s+|her\s+|his\s+|the\s+)?{_WEE}\b",
        rf"\b(?:bladder|bowels?|waterworks)\s+{gap(2)}(?:control|not\s+working|stopped\s+"
        r"working|isn'?t\s+working|gone|packed\s+up|accidents?|leak\w*|incontinence|problems?"
        r"|issues?|trouble|playing\s+up|weak|given\s+up|failing|let\s+(?:me|her|him)\s+down)\b",
        r"\bincontinen\w+",
        r"\b(?:had|having|have\s+had|another|two|three|several)\s+(?:an?\s+|a\s+couple\s+of\s+"
        r"|a\s+few\s+|some\s+|two\s+|three\s+|several\s+|more\s+|\d\s+)?(?:little\s+|small\s+)?"
        r"accidents?\s+"
        r"(?:with|in)\s+(?:my\s+|her\s+|his\s+|the\s+)?(?:bowels?|bladder|waterworks|pants"
        r"|knickers|trousers|chair|bed|underwear|wee|pee|poo|toilet)",
        r"\b(?:little|small|few)\s+accidents?\s+(?:with|in)\s+(?:my\s+|her\s+|his\s+)?(?:wee|pee"
        r"|poo|bladder|bowels?|pants|knickers)",
        rf"\b{CANT}\s+{gap(1)}(?:pee|wee|urinate|pass\s+(?:urine|water)|empty\s+(?:my|her|his)"
        r"\s+bladder|do\s+a\s+(?:wee|pee))\b(?!\s+(?:without|on\s+my\s+own|alone|by\s+myself"
        r"|in\s+(?:the|a)\s+(?:pot|bottle|sample)))",
        r"\b(?:haven'?t|hasn'?t|have\s+not|has\s+not|hadn'?t|not)\s+(?:\w+\s+)?(?:passed\s+"
        r"(?:water|urine)|peed|weed|had\s+a\s+(?:wee|pee)|been\s+(?:able\s+)?to\s+(?:pee|wee"
        r"|pass\s+(?:water|urine)|go\s+to\s+the\s+(?:loo|toilet)|go\s+for\s+a\s+(?:wee|pee))"
        r"|been\s+for\s+a\s+(?:wee|pee))\b",
        rf"\b{CANT}\s+feel\s+(?:\w+\s+){{0,4}}when\s+(?:i|she|he)\s+(?:wipe|wash|sit\s+on\s+the\s+"
        r"(?:loo|toilet)|go\s+to\s+the\s+(?:loo|toilet))",
        r"\b(?:trouble|difficulty|struggling|straining|problems?|hard)\s+(?:to\s+)?(?:peeing"
        r"|weeing|pee|wee|passing\s+(?:water|urine)|urinating)\b",
        rf"\b{CANT}\s+hold\s+(?:my\s+|her\s+|his\s+|it\s+)?(?:water|wee|pee|urine|bladder"
        r"|bowels?|poo|in)\b",
        r"\b(?:leaking|leak|leaks|leaked|dribbling|passing)\s+(?:a\s+(?:bit|little|lot)\s+(?:of\s+)?"
        r"|some\s+)?(?:urine|pee|wee)\b",
        rf"\b{CANT}\s+(?:tell|feel|know|sense)\s+(?:if|when|whether)\s+(?:i|she|he)\s+"
        r"(?:need|needs|am|is|'m|was)\s*(?:a\s+wee|a\s+pee|to\s+go|to\s+pee|to\s+wee|going"
        r"|peeing|weeing|the\s+toilet)",
        r"\b(?:go|going|went|goes)\s+without\s+knowing\b",
        # "I'm leaking and can't feel it", "my bladder just emptied itself"
        rf"\b(?:leak\w*|wetting|dribbl\w*)\s+{gap(3)}(?:{CANT}|didn'?t|don'?t)\s+(?:even\s+)?"
        r"(?:feel|tell|notice|know)\s+(?:it|when|that)\b",
        r"\b(?:bladder|bowels?)\s+(?:just\s+|has\s+|had\s+)?(?:emptied|opened|went|let\s+go|gave"
        r"\s+way)\s+(?:it|them)?sel(?:f|ves)\b|\b(?:bladder|bowels?)\s+(?:just\s+)?emptied\b",
        r"\b(?:didn'?t|did\s+not)\s+(?:know|realise|realize|notice|feel)\s+(?:i'?d|i\s+had|i\s+was"
        r"|she'?d|he'?d|she\s+had|he\s+had)\s+(?:wee'?d|weed|peed|pee'?d|wet|soiled|pooed|gone)",
        r"\b(?:wee|pee|urine|water)\s+(?:won'?t|will\s+not|doesn'?t|isn'?t|not|just\s+won'?t)\s+"
        r"(?:come|coming)\s+out\b",
        r"\b(?:didn'?t|did\s+not|don'?t|couldn'?t)\s+(?:even\s+)?(?:feel|know|notice)\s+"
        r"(?:it|myself|i\s+was)\s+(?:happen|happening|coming|going)\b",
        r"\bcouldn'?t\s+(?:even\s+)?tell\s+(?:i|she|he)\s+was\s+going\b",
        rf"\bpelvic\s+floor\s+{gap(1)}(?:gone|has\s+gone|given\s+up|packed\s+up|not\s+working)\b",
        r"\b(?:bladder|it)\s+(?:won'?t|will\s+not|doesn'?t|isn'?t|does\s+not)\s+(?:empty|emptying)\b",
        # not "Bowels opened, hooray, after three days": a carer's note of a normal day (round 30)
        r"\b(?:bowels?|bladder|waterworks)\s+(?:have\s+|has\s+|just\s+)?(?:let\s+go|given\s+way"
        r"|gave\s+way)\b|\bbladder\s+(?:have\s+|has\s+|just\s+)?opened\b",
        rf"\b{CANT}\s+(?:fully\s+)?empty\s+(?:my|her|his|the)\s+bladder\b",
        r"\b(?:bladder|bowels?|waterworks)\s+(?:is\s+|are\s+|'s\s+)?(?:not|isn'?t|aren'?t)\s+"
        r"(?:right|working|behaving)\b",
        r"\b(?:feeling|sensation)\s+(?:has\s+)?gone\s+(?:down\s+(?:there|below)|from\s+(?:my|her"
        r"|his)\s+(?:bum|bottom|privates|bits))",
        r"\b(?:haven'?t|hasn'?t|have\s+not|has\s+not|not)\s+been\s+able\s+to\s+(?:fully\s+"
        r"|properly\s+)?empty\s+(?:my|her|his|the)\s+bladder\b",
        r"\b(?:don'?t|doesn'?t|didn'?t|no\s+longer)\s+(?:know|feel|sense|notice|get\s+the\s+(?:urge"
        r"|feeling))\s+(?:when|if)\s+(?:i|she|he)\s+(?:need|needs|want)\s+(?:a\s+)?(?:poo|wee|pee"
        r"|the\s+(?:loo|toilet)|to\s+go)\b",
        rf"\b{CANT}\s+(?:tell|feel|know)\s+when\s+(?:i|she|he)\s+(?:need|needs)\s+(?:a\s+)?"
        r"(?:poo|wee|pee|the\s+(?:loo|toilet)|to\s+go)\b",
        # "is it normal not to feel the loo roll when I wipe? started yesterday"
        r"\bnot\s+(?:to\s+)?(?:be\s+able\s+to\s+)?feel\s+(?:\w+\s+){0,4}when\s+(?:i|she|he)\s+wipe",
        # "sat on the kitchen chair I can't feel my bum cheeks"
        rf"\b{CANT}\s+feel\s+(?:my|her|his)\s+(?:bum\s+cheeks|buttocks|backside|bum|bottom)\b",
        # "feels like I need to go but nothing comes", "wee just trickles out"
        r"\bneed\w*\s+to\s+go\s+but\s+nothing\s+(?:comes|coming|came|will\s+come|happens)\b",
        r"\b(?:wee|pee|urine)\s+(?:just\s+|only\s+)?(?:trickles?|dribbles?)\b",
        # "not knowing when I've weed", "sat on the loo 20 mins and nothing" (round 17)
        r"\b(?:not|don'?t|didn'?t|never)\s+(?:know|knowing|realis\w*|notic\w*|feel\w*)\s+(?:when"
        r"|that)\s+(?:i'?ve|i\s+have|i|she'?s|he'?s|she|he)\s+(?:weed|wee'?d|peed|pee'?d|wet|gone)\b",
        r"\b(?:sat|sitting|been)\s+on\s+the\s+(?:loo|toilet)\s+(?:for\s+)?(?:ages|(?:\d+|ten|twenty"
        r"|half\s+an?)\s*(?:mins?|minutes?|hours?|hrs?))\s+and\s+(?:nothing|not\s+a\s+drop)\b",
    )),
    # "my bowels went yesterday with no warning, 2nd time this week" (round 20)
    rule("cauda_equina",
         r"\b(?:bowels?|bladder)\s+(?:just\s+)?(?:went|gone|opened|let\s+go|gave\s+way)\b",
         needs=r"\b(?:no|without\s+(?:any\s+)?)\s*warning\b|\bout\s+of\s+nowhere\b|\bcouldn'?t\s+"
               r"(?:stop|hold|help)\b|\bdidn'?t\s+(?:feel|know)\b|\b(?:2nd|second|3rd|third)\s+time\b",
         window=80),
    # "found my knickers wet and never felt a thing"
    rule("cauda_equina",
         r"\b(?:knickers|pants|underwear|trousers|pyjamas|pjs)\s+(?:\w+\s+){0,2}(?:wet|soaked"
         r"|damp|soggy)\b",
         needs=r"\bnever\s+(?:felt|noticed|knew)\b|\b(?:didn'?t|did\s+not|couldn'?t|don'?t)\s+"
               r"(?:feel|notice|know|realise|realize)\b|\bwithout\s+(?:feeling|knowing|noticing)\b"
               r"|\bno\s+idea\b|\bnot\s+(?:know|knowing|feeling)\b",
         window=100, same_sentence=False),
    rule("cauda_equina", (
        r"\bnothing\s+(?:comes|coming|came|will\s+come)\s+out\b",
        r"\b(?:just|only)\s+dribbles?\b",
        r"\b(?:couldn'?t|can'?t|cannot)\s+hold\s+it\b",
        r"\b(?:had|having)\s+an?\s+accident\b(?!\s+(?:at\s+work|in\s+the\s+car|on\s+the\s+road))",
    ), needs=r"\bneed\w*\s+to\s+go\b|\bdesperate\b"
             r"|\b(?:bladder|bowels?|wee|pee|poo|toilet|loo|pants|knickers|chair|numb(?!er)\w*|wet"
             r"|leak\w*|control|waterworks|bum|bottom|going|came\s+out|tell|mortified)\b",
         window=80, same_sentence=False),
    # retention: bursting for a wee and nothing will come
    rule("cauda_equina",
         rf"\b{CANT}\s+(?:go|get\s+(?:it|anything)\s+out|pass\s+anything)\b(?!\s+(?:to|out|for|on"
         r"|far|with|up|down|back|anywhere|in|into|outside|today|tomorrow|this|that|the|a|there"
         r"|home|\w+ing)\b)",
         needs=r"\b(?:bursting|desperate|dying)\s+(?:for|to)\b|\b(?:wee|pee|bladder|urine)\b",
         window=80, unless=r"\b(?:infection|uti|cystitis|antibiotics|class|appointment|physio"
                           r"|trip|party|meeting)\b"),
    # numb on the loo: the saddle area, named by where it is felt
    rule("cauda_equina",
         r"\b(?:numb(?!er)\w*|can'?t\s+feel\s+(?:a\s+)?(?:thing|anything)|no\s+feeling)\b",
         needs=r"\b(?:on|sit\w*\s+on)\s+the\s+(?:loo|toilet)(?!\s+(?:roll|paper))\b"
               r"|\bwhen\s+(?:i|she|he)\s+wipe",
         window=80, same_sentence=False,
         # "his foot went numb sitting on the loo": the foot, not the saddle
         unless=r"\b(?:foot|feet|toes?|leg)\s+(?:went|gone|goes|go|going)\s+(?:numb|dead"
                r"|to\s+sleep)\b",
         keep=r"\b(?:bum|bottom|backside|saddle|between\s+(?:my|her|his)\s+legs|down\s+there"
              r"|private\w*|wipe|seat)\b"),
    rule("cauda_equina",
         r"\bleaking\s+(?:all\s+the\s+time|constantly|a\s+lot)\b|\bkeep\s+leaking\b",
         unless=r"\b(?:wound|scar|stitch\w*|staples?|incision|cut|dressing|clips|tap|roof"
                r"|pipe|boiler|radiator)\b"),
)

#: Too vague to call: ask one question.
AMBIGUOUS: tuple[Rule, ...] = (
    rule("neuro_deficit",
         rf"\b(?:legs?|foot|feet|thighs?|knees?|toes)\s+{gap(2)}(?:feels?|felt|is|seems|gone"
         rf"|going|went|has\s+gone)\s+{gap(2)}(?:weird|odd|funny|strange|wrong|off|not\s+right"
         rf"|peculiar|heavy\s+and\s+weird)(?!{SEP}(?:angle|shape))\b"),
    rule("neuro_deficit", not_right("leg", "legs", "foot", "feet", "toes", "thigh")),
)
