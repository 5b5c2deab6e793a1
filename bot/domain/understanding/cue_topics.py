"""Rule cues about what a message is about: small talk, the programme, something else.

Split from ``cues`` (which names every cue the ranking model reads): these patterns say
whether a message is social, about the hip programme, off topic, meant for someone
else, about a resolved or denied symptom, or about another person, and whether it
takes a record back in so many words. Pure: no ``telegram``.
"""

from __future__ import annotations

import re


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


SOCIAL = _any(
    r"^(?:hi+|hey+|heya|hiya|hello+|helo|hallo|yo|howdy|hola|gm|gn)\b",
    r"\bgood\s+(?:morning|afternoon|evening|night|day)\b|^(?:morning|mornin|evening|nite)\b",
    r"\bhow\s+(?:are|r)\s+(?:you|u|ya)\b|\bhope (?:you|your|all)\b",
    r"\bthank\w*\b|\bthnx\b|\bthanx\b|\bthx\b|\bty\b|\btyvm\b|\bcheers\b|\bta\b|\bobliged\b",
    r"\bappreciate\w*\b|\bgrateful\b|\bbless\b|\bkind\b|\bstar\b|\bgreat job\b",
    r"^(?:(?:hmm+|um+|er+|ah+|oh+|well|right)[,.]? )?(?:ok|okay|okey|okie|k|kk|alright|sure"
    r"|got it|gotcha|cool|great|nice|lovely|awesome"
    r"|brilliant|brill|perfect|fab|fantastic|excellent|wonderful|super|noted|understood|righto"
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
    r"\bnice one\b|\bg'?day\b|\blove (?:this|the|you|it|your)\b|\bhow'?s (?:your|ur) (?:day"
    r"|morning|evening|weekend|week)\b|\blifesaver\b|\bweight off my mind\b",
    r"[👋🙏😊🙂❤💕😀😃😄🤗😂⭐👍👌]",
    # texting shorthand and other languages' thanks, greetings and farewells
    r"^(?:sup|wassup|whaddup|wsg|yo+|heyy+|hii+)\b|\b(?:tysm|thank u|thanku|thankyou|thnks|tks|tq"
    r"|merci|gracias|danke|grazie|obrigad[oa]|shukriya|dhanyavaad|dhanyavad|arigato|asante"
    r"|np|no worries|no prob|nw|ttyl|cya|laters|gnight|nighty night|xoxo|sounds like a plan)\b",
    r"\b(?:salaam|salam|salaams|as-?salaa?mu?\s+alaikum|assalamu?\s+alaikum|walaikum|shalom"
    r"|namaste|namaskar|sat\s+sri\s+akal|vanakkam|kia\s+ora|jambo|wagwan|wha\s+gwan|whagwan"
    r"|howzit|konnichiwa|ni\s+hao|bonjour|bonsoir|buenos\s+dias|buenas|ciao|guten\s+(?:morgen|tag)"
    r"|dzie[nń]\s+dobry|merhaba|mabuhay|magandang\s+(?:umaga|gabi)|selamat\s+pagi)\b",
    r"\b(?:gud|gd|good)\s+(?:mrng|mornin|morn|nite|nyt|evng|eve)\b|\bgm\s+(?:sir|madam|all)\b"
    r"|\b(?:compliments|greetings)\s+of\s+the\s+season\b|\bseason'?s\s+greetings\b",
    r"^(?:ace|class|grand|lush|champion|smashing|wicked|sound|magic|cracking|top\s+notch|mint)\b",
    r"\b(?:ur|you'?re|youre|u r) (?:the best|a legend|a star|a gem|awesome|amazing)\b"
    r"|\byou rock\b|\blegend\b|\b\w+ kareem\b|\bhappy (?:\w+ )?(?:day|holidays?|new year|diwali"
    r"|holi|eid|hanukkah|passover|lunar new year|thanksgiving|weekend)\b",
    r"\b(?:been|are|were) (?:a )?(?:great|big|real|good) help\b|\bgood egg\b|\btop of the"
    r" morning\b|\bsun'?s (?:out|shining)\b|\bnippy\b|\bbrr+\b|\b(?:having|had) a (?:good"
    r"|nice|lovely) day\b|\bi'?ll remember that\b",
)
#: Aching said any way ("ache", "achy", "achin'"), not every word that starts so ("achieved").
ACHE = r"ach(?:e|es|ed|ey|y|ing|in)\b"
#: Pain and its forms ("painful", "painkillers"), not painting or paint.
PAIN_WORD = r"pain(?!t)\w*"
DOMAIN = _any(
    r"\bhips?\b|\bexercis\w*|\bstretch\w*|\bprogramme\b|\bprogram\b|\bphysio\w*|\bremind\w*",
    r"\b" + PAIN_WORD + r"|\bsore\b|\b" + ACHE + r"|\bstiff\w*|\blegs?\b|\bknees?\b",
    r"\bgroin\b|\bthigh\b",
    r"\bwalk\w*|\bdone\b|\bskip\w*|\brest\w*|\bsets?\b|\breps?\b|\broutine\b|\bsession\b",
    r"\bbot\b|\bcoach\b|\bop\b|\boperation\b|\bsurgery\b|\bdoctor\b|\bgp\b|\bnurse\b",
    r"\bscar\b|\bwound\b|\barthritis\b|\bbalance\b|\bmessages?\b|\bnotifications?\b",
    r"\bprogress\b|\bmat\b|\bbutton\b|\bbridges?\b|\bclams?\b|\bsquats?\b|\bfloor\b",
)
OFF_TOPIC = _any(
    r"^(?:hey |ok |okay )?(?:siri|google|alexa)\b|\bwrong (?:chat|number|person)\b",
    r"\b(?:tell|ask|remind) (?!me\b|you\b)[a-z]+ (?:the|that|to|about)\b|^[a-z]+ (?:bring|pick|put"
    r"|get|buy)\b|\bcan you (?:book|order|pick|recommend|buy|get me)\b",
    r"\bis (?:this|that) (?:the|[a-z]+'s)\b|\bmeant to send (?:that|this) to\b|\bwww\.|\bhttps?:",
    # lost things, trivia, phone help, errands: questions the bot cannot act on
    r"\bwhere (?:did|have|has) (?:i|you|he|she|we) (?:put|left|leave|hidden|hide)\b|\bwhere'?s"
    r" (?:the|my) (?:remote|phone|purse|wallet|specs|charger)\b|\bwho (?:sang|sings|wrote|played"
    r"|won|scored)\b|\bwhose turn\b|\bwhat'?s the (?:date|number for|score)\b|\bshould i buy\b",
    r"\bhow (?:do i|to|can i) (?:get|download|install|update|put) \w+ (?:on|onto) (?:my|the|her"
    r"|his) (?:phone|tablet|ipad|laptop|computer|kindle)\b|\b(?:omw|on my way)\b"
    r"|\b(?:meeting|appointment|call) (?:got|has been|was|is) (?:moved|cancelled|canceled)\b",
    # auto-replies, crossword clues, meeting someone, a friend greeted by name (tune20)
    r"\bauto[\s-]?reply\b|\bout of (?:the )?office\b|\b\d+ (?:down|across)\b|\b\d+ letters\b"
    r"|\b(?:see|meet) you (?:at|outside|in|by) \w+|\bi'?m (?:outside|here|downstairs)\W*$"
    r"|^(?:hi|hey|hello|hiya) (?!there\b|bot\b|coach\b|all\b|everyone\b|again\b|love\b|dear\b"
    r"|you\b|mate\b)[a-z]+, (?:are|is|can|could|did|do|have|will) (?:we|you)\b",
    r"\.(?:jpg|jpeg|png|pdf|mp4)\b|\bsent from my\b|\bvoice (?:note|message) failed\b",
    r"\b(?:taxi|recipe|plumber|lottery|snooker|telly|tv|channel|bus|train times|station"
    r"|stamp|tesco|parcel|delivery|wifi|password|router|bins|council|takeaway|pub quiz"
    r"|stock price|capital of|percent|convert|hairdresser|mot|prescription|dentist|match"
    r"|football|cricket|bingo|quiz|radio|glasses|keys|shopping list|milk|bread|recipe)\b",
    r"^(?:buy|pick up|ring|put the|bring|don'?t forget|remember to|can you pick)\b",
    r"\bbin day\b|\btable for\b|\bbooked\b|\bweather (?:doing|forecast|like)\b|\btax\b"
    r"|\bwashing\b|\bhoover\w*|\bheating\b|\bvote\b|£ ?\d|\btesting\b|\bring me\b|\bcall me\b"
    r"|\bmeant for (?:you|him|her)\b",
    r"\b(?:printer|caps lock|ounces|centimetres|strictly|meeting (?:moved|at|is))\b|\bflight"
    r" [a-z]{2} ?\d|^weather (?:in|for|tomorrow)\b|\bwho won\b|\bhow many \w+ in an?\b",
    # sums, cooking, translations, codes pasted by mistake, forwarded messages (tune9)
    r"\b(?:what'?s|whats|what is|how much is|calculate|work out) \d+ ?(?:x|times|plus|minus"
    r"|divided by|multiplied by|\*|\+|% of) ?\d+\b|\bsquare root\b",
    r"\bhow (?:do|long do|long should) (?:i|you) (?:cook|bake|boil|fry|roast|poach)\b"
    r"|\bboil an? egg\b|\bhow do (?:i|you) make (?:a |an )?(?:\w+ )?(?:pudding|cake|pie|soup|stew"
    r"|curry|lasagne|lasagna|bread|sauce|gravy|scones?|pancakes?|tea|coffee)\b",
    r"\btranslate\b|\bhow do you say\b|\bpassport\b|\bpasscode\b|\bone[ -]time (?:code|pass\w*)\b"
    r"|\bverification code\b|^(?:fw|fwd) ?:|\bforwarded message\b"
    r"|\bdays (?:till|until|to) (?:christmas|xmas|easter|my birthday)\b",
)
#: Written to someone else, or a photo's caption: "Happy birthday Aunty Sue!", "me and Barry
#: at Blackpool".
ELSEWHERE = _any(
    r"\bsays? hi to\b|\bhappy (?:birthday|anniversary),? (?!to (?:you|me|us)\b|you\b|me\b"
    r"|bot\b|coach\b|to all\b|everyone\b)(?:to )?[a-z]+",
    r"^(?:me and \w+ (?:at|in|on)|this is (?:my|our) (?:grand)?(?:son|daughter|kids?|dog|cat"
    r"|house|garden|new)|here'?s (?:my|our|a pic)|view from|sunset|sunrise|photo of|pic of)\b",
    # chain messages and forwards; a birthday by its number: "happy 50th to our Sandra"
    r"\bforward(?:ed)? (?:as received|this to|to \d+)\b|\bbreak the chain\b"
    r"|\bshare (?:this )?with everyone\b"
    r"|\bhappy \d+(?:st|nd|rd|th),? (?!of\b)(?:to )?(?:our|my|dear)? ?[a-z]+",
)
SMALL_TALK = _any(
    r"\b(?:sunny|sunshine|raining|rain|snow|frost\w*|windy|sunset|daffodils|spring|weather"
    r"|garden|grandkids|wedding|anniversary|birthday|christmas|holiday|bingo|cuppa)\b",
    r"\bsorry (?:for|i'?ve been|about)\b|\boops\b|\bwhoops\b|\bhello again\b|\bback from\b",
    r"\bmade me (?:laugh|smile)\b|\blook forward\b|\bnice to\b|\bjust saying\b",
)
#: An acknowledgement or a sign-off, nothing to act on: "ok will do, thanks", "night night,
#: early shift tmrw", "that's put my mind at rest". Not "will do them later".
SIGN_OFF = _any(
    r"^(?:(?:ok|okay|okie|righto|right|sure|yes|yep|cheers|lovely|great|brill|fab)[\s,!.]+)?"
    r"will do(?:[\s,!.]+(?:love|thanks|thank you|thx|ta|cheers|x+|doc|mate|pal|hun))*[\s,!.x]*$",
    r"^(?:night night|nighty? night|good ?night|g'?night|nite nite|nite all|night all"
    r"|sleep well|later alligator|see (?:ya|you) later|speak soon|ttyl)\b",
    r"\bmind at rest\b",
)
#: A wish handed back to the bot, or the chat ended: "rest well yourself", "you take it
#: easy too", "that's me done chatting". No rest asked for, nothing done (round 22).
WISH_BACK = _any(
    r"\b(?:rest|take it easy|take care|sleep)(?: well| easy)? (?:yourself|too|as well)\b",
    r"(?:^|, |and )you (?:rest|take it easy|take care|deserve a (?:rest|break))(?: too)?\b",
    r"\b(?:done|finished) (?:with )?(?:talking|chatting|moaning|waffling|ranting|my moaning"
    r"|nattering)\b",
)
RESOLVED = _any(
    r"\byears? ago\b|\b(?:in|since) (?:19|20)\d\d\b|\b(?:19|20)\d\d\b|\blast (?:year|winter"
    r"|summer|spring|autumn|month)\b|\bback in\b|\bwhen i was\b|\bused to\b|\bin my \d0s\b",
    r"\bcleared (?:it )?up\b|\bwent away\b|\bsorted\b|\ball clear\b|\bfine (?:since|now)\b",
    r"\bgone now\b|\bhealed\b|\bno harm\b|\bbenign\b|\bthank (?:god|goodness)\b|\ball good\b",
    r"\bnothing (?:like that|to worry|wrong)\b|\bfine\b|\bok now\b|\bnormal\b",
)
NEGATED_SYMPTOM = re.compile(
    r"\b(?:no|not|never|nothing|haven'?t|havent|didn'?t|didnt|isn'?t|isnt|wasn'?t|nope"
    r"|doesn'?t|doesnt|don'?t|dont)\b"
    r"(?:\s+[a-z']+){0,2}\s+(?:fever\w*|numb(?!er)\w*|tingl\w*|swell\w*|swollen|fall\w*|fallen"
    r"|fell|weak\w*|pins|blood|dizz\w*|breath\w*|chest|weight|night|red\w*|shorter|hot"
    r"|give way|gave way|cancer|fracture|weeping|smell\w*|leak\w*|heat|sweats|bowel\w*"
    r"|bladder|turned|clunk\w*|sharp|steroids?|wakes?|waking|woken|sweat\w*)"
)
OTHER_PERSON = re.compile(
    r"\b(?:my |our )?(?:husband|hubby|wife|missus|partner|mum|mom|mother|dad|father|nan"
    r"|nana|gran|granny|grandma|grandad|grandpa|pops|son|daughter|auntie|aunt|uncle"
    r"|sister|brother|friend|neighbou?r|carer)\b|\bthis is \w+'?s\b|\bit'?s \w+'?s \w+\b"
    r"|\bwriting (?:for|on behalf)\b|\b(?:he|she|they)(?:'s| has| did| says| is)\b"
)
SELF = re.compile(r"\b(?:i|i'm|im|i've|ive|me|my|mine)\b")


