"""A reminder request read for its slots: stop, pause, resume, move, snooze, once, show.

"stop reminding me" stops them all; "pause the reminders for a week" pauses them for 7
days ("till monday" until a weekday); "turn reminders back on" resumes them; "move my
reminder to 7pm" sets the daily time; "remind me at 8 tomorrow" is one reminder
(``once``); "snooze" is in an hour and "remind me later" in two; "when is my reminder?"
shows them; "don't stop the reminders" keeps them as they are.

Only requests about the bot's own reminders are read: "my physio reminded me to walk",
"reminds me of my old knee" and "remind me how the clams go" are not. "How do I stop
the reminders?" is left to the FAQ answer (it asks how, the patient may not want it
done yet). Reads the prepared text (``meaning.prepare``). Pure: no ``telegram``.
"""

from __future__ import annotations

import re
from datetime import time

from bot.domain.reminders.timeparse import TimeParseError, parse_time
from bot.domain.understanding.reading import OnDay, ReminderAction, Slots

__all__ = ["reminder_slots"]

#: Only this much of a message is read for a reminder request.
MAX_CHARS = 300
#: "later" is this far off; a bare "snooze" this far.
LATER_MINUTES = 120
SNOOZE_MINUTES = 60
MAX_PAUSE_DAYS = 60

