"""Bones and joints: a fall with a hurt hip, a leg that cannot take weight, a replaced hip
out of its socket, sudden severe pain. Read by ``red_flags``; see ``red_flag_phrases``.

``short_leg`` is not a category: a leg suddenly shorter or turned is a fracture after a
fall and a dislocation otherwise, and ``red_flags`` decides which from the message.
"""

from __future__ import annotations

from bot.domain.understanding.red_flag_phrases import (
    CANT,
    HIGH_SCORE,
    NOT_A_BODY_AWFUL,
    NOT_A_BODY_SLIP,
    SEP,
    WHOSE,
    Rule,
    gap,
    not_right,
    rule,
)
from bot.domain.understanding.red_flag_phrases_everyday_msk import LEG_NEWS, SEEN_TO
from bot.domain.understanding.red_flag_sudden_words import (
    ANY_PAIN,
    GONE_IN_HIP,
    NEVER_LIKE_THIS,
    NO_REASON,
    NOT_THIS_PAIN,
    ONSET,
    PAIN_ITSELF,
    PAINLESS,
    SEVERE_PAIN,
    SUDDEN,
)

_NOT_A_FALL = (
    r"asleep|behind|apart|for\s+(?:it|that|him|her|them|a\s+(?:scam|trick|line)|the\s+(?:scam"
    r"|trick|oldest))\b|in love|through|short|ill\b|sick|silent|quiet|pregnant"
    r"|out with|off the wagon|off my chair|into place|flat\b|on deaf|victim|prey|foul"
    r"|over laughing|about laughing|head over heels|into bed|into a chair|race\b|top\b"
    r"|off (?:my|the) (?:diet|radar)|by the wayside|out of (?:the habit|love|favou?r|practice)"
    r"|into (?:a|the|my) (?:habit|trap|routine)|in with|to pieces|off (?:the|a) (?:shelf|shelves"
    r"|table|counter|worktop|windowsill|mantelpiece|dresser|hook)"
)
_THINGS = (
    "it", "that", "this", "something", "everything", "bin", "bins", "tree", "trees", "fence",
    "picture", "shelf", "vase", "book", "books", "plate", "cup", "mug", "glass", "glasses",
    "bottle", "phone", "keys", "hat", "pan", "lid", "frame", "box", "tin", "leaves", "snow",
    "rain", "price", "prices", "temperature", "pressure", "mood", "sun", "night", "darkness",
    "silence", "face", "heart", "jaw", "stitch", "staple", "staples", "dressing", "scab",
    "tooth", "teeth", "crown", "filling", "cat", "dog", "bag", "pen", "bill", "birthday",
    "christmas", "easter", "appointment", "card", "remote", "stick", "walker",
    "sock", "slipper", "towel", "clock", "branch", "ladder", "pot", "jar", "tray", "baby",
    "trousers", "clothes", "jeans", "pants", "skirt", "weight", "pounds", "stone", "kilos",
    "hair", "rates", "numbers", "score", "sales", "standards", "curtain", "blind", "roof",
    "bottom", "team", "market", "plan", "plans", "deal", "dusk", "day",
    "plane", "flight", "bomb", "wall", "tent", "shed", "tower", "empire")
#: "the bins fell over", "my trousers are falling down": not the patient.
_NOT_SUBJECT = "|".join(dict.fromkeys(_THINGS))

_BODY = r"(?:hip|side|bum|backside|bottom|knees?|leg|back|pelvis|hand|arm|wrist|shoulder|face)"
_SURFACE = (r"(?:garden|kitchen|bathroom|shower|street|stairs|ice|road|pavement|shops?|supermarket"
            r"|house|floor|bath|toilet|loo|car park|bedroom|hall|church|bus|night|dark|snow"
            r"|park|hallway|landing|steps)")
