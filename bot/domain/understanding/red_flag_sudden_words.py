"""Pain that struck at a moment and is severe: the words of the sudden-severe-pain rules
in ``red_flag_phrases_msk`` (how sudden, how bad, and what makes it something else).
"""

from __future__ import annotations

from bot.domain.understanding.red_flag_phrases import HIGH_SCORE

SUDDEN = (
    r"\b(?:sudden(?:ly)?|all of a sudden|out of nowhere|out of the blue|from nowhere"
    r"|like a bolt|without (?:any )?warning|sudden onset|bam|from nothing to|out of nothing"
    r"|shot up"
    r"|came on (?:so |really )?(?:fast|quick(?:ly)?|sudden(?:ly)?|all at once|like)"
    r"|just came on)\b"
)
PAIN_LIKE_NOTHING = (
    r"\bpain\s+(?:\w+\s+)?like\s+nothing\s+(?:i'?ve|i\s+have|she'?s|he'?s|i|she|he)\s+"
    r"(?:ever|had|felt)\b"
)
WORSE_THAN_BIRTH = (
    r"\b(?:worse|more)\s+than\s+(?:child\s*birth|labou?r|giving\s+birth|having\s+(?:my|the)"
    r"\s+(?:kids|babies|baby|children)|kidney\s+stones?|(?:an?\s+)?abscess|being\s+stabbed)\b"
)
#: Pain measured against the worst the writer has known: "had toothache ... nothing
#: compares", "worst I've known in 40 year", "I'd rather give birth again". Only as said
#: of pain: "pain like nothing on earth", never "the relief is like nothing on earth" or
#: "suddenly I could touch my toes, never felt anything like it".
NEVER_LIKE_THIS = (
    r"\b(?:pain|agony|hurt\w*|ache|aching)\s+(?:\w+\s+){0,3}like\s+nothing\s+on\s+earth\b"
    r"|\b(?:toothache|abscess|kidney\s+stones?|child\s*birth|labou?r|broken\s+\w+)\b[^.!?]{0,60}"
    r"\bnothing\s+(?:compares|comes\s+close)\b"
    r"|\b(?:pain|agony|hurt\w*|scream\w*)\b[^.!?]{0,50}\bnever\s+(?:had|felt|known)\s+(?:anything"
    r"|owt|nowt|out|summat)\s+like\s+(?:it|this|that)\b"
    r"|\bworst\s+(?:i'?ve|ive|i\s+have|she'?s|he'?s|i)\s+(?:ever\s+)?(?:known|had|felt)\b"
    r"|\b(?:rather|sooner)\s+(?:give\s+birth|have\s+(?:a\s+)?(?:baby|babies))\b"
    r"|\b(?:hundred|thousand|million|ten)\s+times\s+worse\b|\blike\s+labou?r\s+pains?\b"
    r"|\b(?:kidney\s+stones?|toothache|abscess|child\s*birth)\b[^.!?]{0,40}?\b(?:this|it)"
    r"(?:\s+is|'s|\s+was)\s+worse\b"
)
SEVERE_PAIN = (
    rf"\b(?:agony|agonising|agonizing|excruciating|unbearable|severe|stabbing|awful|terrible"
    rf"|horrendous|horrible|dreadful|worst|crippling|screaming|crying|knife|knives"
    rf"|badly|(?:so|really|much|far)"
    rf"\s+(?:bad|worse)|so\s+much|like\s+hell|feel\s+sick|can'?t\s+(?:move|think(?!\s+(?:about|of)\b)|walk"
    # not "did them just now, 10 each leg": a count (round 31)
    rf"|stand)|(?<![/\d.,])10(?!\s*(?:/|out\s+of|outta|x\b|each|of\s+each|reps?|times|sets?"
    rf"|a\s+side|per\s+side|on\s+each|mins?|minutes|secs?|seconds)))\b|{HIGH_SCORE}"
    rf"|\b(?:[89]|10)/10\b"
    r"|\b(?:pain|hurts|agony)\s+(?:is\s+|at\s+|of\s+|about\s+|a\s+)?(?:[89]|10|nine|ten)\b"
    r"|\b(?:horrific|horrendous|torture|unreal|indescribable|immense|blinding|searing)\b"
    r"|\b(?:can'?t|cannot|couldn'?t)\s+(?:bear|cope\s+with|stand|take|handle)\s+(?:it|this"
    r"|the\s+pain|much\s+more)\b|\b(?:howl\w*|sobb\w*|in\s+tears)\b"
    r"|\b(?:scream\w*|yell\w*)\s+(?:in|with|from|out\s+in)\s+(?:the\s+)?(?:pain|agony|it)\b"
    r"|\b(?:made|make|makes)\s+(?:me|her|him)\s+(?:scream|yell|cry|shout)\b"
    r"|\b(?:i|she|he)\s+(?:screamed|yelled)\b|\bscreaming\s+(?:out|the\s+(?:house|place))\b"
    r"|\boff\s+the\s+(?:scale|charts?)\b|\bthrough\s+the\s+roof\b"
    r"|\bdoubled?\s+(?:me\s+|her\s+|him\s+)?(?:over|up)\b|\b(?:took|take)s?\s+(?:my|her|his)"
    r"\s+breath\s+away\b|\bnever\s+(?:felt|had|known)\s+(?:\w+\s+)?pain\s+like\b"
    r"|\b(?:pain|it)\s+(?:was\s+|is\s+)?so\s+(?:bad|intense|strong|sharp)\b"
    # "pain like nowt I've ever had", "hurting worse than childbirth"
    rf"|{PAIN_LIKE_NOTHING}|{WORSE_THAN_BIRTH}|{NEVER_LIKE_THIS}"
    # "proper bad", "canny bad this pet", "fierce bad", "gey sore doesnae cover it"
    r"|\b(?:proper|canny|fierce|wicked|desperate|pure)\s+(?:bad|sore|painful)\b"
    r"|\b(?<!not\s)that\s+bad\s+(?:i|she|he|it|about|aboot)\b|\bkilling\s+(?:me|her|him)\b"
    r"|\b(?:sore|painful|bad)\s+(?:doesn'?t|doesnae|does\s+not)\s+(?:cover|describe)\s+it\b"
    r"|\b(?:legs?|knees?)\s+(?:nearly|almost)\s+(?:went|gave)\b|\bhad\s+to\s+be\s+helped\b"
    # "shouting that his hip is paining him seriously"
    r"|\b(?:hurt\w*|pain\w*)\s+(?:me\s+|her\s+|him\s+)?(?:seriously|terribly|horribly|awfully)\b"
    r"|\b(?:shouting|screaming|yelling|crying\s+out)\s+(?:that|about)\s+(?:my|her|his|the)\s+"
    r"(?:hip|leg|groin)\b"
)
#: "summat's gone in me hip": something gave way inside, at a moment.
GONE_IN_HIP = (
    r"\b(?:summat|something|sommat|summit)(?:'s|\s+has|\s+is)?\s+(?:just\s+)?gone\s+in\s+"
    r"(?:me|my|her|his|the)\s+(?:hip|groin|leg)\b"
)
#: Pain that struck at a moment: a red flag with pain that is severe (``SEVERE_PAIN``).
ONSET = (
    r"\b(?:in|within)\s+(?:a\s+few\s+|a\s+couple\s+of\s+|\d+\s+)?(?:seconds?|secs?|an\s+instant"
    r"|a\s+flash|a\s+heartbeat|a\s+split\s+second)\b|\b(?:just|only\s+just|literally\s+just)"
    r"\s+(?:now|started|begun|began|come\s+on|came\s+on|happened|kicked\s+in)\b"
    r"|\b(?:started|began|came\s+on|come\s+on|kicked\s+in|hit\s+me)\s+(?:about\s+|only\s+)?"
    r"(?:\d+|a\s+few|few|ten|twenty|five|half\s+an)\s+(?:mins?|minutes?|hours?|hrs?)\s+ago\b"
    r"|\b(?:a\s+few|few|\d+|ten|twenty|five|couple\s+of|a\s+couple\s+of)\s+(?:mins?|minutes?)\s+ago\b"
    r"|\b(?:was|felt|i\s+was)\s+(?:fine|ok|okay|grand|alright)\s+(?:\w+\s+){0,2}ago\b"
    r"|\b(?:and|then)\s+(?:bang|wham|boom|whack)\b|\bout\s+of\s+the\s+blue\b"
    r"|\b(?:hit|struck|got\s+hit|was\s+hit)\s+(?:me\s+)?(?:with|like)\b"
    r"|\blike\s+(?:a|an)\s+(?:\w+\s+)?(?:lightning|bolt|thunderbolt|gunshot|shot|bullet|train|truck|lorry"
    r"|sledgehammer|hammer)\b|\bexplod\w*|\bwent\s+from\s+(?:\d|nothing|zero|fine)\b"
    r"|\bsuddenly\b|\bsudden\b|\bfrom\s+nowhere\b|\bout\s+of\s+nowhere\b"
    # "about an hour ago", "came on in a wave", "went to bed right as rain", "hip just went"
    r"|\b(?:about|aboot|around|only|just|not\s+even)\s+(?:an?|half\s+an)\s+(?:hour|hr)\s+ago\b"
    r"|\bcame\s+on\s+(?:in\s+a\s+(?:wave|rush|flash|second)|all\s+at\s+once)\b|\ball\s+at\s+once\b"
    r"|\bwent\s+to\s+bed\s+(?:fine|ok|okay|grand|alright|right\s+as\s+rain|fit\s+as)\b"
    r"|\b(?:hip|it|groin|leg)\s+(?:just\s+)?went(?=\s*(?:[,.!]|$|about|aboot|at\s+(?:dinner|tea|lunch)"
    r"|an?\s+hour|\d+\s+min|this\s+morning|when|while|as\s+i))"
    rf"|{GONE_IN_HIP}"
)
#: A sentence with no pain and no body in it ("the film was unreal, out of the blue ...").
PAINLESS = (
    r"^(?![\s\S]*\b(?:pain\w*|hurt\w*|agony|agonising|agonizing|hip|hips|groin|thigh|leg|legs"
    r"|ache\w*|aching|joint|sore|throb\w*|excruciating|unbearable|knife|knives|stabbing)\b)"
)
#: Severity words that can only mean pain.
PAIN_ITSELF = (
    rf"\b(?:agony|agonising|agonizing|excruciating|unbearable|crippling)\b|{HIGH_SCORE}"
    # "sudden. horrific. hip.": only with the body next to it, never "the news, horrific"
    r"|\bhorrific\b(?=\W{1,4}(?:\w+\W+){0,2}?(?:hip|groin|leg|thigh|pain)\b)"
    rf"|{NEVER_LIKE_THIS}"
    r"|\b(?:[89]|10)/10\b|\bnever\s+(?:felt|had|known)\s+(?:\w+\s+)?pain\s+like\b"
    rf"|\bpain\s+(?:is\s+|was\s+)?so\s+(?:bad|intense|severe)\b|{PAIN_LIKE_NOTHING}"
    r"|\b(?:can'?t|cannot)\s+(?:bear|cope\s+with|stand|take)\s+the\s+pain\b"
)
NOT_THIS_PAIN = (
    r"\b(?:twinges?|cramps?|stitch|breath\w*|headache|tooth\w*|period|stomach|tummy|migraine"
    r"|in\s+a\s+good\s+way|good\s+(?:pain|burn|ache)|eased\s+off|eas(?:ed|ing)\s+(?:up|now)"
    r"|wore\s+off|worn\s+off|subsided|settled\s+down|(?:much|loads|lots|far)\s+better|gone\s+now)\b"
)
ANY_PAIN = r"\b(?:pain|pains|hurts?|hurting|aches?|aching|sharp|twinge)\b"
NO_REASON = (
    r"\bno\s+(?:reason|injury|fall|trauma|trigger|idea why|cause)\b|\bfor no (?:\w+ )?reason\b",
    r"\b(?:didn'?t|did not|haven'?t|hadn'?t)\s+(?:do|done)\s+(?:anything|nothing)\b",
    r"\b(?:wasn'?t|not|weren'?t)\s+(?:even\s+)?(?:moving|doing anything)\b",
    r"\bjust\s+(?:sitting|standing|lying|watching|resting)\b|\bnot my usual\b",
    # "just stood at the sink", "didn't fall or anything"
    r"\bjust\s+(?:stood|sat)\s+(?:at|in|on|by|there)\b|\b(?:didn'?t|did\s+not)\s+(?:even\s+)?fall\b",
    r"\bnothing\s+(?:triggered|caused|happened|set it off)\b|\bout of nowhere\b",
    r"\bnever\s+(?:had|felt)\s+(?:pain|anything)\s+like\b",
    r"\b(?:hadn'?t|had\s+not|didn'?t|wasn'?t)\s+(?:even\s+)?(?:moved|been\s+doing|done|doing)\b",
    r"\b(?:was|were)\s+just\s+(?:sat|stood|sitting|standing|lying|watching|reading)\b",
)