_REM_CORE = (
    r"(?:remind(?:er|a)?[sz]?|reminder[sz]|remid(?:er)?s?|reminer[sz]?|remnders?|notif\w*"
    r"|nudges)"
)
_REM = rf"(?:{_REM_CORE}|pings|daily messages?|messages|msgs|texts)"
_ME = r"(?:me|us|u)"
_DET = r"(?:(?:the|my|your|all|of|these|those|them|any|daily|morning|evening|exercise)\s)*"
_MENTION = re.compile(
    rf"\b{_REM}\b|\bremind(?:ing)? {_ME}\b|\bsnooze\b|\b(?:messag\w*|text|ping|nudge) me\b"
    r"|\bunsubscribe\b"
)
#: "remind me how the clams go", "reminds me of my knee", "remind Terry": not a request.
_NOT_REQUEST = re.compile(
    r"\bremind (?:me|us) (?:again )?(?:how|what|which|the (?!time)|about|of|who|where|why"
    r"|whether|if)\b|\breminds? (?:me|us) of\b|\breminded\b"
)
_HOW_TO = re.compile(
    r"^(?:(?:hi|hello|hey|ok|so|um|er)\W+)?(?:how (?:do|can|would|to|d'?you)|hw (?:do|can)"
    r"|how'?s? (?:it )?possible|is (?:there|it possible)|should i|shall i|why|what happens)\b"
    r"|\bhow (?:do|can) i\b"
)
_SHOW = re.compile(
    rf"^(?:so )?(?:when|what time|wot time|wat time|wht time|what times|which time)s?\b.*\b(?:"
    rf"{_REM}|remind)"
    rf"|\b(?:show|list|check|see|tell) (?:me )?{_DET}{_REM}\b"
    rf"|\b(?:are|r|is) (?:my|the) {_REM} (?:on|off|set|working|still on)\b"
    rf"|\bwhat (?:are|r) my {_REM}\b|\b(?:do i have|have i got) (?:a |any )?{_REM}\b"
    rf"|\bwhen(?:'?s| is| will) (?:my |the )?(?:next )?{_REM}\b"
)
_CHANGE = re.compile(
    r"\b(?:move|change|switch|set|put|shift|make|push|bring|reset|swap|stop|pause|cancel"
    r"|turn|can you|could you|please)\b"
)
_STOP_VERB = r"(?:stop|pause|cancel|turn off|switch off|end|delete|remove|mute|disable)"
_KEEP = re.compile(
    rf"\b(?:don'?t|dont|do not|never|no need to|not) {_STOP_VERB} (?:sending (?:me )?)?"
    rf"{_DET}(?:{_REM}|reminding)\b"
    # "do you keep my messages forever?" asks about storage, not the reminders
    rf"|(?<!do you )(?<!will you )(?<!why you )\bkeep {_DET}{_REM}\b"
    r"(?! off| forever| for\b| stored)"
)
_RESUME = re.compile(
    rf"\b(?:turn|switch|put|start|set) (?:(?:the|my|them|all)\s)*(?:{_REM} )?(?:back on|on again"
    rf"|up again)\b"
    rf"|\b(?:turn|switch|put) on {_DET}{_REM}\b|\b(?:turn|switch) {_DET}{_REM} on\b"
    rf"|\b(?:resume|restart|unpause|un pause|reactivate|re start) {_DET}{_REM}\b"
    rf"|\b{_REM} back on\b|\b(?:want|like|have) {_DET}{_REM} back\b"
    rf"|\bstart (?:reminding|messaging|sending) (?:{_ME} )?(?:again|back)\b"
    rf"|\b(?:start|begin) {_DET}{_REM} again\b|\bremind {_ME} again from now\b"
)
_STOP = re.compile(
    rf"\b(?:stop|quit) (?:sending (?:{_ME} )?|sending {_ME} )?{_DET}(?:{_REM}|reminding|messaging"
    rf"|texting|nagging|pinging)\b"
    rf"|\b(?:turn|switch|shut) off {_DET}{_REM}\b|\b(?:turn|switch|shut) {_DET}{_REM} off\b"
    rf"|\b(?:cancel|disable|delete|remove|mute|silence|get rid of) {_DET}{_REM}\b"
    rf"|\bno (?:more )?{_REM_CORE}\b|\bno more {_REM}\b"
    rf"|\b(?:don'?t|dont|do not|never) (?:remind|message|text|nag|send) {_ME}\b"
    rf"|\b(?:don'?t|dont|do not) (?:want|need) {_DET}{_REM}\b"
    rf"|\bunsubscribe\b|\benough (?:with |of )?{_DET}{_REM}\b"
    rf"|^{_DET}{_REM} off\b|\b(?:want|like|need) {_DET}{_REM} to stop\b"
    rf"|\bmute (?:you|this|the bot)\b"
)
_PAUSE_VERB = re.compile(
    rf"\b(?:pause|suspend|hold off(?: on)?|put on hold) {_DET}(?:{_REM}|reminding)\b"
    rf"|\b{_REM} on hold\b"
    rf"|\bbreak from {_DET}{_REM}\b"
)
_SNOOZE = re.compile(
    r"^(?:(?:please|pls|ok|okay|yes|yeah|just|can you|could you)\W+)*snooze\b(?! on| through)"
    rf"|\bsnooze (?:the |my |this |that |it\b|for\b|\d|an? \b|half)|\bsnooze {_REM}\b"
)
_LATER = re.compile(
    rf"\b(?:remind|nudge|ping|message|text|ask) {_ME} (?:again )?(?:a (?:bit|little) )?"
    r"(?:later|l8r|l8er|in a (?:bit|while|little while)|after(?:wards)?|another time)\b"
)
_IN = re.compile(
    r"\bin (?P<n>\d+|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|half an?|an? half)"
    r" ?(?P<unit>minutes?|mins?|m\b|hours?|hrs?|h\b)"
)
_SNOOZE_N = re.compile(r"\bsnooze (?:for )?(?P<n>\d{1,3})\b(?! ?(?:hours?|hrs?|h)\b)")
_FOR = re.compile(
    r"\b(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|couple(?: of)?"
    r"|few|several)? ?(?:more )?(?P<unit>days?|weeks?|wks?|fortnight|months?)\b"
)
_WEEKEND = re.compile(r"\b(?:the |this |over the )?weekend\b")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_UNTIL_DAY = re.compile(
    r"\b(?:till|until|til|untill|to|before) (?:next )?(?P<d>mon|tue|wed|thu|fri|sat|sun)\w*"
)
_TODAY_ONLY = re.compile(r"\b(?:today|tonight|rest of the day|for the day|this evening)\b")
_UNTIL_TOMORROW = re.compile(r"\b(?:till|until|til|untill) (?:tomorrow|tmrw?|tmr)\b")