#: A fall said plainly: reported on its own (not "out on the fell": a hill up north).
FALL = (
    rf"(?<!nearly )(?<!almost )(?<!the )(?<!a )\b(?:fell|fel|fallen)\b(?!\s+(?:{_NOT_A_FALL}))",
    r"\b(?:i|she|he)\s+(?:have|has|did)\s+fall\s+(?:in|on|at|down|over)\b",  # "I have fall in"
    r"\b(?:had|have had|'ve had|taken|took|take|having|suffered|another)\s+(?:a|an?\s+\w+|another)"
    r"\s+(?:fall|tumble|fool|spill)\b",
    r"\b(?:had|have\s+had|'ve\s+had|taken|took|having)\s+(?:a\s+bit\s+of\s+|a\s+little\s+)"
    r"(?:a\s+)?(?:\w+\s+)?(?:fall|tumble|spill)\b(?!\s*-?\s*out)",
    r"\b(?:a|another|bad|nasty|big|hard|heavy|little|small|slight|recent)\s+"
    r"(?:bad\s+|nasty\s+|big\s+|hard\s+|heavy\s+|little\s+|small\s+|recent\s+)?falls?\b"
    r"(?!\s+(?:risk|prevention|clinic|class|assessment|semester|season|term|colou?rs|leaves"
    r"|fashion|sale|festival|back\b|behind|asleep|detector|alarm|sensor|out\b|-out))",
    r"\b(?:since|after|from)\s+(?:the|my|her|his|a|that)\s+(?:\w+\s+)?fall\b(?!\s+(?:of|term))",
    r"\b(?:few|two|three|several|couple of|some|more|many)\s+falls\b",
    r"\bfall(?:ing|s)?\s+(?:over|down|off|onto|backwards?|sideways|out of bed)\b",
    rf"(?:^|[.!?\n]\s*)(?:a\s+)?fall\s+(?:in|on|at)\s+(?:the\s+|my\s+)?{_SURFACE}\b",
    rf"\bwent\s+(?:flying|head ?first|arse over|down\s+(?:hard|heavily|like a)"
    rf"|down\s+on\s+{WHOSE}(?:\w+\s+)?{_BODY}|over\s+(?:hard|backwards))",
    r"\b(?:hit|hitting)\s+the\s+(?:floor|deck|ground|pavement|tarmac)\b",
    rf"\b(?:went|ended\s+up|was|finished\s+up)\s+(?:flat|sprawled|sprawling|spread[\s-]eagled)\s+on\s+"
    rf"{WHOSE}(?:\w+\s+)?{_BODY}\b",
    rf"\bwent\s+down\s+(?:in|on|at)\s+(?:the\s+|my\s+)?{_SURFACE}\b",
    r"\bdown\s+(?:i|she|he|mum|dad)\s+went\b",
    rf"\b{CANT}\s+get\s+(?:her|him|them|myself|me)\s+(?:back\s+)?up\b",
    rf"\bon\s+the\s+floor\s+(?:and|,)\s+(?:i\s+|she\s+|he\s+)?{CANT}\s+get\s+up\b",
    rf"\b{CANT}\s+get\s+(?:back\s+)?up\s+(?:off|from)\s+the\s+(?:floor|ground)\b",
    r"\b(?:came|come|fallen|fell)\s+off\s+(?:my|his|her|the|a)\s+(?:\w+\s+)?(?:scooter"
    r"|wheelchair|walker|frame|bike|bicycle|motorbike|horse|ladder|chair|bed|stool|step)\b",
    rf"\blanded\s+(?:on\s+{WHOSE}(?:\w+\s+)?(?:{_BODY}|floor|ground|stairs|steps|pavement|ice"
    r"|concrete|tiles)\b|hard|heavily|awkwardly|badly|flat)",
    r"(?<!nearly\s)(?<!almost\s)\b(?:slid|slipped|rolled|tumbled)\s+(?:off|out of|down)\s+"
    r"(?:the|my|her|his|a)\s+"
    r"(?:\w+\s+)?(?:chair|bed|sofa|toilet|stairs|steps?|stool|couch|commode)",
    r"\b(?:was|got|been|were|be)\s+(?:knocked|run)\s+(?:down|over)\b",
    r"\bknocked\s+(?:me|her|him)\s+(?:down|over|flying|flat)\b",
    r"\b(?:car|road|bike|cycling|traffic|motorbike|skiing)\s+(?:accident|crash|collision)\b",
    r"(?<!like i'd been )(?<!like i've been )(?<!like being )(?<!like i was )"
    r"\bhit\s+by\s+a\s+(?:car|bike|van|bus|lorry|truck)\b", r"\btumbled\b",
    r"\b(?:broken|broke|fractured|cracked|bust|busted)\s+(?:my|her|his)\s+(?:\w+\s+)?(?:hip|pelvis"
    r"|femur|thigh\s*bone|leg)\b",
)
#: A stumble: a red flag only with a sign of injury; alone, worth one question.
STUMBLE = (
    r"\b(?:tripped|slipped|stumbled|skidded)\b(?!\s+(?:up\b|a\s+dis[ck]|dis[ck]))",
    r"\bmissed\s+(?:the|a|my)\s+(?:\w+\s+)?(?:step|stair|kerb|curb|rung)\b|\bsit\s*down\b[^.!?]{0,40}"
    r"\b(?:didn'?t|did\s+not)\s+plan\b",
    r"\bwent\s+over\s+on\s+(?:my|her|his)\s+(?:ankle|foot)\b",
    r"\blost\s+(?:my|her|his)\s+(?:balance|footing)\b",
)
#: A stumble, a knock or "went down": a red flag only with a sign of injury.
WEAK_FALL = (
    *STUMBLE,
    r"\b(?:went|gone|go|goes|going)\s+down\b(?!\s+(?:to|the\s+(?:road|street|shops?|stairs|pub|garden|hill|town)|well"
    r"|a\s+treat|stairs|town|a\s+(?:size|dress)|in\s+price|by)\b)",
    r"\bwent\s+(?:straight|right|flat|clean|arse|head|flying)\s+over\b",
    r"\bcollapsed\s+(?:on|onto|to|in\s+a\s+heap\s+on)\s+the\s+(?:floor|ground|pavement|deck)\b",
    r"\bfound\s+(?:her|him|them|mum|dad|me)\s+(?:\w+\s+)?on\s+the\s+(?:\w+\s+)?(?:floor|ground)\b",
    r"\bwent\s+over\s+(?:it|them|on\s+(?:the|my|some|a)|in\s+the|at\s+the)\b",
    r"\b(?:banged|bumped|knocked|smashed|whacked|hit|twisted|wrenched|jarred|jolted)\s+"
    r"(?:my|her|his|the)\s+(?:\w+\s+)?(?:hip|leg|knee|side|thigh|pelvis)\b",
)
#: A leg suddenly shorter, turned or at an angle.
SHORT_LEG = (
    rf"\b(?:leg|foot|knee|toes)s?\b\s+{gap(4)}(?:looks?\s+|is\s+|seems\s+|now\s+|appears\s+"
    r"|gone\s+|suddenly\s+|much\s+|really\s+|a\s+bit\s+|all\s+|been\s+|has\s+been\s+)*"
    r"(?:shorter|short\b|shortened|shrunk\w*|turned\s+(?:right\s+|all\s+the\s+way\s+|completely\s+)?"
    r"(?:out|in|outwards|inwards|sideways|round)"
    r"|rotated|rolled\s+(?:out|in|outwards|inwards)|rolling\s+(?:out|in)"
    r"|pointing\s+(?:out|in|sideways|outwards|inwards|the wrong way)"
    r"|points?\s+(?:out|in|outwards|inwards|sideways)|sticking\s+out|twisted\s+(?:out|round|in)"
    r"|(?:different|wrong)\s+length|at\s+an?\s+(?:weird|funny|strange|odd|wrong|awkward)\s+angle)"
    r"(?!\s+(?:to\b|of\b|fine|ok|okay|well|great|alright|that|nothing|better|good))",
    rf"\bone\s+(?:leg|side|foot)\s+{gap(2)}shorter\b",
    r"\b(?:leg|legs|foot)\s+(?:\w+\s+){0,2}different\s+lengths?\b",
)
_FRACTURE_SIGN = (
    r"\b(?:agony|agonising|agonizing|excruciating|unbearable|severe|screaming|crying|sobbing"
    r"|awful|terrible|horrendous|horrible|dreadful|serious(?:ly)?\s+pain\w*)\b",
    rf"\bhurts?\s+{gap(1)}(?:like hell|badly|so much|a lot|terribly|really bad|like mad)",
    r"\b(?:really|very|so|extremely|too|badly)\s+(?:painful|sore|bad)\b",
    r"\b(?:pain|hip)\s+(?:is\s+|was\s+|'s\s+)?(?:bad|awful|terrible|horrendous|horrible)\b",
    rf"{HIGH_SCORE}|\b(?:[6-9]|10)/10\b|\b(?:pain|hip)\s+(?:is\s+)?(?:[6-9]|10)\b",
    r"\b(?:won'?t|wont|will\s+not|doesn'?t|does\s+not|can'?t|cannot)\s+(?:lie|lay|go|sit)\s+straight\b",
    rf"\b{CANT}\s+(?:even\s+)?(?:get\s+up|move|lift|stand|walk|bear|put|straighten|bend"
    r"|get\s+off|get\s+(?:her|him|myself|me)|get\s+back\s+up|weight)",
    r"\b(?:won'?t|wont|doesn'?t|will not)\s+(?:move|budge)\b|\bhardly\s+move\b",
    r"\bnot\s+been\s+able\s+to\s+(?:move|lift|walk|stand|get up)\b",
    r"\b(?:heard|felt)\s+(?:a\s+|something\s+)?(?:crack|snap|crunch)\b|\bcrack(?:ed)?\b",
    r"\b(?:broken|broke|fractur\w*)\b(?!\s+(?:(?:my|his|her|a|the|their|your)\s+)?(?:\w+\s+)?"
    r"(?:wrists?|arms?|fingers?|thumbs?|toes?|nose|collar\s*bone|ribs?|elbows?|shoulders?"
    r"|hands?|ankles?|glasses|phone|tooth|teeth|vase|cup|mug|plate|nails?))|\bblack and blue\b",
    r"\b(?:don'?t|doesn'?t)\s+(?:think|look|feel)\s+(?:it'?s\s+)?right\b",
    r"\ba\s*&\s*e\b|\bambulance\b|\b999\b|\b911\b|\bhospital\b|\bon the floor\b",
    r"\bswollen\b|\blooks?\s+(?:wrong|funny|odd|a bit funny)\b",
    *SHORT_LEG,
)
_CLUNK = (
    r"\b(?:clunk\w*|clonk\w*|pop(?:ped|s)?|went\s+pop|loud\s+click|clicked|crunch"
    r"|felt\s+(?:it|something|the\s+(?:hip|joint|ball))\s+(?:go|give|slip|shift|move))\b"
)
_DISLOCATION_SIGN = (
    rf"\b{CANT}\s+(?:even\s+)?(?:move|lift|straighten|bend|put\s+it\s+down|walk|stand|weight)",
    r"\bnot\s+been\s+able\s+to\s+move\b|\bunable\s+to\s+move\b|\b(?:stuck|locked)\b",
    r"\b(?:won'?t|wont)\s+move\b|\bgave\s+way\b|\b(?:weird|funny|odd)\s+angle\b",
    r"\b(?:went|gone|go|goes)\s+dead\b|\bgave\s+(?:out|under)\b|\bhurts?\s+like\s+hell\b",
    r"\b(?:agony|severe|excruciating|unbearable)\b|\b(?:[89]|10)/10\b",
    rf"\b(?:foot|knee|toes)\s+{gap(3)}(?:turned|points?|pointing|rolled|rotated)\s+in",
    *SHORT_LEG,
)
_NOT_HIP = (
    r"\b(?:shoulder|finger|thumb|jaw|knee ?cap|kneecap|elbow|wrist|patella|toe|ankle"
    r"|collar ?bone|disc)\b"
)
#: A choice between two ways to hold a foot: a question about form, not a sign.
_WHICH_WAY = (
    r"\b(?:forwards?|straight(?:\s+ahead)?|up(?:wards)?|ahead|in(?:wards)?)\s+or\s+(?:turned"
    r"|pointing|pointed|rolled|rotated)\b|\b(?:turned|pointing|pointed|rolled)\s+(?:out|in)"
    r"(?:wards)?\s+or\s+(?:not|straight|forwards?|up|in|out)\b"
)
RULES: tuple[Rule, ...] = (
    rule("fracture_after_fall", FALL, not_after=_NOT_SUBJECT, unless=SEEN_TO, keep=LEG_NEWS),
    rule("fracture_after_fall", WEAK_FALL, needs=_FRACTURE_SIGN, window=200,
         same_sentence=False, not_after=_NOT_SUBJECT),
    # "toes forward or turned out on the standing side lift?": which way to hold it
    rule("short_leg", SHORT_LEG, unless=_WHICH_WAY),
    # cannot bear weight
    # "...if you literally can't stand on it? 10/10 when I try" (round 17)
    rule("cannot_bear_weight",
         r"\b(?:[89]|10)\s*/\s*10\s+when\s+(?:i|she|he)\s+(?:try|tries|tried)\b",
         needs=r"\b(?:stand|weight|walk|put\s+(?:it|my\s+foot|her\s+foot|his\s+foot)\s+down)\b",
         window=100, same_sentence=False),
    rule("cannot_bear_weight", (
        # "not able to put my leg on ground since morning"; "taking less weight as the weeks go
        # on" (round 18)
        rf"\b{CANT}\s+(?:put|place|set)\s+(?:my|her|his|the)\s+(?:bad\s+|operated\s+)?(?:leg|foot)"
        r"\s+(?:on|to|onto)\s+(?:the\s+)?(?:ground|floor)\b",
        r"\b(?:taking|putting|bearing|managing)\s+less\s+(?:and\s+less\s+)?weight\s+(?:on|through)\b",
        # "hasn't put his foot to the floor since yesterday", "screams if any weight goes
        # thru the R leg", "couldnt stand for the transfer" (round 27)
        r"\b(?:hasn'?t|has\s+not|haven'?t|have\s+not|not)\s+(?:been\s+able\s+to\s+)?put\s+(?:his|her"
        r"|my|the)\s+(?:bad\s+|right\s+|left\s+)?(?:foot|leg)\s+(?:to|on)\s+the\s+(?:floor|ground)\b",
        r"\b(?:screams?|scream\w+|cries|cry\w*|yells?|howls?)\s+(?:out\s+)?(?:if|when|whenever)\s+"
        r"(?:any\s+)?weight\s+goes\s+(?:thru|through|on)\b",
        rf"\b(?:{CANT}|unable\s+to)\s+stand\s+for\s+(?:the\s+|her\s+|his\s+)?transfers?\b",
        # "says he cant bear it on the right leg" (round 27)
        rf"\b{CANT}\s+bear\s+(?:it|to\s+put\s+it)\s+(?:on|through)\s+(?:the|my|her|his|that)\s+"
        r"(?:right\s+|left\s+|bad\s+|operated\s+)?(?:leg|foot|side)\b",
        rf"\b{CANT}\s+{gap(2)}(?:bear|bare|put|take|get|hold|carry|transfer|place|shift|support)\s+"
        r"(?:any\s+|much\s+|my\s+|the\s+|her\s+|his\s+|full\s+|a\s+little\s+|some\s+|enough\s+"
        r"|(?:an?|one|the\s+slightest)\s+(?:ounce|scrap|shred|jot|smidge\w*|iota)\s+of\s+)*"
        r"(?:weight|wait|pressure)\b",
        # only part of the weight: "can only put a little bit of weight through it"
        r"\b(?:only|just|barely|hardly)\s+(?:about\s+)?(?:been\s+|be\s+)?(?:able\s+to\s+"
        r"|manag\w+\s+to\s+)?"
        r"(?:put|bear|bare|take|get|manage|place|stand)\s+(?:a\s+|the\s+)?(?:little|tiny|tiniest"
        r"|smallest|slightest|small|wee"
        r"|bit|half|part|partial|fraction|some|smidge)\b(?:\s+(?:bit|amount))?(?:\s+of)?\s+"
        r"(?:my\s+|the\s+|her\s+|his\s+)?(?:weight|wait)\b",
        r"\bcan\s+only\s+(?:half|partially|partly|part)[\s-]?weight[\s-]?b[ea]a?r\w*",
        r"\b(?:(?:struggl\w*|battl\w*|fight\w*)\s+to|(?:hard|difficult|tough)(?:\s+to)?)\s+"
        r"(?:put|putting|bear|bearing|bare|take|taking|get|getting)\s+"
        r"(?:(?:any|much|my|the|full|her|his|whole)\s+)*(?:weight|wait)\b",
        r"\b(?:hip|leg|it)\s+(?:just\s+)?(?:won'?t|wont|will\s+not|doesn'?t|wouldn'?t)\s+let\s+"
        r"(?:me|her|him)\s+(?:stand|walk|step|put\s+(?:any\s+)?weight)",
        r"\bcan\s+(?:only\s+stand(?:\s+on\s+(?:it|(?:my|her|his|the)\s+(?:\w+\s+)?(?:leg|foot|hip"
        r"|side)))?|stand(?:\s+on\s+(?:it|(?:my|her|his|the)\s+(?:\w+\s+)?(?:leg|foot|hip|side)))?"
        r"\s+(?:but\s+)?only)\s+(?:for\s+)?(?:briefly|a\s+(?:second|moment|split\s+second)"
        r"|a\s+(?:few|couple\s+of)\s+seconds)\b",
        r"\bonly\s+(?:able\s+to|manag\w*\s+to)\s+stand(?:\s+up)?\s+(?:on\s+it\s+)?(?:for\s+)?"
        r"(?:briefly|a\s+(?:few|couple\s+of)\s+seconds|a\s+(?:second|moment))\b",
        r"\b(?:too|so)\s+(?:painful|sore|agonising)\s+to\s+(?:stand|walk|step|put\s+(?:any\s+)?"
        r"weight)\s+on\s+(?:it|(?:my|the|her|his|that)\s+(?:\w+\s+)?(?:leg|foot|hip|side))\b",
        r"\b(?:gives|gave|giving|buckles|buckled|collapses|collapsed)\s+(?:way\s+)?(?:\w+\s+){0,2}"
        r"(?:when|as\s+soon\s+as|the\s+(?:second|moment|minute|instant)|every\s+time|whenever)\s+"
        r"(?:i|she|he)\s+(?:try\s+to\s+)?(?:put|take|place)\s+(?:any\s+|my\s+|her\s+|his\s+)?weight\b",
        r"\b(?:hopping|hopped|hop)\s+(?:about\s+|around\s+|everywhere\s+)?on\s+(?:my|the|her|his)\s+"
        r"(?:good|other|better|right|left)\s+(?:leg|foot)\b",
        r"\b(?:having|had|have|got)\s+to\s+hop\b",
        rf"\b{CANT}\s+bear\s+to\s+(?:put|stand|walk|step|touch\s+the\s+(?:floor|ground))\b",
        rf"\b{CANT}\s+(?:even\s+)?(?:take|manage|do)\s+(?:a|one)\s+(?:single\s+)?step\b",
        rf"\b{CANT}\s+(?:even\s+)?(?:hobble|limp|shuffle)\b",
        rf"\b{CANT}\s+(?:take|manage|walk|do|make)\s+more\s+than\s+(?:a|one|two|a\s+couple\s+of"
        r"|a\s+few)\s+(?:steps?|paces?)\b",
        r"\bno\s+way\s+(?:can|could)\s+(?:i|she|he)\s+(?:put|bear|take)\s+(?:any\s+)?weight\b",
        rf"\b{CANT}\s+{gap(3)}(?:stand|walk|step)\s+on\s+(?:it\b|{WHOSE}(?!one\b|1\b|single\b)"
        rf"{gap(1)}(?:leg|foot|hip|side)\b)",
        r"\bcan\s+only\s+(?:put|bear|take)\s+(?:a\s+little|a\s+bit\s+of|some|a\s+tiny\s+bit)"
        r"\s+(?:of\s+)?weight\b",
        r"\b(?:hard|harder|difficult|struggl\w*|painful|agony|impossible)\s+(?:to\s+)?"
        r"(?:put|bear|take|get)\s+(?:any\s+|much\s+|my\s+|the\s+)?(?:weight|wait)\b",
        rf"\b{CANT}\s+(?:even\s+)?weight[\s-]?b[ea]a?r\w*",
        rf"\b(?:legs?|hips?|knees?|foot|side)\s+{gap(2)}(?:won'?t|wont|will not|doesn'?t|does not"
        r"|didn'?t|wouldn'?t|would not|can'?t|cannot|couldn'?t)\s+(?:take|hold|support|bear"
        r"|carry)\s+(?:(?:any|my|the|her|his|full)\s+)*(?:weight|me|her|him)\b",
        rf"\bit\s+{gap(1)}(?:won'?t|wont|doesn'?t|wouldn'?t|can'?t)\s+(?:take|hold|support"
        r"|bear)\s+(?:(?:any|my|the|her|his)\s+)*weight\b",
        rf"\b{CANT}\s+(?:even\s+|really\s+)?(?:stand|walk|step|hobble|balance|lean|get\s+up)"
        rf"\s+(?:on|onto|through)\s+(?:it\b|{WHOSE}(?!one\b|1\b|single\b){gap(1)}"
        r"(?:leg|foot|hip|side)\b)",
        rf"\b{CANT}\s+(?:even\s+)?(?:put|get|place|rest)\s+{WHOSE}(?:\w+\s+)?(?:foot|feet|leg"
        r"|heel)\s+(?:down|to the (?:floor|ground)|on the (?:floor|ground))",
        rf"\b{CANT}\s+(?:even\s+)?stand(?:\s+up)?(?=\s*(?:$|[^\w\s']|at all|any ?more|now\b"
        r"|today|properly|pro?p\w*ly|without|for more than|to\s+get\s+(?:to|up|out)\b"
        r"|to\s+go\s+to\s+the\s+(?:loo|toilet|bathroom)|\d|and\b|or\b|unaided|by myself"
        r"|on\s+(?:it\b|(?:my|her|his|the|that|this)\s+(?:\w+\s+)?(?:leg|foot|hip|side)\b)))",
        r"\b(?:had\s+to\s+hop|hopping\s+(?:round|around|about|to)|hopped\s+(?:to|round))\b",
        r"\bcrawl(?:ed|ing)?\s+(?:to|around|round|up|along|into)\b",
        r"\b(?:only|just)\s+(?:on|walk on|stand on)\s+(?:my\s+)?(?:tip\s?toes?|toes)\b",
        r"\b(?:barely|hardly|only)\s+(?:able\s+to\s+)?(?:put|get|take|bear)\s+"
        r"(?:a little\s+|any\s+|much\s+|some\s+)?(?:weight|wait)\b",
        r"\bnon[\s-]?weight[\s-]?bearing\b(?!\s+(?:for|until|till|after|since))",
    )),
    # "I can't walk": unless it is the weather, the diary or the distance
    rule("cannot_bear_weight", (
        rf"\b{CANT}\s+(?:even\s+)?walk\b(?!{SEP}(?:far|long|for|as|very|more|much|fast"
        r"|quick\w*|up\w*|down\w*|without(?!\s+(?:crying|screaming|sobbing|agony|tears))"
        r"|properly|normally|well|too|that|briskly|the full"
        r"|distances?|stairs|around|round|straight|right|great|so|like|with|to the (?:end"
        r"|shops?|park|corner|bus|post|top|station|village|gate)|to (?:work|church|town)|again"
        r"|yet|a mile|\d|any further|further|in a straight|backwards|on (?:my|her|his) "
        r"(?:toes|heels)|the dog|outside|uphill|\w+ing|in the|at the|on the|in these|in those"
        r"|in my)\b(?!\s+now))",
    ), unless=r"\b(?:busy|tired|weather|rain\w*|pouring|snow\w*|icy|(?:no|the|enough)\s+time"
              r"|work|appointment"
              r"|visitors|grandkids|babysitting|holiday|knackered|bothered|windy|cold|dark)\b"),
    # a replaced hip out of its socket
    rule("dislocation", r"\bdislocat\w*", unless=_NOT_HIP),
    rule("dislocation", (
        r"\bout\s+(?:of\s+)?(?:the\s+|its\s+|my\s+|her\s+|his\s+)?(?:socket|joint)\b",
        r"\b(?:pop\w*|came|come|comes|coming|slipped|slid|slide|sliding|went|gone|go|goes"
        r"|going|jumped|pulled)\s+(?:right\s+|back\s+)?out\s+of\s+(?:place|position)\b",
        rf"\b(?:hip|ball|joint|replacement|implant|new one|it)\s+{gap(3)}(?:has\s+|had\s+"
        r"|just\s+)?(?<!stuff )(?<!pus )(?<!fluid )(?<!gunk )(?<!blood )(?:came|come|comes"
        r"|coming|slip|slips|slipped|slid|slide|went|gone|go|goes|jump\w*|pop\w*)\s+out\b"
        r"(?!\s+(?:(?:to|for|at|with)\b|of the (?:house|office)|shopping))",
        rf"\b(?:leg|foot|knee|toes)s?\s+{gap(3)}(?:turned|turning|rotated|rolled|points?"
        r"|pointing|twisted)\s+in(?:wards?)?\b",
        # not "am I wearing the joint out?" (wear and tear)
        r"(?<!wearing the )(?<!wearing my )(?<!wear the )(?<!wear my )(?<!wears the )"
        r"(?<!worn the )(?<!wore the )"
        r"\b(?:hip|joint)\s+(?:is\s+|has\s+)?(?:gone\s+|come\s+)?out\b(?=\s*(?:[,.!?]|$|again\b"
        r"|and\b|of\s+(?:place|joint|socket)))",
        r"\b(?:hip|it|ball|joint)\s+(?:has\s+)?clicked\s+out\b",
        r"\b(?:something|it|thing|ball)\s+(?:has\s+|just\s+)?(?:slipped|popped|came|went|jumped"
        r"|clunked|shifted|moved)\s+(?:right\s+)?out\s+(?:in|of|from|inside)\s+(?:my|the|her|his)\s+"
        r"(?:\w+\s+)?(?:hip|joint|socket)\b",
        r"\b(?:hip|joint|ball)\s+(?:\w+\s+){0,2}(?:feels?|felt|is|seems)\s+(?:\w+\s+)?out\s+of\s+"
        r"(?:place|position|line|joint)\b",
    ), unless=_NOT_HIP),
    rule("dislocation", _CLUNK, needs=_DISLOCATION_SIGN, window=150, same_sentence=False,
         unless=r"\b(?:stitch\w*|staples?|clips?|wound|ears?|bubble|balloon|champagne)\b"),
    # sudden severe pain
    rule("sudden_severe_pain", SUDDEN, needs=SEVERE_PAIN, window=60,
         unless=rf"\b(?:twinges?|cramps?|stitch|breath\w*|tummy|stomach|gallstones?)\b|{PAINLESS}"),
    rule("sudden_severe_pain", ONSET, needs=SEVERE_PAIN, window=120,
         unless=rf"{NOT_THIS_PAIN}|{PAINLESS}"),
    # "it came on in seconds. unbearable.": words that are pain itself reach the next sentence
    rule("sudden_severe_pain", ONSET, needs=PAIN_ITSELF, window=60, same_sentence=False,
         unless=NOT_THIS_PAIN),
    # "summat's gone in me hip ... proper bad"; "never had anything like it ... screaming"
    rule("sudden_severe_pain", (GONE_IN_HIP, NEVER_LIKE_THIS), needs=(SEVERE_PAIN, ONSET),
         window=100, same_sentence=False, unless=NOT_THIS_PAIN),
    rule("sudden_severe_pain", (
        r"\b(?:hip|leg|groin|pain|it|back)\s+(?:\w+\s+)?explod\w*\s+(?:with|in|into)\s+"
        r"(?:pain|agony)\b",
        rf"\bpain\s+{gap(4)}explod\w*\b",
        r"\b(?:pain|agony)\s+(?:hit|struck|shot|tore|ripped|went)\s+(?:through\s+|into\s+)?"
        r"(?:me\s+|(?:my|the|her|his)\s+\w+\s+)?like\s+(?:a|an)\b",
        r"\blike\s+(?:i'?d|i\s+had|i'?ve|i\s+have|she'?d|he'?d)\s+been\s+(?:shot|stabbed|knifed)\s+"
        r"in\s+(?:the|my|her|his)\s+(?:hip|groin|leg|thigh|side|bum|buttock)\b",
        r"\blike\s+(?:someone|somebody|a\s+\w+)\s+(?:had\s+|has\s+|just\s+)?(?:stabbed|knifed|shot)\s+"
        r"(?:me|her|him)\s+in\s+(?:the|my|her|his)\s+(?:hip|groin|leg|thigh|side|bum|buttock)\b",
        r"\bgot\s+hit\s+(?:with|by)\s+(?:a\s+|this\s+|such\s+)?(?:\w+\s+)?(?:pain|agony)\b",
        r"\b(?:red[\s-])?hot\s+(?:knife|poker|blade)\s+(?:in|into|through)\s+(?:my|her|his|the)\s+"
        r"(?:hip|groin|leg|thigh|side|joint|bum|back|buttock)\b",
        rf"\bpain\s+{gap(1)}went\s+from\s+(?:an?\s+)?(?:\d|nothing|zero)\s+to\s+(?:[89]|10|nine|ten"
        r"|unbearable|agony|excruciating|(?:the\s+)?worst)\b",
    )),
    rule("sudden_severe_pain", (
        r"\bworst\s+pain\s+(?:of\s+my\s+life|ever|i'?ve\s+ever)\b",
        r"\bthe\s+(?:most\s+awful|worst|most\s+horrible)\s+pain\b",
        # "got this searing pain in my hip, worst ever" (round 27)
        r"\b(?:searing|stabbing|tearing|ripping)\s+pain\b[^.!?]{0,50}?\bworst\s+(?:ever|of\s+my"
        r"\s+life)\b",
    )),
    rule("sudden_severe_pain", (
        rf"\b(?:severe|intense|extreme|horrible|awful|terrible|dreadful|stabbing|sharp|bad"
        rf"|worst|horrendous|excruciating|unbearable|agonising|agonizing)\s+{gap(2)}"
        r"(?:pain|pains|ache)\b",
        r"\b(?:excruciating|agonising|agonizing|unbearable|horrendous|agony)\b",
        rf"{HIGH_SCORE}|\b(?:9|10)/10\b",
        r"\b(?:screaming|howling|crying\s+out)\s+(?:in|with)\s+(?:\w+\s+)?(?:pain|agony)\b",
    ), needs=NO_REASON, window=150, same_sentence=False,
         # "no fall, no swelling, it's just the arthritis flaring like it does every winter"
         unless=r"\b(?:just|only)\s+(?:the|my)\s+(?:arthritis|oa)\b|\blike\s+it\s+(?:always\s+)?does"
                r"\s+every\b|\busual\s+(?:flare|winter)"),
)

