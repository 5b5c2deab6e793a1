"""Red flags typed in a few words, or mentioned in passing in a long message (tune21, tune22).

Written as mechanisms from two batches in the corpus's own style: a fall said as "gone
over", a hip that "crunched", weight that "can only" go through a leg with help, urine
dribbled "without noticing", a loo seat that "felt like it wasn't there", a new tender
spot while on hormone injections, a staple line opening, a wound that "pongs", pain gone
"from a 2 to a 10". Misspellings
and dropped g's ("soakin", "cnat") are put right first (``red_flag_words``). Read by
``red_flags``; see ``red_flag_phrases``.
"""

from __future__ import annotations

from bot.domain.understanding.red_flag_phrases import CANT, Rule, rule

RULES: tuple[Rule, ...] = (
    rule("fracture_after_fall",
         r"\b(?:gone|went)\s+(?:over|down)\s+(?:in|on|at)\s+(?:the\s+|my\s+)?(?:garden|kitchen|bathroom"
         r"|street|path|patio|drive|pavement|stairs|landing|hall|ice|shower)\b",
         needs=rf"\bcrunch\w*|\bcrack\w*|\bsnap\w*|\b{CANT}\s+(?:shift|budge|move|get\s+up)\b"
               r"|\bagony\b|\b(?:9|10)/10\b", window=80),
    rule("cannot_bear_weight", (
        rf"\b{CANT}\s+put\s+(?:no|any)\s+weight\s+(?:through|on)\b",
        r"\b(?:can|could)\s+only\s+(?:really\s+)?(?:let\s+a\s+(?:bit|little)\s+of\s+(?:my|her|his)\s+weight"
        r"\s+go|put\s+(?:any\s+)?weight)\s+(?:through|on)\s+(?:it|the\s+leg|that\s+leg)\b",
    ), unless=r"\b(?:balanc\w*|single[\s-]leg)\b"),
    rule("cauda_equina", (
        r"\b(?:dribbl\w*|leak\w*|wet\s+(?:my|her|him)sel(?:f|ves)|pee\w*|wee\w*)\s+(?:\w+\s+){0,2}"
        r"without\s+(?:noticing|knowing|realising|realizing|feeling)\b",
        r"\b(?:loo|toilet)?\s*seat\s+felt\s+like\s+it\s+wasn'?t\s+there\b",
        r"\bnumb\w*\s+(?:on|in|down|round)\s+(?:the\s+)?(?:inside|insides|inner)\s+(?:of\s+)?(?:both\s+"
        r"|my\s+|her\s+|his\s+)?(?:thighs|legs)\b",
        r"\b(?:struggling|trouble|hard|difficult)\s+(?:to\s+)?(?:start|starting)\s+(?:a\s+)?(?:wee|pee"
        r"|weeing|peeing)\b",
    )),
    rule("cancer_weight_loss",
         r"\bhormone\s+(?:injections?|jabs?|therapy|treatment|tablets)\s+for\s+(?:my|her|his|the)\s+"
         r"(?:prostate|breast)\b",
         needs=r"\bnew\b|\btender\b|\bpain\w*|\bache\w*|\bsore\b", window=120, same_sentence=False,
         history=True),
    rule("cancer_weight_loss",
         r"\b\d+(?:[.,]\d+)?\s*(?:kg|kgs|kilos?|lbs?|pounds?|stone|st)\s+down\s+(?:on|since|from)\b",
         needs=r"\bnot\s+(?:been\s+)?(?:trying|dieting)\b|\bwithout\s+(?:trying|dieting)\b"
               r"|\beating\s+(?:the\s+)?same\b|\bno\s+idea\s+why\b",
         window=120, same_sentence=False),
    rule("night_pain_sweats", r"\bno\s+way\s+of\s+lying\b"),
    rule("pe", r"\b(?:tight|tightness\s+in\s+(?:my|the)|heavy)\s+chest\b",
         needs=r"\bgasp\w*|\bbreath\w*|\bpuff\w*", window=40),
    rule("wound", (
        r"\b(?:clip|staple|stitch)\s+line\s+(?:\w+\s+)?(?:opening|open|gaping|leaking|weeping|oozing)\b",
        r"\b(?:cut|wound|scar|incision)\s+(?:has\s+)?(?:come|coming|came)\s+apart\b",
        r"\b(?:red|hot|weeping|oozing)\b[^.!?]{0,60}\bpongs?\b",
    )),
    rule("sudden_severe_pain",
         r"\bgone\s+from\s+(?:a\s+)?\d\s+to\s+(?:a\s+)?(?:9|10)\b",
         needs=r"\bminutes?\b|\bmins?\b|\bsudden\w*|\bnothing\b|\bno\s+reason\b", window=120,
         same_sentence=False),
)
