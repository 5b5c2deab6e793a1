"""Clots: a hot, swollen calf (deep vein thrombosis) and a clot gone to the lungs (chest
pain, breathlessness, coughing blood), both likeliest in the weeks after a hip operation.
Read by ``red_flags``; see ``red_flag_phrases``.
"""

from __future__ import annotations

from bot.domain.understanding.red_flag_phrases import CANT, OPERATION, Rule, gap, not_right, rule

_CALF = (
    r"\b(?:calf|calves|calf\s+muscle|back\s+of\s+(?:my|her|his|the)\s+(?:leg|knee)"
    r"|below\s+(?:the|my|her|his)\s+knee|lower\s+leg|shin|bottom\s+(?:half\s+|part\s+)?of\s+"
    r"(?:my|her|his|the)\s+leg)\b"
    r"(?!\s+(?:raises?|stretch\w*|exercises?|pumps?|lifts?))"
    # "the calf is soft and not hot", "calf isn't sore or hot": the calf said to be fine
    # (unless a "but" follows: "calf isn't sore but it's red")
    r"(?!\s+(?:(?:is|are|feels?|looks?)\s+)?(?:soft|fine|normal|ok|okay|not\s+\w+|isn'?t|aren'?t"
    r"|is\s+not|are\s+not)\b(?![^.!?\n]*\bbut\b))"
)
#: "like a balloon", "like a tree trunk": swollen, said in pictures.
_SIMILE = (
    r"\blike\s+(?:a|an)\s+(?:balloon|football|rugby\s+ball|melon|tree\s+trunk|elephant\w*"
    r"|sausage|marrow|log|watermelon)\b|\belephant'?s?\b"
)
_CLOT_SIGN = (
    r"\b(?:swollen|swelling|swelled|swell|swells|puffy|puffed|ballooned|balloon|bigger|fatter"
    r"|larger|thicker|hot|warm|warmer|warmth|heat|red|redness|purpl\w*|tender|shiny|on\s+fire"
    r"|clots?|dvt|hard(?!\s+(?:work|going|to|time|day|session))|lump|twice\s+the\s+size"
    r"|double\s+the\s+size|blown\s+up|blew\s+up|puffed\s+up|swelled\s+up|than\s+the\s+(?:left"
    rf"|right|other))\b|{_SIMILE}"
    r"|\bcramp\s+(?:that|which)\s+(?:won'?t|doesn'?t|will\s+not)\s+go\b"
    r"|\bsore\s+to\s+(?:the\s+)?touch\b|\bhurts?\s+to\s+(?:touch|press)\b"
    r"|\btight\s+as\s+(?:a\s+)?(?:drum|rock|board|drumskin)\b|\b(?:rock|stone)[\s-]hard\b"
    r"|\btight\s+and\s+(?:sore|tender|hot|warm|painful|swollen)\b|\b(?:sore|tender|painful"
    r"|swollen)\s+and\s+tight\b"
)
_NOT_CLOT = (
    r"\b(?:heat|hot|warm)\s+(?:pack|pad|water|bath|shower|compress|gel|cream|rub|up)\b"
    r"|\bwarm(?:ed|ing)?\s+up\b"
)
#: A clinician's or carer's check that found nothing: "calf soft and non-tender", "SNT".
_CLINICAL_NEGATIVE = r"\bnon[\s-]?tender\b|\bsoft\s*(?:,|and|&)\s*(?:non|not)\b|\bsnt\b"
#: A calf tight from effort: a stretch, not a clot (unless hot, swollen or red too).
_EXERTION_TIGHT = (
    r"\btight\s+(?:\w+\s+){0,4}(?:from|after)\s+(?:the\s+|all\s+the\s+|my\s+)?(?:walk\w*"
    r"|exercis\w*|stretch\w*|running|gym|stairs|bridges|squats|raises|session|class)\b"
)
#: A muscle burn from effort: "calves on fire after 20 heel raises, the good gym burn".
_EXERTION_BURN = (
    r"\b(?:burn\w*|on\s+fire)\s+(?:\w+\s+){0,3}(?:from|after)\s+(?:the\s+|all\s+the\s+|my\s+)?"
    r"(?:\d+\s+)?(?:heel\s+raises|raises|walk\w*|exercis\w*|reps|squats|stairs|gym|session|class"
    r"|bridges|step\s*ups)\b|\bgood\s+(?:\w+\s+){0,2}(?:burn|kind\s+of\s+burn)\b"
    # "did 10 heel raises, calves are on fire"
    r"|\b(?:heel\s+raises|raises|squats|step\s*ups|bridges|walk\w*)\b[^.!?\n]{0,30}\b(?:calf|calves)"
    r"\s+(?:(?:are|is)\s+)?(?:on\s+fire|burning)\b"
)
#: Out of breath from effort: normal, unless something else is wrong.
_EXERTION = (
    r"\b(?:walk\w*|stairs|steps?|step\s*ups?|hill|exercis\w*|squats?|bridges|gym|running|ran"
    r"|jog\w*|cycling|swim\w*|class|workout|sit\s+to\s+stands?|session|dancing|garden\w*)\b"
)
_NOT_CHEST = (
    r"\bchest\s+(?:infection|of\s+drawers|press|stretch|exercise)|\boff\s+my\s+chest"
    r"|\bknees?\s+(?:to|2|too)\s+(?:my\s+|your\s+|the\s+)?chest\b"
    # "port flushed today and my chest is sore from the needle": the needle, not the lungs
    r"|\bsore\s+from\s+the\s+(?:needle|jab|injection|port|line|drip|cannula)\b"
)
#: A known chest condition explains tightness or wheeze, unless it is new or worse.
_ASTHMA = r"\b(?:asthma\w*|inhaler|copd|emphysema|puffer)\b"
_UNUSUAL = (
    r"\b(?:different|not\s+(?:like\s+)?my\s+(?:usual\s+)?asthma|worse\s+than\s+(?:usual|ever)"
    r"|never|not\s+(?:working|helping)|blood|blue|faint\w*)\b"
)
_BREATH_CONTEXT = (
    rf"\b(?:chest|heart|dizz\w*|faint\w*|light[\s-]?headed|just\s+sitting|sat\s+(?:down|here"
    r"|still)|sitting|resting|at\s+rest|talking|loo|toilet|bathroom|never\s+(?:like\s+this"
    r"|been\s+like)|first\s+time|lips|blue|grey|gray|sudden\w*|collapsed|blood|cough\w*"
    r"|never\s+happened|unusual|not\s+normal\s+for\s+me|doing\s+nothing|nothing\s+at\s+all"
    r"|not\s+(?:even\s+)?moving|lying\s+down|in\s+bed)\b"
    rf"|{OPERATION}"
)

