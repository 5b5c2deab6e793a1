"""Illness: an infected hip or wound, night pain and night sweats, cancer and weight lost
without trying. Read by ``red_flags``; see ``red_flag_phrases``.
"""

from __future__ import annotations

from bot.domain.understanding.red_flag_phrases import PAIN, Rule, gap, not_right, rule

_HIP_ZONE = (
    r"\b(?:hips?|groin|joint|new\s+hip|top\s+of\s+(?:my|her|his|the)\s+(?:leg|thigh)"
    r"|skin\s+(?:over|on|around)\s+(?:my|her|his|the)\s+hip|hip\s+area|outer\s+thigh)\b"
)
_HOT_RED = (
    r"\b(?:hot|warm|red|redness|inflamed|angry|heat|red[\s-]hot|burning\s+hot|on\s+fire"
    r"|warmer)\b"
)
#: "warm after the exercises": the blood going to it, not an infection.
_WARM_FROM_EFFORT = (
    r"\b(?:warm|warmer|on\s+fire|burning|angry)\s+(?:after|from)\s+(?:the\s+|my\s+|all\s+the\s+"
    r"|doing\s+the\s+|\d+\s+)?(?:aqua\s+|wedding\s+|party\s+)?(?:danc\w*|exercis\w*|stretch\w*|walk\w*|session|workout"
    r"|bridges|clams|routine|aerobics|class|swim\w*|gym|a\s+side|five\s+a\s+side|football|footy"
    r"|run\w*|training|match|game|golf|tennis|cycl\w*|ride|hike|gardening|digging)\b"
    # "clams done, outer thigh is on fire 🔥": the burn of the exercise just done
    r"|\b(?:done|finished)\b[^.!?\n]{0,30}\bon\s+fire\b"
)
_WORKED = r"and\s+(?:a\s+(?:bit|little)\s+|quite\s+)?(?:tired|worked|loose|looser)\b"
_NOT_HOT = (
    r"\b(?:warm|hot|heat)\s+(?:bath|shower|up|pack|pad|water|tub|weather|wheat|compress|day"
    r"|flannel|towel|drink|tea|room)\b|\bhot\s+water\s+bottle\b|\bband\b|\bwarm(?:ed|ing)?\s+up"
    r"|\bkeep\s+(?:it|the\s+hip|my\s+hip)\s+warm\b"
    # "so much easier when the hip's warm": warmth that helps, not a sign
    r"|\b(?:easier|better|looser|less\s+stiff)\s+(?:when|once|if)\s+(?:[\w']+\s+){0,3}?warm\b"
    r"|\bheat\s+(?:wave|helps|on\s+it)\b|\bred\s+(?:band|one|mat|cushion)\b|\bhot\s+flush"
    # "ice or heat?", "heat patches": asking what to put on a sore hip, not a sign
    r"|\b(?:heat|hot|warm)\s+(?:or|and|vs|versus|then)\s+(?:cold|ice|cool)\b"
    r"|\b(?:cold|ice|cool)\s+(?:or|and|vs|versus|then)\s+(?:heat|hot|warm)\b"
    # "something warm or something cold on it?", "should I put something warm on it"
    r"|\b(?:heat|hot|warm)\s+(?:\w+\s+){0,3}?(?:or|vs|versus)\s+(?:\w+\s+){0,2}?(?:cold|ice|cool"
    r"|frozen)\b|\b(?:cold|ice|cool|frozen)\s+(?:\w+\s+){0,3}?(?:or|vs|versus)\s+(?:\w+\s+){0,2}?"
    r"(?:heat|hot|warm)\b|\b(?:put|putting|use|using|appl\w*)\s+(?:some(?:thing)?\s+|a\s+)?"
    r"(?:warm|hot|heat)\b"
    r"|\bheat\s+(?:patch\w*|rub|gel|cream|wrap|therapy|lamp|pack\w*|pad\w*)"
    # "feels like it's on fire": a burning pain, not a hot joint
    r"|\blike\s+(?:it'?s|its|it\s+is|it\s+was)\s+on\s+fire\b"
    rf"|{_WARM_FROM_EFFORT}"
    # "the other hip feels just as warm": both the same, not one joint inflamed
    r"|\b(?:other|both)\s+(?:hips?|sides?|ones?)\s+(?:\w+\s+){0,2}(?:just\s+as|as|equally)\s+warm\b"
    # "feels warm and a bit tired", "flexors are angry" (round 33): worked muscles
    rf"|\bwarm\s+{_WORKED}|\b(?:flexors?|muscles?|hamstrings?|quads?|glutes?|tendons?)\s+(?:are|is"
    r"|were|was|feel|feels|felt)\s+(?:\w+\s+)?angry\b"
)
#: Signs that stand even beside a heat pack or an "ice or heat?" in the same sentence.
_HOT_KEEP = (
    r"(?<!not )(?<!no )\b(?:red|redness|reddish|inflamed|fever\w*|temperature|shiver\w*"
    r"|chills?)\b"
    r"|\bhot\s+to\s+(?:the\s+)?touch\b|\b(?:hot|warm)\s+and\s+(?:red|swollen|puffy)\b"
    r"|\b(?:is|feels?|felt|looks?|gone|going|getting|so|really|very)\s+(?:hot|warm)\b"
    rf"(?!\s+(?:after|from)\b|\s+{_WORKED})"
)
_WOUND = (
    r"\b(?:wounds?|incisions?|scars?|stitch(?:es)?|(?:stitch|clip|staple|suture)\s+line|staples?|clips|dressings?|op\s+site"
    r"|surgical\s+site|operation\s+(?:site|scar|wound|cut)|(?:place|where)\s+(?:they|the\s+"
    r"(?:surgeon|doctors?))\s+cut|sutures?|steri[\s-]?strips?|(?:the|my|her|his|op)\s+cut|cut'?s"
    r"|plaster|bandage|^cut\s+from\s+(?:the|my|her|his)\s+op\w*"
    # "the end of my zip won't close": the long scar, not a zip on a coat
    r"|(?:my|her|his)\s+zip(?!\s+(?:on|of|up)\b)"
    r"|cut(?=\s+(?:is|was|has|looks)\b))\b"
)
_WOUND_SIGN = (
    r"\b(?:ooz\w*|leak\w*|weep\w*|wept|pus+(?:ing|sy|y|ed)?|discharg\w*|gap\w*|open(?:ed|ing|s)?|come\s+apart"
    r"|coming\s+apart|came\s+apart|split\w*|burst|smell\w*|stink\w*|whiff|pong|yellow\w*"
    r"|green\w*|cloudy|crust\w*|infected|infection|angry|bleed\w*|popped|seep\w*|gunk|goo"
    r"|gooey|spreading|creeping|hole|see\s+inside|mucky|manky|hot|coming\s+out\s+(?:of|from)"
    r"|comes\s+out\s+(?:of|from)|soaked|soaking|sodden|wet\s+through|drain\w*"
    r"|erythema\w*|exudat\w*|odour\w*|odor\w*|malodo\w*|purulent|dehisc\w*|bringing\s+out)\b"
    r"|\b(?:pocket|collection|build[\s-]?up|bubble|bag|lump)\s+of\s+fluid\b|\bfluid\s+(?:\w+\s+)?"
    r"(?:under|beneath|behind|leaking|coming|pouring|seeping|oozing|building|collecting)\b"
)
#: Signs that count only two together: a healing scar is often a bit red or swollen.
_WOUND_MILD = (  # not "dry and not red": a sign denied is no sign
    r"(?<!not\s)(?<!no\s)(?<!n't\s)(?<!nor\s)(?<!never\s)\b(?:red\w*|pink|warm|swollen|swelling|puffy|wet|raw|sticky|blood\w*|sore|tender"
    r"|lumpy|hard)\b"
)
_NOT_WOUND = (
    r"\bwound\s+up\b|\bcut\s+(?:down|back|out|off|the|my\s+hair|it\s+out|up)\b|\bhair\s?cut"
    r"|\bdressing\s+gown\b|\bsalad\s+dressing\b|\bstitch\s+in\s+(?:my|her|his)\s+side\b"
    r"|\b(?:open|opened)\s+(?:the|a|my)\s+(?:door|window|tin|jar|letter|app)\b"
    r"|\b(?:coat|jacket|trousers|jeans|dress|boots?|bag|flies|fly|cardi\w*|fleece)\b"
    r"[^.!?\n]{0,20}\bzip"
)
#: Who pain wakes: the writer, or the patient they write for ("wakes Mum at 2").
_WHOM = (
    r"(?:me|her|him|us|(?:my\s+|our\s+)?(?:mum|mam|mom|mother|dad|father|nan|nana|gran|granny"
    r"|grandma|grandad|grandpa|husband|wife|partner))"
)
_ANY_POSITION = (
    # a carer's "repositioned him every time, nothing helped"
    r"\breposition\w*\s+(?:him|her|them)\s+(?:every|each)\s+time\b|"
    r"\b(?:whatever|no\s+matter|any\s*(?:position|way|how)|every\s+(?:position|way)"
    r"|all\s+positions|(?:doesn'?t|dosen'?t|dosn'?t|does\s+not)\s+matter\s+(?:how|which|what|if"
    r"|where)|even\s+(?:lying|resting"
    r"|when\s+(?:i'?m|i\s+am)\s+still|on\s+my\s+(?:good|other)\s+side|at\s+rest|flat)"
    r"|lying\s+still|turning\s+over\s+doesn'?t\s+help|tried\s+every|my\s+back\s+or"
    r"|whichever|either\s+side|any\s+side|both\s+sides|every\s+side"
    r"|back,?\s+(?:my\s+)?side|at\s+rest|resting|can'?t\s+get\s+comf\w*"
    # "even sitting up in the chair doesn't ease it", "nothing to do with how I lie"
    r"|even\s+(?:when\s+(?:i'?m\s+)?)?sitting(?:\s+up)?|nothing\s+to\s+do\s+with\s+how\s+(?:i|she|he)"
    r"\s+(?:lie|lay|sleep|sit))\b"
    r"|\b(?:lie|lying|lay|laying|sit|sitting|keep|kept|stay\w*)\s+(?:completely\s+|totally\s+"
    r"|perfectly\s+|dead\s+|really\s+)?still\b|\bnot\s+(?:just|only)\s+when\s+(?:i|she|he)\s+move"
    r"|\b(?:no|any|every|each)\s+position\b|\bnothing\s+(?:helps|eases|touches)\b"
    r"|\b(?:painkillers|tablets|pills|paracetamol|co-?codamol)\s+(?:don'?t|doesn'?t|do\s+not)\s+"
    r"(?:touch|help|shift|work)|\b(?:back|side|front)\s+or\s+(?:my\s+)?(?:back|side|front)\b"
    r"|\beven\s+(?:lying|laying|when\s+(?:i|she|he)\s+(?:lie|lay|rest|sit))\b"
    r"|\b(?:can'?t|cannot|couldn'?t)\s+(?:find|get)\s+(?:a\s+|any\s+)?(?:comf\w*|position)"
    r"|\b(?:doesn'?t|does\s+not|won'?t|never)\s+(?:ease|settle|go|let\s+up|stop)\s+(?:\w+\s+)?"
    r"(?:when|if|even\s+when)\s+(?:i|she|he)\s+(?:rest|lie|sit|stop|keep\s+still)"
    r"|\b(?:getting\s+up|walking\s+(?:round|about|around)|moving\s+about)\s+(?:\w+\s+)?(?:doesn'?t"
    r"|does\s+not|won'?t)\s+help\b"
    r"|\b(?:makes?|made)\s+no\s+(?:odds|difference)\b|\b(?:left|right|one)\s+(?:side\s+)?or\s+"
    r"(?:the\s+)?(?:left|right|other)\b"
)
_ONE_SIDE = (
    r"(?<!not just )(?<!not only )\b(?:only\s+)?(?:when|if)\s+(?:i|she|he)\s+(?:lie|lay|roll|turn"
    r"|sleep)\s+(?:on|onto)\s+"
    r"(?:it|that\s+side|the\s+(?:bad|sore|operated|left|right)\s+side|my\s+(?:bad|sore|left"
    r"|right|operated)\s+side)"
    # after the op: "stuck on my back all night", "have to sleep on my back": the position
    r"|\b(?:stuck|(?:have|got|has)\s+to\s+(?:lie|lay|sleep|stay))\s+on\s+(?:my|her|his)\s+back\b"
)
#: Sweating at night for an ordinary reason (also read by ``red_flag_phrases_everyday``).
NOT_NIGHT_SWEAT = (
    r"\b(?:menopaus\w*|hot\s+flush\w*|flushes|hrt|heating|radiator|hot\s+weather|heatwave"
    r"|blankets?|duvet\s+(?:too|is\s+too)|too\s+hot|electric\s+blanket)\b"
)
_RECURRENT = (
    r"\b(?:every\s+(?:single\s+)?night|most\s+nights|each\s+night|all\s+night|nightly"
    r"|every\s+(?:hour|couple\s+of\s+hours|few\s+hours)|night\s+after\s+night|nights"
    r"|for\s+(?:weeks|months|a\s+month|\d+\s+weeks)|been\s+\d+\s+weeks|keeps?\s+(?:waking"
    r"|me\s+up|me\s+awake)|constant\w*|all\s+the\s+time|day\s+(?:and|or)\s+night|every"
    r"\s+time\s+(?:i|she|he)\s+(?:lie|go\s+to\s+bed)|sweat\w*|soaked|drenched)\b"
)
#: A sentence about sleep with no pain in it ("the baby keeps me up").
_PAINLESS = (
    r"^(?!.*\b(?:pain\w*|ache\w*|aching|hurt\w*|hip|hips|throb\w*|sore|bone|pelvis|agony"
    r"|groin|joint|leg)\b)"
)
_NIGHT = (
    r"\b(?:night|nights|nite|bed|sheets?|nightie|nightdress|pyjamas|pajamas|pjs|wak\w*|woke"
    r"|sleep\w*|towel|t-?shirt|pillow|duvet)\b"
)
_INTENDED = (
    r"\b(?:diet\w*|slimming\w*|weight\s?watchers|calorie\w*|gym|keto|ozempic|wegovy|mounjaro"
    r"|fasting|on\s+purpose|(?:want|wanted|wanting|hoping|hope|plan\w*|need)\s+to\s+"
    r"(?:lose|shift|drop|get\s+rid)|deliberately|pleased|happy|proud|chuffed|delighted|thrilled"
    r"|well\s+done|goal|target|kept\s+it\s+off|trying|tried|walking|exercis\w*|swimming"
    r"|yay|woohoo|hooray|at\s+last|finally|thanks\s+to|on\s+track|not\s+complaining"
    r"|no\s+complaints|bonus|silver\s+lining|injections?|jabs?)\b|[😀😊🎉💪👍🙌🥳]"
    # "does losing weight help hip pain?": weight loss as a treatment, asked about
    r"|\b(?:does|do|would|will|could|can|should|is|did)\s+(?:\w+\s+)?(?:losing|lose|weight\s?loss)"
    r"\s+(?:\w+\s+){0,2}(?:help|ease|make|take|be\s+(?:good|worth))\b"
)
_UNINTENDED = (
    r"\b(?:without|not|no|never|didn'?t|haven'?t|hasn'?t|wasn'?t|isn'?t|aren'?t)\s+"
    r"(?:\w+\s+){0,2}(?:trying|try|tried|diet\w*|slimming|changed|changing)\b"
    r"|\bfor\s+no\s+reason\b|\bno\s+idea\s+why\b|\bunexplained\b|\bdon'?t\s+know\s+why\b"
    r"|\beat(?:ing)?\s+like\s+a\s+horse\b|\bnot\s+eating\s+less\b|\bsame\s+as\s+(?:always|usual)"
    r"|\blost\s+(?:my|her|his)\s+appetite\b|\boff\s+(?:my|her|his)\s+food\b"
)

