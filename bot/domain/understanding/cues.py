"""Rule cues: the phrasings that point to each kind of message, as named features.

Each cue is a small, readable pattern ("did + them", "wrong button", "not today", "how do
I + exercise name"...). The cues feed the ranking model as features, so it learns how
much each one counts and how they combine, and the interpreter reads a few precise ones
directly. Patterns run on normalised text whose key words were respelt. Pure: no
``telegram``.
"""

from __future__ import annotations

import re

from bot.domain.understanding.negation import clause_start_of, clause_starts, is_negated
from bot.domain.understanding.questions import ASKS_EXERCISE


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


_DONE_WORD = re.compile(
    r"\b(?:done|dun|dne|donee|doen|dnoe|dome|donw|doone|dine|finished|finish|finito"
    r"|completed?|compleated|accomplished|ticked off|ticked)\b|[✅✔☑]"
)
_DONE_BLOCK = re.compile(
    r"\b(?:almost|nearly|half|partly|partially|not yet|will be|when|once|be|get it|been"
    r"|the|last)\s+$|\b(?:press\w*|hit|click\w*|tapped|marked|said|say|ticked|put)"
    r"(?: (?:them|it|that|all|as|i|i'?d|i was|me|down))*\s+$"
)
_DID = _any(
    r"\b(?:i|just|already|yes|yep|yup|also|then|and|he|she|mum|dad)\s+did\b(?! you\b)",
    r"^(?:yes|yep|yup|yeah)\b.{0,8}\ball\b",
    r"^did\b(?!\s+(?:you|u|we|they|i|anyone)\b)",
    r"\bdid (?:it|them|em|'em|my|the|all|every|both|everything|those|these|today'?s|\d+"
    r"|some|a|an|each|half|his|her|yesterday'?s|todays)\b",
    r"\b(?:i'?ve|i have|have|has|he'?s|she'?s|i)\s+(?:now\s+|just\s+|already\s+)?done\b",
    r"\bmanaged\b|\bgot (?:through|them done|it done|my \d+)\b|\bknocked (?:them|it) out\b",
    r"\b(?:went|worked|ran|ploughed|got) (?:my way )?through\b|\bhad a go\b",
    r"\b(?:smashed|nailed|crushed|aced) (?:it|them)\b|\bthat'?s (?:me|them|it) done\b",
)
_WALKED = _any(
    r"\bwalked\b(?! (?:on|over|across) (?:my|the) (?:phone|keyboard|screen))",
    r"\bwent (?:for a|on a|walking|round|out for)\b|\bstroll\b|\bwander\b",
    r"\bback from (?:my|the|a) walk\b|\bsteps in\b|\b(?:did|done) a (?:lap|\d+)",
    r"\bbeen (?:round|around|out walking|for a walk|on a walk)\b",
    r"^(?:a |my |the )?(?:\d+ ?\w* |daily |short |long |quick )?(?:walk|stroll|wander)"
    r" (?:around|round|to|along|with|in|by|up|down|through)\b",
    r"\bconstitutional\b|\b\d+ ?(?:min|minute|mins|minutes|hour|mile|k)s? (?:walk|stroll)\b",
    r"\bwalk(?:ing)? (?:done|✅)", r"\bwalk ✅|\bstood on one\b",
)
_COUNT = _any(
    r"\b\d+ ?x ?\d+\b|(?<![\w.])x ?\d+\b|\b\d+x\b|\b\d+ (?:reps?|sets?)\b|\bsets? of\b",
    r"\beach (?:side|leg)\b|\ba side\b|\bboth (?:sides|legs)\b|\b(?:left|right) (?:side|leg)\b",
    r"\binstead of\b|\b\d+ (?:out )?of (?:the )?\d+\b",
    r"\b(?:one|two|three|four|five|six|eight|ten|twelve|fifteen|twenty) (?:sets?|reps?|each"
    r"|times|a side)\b",
)
_UNDO_STRONG = _any(
    r"\bundo\b|\bun[\s-]?tick\w*|\bby (?:accident|mistake)\b|\baccident(?:al)?ly\b",
    r"(?:^|\bplease |\bpls |\bcan you |\bcould you |\bjust |, )(?:delete|remove|cancel"
    r"|scratch|strike|scrap|disregard|ignore|take back) (?:that|it|this|the last|my last"
    r"|the done|what i (?:just )?(?:sent|said|pressed|wrote))\b",
    r"\bwrong (?:button|thing)\b|\b(?:pressed|clicked|hit|tapped) (?:done|it|that) by\b",
)
_REST_REQUEST = _any(
    r"\b(?:can|could|may) (?:i|we|she|he|you) (?:just |please )?(?:skip|rest|have|take|stop"
    r"|pause|miss|leave|hold|push|move|reschedule|give)\b",
    r"\bis it (?:ok|okay|alright|fine) if (?:i|we) (?:skip|rest|miss|take|have|leave)\b",
    r"\bam i allowed (?:a|to)\b|\bi (?:want|wanna|would like|'d like) to (?:rest|skip|take"
    r"|pause|stop)\b|\bi'?d (?:rather|prefer to) (?:just )?rest\b",
)
_WHY_MOVE = _any(
    r"\brest (?:is|it|is it) (?:better|best)\b|\bshould (?:i )?be resting\b|\bwho'?s right\b",
    r"\bwear (?:\w+ ){0,3}out\b|\bwhy (?:should|do|exercise|move|keep|bother)\b",
    r"\bpoint (?:of|in)\b|\bsays? rest it\b",
)
_ASKS_EXERCISE = re.compile(ASKS_EXERCISE)
_TIME_WORDS = re.compile(
    r"\b(?:today|tonight|tomorrow|till|until|til|week\w*|days?|weekend|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday|this (?:morning|afternoon|evening))\b"
    r"|week'?s\b"
)
_FAREWELL = re.compile(
    r"\b(?:talk|speak|chat|see you|see ya|catch you) (?:later|tomorrow|soon|tmrw)\b"
)
_HOW_ARE_YOU = re.compile(r"\bhow (?:are|r) (?:you|u|ya)\b|\bhow'?s (?:it going|you)\b")
_PLEASE = re.compile(r"\b(?:please|pls|plz|plse)\b|🙏")
_NAME_END = re.compile(r"\b(?:exercise|one|thing|stretch|move|exercises)\s*[?!.]*$")
_SAID_NO = re.compile(
    r"\bno,? i (?:didn'?t|didnt|haven'?t|havent|did not|have not)\b(?! \w+ (?:fall|fell))"
    r"|\bignore\b|\bwoops\b|\bwhoops\b|\bmeant to be for\b"
    r"|\bhonestly,? i (?:didn'?t|didnt|haven'?t|havent)\b"
)
_FUTURE = _any(
    r"\b(?:i'?ll|i will|ill|gonna|going to|will|shall|plan to|planning to|try and|try to)\b",
    r"\blater\b|\btomorrow\b|\btmrw?\b|\b2moro\w*|\btonight\b|\bnext week\b",
)
_NOT_DONE = _any(
    r"\b(?:not|haven'?t|havent|have not|didn'?t|didnt|did not|hasn'?t|hasnt|never|won'?t)"
    r"\s+(?:\w+\s+)?(?:done|do|did|doing|finished|finish|managed|got round)\b",
    r"\bnot yet\b|\bnot done\b|\bnot actually\b|\bnot in fact\b",
)
_UNDO = _any(
    r"\bundo\b|\bunto\b|\bund0\b|\bundue\b|^on do\b|\bun[\s-]?tick\w*|\brevert\b"
    r"|\breverse that\b",
    r"\bwrong (?:button|thing|one|chat)\b|\bby (?:accident|mistake)\b|\baccident(?:al)?ly\b",
    r"\bmistake\b|\bdid(?:n'?t| not) mean to\b|\bdidnt mean to\b",
    r"\b(?:ignore|disregard|scratch|strike|scrap|forget) (?:that|my|the|this|it)\b",
    r"\b(?:cancel|delete|remove|take) (?:that|it|the last|the done|what)\b|^cancel\b",
    r"\btake (?:that|it) (?:back|off)\b|\bgo back\b|\bcorrection\b",
    r"\b(?:pressed|clicked|hit|tapped|ticked|marked|said) (?:done|the button|that|it|all"
    r"|them|i did)\b",
    r"\b(?:walked|walking|sat|sitting|stood) (?:on|over|across) (?:my|the) (?:phone|keyboard"
    r"|screen)\b|\bplaying with my phone\b|\bgot hold of my phone\b",
    r"\bpressed\b|\bclicked\b|\bpocket\b|\bbutt dial\w*|\bi lied\b|\bfibbing\b|\bconfess\b",
    r"\b(?:didn'?t|didnt|did not|haven'?t|havent|not) actually\b|\bnot in fact\b",
    r"\bwasn'?t (?:me|true|right)\b|\bthat'?s (?:wrong|not right)\b|\bnot that one\b",
    r"\bjumped the gun\b|\btoo soon\b|\bbeing hopeful\b|\bdouble\b|\btwice\b.{0,30}\bonce\b",
    r"\bmeant (?:to (?:press|click|be|send)|for)\b|\bsent (?:that |it )?by\b",
    r"\b(?:delete|remove|change|correct|fix|edit|amend) (?:what|that|it|the (?:last|entry"
    r"|record))\b|\b(?:marked|ticked|said|pressed|put|clicked) (?:them |it |that |all )?(?:as )?"
    r"done\b.{0,40}\bbut\b",
)
_REST = _any(
    r"\brest(?:ing|ed)?\b(?!\s+of\b)|rest day\b|\bskip\w*|\bskp\b|\bday off\b|\bdays off\b",
    r"\b(?:take|taking|need|needing|have|having|want|took|give me)\s+(?:a\s+|the\s+)?"
    r"(?:\w+\s+)?(?:break|breather|pause|rest|brake)\b|\ba break\b|\bpaus\w*|\bon hold\b",
    r"\bnot\s+(?:today|now|tonight|right now|this (?:morning|evening|afternoon|week)"
    r"|up for it|up to it|in the mood|feeling it|for a few|to day)\b",
    r"\b(?:tomorrow|tmrw|tmr|2moro\w*|tomoro\w*|tom+or+ow)\b|\blater\b(?<!see you later)",
    r"\bcan'?t\s+be\s+(?:bothered|arsed|asked|fussed)\b|\bcba\b|\bnot bothered\b",
    r"\b(?:don'?t|do not|dont)\s+(?:really\s+)?(?:feel like|fancy|want to|have (?:it|the)"
    r"|think i)\b|\bdidn'?t fancy\b",
    r"\bno\s+(?:energy|motivation|time|exercis\w*|stretch\w*|workout|routine|session|walk"
    r"|walking|chance|space|way)\b|\bmotivation zero\b",
    r"\btoo (?:busy|bizzy|bizy|tired|hot|cold|windy|wet|achy|sore|dark|muggy|much)\b"
    r"|\bno chance\b|\bsome other time\b|\bother day\b",
    r"\b(?:give|giving)\s+(?:it|them|today|the \w+|the exercises)\s+a\s+(?:miss|rest|break"
    r"|day)\b|\bgive it a miss\b",
    r"\bsit(?:ting)?\s+(?:this(?: one)?|it|today)\s+out\b|\bcount me out\b|\bi'?m out\b",
    r"\bhold (?:off|on)\b|\bholding off\b|\brain check\b|\banother (?:time|day)\b",
    r"\bwill have to wait\b|\bcan wait\b|\bhave to wait\b|\bwait (?:till|until|til)\b",
    r"\b(?:postpone|reschedule|push (?:it|them|the \w+)|move today'?s)\b|\bcatch up\b",
    r"\b(?:won'?t|wont|will not|not going to|not gonna)\s+(?:be\s+)?(?:do|get|have)\w*\b",
    r"\b(?:not|n'?t)\s+doing\s+(?:them|it|any|anything|much|the)\b|\bnot doing\b",
    r"\bleave (?:it|them|the exercises|me alone)\b|\bstop (?:them|for)\b|\bstaying (?:in|under)",
    r"\b(?:duvet|lazy|lazzy|personal|snow|quiet) (?:day|sunday|week)\b|\bday of rest\b",
    r"\bholiday\w*|\bhols\b|\bhoilday\b|\bcruise\b|\baway (?:with|till|for|on)\b",
    r"\btill\b|\buntil\b|\bresume\b|\brestart\b|\bstart again\b|\bback on it\b",
    r"^(?:nah|no thanks|no thank you|pass|nope)\b(?!,? (?:no|not|never|nothing|none)\b)"
    r"|\bpass\b|\bnope\b(?!,? (?:no|not|never|nothing|none)\b)",
    r"\bmiss(?:ing)?\s+(?:it|today|this one|a day|today's|them)\b",
    r"\b(?:i'?ll|i will|will|gonna|going to|shall|plan to)\s+(?:try (?:and|to) )?(?:do|get|fit"
    r"|squeeze|catch)\b",
    r"\btak(?:e|ing) it easy\b|\btired\b|\bexhausted\b|\bknackered\b|\bshattered\b|\bwiped\b"
    r"|\bpooped\b|\bbeat\b",
    r"\bworn out\b|\bcream crackered\b|\bdone in\b|\bhangover\b|\bunder the weather\b",
    r"\bcan'?t do\b|\bcant today\b|\bcan'?t today\b|\bno exercises\b",
    r"\bgoing (?:back )?to bed\b|\bon the (?:sofa|couch)\b|\bin bed today\b",
)
_PAIN = _any(
    r"\bpain\w*|\bhurt\w*|\bsore\w*|\bach\w*|\bstiff?\w*|\btender\b|\btwinge\w*|\bniggle\b",
    r"\bgrumbl\w*|\bcreaky\b|\btight\b|\bthrob\w*|\bjip\b|\bwincing\b|\bbruised\b|\blimp\w*",
    r"\buncomfortable\b|\bdiscomfort\b|\bhobbl\w*|\bpulls\b|\bburning\b|\bacting up\b",
    r"\bhip(?:'?s| is| feels?| was)\b|\bfeels? (?:good|great|fine|ok|better|worse|looser)\b",
)
_TREND = re.compile(
    r"\b(?:better|worse|improv\w*|eas(?:ed|ing)|looser|sorer|stiffer|same(?! to you| here)"
    r"|unchanged"
    r"|no change|settled)\b"
)
_QUESTION_START = re.compile(
    r"^(?:(?:ok|so|and|hi|hello|quick (?:one|q)|also|um+|hmm+|just wondering|sorry)[,.!]?\s+)*"
    r"(?:how|what|whats|what's|wat|wot|why|when|where|which|who|hw|any|am i"
    r"|(?:is|was) (?:it|this|that|there|my|the|doing|walking|\w+ing)"
    r"|(?:are|were) (?:you|there|these|they|the|my)|(?:can|could|may|might) (?:i|you|we|she|he"
    r"|it|these|they|my|the)|(?:should|shall|would|will) (?:i|it|we|she|he|you|this|that|these"
    r"|they|my|the)|(?:do|does|did) (?:i|you|these|they|we|my|it|this|that|the|people"
    r"|anyone))\b(?!')"
)
_QUESTION_MID = _any(
    r"\b(?:is it|is that|is this|is there|are there|should i|can i|could i|do i|does it"
    r"|will it|would it|am i)\b",
    r"\bhow (?:long|many|often|much|far|fast|do i|do you|can i|should)\b",
    r"\bwhat (?:if|happens|time|do i|does|should|are the|about)\b",
    r"\bwondering\b|\bwant(?:s|ed)? to know\b|\basks? (?:if|how|whether)\b|\bi'?d like (?:my|to)",
    r"\bany (?:tips|advice|ideas)\b|\bwhat then\b|\bis there (?:a|an|any)\b|\bare you\b",
    r"^(?:help|next|reps|hold time|warm up)\W*$|\bwhat does \w+ mean\b|\bat home\b",
    r"\bhow (?:do|can) i (?:change|stop|set|see|get|tell|turn|make|contact|undo)\b",
)
_REQUEST = _any(
    r"\bhow (?:do|does|did|to|should|am|is|exactly|you)\b|\bhow'?s it (?:go|done)\b",
    r"\bshow\b|\bexplain\w*|\bremind me\b|\binstructions?\b|\bdescribe\b|\bteach\b",
    r"\btalk me through\b|\bgo through\b|\bdemo\w*|\bvideo\b|\bsend (?:the|it|me)\b",
    r"\bwhat'?s the\b|\bwhats the\b|\bwhat is the\b|\bwat is\b|\bforgot how\b|\bsteps\b",
    r"\bhow it goes\b|\bhow (?:it|that|this) (?:goes|go|works?)\b|\bhow does (?:it|that)\b",
    r"\bwhich (?:leg|hand|foot|side|way)\b|\bthe one (?:where|with|going|pulling|lying)\b",
    r"\b(?:one|thing)\??$|\bthe right way\b|\bproperly\b|\bremember\b|\bcalled\b",
)
_SOCIAL = _any(
    r"^(?:hi+|hey+|heya|hiya|hello+|helo|hallo|yo|howdy|hola|gm|gn)\b",
    r"\bgood\s+(?:morning|afternoon|evening|night|day)\b|^(?:morning|mornin|evening|nite)\b",
    r"\bhow\s+(?:are|r)\s+(?:you|u|ya)\b|\bhope (?:you|your|all)\b",
    r"\bthank\w*\b|\bthnx\b|\bthanx\b|\bthx\b|\bty\b|\btyvm\b|\bcheers\b|\bta\b|\bobliged\b",
    r"\bappreciate\w*\b|\bgrateful\b|\bbless\b|\bkind\b|\bstar\b|\bgreat job\b",
    r"^(?:(?:hmm+|um+|er+|ah+|oh+|well|right)[,.]? )?(?:ok|okay|okey|okie|k|kk|alright|sure"
    r"|got it|gotcha|cool|great|nice|lovely|awesome"
    r"|brilliant|perfect|fab|fantastic|excellent|wonderful|super|noted|understood|righto"
    r"|right then|fair enough|roger|yay|woohoo|ha ha|haha|lol|hehe|xx+|makes sense"
    r"|interesting|good to know|ah|aww|no problem|sounds good)\b",
    r"\b(?:bye|goodbye|see you|see ya|night night|talk later|speak (?:later|tomorrow)"
    r"|have a (?:good|nice|lovely)|enjoy your|same to you|you too|and you)\b",
    r"\bhappy (?:new year|christmas|easter|birthday|friday|monday|thanksgiving)\b",
    r"\bmerry christmas\b|\bmubarak\b|\bnice to meet\b|\bthat'?s (?:very )?kind\b",
    r"\byou'?re (?:great|the best|a star|amazing|awesome|brilliant|lovely|a gem|very|so"
    r"|doing|better|nicer|kind)\b|\bwell done (?:you|bot)\b",
    r"\b(?:talk|speak|chat) (?:later|tomorrow|soon)\b|\bbye\b|\bhave a good\b|\bhappy \w+day\b",
    r"\bsleep well\b|\bsweet dreams\b|\btake care\b|\bgod bless\b|\bcheerio\b",
    r"[👋🙏😊🙂❤💕😀😃😄🤗😂⭐👍👌]",
)
_DOMAIN = _any(
    r"\bhips?\b|\bexercis\w*|\bstretch\w*|\bprogramme\b|\bprogram\b|\bphysio\w*|\bremind\w*",
    r"\bpain\w*|\bsore\b|\bach\w*|\bstiff\w*|\blegs?\b|\bknees?\b|\bgroin\b|\bthigh\b",
    r"\bwalk\w*|\bdone\b|\bskip\w*|\brest\w*|\bsets?\b|\breps?\b|\broutine\b|\bsession\b",
    r"\bbot\b|\bcoach\b|\bop\b|\boperation\b|\bsurgery\b|\bdoctor\b|\bgp\b|\bnurse\b",
    r"\bscar\b|\bwound\b|\barthritis\b|\bbalance\b|\bmessages?\b|\bnotifications?\b",
    r"\bprogress\b|\bmat\b|\bbutton\b|\bbridges?\b|\bclams?\b|\bsquats?\b|\bfloor\b",
)
_OFF_TOPIC = _any(
    r"^(?:hey |ok |okay )?(?:siri|google|alexa)\b|\bwrong (?:chat|number|person)\b",
    r"\b(?:tell|ask|remind) (?!me\b|you\b)[a-z]+ (?:the|that|to|about)\b|^[a-z]+ (?:bring|pick|put"
    r"|get|buy)\b|\bcan you (?:book|order|pick|recommend|buy|get me)\b",
    r"\bis this (?:the|[a-z]+'s)\b|\bmeant to send (?:that|this) to\b|\bwww\.|\bhttps?:",
    r"\.(?:jpg|jpeg|png|pdf|mp4)\b|\bsent from my\b|\bvoice (?:note|message) failed\b",
    r"\b(?:taxi|recipe|plumber|lottery|snooker|telly|tv|channel|bus|train times|station"
    r"|stamp|tesco|parcel|delivery|wifi|password|router|bins|council|takeaway|pub quiz"
    r"|stock price|capital of|percent|convert|hairdresser|mot|prescription|dentist|match"
    r"|football|cricket|bingo|quiz|radio|glasses|keys|shopping list|milk|bread|recipe)\b",
    r"^(?:buy|pick up|ring|put the|bring|don'?t forget|remember to|can you pick)\b",
)
_SMALL_TALK = _any(
    r"\b(?:sunny|sunshine|raining|rain|snow|frost\w*|windy|sunset|daffodils|spring|weather"
    r"|garden|grandkids|wedding|anniversary|birthday|christmas|holiday|bingo|cuppa)\b",
    r"\bsorry (?:for|i'?ve been|about)\b|\boops\b|\bwhoops\b|\bhello again\b|\bback from\b",
    r"\bmade me (?:laugh|smile)\b|\blook forward\b|\bnice to\b|\bjust saying\b",
)
_RESOLVED = _any(
    r"\byears? ago\b|\b(?:in|since) (?:19|20)\d\d\b|\b(?:19|20)\d\d\b|\blast (?:year|winter"
    r"|summer|spring|autumn|month)\b|\bback in\b|\bwhen i was\b|\bused to\b|\bin my \d0s\b",
    r"\bcleared (?:it )?up\b|\bwent away\b|\bsorted\b|\ball clear\b|\bfine (?:since|now)\b",
    r"\bgone now\b|\bhealed\b|\bno harm\b|\bbenign\b|\bthank (?:god|goodness)\b|\ball good\b",
    r"\bnothing (?:like that|to worry|wrong)\b|\bfine\b|\bok now\b|\bnormal\b",
)
_NEGATED_SYMPTOM = re.compile(
    r"\b(?:no|not|never|nothing|haven'?t|havent|didn'?t|didnt|isn'?t|isnt|wasn'?t|nope)\b"
    r"(?:\s+[a-z']+){0,2}\s+(?:fever\w*|numb\w*|tingl\w*|swell\w*|swollen|fall\w*|fallen"
    r"|fell|weak\w*|pins|blood|dizz\w*|breath\w*|chest|weight|night|red\w*|shorter|hot"
    r"|give way|gave way|cancer|fracture|weeping|smell\w*|leak\w*|heat|sweats|bowel\w*"
    r"|bladder|turned|clunk\w*|sharp)"
)
_OTHER_PERSON = re.compile(
    r"\b(?:my |our )?(?:husband|hubby|wife|missus|partner|mum|mom|mother|dad|father|nan"
    r"|nana|gran|granny|grandma|grandad|grandpa|pops|son|daughter|auntie|aunt|uncle"
    r"|sister|brother|friend|neighbou?r|carer)\b|\bthis is \w+'?s\b|\bit'?s \w+'?s \w+\b"
    r"|\bwriting (?:for|on behalf)\b|\b(?:he|she|they)(?:'s| has| did| says| is)\b"
)
_SELF = re.compile(r"\b(?:i|i'm|im|i've|ive|me|my|mine)\b")


