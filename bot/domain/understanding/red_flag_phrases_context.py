"""When a phrase is meant: past or now, or supposed (figures of speech are in
``red_flag_phrases_figurative``).

Cue tables read by ``qualifiers`` for any phrase, red flag or not ("I used to have
numbness", "what if I fall"); kept beside the red-flag phrase modules they were written
with. Pure: no ``telegram``.
"""

from __future__ import annotations

import re

# When a phrase is over: a table of its own, read here as ``when.RESOLVED`` too
from bot.domain.understanding.red_flag_phrases_resolved import RESOLVED as RESOLVED


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{alt})" for alt in alternatives))


SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)|\n")
#: Hypothetical cues that reach forward to the end of their sentence.
FORWARD = _rx(
    r"\b(?:god|heaven)\s+forbid\b|\bwhat\s+happens\s+(?:when|if)\b|\bsuppos(?:e|ing)\b",
    r"\bhypothetical(?:ly)?\b|\btheoretically\b|\bfor\s+argument'?s\s+sake\b",
    r"\bwould\s+(?:i|you|we|one)\s+(?:even\s+)?(?:know|notice|tell|realise|realize|feel)\b",
    r"\bwhen\s+would\b|\bwould\s+it\s+be\b|\bin\s+the\s+event\b|\bleaflet\b",
    r"\bwarning\s+signs?\b|\bwhat\s+are\s+the\s+(?:\w+\s+)?(?:signs|symptoms)\b",
    # "the discharge sheet says watch for numbness": an instruction, not a sign
    r"\b(?:sheet|leaflet|letter|booklet|nurse|physio|surgeon|doctor)\s+says?\s+(?:to\s+)?(?:watch"
    r"|look)\s+(?:out\s+)?for\b|\b(?:sheet|leaflet|booklet)\s+says\s+['\"]",
    r"\bhow\s+long\s+after\s+(?:surgery|the\s+op|an?\s+op|a\s+hip\s+replacement|the\s+operation)"
    r"\s+(?:can|could|does|do|is|will)\b",
    # "what do they mean by 'foot slapping'?": a word asked about, not a sign told
    r"\bwhat\s+(?:do|does|did)\s+(?:\w+\s+){1,2}mean\s+by\b|\bwhat\s+is\s+meant\s+by\b",
    r"\bwhen\s+(?:should|do|would|must)\s+i\s+(?:worry|be\s+worried|call|ring|phone|seek|go)\b",
    r"\bhow\s+(?:would|do|can|could|will)\s+(?:i|you|u|one|we)\s+(?:even\s+)?(?:know|tell"
    r"|spot|recogni[sz]e)\b|\bdifference\s+between\b",
    r"\bany\s+chance\b|\bis\s+there\s+a\s+chance\b",
    r"\bwhat'?s\s+the\s+rule\b|\brule\s+about\b|\bwhat\s+if\b",
    r"\b(?:is\s+it|it'?s)\s+(?:possible|likely|common)\s+(?:to|that|for)\b|\bhow\s+likely\b",
    r"\b(?:is|are)\s+(?:\w+\s+){1,3}(?:likely|liable)\s+to\s+(?:make|cause|give|bring\s+on)\b",
    r"\bin\s+future\b|\bif\s+ever\b|\bwhat\s+(?:should|do)\s+i\s+do\s+(?:if|when)\b",
    r"\bis\s+it\s+(?:dangerous|safe|ok|okay|bad|wise|alright|advisable|sensible|risky)\s+to\b",
    r"\bis\s+it\s+(?:normal|common|usual|expected)\s+to\s+get\b",
    # hearsay: "an article saying sepsis kills...", "a post going round says night pain means
    # cancer"; the bot's own question: "why do you keep asking if I've had a fall?"
    r"\b(?:article|paper|news|facebook|post|programme|program|documentary|telly|tv|radio"
    r"|website|google|magazine)\s+(?:(?!(?:she|he|they|i|we)\b)\w+\s+){0,3}?(?:saying|says|said"
    r"|claims?|claiming)\b",  # not "told her about the programme, she said keep it up"
    r"\byou\s+(?:keep|kept|always)\s+ask\w*\s+(?:me\s+)?(?:if|whether|about)\b",
    # a screening question reported: "hubby asked if I've had any chest pain", "Mum keeps
    # asking if she'll get a swollen calf"
    r"\bask\w*\s+(?:me\s+)?(?:if|whether)\s+(?:i'?ve|ive|i\s+have|i\s+had)\s+(?:had|got|noticed)\s+any\b",
    r"\bask\w*\s+(?:me\s+)?(?:if|whether)\s+(?:she|he|i|they|we)(?:'ll|\s+will|\s+would|'d|\s+might"
    r"|\s+could)\b",
    # "Like chest pain or something?": an example, asked
    # (the cue starts after the stop, in the sentence it reaches: "...get help? Like chest
    # pain or something?")
    r"(?:^|(?<=[.!?\n]))\s*(?:like|such\s+as)\s+(?=[^.!?\n]{1,40}?\s+or\s+(?:something|anything)\b"
    r"[^.!\n]*\?)",
    # "googled hip pain and now I'm convinced it's bone cancer": a fear, not a finding
    r"\b(?:i'?m|im|i\s+am)\s+(?:now\s+)?convinced\s+(?:it'?s|its|i'?ve\s+got|i\s+have|i\s+got)\b",
    # "scared of getting a clot on the plane": a fear of what may come
    r"\b(?:scared|afraid|frightened|terrified|worried|nervous|anxious|paranoid)\s+(?:of|about)\s+"
    r"(?:getting|developing|catching|ending\s+up\s+with)\b",
)
#: "could it be a clot", "can the exercises cause...": they reach to the end of their
#: segment only ("she thinks it might be a clot, it's hot and swollen").
MODAL = re.compile(
    r"\b(?:can|could|would|will|might|may|do|does)\s+(?:(?:the|these|this|that|it|they|you|u"
    r"|i|people|exercises?|my|a)\s+)*(?:\w+\s+)?(?:ever\s+)?(?:get|give|cause|make|lead\s+to"
    r"|be\s+a|happen|dislocate|bring\s+on|trigger)\b"
    r"|\b(?:can|could|might|may|would|will)\s+(?:\w+\s+){1,3}(?:cause|lead\s+to|trigger"
    r"|bring\s+on)\b"
)
#: A time that dates what is asked about as already happening: "should I worry if my leg
#: went numb? 2 hours now", "is it normal ...? started yesterday", "only since yesterday".
DATED = _rx(
    r"\b(?:only\s+)?since\s+(?:yesterday|last\s+night|this\s+(?:morning|afternoon|evening)"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|lunch(?:time)?|breakfast|tea(?:time)?)\b",
    r"\b(?:happened|started|began|came\s+on)\s+(?:this\s+(?:morning|afternoon|evening)|today|last\s+week"
    r"|yesterday|last\s+night|an?\s+hour\s+ago|\d+\s*(?:min(?:ute)?s?|hours?|hrs?)\s+ago)\b",
    r"\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?)\s+(?:ago|now)\b|\ban?\s+hour\s+ago\b",
    # "is it normal to get a sudden 10/10 pain? I was just sat watching telly": it happened
    r"\bi\s+was\s+just\s+(?:sat|sitting|lying|watching|reading|standing|walking)\b",
    # "...with no fall or anything?? cant think straight its that bad" (round 31)
    r"\b(?:can'?t|cannot)\s+think\s+straight\b|\b(?:it'?s|its)\s+that\s+bad\b",
    # "it opened up when I sneezed", "been creeping on over the last fortnight", "husband
    # noticed it today": the sign asked about is already there
    r"\bit\s+(?:opened|split|burst|started|came\s+on|began|went)\s+(?:up\s+|open\s+)?(?:when|after"
    r"|while)\b|\bbeen\s+(?:creeping|coming|building)\s+on\b|\bnoticed\s+(?:it\s+)?(?:today"
    r"|this\s+morning|yesterday|last\s+night)\b|\bit\s+was\s+fine\s+(?:yesterday|last\s+week)\b",
    # "...if u lose feeling down there? asking for me not a friend": it is the writer's
    # (not "asking for me and the wife lol": a couple's question, round 32)
    r"\basking\s+for\s+(?:me|myself)\b(?!\s+and\b)|\bnot\s+(?:asking\s+)?for\s+a\s+friend\b",
    # "haven't managed to get up since": since then, up to now
    r"\b(?:haven'?t|hasn'?t|not)\s+(?:managed|been\s+able)\s+to\s+\w+(?:\s+\w+)?\s+since\b"
    r"(?=\s*(?:[,.!?\n]|$))",
)
#: Cues that suppose only in a question or a plan ("if my wound leaks, who do I call?";
#: not "if I try to stand, my leg gives way" or "the wound shows signs of infection").
GATED = _rx(
    # "if I'm honest", "if anything": a way of speaking, no supposition
    r"\bif\b(?!\s+(?:so\b|not\b|anything\b|(?:i'?m|im|i\s+am)\s+(?:being\s+)?honest\b"
    r"|you\s+ask\s+me\b|(?:that'?s|thats|it'?s|its|this\s+is|that\s+is|it\s+is)\s+"
    r"(?:normal|ok|okay|right|serious|bad|related|the\s+hip|my\s+hip|something|connected)))",
    # "I should (probably) say I had bowel cancer": a hedge about telling, no supposition
    r"\bin\s+case\b|(?<!should\s)(?<!must\s)(?<!to\s)(?<!probably\s)\bsay\s+(?:i|my|it|the)\b"
    r"|\b(?:signs?|symptoms?)\s+of\b",
    r"\bchances?\s+(?:of|that)\b|\brisks?\s+of\b|(?<!i\s)\bmention(?:ed|s)\b",
    r"\bwarned\s+(?:me\s+)?about\b|\btold\s+me\s+about\b",
    r"\b(?:scared|afraid|frightened|terrified)\s+(?:of|that)\b",
)
#: "if" that means "whether" ("not sure if it's numb") or "even if": not hypothetical.
WHETHER = re.compile(
    r"\b(?:sure|know|tell|wonder\w*|check|see|ask\w*|unsure|idea|question|as|even"
    r"|only|like|dunno|matter)\s+$"
)
#: "Can I still do the bridges if my wound's started leaking?": the condition is the present
#: one (not "... if my calf swells?").
CONTINUING = re.compile(
    r"\b(?:still\s+(?:do|doing|go|going|try|trying)|carry\s+on|keep\s+(?:on|going|doing)|continue)\b"
    r"[^.!?\n]*"
    r"\bif\s+(?:my|the|her|his|i)\s+(?:\w+\s+){0,4}?(?:(?:\w+'s|is|are|'s|has|have|'ve|keep)\s+"
    r"(?:started|been|got|getting|leaking|weeping|oozing|hot|red|swollen|gone|sore|puffy"
    r"|numb)|started|began|(?:can'?t|cannot)\s+(?:put|stand|feel|walk|lift|bear))\b"
    # "should I do my exercises if I'm gasping for breath?", "is it ok to walk if I've wet
    # myself twice today?": the state now, in the present, not a supposition
    # "how do I do the walking one if I can't bear weight anymore?", "is it ok to shower if my
    # wound is still oozing?": the state now, told with "still", "anymore" or "has gone"
    r"|\b(?:how\s+(?:do|can|should)\s+(?:i|she|he|we)\s+(?:do|manage|try)|how\s+long\s+(?:should"
    r"|do|must)\s+(?:i|she|he)\s+(?:rest|wait|stop)|(?:is\s+it|it'?s)\s+(?:ok|okay|safe|alright|fine)"
    r"\s+to\s+\w+)\b[^.!?\n]*\b(?:if|when)\s+(?:my|the|her|his|i|she|he)\s+(?:(?:\w+\s+){0,3}?(?:(?:is"
    r"|are|'s)\s+still|still|(?:has|have|'s)\s+gone)\b|(?=[^.!?\n]*\b(?:any\s*more|now|still"
    r"|all\s+the\s+time|these\s+days)\b))"
    r"|\b(?:(?:should|can|could|may)\s+(?:i|she|he|we)\s+(?:still\s+)?(?:do|go|try|walk|exercise"
    r"|carry\s+on|keep)|(?:is\s+it|it'?s)\s+(?:ok|okay|safe|alright|fine)\s+to\s+\w+)\b[^.!?\n]*"
    r"\bif\s+(?:(?:i|she|he)\s*(?:(?:am|'m|is|'s|are)\s+(?:\w+ing)|(?:have|'ve|has)\s+(?:just\s+"
    r"|already\s+)?(?:wet|soiled|coughed|fallen|lost|passed|been\s+sick))|(?:my|her|his)\s+"
    r"(?:\w+\s+){0,2}?\w+(?:'s|\s+has|\s+have)\s+gone\s+(?:numb|dead|weak))\b"
    # "should I worry if one calf is much fatter than the other?": a state, in the present
    r"|\b(?:should|do)\s+(?:i|we)\s+(?:be\s+)?(?:worr\w*|concerned)\b[^.!?\n]*\bif\s+(?:my|one"
    r"|the|her|his)\s+(?:\w+\s+){0,3}?(?:is|are|'s|looks?|has\s+been|have\s+been)\s+"
    r"(?:\w+\s+){0,2}?(?:fatter|bigger|thicker|swollen|hot|red|puffy|numb|weeping|leaking"
    r"|oozing|gaping)\b"
)