#: Too vague to call: ask one question.
AMBIGUOUS: tuple[Rule, ...] = (
    rule("dislocation", not_right("hip", "new hip", "joint", "replacement")),
    rule("sudden_severe_pain", SUDDEN, needs=ANY_PAIN, window=50,
         unless=r"\b(?:cramps?|stitch|breath\w*|twinge\w*)\b"),
    rule("sudden_severe_pain", (
        r"\b(?:excruciating|agonising|agonizing|unbearable|horrendous)\b",
        r"\b(?:screaming|crying)\s+(?:in|with|from)\s+(?:the\s+)?pain\b",
        r"\bin\s+(?:absolute\s+|total\s+|real\s+)?agony\b|^agony\b",
    ), unless=NOT_A_BODY_AWFUL),
    rule("fracture_after_fall", STUMBLE,
         unless=r"\b(?:caught|saved|steadied)\s+(?:myself|herself|himself|it|the)|never\s+went"
                r"\s+down|didn'?t\s+(?:go\s+down|fall|go\s+over|hurt)|no\s+harm|\b(?:grab\w*"
                r"|held\s+on|holding|hold\s+of|nearly|almost|lol|haha)\b|" + NOT_A_BODY_SLIP),
    rule("dislocation", (
        rf"\b(?:hip|joint|replacement|new\s+hip)\s+{gap(3)}(?:clunk\w*|clonk\w*|went\s+"
        r"(?:clunk|pop|bang)|popped|gave\s+a\s+(?:clunk|pop))\b",
        r"\b(?:clunk|clonk)\w*\b",
    ), unless=r"\b(?:no\s+pain|didn'?t\s+hurt|doesn'?t\s+hurt|fine|ok|okay|normal)\b"),
)