RULES: tuple[Rule, ...] = (
    # infection
    rule("infection", (
        r"\b(?:fever(?:s|ish)?|febrile|pyrexi\w*|fe+v(?:e|o)?r|fevre|fevr|burning\s+up)\b",
        r"\b(?:have|has|had|got|getting|running|run|with|having|spiked|spiking|developed)\s+"
        r"(?:a\s+|got\s+a\s+)?(?:high\s+|slight\s+|bit\s+of\s+a\s+|raised\s+|little\s+)?"
        r"temp(?:erature)?s?\b(?!\s+(?:gauge|check|probe|control|sensor|in\s+the\s+(?:room"
        r"|house|greenhouse)))",
        r"\btemp(?:erature)?\s+(?:of\s+|is\s+|was\s+|at\s+|reading\s+|went\s+up\s+to\s+|up\s+to\s+)?"
        r"(?:3[7-9]|4[0-2]|10[0-4])(?:[.,]\d|\s+point\s+\d)?\b",
        r"\bhigh\s+temp(?:erature)?\b",
        r"\b(?:a|raised|slight)\s+temp(?:erature)?\b(?!\s+(?:gauge|check|probe|control|sensor|of"
        r"|in\s+the|for|outside|today\s+outside))",
        r"(?<![\d.,/])\b(?:3[89]|40)[.,]\d\b(?![\d.,/])",
        r"\b(?:rigou?rs|sepsis|septic)\b|\bcan'?t\s+stop\s+shaking\b",
    ), unless=r"\b(?:a\s+)?(?:cold|sore\s+throat|covid|virus|bug|cough|chest\s+infection"
              r"|tonsillitis|sinus\w*|teething)\b",
         keep=r"\b(?:hips?|groin|joint|wound|scar|leg|thigh|op|operation)\b"),
    rule("infection", (
        r"\bcellulitis\b|\b(?:infected|infection)\s+(?:in\s+)?(?:my\s+|her\s+|his\s+|the\s+)?"
        r"(?:new\s+)?(?:hip|joint)\b",
        rf"\b(?:hip|joint)\s+{gap(2)}(?:looks?|is|seems|feels?|might\s+be|could\s+be)\s+"
        r"(?:\w+\s+)?infected\b",
    )),
    rule("infection", (
        # (not "legs shaking after the chair stands": tired muscles)
        r"\b(?:chills|shiver(?:s|ing|y)|the\s+shakes|(?<!legs\s)(?<!leg\s)(?<!muscles\s)(?<!thighs\s)"
        r"(?:shaking|shakes))\b",
        r"\bhot\s+(?:and|then|&|n)\s+(?:cold|freezing)\b|\b(?:cold|hot)\s+sweats\b",
        r"\bfeel(?:ing)?\s+hot\s+then\b|\bflu[\s-]?(?:ish|like)\b|\bsweaty\b",
        r"\b(?:feel|feels|feeling)\s+like\s+(?:i|she|he)\s+(?:have|has|'ve\s+got|'s\s+got|got)"
        r"\s+(?:the\s+)?flu\b",
        r"\b(?:very|really|so|feel\w*)\s+(?:unwell|ill|poorly|rough|rubbish|awful|terrible)\b",
    ), needs=r"\b(?:hips?|groin|joint|wound|fever\w*|temp\w*|hot|warm|swollen|swelling|red"
             r"|redness|inflamed|achy|aching)\b", window=100, same_sentence=False,
         unless=r"\b(?:in\s+bed|at\s+night|every\s+night|(?<!last )(?<!since )nights?)\b"
                # shivering in the cold, the hip fine: "at the bus stop, the hip's fine"
                r"|\b(?:hip|groin|joint)(?:'s|\s+is)\s+(?:\w+\s+)?(?:fine|ok|okay|good|grand|alright)\b"
                r"|\bbus\s+stop\b|\b(?:freezing|cold|chilly|icy)\s+(?:out|outside|day|morning|wind)\b"
                # "hot n sweaty after the walk": the effort, not a fever
                r"|\bsweaty\s+(?:after|from)\s+(?:the|my|all\s+the|doing\s+the)\s+(?:walk|exercis\w*"
                r"|stretches|bridges|clams|routine|session|class|gardening|hoovering)\b"
                # "took my temp, 36.8, normal": checked, and no fever
                r"|\btemp\w*[^.!?\n]{0,12}\b(?:normal|3[56](?:[.,]\d)?)\b",
         keep=r"\b(?:swollen|swelling|red|inflamed|fever\w*)\b"
              r"|\btemp\w*(?![^.!?\n]{0,12}\b(?:normal|3[56](?:[.,]\d)?)\b)"),
    rule("infection", _HIP_ZONE, needs=_HOT_RED, window=45, unless=_NOT_HOT, keep=_HOT_KEEP),
    rule("infection",
         r"\b(?:hot|warm|red|inflamed|angry)\s+(?:(?:and|,)\s*)?(?:(?:red|hot|swollen|puffy"
         r"|tender)\s+(?:and\s+)?)*(?:lump|hip|groin|joint)\b",
         unless=_NOT_HOT, keep=_HOT_KEEP),
    # wound
    rule("wound", _WOUND, needs=_WOUND_SIGN, window=80, unless=_NOT_WOUND),
    # "is pus normal with staples? there's a bit coming out round the top two" (round 17)
    rule("wound", r"\bthere'?s\s+(?:a\s+(?:little\s+)?bit|some|a\s+little|a\s+lot|stuff|gunk|goo)"
                  r"\s+(?:of\s+\w+\s+)?(?:coming|leaking|oozing|seeping)\s+out\b",
         needs=_WOUND, window=120, same_sentence=False, unless=_NOT_WOUND),
    # "should I cover the scar? it's come open a bit at the bottom": the sign in the
    # next sentence
    rule("wound", r"\b(?:it'?s|its|it\s+has|it\s+had|has)\s+(?:\w+\s+)?(?:come|came|split"
                  r"|burst|gone)\s+(?:back\s+)?(?:open|apart)\b",
         needs=_WOUND, window=100, same_sentence=False, unless=_NOT_WOUND),
    rule("wound", rf"{_WOUND}\s+(?:\w+\s+){{0,5}}?{_WOUND_MILD}[^.!?\n]{{0,40}}?{_WOUND_MILD}",
         unless=rf"{_NOT_WOUND}|\b(?:shower|bath|rain)\b"),
    rule("wound", rf"{_WOUND_MILD}[^.!?\n]{{0,40}}?{_WOUND_MILD}[^.!?\n]{{0,30}}?{_WOUND}",
         unless=rf"{_NOT_WOUND}|\b(?:shower|bath|rain)\b"),
    # "redness round my wound is getting wider each day": the redness is what spreads
    rule("wound", rf"\b(?:red\w*|pink\w*)\s+(?:\w+\s+){{0,2}}(?:round|around|about|near)\s+"
                  rf"(?:(?:my|the|her|his)\s+)?{_WOUND}",
         needs=r"\b(?:wider|bigger|spread\w*|growing|gone\s+(?:\w+\s+)?past|past\s+the\s+(?:pen\s+"
               r"|drawn\s+|marker\s+)?line|more\s+each"
               r"|every\s+day|each\s+day)\b", window=80, unless=_NOT_WOUND),
    # night pain and night sweats
    rule("night_pain_sweats", (
        r"\bnight[\s-]?(?:time\s+)?sweat\w*",
        rf"\bsweat\w*\s+{gap(4)}(?:at\s+night|in\s+(?:bed|the\s+night)|every\s+night|overnight"
        r"|all\s+night|through\s+(?:the|my|his|her)\s+(?:sheets|pyjamas|pajamas|pjs|nightie"
        r"|nightdress|t-?shirt|clothes|bedding))",
        r"\bsweat\w*\s+(?:\w+\s+){0,2}in\s+bed\b|\bwet\s+with\s+sweat\b",
        rf"\b(?:wak\w*|woke)\s+(?:up\s+)?{gap(2)}sweat(?:ing|y)\b",
        # "keep waking with my t shirt stuck to me" (round 18)
        r"\b(?:wak\w*|woke)\s+(?:up\s+)?(?:with|and)\s+(?:my|her|his|the)\s+(?:t[\s-]?shirt|top"
        r"|nightie|nightdress|pyjamas|pjs|sheets?)\s+(?:\w+\s+){0,2}(?:stuck\s+to|clinging\s+to"
        r"|wet|soaked|damp|drenched|sodden)\b",
        rf"\b(?:wak\w*|woke)\s+(?:up\s+)?{gap(4)}(?:soaked|soaking|drenched|sopping|wet|damp"
        r"|dripping|sweat\w*)\b(?=[^.!?\n]{0,40}\bsweat)",
        rf"\b(?:wak\w*|woke)\s+(?:up\s+)?{gap(3)}(?:in\s+a\s+)?(?:pool|puddle|bath)\s+of\s+sweat\b",
        rf"\bsweat\w*\s+{gap(4)}(?:soak\w*|drench\w*|through)\s+(?:the|my|her|his)\s+(?:pillow"
        r"|sheets?|bed|pyjamas|pajamas|pjs|nightie|nightdress|duvet)",
    ), unless=NOT_NIGHT_SWEAT,
         keep=r"\b(?:not|isn'?t|no|can'?t\s+be|never\s+had|long\s+past|past\s+(?:the|my))\s+"
              r"(?:the\s+|my\s+|a\s+|any\s+)?(?:menopaus\w*|hot\s+flush\w*|heating|hrt)"),
    rule("night_pain_sweats",
         r"\b(?:drenched|soaked|soaking|sopping|dripping|wringing|wet\s+through)\b",
         needs=_NIGHT, window=60,
         unless=rf"\b(?:rain\w*|shower|bath|puddle|washing|storm|hose|sea|swim\w*|pool|dog)\b"
                rf"|{NOT_NIGHT_SWEAT}"),
    rule("night_pain_sweats", (
        rf"\b(?:pain|hip|hips|ache|aching|throbbing|hurting|joint|bone|leg)\s+{gap(2)}"
        rf"(?:wakes?|woke|waking|wakens?|woken)\s+{_WHOM}\b",
        r"\bup\s+(?:all\s+night|every\s+night)\s+with\s+(?:the|my|her|his)\s+(?:hip|pain)",
        r"\b(?:can'?t|couldn'?t|cannot)\s+(?:get\s+(?:to\s+)?)?sleep\s+(?:for|because\s+of"
        r"|with|due\s+to|from)\s+(?:the\s+)?(?:pain|hip|ache|aching|throbbing)",
        r"\b(?:stops?|stopping|stopped)\s+(?:me|her|him)\s+(?:from\s+)?sleeping\b",
        rf"\b(?:it|that|which|this)\s+{gap(1)}(?:wakes?|woke|waking|wakens?|woken)\s+"
        r"(?:me|her|him)\b",
        r"\b(?:keeps?|kept|keeping)\s+(?:me|her|him|us)\s+(?:up|awake)\b",
        r"\b(?:and|which|that)\s+(?:\w+\s+)?(?:wakes?|woke|waking|wakens?)\s+(?:me|her|him)\b",
        rf"\b(?:wake|wakes|waking|woke|woken|up)\s+{gap(5)}(?:with|from|because\s+of|due\s+to"
        r"|in|by)\s+(?:the\s+|my\s+|her\s+|his\s+|a\s+)?(?:\w+\s+){0,2}(?:hip|pain|ache|throbbing"
        r"|agony)\b",
    ), needs=rf"{_RECURRENT}|{_ANY_POSITION}", window=150, same_sentence=False,
         unless=rf"{_ONE_SIDE}|{_PAINLESS}"),
    # "3.40am and wide awake again... a deep gnawing in the hip bone, doesn't matter if I'm on
    # my back or the good side"; "lying down is agony whichever way I turn"
    rule("night_pain_sweats", (
        rf"\b(?:wide\s+)?awake\b[^\n]{{0,120}}?\b(?:{PAIN}|gnaw\w*|toothache)\b",
        r"\bgnaw\w*\s+(?:\w+\s+){0,2}(?:in|at)\s+(?:the|my|her|his)\s+(?:\w+\s+)?bones?\b"
        r"|\btoothache\s+in\s+(?:the|my|her|his)\s+(?:\w+\s+)?bones?\b",
        rf"\blying\s+(?:down\s+)?(?:is|=)\s+(?:\w+\s+)?(?:{PAIN}|murder|torture|hell)\b",
        # "10 days of waking at 4 with a deep bone ache" (round 20)
        r"\b(?:wak\w*|woke)\s+(?:up\s+)?(?:at\s+\d+\s*(?:am\s+)?)?with\s+(?:a\s+|the\s+)?(?:deep\s+"
        r"|bad\s+|gnawing\s+)?(?:bone\s+)?(?:ache|pain|throb\w*)\b",
    ), needs=_ANY_POSITION, window=150, same_sentence=False, unless=rf"{_ONE_SIDE}|{_PAINLESS}"),
    # "I'm up half the night with it, resting doesn't ease it one bit"
    rule("night_pain_sweats",
         r"\bup\s+half\s+the\s+night\s+with\s+(?:it|the\s+pain|the\s+hip|my\s+hip|her\s+hip)\b",
         needs=r"\b(?:resting|rest|lying\s+still|nothing)\s+(?:\w+\s+)?(?:doesn'?t|doesnt|won'?t"
               r"|does\s+not)\s+(?:ease|help|touch)\w*", window=100),
    # "it wakes me", "keeps me awake": said in the present, it happens night after night
    rule("night_pain_sweats", (
        rf"\b(?:pain|hip|hips|ache|aching|throbbing|hurting|joint|bone|it|that|which|and)\s+"
        rf"{gap(2)}(?:wakes|wakens|keeps\s+waking)\s+(?:me|her|him)\b",
        r"\b(?:keeps|keeping)\s+(?:me|her|him)\s+(?:up|awake)\b",
    ), unless=rf"{_ONE_SIDE}|{_PAINLESS}|\b(?:sometimes|occasionally|now\s+and\s+(?:then|again)"
              r"|once\s+or\s+twice|the\s+odd\s+night|once\s+in\s+a\s+while)\b"),
    rule("night_pain_sweats", (
        rf"\b{PAIN}\s+{gap(4)}(?:all\s+night|at\s+night|at\s+nite|in\s+the\s+night|through"
        r"\s+the\s+night|during\s+the\s+night|overnight|nights?|in\s+bed|when\s+(?:i|she|he)"
        r"\s+lie\s+down)\b",
        r"\bnights?(?:\s+time)?\s+(?:are|is)\s+(?:the\s+)?(?:worst|awful|terrible|agony|hell)\b",
        r"\b(?:worst|worse)\s+(?:at|in\s+the|during\s+the|through\s+the)\s+night\b",
        rf"\b(?:at|in\s+the)\s+night\s+{gap(3)}{PAIN}|\bin\s+bed\s+{gap(3)}{PAIN}",
        r"\bcan'?t\s+get\s+comf\w*\s+(?:at\s+night|in\s+bed)\b",
    ), needs=_ANY_POSITION, window=150, same_sentence=False, unless=_ONE_SIDE),
    rule("night_pain_sweats", r"\b(?:can'?t|cannot|couldn'?t)\s+(?:get\s+(?:to\s+)?)?sleep\b",
         needs=_ANY_POSITION, window=150, same_sentence=False, unless=rf"{_ONE_SIDE}|{_PAINLESS}"),
    # pain worse at night than by day, and waking: not the usual ache
    rule("night_pain_sweats",
         rf"\b{PAIN}\s+{gap(3)}worse\s+(?:at\s+night|in\s+the\s+night|overnight|in\s+bed"
         r"|when\s+(?:i|she|he)\s+(?:lie|go\s+to\s+bed))",
         needs=r"\b(?:wak\w*|woke|keeps?\s+(?:me|her|him)\s+(?:up|awake)|can'?t\s+sleep"
               r"|not\s+(?:the|my)\s+usual|every\s+night|all\s+night)\b",
         window=100, unless=_ONE_SIDE),
    # cancer, weight loss
    rule("cancer_weight_loss",
         r"\b(?:cancer\w*|tumou?rs?|chemo\w*|radiotherapy|radiation\s+(?:therapy|treatment)"
         r"|oncolog\w*|malignan\w*|metasta\w*|leuka?emia|lymphoma|myeloma|melanoma|sarcoma"
         r"|carcinoma|secondaries|tamoxifen|letrozole|anastrozole|lesions?|mastectom\w*"
         r"|lumpectom\w*|prostatectom\w*)\b"
         r"|\bshadow\s+on\s+(?:my|the|her|his)\s+(?:bone|scan|x-?ray|lung)"
         # "had my all clear from the breast clinic last year" (round 30)
         r"|\ball[\s-]+clear\s+from\s+(?:the\s+|my\s+|her\s+|his\s+)?(?:breast|oncology|haematology"
         r"|chemo|prostate|lymphoma)\b"
         r"|\bspots?\s+on\s+(?:my|the|her|his)\s+bones?\b"
         # treatment named by the organ ("prostate treatment"), a lump taken out
         r"|\b(?:prostate|breast|bowel|lung|kidney|thyroid|blood|bone)\s+(?:treatment|tumou?r"
         r"|lump)\b|\b(?:took|taken|cut|had)\s+(?:a\s+)?(?:lump|tumou?r|growth)\s+(?:out|removed"
         r"|off)\b"
         # "bowel surgery for a growth", "a mole that was the bad kind", "the lump taken away"
         r"|\b(?:surgery|operation|op|treatment)\s+(?:for|on)\s+(?:a\s+|the\s+|my\s+)?(?:growth"
         r"|tumou?r|lump)\b|\b(?:mole|lump|growth)\b[^.!?\n]{0,30}\bthe\s+bad\s+kind\b"
         r"|\b(?:lump|tumou?r|growth)\s+(?:in\s+(?:my|her|his)\s+\w+\s+)?(?:taken\s+(?:out|away"
         r"|off)|removed|cut\s+out)\b",
         needs=rf"{PAIN}|\b(?:bone|lump|killing|come\s+back|returned|spread\w*|fresh|new"
               r"|different|constant|gnawing)\b", window=200,
         same_sentence=False,
         unless=r"\b(?:benign|not\s+cancer|wasn'?t\s+cancer|isn'?t\s+cancer|no\s+cancer)\b"
                r"|\bcancer\s+(?:research|charity|uk|shop|walk|fund\w*|awareness|screening)\b"
                r"|\brace\s+for\s+life\b|\bmacmillan\b",
         history=True),
    rule("cancer_weight_loss", (
        r"\b(?:shed|shedding)\s+(?:the\s+)?(?:pounds|weight|kilos|lbs)\b",
        rf"\b(?:lost|losing|lose|dropped|dropping|shed|shedding|gone\s+down)\s+{gap(5)}(?:weight|weigh"
        r"|\d+(?:[.,]\d+)?\s*(?:kg|kgs|kilos?|lbs?|pounds?|stone|st)\b|(?:a|one|two|three|four"
        r"|five|half\s+a)\s+stone|(?:a|two|three|four|five|few)\s+(?:kilos?|pounds))\b",
        rf"\bweight\s+{gap(2)}(?:dropping|falling|coming|going|melting|dropped|fallen)\s+off\b",
        r"\bweight\s+(?:is\s+|has\s+|'s\s+|has\s+been\s+|keeps\s+)?(?:dropping|falling|going\s+down"
        r"|coming\s+down|dropped|fallen|gone\s+down|come\s+down|plummet\w*)\b",
        r"\b(?:getting|got|gone|going|grown|looking|look|looks|looked|so|very)\s+(?:really\s+"
        r"|so\s+|very\s+|too\s+)?"
        r"(?:thin|thinner|skinny|skinnier|bony|gaunt)\b",
        r"\b(?:dropped|down|lost)\s+(?:a|one|two)\s+(?:dress|clothes|trouser)\s+sizes?\b",
        r"\bweight\s?loss\b",
        r"\b(?:\d+(?:[.,]\d+)?|a|one|two|three|four|five|half\s+a)\s*(?:stone|st|kg|kgs|kilos?|lbs?"
        r"|pounds)\s+(?:lighter|down)\b",
        rf"\b(?:clothes|trousers|jeans|skirts?|dress(?:es)?|waistbands?|shirts?|tops?|rings?)\s+"
        rf"{gap(2)}(?:hang\w*|falling\s+(?:off|down)|fall\s+(?:off|down)|loose|baggy|too\s+big"
        r"|swamp\w*)\b",
        rf"\bbelt\s+{gap(4)}(?:new\s+holes?|another\s+hole|extra\s+hole|notch)",
        rf"\bscales?\s+{gap(3)}(?:lost|down|dropped)\b",
        # "trousers down 2 sizes since june" (round 20)
        r"\b(?:trousers|clothes|jeans|skirts?|dress(?:es)?)\s+(?:\w+\s+)?(?:down|dropped)\s+(?:\d|a|one"
        r"|two|three)\s+sizes?\b",
        r"\bdown\s+(?:another|a\s+further|a\s+good)\s+(?:\d+(?:[.,]\d+)?|a|one|two|three|half\s+a)"
        r"\s*(?:stone|st|kg|kgs|kilos?|lbs?|pounds)\b",
        r"\bweight\s+(?:is\s+|'s\s+|has\s+|has\s+gone\s+|has\s+come\s+)?(?:down|dropped)\s+(?:by\s+)?"
        r"\d+(?:[.,]\d+)?\s*(?:kg|kgs|kilos?|lbs?|pounds?|stone|st)\b",
    ), unless=_INTENDED, keep=_UNINTENDED),
)

