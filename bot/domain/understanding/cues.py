"""Rule cues: the phrasings that point to each kind of message, as named features.

Each cue is a small, readable pattern ("did + them", "wrong button", "not today", "how do
I + exercise name"...). The cues feed the ranking model as features, so it learns how
much each one counts and how they combine, and the interpreter reads a few precise ones
directly. Patterns run on normalised text whose key words were respelt. Pure: no
``telegram``.
"""

from __future__ import annotations

import re

from bot.domain.understanding.cue_topics import (
    ACHE,
    ASKS_UNDO,
    DOMAIN,
    DONE_INSTEAD,
    ELSEWHERE,
    NEGATED_SYMPTOM,
    NOT_MY_PAIN,
    OFF_TOPIC,
    OTHER_PERSON,
    PAIN_WORD,
    RESOLVED,
    RHETORICAL,
    SELF,
    SIGN_OFF,
    SMALL_TALK,
    SOCIAL,
    UNDO_REST,
    UNDO_STRONG,
    WISH_BACK,
    stray,
)
from bot.domain.understanding.done_objects import chore_done
from bot.domain.understanding.negation import clause_start_of, clause_starts, is_negated
from bot.domain.understanding.questions import ASKS_EXERCISE


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


_DONE_WORD = re.compile(
    r"\b(?:done|dun|dne|donee|doen|dnoe|dome|donw|doone|dine|dunnit|dunit|finished|finish|finito"
    r"|completed?|compleated|accomplished|ticked off|ticked)\b|[✅✔☑]"
)
_DONE_BLOCK = re.compile(
    r"\b(?:almost|nearly|half|partly|partially|not yet|will be|when|once|be|get it|been"
    r"|the|last|well|you'?ve|you have|you|u've|uve)\s+$"  # "well done", "you've done me good"
    r"|\b(?:press\w*|hit|click\w*|tapped|marked|said|say|ticked|put)"
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
    # Irish English: "Dad's after doing all his exercises" (he has just done them)
    r"\b(?:i'?m|im|i am|he'?s|she'?s|we'?re|\w+'s) (?:just )?after (?:doing|finishing)\b",
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
    r"\binstead of\b|\b\d+ (?:out )?of (?:the )?\d+\b|\b\d+ (?:times|goes|rounds|laps)\b",
    r"\b(?:one|two|three|four|five|six|eight|ten|twelve|fifteen|twenty) (?:sets?|reps?|each"
    r"|times|a side)\b",
)
_REST_REQUEST = _any(
    r"\b(?:can|could|may) (?:i|we|she|he|you) (?:just |please )?(?:skip|rest|have|take|stop"
    r"|pause|miss|leave|hold|push|move|reschedule|give|postpone|delay|put off|defer)\b",
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
_THANKS_FOR = re.compile(r"\b(?:thanks|thank you|thankyou|ta|cheers) (?:for|so much for)\b")
_HOW_ARE_YOU = re.compile(
    r"\bhow (?:are|r) (?:you|u|ya)\b|\bhow'?s (?:it going|you|your (?:day|morning|evening))\b"
)
_PLEASE = re.compile(r"\b(?:please|pls|plz|plse)\b|🙏")
_HOW_TO_DO = re.compile(
    r"\bhow (?:do|should|can|would) (?:i|you|we) do (?:the|a|an|my|this|that|these|those)\b"
    r"|\bwhat do i (?:do|have to do)\b(?! (?:if|when|about))|\btell me (?:about|more about)\b"
    r"|\bwhat'?s (?:a|an|the)"
    r" \w+ (?:\w+ )?(?:exercise|stretch|one)\b|\bexplain (?:the|a|an|how)\b|\bhow (?:is|are)"
    r" (?:it|they|the \w+) done\b"
)
#: The done part is in the past ("yesterday", "ten days in a row"): a rest may be today's news.
_DONE_PAST = re.compile(
    r"\byesterday\b|\bin a row\b|\bevery day (?:for|this|since)\b|\bfor (?:\w+ )?(?:days|weeks)\b"
    r"|\blast (?:night|week)\b"
)
#: Something said after an exercise or a walk: "dying for a cuppa after that walk".
_AFTER_THAT = re.compile(
    r"\bafter (?:that|this|my|the|all that) (?:\w+ )?(?:walk|lot|session|workout|routine"
    r"|exercises|stretches|sets?|stroll|hike|climb|hill)\b"
)
#: A yes-or-no question: "is walking uphill ok", "do these help with balance".
YES_NO = re.compile(
    r"^(?:(?:so|and|also|just wondering|quick q\w*|hi|hello)[,.!]? )*(?:is|are|does|do|can|could"
    r"|should|would|will|shall|may|might|must) (?!you (?:show|send|explain|tell|remind)\b"
    r"|(?:i|we) (?:do|try)\b)"
)
#: A message that reached the bot by accident, with no word about a record to take back.
#: A denial, then what the patient does feel: "no tingling, just stiff", "not sharp, only
#: a dull ache".
_ONLY_ACHE = re.compile(
    r"\b(?:just|only|but|apart from|except)\b(?:\s+(?:a|the|my|bit|of|little|dull|mild|tight"
    r"|very|bit))*\s+(?:stiff\w*|" + ACHE + r"|sore\w*|tight\w*|tender|niggl\w*|"
    + PAIN_WORD + r"|twinge\w*|throb\w*)"
)
#: A question about what might happen, not a request for an exercise: "what if my leg goes
#: numb during the clams", "if it clicks on the bridge do I stop", "whats the risk of".
_WHAT_IF = re.compile(
    r"^(?:\w+ )?(?:what (?:if|happens if|happens when|do i do if)|whats? the (?:risk|danger)"
    r"|is there a risk|if (?:my|the|it|i)\b.{0,60}\b(?:do i|should i|what do|does that mean"
    r"|is that|what)\b)|\b(?:will|could|would) (?:mine|my hip|it) (?:pop|come|dislocat)"
)
#: Something done that is not an exercise: "done the washing", "finished my tax return".
_DONE_CHORE = re.compile(
    r"\b(?:done|finished|did|completed?) (?:all )?(?:the|my|our|his|her) (?:\w+ )?(?:washing"
    r"|hoovering|ironing|shopping|dishes|washing up|housework|tax\w*|gardening|cleaning"
    r"|cooking|baking|crossword|sudoku|forms?|paperwork|accounts|hair|nails|christmas cards"
    r"|jigsaw|puzzle|homework|decorating|painting|weeding|chores)\b"
)
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
    r"\bundo\b|\bunto\b|\bund0\b|\bundue\b|\bunod\b|\bundoo\b|^on do\b|\bun[\s-]?tick\w*"
    r"|\brevert\b|\breverse that\b",
    r"\bwrong (?:button|thing|one|chat)\b|\bby (?:accident|mistake)\b|\baccident(?:al)?ly\b",
    r"\bmistake\b|\bdid(?:n'?t| not) mean (?:to|that|it|this)\b|\bdidnt mean (?:to|that|it)\b",
    r"\b(?:erase|wipe|clear|void) (?:that|it|this|the (?:last|entry|done|record))\b",
    r"\b(?:don'?t|do not|dont) (?:count|record|log|save) (?:that|it|this|the last)\b",
    r"\b(?:that|it|this) was (?:an? )?(?:accident|slip|error|wrong)\b|\bmy (?:bad|error)\b",
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
    # tune17, tune18: "none of those dones are real", "rub that out", "a fib", "un-done it"
    r"\b(?:none|not one|neither) of (?:those|these|them|the|my) (?:dones?|ticks?|entries)\b"
    r"|\btick\b.{0,30}\b(?:wrong|shouldn'?t|mistake|isn'?t right|not right)\b"
    r"|\brub (?:that|it) out\b"
    r"|\bspoke too soon\b|\b(?:a|total|little) fib\b|\bfibbed\b|\bun[\s-]?done? (?:it|that)\b"
    r"|\b(?:told you|said) i (?:did|had done|'d done)\b.{0,20}\bbut\b|\bget rid of (?:it|that|the"
    r" (?:done|tick))\b|\b(?:marked|got) me (?:down )?as done\b",
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
    r"\b(?:pick|take) (?:it|them|things) (?:up|back up) (?:again|on|next)\b|\blet me off\b"
    r"|\bexcused?\b|\bno room (?:to|for)\b|\btoo \w+ to (?:go|do|get|walk)\b",
    r"\bnot (?:walking|going out|exercising|stretching|moving|doing (?:them|it|any))(?: \w+)?"
    r" (?:today|tonight|this \w+)\b|\b(?:snowed|rained|iced|frozen) in\b|\bhousebound\b",
    r"\b(?:postpone|put (?:it|them) off|delay|defer)\b|\bgi(?:ve|v|b|mme) (?:me )?a (?:break"
    r"|brake|rest|day off)\b|\btreat\w* (?:myself|me) to a (?:day off|rest|break|lie in)\b",
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
    r"\b" + PAIN_WORD + r"|\bhurt\w*|\bsore\w*|\b" + ACHE + r"|\bstiff?\w*|\btender\b"
    r"|\btwinge\w*|\bniggle\b",
    r"\bgrumbl\w*|\bcreaky\b|\btight\b|\bthrob\w*|\bjip\b|\bwincing\b|\bbruised\b|\blimp\w*",
    r"\buncomfortable\b|\bdiscomfort\b|\bhobbl\w*|\bpulls\b|\bburning\b|\bacting up\b",
    r"\bniggl\w*|\bouch\w*|\bow+\b|\boww+\b|\bbruis\w*|\bnot (?:too|so|that) bad\b"
    r"|\bagony\b|\bsmarts?\b|\bstinging\b|\bcramp\w*",
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
    wishes = WISH_BACK.sub(lambda m: " " * len(m[0]), text)  # same length: starts still fit
    resting = _FAREWELL.sub(" ", wishes)
    found: list[str] = []
    first = text[:18]
    word_at, did_at = _done_at(wishes, starts), _live_at(_DID, wishes, starts)
    done_at = max(word_at, did_at)
    rest_at = _live_at(_REST, resting, clause_starts(resting))
    time_words = bool(_TIME_WORDS.search(text))
    elsewhere = bool(ELSEWHERE.search(text))
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
        ("thanks_for", bool(_THANKS_FOR.search(text))),
        ("please", bool(_PLEASE.search(text))),
        ("name_end", bool(_NAME_END.search(text))),
        ("how_to_do", bool(_HOW_TO_DO.search(text))),
        ("done_chore", bool(_DONE_CHORE.search(text)) or chore_done(text)),
        ("done_past", bool(_DONE_PAST.search(text))),
        ("after_that", bool(_AFTER_THAT.search(text))),
        ("yes_no", bool(YES_NO.search(text))),
        ("wish_back", bool(WISH_BACK.search(text))),
        ("what_if", bool(_WHAT_IF.search(text))),
        ("only_ache", bool(_ONLY_ACHE.search(text))),
        ("stray", stray(text)),
        ("said_no", bool(_SAID_NO.search(text))),
        ("undo_strong", bool(UNDO_STRONG.search(text))),
        ("done_instead", bool(DONE_INSTEAD.search(text))),
        ("not_my_pain", bool(NOT_MY_PAIN.search(text))),
        ("asks_undo", bool(ASKS_UNDO.search(text))),
        ("rhetorical", bool(RHETORICAL.search(text))),
        ("undo_rest", bool(UNDO_REST.search(text))),
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
        ("social", bool(SOCIAL.search(text))),
        ("other_person", bool(OTHER_PERSON.search(text))),
        ("self", bool(SELF.search(text))),
        ("domain", bool(DOMAIN.search(text))),
        ("off_topic", elsewhere or bool(OFF_TOPIC.search(text))),
        ("elsewhere", elsewhere),
        ("small_talk", bool(SMALL_TALK.search(text))),
        ("sign_off", bool(SIGN_OFF.search(text))),
        ("resolved", bool(RESOLVED.search(text))),
        ("negated_symptom", bool(NEGATED_SYMPTOM.search(text))),
    )
    for name, fired in checks:
        if fired:
            found.append(name)
    return found