_SET_VERB = re.compile(
    rf"\b(?:move|change|switch|set|put|shift|make|push|bring|reset|swap) {_DET}(?:{_REM}"
    r"|reminder time|time)\b"
    rf"|\b{_REM} (?:be |come |to come |to be |sent )?(?:at|for|to|around|about) "
    rf"|\bremind {_ME}\b|\b(?:message|text|ping|nudge) {_ME} (?:at|tomorrow|tonight|every)\b"
)
_ASKING = re.compile(
    r"\b(?:can|could|would|will|please|pls|plz|i'?d like|i want|i would like|prefer|rather"
    r"|instead|make|change|move|set|switch|shift|put|push|bring)\b"
)
_DAILY = re.compile(
    r"\b(?:every ?day|daily|each day|every (?:morning|evening|night|afternoon)|weekdays"
    r"|from now on|instead|each (?:morning|evening))\b"
)
_TOMORROW = re.compile(r"\b(?:tomorrow|tmrw?|tmr|tomoz|2moro\w*|tomorow|tommorow)\b")
_TODAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|later today|2day)\b")
_PM = re.compile(
    r"\b(?:tonight|evening|afternoon|pm|after (?:work|tea|dinner|lunch)|teatime|night)\b"
)
_AM = re.compile(r"\b(?:morning|am|breakfast)\b")
_TIME = re.compile(
    r"(?:\b(?:at|@|for|to|till|until|around|about|by|after|from|be|say|nearer|closer to)"
    r"\s+(?:about |around )?)?"
    r"(?<![\d:./])(?P<t>\d{1,2}(?:[:.]\d{2})?(?:\s*(?:am|pm)\b)?|\d{3,4})"
    r"(?P<oclock>\s*o'?\s?clock)?(?![\d/:.]|\s*(?:days?|weeks?|wks?|hours?|hrs?|mins?|minutes?"
    r"|x\b|times|reps|sets|out of|%|th\b|st\b|nd\b|rd\b))"
)
_HALF = re.compile(r"\b(?P<q>half|quarter) (?P<rel>past |to )?(?P<h>\d{1,2})\b(?![:.]\d)")
_DAYPART: tuple[tuple[re.Pattern[str], time], ...] = (
    (re.compile(r"\b(?:noon|midday)\b"), time(12, 0)),
    (re.compile(r"\blunch ?time\b|\bafter lunch\b"), time(13, 0)),
    (re.compile(r"\b(?:tonight|this evening|the evening|evening|teatime)\b"), time(19, 0)),
    (re.compile(r"\b(?:this afternoon|the afternoon|afternoon)\b"), time(15, 0)),
    (re.compile(r"\b(?:in the morning|this morning|the morning|morning)\b"), time(8, 0)),
)
_AM_PM = re.compile(r"(?<=\d)(\s?)([ap])\.m\b\.?")
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "couple": 2, "couple of": 2, "three": 3, "few": 3,
    "several": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30,
}


def _number(word: str | None, default: int = 1) -> int:
    if not word:
        return default
    word = word.strip()
    return int(word) if word.isdecimal() else _NUMBERS.get(word, default)


def _clock(text: str) -> time | None:
    """The time of day the message names, as the patient means it (an evening "8" is 20:00)."""
    half = _HALF.search(text)
    found: time | None = None
    explicit = False
    if half:
        hour = int(half["h"])
        if half["q"] == "half":
            minute = 30
        elif half["rel"] == "to ":
            hour, minute = hour - 1, 45
        else:
            minute = 15
        if 0 <= hour <= 23:
            found = time(hour, minute)
    else:
        for match in _TIME.finditer(text):
            raw, bare = match["t"], match.group(0) == match["t"] and not match["oclock"]
            if bare and ":" not in raw and "." not in raw and not raw.endswith(("am", "pm")):
                continue  # a bare number with no "at" before it: "3 days", "a 4"
            try:
                found = parse_time(raw)
            except TimeParseError:
                continue
            explicit = raw.endswith(("am", "pm")) or found.hour >= 13 or found.hour == 0
            break
    if found is None:
        return next((at for pattern, at in _DAYPART if pattern.search(text)), None)
    if not explicit and 1 <= found.hour <= 11:
        evening = _PM.search(text) is not None
        morning = _AM.search(text) is not None
        if evening or (found.hour <= 6 and not morning):
            found = time(found.hour + 12, found.minute)  # "at 8 tonight", "at 4": no one wants 4am
    return found