#: A message that was not for the bot: the phone in a pocket, the cat on the keyboard,
#: a text meant for someone else.
STRAY = re.compile(
    r"\b(?:walked|sat|stood|lay|trod|stepped) (?:on|over|across) (?:my|the) (?:phone|keyboard"
    r"|screen)\b|\bplaying (?:with|on) my phone\b|\bgot hold of my phone\b"
    r"|\bmeant for (?:my|you|him|her|the group|\w+ not)\b|\bwrong (?:chat|number|person)\b"
    r"|\bmeant (?:that|this) for\b|\b(?:in|from) (?:my|the) pocket\b|^(?:sorry )?in pocket\b"
    r"|\b(?:pressed|hit|touched) (?:something|the wrong)\b"
)
#: Where it was meant to go, said outright: "meant for the bowls club WhatsApp", "that was
#: for our Lisa not you".
_MEANT_FOR = re.compile(
    r"\bmeant for (?:the \w+ (?:club|group|chat|whatsapp)|(?:our|my) \w+)\b"
    r"|\b(?:that|this|it) was for (?:our|my) \w+ not you\b"
    r"|^(?:sorry,? |oops,? |whoops,? )?(?:that|this|it) was (?:meant )?for (?:our|my) \w+\b"
)
#: Words about a record ("pressed done by mistake"): a stray message about one is an undo.
_RECORD_ITEM = re.compile(
    r"\b(?:done|tick\w*|button|pressed|record\w*|entry|marked|logged|undo|wasn'?t me)\b|✅"
)
#: ... and words that take back a message, which count only when no destination is named.
_TAKE_BACK = re.compile(r"\b(?:ignore|disregard|delete|sent)\b")


