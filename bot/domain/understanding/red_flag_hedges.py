"""Hedges about telling, not about the sign, and other words beside a red flag that are no
reason to doubt it: "not sure if I should mention it", "sorry to bother you", "should I
use ice or heat", "did them before bed". ``red_flag_review`` blanks them out before it
looks for the cues (a negator, a supposition, a time gone by) that let the model doubt a
live rule hit. Pure: no ``telegram``.
"""

from __future__ import annotations

import re

#: Hedges about telling, not about the sign: "not sure if I should mention it", "might be
#: nothing", "don't want to bother you". They are no reason to doubt what follows.
HEDGES = re.compile(
    r"\b(?:not\s+sure\s+(?:if|whether)\s+(?:i\s+should|to|it'?s\s+worth)\s+(?:mention\w*|say\w*"
    r"|tell\w*|bother\w*)(?:\s+(?:it|you|this))?|(?:might|may|could|it'?s\s+probably|probably)\s+be"
    r"\s+nothing|(?:don'?t|do\s+not)\s+want\s+to\s+(?:bother|worry|trouble)\s+(?:you|anyone)"
    r"|not\s+a\s+big\s+deal(?:\s+probably)?|probably\s+not\s+a\s+big\s+deal"
    # "I hope you don't mind me mentioning it", "sorry to bother you": politeness
    r"|hope\s+you\s+(?:don'?t|do\s+not)\s+mind\s+(?:me\s+)?(?:mention\w*|ask\w*|say\w*|writ\w*"
    r"|messag\w*)(?:\s+(?:it|this))?|sorry\s+to\s+(?:bother|trouble)\s+you"
    # "a pillow between the knees does nothing", "painkillers make no difference": a remedy
    # that fails, not a denial of the sign (round 26)
    r"|(?:does|did|do|doing)\s+(?:absolutely\s+)?nothing\b(?!\s+(?:to|for|wrong))"
    r"|(?:makes?|made)\s+no\s+(?:difference|odds)\b"
    # "resting doesn't ease it one bit": the sign itself, not a denial of it
    r"|(?:resting|rest|lying\s+still|nothing|sitting\s+up)\s+(?:\w+\s+)?(?:doesn'?t|doesnt"
    r"|does\s+not|won'?t)\s+(?:ease|help|touch)\w*|nothing\s+to\s+do\s+with\s+how\s+(?:i|she|he)\s+"
    r"(?:lie|lay|sleep|sit)"
    # "the pins and needles used to go straight away but now they stay": the change is now
    r"|used\s+to\s+(?:\w+\s+){0,4}?(?:but|and)\s+now\b"
    # "I've not done the exercises": the exercises not done, not a sign denied
    r"|(?:i'?ve|i\s+have|haven'?t|have\s+not|not|didn'?t|did\s+not)\s+(?:not\s+)?(?:done|do"
    r"|manage[d]?)\s+(?:the|my|any|today'?s)\s+(?:exercises?|routine|stretches|programme)"
    # "I've had the chills for two days": still going on, not a time gone by
    r"|(?:i'?ve|i\s+have|(?:she|he)'?s|has)\s+had(?=\s[^.!?\n]{0,60}\b(?:for|since)\s+(?:\w+\s+)?"
    r"(?:days?|weeks?|hours?|yesterday|last|this))"
    # "was going to tell you I'd done the bridges, but...": what they meant to say first
    r"|(?:i\s+)?was\s+(?:going\s+to|gonna|about\s+to)\s+(?:tell|say|message|text|report)"
    r"(?:\s+(?:you|that))?"
    # "I'm on water tablets, if that's relevant": a hedge about telling
    r"|if\s+(?:that'?s|thats|it'?s|its|this\s+is)\s+(?:at\s+all\s+)?(?:relevant|important|any\s+help"
    r"|of\s+(?:any\s+)?(?:use|interest|help)|worth\s+(?:knowing|mentioning))"
    # "it's hot and red, should I use ice or heat": what to do for it, not a doubt of it
    r"|should\s+(?:i|she|he|we)\s+(?:use|put|take|try|get)\s+(?:\w+\s+){0,3}?(?:ice|heat|a\s+cold"
    r"|a\s+hot|paracetamol|ibuprofen|painkillers?|cream|gel|a\s+bandage)"
    # "you can see a gap, should I be worried?": how much the sign matters, not a doubt of it
    r"|should\s+(?:i|we|she|he)\s+be\s+(?:\w+\s+)?(?:worried|concerned|bothered|alarmed)"
    # "No fall, no drama. Just isn't getting any better", "she didn't want me to make a fuss":
    # a cause denied, a sign not mending, a reluctance to tell; none denies the sign
    r"|no\s+(?:fall|injury|trauma|drama|accident|knock)\b|(?:isn'?t|is\s+not|not)\s+getting\s+"
    r"(?:any\s+)?better|(?:did\s*n[o']t|doesn'?t|does\s+not|don'?t)\s+want\s+(?:me\s+|us\s+)?to\s+"
    r"(?:make\s+a\s+fuss|bother|worry|trouble)"
    # "coughed up blood, that's not normal is it": asking to be told it is not normal
    r"|(?:that'?s|thats|that\s+is|it'?s|its)\s+not\s+normal,?\s+is\s+it"
    # "he says it's the duvet, could it be?": a cause doubted, not the sign
    r"|could\s+(?:it|that|this)\s+(?:just\s+)?be(?:\s+(?:the|a|an|my|his|her)\s+\w+)?(?=\s*\?)"
    # "doesn't matter if I lie left or right": any position, not a supposition
    r"|(?:doesn'?t|does\s+not|don'?t|no)\s+matter\s+(?:if|how|which|what|where)"
    # "hitch my knee up so my toes don't catch": a purpose, not a sign denied
    r"|so\s+(?:that\s+)?(?:my\s+|the\s+)?(?:toes?|foot|feet|leg)\s+(?:don'?t|doesn'?t|won'?t)"
    r"|before\s+(?:bed|breakfast|work|tea|lunch|dinner|school)"  # a time of day (round 34)
    r")\b"
)