RULES: tuple[Rule, ...] = (
    # deep vein thrombosis
    rule("dvt", _CALF, needs=_CLOT_SIGN, window=60,
         unless=rf"{_NOT_CLOT}|{_EXERTION_TIGHT}|{_EXERTION_BURN}|{_CLINICAL_NEGATIVE}",
         keep=r"\b(?:hot|swollen|swelling|swelled|red|warm|purple|shiny|puffy|clot|dvt)\b"),
    rule("dvt", (
        rf"\b(?:legs?)\s+{gap(5)}(?:swollen|swelled|swelling|puffy|ballooned|bigger|fatter"
        r"|thicker|twice\s+the\s+size|double\s+the\s+size|blown\s+up)\b",
        r"\b(?:swollen|puffy|fat)\s+leg\b",
        rf"\bswell\w*\s+{gap(5)}(?:legs?)\b",
    ), needs=rf"\b(?:hot|warm|red|redness|purpl\w*|tender|pain\w*|hurts?|sore|aches?|aching"
             rf"|clot|dvt|shiny|flight|flew|plane|than\s+the\s+(?:left|right|other))\b"
             rf"|{OPERATION}|{_SIMILE}",
         window=100, same_sentence=False,
         unless=rf"{_NOT_CLOT}|\btop\s+of\s+(?:my|her|his|the)\s+leg\b"
                # "swollen after the op but it's gone down a bit more every day": mending
                r"|\b(?:gone|going|come|coming)\s+down\s+(?:\w+\s+){0,4}(?:every|each)\s+day\b"
                r"|\b(?:nearly|almost)\s+(?:back\s+to\s+)?normal\b",
         keep=r"\b(?:hot|red|redness|purpl\w*|worse|bigger|clot|dvt)\b"),
    rule("dvt", (
        rf"\bone\s+(?:leg|calf|ankle)\s+{gap(3)}(?:fatter|bigger|thicker|more\s+swollen"
        r"|larger)\s+than\s+the\s+other\b",
        rf"\b(?:legs?|calf|calves|ankles?)\s+{gap(6)}(?:twice|double|three\s+times)\s+the\s+size\b",
        r"\b(?:dvt|deep\s+vein\s+thrombosis|thrombosis|blood\s+clot|clot)\b"
        r"(?!\s+(?:in|on)\s+(?:my|her|his|the)\s+lungs?)(?!\s+run)",
    )),
    # pulmonary embolism
    rule("pe", (
        r"\bshort(?:ness)?\s+of\s+(?:breath|breathe|bread|breff|breth|air)\b",
        r"\bbreathless\w*",
    ), unless=rf"{_EXERTION}|{_NOT_CHEST}|{_ASTHMA}", keep=_UNUSUAL),
    rule("pe", (
        rf"\b{CANT}\s+(?:get|catch|take)\s+(?:(?:my|a|her|his|enough|any|full|proper|deep)\s+)*"
        r"(?:breath|breff|air)\b",
        rf"\b{CANT}\s+breathe?\b(?!\s+(?:for\s+laughing|through\s+(?:my|the)\s+nose))",
        r"\b(?:hard|difficult|struggling|struggle|fighting|gasping)\s+(?:to|for)\s+(?:breathe?"
        r"|breath|air)\b|\bgasp(?:ing|ed)?\b|\bdrowning\b|\bsuffocat\w*|\bair\s+hunger\b",
        rf"\bbreathing\s+(?:is\s+|was\s+|feels\s+)?{gap(3)}(?:hard|difficult|fast|rapid|shallow"
        r"|funny|weird|strange|laboured|labored|heavy|noisy|wrong|awful|terrible|odd|rough)\b",
        r"\b(?:tight|heavy|crushing|aching|painful)\s+chest\b",
        r"\b(?:fast|shallow|rapid|laboured|labored)\s+(?:and\s+(?:fast|shallow|rapid)\s+)?"
        r"breathing\b",
        rf"\bchest\s+{gap(3)}(?:pain|pains|hurts?|hurting|tight\w*|aches?|aching|sore|heavy"
        r"|pressure|discomfort|crush\w*|squash\w*|burning|stabbing|squeez\w*)\b",
        rf"\b(?:pain|pains|ache|aching|tightness|stabbing|sharp|pressure|crushing|heaviness)\s+"
        rf"{gap(3)}(?:in|across|on|under|through)\s+(?:my|her|his|the)\s+(?:chest|ribs?)\b",
        rf"\b(?:pain|hurts?|hurting|stabbing|sharp|catch\w*|aches?)\s+{gap(4)}(?:when|if|as"
        r"|every\s+time)\s+(?:i|she|he)\s+(?:breathe?|breath|take\s+a\s+(?:deep\s+)?breath"
        r"|cough)\w*",
        r"\bhurts?\s+to\s+(?:breathe?|cough|take\s+a\s+breath)\b",
        rf"\bcough\w*\s+{gap(3)}(?:blood|bloody|pink\w*|rusty|red|froth\w*)\b",
        rf"\bcough\w*\s+{gap(6)}(?:blood\w*|bright\s+red|red\s+(?:in|on|streak\w*|stuff|bits?)"
        r"|pink\s+(?:stuff|froth|phlegm))\b",
        r"\b(?:crush\w*|squeez\w*|squash\w*|press\w*\s+(?:on|down\s+on))\s+(?:on\s+)?(?:my|her|his"
        r"|the)\s+chest\b",
        r"\b(?:elephant|weight|something\s+heavy|something|ton\s+of\s+bricks|band|vice|vise|brick)\s+"
        r"(?:is\s+|was\s+)?(?:sitting|sat|pressing|pushing|crushing|squeezing|squashing|on|round"
        r"|around|across)\s+(?:on\s+)?(?:my|her|his|the)\s+chest\b",
        rf"\b(?:blood|bloody|pink\s+stuff|red\s+stuff)\s+{gap(4)}(?:cough\w*|spit|phlegm|sputum"
        r"|mucus)\b",
        r"\bspat\s+(?:out\s+|up\s+)?blood\b|\bspitting\s+(?:up\s+)?blood\b",
        r"\bblood\s+in\s+(?:my\s+|the\s+)?(?:spit|phlegm|sputum|tissue|hanky|mucus)\b",
        r"\bha?emoptysis\b|\bpulmonary\s+embol\w*|\bembolism\b",
        r"\bclots?\s+(?:in|on)\s+(?:my|her|his|the)\s+lungs?\b",
        r"\b(?:had|have|got|has|having)\s+(?:a\s+)?pe\b",
        r"\b(?:collapsed|fainted|passed\s+out|blacked\s+out|keeled\s+over)\b",
        r"\blips?\s+(?:\w+\s+){0,3}(?:blue|purple|grey|gray)\b",
    ), unless=rf"{_NOT_CHEST}|{_ASTHMA}|\b(?:shed|roof|tent|wall|deal|plans?|talks?|market|cake"
              r"|souffle|team|defence|defense|side|economy|government|bridge|tower|ceiling"
              r"|fence|shelf|chair|bed)\s+(?:\w+\s+)?collapsed\b", keep=_UNUSUAL),
    rule("pe", (
        r"\bout\s+of\s+breath\b|\bpuffed(?:\s+out)?\b|\bwinded\b|\bpanting\b|\bwheez\w*",
        r"\bshort(?:ness)?\s+of\s+(?:breath|breathe|bread|breff|breth|air)\b|\bbreathless\w*",
        r"\bbreathing\s+(?:a\s+bit\s+)?(?:heavily|hard)\b",
        r"\b(?:gone|going|turned)\s+(?:a\s+bit\s+|very\s+|quite\s+)?(?:grey|gray|blue)\b",
        r"\bheart\s+(?:is\s+)?(?:racing|pounding|going\s+like|thumping|hammering)\b",
    ), needs=_BREATH_CONTEXT, window=120, same_sentence=False),
)

#: Too vague to call: ask one question.
AMBIGUOUS: tuple[Rule, ...] = (
    rule("dvt", not_right("calf", "calves")),
    rule("pe", not_right("chest", "breathing")),
    rule("dvt", (
        rf"\b(?:calf|calves)\s+{gap(3)}(?:tight|aching|achy|throbbing|cramp\w*|sore)\b",
        rf"\b(?:legs?)\s+{gap(3)}(?:swollen|swelled|swelling|puffy)\b",
    ), unless=r"\b(?:stretch\w*|raises?|exercises?|walk\w*|after\s+the|pumps?|bridges|squats"
              r"|did|done|cramp)\b"),
)