def _live_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> int:
    """Where the first match of ``pattern`` that no negator governs starts; -1: none."""
    for match in pattern.finditer(text):
        clause = clause_start_of(starts, match.start())
        if not is_negated(text, match.start(), window=2, clause_start=clause):
            return match.start()
    return -1


def _first_live(pattern: re.Pattern[str], text: str, starts: list[int]) -> bool:
    """Whether some match of ``pattern`` is not governed by a negator."""
    return _live_at(pattern, text, starts) >= 0


def _done_at(text: str, starts: list[int]) -> int:
    """Where a "done" word that stands is (not "not done", "almost done"); -1: none."""
    for match in _DONE_WORD.finditer(text):
        if _DONE_BLOCK.search(text[max(0, match.start() - 12) : match.start()]):
            continue
        clause = clause_start_of(starts, match.start())
        if not is_negated(text, match.start(), window=2, clause_start=clause):
            return match.start()
    return -1


def done_word(text: str, starts: list[int]) -> bool:
    """A "done" word that stands: not "not done", "almost done" or "when done"."""
    return _done_at(text, starts) >= 0


def says_done(text: str) -> bool:
    """Whether the text says something was done ("done", "did them", "managed all").

    Not enough to call it a "done" (the model weighs it), but enough to offer the
    reading when a question is pending.
    """
    starts = clause_starts(text)
    return done_word(text, starts) or _first_live(_DID, text, starts)