def _pause_length(text: str) -> tuple[int | None, int | None]:
    """(days, weekday to pause until): "for a week" is (7, None), "till monday" (None, 0)."""
    until = _UNTIL_DAY.search(text)
    if until:
        return None, _WEEKDAYS.index(until["d"])
    if _WEEKEND.search(text):
        return None, 0
    if _UNTIL_TOMORROW.search(text):
        return 1, None
    match = _FOR.search(text)
    if match:
        unit = match["unit"]
        n = _number(match["n"])
        days = (n * 7 if unit.startswith(("week", "wk")) else 14 if unit == "fortnight"
                else n * 30 if unit.startswith("month") else n)
        return max(1, min(days, MAX_PAUSE_DAYS)), None
    if _TODAY_ONLY.search(text):
        return 1, None
    return None, None


def _minutes(text: str, default: int) -> int:
    match = _IN.search(text)
    if match:
        n, unit = match["n"], match["unit"]
        if n.startswith("half") or n.endswith("half"):
            return 30 if unit.startswith("h") else 15
        value = _number(n)
        return max(5, min(value * 60 if unit.startswith("h") else value, 720))
    bare = _SNOOZE_N.search(text)
    if bare:
        return max(5, min(int(bare["n"]), 720))
    return default


def _pause(text: str) -> Slots:
    days, weekday = _pause_length(text)
    return Slots(reminder="pause", days=days, until_day=weekday)


def _action(text: str) -> Slots | None:
    if _SHOW.search(text) and not _CHANGE.search(text):
        return Slots(reminder="show")
    if _HOW_TO.search(text):
        return None  # "how do I stop the reminders": the FAQ says how
    if _KEEP.search(text):
        return Slots(reminder="keep")
    if _RESUME.search(text):
        return Slots(reminder="resume")
    if _SNOOZE.search(text):
        return Slots(reminder="snooze", in_minutes=_minutes(text, SNOOZE_MINUTES))
    if _PAUSE_VERB.search(text):
        return _pause(text)
    if _STOP.search(text):
        days, weekday = _pause_length(text)
        if days is not None or weekday is not None:
            return _pause(text)  # "no reminders for a week": a pause, not the end
        if _clock(text) is not None and re.search(r"\b(?:want|need)\b", text):
            return None  # "I don't want the reminders at 6am": about the time, asked
        return Slots(reminder="stop")
    return _timed(text)


def _timed(text: str) -> Slots | None:
    """"remind me at 8 tomorrow", "move my reminder to 7pm", "remind me in an hour"."""
    if not _SET_VERB.search(text):
        return None
    if _IN.search(text) and re.search(rf"\bremind {_ME}\b|\b{_REM}\b", text):
        return Slots(reminder="snooze", in_minutes=_minutes(text, SNOOZE_MINUTES))
    if _LATER.search(text) and not _TOMORROW.search(text):
        return Slots(reminder="snooze", in_minutes=LATER_MINUTES)
    at = _clock(text)
    day: OnDay | None = (
        "tomorrow" if _TOMORROW.search(text) else "today" if _TODAY.search(text) else None
    )
    if at is None:
        if day == "tomorrow" and re.search(rf"\bremind {_ME}\b", text):
            return Slots(reminder="once", on_day="tomorrow")  # at their usual time
        return None
    if not (re.search(rf"\bremind {_ME}\b", text) or _ASKING.search(text)):
        return None  # "they come at 7 and I'm dead to the world": a complaint, asked
    action: ReminderAction = "once" if day is not None and not _DAILY.search(text) else "set"
    return Slots(reminder=action, at=f"{at.hour:02d}:{at.minute:02d}",
                 on_day=day if action == "once" else None)


def reminder_slots(text: str) -> Slots | None:
    """The slots of a reminder request in ``text`` (prepared), or None when it is not one."""
    text = _AM_PM.sub(r"\1\2m", text[:MAX_CHARS])
    if not _MENTION.search(text):
        return None  # a bare "pause" may be the routine's: left to the rest reading
    if _NOT_REQUEST.search(text) and not _SET_VERB.search(_NOT_REQUEST.sub(" ", text)):
        return None
    return _action(text)