#: Too vague to call: ask one question.
AMBIGUOUS: tuple[Rule, ...] = (
    rule("night_pain_sweats", (
        rf"\b(?:pain|hip|ache|aching|throbbing)\s+{gap(2)}(?:wakes?|woke|waking|woken)\s+"
        rf"{_WHOM}\b",
        r"\b(?:keeps?|kept|keeping)\s+(?:me|her|him)\s+(?:up|awake)\b",
        r"\b(?:can'?t|couldn'?t|cannot)\s+(?:get\s+(?:to\s+)?)?sleep\s+(?:for|because\s+of"
        r"|with|due\s+to)\s+(?:the\s+)?(?:pain|hip)",
    ), unless=rf"{_ONE_SIDE}|{_PAINLESS}"),
    rule("infection", rf"\b(?:hips?|groin)\s+{gap(3)}(?:swollen|swelling|swelled|puffy)\b",
         unless=_NOT_HOT),
    rule("wound", not_right("wound", "scar", "incision", "stitches", "cut", "dressing",
                            "staples")),
    rule("wound",
         rf"\b(?:wound|scar|incision|stitches)\s+{gap(2)}(?:looks?|feels?|is|seems)\s+{gap(2)}"
         r"(?:weird|odd|funny|strange|different|off)\b"),
)
