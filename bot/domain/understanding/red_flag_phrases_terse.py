"""Red flags typed in a few words, said in passing, or played down (tune21, tune22, tune26).

Written as mechanisms from two batches in the corpus's own style: a fall said as "gone
over", a hip that "crunched", weight that "can only" go through a leg with help, urine
dribbled "without noticing", a loo seat that "felt like it wasn't there", a new tender
spot while on hormone injections, a staple line opening, a wound that "pongs", pain gone
"from a 2 to a 10"; and signs told as if they were nothing (tune26): a toe caught on the
rug then a crack, a relative who "won't put any weight" on the leg, "down 10 pounds" or
weight "gone from 11st 2 to 10st 4" with no diet, a calf warmer than the other after the
op, pink in what was coughed up, a sudden cry of pain with no movement. Misspellings
and dropped g's ("soakin", "cnat") are put right first (``red_flag_words``). Read by
``red_flags``; see ``red_flag_phrases``.
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

#: After "from 3 to 9": a unit that makes the numbers something other than pain scores.
_NOT_A_SCORE = (r"(?!\s*(?:am|pm|o'?clock|mins?|minutes|hours?|hrs?|days?|weeks?|thousand|k\b"
                r"|miles?|%|percent|pounds|quid|kg|steps|reps|sets|secs?|seconds|times|laps|people))")

RULES: tuple[Rule, ...] = (
    # second-language English: "yesterday I fall on the ice", "the foot is turning to outside"
    rule("fracture_after_fall",
         r"\b(?:i|she|he|mum|mom|dad|mother|father)\s+(?:fall|slip|trip)\s+(?:on|down|in|off|from|over"
         r"|for)\b",  # Pidgin "I fall for market"
         needs=r"\bpain\w*|\bhurt\w*|\b(?:9|10)\b|\bturn(?:ing|ed|s)?\s+(?:to\s+)?(?:the\s+)?(?:outside"
               r"|inside)"
               r"|\b(?:can'?t|cannot|can\s+not)\s+(?:stand|walk|get\s+up|move)\b",
         window=150, same_sentence=False),
    rule("fracture_after_fall", (
        r"\bcame\s+down\s+(?:hard\s+|heavily\s+)?on\s+(?:my|her|his)\s+(?:bad\s+|good\s+|left\s+"
        r"|right\s+|op\s+|operated\s+)?(?:side|hip|leg|knee|bum|bottom)\b",
        r"\bcaught\s+(?:my|her|his)\s+(?:toe|foot|shoe|heel|slipper)\s+(?:on|in)\b",
    ), needs=rf"\b(?:heard|felt)\s+(?:a\s+|something\s+)?(?:crack|snap|crunch)\b|\bagony\b"
             rf"|\b(?:about\s+|like\s+)?an?\s+(?:9|10|nine|ten)\b(?!\s*(?:am|pm|o'?clock))"
             rf"|\b{CANT}\s+(?:get\s+up|move|stand|put\s+(?:any\s+)?weight)\b",
         window=120, same_sentence=False),
    rule("fracture_after_fall",
         r"\b(?:gone|went)\s+(?:over|down)\s+(?:in|on|at)\s+(?:the\s+|my\s+)?(?:garden|kitchen|bathroom"
         r"|street|path|patio|drive|pavement|stairs|landing|hall|ice|shower)\b",
         needs=rf"\bcrunch\w*|\bcrack\w*|\bsnap\w*|\b{CANT}\s+(?:shift|budge|move|get\s+up)\b"
               r"|\bagony\b|\b(?:9|10)/10\b", window=80),
    rule("cannot_bear_weight", (
        rf"\b{CANT}\s+put\s+(?:no|any)\s+weight\s+(?:through|on)\b",
        r"\b(?:can|could)\s+only\s+(?:really\s+)?(?:let\s+a\s+(?:bit|little)\s+of\s+(?:my|her|his)\s+weight"
        r"\s+go|put\s+(?:any\s+)?weight)\s+(?:through|on)\s+(?:it|the\s+leg|that\s+leg)\b",
        r"\b(?:won'?t|wont|will\s+not|refus\w*\s+to)\s+put\s+(?:any\s+)?weight\s+(?:on|through)\s+"
        r"(?:it|(?:my|her|his|the|that)\s+(?:\w+\s+)?leg)\b",
        r"\bnot\s+(?:be\s+|being\s+)?able\s+to\s+stand\s+on\s+(?:my|her|his|the|that)\s+(?:\w+\s+)?leg"
        r"\s+at\s+all\b",
        rf"\b{CANT}\s+put\s+(?:it|(?:my|her|his|the)\s+(?:\w+\s+)?(?:leg|foot))\s+(?:down|to\s+the"
        r"\s+(?:floor|ground))\s+(?:to\s+walk|at\s+all|without)\b",
    ), unless=r"\b(?:balanc\w*|single[\s-]leg)\b"),
    rule("fracture_after_fall", r"\bafter\s+(?:tripping|slipping|stumbling)\b",
         needs=r"\bfractur\w*|\bbroken\b|\brolled\s+(?:right\s+)?out\b|\b(?:can'?t|cannot|can\s+not)\s+"
               r"get\s+up\b", window=120, same_sentence=False),
    rule("cannot_bear_weight",
         r"\b(?:only|just)\s+(?:toe[\s-]?touch\w*|touching\s+(?:my|her|his|the)\s+toes?\s+down)\b"
         r"|\bless\s+(?:and|n|&)\s+less\s+weight\s+(?:on|through)\b"),
    rule("cauda_equina", (
        rf"\b{CANT}\s+feel\s+(?:myself|herself|himself|anything)\s+(?:on\s+the\s+(?:loo|toilet)"
        r"|when\s+(?:i|she|he)\s+wipe|down\s+there)\b",
        r"\b(?:dribbl\w*|leak\w*|wet\s+(?:my|her|him)sel(?:f|ves)|pee\w*|wee\w*)\s+(?:\w+\s+){0,2}"
        r"without\s+(?:noticing|knowing|realising|realizing|feeling)\b",
        r"\b(?:loo|toilet)?\s*seat\s+felt\s+like\s+it\s+wasn'?t\s+there\b",
        r"\bnumb(?!er)\w*\s+(?:on|in|down|round)\s+(?:the\s+)?(?:inside|insides|inner)\s+(?:of\s+)?(?:both\s+"
        r"|my\s+|her\s+|his\s+)?(?:thighs|legs)\b",
        r"\b(?:struggling|trouble|hard|difficult)\s+(?:to\s+)?(?:start|starting)\s+(?:a\s+)?(?:wee|pee"
        r"|weeing|peeing)\b",
    )),
    rule("cancer_weight_loss",
         r"\bhormone\s+(?:injections?|jabs?|therapy|treatment|tablets)\s+for\s+(?:my|her|his|the)\s+"
         r"(?:prostate|breast)\b",
         needs=r"\bnew\b|\btender\b|\bpain\w*|\bache\w*|\bsore\b", window=120, same_sentence=False,
         history=True),
    rule("neuro_deficit",
         r"\bnow\s+(?:the\s+|my\s+|her\s+|his\s+)?whole\s+(?:\w+\s+){0,4}(?:is|are)\s+(?:\w+\s+)?numb\b"),
    rule("cancer_weight_loss",
         r"\blump\s+(?:taken\s+)?(?:out\s+of|off|removed\s+from|from)\s+(?:my|her|his)\s+(?:breast|lung"
         r"|bowel|prostate|chest)\b",
         needs=r"\b(?:now|new|different)\b", window=200, same_sentence=False, history=True),
    rule("cancer_weight_loss", (
        rf"\b\d+(?:[.,]\d+)?\s*{WEIGHT_UNIT}\s+down\s+(?:on|since|from)\b",
        rf"\bdown\s+(?:by\s+)?\d+(?:[.,]\d+)?\s*{WEIGHT_UNIT}\b",
        rf"\bweight(?:'s|\s+has|\s+is)?\s+(?:gone|dropped|fallen|come)\s+(?:down\s+)?from\s+\d+"
        rf"\s*{WEIGHT_UNIT}?",
    ), needs=NO_DIET, window=120, same_sentence=False),
    rule("night_pain_sweats", r"\bno\s+way\s+of\s+lying\b"),
    # "wide awake at 3 ... back, side, front, nothing helps"; "woke me at 2 ... tried my back,
    # both sides, nothing shifts it" (round 34)
    rule("night_pain_sweats", r"\b(?:back|sides?|front)\b[^.!?]{0,60}\bnothing\s+(?:\w+\s+)?"
                              r"(?:helps|shifts\s+it|works|eases\s+it|touches\s+it)\b",
         needs=r"\b[1-5]\s*am\b|\bwoke\b|\bwak(?:e|es|ing)\b|\bnights?\b|\bawake\b", window=120,
         same_sentence=False),
    rule("night_pain_sweats",
         r"\btried\s+(?:lying\s+on\s+)?(?:my\s+)?(?:back|side|front)\b[^.!?]{0,40}\bnothing\s+helps\b",
         needs=r"\bwoke\b|\bwak\w*|\bnight\b", window=120, same_sentence=False),
    rule("dvt", r"\bcalf\b[^.!?]{0,80}\b(?:warmer|hotter|fatter|bigger)\s+than\s+the\s+other\b",
         needs=OPERATION, window=150, same_sentence=False),
    rule("pe", (
        r"\b(?:sharp|stabbing|catching)\s+pain\s+(?:on|when|while|as\s+i)\s+(?:breathing|breathe|breath)"
        r"(?:\s+in)?\b",
        r"\b(?:puffing|panting|out\s+of\s+breath|breathless|short\s+of\s+breath)\s+(?:like\s+an?\s+"
        r"(?:\w+\s+){1,2})?(?:even\s+)?(?:while|when|just)\s+(?:sat|sitting|lying|resting)\b",
    ), needs=r"\bchest\b|\bbreath\w*|\bpuff\w*", window=120, same_sentence=False),
    # one calf "warmer than the other one", told a sentence after the calf
    rule("dvt",
         r"\b(?:warmer|hotter|bigger|fatter)\s+than\s+the\s+other(?:\s+(?:one|leg|calf|side))?\b",
         needs=r"\bcalf\b|\bcalves\b", window=100, same_sentence=False,
         # "sheet says to watch for a hot calf, what counts as hot? just warmer than...?"
         unless=r"\bwhat\s+counts\s+as\b|\bsays?\s+(?:to\s+)?watch\s+(?:out\s+)?for\b"),
    rule("pe", r"\b(?:sharp|stabbing|catching)\s+pain\s+(?:\w+\s+){0,6}?(?:every\s+time|whenever)"
               r"\s+(?:i|she|he)\s+breathe\b"),
    rule("pe", rf"\b{CANT}\s+(?:finish|get\s+(?:to\s+the\s+end\s+of|through))\s+a\s+sentence\b"),
    rule("sudden_severe_pain", r"\bsudden\w*\b",
         needs=r"\bworst\s+ever\b|\bworst\s+pain\b", window=40, same_sentence=False),
    rule("sudden_severe_pain",
         r"\b(?:pain|agony)\s+(?:just\s+)?shot\s+(?:right\s+)?(?:through|into|down|up)\b",
         needs=TOP_PAIN, window=100, same_sentence=False),
    rule("pe", r"\b(?:elephant|weight|ton\s+of\s+bricks)\s+(?:sat|sitting|standing|pressing)\s+"
               r"on\s+(?:my|me|her|his)\s+chest\b"),
    rule("cauda_equina", r"\bnumb(?!er)\w*\s+(?:patch\s+|bit\s+|area\s+)?(?:where"
                         r"|in\s+the\s+area)\s+(?:my|her)\s+(?:knickers|pants|underwear|undies)\s+(?:sit|go|are|would\s+be)\b"),
    rule("pe", r"\b(?:pink|red|blood)\s+in\s+what\s+(?:i|she|he)\s+(?:cough|coughed|brought)\b"),
    rule("pe", r"\b(?:tight|tightness\s+in\s+(?:my|the)|heavy)\s+chest\b",
         needs=r"\bgasp\w*|\bbreath\w*|\bpuff\w*", window=40),
    rule("wound",
         r"\b(?:red|redness)\b[^.!?]{0,30}\b(?:scar|wound|cut|incision)\b[^.!?]{0,20}\bspread\w*"),
    # "not able to keep my leg on floor", "the moment I put weight the hip is paining like
    # anything"
    rule("cannot_bear_weight", (
        rf"\b{CANT}\s+(?:keep|put|place|rest)\s+(?:my|her|his|the)\s+(?:\w+\s+)?(?:leg|foot)\s+"
        r"(?:on|to)\s+(?:the\s+)?(?:floor|ground)\b",
        r"\b(?:the\s+moment|as\s+soon\s+as|whenever|every\s+time)\s+(?:i|she|he)\s+(?:put|place|take)"
        r"\s+(?:any\s+)?weight\b",
    ), needs=r"\blike\s+anything\b|\bagony\b|\bscream\w*|\bunbearable\b|\bexcruciating\b"
             r"|\bfloor\b|\bground\b", window=100, same_sentence=False),
    rule("cannot_bear_weight",
         r"\bonly\s+(?:a\s+)?(?:tiny|little|small|wee)\s+(?:bit\s+)?(?:of\s+)?weight\s+(?:through|on)\b"),
    # "the hip won't let him lie down any way at all", five nights running
    rule("night_pain_sweats",
         r"\b(?:won'?t|wont|will\s+not|doesn'?t)\s+let\s+(?:me|him|her)\s+(?:lie|lay|sleep|settle)\b",
         needs=r"\bnights?\b|\bany\s+way\b|\bat\s+all\b", window=80, same_sentence=False),
    rule("wound", (
        r"\b(?:clip|staple|stitch)\s+line\s+(?:\w+\s+)?(?:opening|open|gaping|leaking|weeping|oozing)\b",
        r"\b(?:cut|wound|scar|incision)\s+(?:has\s+)?(?:come|coming|came)\s+apart\b",
        r"\b(?:red|hot|weeping|oozing)\b[^.!?]{0,60}\bpongs?\b",
    )),
    rule("sudden_severe_pain",
         r"\bsudden\w*\s+(?:cried|screamed|yelled|shouted|howled)\s+out\s+(?:with|in)\s+(?:the\s+)?pain\b",
         needs=r"\bhadn'?t\s+(?:moved|done)\b|\bnothing\b|\bno\s+(?:reason|fall|knock|trip|injury"
               r"|twist)\b|\bwhile\s+(?:watching|sitting|lying|asleep)\b|\bjust\s+(?:reading|sitting"
               r"|watching|lying)\b", window=120, same_sentence=False),
    # a pain told by an image: "like lightning through the hip", "crushed in a vice", "worse
    # than having my three"
    rule("sudden_severe_pain", (
        r"\b(?:came|come|comes|started|arrived?|began)\s+(?:on\s+)?(?:\w+\s+){0,3}(?:out\s+of\s+nowhere"
        r"|suddenly|sudden|all\s+of\s+a\s+sudden|from\s+nowhere)\b",
        r"\b(?:then|and)\s+(?:bam|bang|wham|boom)\b",
    ), needs=r"\blike\s+(?:lightning|a\s+(?:bolt|knife|vice|hot\s+poker))|\bin\s+a\s+vice\b"
             r"|\bcrush\w*|\bworse\s+than\s+(?:child\s*birth|labou?r|having\s+(?:my|a|the)\s+\w+)"
             r"|\bworst\s+ever\b|\b(?:very|really|so)\s+bad\b", window=120, same_sentence=False),
    rule("sudden_severe_pain", (
        r"\b(?:came|come|comes|started|arrived?|began)\s+(?:on\s+)?(?:\w+\s+){0,2}(?:out\s+of\s+nowhere"
        r"|suddenly|all\s+of\s+a\s+sudden|in\s+one\s+moment|from\s+nowhere|from\s+nothing)\b",
        r"\barrive\s+in\s+one\s+moment\b",
    ), needs=TOP_PAIN, window=120, same_sentence=False),
    rule("sudden_severe_pain", (
        r"\bpain\s+hit\s+(?:my|her|his|the)\s+(?:hip|groin|leg)\b",
        r"\bpain\s+like\s+a\s+knife\s+went\s+(?:into|through)\b",
    ), needs=r"\bso\s+hard\b|\bnearly\s+(?:passed\s+out|fainted)\b|\bagony\b|\bworst\b"
             r"|\bscream\w*", window=120, same_sentence=False),
    rule("sudden_severe_pain", (
         rf"\b(?:gone|went|go|goes|rose|climbed)\s+(?:up\s+)?from\s+(?:a\s+)?\d\s+to\s+(?:a\s+)?(?:9|10)\b"
         rf"{_NOT_A_SCORE}",
         # "from a 3 to a 9 in about ten minutes", the verb left out (round 29)
         rf"(?:^|[.!?,]\s*)from\s+(?:a\s+)?[0-5]\s+to\s+(?:a\s+)?(?:9|10)\b{_NOT_A_SCORE}"),
         needs=r"\bminutes?\b|\bmins?\b|\bsudden\w*|\bnothing\b|\bno\s+reason\b|\bseconds?\b"
               r"|\bmoment\b|\binstant\w*|\bno\s+(?:fall|knock|twist)\b", window=120,
         same_sentence=False),
    # "shot from a 3 to a 9 while I was sat reading": the verb says it was sudden
    rule("sudden_severe_pain", r"\b(?:shot|jumped|leapt|leaped|rocketed|spiked|flew)\s+(?:up\s+)?"
         rf"from\s+(?:a\s+)?[0-5]\s+to\s+(?:a\s+)?(?:9|10)\b{_NOT_A_SCORE}"),
    # round 27, in a few words: "chest stabs wen i breathe in", "cut opened at the bottom
    # end", "up at 3 with it every night"
    rule("pe", r"\bchest\s+(?:stabs?|stabbing|stabbed|catches|catching|knifes)\s+(?:\w+\s+)?"
               r"(?:when|whenever)\s+(?:i|she|he)\s+(?:breath\w*|take\s+a\s+breath)\b"),
    rule("wound", r"\b(?:cut|scar|incision)\s+(?:has\s+|'s\s+)?(?:opened|come\s+open|split|gaping)"
                  r"\s+(?:up\s+)?(?:at|along|in|near)\s+the\b"),
    # round 28: "why cant I lift my toes on the left?", "no idea if I need the toilet",
    # "had 2 accidents, couldnt stop it", "mine is oozing" (the scar of the two ops)
    rule("neuro_deficit", rf"\bwhy\s+(?:{CANT}|won'?t)\s+(?:i|she|he)\s+lift\s+(?:my|her|his|the)"
                          r"\s+(?:toes|foot|front\s+of\s+(?:my|her|his|the)\s+foot)\b"),
    rule("cauda_equina", (
        r"\b(?:no\s+idea|can'?t\s+tell|don'?t\s+know)\s+(?:if|when|whether)\s+(?:i|she|he)\s+"
        r"(?:need|needs)\s+(?:the\s+)?(?:toilet|loo|a\s+wee|to\s+(?:go|wee|pee))\b",
        r"\binsides?\s+of\s+(?:my|her|his)\s+thighs\s+(?:feel|feels|are|is)\s+(?:like\s+(?:cardboard"
        r"|wood|rubber)|numb|dead|wooden)\b",
        r"\b(?:had|having)\s+(?:another|an)\s+accident,?\s+(?:with\s+)?(?:my\s+|her\s+|his\s+|the\s+)?"
        r"(?:bowels?|bladder|waterworks)\b",
        r"\b(?:had|having)\s+(?:\d+|an?|two|three|a\s+couple\s+of|a\s+few)\s+accidents?\b"
        r"(?=[^.!?]{0,40}\b(?:couldn'?t|could\s+not|can'?t)\s+(?:stop|hold|help)\s+it\b)",
    )),
    rule("wound", r"\bmine\s+(?:is|'s|has)\s+(?:\w+\s+){0,3}?(?:oozing|weeping|leaking|split"
                  r"|gaping|opened)\b",
         needs=r"\b(?:op|ops|operation|scar|wound|incision|hip|stitches)\b", window=100,
         same_sentence=False),
    # "cant sleep for the pain ... sat up in the chair at 3am again" (round 29)
    rule("night_pain_sweats", rf"\b{CANT}\s+sleep\s+(?:for|because\s+of|with)\s+(?:the\s+)?pain\b",
         needs=r"\b(?:[1-5]\s*am|again|every\s+night|all\s+night|night\s+after\s+night"
               r"|each\s+night)\b", window=150, same_sentence=False),
    rule("night_pain_sweats", r"\b(?:up|awake)\s+at\s+(?:[1-5]|one|two|three|four|five)\s+"
                              r"(?:am\s+)?with\s+(?:it|the\s+(?:hip|pain))\s+every\s+night\b"),
    # round 31: "cant feel to wipe", "POPPED OUT I think!!! new hip", "3am again. hip.
    # every position. soaked"
    rule("cauda_equina", (
        rf"\b{CANT}\s+feel\s+(?:to\s+|myself\s+|it\s+when\s+i\s+)?wip(?:e|ing)\b",
        # "the undercarriage feels like it belongs to some other chap"
        r"\b(?:undercarriage|down\s+below|nether\s+regions|privates|saddle\s+area|bum|backside)"
        r"\s+(?:feels?|felt)\s+like\s+(?:it\s+)?belongs?\s+to\s+(?:some(?:one|body)\s+else"
        r"|some\s+other|another)\b",
    )),
    rule("dislocation", r"\bpopped\s+out\b(?!\s+(?:to|for|at|with|in|on|and|the|this|earlier"
                        r"|quickly|after|before|of\s+(?:the|a)|again\s+to))",
         needs=r"\bnew\s+hip\b|\b(?:hip\s+)?replacement\b", window=40, same_sentence=False),
    rule("night_pain_sweats", r"\b(?:soaked|drenched|sopping)\b(?!\s+(?:to|by|in|from|through|with"
                              r"|on|the|my|her|his|it|them|walking|coming))",
         needs=r"\b(?:[1-5]\s*am|[1-5]\s+in\s+the\s+morning)\b", window=60, same_sentence=False,
         unless=r"\b(?:rain\w*|shower\w*|bath\w*|puddles?|wash\w*|downpour|storm|weather"
                r"|dog|swim\w*|pool|drizzle)\b"),
    # round 32: "toes on the bad side keep catching the carpet", "Now its suddenly 10",
    # "had my bowels go twice today without any warning", the calf "gone fat"
    rule("neuro_deficit", r"\b(?:toes|foot)\s+(?:on\s+(?:the|my|her|his)\s+(?:\w+\s+)?"
                          r"(?:side|leg)\s+)?(?:keeps?|kept)\s+(?:catching|snagging|scuffing|dragging|clipping)\b"),
    rule("sudden_severe_pain",
         r"\b(?:it'?s|its|pain'?s|pain\s+is|now)\s+(?:\w+\s+)?suddenly\s+(?:gone\s+|shot\s+|jumped\s+)?"
         r"(?:up\s+)?(?:to\s+)?(?:a\s+)?(?:9|10|nine|ten)\b(?!\s*(?:x\b|each|reps?|times|sets?|mins?))"),
    rule("cauda_equina", r"\bbowels?\s+(?:\w+\s+){0,2}?(?:go|went|gone|open(?:ed)?|move[ds]?)\s+"
                         r"(?:\w+\s+){0,4}?without\s+(?:any\s+)?(?:warning|knowing|noticing|feeling"
                         r"|me\s+(?:knowing|noticing|feeling))\b"),
    rule("dvt", (
        r"\b(?:it'?s|its|it\s+has)\s+(?:gone|come\s+up|swelled\s+up)\s+"
        r"(?:all\s+|really\s+)?(?:fat|puffy|swollen|fatter|bigger|tight\s+and\s+(?:fat|shiny))\b",
        # round 33: "it's now swollen and shiny"
        r"\b(?:it'?s|its|it\s+is)\s+(?:now\s+)?(?:all\s+|really\s+)?(?:swollen|puffy|tight|fat)\s+"
        r"(?:and|n|&)\s+shiny\b",
    ), needs=r"\bcalf\b", window=80, same_sentence=False),
    # "leg is not want to hold the weight ... it give way, I use the wall" (second-language
    # English, round 33)
    rule("cannot_bear_weight", r"\b(?:leg|hip)\s+(?:is\s+|does\s+)?not\s+want\s+(?:to\s+)?(?:hold"
                               r"|take|carry)\s+(?:the\s+|my\s+|any\s+)?weight\b",
         needs=r"\bgi(?:ve|ves|ving)\s+way\b|\bgave\s+way\b|\bwall\b|\bfall\w*|\bfell\b",
         window=120, same_sentence=False),
    # round 33: "bladder wont go, tried all morning"; "couldn't feel the water on my bum"
    rule("cauda_equina", r"\bbladder\s+(?:just\s+)?(?:wont|won'?t|will\s+not|doesn'?t|does\s+not"
                         r"|isn'?t|can'?t)\s+(?:go|work|empty|start|going|working|emptying)\b"
                         r"(?!\s+(?:through|all\s+night|the\s+(?:whole\s+)?night|till|until|more\s+than"
                         r"|long|as\s+long|for\s+long))"),
    rule("cauda_equina", rf"\b{CANT}\s+feel\s+(?:the\s+)?(?:water|towel|shower|loo\s+roll"
                         r"|toilet\s+paper|seat|flannel|sponge)\b",
         needs=r"\b(?:bum|bottom|backside|between\s+(?:my|her|his)\s+legs|privates|down\s+there"
               r"|saddle|undercarriage|nether)\b", window=80, same_sentence=False),
)