def cue_features(text: str) -> list[str]:
    """The rule cues that fire on respelt normalised ``text``, as feature names."""
    starts = clause_starts(text)
    resting = _FAREWELL.sub(" ", text)
    found: list[str] = []
    first = text[:18]
    word_at, did_at = _done_at(text, starts), _live_at(_DID, text, starts)
    done_at = max(word_at, did_at)
    rest_at = _live_at(_REST, resting, clause_starts(resting))
    time_words = bool(_TIME_WORDS.search(text))
    checks = (
        ("done_blocked", word_at < 0 and bool(_DONE_WORD.search(text))),
        ("done_after_rest", done_at > rest_at >= 0),
        ("rest_after_done", rest_at > done_at >= 0),
        ("rest_request_time", time_words and bool(_REST_REQUEST.search(text))),
        ("done_first", done_word(first, clause_starts(first))
         or bool(re.match(r"(?:i |yes |yep )?did\b(?! you)", text))),
        ("rest_request", bool(_REST_REQUEST.search(text))),
        ("why_move", bool(_WHY_MOVE.search(text))),
        ("how_are_you", bool(_HOW_ARE_YOU.search(text))),
        ("please", bool(_PLEASE.search(text))),
        ("name_end", bool(_NAME_END.search(text))),
        ("said_no", bool(_SAID_NO.search(text))),
        ("undo_strong", bool(_UNDO_STRONG.search(text))),
        ("asks_exercise", bool(_ASKS_EXERCISE.search(text))),
        ("done_word", word_at >= 0),
        ("did", did_at >= 0),
        ("walked", bool(_WALKED.search(text))),
        ("count", bool(_COUNT.search(text))),
        ("future", bool(_FUTURE.search(text))),
        ("not_done", bool(_NOT_DONE.search(text))),
        ("undo", bool(_UNDO.search(text))),
        ("rest", rest_at >= 0),
        ("pain", _first_live(_PAIN, text, starts)),
        ("trend", bool(_TREND.search(text))),
        ("qmark", "?" in text),
        ("q_start", bool(_QUESTION_START.search(text))),
        ("q_mid", bool(_QUESTION_MID.search(text))),
        ("request", bool(_REQUEST.search(text))),
        ("social", bool(_SOCIAL.search(text))),
        ("other_person", bool(_OTHER_PERSON.search(text))),
        ("self", bool(_SELF.search(text))),
        ("domain", bool(_DOMAIN.search(text))),
        ("off_topic", bool(_OFF_TOPIC.search(text))),
        ("small_talk", bool(_SMALL_TALK.search(text))),
        ("resolved", bool(_RESOLVED.search(text))),
        ("negated_symptom", bool(_NEGATED_SYMPTOM.search(text))),
    )
    for name, fired in checks:
        if fired:
            found.append(name)
    return found