def stray(text: str) -> bool:
    """Whether ``text`` (normalised) says the message was not meant for the bot, and is not
    about a record ("ignore that, meant for the bowls club" is stray; "pressed done by
    mistake, meant for my sister" takes the done back)."""
    if _RECORD_ITEM.search(text):
        return False
    return bool(STRAY.search(text) or _MEANT_FOR.search(text)) and (
        _MEANT_FOR.search(text) is not None or not _TAKE_BACK.search(text))


#: Undo said so plainly it beats the model: "pressed done by accident", "it ticked twice".
UNDO_STRONG = _any(
    r"\bundo\b|\bun[\s-]?tick\w*|\bby (?:accident|mistake)\b|\baccident(?:al)?ly\b",
    r"(?:^|\bplease |\bpls |\bcan you |\bcould you |\bjust |, )(?:delete|remove|cancel"
    r"|scratch|strike|scrap|disregard|ignore|take back) (?:that|it|this|the last|my last"
    r"|the done|what i (?:just )?(?:sent|said|pressed|wrote))\b",
    r"\bwrong (?:button|thing)\b|\b(?:pressed|clicked|hit|tapped) (?:done|it|that) by\b",
    r"\bun[\s-]?(?:record|mark|log|save)\w*|\b(?:finger|thumb) [sk]?[sk]ipped\b",
    # a record counted twice, on the wrong day or with the wrong number (round 17)
    r"\b(?:counted|ticked|logged|recorded) (?:\w+ ){0,3}twice\b|\b(?:two|2) ticks\b|\b(?:it|that"
    r"|they|its|it's|theyre|they're|this) (?:\w+ ){0,2}(?:come up|came up|gone through|went"
    r" through|on there|showing|shows) (?:\w+ ){0,2}twice\b",
    r"(?<!if i )(?<!if you )\bticks? (?:\w+ ){0,2}(?:is |are |on the )wrong\b|\bun-do\b",
    # "can you just wipe today", "can you delete yesterday's?", "can you clear them" (round 19)
    r"\b(?:can|could|would) you (?:just |please )?(?:wipe|delete|clear|remove|erase|scrub|cancel)"
    r" (?:today'?s?|yesterday'?s?|them|those|these|all (?:of )?(?:them|those|today)|the (?:record"
    r"|entry|ticks?|dones?)|my (?:record|ticks?|dones?))\b",
    r"\bshould (?:of|have|'ve) been \d+|\bit was (?:actually|actualy|really|only) \d+\b",
    r"\b(?:remove|scrub|delete|strike|wipe) (?:the|my) (?:\w+ ){0,3}(?:from|off) (?:today"
    r"|yesterday|the list|my list)\b|\bscrub (?:the|that|my)\b",
    # "take off the tick", "take today's done off" (round 21)
    r"\btake (?:off|away) (?:the|today'?s|that|my|this) (?:\w+ )?(?:tick|done|record|entry)\b"
    r"|\btake (?:the|today'?s|that|my|this) (?:\w+ )?(?:tick|done) (?:off|away)\b",
    # the done itself named as wrong: "that done was a lie", "can that done come off",
    # "it's got me down as done", "my grandkids keep pressing done, none done yet" (round 24)
    r"\b(?:that|the|my|last) done (?:was|is) (?:a )?(?:lie|wrong|mistake|fib|not (?:true|right))\b"
    r"|\btake back (?:my|that|the|this morning'?s?) done\b|\b(?:that|the|my) done (?:come|go"
    r"|be taken|be removed) off\b|\b(?:got|has|have) (?:me|her|him|mum|dad) down (?:as|for)"
    r" (?:done|finished)\b",
    r"\b(?:press|tap|hit)\w* (?:the )?done\b[^?]{0,80}?\b(?:none|nothing|not (?:\w+ )?(?:done"
    r"|started))\b",
    r"\b(?:dictation|voice to text|autocorrect|predictive text)\b[^.!?]{0,60}\b(?:none"
    r"|not (?:i'?ve |ive )?done|haven'?t done)\b|\b(?:got|get|getting) my days? mixed up\b",
)
#: A rest taken back: "cancel my break", "reverse the skip", "un-skip me".
UNDO_REST = _any(
    r"\b(?:cancel|remove|reverse|undo|delete|forget|ignore|scrap|scratch|drop|lift|end|take away"
    r"|take off) (?:the"
    r"|my|that|this|today'?s|yesterday'?s) (?:\w+ )?(?:skip|rest(?! of\b)(?: day)?|break|pause"
    r"|day off)\b|\bun[\s-]?(?:skip|pause)\w*|\b(?:don'?t|do not) (?:put|mark|count|log) me "
    r"(?:down )?as (?:resting|skipping|off)\b",
)
#: An earlier message taken back because it was done after all: "scratch my last message,
#: I did manage them", "ignore what I said earlier, I've done them now" (round 22).
DONE_INSTEAD = _any(
    r"(?:\bi\s+take\s+(?:it|that)\s+back|\bi\s+said\s+[^.?!]{0,40}?\bbut\s+(?:i\s+)?(?:lied|fibbed"
    r"|was\s+wrong)|\b(?:scratch|scrub|undo|ignore|forget)\s+(?:the|my|that|today'?s)\s+(?:rest"
    r"(?:\s+day)?|skip|lazy\s+day|day\s+off|break)|\bscratch\s+what\s+i\s+said\s+about\s+\w+)"
    r"\b[^?]{0,40}?\b(?:(?:i'?ve|ive|i\s+have|i)\s+)?(?:did|done)\s+(?:them|it|the|my|all|\d)\b"
    r"(?![^.!?\n]{0,40}\b(?:not\s+\d+|not\s+today|instead\s+of|by\s+(?:mistake|accident)"
    r"|wrong|yesterday|half|only)\b)",
    r"\b(?:scratch|ignore|disregard|forget|scrap)\s+(?:that|this|it|my\s+(?:last|earlier)"
    r"(?:\s+(?:message|msg|text|one))?|what\s+i\s+(?:just\s+)?(?:said|sent|wrote|put)(?:\s+"
    r"(?:earlier|before|this\s+morning))?)\b[^?]{0,40}?\b(?:i'?ve|ive|i\s+have|i)\s+"
    r"(?:(?!only\b|just\b|think\b)\w+\s+)?(?:did|done|managed|finished|completed)\b"
    # not a count or a day put right: "I did 8 not 10", "I only did the walk", "yesterday"
    r"(?![^.!?\n]{0,40}\b(?:not\s+\d+|not\s+today|instead\s+of|by\s+(?:mistake|accident)"
    r"|wrong|yesterday|half|only)\b)",
)
#: A number that was not a pain score: "the 4 I typed was my blood sugar not my pain".
NOT_MY_PAIN = _any(
    r"\b\d{1,2}\b[^.!?\n]{0,30}?\b(?:was|is|were)\s+(?:my|the|her|his|how)\s+[a-z ]{2,30}?,?\s+"
    r"not\s+(?:my|the|her|his)\s+pain\b",
)
#: A question about how Undo works, not an Undo: "how far back can I undo?", "if I press
#: done by mistake how do I take it back?" (round 23).
ASKS_UNDO = _any(
    r"\bhow\s+(?:do|can|would|will)\s+(?:i|you|we)\s+(?:\w+\s+){0,2}(?:undo|take\s+(?:it|that"
    r"|something|them|a\s+\w+)\s+back)\b(?=[^.!\n]*(?:\?|\bnext\s+time\b|\bmyself\b))",
    r"\bhow\s+far\s+back\s+can\b|\bdoes\s+undo\b|\bwhat'?s\s+the\s+word\s+(?:to|for)\b",
    r"\bwhat\s+happens\s+if\s+i\s+(?:\w+\s+){0,3}by\s+(?:mistake|accident)\b",
    r"\bif\s+i\s+(?:press|tap|hit|say|put)\w*\s+(?:\w+\s+){0,2}by\s+(?:mistake|accident),?\s+how\b",
    # "how do i undo if i press done by mistake", "is there an undo button", "if I undo a
    # done does it...", "can these exercises undo the damage" (round 24)
    r"\bhow\s+(?:do|can|would|will)\s+(?:i|you|we)\s+(?:\w+\s+){0,2}undo\s+(?:if|when|something"
    r"|things|a\s+\w+|it\s+if)\b|\bis\s+there\s+(?:an?\s+)?(?:undo|delete|remove)\b|\bif\s+i"
    r"\s+undo\b|\bundo\s+(?:the\s+|a\s+|all\s+the\s+)?(?:\w+\s+){0,2}(?:damage|lifetime|years"
    r"|decades|wear)\b|\btoo\s+late\s+to\s+undo\b",
)
#: A report opened like a question: "would you believe it, 10 sit to stands", "is it me or
#: is it stiffer today", "was wondering when you'd ask, done them ages ago" (round 24).
RHETORICAL = _any(
    r"^(?:\W*\w+\W+){0,2}?(?:would\s+you\s+believe|is\s+it\s+(?:just\s+)?me\s+or|is\s+it\s+bad"
    r"\s+that\s+i|(?:i\s+)?was\s+wondering\s+(?:when|if|whether)\s+(?:you'?d|youd|you\s+would)"
    r"\s+(?:ask|notice)|guess\s+what)\b",
)
