"""Figures of speech that use a red flag's words: "this weather is killing me", "I'm
drowning in marking", "breathless just looking at the rota".

Cue tables read by ``qualifiers`` (a phrase inside one is "figurative"); moved out of
``red_flag_phrases_context`` when that module outgrew its size. Pure: no ``telegram``.
"""

from __future__ import annotations

import re


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{alt})" for alt in alternatives))


IDIOMS = _rx(
    # "numb to the alarm clock", "knees went weak when the surgeon said...": feelings
    r"\bnumb\s+to\s+(?!(?:the\s+)?touch\b)(?:the|it|all|that|this|bad|news|him|her)\b",
    r"\bknees\s+(?:went|go|goes|turned)\s+(?:weak|to\s+jelly)\s+when\s+(?:\w+\s+){1,2}(?:said|saw"
    r"|smiled|told|walked\s+in)\b",
    # "my motivation's gone numb this week": a feeling, not a nerve
    r"\b(?:motivation|enthusiasm|willpower|brain|mind|heart|soul)'?s?\s+(?:\w+\s+)?(?:gone\s+|is\s+|feels\s+)?"
    r"numb\b",
    # "couldnt feel my fingers or my feet at the football, freezing": the cold
    r"\b(?:couldn'?t|can'?t|could\s+not)\s+feel\s+my\s+(?:fingers|toes|feet|hands)\b"
    r"(?=[^.!?\n]{0,60}\b(?:freezing|frozen|so\s+cold|bitter|perishing|brass\s+monkeys)\b)",
    # "nearly keeled over when I saw the price of butter": shock at news, not a faint
    r"\b(?:nearly|almost)\s+(?:keeled|fell|passed|toppled)\s+over\s+(?:when|after)\s+(?:i|we|she|he)"
    r"\s+(?:saw|heard|read|got|opened|found\s+out)\b",
    # "breathless just looking at the rota", "marking, I'm drowning": work, not lungs
    r"\bbreathless\s+(?:just\s+)?(?:looking|thinking|reading)\s+(?:at|about)\b",
    r"\bdrowning\s+in\s+(?:work|marking|paperwork|emails?|admin|washing|laundry|forms)\b"
    r"|\b(?:marking|paperwork|emails?|admin|deadlines?|rota|work|reports)\b[^.!?\n]{0,20}\b(?:i'?m|im)\s+"
    r"drowning\b",
    r"\b(?:weather|heat|rain|cold|kids|grandkids|work|job|boss|this|that|these|those|they"
    r"|step\s*ups?|squats|exercises?|bridges|stairs|hill|commute|traffic|bills?|wait|shoes)"
    r"\s+(?:\w+\s+){0,3}kill(?:ing|ed|s)\s+(?:me|him|her)\b",
    # "its my heart thats bleeding since United lost"; "feel like my hip's out of joint
    # after 5 hours in the car ... much better"
    r"\b(?:my\s+)?heart\s+(?:that'?s|thats|is)\s+(?:\w+\s+)?bleeding\b|\bbleeding\s+heart\b",
    r"\b(?:feel\w*|felt)\s+like\s+(?:my\s+)?hips?(?:'s|\s+is|s)?\s+(?:\w+\s+)?out\s+of\s+(?:joint|place)\b"
    r"(?=[^.!?\n]{0,90}\b(?:much|loads|heaps|lot|way)\s+better\b)",
    # "my clothes are hanging off me... because I bought them two sizes too big"
    r"\b(?:clothes|trousers|jeans|dress|top|shirt)\b[^\n]{0,50}\bbought\s+(?:them|it|these"
    r"|those)\s+(?:\w+\s+){0,3}too\s+big\b",
    # "burning up in this Greek sun": the weather, not a fever
    r"\bburning\s+up\s+(?:in|with|from)\s+(?:this|the)\s+(?:\w+\s+)?(?:sun|heat|weather|heatwave)\b",
    # "collapsed in the armchair after like a sack of spuds": sat down tired
    r"\bcollapsed\s+(?:in|into|onto|on)\s+(?:the|my|a)\s+(?:arm\s?)?(?:chair|sofa|settee|couch"
    r"|bed|recliner)\b",
    # "I nearly slid off the chair": a near miss, not a fall
    r"\b(?:nearly|almost|practically)\s+(?:fell|slid|slipped|toppled|tumbled|went)\s+(?:off|over"
    r"|out\s+of)\b",
    # a phone "going numb to my finger"
    r"\b(?:phone|screen|tablet|ipad|laptop|computer)\b[^.!?\n]{0,50}\bnumb\b",
    r"\bkill\s+me\s+now\b|\bkiller\b|\bthe\s+death\s+of\s+me\b|\bdeath\s+warmed\s+up\b",
    r"\bbreathless\s+(?:from|with)\s+(?:crying|laughing|laughter|giggling|excitement)\b",
    r"\b(?:died|dying|die)\s+(?:laughing|of\s+(?:laughter|embarrassment|boredom|shame)"
    r"|for\s+a)\b|\bnearly\s+(?:died|had\s+a\s+heart\s+attack|fell\s+off\s+my\s+chair)\b",
    # "fell off my chair when I saw my streak": surprise, not a fall
    r"\bfell\s+off\s+(?:my|the)\s+(?:chair|seat|sofa)\s+(?:laughing|when\s+(?:i|we)\s+(?:saw|read"
    r"|heard|got|opened))\b",
    r"\bheart\s+attack\s+when\b|\bheart\s+(?:skipped|missed)\s+a\s+beat\b",
    r"\bbreathless\s+with\b|\bcan'?t\s+breathe?\s+for\s+laughing\b",
    r"\b(?:take|took|takes|taking)\s+(?:my|your|her|his)\s+breath\s+away\b",
    r"\bburning\s+up\s+(?:in|with)\s+(?:this|the)\s+(?:heat|sun|weather)\b",
    r"\bout\s+of\s+breath\s+(?:with|from)\s+(?:laughing|excitement)\b",
    r"\b(?:cabin|hay|spring|gold|football|footy|cricket|rugby|election|cup|jungle|saturday\s+night"
    r"|christmas|festival|wimbledon|olympic|ashes|derby)\s+fever\b",
    r"\bfever\s+pitch\b|\bgiving\s+me\s+a\s+fever\b|\bfeverish\s+(?:excitement|activity|pace)",
    r"\bdead\s+(?:chuffed|cert|certain|to\s+the\s+world|tired|beat|on\s+my\s+feet|good|easy"
    r"|sea|funny|keen|right|lucky|serious|slow|quiet|end|loss|battery|phone)\b|\bhalf\s+dead",
    r"\b(?:phone|battery|line|tv|telly)\s+(?:is|was|went|died|'?s)\s+(?:\w+\s+)?dead\b",
    r"\b(?:legs?|feet)\s+(?:are|were|is|feel|felt)\s+dead\s+after\b|\bdead\s+after\s+(?:that"
    r"|the|a|my|all)\b",
    r"\b(?:brain|brains|head|mind)(?:'?s)?\s+(?:has\s+|is\s+|gone\s+|going\s+)*numb\b",
    r"\bnumb\s+(?:from|with)\s+(?:all\s+)?(?:the\s+)?(?:forms|boredom|paperwork|tv|telly"
    r"|shock|grief)\b",
    r"\bcollapse\s+(?:from|with|of)\s+(?:boredom|laughter|laughing|exhaustion)\b",
    r"\b(?:heat|weather|wait|waiting|noise|queue|boredom|traffic|cold|humidity|suspense"
    r"|rain)\s+(?:is|was|'?s)\s+(?:\w+\s+)?(?:unbearable|agony|excruciating|killing|torture)",
    r"\bunbearable\s+(?:heat|weather|noise|wait)\b",
    r"\bfell\s+off\s+the\s+wagon\b|\b(?:falling|fell|fall)\s+(?:behind|asleep)\b",
    r"\bbroke\s+(?:my|the|a|her|his)\s+(?:\w+\s+)?record\b|\bbreak\s+the\s+bank\b",
    r"\bon\s+fire\s+(?:today|this|with)\b|\bi'?m\s+on\s+fire\b|\bwound\s+up\b",
    r"\bblood\s*bath\b|\bstroke\s+of\s+(?:luck|genius)\b|\bcracked\s+it\b",
    r"\bwhat'?s\s+the\s+crack\b|\bweight\s+off\s+my\s+(?:mind|shoulders)\b",
    r"\bweight'?s?\s+(?:been\s+)?lifted\b|\bdisaster\s+waiting\b|\bchoked\s+on\b",
    r"\bpain\s+in\s+the\s+(?:neck|arse|ass|backside|bum|butt)\b",
    # "the football's giving me chest pains", "the telly remote has me paralysed", "my
    # knees practically fell off after those step ups": figures of speech
    r"\b(?:football|match|game|team|rugby|cricket|score|kids|grandkids|bills?|job|boss|news"
    r"|politics|telly|tv|referee|ref|play|hockey|leafs|goal|penalty|election|result)(?:'s?)?"
    r"\s+(?:\w+\s+){0,2}(?:giving|gives|gave)\s+"
    r"(?:me|her|him)\s+(?:chest\s+pains?|a\s+heart\s+attack|palpitations|a\s+coronary)\b",
    r"\b(?:remote|telly|tv|phone|computer|laptop|app|tablet|gadget|technology|tech|forms?"
    r"|paperwork|choice|decision|fear|nerves|indecision|crossword|puzzle|quiz|sudoku|wordle)"
    r"\s+(?:\w+\s+)?(?:has|had|got|have)\s+"
    r"(?:me|her|him)\s+(?:totally\s+|completely\s+)?paraly[sz]ed\b",
    r"\b(?:knees?|legs?|arms?|feet|bum|backside)\s+(?:\w+\s+)?(?:fell|fall|falling)\s+off\b",
    r"\b(?:wallet|purse|bank\s+account|bank\s+balance|savings|pocket)\s+(?:has\s+)?lost\s+"
    r"(?:a\s+lot\s+of\s+|some\s+)?weight\b",
    r"\bnumb\s+(?:after|from)\s+(?:watching\s+)?(?:that|the|a)\s+(?:\w+\s+){0,2}(?:film|movie|news"
    r"|programme|program|show|match|funeral|episode)\b",
    r"\b(?:wet|pee'?d|peed|pissed|weed)\s+myself\s+(?:laughing|with\s+laughter)\b",
    r"\blaugh\w*\b[^.!?\n]{0,60}\b(?:nearly|almost)\s+(?:wet|pee'?d|peed|weed)\s+(?:my|her|him)self\b",
    r"\bgasping\s+(?:for\s+)?(?:a\s+)?(?:cuppa|tea|coffee|drink|pint|brew|fag|ciggie)\b",
    r"\bsick\s+(?:of|and\s+tired)\b|\bstir\s+crazy\b|\bmurder\s+a\b|\bwas\s+murder\b",
    r"\b(?:nearly|almost)\s+(?:collapsed|fainted|died|passed\s+out)\b",
    r"\bcollaps\w*\s+(?:laughing|with\s+laughter|in\s+a\s+heap)\b|\bdrowning\s+in\b",
    r"\blaugh\w*\s+so\s+(?:hard|much)\b",
    # "feel like I've been hit by a bus", "my head's falling off", "pulled my arm out of
    # its socket": figures, not a fall or a dislocated hip
    r"\blike\s+(?:\w+\s+){0,3}(?:hit|run\s+over|knocked\s+down)\s+by\s+a\s+(?:bus|truck"
    r"|lorry|train|tractor|steamroller|tank|ton\s+of\s+bricks)\b",
    r"\b(?:head|mind|brain)(?:'?s)?\s+(?:is\s+|was\s+)?(?:falling|fell|fallen|coming)\s+off\b",
    r"\b(?:pull\w*|yank\w*|tug\w*|nearly\s+pulled)\s+(?:\w+\s+){0,2}arms?\s+(?:\w+\s+){0,2}"
    r"out\s+of\s+(?:its|their|the)\s+sockets?\b",
)
#: "X is killing me" is a figure of speech unless X is a part of the body.
KILLING = re.compile(r"\bkill(?:ing|ed|s)\s+(?:me|him|her)\b")
BODY_BEFORE = re.compile(
    r"\b(?:hips?|back|legs?|knees?|feet|foot|calf|calves|chest|head|groin|bum|neck|shoulders?"
    r"|ankles?|thighs?|bones?|joints?|pain|ache|sciatica|wound|scar|stomach|tummy)\b"
    r"(?:'s)?\s+(?:\w+\s+){0,3}$"
)
