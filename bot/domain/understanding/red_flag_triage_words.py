"""The words that set a red flag's category and urgency once a rule has matched.

A short leg after a fall is a fracture, with a clunk or a new hip a dislocation; a nerve
deficit is an emergency when it began minutes ago or today, same-day care when it crept
on over weeks; an infection is an emergency when the patient is very unwell. Read by
``red_flags`` (``_category``, ``_urgency``). Pure: no ``telegram``.
"""

from __future__ import annotations

import re

from bot.domain.understanding.red_flag_phrases import rx

#: A short leg after a fall is a fracture; with these words, a dislocation.
FALL_WORDS = re.compile(
    r"\b(?:fell|fallen|fall|falls|tripped|slipped|tumble|landed|knocked|went\s+down)\b"
)
DISLOCATION_WORDS = re.compile(
    r"\b(?:clunk\w*|clonk\w*|pop\w*|click\w*|dislocat\w*|socket|out\s+of\s+joint|replace\w*"
    r"|new\s+hip|turned\s+in|inwards?|rotated\s+in|rolled\s+in|op|operation|surgery"
    r"|felt\s+it\s+go|bent|bending|reached|reaching|turned\s+over|out\s+of\s+(?:place|position))\b"
)
SUDDEN = rx(
    r"\b(?:sudden(?:ly)?|all\s+of\s+a\s+sudden|out\s+of\s+nowhere|just\s+now|an?\s+hour\s+ago"
    r"|hours?\s+(?:ago|now)|this\s+(?:morning|afternoon|evening)|today|tonight|since\s+"
    r"(?:yesterday|last\s+night|this|breakfast|lunch|dinner|teatime|i\s+got\s+up|she\s+got\s+up"
    r"|he\s+got\s+up)|started\s+(?:today|at|this)|at\s+(?:breakfast|lunch|dinner)"
    r"|hasn'?t\s+come\s+back|won'?t\s+wear\s+off|new\s+since|came\s+on|overnight"
    r"|(?:in|within|over)\s+the\s+(?:last|past)\s+(?:\d+|few|couple\s+of|ten|twenty|half\s+an?)?"
    r"\s*(?:mins?|minutes?|hours?|hrs?)|(?:mins?|minutes)\s+ago|woke\s+(?:up\s+)?(?:and|with|to)"
    r"|just\s+started|since\s+the\s+op(?:eration)?\s+(?:yesterday|today|this\s+morning)"
    r"|(?:foot|leg|toes)\s+(?:has\s+|is\s+|'s\s+)?gone\s+(?:floppy|limp|dead))\b",
)
#: Minutes or an hour ago: new whatever else the message says ("spreading, started an hour ago").
RECENT = rx(
    r"\b(?:just\s+now|an?\s+hour\s+ago|(?:\d+|a\s+few|few|couple\s+of)\s+(?:mins?|minutes|hours?)"
    r"\s+ago|(?:in|within)\s+the\s+(?:last|past)\s+(?:half\s+(?:an\s+)?)?hour)\b",
    # a deficit that began today: "since I woke up", "started after lunch", "this am"
    r"\bwoke\s+(?:up\s+)?from\s+(?:my|her|his|a)\s+nap\b",
    r"\b(?:since|started|began|came\s+on)\s+(?:(?:about|around|roughly|just\s+after)\s+)?"
    r"(?:(?:i|he|she)\s+woke(?:\s+up)?|waking(?:\s+up)?|(?:after|at|this)"
    r"\s+(?:lunch(?:time)?|breakfast|tea(?:time)?|dinner(?:time)?|morning|afternoon)|this\s+am"
    r"|lunch(?:time)?|breakfast)\b",
    r"\b(?:an?|half\s+an|\d+|two|three|a\s+few|few|couple\s+of)\s+(?:hours?|hrs?)\s+later\b"
    r"|\b(?:right\s+)?in\s+the\s+middle\s+of\s+(?:a|the|my|her|his)\b|\bthis\s+am\b|\bwas\s+fine\s+(?:yesterday|this\s+morning"
    r"|last\s+night|until)\b",
)
GRADUAL = rx(
    r"\b(?:gradual\w*|slowly|creeping|bit\s+by\s+bit|worse\s+and\s+worse|every\s+day"
    r"|each\s+day|day\s+by\s+day|for\s+(?:a\s+)?(?:few\s+|couple\s+of\s+)?(?:days|weeks|months)"
    r"|for\s+(?:about\s+|roughly\s+|around\s+|nearly\s+|almost\s+|over\s+|the\s+(?:last|past)\s+)?"
    r"(?:a\s+good\s+|a\s+|\d+\s+|two\s+|three\s+|several\s+)?(?:weeks?|months?|fortnight)"
    r"|(?:a\s+good\s+|a\s+)fortnight|not\s+(?:getting\s+(?:any\s+)?better|improving)"
    r"|getting\s+(?:a\s+(?:little|bit)\s+|slowly\s+|gradually\s+)worse|not\s+urgent"
    r"|slowly\s+worse|about\s+the\s+same|spreading|creeping\s+(?:up|down)"
    r"|over\s+(?:the\s+)?(?:last|past)?\s*(?:a\s+|about\s+|couple\s+of\s+|few\s+|\d+\s+)?"
    r"(?:days?|weeks?|months?|fortnight)|(?:last|past)\s+(?:few\s+|couple\s+of\s+|\d+\s+)?"
    r"(?:weeks|months|days)|since\s+(?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|the\s+new\s+year|christmas|march|last\s+week)|getting\s+(?:harder|worse)"
    r"|not\s+an\s+emergency|a\s+little\s+weight|going\s+downhill|little\s+by\s+little"
    r"|since\s+the\s+(?:start|beginning)\s+of\s+the\s+month)\b",
)
SEVERE_DEFICIT = rx(
    r"\b(?:can'?t|cannot)\s+feel\s+(?:my|her|his)\s+(?:leg|legs)\b|\bwhole\s+leg\b",
    r"\bboth\s+legs\b|\bno\s+power\b|\bcollaps\w+|\bcan'?t\s+move\b",
    r"\bcan\s+(?:barely|hardly)\s+move\b|\bwon'?t\s+do\s+what\b",
)
VERY_UNWELL = rx(
    r"\b(?:very|really|so|extremely|seriously|terribly)\s+(?:unwell|ill|poorly)\b",
    r"\bfeel(?:ing|s)?\s+(?:terrible|awful|dreadful|horrendous|like\s+death)\b",
    r"\bconfus\w+|\bdrowsy\b|\bnot\s+making\s+sense\b|\bdelirious\b|\brigou?rs\b",
    r"\bcan'?t\s+stop\s+shaking\b|\bheart\s+(?:racing|pounding)\b|\bvomit\w*|\bbeing\s+sick\b",
    r"\bcan\s+(?:barely|hardly)\s+(?:stand|think|lift|move|stay\s+awake|breathe)\b",
    r"\bpassed\s+out\b|\bfaint\w*|\bin\s+bed\s+all\s+day\b|\bbarely\s+conscious\b",
    # sepsis: a muddled, drowsy or shaking patient
    r"\bmuddled\b|\bnot\s+(?:making\s+(?:much\s+|any\s+)?sense|with\s+it|herself|himself"
    r"|themselves)\b|\btalking\s+(?:nonsense|rubbish|gibberish)\b|\bdisorientat\w*",
    r"\b(?:hard|difficult|impossible|can'?t|cannot|couldn'?t)\s+(?:to\s+)?wake\b"
    r"|\b(?:sleeping|sleepy|asleep|dozing)\s+(?:a\s+lot|all\s+(?:the\s+)?(?:time|day))\b",
    r"\bshaking\s+(?:all\s+over|uncontrollably|violently|like\s+a\s+leaf)\b|\bteeth\s+chattering\b",
    r"\bmottled\b",
    # can't keep fluids down, sick and dizzy with it
    r"\b(?:can'?t|cannot|couldn'?t)\s+keep\s+(?:anything|any\s+thing|(?:any\s+)?(?:food|water"
    r"|fluids?|drinks?))"
    r"\s+down\b|\bsick\s+(?:and|n|&)\s+dizzy\b|\bdizzy\s+(?:and|n|&)\s+sick\b",
    r"\bbeen\s+sick\b|\bproper\s+rough\b|\babsolutely\s+(?:terrible|awful|dreadful)\b"
    r"|\bforget\w*\s+what\s+day\b|\b(?:sweating|boiling|shaking)\s+(?:\w+\s+){0,2}then\s+"
    r"(?:freezing|shivering|boiling|sweating)\b",
)