#: "Is it ok to do the bridges when the wound is weeping?": asking about the present sign,
#: not supposing one (its "is it ok to" reaches nothing).
OK_WHILE = re.compile(
    r"\b(?:is\s+it|it'?s)\s+(?:safe|ok|okay|alright|all\s+right|fine)\s+to\b[^.!?\n]{0,60}?"
    r"\b(?:when|while|with|if)\s+(?:my|the|her|his)\s+(?:\w+\s+){0,3}?(?:is|are|'s|keeps?)\s+"
    r"(?:still\s+)?(?:leaking|weeping|oozing|bleeding|hot|red|swollen|open|gaping|discharging)\b"
)


def not_supposed_at(text: str, position: int) -> bool:
    """Whether the "if" at ``position`` supposes nothing: "not sure if", "even if", "can I
    still do them if my wound's started leaking"."""
    return bool(WHETHER.search(text[max(0, position - 25) : position])
                or CONTINUING.search(text, max(0, position - 60), position + 60))
#: Hypothetical cues that cover their whole sentence.
WHOLE = _rx(
    r"(?:^|[.!?\n]\s*)(?:is|are|could|can)\s+(?:\w+\s+){1,3}(?:a\s+)?(?:sign|symptom)s?\s+of\b",
    # "is losing weight without trying ever linked to hip pain?"; not "could this be related
    # to my breast cancer?", a question about the writer's own sign
    # "would she even know if the new hip popped out?": a worry, not a report
    r"\bwould\s+(?:she|he|i|they|you|we)\s+(?:even\s+)?(?:know|notice|tell|realise|realize|feel"
    r"|say)\s+(?:it\s+)?(?:if|when)\b",
    # "do night sweats have anything to do with hips?": about the sign, not the writer's own
    r"(?:^|[.!?\n,]\s*)(?:do|does|can|could|would)\s+(?!my\b|her\b|his\b|this\b|it\b|that\b"
    r"|the\b)(?:\w+\s+){1,3}have\s+anything\s+to\s+do\s+with\b",
    r"(?:^|[.!?\n]\s*)(?:is|are|can|could)\s+(?:\w+\s+){1,5}ever\s+(?:linked|related"
    r"|connected|associated)\s+(?:to|with)\b",
    r"\bwhat\s+(?:does|do|would|will|did)\s+(?:\w+\s+){0,4}(?:look|feel)\s+like\b",
    # "is 10 the worst pain ever?": a question about the pain scale
    r"\b(?:is|does)\s+(?:a\s+)?(?:10|ten)\s+(?:mean\s+)?(?:the\s+)?worst\b",
    # "is foot drop something that can come from a hip?": about the sign, not a report
    r"(?:^|[.!?\n]\s*)(?:is|are|can|could)\s+(?:\w+\s+){1,3}something\s+(?:that\s+)?(?:you\s+)?(?:can"
    r"|could|might|may|get)\b",
    r"(?:^|[.!?\n]\s*)(?:is|are)\s+(?!it\b|this\b|that\b|my\b)(?:\w+\s+){1,3}(?:normal|common"
    r"|usual|expected)\b",
    r"\b(?:can|should|could)\s+i\s+(?:still\s+)?(?:do|exercise|carry\s+on|keep\s+going|walk)\b"
    r"[^.!?\n]*\bwith\s+an?\s",
    # "would foot drop come on suddenly or slowly?": how a sign goes, in general
    r"\b(?:come|comes|start|starts|happen|happens|develop|develops)\s+on\s+(?:suddenly|quickly"
    r"|slowly|gradually)\s+or\s+(?:suddenly|quickly|slowly|gradually)\b",
    r"\bif\s+(?:it|that|this|they|one)\s+ever\b|\bever\s+happens?\b|\bjust\s+in\s+case\b",
    r"\bsomething\s+(?:i|to)\s+(?:should\s+)?(?:worry|look\s+out|watch)\b",
    # reading up on a sign ("just reading about clots", "i keep reading about foot drop
    # online"), not "he was just reading the paper"
    r"\b(?:just|keep|kept|been|was|were|i'?m|im|i\s+am)\s+(?:been\s+)?reading\s+(?:about|up\b"
    r"|that\b|online\b|an?\s+article\b|somewhere\b)|\b(?:i'?d|i\s+had)\s+read\s+(?:about|up\b)",
    r"\bno\s+reason\s+to\s+think\b|\brun\s+in\s+(?:the\s+)?famil\w*",
    # advice to watch for a sign: "physio said keep an eye out for a hot swollen calf"
    r"\b(?:keep\s+an\s+eye\s+out|look\s+out|watch\s+out|on\s+the\s+look\s*out)\s+for\b",
    r"\b(?:could|can|would|might|may)\s+(?:\w+\s+){0,3}be\s+a\s+side\s+effect\b",
    r"\bwhat\s+(?:should\s+i|to|do\s+i)\s+(?:look|watch)(?:\s+out)?\s+for\b",
    r"\bwant\s+to\s+be\s+prepared\b",
    r"(?:^|[.!?\n]\s*)(?:would|could|is|does|will)\s+(?:\w+\s+){0,5}be\s+a\s+reason\s+to\b",
    # "is chest tightness ever a side effect", "would losing weight help my hip?",
    # "will my wound smell if it gets infected", "how much weight loss is too much"
    r"(?:^|[.!?\n]\s*)(?:is|are|does|do)\s+(?:\w+\s+){1,3}ever\b",
    r"(?:^|[.!?\n]\s*)(?:would|could|will|does|do|can|might)\s+(?:\w+\s+){1,5}help\b[^.!?\n]*\?",
    # "is losing weight good for the hip?"
    r"(?:^|[.!?\n]\s*)(?:is|are|would|will)\s+(?:\w+\s+){1,3}(?:good|bad|better|worse)\s+for\s+"
    r"(?:the|my|your|a)\b[^.!?\n]*\?",
    r"(?:^|[.!?\n]\s*)(?:will|would)\s+(?:my|the|it|i|a)\b[^.!?\n]*\bif\s+(?:it|they|i|my|the)"
    r"\s+(?:gets?|goes|went|becomes?|turns?)\b",
    r"(?:^|[.!?\n]\s*)is\s+there\s+(?:an?\s+)?(?:amount|level|point|limit)\s+of\b[^.!?\n]*\b(?:worry"
    r"|concern\w*|too\s+much)\b",
    r"\bhow\s+much\s+(?:\w+\s+){1,3}(?:is|would\s+be|counts\s+as)\s+(?:too\s+much|normal|ok"
    r"|okay|expected|a\s+worry|worrying)\b",
    # "would night sweats be a bad sign?", "would a fall onto the new hip break it?"
    r"(?:^|[.!?\n]\s*)(?:would|could|will|might)\s+(?:\w+\s+){1,4}be\s+(?:a\s+)?(?:\w+\s+)?"
    r"(?:sign|symptom|concern|worry|problem|red\s+flag)s?\b",
    r"(?:^|[.!?\n]\s*)(?:would|could|will|might|can)\s+(?:a|an|the|another)\s+(?:\w+\s+){0,5}"
    r"(?:break|damage|dislocate|harm|crack|loosen|hurt)\b[^.!?\n]*\?",
)
#: Where a hypothetical's reach ends.
STOP = re.compile(
    r"\b(?:but|however|anyway|right\s+now|at\s+the\s+moment|currently|and\s+now)\b"
    r"|\bnow\s+(?:i|my|it|the|she|he|her|his)\b|[,.;]\s*(?:yes|yeah|yep)\b"
    # "the leaflet says never cross your legs, I did it without thinking": a report; not
    # "what if I did that", a supposition
    r"|\b(?:i|she|he)\s+did\s+(?:it|that|just\s+that)\s+(?:anyway|without\s+thinking|by\s+"
    r"(?:accident|mistake)|this\s+morning|today|yesterday|last\s+night)\b"
)
#: An "if" is a supposition only in a question or a plan ("what if I fall?", "if my
#: wound leaks, who do I call"); "if I try to stand, my leg gives way" is a report.
ASKING = re.compile(
    r"\?|\bcan\b(?!'|t\b)|\b(?:should|would|will|could|do\s+i|does|what'?s?|who|when|how"
    r"|which|tell|let\s+me\s+know|call|ring|phone|i'?ll|we'?ll|need\s+to|ought|worry|dangerous|happens?)\b"
    r"|\b(?:stop|rest)\s+or\s+(?:push|carry|keep|plough)\b"  # "a stop or push through thing"
)
#: An operation in a segment: a date there is the operation's, not the symptom's.
OPERATION = re.compile(
    r"\b(?:op|operation|surgery|replacement|replaced|new\s+hip|hip\s+done|had\s+it\s+done)\b"
)
#: An operation dated by the time that follows ("his op was only last month"): the time
#: is the operation's, not the sign's.
OPERATION_WAS = re.compile(
    r"\b(?:op|operation|surgery|replacement|new\s+hip)\s+(?:was|were)\s+(?:only\s+|just\s+)?$"
)
_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|spring|summer|autumn|winter)"
)
#: "...the week before my injection, but that was a month ago": a sign told, then dated.
RECALLED = _rx(
    r"\b(?:that|this|which|it)\s+(?:was|were)\s+(?:\w+\s+){0,2}?(?:a|\d+|two|three|four|five|six"
    r"|a\s+few|few|couple\s+of|several)\s+(?:weeks?|months?|years?|fortnights?)\s+(?:ago|back)\b"
    r"(?![^.!?]*\b(?:still|again|now\s+(?:it'?s|its|it\s+is)\s+back|worse)\b)",
)
REMOTE = _rx(
    # "couldn't put weight on it for a month after the repair": a spell that ended
    r"\bfor\s+(?:like\s+|about\s+|around\s+)?(?:a|\d+|two|three|four|six|a\s+few|several)\s+"
    r"(?:weeks?|months?|fortnights?)\s+after\s+(?:the|my|her|his)\s+(?:\w+\s+)?(?:op|operation|surgery|repair"
    r"|replacement)\b",
    r"\b(?:\d+|a\s+few|few|couple\s+of|several|many|two|three|four|five|six|ten|twenty)\s+"
    r"(?:years?|yrs?|months?|summers?|winters?|decades?)\s+(?:ago|back|before)\b",
    r"\ban?\s+(?:year|decade)\s+(?:ago|back|before)\b",  # "a year ago I had three falls"
    # "8 weeks since my fall and the hip is finally settling"
    r"\b(?:\d+|a\s+few|several|two|three|four|five|six|eight|ten)\s+(?:weeks?|months?)\s+since\s+"
    r"(?:my|her|his|the)\s+fall\b",
    r"\b(?:years|yrs|ages|decades|long|a\s+(?:long\s+)?while)\s+(?:ago|back|before)\b",
    r"\blast\s+(?:year|winter|summer|spring|autumn|time\s+round|christmas|easter)\b",
    rf"\b(?:19|20)\d\d\b|\bback\s+in\s+(?:the\s+(?:day|\d0s|nineties|eighties|seventies)|(?:19|20)"
    rf"\d\d|{_MONTHS}|my\s+(?:teens|twenties|thirties|forties|fifties|\d0s))\b",
    r"\bin\s+the\s+(?:past|\d0s|nineties|eighties|seventies)\b(?!\s+(?:\d+|few|couple|half|hour"
    r"|minutes?|mins?|day|days|week|weeks|fortnight|month|months|several|two|three|ten|twenty"
    r"|while|little))",
    r"\bin\s+my\s+(?:teens|twenties|thirties|forties|fifties|sixties|\d0s)\b",
    r"\bwhen\s+(?:i|she|he)\s+was\s+(?:\d+|young|younger|a\s+(?:kid|child|girl|boy|teenager)"
    r"|little|pregnant|in\s+(?:a\s+cast|hospital))\b|\bas\s+a\s+(?:kid|child|teenager)\b",
    r"(?<!like it )(?<!like i )(?<!as it )(?<!as i )(?<!like she )(?<!like he )\bused\s+to\b"
    r"|(?<!like the )(?<!than the )(?<!from the )(?<!unlike the )\b(?:first|previous"
    r"|old)\s+(?:op|operation|replacement|hip|surgery)\b",
    r"\bonce\s+before\b|\bback\s+then\b",
    r"\bbefore\s+(?:the|my|her|his)\s+(?:op|operation|surgery|replacement)\b",
    # "straight after surgery", "the day after the op", "last month", "in august",
    # "in the spring", "at xmas": a time that is over
    r"(?<!since )\b(?:straight|right|just|immediately|the\s+(?:day|night|week)|(?:a\s+)?(?:day"
    r"|days|week|weeks)\s+(?:or\s+two\s+)?)\s+after\s+(?:the\s+|my\s+|her\s+|his\s+)?(?:op"
    r"|operation|surgery|replacement)\b",
    # "dislocated it playing rugby at 19" (an age, not a temperature or a time)
    r"\b(?:(?:playing|doing|skiing|riding|running|dancing)\s+(?:\w+\s+)?at\s+(?:1\d|[2-9]\d)"
    # "fell off a horse at 19" (round 34)
    r"|off\s+(?:a|an|the|my)\s+(?:\w+\s+)?at\s+(?:1[3-9]|[2-9]\d))\b"
    r"(?!\s*(?:[:.]\d|am\b|pm\b|degrees|°|this|tonight|last|in\s+the|o'?clock))",
    # not "over the last month" (up to now)
    r"(?<!since )(?<!from )(?<!over the )(?<!in the )(?<!for the )(?<!during the )"
    r"(?<!within the )(?<!this )\blast\s+month\b",
    # not "lighter than in january" (a comparison with now), nor "the hip she had done in
    # june" (the operation's date, not the sign's)
    r"(?<!since )(?<!from )(?<!than )(?<!done )(?<!replaced )(?<!operated on )(?<!fitted )"
    r"\bin\s+(?:the\s+)?(?:january|february|march|april|june|july|august"
    r"|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
    r"|spring|summer|autumn|winter)\b",
    r"\b(?:at|over)\s+(?:xmas|christmas|easter|new\s+year)\b",
    r"\b(?:in\s+|during\s+|for\s+)?the\s+first\s+(?:few\s+|couple\s+of\s+)?(?:days|week|weeks"
    r"|fortnight)\b(?!\s+(?:after|post|following|since|of|back))",
    r"\b(?:(?:in|for|during)\s+)?the\s+(?:first|early)\s+(?:few\s+|couple\s+of\s+|\w+\s+)?(?:days?"
    r"|weeks?|months?|fortnight)\s+(?:after|post|following)\b",
)
#: "... and it still is": what began back then goes on now, later in the sentence.
ONGOING = re.compile(
    r"\b(?:and|but|which|that)\s+(?:it|that|they|this)\s+(?:still\s+(?:is|are|does|do|has|have"
    r"|hasn'?t|haven'?t|isn'?t|won'?t|hurts?)|(?:is|are|'s|has|have)\s+(?:still|never)\s+(?:there"
    r"|the\s+same|going|happening|gone\s+away|stopped|been\s+right|settled))\b"
)
#: A report of now: it stops a past cue reaching a phrase.
NOW = _rx(
    # not "has gone, not still there" (round 30)
    r"\b(?:now|today|tonight|currently|(?<!not\s)still|again|started|starting|yesterday"
    # not "the new blood pressure tablets", "new shoes": a thing bought, not a sign begun
    r"|new(?!\s+(?:\w+\s+){0,2}(?:tablets?|pills?|meds?|medication|medicine|drugs?|inhalers?"
    r"|glasses|shoes|trainers|slippers|mattress|bed|car|house|flat|job|baby|puppy|kitten))"
    r"|this\s+(?:morning|afternoon|evening|week)|at\s+the\s+moment|getting\s+worse"
    # "this feels exactly the same" as a sign of years ago: it is back (round 30)
    r"|this\s+(?:\w+\s+){0,2}(?:is|feels|seems)\s+(?:\w+\s+)?(?:different|the\s+same)"
    r"|last\s+night|keeps?"
    r"|this\s+(?:last|past)\s+(?:month|week|fortnight|few\s+(?:days|weeks))|lately|recently"
    r"|from\s+(?:the|this)\s+morning|in\s+one\s+moment|fresh|next\s+minute"
    r"|(?:\d+|few|couple\s+of|a\s+few|two|five|ten|fifteen|twenty)\s+(?:mins?|minutes)\s+"
    r"(?:ago|after|later)"
    r"|since\s+(?:yesterday|last|this|the\s+op|then|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday|the\s+weekend|teatime|breakfast|lunch"
    r"|dinner))\b",
)
